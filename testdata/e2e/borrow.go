// Value receivers and struct arguments loaded from variables: the callee
// must see the value at the call, never a later change, whether or not the
// executor copies the struct (internal/vm/borrow.go).
package main

import "fmt"

type counter struct{ n, m int }

func (c counter) get() int      { return c.n + c.m }
func (c counter) self() counter { return c }
func (c counter) bump() int     { c.n++; return c.n }
func (c counter) loop(k int) int {
	s := 0
	for i := 0; i < k; i++ {
		s += c.n
	}
	return s
}

type outer struct {
	in counter
	x  int
}

func (o outer) inner() counter { return o.in }
func (o outer) innerN() int    { return o.in.n }

var global counter

func (c counter) readGlobal() int { return c.n*10 + global.n }

func sum(a, b counter) int { return a.n + b.n }

func (c counter) both() (int, counter) { return c.n, c }
func (c counter) ptr() *int            { return &c.n }
func (c counter) closure() func() int  { return func() int { return c.n } }

func main() {
	c := counter{1, 2}
	fmt.Println(c.get(), c.loop(3))

	x := c
	c.n = 5
	fmt.Println(x.get(), c.get())

	y := c.self()
	c.n = 9
	fmt.Println(y.n, c.n)

	fmt.Println(c.bump(), c.n)

	o := outer{counter{7, 8}, 1}
	in := o.inner()
	o.in.n = 70
	fmt.Println(in.n, o.innerN())

	global = counter{3, 0}
	fmt.Println(global.readGlobal())

	p := &c
	fmt.Println(sum(*p, *p), sum(c, global))

	n, whole := c.both()
	c.n = 11
	fmt.Println(n, whole.n, c.n)
	ip := c.ptr()
	*ip = 99
	f := c.closure()
	c.n = 12
	fmt.Println(c.n, *ip, f())

	arr := [2]counter{{1, 1}, {2, 2}}
	fmt.Println(arr[1].get())
	q := &arr[0]
	fmt.Println(q.get(), (*q).self().m)
}
