// selecttimeout shows common select patterns whose outcome does not depend
// on timing: non-blocking sends/receives, timeouts that cannot fire first,
// timeouts on channels that never become ready, and timer management.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func fetch(ctx context.Context, ready <-chan string) (string, error) {
	select {
	case v := <-ready:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	// Non-blocking operations with default.
	jobs := make(chan int, 2)
	for i := 1; i <= 3; i++ {
		select {
		case jobs <- i:
			fmt.Println("queued job", i)
		default:
			fmt.Println("queue full, dropping job", i)
		}
	}
	for {
		select {
		case j := <-jobs:
			fmt.Println("took job", j)
			continue
		default:
			fmt.Println("queue empty")
		}
		break
	}

	// A ready channel always wins against a very long timeout.
	ready := make(chan string, 1)
	ready <- "cached value"
	select {
	case v := <-ready:
		fmt.Println("got:", v)
	case <-time.After(time.Hour):
		fmt.Println("timeout (impossible)")
	}

	// A channel nobody writes to always loses against a short timeout.
	never := make(chan string)
	select {
	case v := <-never:
		fmt.Println("got:", v)
	case <-time.After(time.Millisecond):
		fmt.Println("timed out waiting for never")
	}

	// Result arrives from a goroutine; the timeout is an hour so it cannot win.
	results := make(chan int)
	go func() {
		sum := 0
		for i := 1; i <= 100; i++ {
			sum += i
		}
		results <- sum
	}()
	select {
	case s := <-results:
		fmt.Println("sum from worker:", s)
	case <-time.After(time.Hour):
		fmt.Println("worker too slow")
	}

	// Timer Stop and Reset.
	t := time.NewTimer(time.Hour)
	fmt.Println("stopped active timer:", t.Stop())
	fmt.Println("stop again:", t.Stop())
	t.Reset(time.Millisecond)
	<-t.C
	fmt.Println("reset timer fired")
	fmt.Println("stop after fire:", t.Stop())
	t.Reset(time.Hour)
	select {
	case <-t.C:
		fmt.Println("fired too early")
	default:
		fmt.Println("timer pending after reset")
	}
	t.Stop()

	// AfterFunc runs in its own goroutine; wait for it via a channel.
	done := make(chan string)
	af := time.AfterFunc(2*time.Millisecond, func() { done <- "afterfunc ran" })
	fmt.Println(<-done)
	fmt.Println("stop after run:", af.Stop())
	cancelled := time.AfterFunc(time.Hour, func() { panic("must not run") })
	fmt.Println("cancel pending afterfunc:", cancelled.Stop())

	// Context deadlines.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	_, err := fetch(ctx, never)
	fmt.Println("fetch with timeout:", err, errors.Is(err, context.DeadlineExceeded))
	_, hasDeadline := ctx.Deadline()
	fmt.Println("has deadline:", hasDeadline)

	ctx2, cancel2 := context.WithTimeout(context.Background(), time.Hour)
	v, err := fetch(ctx2, ready2())
	fmt.Println("fetch ready:", v, err)
	cancel2()
	<-ctx2.Done()
	fmt.Println("after cancel:", ctx2.Err())

	ctx3, cancel3 := context.WithTimeoutCause(context.Background(), time.Millisecond, errors.New("backend too slow"))
	defer cancel3()
	<-ctx3.Done()
	fmt.Println("cause:", context.Cause(ctx3), "| err:", ctx3.Err())

	// Select over nil channels disables cases.
	var in chan int
	out := make(chan int, 1)
	select {
	case <-in:
		fmt.Println("nil channel received (impossible)")
	case out <- 7:
		fmt.Println("sent on the only enabled case")
	}
}

func ready2() <-chan string {
	c := make(chan string, 1)
	c <- "fresh value"
	return c
}
