// GODEBUG=tracebackancestors=N: each goroutine keeps the creation stacks
// of its N nearest ancestors, printed after "created by" as
// "[originating from goroutine N]:" blocks; tracebacklabels=1 adds a
// goroutine's profiler labels to its traceback header.
//
//e2e:env GOTRACEBACK=all GODEBUG=tracebackancestors=2,tracebacklabels=1
package main

import (
	"context"
	"runtime"
	"runtime/pprof"
	"strings"
)

func leaf(ch chan int) {
	<-ch
}

func mid(ch chan int) {
	go leaf(ch)
	<-ch
}

func top(ch chan int) {
	go mid(ch)
	<-ch
}

func main() {
	ch := make(chan int)
	pprof.Do(context.Background(), pprof.Labels("req", "a\tb\"c", "ключ", "ü"), func(ctx context.Context) {
		go top(ch)
	})
	buf := make([]byte, 1<<16)
	for strings.Count(string(buf[:runtime.Stack(buf, true)]), "[chan receive") < 3 {
		runtime.Gosched()
	}
	panic("boom")
}
