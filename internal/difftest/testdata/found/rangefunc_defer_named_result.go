package main

import (
	"fmt"
	"iter"
	"strings"
)

func u6Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func u6Pairs(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, f := range strings.Fields(s) {
			if !yield(i, f) {
				return
			}
		}
	}
}

func u6Bad(yield func(int) bool) {
	yield(1)
	yield(2)
}

func unit6() {
	// control.6
	{
		f := func() (r int) {
			for i := range u6Count(5) {
				defer func() { r += i }()
				if i == 3 {
					return 100
				}
			}
			return -1
		}
		fmt.Println(f())
	}
}

func main() {
	unit6()
}
