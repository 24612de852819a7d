//e2e:env GOTRACEBACK=all GOMAXPROCS=1

// unstarted: the traceback of goroutines that have not run yet shows what
// gc's does — the function at its first line when the go statement calls
// a function value with no arguments and no results, and otherwise the
// wrapper gc runs the call through (gowrapN, numbered with the defer
// wrappers of the function in source order) above runtime.goexit;
// generic functions as gen[...].
package main

import "sync"

type T struct{ n int }

func (t *T) run()    { select {} }
func worker()        { select {} }
func worker2(x int)  { select {} }
func res() int       { select {} }
func gen[E any](x E) { select {} }
func gen0[E any]()   { select {} }

type S[E any] struct{}

func (S[E]) m() { select {} }

func main() {
	var mu sync.Mutex
	mu.Lock()
	defer mu.Unlock() // gc's deferwrap1: the next go wrapper is gowrap2
	t := &T{}
	go worker()
	go func() {
		select {}
	}()
	go t.run()
	go worker2(1)
	go gen("a")
	go res()
	f := worker
	go f()
	func() {
		go worker2(2)
	}()
	go S[int]{}.m()
	go gen0[int]()
	ch := make(chan int)
	go close(ch)
	run := t.run
	go run()
	panic("boom")
}
