// Closures: creating closures that capture variables, calling them directly and through a slice
// of funcs, and a higher-order map/reduce — measures closure allocation and indirect calls.
// Usage: closures [calls] (default 10000000).
package main

import (
	"fmt"
	"os"
	"strconv"
)

func makeAdder(k int) func(int) int { return func(x int) int { return x + k } }

func makeCounter() (inc func() int, get func() int) {
	n := 0
	inc = func() int { n++; return n }
	get = func() int { return n }
	return
}

func apply(xs []int, f func(int) int) {
	for i, x := range xs {
		xs[i] = f(x)
	}
}

func reduce(xs []int, acc int, f func(int, int) int) int {
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func main() {
	n := 10000000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: closures [calls]")
			os.Exit(2)
		}
		n = v
	}
	// Calls through a slice of captured closures.
	fs := []func(int) int{makeAdder(1), makeAdder(2), func(x int) int { return x ^ 5 }}
	x := 0
	for i := 0; i < n; i++ {
		x = fs[i%3](x) & 0xffffff
	}
	// A closure mutating a captured variable.
	inc, get := makeCounter()
	for i := 0; i < n; i++ {
		inc()
	}
	// Creating a closure per iteration (escapes into apply).
	xs := make([]int, 100)
	total := 0
	for i := 0; i < n/100; i++ {
		j := i
		apply(xs, func(v int) int { return (v + j) & 0xffff })
		total += reduce(xs, 0, func(a, b int) int { return a + b })
	}
	fmt.Printf("slice calls: %d counter: %d map/reduce: %d\n", x, get(), total)
}
