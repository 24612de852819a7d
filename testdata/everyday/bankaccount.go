// bankaccount runs many concurrent transfers between accounts protected by
// mutexes (with ordered locking to avoid deadlock), with the account map
// under an RWMutex, and checks that money is conserved.
package main

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
)

var ErrInsufficient = errors.New("insufficient funds")

type Account struct {
	mu      sync.Mutex
	ID      int
	Owner   string
	balance int64
}

type Bank struct {
	mu       sync.RWMutex // guards the accounts map itself
	accounts map[int]*Account
	nextID   int
	okCount  atomic.Int64
	failed   atomic.Int64
}

func NewBank() *Bank { return &Bank{accounts: map[int]*Account{}, nextID: 1} }

func (b *Bank) Open(owner string, initial int64) *Account {
	b.mu.Lock()
	defer b.mu.Unlock()
	a := &Account{ID: b.nextID, Owner: owner, balance: initial}
	b.accounts[a.ID] = a
	b.nextID++
	return a
}

func (b *Bank) Get(id int) *Account {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.accounts[id]
}

// Transfer locks both accounts in ID order so concurrent opposite transfers
// cannot deadlock.
func (b *Bank) Transfer(from, to int, amount int64) error {
	if from == to {
		return nil
	}
	a, c := b.Get(from), b.Get(to)
	first, second := a, c
	if first.ID > second.ID {
		first, second = second, first
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	if a.balance < amount {
		b.failed.Add(1)
		return fmt.Errorf("transfer %d->%d of %d: %w", from, to, amount, ErrInsufficient)
	}
	a.balance -= amount
	c.balance += amount
	b.okCount.Add(1)
	return nil
}

func (b *Bank) Total() int64 {
	b.mu.RLock()
	defer b.mu.RUnlock()
	var sum int64
	for _, a := range b.accounts {
		a.mu.Lock()
		sum += a.balance
		a.mu.Unlock()
	}
	return sum
}

func main() {
	bank := NewBank()
	owners := []string{"ann", "ben", "cat", "dan", "eve"}
	for _, o := range owners {
		bank.Open(o, 1000)
	}
	start := bank.Total()
	fmt.Println("accounts:", len(owners), "starting total:", start)

	// Each worker does a fixed round trip: it moves money around a cycle and
	// back, so the final balances are known regardless of interleaving.
	var wg sync.WaitGroup
	const workers, rounds = 8, 250
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				amt := int64(1 + (w+r)%5)
				from := 1 + (w+r)%len(owners)
				to := 1 + (from % len(owners))
				for bank.Transfer(from, to, amt) != nil {
					// Retry until the source has funds; only happens transiently.
				}
				for bank.Transfer(to, from, amt) != nil {
				}
			}
		}(w)
	}

	wg.Wait()

	fmt.Println("successful transfers:", bank.okCount.Load())
	fmt.Println("final total:", bank.Total(), "conserved:", bank.Total() == start)

	// A second phase with deterministic outcomes: one goroutine per payer,
	// each paying a fixed amount to account 1.
	var pay sync.WaitGroup
	errs := make(chan error, len(owners))
	for id := 2; id <= len(owners); id++ {
		pay.Add(1)
		go func(id int) {
			defer pay.Done()
			if err := bank.Transfer(id, 1, int64(id)*300); err != nil {
				errs <- err
			}
		}(id)
	}
	pay.Wait()
	close(errs)
	var failures []error
	for err := range errs {
		failures = append(failures, err)
	}
	sort.Slice(failures, func(i, j int) bool { return failures[i].Error() < failures[j].Error() })
	for _, err := range failures {
		fmt.Println("error:", err, "| insufficient:", errors.Is(err, ErrInsufficient))
	}

	for id := 1; id <= len(owners); id++ {
		a := bank.Get(id)
		fmt.Printf("  #%d %-4s %6d\n", a.ID, a.Owner, a.balance)
	}
	fmt.Println("total after payments:", bank.Total())
}
