package kernels

import (
	"sync"
	"testing"
)

// Cond lost wake-up: the condition changes and Signal is sent without the
// Cond's lock, between the waiter's check and its Wait; the waiter then
// sleeps through the only Signal there will be.

type gate struct {
	mu   sync.Mutex
	cond *sync.Cond
	open bool
}

func newGate() *gate { g := &gate{}; g.cond = sync.NewCond(&g.mu); return g }

func (g *gate) wait() {
	g.mu.Lock()
	if !g.open {
		g.cond.Wait()
	}
	g.mu.Unlock()
}

func (g *gate) openUnlocked() {
	g.open = true // bug: not under g.mu
	g.cond.Signal()
}

func (g *gate) openLocked() {
	g.mu.Lock()
	g.open = true
	g.mu.Unlock()
	g.cond.Signal()
}

func (g *gate) waitFixed() {
	g.mu.Lock()
	for !g.open {
		g.cond.Wait()
	}
	g.mu.Unlock()
}

func TestCondLostWakeup(t *testing.T) {
	g := newGate()
	go g.openUnlocked()
	g.wait()
}

func TestCondLostWakeupFixed(t *testing.T) {
	g := newGate()
	go g.openLocked()
	g.waitFixed()
}
