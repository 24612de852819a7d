package main

import (
	"fmt"
)

func u3Try(label string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(label, "recovered:", r)
		}
	}()
	f()
}

func unit3() {
	// slice.14
	u3Try("makeslice", func() {
		n := -1
		s := make([]int, n, 4)
		fmt.Println(s, len(s), cap(s))
	})
}

func main() {
	unit3()
}
