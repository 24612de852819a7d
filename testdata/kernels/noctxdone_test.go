package kernels

import (
	"context"
	"sync"
	"testing"
)

// Select without ctx.Done: a worker pool's workers wait for jobs only;
// when the producer stops early on cancellation, they wait forever.

func pool(ctx context.Context, n int, jobs []int, fixed bool) int {
	ch := make(chan int)
	var mu sync.Mutex
	sum := 0
	for range n {
		go func() {
			for {
				var j int
				if fixed {
					select {
					case j = <-ch:
					case <-ctx.Done():
						return
					}
				} else {
					j = <-ch // bug: no way out once the producer stops
				}
				mu.Lock()
				sum += j
				mu.Unlock()
			}
		}()
	}
	for _, j := range jobs {
		select {
		case ch <- j:
		case <-ctx.Done():
			mu.Lock()
			defer mu.Unlock()
			return sum
		}
	}
	mu.Lock()
	defer mu.Unlock()
	return sum
}

func testNoCtxDone(t *testing.T, fixed bool) {
	ctx, cancel := context.WithCancel(context.Background())
	pool(ctx, 2, []int{1, 2, 3}, fixed)
	cancel()
	if fixed {
		return
	}
}

func TestSelectWithoutCtxDone(t *testing.T)      { testNoCtxDone(t, false) }
func TestSelectWithoutCtxDoneFixed(t *testing.T) { testNoCtxDone(t, true) }
