// context and sync/atomic.Value: cancellation reaching every waiting goroutine, deadlines,
// values, causes, AfterFunc; atomic.Value's Store/Load/Swap/CompareAndSwap and its panics.
// Nothing here depends on how long a sleep takes: deadlines are either long past or far away.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type key string

func catch(f func()) (msg any) {
	defer func() { msg = recover() }()
	f()
	return nil
}

func main() {
	var v atomic.Value
	fmt.Println(v.Load())
	v.Store(1)
	fmt.Println(v.Load(), v.Swap(2), v.Load())
	fmt.Println(v.CompareAndSwap(1, 3), v.CompareAndSwap(2, 3), v.Load())
	fmt.Println(catch(func() { v.Store("x") }))
	fmt.Println(catch(func() { v.Store(nil) }))
	fmt.Println(catch(func() { v.Swap(nil) }))
	fmt.Println(catch(func() { v.CompareAndSwap(1, "x") }))
	var w atomic.Value
	fmt.Println(w.CompareAndSwap(nil, []int{1}), catch(func() { w.CompareAndSwap([]int{1}, []int{2}) }))

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var woke atomic.Int32
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-ctx.Done()
			woke.Add(1)
		}()
	}
	cancel()
	wg.Wait()
	fmt.Println(woke.Load(), ctx.Err(), errors.Is(ctx.Err(), context.Canceled))

	cause := errors.New("shut down")
	ctx2, cancel2 := context.WithCancelCause(context.Background())
	cancel2(cause)
	fmt.Println(ctx2.Err(), context.Cause(ctx2))

	past, cancel3 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel3()
	<-past.Done()
	fmt.Println(past.Err(), errors.Is(past.Err(), context.DeadlineExceeded))

	far, cancel4 := context.WithTimeout(context.Background(), time.Hour)
	dl, ok := far.Deadline()
	fmt.Println(ok, time.Until(dl) > 59*time.Minute, far.Err())
	child := context.WithValue(far, key("user"), "gopher")
	fmt.Println(child.Value(key("user")), child.Value(key("none")))
	done := make(chan struct{})
	stop := context.AfterFunc(child, func() { close(done) })
	cancel4()
	<-done
	fmt.Println(stop(), child.Err())
	fmt.Println(context.WithoutCancel(child).Err())
}
