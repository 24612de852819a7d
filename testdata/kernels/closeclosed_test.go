package kernels

import (
	"sync"
	"testing"
)

// Close of a closed channel: two goroutines that may each decide to stop
// the service check a flag, then close; both can pass the check.

type service struct {
	mu      sync.Mutex
	stopped bool
	once    sync.Once
	done    chan struct{}
}

func (s *service) isStopped() bool { s.mu.Lock(); defer s.mu.Unlock(); return s.stopped }

func (s *service) stop() {
	if !s.isStopped() { // bug: check, then act, without holding the lock
		s.mu.Lock()
		s.stopped = true
		s.mu.Unlock()
		close(s.done)
	}
}

func (s *service) stopFixed() { s.once.Do(func() { close(s.done) }) }

func testCloseClosed(t *testing.T, stop func(*service)) {
	s := &service{done: make(chan struct{})}
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() { defer wg.Done(); stop(s) }()
	}
	wg.Wait()
	<-s.done
}

func TestCloseOfClosed(t *testing.T)      { testCloseClosed(t, (*service).stop) }
func TestCloseOfClosedFixed(t *testing.T) { testCloseClosed(t, (*service).stopFixed) }
