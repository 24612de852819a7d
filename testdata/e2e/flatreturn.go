// Struct results returned as their fields (internal/vm/flat.go): calls
// whose struct result is read a field at a time, with every kind of callee
// an interface or function value can reach — a literal returned, a struct
// loaded, another call's result passed on, a recovered panic's named
// result, generic, recursive and closure callees, a reflect.MakeFunc
// function — and results stored whole, passed to inlined methods, and
// returned from a flat call's caller.
package main

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

type vec struct{ x, y, z float64 }

func (a vec) add(b vec) vec       { return vec{a.x + b.x, a.y + b.y, a.z + b.z} }
func (a vec) scale(s float64) vec { return vec{a.x * s, a.y * s, a.z * s} }

// mixed has fields of every one-word kind.
type mixed struct {
	n   int
	s   string
	p   *int
	e   error
	f   func() int
	b   []byte
	u8  uint8
	any any
}

type shape interface {
	corner() vec
	info(k int) mixed
}

type box struct{ lo, hi vec }

// corner returns a struct loaded from memory (no literal).
func (b *box) corner() vec { return b.hi }

func (b *box) info(k int) mixed {
	n := k * 2
	return mixed{n: n, s: strings.Repeat("ab", k), p: &n, e: errors.New("box"), f: func() int { return n + 1 }, b: []byte{byte(k)}, u8: 200, any: b.lo}
}

type point vec

// corner returns a literal.
func (p point) corner() vec { return vec{p.x, p.y, p.z}.scale(2) }

func (p point) info(k int) mixed { return mixed{n: k} }

// wrapped passes another call's result on: a flat call returned.
type wrapped struct{ inner shape }

func (w wrapped) corner() vec      { return w.inner.corner() }
func (w wrapped) info(k int) mixed { return w.inner.info(k + 1) }

// recovered returns its named result set by a deferred function after a
// panic.
type recovered struct{}

func (recovered) corner() (r vec) {
	defer func() {
		if e := recover(); e != nil {
			r = vec{7, 8, 9}
		}
	}()
	var m map[string]int
	m["x"] = 1
	return vec{1, 1, 1}
}

func (recovered) info(k int) (m mixed) {
	defer func() {
		recover()
		m.n, m.s = k, "recovered"
	}()
	panic("info")
}

// zero returns the zero value, and a struct that is a conversion.
type zero struct{}

func (zero) corner() vec                   { return vec{} }
func (zero) info(k int) mixed              { var m mixed; return m }
func conv(p point) vec                     { return vec(p) }
func pair[T any](a, b T) [2]T              { return [2]T{a, b} }
func first[T any](a, b T) struct{ v, w T } { return struct{ v, w T }{a, b} }

// fib returns a struct from a recursion.
func fib(n int) struct{ a, b int } {
	if n == 0 {
		return struct{ a, b int }{0, 1}
	}
	r := fib(n - 1)
	return struct{ a, b int }{r.b, r.a + r.b}
}

func describe(s shape) string {
	c := s.corner()
	m := s.info(3)
	p := 0
	if m.p != nil {
		p = *m.p
	}
	f := 0
	if m.f != nil {
		f = m.f()
	}
	e := "<nil>"
	if m.e != nil {
		e = m.e.Error()
	}
	return fmt.Sprintf("%v %v %v | %d %q %d %s %d %v %d %v", c.x, c.y, c.z, m.n, m.s, p, e, f, m.b, m.u8, m.any)
}

// sum adds the corners of all shapes: a flat call in a loop, its result
// stored whole into a slice element and passed to inlined methods.
func sum(ss []shape) vec {
	var acc vec
	out := make([]vec, len(ss))
	for i, s := range ss {
		c := s.corner()
		out[i] = c
		acc = acc.add(c.scale(0.5))
	}
	fmt.Println("corners:", out)
	return acc
}

func main() {
	shapes := []shape{
		&box{lo: vec{1, 2, 3}, hi: vec{4, 5, 6}},
		point{1, 2, 3},
		wrapped{point{0.5, 0.25, 0.125}},
		wrapped{wrapped{&box{hi: vec{-1, -2, -3}}}},
		recovered{},
		zero{},
	}
	for _, s := range shapes {
		fmt.Println(describe(s))
	}
	t := sum(shapes)
	fmt.Println("sum:", t.x, t.y, t.z)

	// Function values: a closure, a method value, a method expression.
	k := 3.0
	mk := func(a float64) vec { return vec{a, a * k, a * k * k} }
	add := vec{1, 1, 1}.add
	sc := vec.scale
	fmt.Println(mk(2).y, add(vec{2, 3, 4}).z, sc(vec{1, 2, 3}, 10).x)

	// Generic and recursive callees, a conversion.
	fmt.Println(conv(point{9, 8, 7}).y, pair(1, 2)[1], first("a", "b").w, fib(40).a)

	// reflect.MakeFunc: a function made natively.
	var mf func(float64) vec
	reflect.ValueOf(&mf).Elem().Set(reflect.MakeFunc(reflect.TypeOf(mf), func(args []reflect.Value) []reflect.Value {
		a := args[0].Float()
		return []reflect.Value{reflect.ValueOf(vec{a, -a, a / 2})}
	}))
	r := mf(3)
	fmt.Println(r.x, r.y, r.z)

	// A method called through reflect on a value whose method returns
	// a struct (the caller is native: no flat call).
	rv := reflect.ValueOf(point{1, 1, 1}).MethodByName("Corner")
	fmt.Println(rv.IsValid())

	// The same call site sees many dynamic types in turn.
	var acc float64
	for i := 0; i < 1000; i++ {
		c := shapes[i%len(shapes)].corner()
		acc += c.x + 2*c.y + 3*c.z
	}
	fmt.Println("acc:", acc)
}
