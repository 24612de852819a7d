package kernels

import (
	"sync"
	"testing"
)

// Unlock of an unlocked mutex: an early return unlocks, and so does the
// deferred unlock registered after it on another path.

type queue struct {
	mu    sync.Mutex
	items []int
}

func (q *queue) pop(fixed bool) (int, bool) {
	q.mu.Lock()
	if len(q.items) == 0 {
		q.mu.Unlock()
		if fixed {
			return 0, false
		}
		// bug: falls through to the deferred Unlock below
	} else {
		defer q.mu.Unlock()
		v := q.items[0]
		q.items = q.items[1:]
		return v, true
	}
	defer q.mu.Unlock()
	return 0, false
}

func (q *queue) push(v int) { q.mu.Lock(); q.items = append(q.items, v); q.mu.Unlock() }

func testUnlock(t *testing.T, fixed bool) {
	q := &queue{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); q.push(1) }()
	go func() { defer wg.Done(); q.pop(fixed) }()
	wg.Wait()
}

func TestUnlockOfUnlocked(t *testing.T)      { testUnlock(t, false) }
func TestUnlockOfUnlockedFixed(t *testing.T) { testUnlock(t, true) }
