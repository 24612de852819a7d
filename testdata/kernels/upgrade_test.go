package kernels

import (
	"sync"
	"testing"
)

// Lock upgrade: holding the read lock, a miss takes the write lock to fill
// the entry; Lock waits for every reader, itself included.

type lazyMap struct {
	mu sync.RWMutex
	m  map[int]int
}

func (l *lazyMap) get(k int) int {
	l.mu.RLock()
	defer l.mu.RUnlock()
	v, ok := l.m[k]
	if !ok {
		l.mu.Lock() // bug: still holding the read lock
		l.m[k] = k * k
		l.mu.Unlock()
		v = k * k
	}
	return v
}

func (l *lazyMap) getFixed(k int) int {
	l.mu.RLock()
	v, ok := l.m[k]
	l.mu.RUnlock()
	if ok {
		return v
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if v, ok := l.m[k]; ok {
		return v
	}
	l.m[k] = k * k
	return k * k
}

func testUpgrade(t *testing.T, get func(*lazyMap, int) int) {
	l := &lazyMap{m: map[int]int{1: 1}}
	var wg sync.WaitGroup
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); get(l, i) }()
	}
	wg.Wait()
}

func TestLockUpgrade(t *testing.T)      { testUpgrade(t, (*lazyMap).get) }
func TestLockUpgradeFixed(t *testing.T) { testUpgrade(t, (*lazyMap).getFixed) }
