// Inlining and scalar replacement (vm/inline.go) and loop values made in
// their phis' slots (compile.go coalescePhis): the shapes whose values
// alias — a struct stored over the one it was made from, swapped fields,
// a callee inlined at several sites and in loops, a loop whose old value
// is read after the next one is made, a nil receiver whose panic keeps
// its frame.
package main

import "fmt"

type vec struct{ x, y, z float64 }

func (a vec) add(b vec) vec       { return vec{a.x + b.x, a.y + b.y, a.z + b.z} }
func (a vec) scale(k float64) vec { return vec{a.x * k, a.y * k, a.z * k} }
func (a vec) swap() vec           { return vec{a.y, a.x, a.z} }
func (a vec) dot(b vec) float64   { return a.x*b.x + a.y*b.y + a.z*b.z }

type pair struct {
	a, b vec
	n    int
}

type counter struct{ n int }

func (c *counter) add(k int) { c.n += k }
func (c counter) get() int   { return c.n }

type inner struct{ v [2]int }
type outer struct {
	in inner
	s  string
	_  int
	k  int
}

func mk(s string, k int) outer   { return outer{s: s, k: k} }
func half(x int) int             { return x / 2 }
func shr(x int, s uint) int      { return x >> s }
func div(x, y int) int           { return x / y }
func both(x, y int) (int, int)   { return y, x }
func conv(x float64) int         { return int(x) }
func same(p, q *counter) bool    { return p == q }
func bump(c *counter) int        { c.add(1); return c.n }
func id[T any](x T) T            { return x }
func first[T any](x, y T) (T, T) { return x, y }

func main() {
	p := &pair{a: vec{1, 2, 3}, b: vec{4, 5, 6}}
	// A struct stored over the one it is made from.
	p.a = p.a.add(p.b.scale(2))
	fmt.Println(p.a, p.b)
	// Swapped fields, stored over themselves.
	p.a = p.a.swap()
	p.a, p.b = p.b, p.a
	fmt.Println(p.a, p.b)
	// The same callee at several sites, its results used after the others.
	u, v := p.a.scale(2), p.b.scale(3)
	w := u.add(v).add(u)
	fmt.Println(u, v, w, u.dot(v))
	// In a loop: the old value read after the next one is made.
	acc := vec{}
	for i := 0; i < 4; i++ {
		prev := acc
		acc = acc.add(vec{float64(i), 1, 0}).scale(0.5)
		fmt.Println(prev.x, acc.x)
	}
	// Fibonacci: a phi that is another phi's next value.
	a, b := 0, 1
	for i := 0; i < 10; i++ {
		a, b = b, a+b
	}
	fmt.Println(a, b)
	// i read after i+1 is made.
	s := 0
	for i := 0; i < 5; {
		j := i + 1
		s += i * 10
		i = j
		s += i
	}
	fmt.Println(s)
	// A local counter's methods inlined; a pointer that may be nil not.
	var c counter
	for i := 0; i < 5; i++ {
		c.add(i)
	}
	fmt.Println(c.get(), bump(&c), same(&c, &c))
	// Struct fields of struct and array type, blank fields.
	o := mk("x", 3)
	o.in.v[1] = 7
	o2 := o
	o2.in.v[0] = 9
	fmt.Println(o.in.v, o2.in.v, o.s, o.k)
	// Division and shifts: constants inline, the rest are calls.
	fmt.Println(half(-7), shr(-16, 2), div(7, 2), conv(-2.5))
	x1, x2 := both(1, 2)
	g1, g2 := first("a", "b")
	fmt.Println(x1, x2, id(3), id(vec{1, 1, 1}).add(vec{}), g1, g2)
	defer func() {
		fmt.Println("recovered:", recover())
		var np *counter
		fmt.Println(bump(np))
	}()
	fmt.Println(div(1, 0))
}
