// A hammer for the scheduler through the VM: thousands of goroutines
// passing tokens over channels, contending on a mutex and a WaitGroup,
// sleeping and yielding, at GOMAXPROCS > 1.
package main

import (
	"runtime"
	"sync"
	"time"
)

func main() {
	const workers = 3000
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	in := make(chan int, 64)
	out := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for v := range in {
				mu.Lock()
				total += v
				mu.Unlock()
				if v%97 == 0 {
					runtime.Gosched()
				}
				if v%1013 == 0 {
					time.Sleep(time.Microsecond)
				}
				out <- v
			}
		}(w)
	}
	go func() {
		for i := 1; i <= 30000; i++ {
			in <- i
		}
		close(in)
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	sum := 0
	for v := range out {
		sum += v
	}
	mu.Lock()
	defer mu.Unlock()
	if sum != 30000*30001/2 || total != sum {
		println("BUG", sum, total)
		return
	}
	println("ok", sum)
}
