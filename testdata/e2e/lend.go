// Struct arguments lent to calls (internal/vm/borrow.go): a struct loaded
// from memory only to be passed is not copied when the callee borrows it
// (reads it before anything can write memory, and never keeps it); a
// callee that writes first, keeps, returns, captures, converts or sends
// its parameter, or a native, gets its own copy when the call starts.
package main

import (
	"fmt"
	"time"
)

type big struct{ a, b, c int }

type user interface{ use(v big) int }

var cell struct{ v big }

// reader reads first: it borrows.
type reader struct{}

func (reader) use(v big) int { return v.a + v.b + v.c }

// writer writes the lent memory, then reads its parameter: a copy.
type writer struct{ p *big }

func (w writer) use(v big) int {
	w.p.a = 100
	return v.a
}

// passer passes its borrowed parameter on to a callee that writes first.
type passer struct{ inner user }

func (p passer) use(v big) int { return p.inner.use(v) + v.b*0 }

// forwarder borrows its parameter and lends it on to a callee that may
// not borrow it (copied when that call starts).
type forwarder struct{ inner user }

func (f forwarder) use(v big) int { return f.inner.use(v) }

// keeper keeps its parameter in a global.
var kept big

type keeper struct{}

func (keeper) use(v big) int {
	kept = v
	return 0
}

// capturer keeps it in a closure; converter in an interface; sender in a
// channel.
var later func() int
var boxed any
var ch = make(chan big, 1)

type capturer struct{}

func (capturer) use(v big) int {
	later = func() int { return v.a }
	return 0
}

type converter struct{}

func (converter) use(v big) int {
	boxed = v
	return 0
}

type sender struct{}

func (sender) use(v big) int {
	ch <- v
	return 0
}

// reentrant reads after a call that writes the memory it was lent.
type reentrant struct{ p *big }

func (r reentrant) use(v big) int {
	bump(r.p)
	return v.a
}

func bump(p *big) { p.a++ }

func (v big) swap() big {
	v.a, v.c = v.c, v.a
	return v
}

// id returns its parameter: the caller's register must not alias memory.
func id(v big) big { return v }

// rec recurses with its borrowed parameter.
func rec(v big, n int) int {
	if n == 0 {
		return v.c
	}
	return rec(v, n-1) + v.a
}

type holder struct {
	v big
	t time.Time
}

func main() {
	users := []user{reader{}, writer{&cell.v}, passer{writer{&cell.v}}, keeper{}, capturer{}, converter{}, sender{}, reentrant{&cell.v}, passer{reentrant{&cell.v}}, forwarder{writer{&cell.v}}, forwarder{keeper{}}, forwarder{forwarder{reader{}}}}
	for i, u := range users {
		cell.v = big{1, 2, 3}
		r := u.use(cell.v)
		cell.v.a = -7 // after the call: what was kept must not change
		fmt.Println(i, r, cell.v)
	}
	fmt.Println("kept", kept, "later", later(), "boxed", boxed, "sent", <-ch)

	cell.v = big{4, 5, 6}
	x := id(cell.v)
	cell.v.a = 40
	fmt.Println("id", x, cell.v)

	f := func(v big) int { cell.v.b = 50; return v.b }
	fmt.Println("closure", f(cell.v), cell.v)

	fmt.Println("rec", rec(cell.v, 3))

	// A method expression and a method value of a method that writes.
	me := big.swap
	mv := cell.v.swap
	fmt.Println("methods", me(cell.v), mv(), cell.v)

	// A native callee: time.Time values lent to its methods.
	h := &holder{t: time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)}
	u := time.Date(2021, 1, 2, 3, 4, 5, 0, time.UTC)
	fmt.Println("native", u.Sub(h.t), h.t.Equal(h.t), h.t.Before(u))

	// A loop lending the same element each time, written in between.
	hs := make([]holder, 3)
	sum := 0
	for i := range hs {
		hs[i].v = big{i, i * 2, i * 3}
		for _, u := range users[:3] {
			sum += u.use(hs[i].v)
		}
	}
	fmt.Println("loop", sum, cell.v)
}
