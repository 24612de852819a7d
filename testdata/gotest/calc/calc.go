// Package calc is goro test's sample package: internal and external
// tests, examples, subtests, parallel tests, benchmarks.
package calc

import "errors"

// Add returns a+b.
func Add(a, b int) int { return a + b }

// Div returns a/b, or an error for b == 0.
func Div(a, b int) (int, error) {
	if b == 0 {
		return 0, errors.New("division by zero")
	}
	return a / b, nil
}

// Sum adds xs, each in a goroutine of its own.
func Sum(xs []int) int {
	c := make(chan int)
	for _, x := range xs {
		go func() { c <- x }()
	}
	total := 0
	for range xs {
		total += <-c
	}
	return total
}
