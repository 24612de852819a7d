// Hello: hello world with fmt — measures start-up (for goro: loading and compiling a program that
// imports fmt). The optional argument is accepted and ignored. Usage: hello [ignored].
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
