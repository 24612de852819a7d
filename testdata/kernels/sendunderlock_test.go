package kernels

import (
	"sync"
	"testing"
)

// Channel send while holding a mutex: the publisher holds the lock while
// it hands an event to the subscriber, which needs the same lock before it
// receives.

type bus struct {
	mu     sync.Mutex
	events chan string
	seen   int
}

func (b *bus) publish(e string, fixed bool) {
	b.mu.Lock()
	b.seen++
	if fixed {
		b.mu.Unlock()
		b.events <- e
		return
	}
	b.events <- e // bug: sent with b.mu held
	b.mu.Unlock()
}

func (b *bus) subscribe(n int, done chan<- struct{}) {
	for range n {
		b.mu.Lock() // reads the count before each event
		_ = b.seen
		b.mu.Unlock()
		<-b.events
	}
	close(done)
}

func testSendUnderLock(t *testing.T, fixed bool) {
	b := &bus{events: make(chan string)}
	done := make(chan struct{})
	go b.subscribe(2, done)
	b.publish("a", fixed)
	b.publish("b", fixed)
	<-done
}

func TestSendUnderLock(t *testing.T)      { testSendUnderLock(t, false) }
func TestSendUnderLockFixed(t *testing.T) { testSendUnderLock(t, true) }
