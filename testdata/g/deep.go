// 10 million frames of a simple recursive function run within the
// default 1e9-byte stack limit, as under gc (vm/frame.go: the frame of f
// takes 2 slots).
package main

import "fmt"

func f(n int) int {
	if n == 0 {
		return 0
	}
	return f(n-1) + 1
}

func main() {
	fmt.Println(f(10_000_000))
}
