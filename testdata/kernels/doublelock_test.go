package kernels

import (
	"sync"
	"testing"
)

// Double lock: a method called with the lock held takes it again, on a path
// only some interleavings reach (here: the entry went stale meanwhile).

type dlCache struct {
	mu    sync.Mutex
	stale bool
	val   int
}

func (c *dlCache) refresh() {
	c.mu.Lock() // bug: get already holds c.mu
	c.val++
	c.stale = false
	c.mu.Unlock()
}

func (c *dlCache) get() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stale {
		c.refresh()
	}
	return c.val
}

func (c *dlCache) refreshLocked() { c.val++; c.stale = false }

func (c *dlCache) getFixed() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stale {
		c.refreshLocked()
	}
	return c.val
}

func (c *dlCache) invalidate() { c.mu.Lock(); c.stale = true; c.mu.Unlock() }

func testDoubleLock(t *testing.T, get func(*dlCache) int) {
	c := &dlCache{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); c.invalidate() }()
	go func() { defer wg.Done(); get(c) }()
	wg.Wait()
}

func TestDoubleLock(t *testing.T)      { testDoubleLock(t, (*dlCache).get) }
func TestDoubleLockFixed(t *testing.T) { testDoubleLock(t, (*dlCache).getFixed) }
