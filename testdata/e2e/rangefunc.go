// Range over int and over function iterators (iter.Seq, iter.Seq2), with break and early return.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("  (stopped at", i, ")")
				return
			}
		}
	}
}

func Pairs[T any](s []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func fibs(yield func(int) bool) {
	a, b := 0, 1
	for {
		if !yield(a) {
			return
		}
		a, b = b, a+b
	}
}

func firstOver(limit int) int {
	for f := range fibs {
		if f > limit {
			return f // early return from inside a range-over-func body
		}
	}
	return -1
}

func main() {
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	var n8 int8 = 4
	for i := range n8 {
		fmt.Printf("%T%d ", i, i)
	}
	fmt.Println()
	for range 2 {
		fmt.Println("tick")
	}

	for i := range Count(10) {
		if i == 3 {
			break
		}
		if i == 1 {
			continue
		}
		fmt.Println("count", i)
	}
	for i, s := range Pairs([]string{"a", "b", "c"}) {
		fmt.Println(i, s)
	}
	fmt.Println(firstOver(1000))

	var sum int
	func() {
		defer func() { fmt.Println("deferred in func with iterator, sum =", sum) }()
		for v := range fibs {
			if v > 50 {
				break
			}
			defer func() { sum += v }()
		}
	}()

outer:
	for i := range Count(3) {
		for j := range Count(3) {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println("ij", i, j)
		}
	}
	keys := slices.Sorted(maps.Keys(map[string]int{"z": 1, "a": 2, "m": 3}))
	fmt.Println(keys)
	for i, v := range slices.Backward([]int{10, 20, 30}) {
		fmt.Print(i, "=", v, " ")
	}
	fmt.Println()
	next, stop := iter.Pull(Count(5))
	a, ok1 := next()
	b, ok2 := next()
	stop()
	c, ok3 := next()
	fmt.Println(a, ok1, b, ok2, c, ok3)
}
