// runtime.Callers from a deferred call: a panic's shows runtime.gopanic, a
// Goexit's runtime.Goexit, between the deferred function and its deferrer;
// Callers(0) starts with runtime.Callers itself.
package main

import (
	"fmt"
	"runtime"
)

func show() { showFrom(2) }

func showFrom(skip int) {
	pcs := make([]uintptr, 10)
	n := runtime.Callers(skip, pcs)
	fr := runtime.CallersFrames(pcs[:n])
	for {
		f, more := fr.Next()
		fmt.Println(f.Function)
		if !more {
			break
		}
	}
	fmt.Println("--")
}

func a() {
	defer show()
	panic("x")
}

func b() {
	defer show()
	runtime.Goexit()
}

func main() {
	showFrom(0)
	func() {
		defer func() { recover() }()
		a()
	}()
	done := make(chan bool)
	go func() { defer close(done); b() }()
	<-done
}
