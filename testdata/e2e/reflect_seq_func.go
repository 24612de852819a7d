// reflect.Value.Seq and Seq2 of range functions (iter.Seq, maps.All, slices.All), with break.
package main

import (
	"fmt"
	"iter"
	"maps"
	"reflect"
	"slices"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i * 10) {
				fmt.Println("stopped at", i)
				return
			}
		}
	}
}

func main() {
	for v := range reflect.ValueOf(count(4)).Seq() {
		fmt.Print(v.Type(), "=", v, " ")
		if v.Int() == 20 {
			break
		}
	}
	fmt.Println()
	m := map[string]int{"a": 1}
	for k, v := range reflect.ValueOf(maps.All(m)).Seq2() {
		fmt.Println(k, v)
	}
	for i, v := range reflect.ValueOf(slices.All([]string{"x", "y"})).Seq2() {
		fmt.Println(i, v)
	}
}
