// Defer: LIFO order, argument evaluation time, named results, recover, re-panic, Goexit.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

func order() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	x := 10
	defer fmt.Println("x at defer time:", x)
	x = 20
	defer func() { fmt.Println("x in closure:", x) }()
	fmt.Println("body done")
}

func namedResult() (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			n = -1
		}
	}()
	defer func() { n *= 2 }()
	n = 21
	panic("oops")
}

func triple() (n int) {
	defer func() { n *= 3 }()
	return 5
}

func recoverReturnsNilOutsidePanic() {
	fmt.Println("recover outside panic:", recover())
}

func rethrow() (err error) {
	defer func() {
		r := recover()
		err = fmt.Errorf("outer caught: %v", r)
	}()
	func() {
		defer func() {
			r := recover()
			panic(fmt.Sprint("re-panic of ", r))
		}()
		panic("first")
	}()
	return nil
}

func panicInDefer() (msg string) {
	defer func() { msg = fmt.Sprint("last panic wins: ", recover()) }()
	defer func() { panic("second") }()
	panic("first")
}

var errSentinel = errors.New("sentinel")

func panicWithError() (err error) {
	defer func() {
		if e, ok := recover().(error); ok {
			err = e
		}
	}()
	panic(fmt.Errorf("wrapped: %w", errSentinel))
}

func deferredNilFunc() (r any) {
	defer func() { r = recover() }()
	var f func()
	defer f()
	return "unreached"
}

func main() {
	order()
	fmt.Println(namedResult())
	fmt.Println(triple())
	recoverReturnsNilOutsidePanic()
	fmt.Println(rethrow())
	fmt.Println(panicInDefer())
	err := panicWithError()
	fmt.Println(err, errors.Is(err, errSentinel))
	fmt.Println("nil func:", deferredNilFunc())

	done := make(chan bool)
	go func() {
		defer close(done)
		defer fmt.Println("goexit runs defers")
		runtime.Goexit()
		fmt.Println("unreachable")
	}()
	<-done
	func() {
		defer func() {
			r := recover()
			fmt.Printf("recovered %T: %v\n", r, r)
		}()
		var e error = &customErr{"custom"}
		panic(e)
	}()
	fmt.Println("main done")
}

type customErr struct{ s string }

func (c *customErr) Error() string { return c.s }
