package kernels

import (
	"sync"
	"sync/atomic"
	"testing"
)

// Negative WaitGroup counter: on the error path a worker calls Done, and
// its deferred Done runs too. Whether the error happens depends on which
// worker claims the last slot first.

func claimAll(workers, slots int, fixed bool) {
	var wg sync.WaitGroup
	var left atomic.Int32
	left.Store(int32(slots))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if left.Add(-1) < 0 {
				if !fixed {
					wg.Done() // bug: the deferred Done runs as well
				}
				return
			}
		}()
	}
	wg.Wait()
}

func TestNegativeWaitGroup(t *testing.T)      { claimAll(3, 2, false) }
func TestNegativeWaitGroupFixed(t *testing.T) { claimAll(3, 2, true) }
