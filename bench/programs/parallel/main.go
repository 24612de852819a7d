// Parallel: 2 goroutines each run an independent CPU-bound loop (an xorshift PRNG summed over N
// steps); bench/run runs it at GOMAXPROCS=1 and GOMAXPROCS=2 — measures whether CPU-bound
// goroutines run in parallel. Usage: parallel [steps per goroutine] (default 50000000).
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

func work(seed uint64, n int) uint64 {
	x, sum := seed, uint64(0)
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		sum += x >> 32
	}
	return sum
}

func main() {
	n := 50000000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: parallel [steps per goroutine]")
			os.Exit(2)
		}
		n = v
	}
	const workers = 2
	var wg sync.WaitGroup
	sums := make([]uint64, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sums[w] = work(uint64(w)*0x9E3779B97F4A7C15+1, n)
		}()
	}
	wg.Wait()
	fmt.Printf("workers: %d steps: %d sums: %d %d\n", workers, n, sums[0], sums[1])
}
