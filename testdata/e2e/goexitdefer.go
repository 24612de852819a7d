// A goroutine blocked in a call deferred by runtime.Goexit: its stack shows
// runtime.Goexit's frame between the deferred call and its deferrer.
package main

import "runtime"

func main() {
	go func() {
		defer func() { select {} }()
		runtime.Goexit()
	}()
	select {}
}
