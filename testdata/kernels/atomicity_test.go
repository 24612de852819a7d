package kernels

import (
	"sync"
	"testing"
)

// Atomicity violation across two critical sections: a cache miss is
// checked under the lock, computed outside it and stored under it again;
// two misses of the same key both compute, and both count.

type memo struct {
	mu       sync.Mutex
	m        map[string]int
	computes int
}

func (c *memo) get(k string, fixed bool) int {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = len(k) * 7 // expensive, so done outside the lock
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[k]; ok && fixed {
		return old // someone else filled it meanwhile
	}
	c.m[k] = v // bug (unfixed): a second fill, counted again
	c.computes++
	return v
}

func testAtomicity(t *testing.T, fixed bool) {
	c := &memo{m: map[string]int{}}
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() { defer wg.Done(); c.get("key", fixed) }()
	}
	wg.Wait()
	if c.computes != 1 {
		t.Fatalf("computed %d times, want 1", c.computes)
	}
}

func TestAtomicityViolation(t *testing.T)      { testAtomicity(t, false) }
func TestAtomicityViolationFixed(t *testing.T) { testAtomicity(t, true) }
