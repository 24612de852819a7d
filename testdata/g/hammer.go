// hammer: eight labelled goroutines at GOMAXPROCS 4 exchange values,
// take a mutex, compute and sleep while three others take goroutine
// profiles (debug 0, 1, 2: each stops the world) under an execution trace
// (g_test.go parses the trace it writes to its argument).
package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"
)

func main() {
	runtime.GOMAXPROCS(4)
	var wg sync.WaitGroup
	var mu sync.Mutex
	stop := make(chan struct{})
	// busy workers: channels, mutexes, sleeps, compute
	ch := make(chan int)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			pprof.Do(context.Background(), pprof.Labels("w", fmt.Sprint(i)), func(context.Context) {
				for {
					select {
					case <-stop:
						return
					case ch <- i:
					case v := <-ch:
						_ = v
					default:
						mu.Lock()
						s := 0
						for j := 0; j < 1000; j++ {
							s += j
						}
						mu.Unlock()
						if i%3 == 0 {
							time.Sleep(time.Microsecond)
						}
					}
				}
			})
		}(i)
	}
	var buf bytes.Buffer
	if err := trace.Start(&buf); err != nil {
		panic(err)
	}
	var pw sync.WaitGroup
	for k := 0; k < 3; k++ {
		pw.Add(1)
		go func() {
			defer pw.Done()
			for n := 0; n < 15; n++ {
				pprof.Lookup("goroutine").WriteTo(io.Discard, n%3)
			}
		}()
	}
	pw.Wait()
	trace.Stop()
	close(stop)
	wg.Wait()
	os.WriteFile(os.Args[1], buf.Bytes(), 0o644)
	fmt.Println("ok", buf.Len() > 0)
}
