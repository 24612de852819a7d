// Binarytrees: allocate and walk many short-lived binary trees (the Benchmarks Game program,
// sequential) — measures allocation, pointer-heavy structs and the garbage collector.
// Usage: binarytrees [depth] (default 16).
package main

import (
	"fmt"
	"os"
	"strconv"
)

type node struct{ left, right *node }

func bottomUp(depth int) *node {
	if depth <= 0 {
		return &node{}
	}
	return &node{bottomUp(depth - 1), bottomUp(depth - 1)}
}

func (n *node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func main() {
	n := 16
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: binarytrees [depth]")
			os.Exit(2)
		}
		n = v
	}
	minDepth := 4
	maxDepth := n
	if minDepth+2 > n {
		maxDepth = minDepth + 2
	}
	total := 0
	stretch := bottomUp(maxDepth + 1).check()
	fmt.Printf("stretch tree of depth %d\t check: %d\n", maxDepth+1, stretch)
	total += stretch
	long := bottomUp(maxDepth)
	for d := minDepth; d <= maxDepth; d += 2 {
		iters := 1 << uint(maxDepth-d+minDepth)
		check := 0
		for i := 0; i < iters; i++ {
			check += bottomUp(d).check()
		}
		fmt.Printf("%d\t trees of depth %d\t check: %d\n", iters, d, check)
		total += check
	}
	lc := long.check()
	fmt.Printf("long lived tree of depth %d\t check: %d\n", maxDepth, lc)
	total += lc
	fmt.Println("checksum:", total)
}
