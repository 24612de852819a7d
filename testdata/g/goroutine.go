// goroutine writes its goroutine profile in pprof's protobuf form (debug=0)
// to the file named by its argument while five workers, three of them
// labelled, wait on a channel (g_test.go reads it with go tool pprof).
package main

import (
	"context"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
)

func worker(ch chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	<-ch
}

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	pprof.Do(context.Background(), pprof.Labels("role", "worker"), func(context.Context) {
		for range 3 {
			wg.Add(1)
			go worker(ch, &wg)
		}
	})
	for range 2 {
		wg.Add(1)
		go worker(ch, &wg)
	}
	buf := make([]byte, 1<<16)
	for strings.Count(string(buf[:runtime.Stack(buf, true)]), "[chan receive]") < 5 {
		runtime.Gosched()
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := pprof.Lookup("goroutine").WriteTo(f, 0); err != nil {
		panic(err)
	}
	f.Close()
	close(ch)
	wg.Wait()
}
