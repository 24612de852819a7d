// monitor runs until it is killed: a worker blocked on a channel after
// allocating 1 MB, one computing, and one with profiler labels waiting on
// a mutex (g_test.go watches it through goro.Monitor).
package main

import (
	"context"
	"runtime/pprof"
	"sync"
)

func blocked(ch chan int) { sink = make([]byte, 1<<20); <-ch }

func compute() int {
	s := 0
	for i := 0; ; i++ {
		s += i % 7
	}
}

func main() {
	ch := make(chan int)
	go blocked(ch)
	go compute()
	var mu sync.Mutex
	mu.Lock()
	pprof.Do(context.Background(), pprof.Labels("job", "locked"), func(context.Context) {
		go func() {
			mu.Lock()
		}()
	})
	<-ch
}

var sink []byte // what blocked allocated: goro.Monitor counts it
