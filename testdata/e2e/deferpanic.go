// defer panic(v): the builtin deferred replaces the panic in flight
// (GOROOT/test fixedbugs/issue43942.go and issue48898.go).
package main

import "fmt"

func f() (err error) {
	defer func() { err = fmt.Errorf("recovered %v", recover()) }()
	defer panic("second")
	panic("first")
}

func main() {
	fmt.Println(f())
	defer func() { fmt.Println("main recovered:", recover()) }()
	defer fmt.Println("main's deferred print")
	defer panic(fmt.Sprint("from defer ", 3))
	fmt.Println("returning")
}
