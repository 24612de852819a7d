// ctxtree builds a tree of contexts and shows how cancellation propagates
// from parents to children, how values are looked up, and how AfterFunc
// callbacks fire. Output order is fixed by channels, not by timing.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type ctxKey string

const (
	requestID ctxKey = "request-id"
	userKey   ctxKey = "user"
)

// worker processes items until its context is done, then reports how it stopped.
func worker(ctx context.Context, name string, items <-chan int, done chan<- string) {
	processed := 0
	for {
		select {
		case <-ctx.Done():
			done <- fmt.Sprintf("%s stopped after %d items: %v (cause: %v)",
				name, processed, ctx.Err(), context.Cause(ctx))
			return
		case _, ok := <-items:
			if !ok {
				done <- fmt.Sprintf("%s drained input after %d items", name, processed)
				return
			}
			processed++
		}
	}
}

func main() {
	root := context.Background()
	reqCtx := context.WithValue(root, requestID, "req-42")
	userCtx := context.WithValue(reqCtx, userKey, "alice")

	fmt.Println("request id:", userCtx.Value(requestID))
	fmt.Println("user:", userCtx.Value(userKey))
	fmt.Println("missing key:", reqCtx.Value(userKey))

	parent, cancelParent := context.WithCancelCause(userCtx)
	childA, cancelA := context.WithCancel(parent)
	defer cancelA()
	childB, cancelB := context.WithTimeout(parent, time.Hour)
	defer cancelB()
	grandchild, cancelG := context.WithCancel(childA)
	defer cancelG()

	fmt.Println("grandchild sees user:", grandchild.Value(userKey))
	if dl, ok := childB.Deadline(); ok {
		fmt.Println("childB has deadline:", !dl.IsZero())
	}
	_, hasDeadline := childA.Deadline()
	fmt.Println("childA has deadline:", hasDeadline)

	afterFired := make(chan string, 1)
	stop := context.AfterFunc(childA, func() {
		afterFired <- "AfterFunc: childA cleanup ran"
	})
	_ = stop

	neverStop := context.AfterFunc(childB, func() {
		panic("should have been stopped")
	})
	fmt.Println("stopped AfterFunc for childB:", neverStop())

	// Workers on different branches; give each a few items before cancelling.
	done := make(chan string)
	itemsA := make(chan int)
	itemsG := make(chan int)
	itemsB := make(chan int)
	go worker(childA, "workerA", itemsA, done)
	go worker(grandchild, "workerG", itemsG, done)
	go worker(childB, "workerB", itemsB, done)
	for i := 0; i < 3; i++ {
		itemsA <- i
		itemsG <- i
	}
	itemsB <- 1

	// Cancelling childA stops workerA and workerG but not workerB.
	cancelA()
	results := map[string]bool{}
	for i := 0; i < 2; i++ {
		results[<-done] = true
	}
	for _, name := range []string{
		"workerA stopped after 3 items: context canceled (cause: context canceled)",
		"workerG stopped after 3 items: context canceled (cause: context canceled)",
	} {
		fmt.Println(name, results[name])
	}
	fmt.Println(<-afterFired)
	fmt.Println("childB still alive:", childB.Err() == nil)

	// Cancelling the parent with a cause reaches childB.
	errShutdown := errors.New("server shutting down")
	cancelParent(errShutdown)
	fmt.Println(<-done)
	fmt.Println("parent cause is errShutdown:", errors.Is(context.Cause(parent), errShutdown))
	fmt.Println("childB err:", childB.Err())

	// A timeout that really expires; wait on Done, never on a sleep.
	short, cancelShort := context.WithTimeout(root, 5*time.Millisecond)
	defer cancelShort()
	<-short.Done()
	fmt.Println("short err:", short.Err())
	fmt.Println("is DeadlineExceeded:", errors.Is(short.Err(), context.DeadlineExceeded))

	// WithoutCancel detaches from the parent's cancellation but keeps values.
	detached := context.WithoutCancel(parent)
	fmt.Println("detached err:", detached.Err(), "user:", detached.Value(userKey))

	// WithTimeoutCause reports the custom cause.
	errSlow := errors.New("backend too slow")
	tc, cancelTC := context.WithTimeoutCause(root, time.Millisecond, errSlow)
	defer cancelTC()
	<-tc.Done()
	fmt.Println("timeout cause:", context.Cause(tc))
}
