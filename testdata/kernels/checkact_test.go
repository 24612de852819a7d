package kernels

import (
	"sync"
	"testing"
)

// Check-then-act without a lock: two withdrawals read the balance, each
// finds enough, and both pay out.

type wallet struct {
	mu  sync.Mutex
	bal int
}

func approve(bal, n int) bool { return bal >= n }

func (w *wallet) withdraw(n int) bool {
	bal := w.bal
	if !approve(bal, n) { // bug: another withdrawal may run between the check and the write
		return false
	}
	w.bal = bal - n
	return true
}

func (w *wallet) withdrawFixed(n int) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !approve(w.bal, n) {
		return false
	}
	w.bal -= n
	return true
}

func testCheckAct(t *testing.T, withdraw func(*wallet, int) bool) {
	w := &wallet{bal: 100}
	var wg sync.WaitGroup
	ok := make(chan bool, 2)
	for range 2 {
		wg.Add(1)
		go func() { defer wg.Done(); ok <- withdraw(w, 80) }()
	}
	wg.Wait()
	close(ok)
	paid := 0
	for o := range ok {
		if o {
			paid += 80
		}
	}
	if paid > 100 {
		t.Fatalf("paid out %d from a balance of 100", paid)
	}
}

func TestCheckThenAct(t *testing.T)      { testCheckAct(t, (*wallet).withdraw) }
func TestCheckThenActFixed(t *testing.T) { testCheckAct(t, (*wallet).withdrawFixed) }
