// Type assertions on nil interfaces: gc says "interface is nil" when the
// asserted type is an interface, and names the static type otherwise.
package main

import "fmt"

type T struct{}

func (*T) Error() string { return "" }

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	var x any
	var e error
	try(func() { _ = x.(fmt.Stringer) })
	try(func() { _ = x.(int) })
	try(func() { _ = e.(fmt.Stringer) })
	try(func() { _ = e.(*T) })
	try(func() { _ = x.(interface{}) })
}
