package main

import (
	"fmt"
	"iter"
	"strings"
)

func u10Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func u10Pairs(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, f := range strings.Fields(s) {
			if !yield(i, f) {
				return
			}
		}
	}
}

func u10Bad(yield func(int) bool) {
	yield(1)
	yield(2)
}

func u10Try(label string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(label, "recovered:", r)
		}
	}()
	f()
}

func unit10() {
	// control.7
	u10Try("badfunc", func() {
		for x := range u10Bad {
			fmt.Println("x", x)
			break
		}
	})
}

func main() {
	unit10()
}
