// Goroutines that park on channels, selects, a mutex, a WaitGroup and
// sleeps at several call depths, passing scalars, strings and arrays: run
// with stack poisoning on (rt.SetPoisonStacks), every park moves the
// parked G's stack, so a value in flight through a stack slot would arrive
// as poison or throw.
package main

import (
	"fmt"
	"strconv"
	"sync"
	"time"
)

type result struct {
	worker int
	v      [2]int
	s      string
}

// recvAt receives from in, or sees quit, depth calls down.
func recvAt(depth int, in <-chan int, quit <-chan struct{}) (int, bool) {
	if depth > 0 {
		v, ok := recvAt(depth-1, in, quit)
		return v, ok
	}
	select {
	case v := <-in:
		return v, true
	case <-quit:
		return 0, false
	}
}

// sendAt sends r on out depth calls down.
func sendAt(depth int, out chan<- result, r result) {
	if depth > 0 {
		sendAt(depth-1, out, r)
		return
	}
	out <- r
}

func main() {
	const workers, n = 64, 3000
	in := make(chan int)
	out := make(chan result, 4)
	quit := make(chan struct{})
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for {
				v, ok := recvAt(w%7*9, in, quit)
				if !ok {
					return
				}
				mu.Lock()
				total += v
				mu.Unlock()
				if v%101 == 0 {
					time.Sleep(time.Microsecond)
				}
				sendAt(w%5*13, out, result{w, [2]int{v, 2 * v}, strconv.Itoa(v)})
			}
		}(w)
	}
	go func() {
		for i := 1; i <= n; i++ {
			in <- i
		}
		close(quit)
	}()
	sum, sum2, bad := 0, 0, 0
	for i := 0; i < n; i++ {
		r := <-out
		sum += r.v[0]
		sum2 += r.v[1]
		if r.s != strconv.Itoa(r.v[0]) || r.worker < 0 || r.worker >= workers {
			bad++
		}
	}
	wg.Wait()
	fmt.Println(total, sum, sum2, bad)
}
