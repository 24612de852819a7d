// An unrecovered panic with a formatted string value (and a stack of frames with arguments).
package main

import "fmt"

func check(n int, name string) {
	if n > 2 {
		panic(fmt.Sprintf("bad value %d for %q", n, name))
	}
	check(n+1, name)
}

func main() {
	check(0, "depth")
}
