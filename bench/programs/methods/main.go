// Methods: static method calls on values and pointers, and dynamic calls through an interface
// holding one of three types — measures method dispatch. Usage: methods [calls] (default 10000000).
package main

import (
	"fmt"
	"os"
	"strconv"
)

type shape interface {
	area() int
	scale(k int)
}

type rect struct{ w, h int }
type square struct{ s int }
type tri struct{ b, h int }

func (r *rect) area() int     { return r.w * r.h }
func (r *rect) scale(k int)   { r.w = (r.w*k)%1000 + 1; r.h = (r.h*k)%1000 + 1 }
func (s *square) area() int   { return s.s * s.s }
func (s *square) scale(k int) { s.s = (s.s*k)%1000 + 1 }
func (t *tri) area() int      { return t.b * t.h / 2 }
func (t *tri) scale(k int)    { t.b = (t.b*k)%1000 + 1; t.h = (t.h*k)%1000 + 3 }

type counter struct{ n int }

func (c counter) get() int   { return c.n }
func (c *counter) add(k int) { c.n += k }

func main() {
	n := 10000000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: methods [calls]")
			os.Exit(2)
		}
		n = v
	}
	// Static calls: a pointer-receiver and a value-receiver method.
	var c counter
	for i := 0; i < n; i++ {
		c.add(i & 7)
		if c.get() > 1<<40 {
			c.n = 0
		}
	}
	// Interface calls.
	shapes := []shape{&rect{3, 4}, &square{5}, &tri{6, 7}}
	sum := 0
	for i := 0; i < n; i++ {
		s := shapes[i%3]
		sum += s.area()
		if i%1024 == 0 {
			s.scale(i)
		}
	}
	fmt.Printf("static: %d interface: %d\n", c.n, sum)
}
