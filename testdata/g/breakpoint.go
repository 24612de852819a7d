// runtime.Breakpoint without a debugger: SIGTRAP ends the program with
// its goroutines' dump, exit code 2 (TestBreakpoint).
package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan bool)
	go func() { <-done }()
	fmt.Println("before")
	runtime.Breakpoint()
	fmt.Println("after")
}
