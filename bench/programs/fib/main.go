// Fib: recursive Fibonacci — measures calls and integer arithmetic. Usage: fib [n] (default 30).
package main

import (
	"fmt"
	"os"
	"strconv"
)

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	n := 30
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: fib [n]")
			os.Exit(2)
		}
		n = v
	}
	fmt.Printf("fib(%d) = %d\n", n, fib(n))
}
