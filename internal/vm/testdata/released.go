// A program whose Machine must be collected once it has run: it uses what
// natives keep tables for (sync.Cond's notify lists, pointers made into
// integers, unsafe.StringData, sync.Map's entries — one of which reaches
// the map itself; a finalizer, a cleanup, a weak pointer and a sync.Pool
// whose objects a global keeps alive to the end, so that the host's
// cleanups are still armed when the program ends) and goroutines, a
// context, iter.Pull.
package main

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync"
	"unsafe"
	"weak"
)

type res struct{ n int }

var kept = []*res{{1}, {2}, {3}}

var pool sync.Pool

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		for !ready {
			c.Wait()
		}
		mu.Unlock()
	}()
	mu.Lock()
	ready = true
	c.Broadcast()
	mu.Unlock()
	wg.Wait()

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	<-ctx.Done()

	next, stop := iter.Pull(iter.Seq[int](func(yield func(int) bool) { yield(1) }))
	v, _ := next()
	stop()

	type node struct{ m *sync.Map }
	var m sync.Map
	m.Store("self", &node{&m})

	runtime.SetFinalizer(kept[0], func(*res) {})
	runtime.AddCleanup(kept[1], func(int) {}, 1)
	wp := weak.Make(kept[2])
	pool.Put(kept[2])
	runtime.GC()
	if wp.Value() != kept[2] {
		panic("weak pointer of a live object")
	}

	x := 5
	addr := uintptr(unsafe.Pointer(&x))
	s := "hello"
	fmt.Println(v, ctx.Err(), addr != 0, *unsafe.StringData(s))
}
