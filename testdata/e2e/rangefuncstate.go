// Range-over-func loops whose iterator misbehaves: gc's runtime errors,
// one for each state of the loop.
package main

import (
	"fmt"
	"iter"
)

func try(label string, f func()) {
	defer func() { fmt.Println(label, "recovered:", recover()) }()
	f()
}

// goesOn ignores yield's false.
func goesOn(yield func(int) bool) {
	yield(1)
	yield(2)
}

var saved func(int) bool

// keeps saves yield for later.
func keeps(yield func(int) bool) {
	saved = yield
	yield(1)
}

// reenters lets the body call yield while the body runs.
func reenters(yield func(int) bool) {
	saved = yield
	yield(1)
}

// swallows recovers the body's panic.
func swallows(yield func(int) bool) {
	defer func() { recover() }()
	yield(1)
}

func main() {
	try("break", func() {
		for x := range goesOn {
			fmt.Println("x", x)
			break
		}
	})
	try("exhausted", func() {
		for x := range keeps {
			fmt.Println("x", x)
		}
		saved(2)
	})
	try("busy", func() {
		var next iter.Seq[int] = reenters
		for x := range next {
			fmt.Println("x", x)
			if x == 1 {
				saved(2)
			}
		}
	})
	try("swallowed", func() {
		for x := range swallows {
			fmt.Println("x", x)
			panic("body")
		}
	})
}
