// Parked: N goroutines all block receiving on one channel; once all have started, the channel is
// closed and every goroutine wakes, records a result and exits — measures the memory of parked
// goroutines and a mass wake-up. The goroutines use channel operations only (no calls), so what
// is measured is the cost of a parked goroutine itself. Usage: parked [goroutines] (default 1000000).
package main

import (
	"fmt"
	"os"
	"strconv"
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
	ready := make(chan struct{}, n)
	done := make(chan struct{}, n)
	results := make([]int32, n)
	for i := 0; i < n; i++ {
		go func() {
			ready <- struct{}{}
			<-release
			results[i] = int32(i % 1000)
			done <- struct{}{}
		}()
	}
	for range n {
		<-ready
	}
	close(release)
	for range n {
		<-done
	}
	sum := 0
	for _, r := range results {
		sum += int(r)
	}
	fmt.Printf("goroutines: %d sum: %d\n", n, sum)
}
