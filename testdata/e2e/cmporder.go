// Comparing arrays and structs goes in declaration order and stops at the
// first difference: an uncomparable value behind it is never reached
// (GOROOT/test fixedbugs/issue8606.go).
package main

import "fmt"

type A [2]any

type T struct {
	i any
	n int
	j any
}

func cmp(what string, x, y any) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(what, "panics:", r)
		}
	}()
	fmt.Println(what, x == y)
}

func main() {
	b := []byte{1}
	cmp("A{1,b} A{2,b}", A{1, b}, A{2, b})
	cmp("A{b,1} A{b,2}", A{b, 1}, A{b, 2})
	cmp("A{1,b} A{\"2\",b}", A{1, b}, A{"2", b})
	cmp("T{i:b} T{i:b}", T{i: b, n: 1}, T{i: b, n: 2})
	cmp("T{j:b} T{j:b}", T{n: 1, j: b}, T{n: 2, j: b})
	cmp("T{j:f} T{j:f}", T{n: 1, j: main}, T{n: 1, j: main})
}
