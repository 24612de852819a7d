package calc_test

import (
	"fmt"
	"testing"

	"example.com/gotest/calc"
)

func ExampleAdd() {
	fmt.Println(calc.Add(40, 2))
	// Output: 42
}

func ExampleSum() {
	for _, xs := range [][]int{{1}, {1, 2}, {1, 2, 3}} {
		fmt.Println(len(xs), calc.Sum(xs))
	}
	// Unordered output:
	// 3 6
	// 1 1
	// 2 3
}

func TestExternal(t *testing.T) {
	if q, _ := calc.Div(9, 3); q != 3 {
		t.Errorf("Div(9, 3) = %d", q)
	}
}
