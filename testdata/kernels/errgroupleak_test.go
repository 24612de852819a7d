package kernels

import (
	"errors"
	"testing"
)

// First error wins, the rest leak: every worker reports its error on an
// unbuffered channel and the caller returns after the first.

func firstError(n int, buf int) error {
	errc := make(chan error, buf)
	for i := range n {
		go func() {
			if i%2 == 0 {
				errc <- errors.New("failed") // bug (buf < failures): blocks after the first
				return
			}
			errc <- nil
		}()
	}
	for range n {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func TestFirstErrorLeak(t *testing.T)      { firstError(3, 0) }
func TestFirstErrorLeakFixed(t *testing.T) { firstError(3, 3) }
