// maxstack: runtime/debug.SetMaxStack returns the previous setting (gc's
// default 1e9 bytes), and a recursion past a small limit ends with gc's
// fatal error naming it (g_test.go).
package main

import (
	"fmt"
	"runtime/debug"
)

func f(n int) int {
	if n == 0 {
		return 0
	}
	return f(n-1) + 1
}

func main() {
	fmt.Println(debug.SetMaxStack(1 << 20))
	fmt.Println(debug.SetMaxStack(1 << 16))
	fmt.Println(f(10))
	fmt.Println(f(1 << 20))
}
