// trace writes an execution trace of a game of ping-pong with a task, a
// region and a log (runtime/trace) to the file its argument names
// (g_test.go reads it with go tool trace).
package main

import (
	"context"
	"fmt"
	"os"
	"runtime/trace"
	"sync"
)

func main() {
	f, _ := os.Create(os.Args[1])
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	ctx, task := trace.NewTask(context.Background(), "pingpong")
	ping, pong := make(chan int), make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for v := range ping {
			pong <- v + 1
		}
	}()
	trace.WithRegion(ctx, "rally", func() {
		for i := 0; i < 5; i++ {
			ping <- i
			<-pong
		}
	})
	trace.Log(ctx, "score", "5")
	close(ping)
	wg.Wait()
	task.End()
	trace.Stop()
	f.Close()
	fmt.Println("done")
}
