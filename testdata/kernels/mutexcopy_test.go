package kernels

import (
	"sync"
	"testing"
)

// A mutex copied by value: the method has a value receiver, so each call
// locks its own copy of the mutex and nothing is excluded; increments
// through the shared pointer are lost.

type counter struct {
	mu sync.Mutex
	n  *int
}

func (c counter) incr() { // bug: c (and c.mu) is a copy
	c.mu.Lock()
	v := *c.n
	record(v)
	*c.n = v + 1
	c.mu.Unlock()
}

func (c *counter) incrFixed() {
	c.mu.Lock()
	v := *c.n
	record(v)
	*c.n = v + 1
	c.mu.Unlock()
}

func record(int) {}

func testMutexCopy(t *testing.T, incr func(*counter)) {
	c := &counter{n: new(int)}
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() { defer wg.Done(); incr(c) }()
	}
	wg.Wait()
	if *c.n != 3 {
		t.Fatalf("count %d, want 3", *c.n)
	}
}

func TestMutexCopied(t *testing.T)      { testMutexCopy(t, func(c *counter) { c.incr() }) }
func TestMutexCopiedFixed(t *testing.T) { testMutexCopy(t, (*counter).incrFixed) }
