// The names gc gives the bodies of range-over-func loops (outer-rangeN)
// and the function literals and go statements inside them (numbered in
// the enclosing function that is not a range body), in Callers and in
// a traceback, and the line of the loop's iterator call.
package main

import (
	"fmt"
	"runtime"
)

func here() string {
	pc, _, line, _ := runtime.Caller(1)
	return fmt.Sprint(runtime.FuncForPC(pc).Name(), ":", line)
}

//go:noinline
func seq(yield func(int) bool) {
	yield(1)
}

//go:noinline
func run(f func()) { f() }

// seqOf's function runs f first: a literal in a range expression is
// numbered after the literals of the loop's body.
//
//go:noinline
func seqOf(f func()) func(func(int) bool) {
	return func(yield func(int) bool) { f(); yield(1) }
}

func main() {
	run(func() { fmt.Println("A", here()) })
	for range seq {
		fmt.Println("R1", here())
		run(func() { fmt.Println("B", here()) })
		for range seq {
			fmt.Println("R2", here())
			run(func() {
				fmt.Println("C", here())
				for range seq {
					fmt.Println("R4", here())
					run(func() { fmt.Println("G", here()) })
				}
			})
		}
	}
	run(func() { fmt.Println("D", here()) })
	run(func() {
		fmt.Println("E", here())
		for range seq {
			fmt.Println("R3", here())
			run(func() { fmt.Println("F", here()) })
		}
	})
	done := make(chan string)
	for range seq {
		fmt.Println("R5", here())
		go func() { done <- here() }()
		fmt.Println("go", <-done)
	}
	for range seqOf(func() { fmt.Println("X", here()) }) {
		run(func() { fmt.Println("Y", here()) })
	}
	for i := range seq {
		if i == 1 {
			panic("in a range body")
		}
	}
}
