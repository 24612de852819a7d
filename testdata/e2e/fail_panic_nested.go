// A panic raised by a deferred call while the goroutine is already panicking.
package main

import "fmt"

func cleanup() {
	panic("panic in deferred cleanup")
}

func main() {
	defer fmt.Println("outer defer still runs")
	defer cleanup()
	panic("first panic")
}
