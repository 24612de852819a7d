// Parked: N goroutines each call a worker function that signals it has started (WaitGroup.Done),
// then blocks in a helper receiving on one channel; once all have started, the channel is closed
// and every goroutine wakes, records a result through another call and signals it has finished
// (WaitGroup.Done) — measures the memory of parked goroutines that call functions, as real ones
// do (their stacks hold the frames of the calls, and grew for the deepest: WaitGroup.Done), and a
// mass wake-up. Usage: parked [goroutines] (default 1000000).
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: parked [goroutines]")
			os.Exit(2)
		}
		n = v
	}
	release := make(chan struct{})
	var started, finished sync.WaitGroup
	started.Add(n)
	finished.Add(n)
	results := make([]int32, n)
	for i := 0; i < n; i++ {
		go worker(i, release, results, &started, &finished)
	}
	started.Wait()
	close(release)
	finished.Wait()
	sum := 0
	for _, r := range results {
		sum += int(r)
	}
	fmt.Printf("goroutines: %d sum: %d\n", n, sum)
}

// worker is each goroutine: it parks in wait, two calls deep.
func worker(i int, release <-chan struct{}, results []int32, started, finished *sync.WaitGroup) {
	started.Done()
	wait(release)
	results[i] = result(i)
	finished.Done()
}

// wait blocks until release is closed.
func wait(release <-chan struct{}) {
	<-release
}

// result is the goroutine's work once released.
func result(i int) int32 {
	return int32(i % 1000)
}
