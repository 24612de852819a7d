// A value method called through a nil pointer panics with gc's text,
// naming the main package main (GOROOT/test fixedbugs/issue19040.go).
package main

import "fmt"

type T int

func (t T) F() {}

type I interface{ F() }

// Package variables: gc cannot see through them to the call, so its
// wrapper's nil check runs (with local ones gc devirtualizes the call
// and dereferences the pointer itself).
var (
	p *T
	i I = p
)

func main() {
	defer func() { fmt.Println(recover()) }()
	i.F()
}
