// Defers in range-over-func bodies join the enclosing function: they run
// when it returns, and see (and change) its named results.
package main

import "fmt"

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func f() (r int) {
	for i := range count(5) {
		defer func() { fmt.Println("defer", i); r += i }()
		if i == 3 {
			return 100
		}
	}
	return -1
}

func g() {
	for i := range count(3) {
		defer fmt.Println("g defer", i)
	}
	fmt.Println("g end")
}

func main() {
	fmt.Println(f())
	g()
}
