// Hello world with fmt: the start-up benchmark (BenchmarkCachedStart).
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
