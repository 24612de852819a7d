package kernels

import (
	"sync"
	"testing"
)

// WaitGroup.Wait while holding a mutex the workers need to finish: if the
// coordinator takes the lock before they have recorded their results, no
// one can go on.

type batch struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	results []int
}

func (b *batch) run(n int, fixed bool) []int {
	for i := range n {
		b.wg.Add(1)
		go func() {
			defer b.wg.Done()
			b.mu.Lock()
			b.results = append(b.results, i)
			b.mu.Unlock()
		}()
	}
	if fixed {
		b.wg.Wait()
		b.mu.Lock()
	} else {
		b.mu.Lock()
		b.wg.Wait() // bug: waits with b.mu held
	}
	defer b.mu.Unlock()
	return append([]int(nil), b.results...)
}

func TestWaitUnderLock(t *testing.T)      { (&batch{}).run(2, false) }
func TestWaitUnderLockFixed(t *testing.T) { (&batch{}).run(2, true) }
