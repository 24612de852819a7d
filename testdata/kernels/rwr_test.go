package kernels

import (
	"sync"
	"testing"
)

// RWR: a reader takes the read lock twice (a method calling another); a
// writer that arrives in between waits for the first, and the second RLock
// waits behind the writer (RWMutex gives waiting writers priority).

type registry struct {
	mu    sync.RWMutex
	names map[string]int
}

func (r *registry) lookup(k string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.names[k]
}

func (r *registry) sum(keys ...string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	s := 0
	for _, k := range keys {
		s += r.lookup(k) // bug: RLock again while holding it
	}
	return s
}

func (r *registry) sumFixed(keys ...string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	s := 0
	for _, k := range keys {
		s += r.names[k]
	}
	return s
}

func (r *registry) set(k string, v int) { r.mu.Lock(); r.names[k] = v; r.mu.Unlock() }

func testRWR(t *testing.T, sum func(*registry, ...string) int) {
	r := &registry{names: map[string]int{"a": 1, "b": 2}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); sum(r, "a", "b") }()
	go func() { defer wg.Done(); r.set("c", 3) }()
	wg.Wait()
}

func TestRWR(t *testing.T)      { testRWR(t, (*registry).sum) }
func TestRWRFixed(t *testing.T) { testRWR(t, (*registry).sumFixed) }
