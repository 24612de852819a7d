// preemptloop: goroutines spinning in counting loops — `for i := 0; i < n;
// i++` and `for i := range n`, whose step and test goro copies to the back
// edge as one instruction — are preempted there, as gc preempts them
// asynchronously: with one P, main runs again while they spin, and the
// program ends.
package main

import (
	"fmt"
	"runtime"
)

var sink int

func count(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i & 3
	}
	return s
}

func ranged(n int) int {
	s := 0
	for i := range n {
		s ^= i
	}
	return s
}

func main() {
	runtime.GOMAXPROCS(1)
	started := make(chan string)
	go func() {
		started <- "count"
		sink = count(1 << 62)
	}()
	fmt.Println(<-started, "spins")
	go func() {
		started <- "ranged"
		sink = ranged(1 << 62)
	}()
	fmt.Println(<-started, "spins")
	runtime.Gosched()
	fmt.Println("main ran again:", count(10), ranged(10))
}
