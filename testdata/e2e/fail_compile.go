// A program that does not type-check: the go command prints errors like go build and exits 1.
package main

import "fmt"

func main() {
	x := 1
	var s string = 2
	fmt.Println(undefinedName)
}
