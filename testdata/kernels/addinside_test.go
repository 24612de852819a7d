package kernels

import (
	"sync"
	"testing"
)

// WaitGroup.Add inside the goroutine: Wait may run before any Add and
// return at once, while the work is still to come.

func squares(n int, addBefore bool) []int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	out := make([]int, 0, n)
	for i := range n {
		if addBefore {
			wg.Add(1)
		}
		go func() {
			if !addBefore {
				wg.Add(1) // bug: races with Wait
			}
			defer wg.Done()
			mu.Lock()
			out = append(out, i*i)
			mu.Unlock()
		}()
	}
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	return append([]int(nil), out...)
}

func testAddInside(t *testing.T, addBefore bool) {
	if got := squares(3, addBefore); len(got) != 3 {
		t.Fatalf("got %d results, want 3", len(got))
	}
}

func TestAddInsideGoroutine(t *testing.T)      { testAddInside(t, false) }
func TestAddInsideGoroutineFixed(t *testing.T) { testAddInside(t, true) }
