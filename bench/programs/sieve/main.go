// Sieve: the concurrent prime sieve from the Go tour — a chain of filter goroutines, one per prime,
// connected by unbuffered channels — measures channel hand-off along a long goroutine pipeline.
// Usage: sieve [primes] (default 2000).
package main

import (
	"fmt"
	"os"
	"strconv"
)

func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

func filter(in <-chan int, out chan<- int, prime int) {
	for {
		i := <-in
		if i%prime != 0 {
			out <- i
		}
	}
}

func main() {
	n := 2000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: sieve [primes]")
			os.Exit(2)
		}
		n = v
	}
	ch := make(chan int)
	go generate(ch)
	sum, last := 0, 0
	for i := 0; i < n; i++ {
		prime := <-ch
		sum += prime
		last = prime
		ch1 := make(chan int)
		go filter(ch, ch1, prime)
		ch = ch1
	}
	fmt.Printf("primes: %d last: %d sum: %d\n", n, last, sum)
}
