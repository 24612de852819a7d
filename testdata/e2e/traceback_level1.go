// GOTRACEBACK=1 (a number): that level, and every goroutine, as gc parses it.
//
//e2e:env GOTRACEBACK=1
package main

import (
	"runtime"
	"strings"
)

func worker(ch chan int) { <-ch }

func main() {
	ch := make(chan int)
	go worker(ch)
	buf := make([]byte, 1<<16)
	for !strings.Contains(string(buf[:runtime.Stack(buf, true)]), "[chan receive]") {
		runtime.Gosched()
	}
	panic("stop")
}
