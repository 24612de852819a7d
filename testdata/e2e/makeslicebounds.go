// make([]T, n, c): gc's makeslice errors, also when c is a constant (go/ssa
// then makes it new([c]T)[:n]).
package main

import "fmt"

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	n, m := -3, 5
	try(func() { _ = make([]int, n, 4) })
	try(func() { _ = make([]int, m, 4) })
	try(func() { _ = make([]int, n) })
	try(func() { _ = make([]int, 2, m-7) })
	try(func() { s := make([]int, 2, 4); fmt.Println(len(s), cap(s)) })
}
