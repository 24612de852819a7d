// Finalizers, cleanups and weak pointers run by the collector: objects
// made by a function that has returned die at runtime.GC, and their
// finalizers and cleanups run on the runtime's goroutine.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"weak"
)

type Res struct {
	name string
	next *Res
}

type Closer interface{ Close() string }

func (r *Res) Close() string { return "closed " + r.name }

var done = make(chan string, 16)

//go:noinline
func make3() {
	for i := 0; i < 3; i++ {
		r := &Res{name: fmt.Sprint("res", i)}
		runtime.SetFinalizer(r, func(r *Res) { done <- "finalized " + r.name })
	}
	c := &Res{name: "iface"}
	runtime.SetFinalizer(c, func(c Closer) { done <- c.Close() })
	x := &Res{name: "cleanup target"}
	runtime.AddCleanup(x, func(v int) { done <- fmt.Sprint("cleanup ", v) }, 42)
	y := &Res{name: "stopped"}
	cl := runtime.AddCleanup(y, func(v int) { done <- "stopped cleanup ran" }, 1)
	cl.Stop()
	z := &Res{name: "cleared"}
	runtime.SetFinalizer(z, func(*Res) { done <- "cleared finalizer ran" })
	runtime.SetFinalizer(z, nil)
}

//go:noinline
func weakDead() weak.Pointer[Res] { return weak.Make(&Res{name: "dead"}) }

func main() {
	make3()
	w := weakDead()
	keep := &Res{name: "kept"}
	wk := weak.Make(keep)
	fmt.Println("same object, equal weak pointers:", wk == weak.Make(keep))
	fmt.Println("different objects:", wk == w)
	var got []string
	runtime.GC()
	for len(got) < 5 {
		got = append(got, <-done)
	}
	sort.Strings(got)
	for _, g := range got {
		fmt.Println(g)
	}
	fmt.Println("dead weak pointer is nil:", w.Value() == nil)
	fmt.Println("kept:", wk.Value().name)
	runtime.KeepAlive(keep)
	select {
	case s := <-done:
		fmt.Println("unexpected:", s)
	default:
	}
}
