// runtime.Goexit in main: deferred calls run, the other goroutines go on, and when the last
// one ends gc reports that no goroutines are left (exit 2). Ordered by channels, not time.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	ready := make(chan bool)
	go func() {
		<-ready
		fmt.Println("other goroutine runs after main's Goexit")
	}()
	defer close(ready)
	defer fmt.Println("main's deferred call")
	runtime.Goexit()
	fmt.Println("not reached")
}
