// Spawn: many short-lived goroutines each sending once on a shared channel — measures goroutine
// creation, scheduling and exit. Usage: spawn [goroutines] (default 100000).
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := 100000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: spawn [goroutines]")
			os.Exit(2)
		}
		n = v
	}
	ch := make(chan int)
	for i := 1; i <= n; i++ {
		go func() { ch <- i }()
	}
	sum := 0
	for range n {
		sum += <-ch
	}
	fmt.Printf("goroutines: %d sum: %d\n", n, sum)
}
