// Recursion: a non-tail recursion N frames deep, done a few times — measures deep stacks (stack
// growth by copying, 1,000,000 frames). Usage: recursion [depth] (default 1000000).
package main

import (
	"fmt"
	"os"
	"strconv"
)

func depth(n int, acc uint64) uint64 {
	if n == 0 {
		return acc
	}
	r := depth(n-1, acc*31+uint64(n))
	return r ^ uint64(n)
}

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: recursion [depth]")
			os.Exit(2)
		}
		n = v
	}
	var sum uint64
	for i := 0; i < 3; i++ {
		sum += depth(n, uint64(i))
	}
	fmt.Printf("depth: %d checksum: %d\n", n, sum)
}
