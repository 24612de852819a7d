// sync: Mutex, RWMutex, WaitGroup, Once, Cond and atomics under contention.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type SafeCounter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key]++
}

func main() {
	c := SafeCounter{m: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				c.Inc("k")
			}
		}()
	}
	wg.Wait()
	fmt.Println("mutex count:", c.m["k"])

	var once sync.Once
	var onceCount int
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { onceCount++ })
		}()
	}
	wg.Wait()
	fmt.Println("once ran:", onceCount)

	var n atomic.Int64
	var plain int32
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 500; j++ {
				n.Add(1)
				atomic.AddInt32(&plain, 2)
			}
		}()
	}
	wg.Wait()
	fmt.Println("atomic:", n.Load(), atomic.LoadInt32(&plain))

	var rw sync.RWMutex
	shared := 0
	for i := 0; i < 5; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			rw.Lock()
			shared += 10
			rw.Unlock()
		}()
		go func() {
			defer wg.Done()
			rw.RLock()
			_ = shared
			rw.RUnlock()
		}()
	}
	wg.Wait()
	fmt.Println("rwmutex:", shared)

	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	woken := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			for !ready {
				cond.Wait()
			}
			woken++
			mu.Unlock()
		}()
	}
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println("cond woke:", woken)

	v := sync.OnceValue(func() int { fmt.Println("computing"); return 7 })
	fmt.Println(v(), v())
	var m sync.Map
	m.Store("a", 1)
	got, ok := m.Load("a")
	fmt.Println(got, ok, mu.TryLock(), mu.TryLock())
}
