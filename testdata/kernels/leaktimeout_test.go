package kernels

import (
	"errors"
	"testing"
	"time"
)

// Sender leaked after a timeout: the caller stops waiting, and the worker's
// send on the unbuffered result channel blocks forever.

var errTimeout = errors.New("timeout")

func slowSquare(x int) int { time.Sleep(20 * time.Millisecond); return x * x }

func squareWithin(x int, d time.Duration, buffered bool) (int, error) {
	ch := make(chan int) // bug: nobody receives after the timeout
	if buffered {
		ch = make(chan int, 1)
	}
	go func() { ch <- slowSquare(x) }()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(d):
		return 0, errTimeout
	}
}

func testLeakTimeout(t *testing.T, buffered bool) {
	for i := range 3 {
		if v, err := squareWithin(i, 10*time.Millisecond*time.Duration(i+1), buffered); err == nil && v != i*i {
			t.Fatalf("square(%d) = %d", i, v)
		}
	}
}

func TestLeakAfterTimeout(t *testing.T)      { testLeakTimeout(t, false) }
func TestLeakAfterTimeoutFixed(t *testing.T) { testLeakTimeout(t, true) }
