package kernels

import (
	"sync"
	"testing"
)

// AB-BA: two transfers lock their accounts in argument order; run in
// opposite directions at once, each holds one lock and waits for the other.

type account struct {
	id  int
	mu  sync.Mutex
	bal int
}

func transfer(from, to *account, n int) {
	from.mu.Lock()
	defer from.mu.Unlock()
	to.mu.Lock()
	defer to.mu.Unlock()
	from.bal -= n
	to.bal += n
}

func transferFixed(from, to *account, n int) {
	a, b := from, to
	if b.id < a.id {
		a, b = b, a // one global order: by id
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	b.mu.Lock()
	defer b.mu.Unlock()
	from.bal -= n
	to.bal += n
}

func testABBA(t *testing.T, xfer func(from, to *account, n int)) {
	a, b := &account{id: 1, bal: 100}, &account{id: 2, bal: 100}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); xfer(a, b, 10) }()
	go func() { defer wg.Done(); xfer(b, a, 20) }()
	wg.Wait()
	if a.bal+b.bal != 200 {
		t.Fatalf("money made or lost: %d", a.bal+b.bal)
	}
}

func TestABBA(t *testing.T)      { testABBA(t, transfer) }
func TestABBAFixed(t *testing.T) { testABBA(t, transferFixed) }
