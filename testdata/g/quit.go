// quit waits, with a worker, until a SIGQUIT ends it (g_test.go):
// "ready" on stderr once both goroutines are blocked.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

func worker(ch chan int) { <-ch }

func main() {
	ch := make(chan int)
	go worker(ch)
	time.AfterFunc(time.Hour, func() {}) // a timer: not a deadlock
	buf := make([]byte, 1<<16)
	for strings.Count(string(buf[:runtime.Stack(buf, true)]), "[chan receive]") < 1 {
		runtime.Gosched()
	}
	fmt.Fprintln(os.Stderr, "ready")
	<-ch
}
