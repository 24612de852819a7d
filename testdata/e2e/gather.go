// Goroutine results gathered in order through per-goroutine slots and channels.
package main

import (
	"fmt"
	"strings"
	"sync"
)

func collatz(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func main() {
	const n = 20
	results := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = collatz(i + 1)
		}()
	}
	wg.Wait()
	fmt.Println(results)

	// Futures: one channel per goroutine, read in order.
	words := []string{"alpha", "beta", "gamma", "delta"}
	futures := make([]chan string, len(words))
	for i, w := range words {
		futures[i] = make(chan string, 1)
		go func() { futures[i] <- strings.ToUpper(w) }()
	}
	for _, f := range futures {
		fmt.Print(<-f, " ")
	}
	fmt.Println()

	// Indexed results through a shared channel, reassembled by index.
	type res struct{ idx, val int }
	ch := make(chan res)
	for i := 0; i < 10; i++ {
		go func(i int) { ch <- res{i, i * i * i} }(i)
	}
	cubes := make([]int, 10)
	for range 10 {
		r := <-ch
		cubes[r.idx] = r.val
	}
	fmt.Println(cubes)

	// Chained goroutines: each adds one and passes it on.
	first := make(chan int)
	in := first
	for i := 0; i < 1000; i++ {
		out := make(chan int)
		go func(in <-chan int, out chan<- int) { out <- 1 + <-in }(in, out)
		in = out
	}
	first <- 0
	fmt.Println("chain:", <-in)
}
