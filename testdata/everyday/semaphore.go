// semaphore limits concurrent downloads with a buffered-channel semaphore
// and passes work through a bounded queue built on sync.Cond.
package main

import (
	"fmt"
	"sort"
	"sync"
)

// BoundedQueue is a blocking FIFO with a fixed capacity.
type BoundedQueue struct {
	mu       sync.Mutex
	notEmpty *sync.Cond
	notFull  *sync.Cond
	items    []int
	cap      int
	closed   bool
	maxLen   int
}

func NewBoundedQueue(n int) *BoundedQueue {
	q := &BoundedQueue{cap: n}
	q.notEmpty = sync.NewCond(&q.mu)
	q.notFull = sync.NewCond(&q.mu)
	return q
}

func (q *BoundedQueue) Put(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == q.cap {
		q.notFull.Wait()
	}
	q.items = append(q.items, v)
	q.maxLen = max(q.maxLen, len(q.items))
	q.notEmpty.Signal()
}

func (q *BoundedQueue) Get() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.notEmpty.Wait()
	}
	if len(q.items) == 0 {
		return 0, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	return v, true
}

func (q *BoundedQueue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.notEmpty.Broadcast()
}

func main() {
	// Part 1: at most 3 "downloads" in flight at once.
	urls := make([]string, 12)
	for i := range urls {
		urls[i] = fmt.Sprintf("https://example.com/file%02d.bin", i)
	}
	sem := make(chan struct{}, 3)
	var mu sync.Mutex
	inFlight, peak := 0, 0
	sizes := make(map[string]int)
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			mu.Lock()
			inFlight++
			peak = max(peak, inFlight)
			mu.Unlock()
			size := 0
			for _, c := range u {
				size = size*7 + int(c)%13
			}
			mu.Lock()
			sizes[u] = size % 10000
			inFlight--
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("downloads:", len(sizes), "peak concurrency <= 3:", peak <= 3 && peak >= 1)
	keys := make([]string, 0, len(sizes))
	for k := range sizes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys[:6] {
		fmt.Printf("  %s -> %d bytes\n", k, sizes[k])
	}
	total := 0
	for _, k := range keys {
		total += sizes[k]
	}
	fmt.Println("  ... total bytes:", total)

	// Part 2: 2 producers, 3 consumers, queue capacity 4.
	q := NewBoundedQueue(4)
	var prod sync.WaitGroup
	for p := 0; p < 2; p++ {
		prod.Add(1)
		go func() {
			defer prod.Done()
			for i := 1; i <= 50; i++ {
				q.Put(p*1000 + i)
			}
		}()
	}
	type tally struct{ count, sum int }
	tallies := make([]tally, 3)
	var cons sync.WaitGroup
	for c := 0; c < 3; c++ {
		cons.Add(1)
		go func() {
			defer cons.Done()
			for {
				v, ok := q.Get()
				if !ok {
					return
				}
				tallies[c].count++
				tallies[c].sum += v
			}
		}()
	}
	prod.Wait()
	q.Close()
	cons.Wait()
	count, sum := 0, 0
	for _, t := range tallies {
		count += t.count
		sum += t.sum
	}
	fmt.Println("consumed items:", count, "sum:", sum, "expected:", 2*1275+50*1000)
	fmt.Println("queue never exceeded capacity:", q.maxLen <= 4, "empty at end:", len(q.items) == 0)
	_, ok := q.Get()
	fmt.Println("get after close:", ok)
}
