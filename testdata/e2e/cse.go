// cse: values goro's compiler computes or loads once where go/ssa makes
// them twice — arithmetic, a field loaded again, the same small function
// inlined at two calls with other arguments — and the writes that must
// make it load again: a store to the same field through another pointer,
// a store through a pointer to the field, a call, a whole-struct store.
package main

import (
	"fmt"
	"sync/atomic"
	"unsafe"
)

type pt struct{ x, y, m float64 }

type pair struct{ a, b int }

func mix(a, b int) int { x := a + b; y := a + a; return y*2 + x*2 + (a+a)*3 }

func twice(p, q int) (int, int) { return mix(p, p), mix(p, q) }

func tri(i, j int) float64 { return 1 / float64((i+j)*(i+j+1)/2+i+1) }

func aliasField(a, b *pt) float64 {
	m := a.m
	b.m = 5 // b may be a
	return m + a.m
}

func throughPointer(a *pt, p *float64) float64 {
	m := a.m
	*p = 7 // p may be &a.m
	return m + a.m
}

func afterCall(a *pt, f func()) float64 {
	m := a.m
	f()
	return m + a.m
}

func wholeStore(a, b *pt) float64 {
	m := a.m
	*b = pt{m: 9} // b may be a
	return m + a.m
}

func viaView(w *int64, c *atomic.Int64) int64 {
	before := *w
	c.Store(before + 1) // c may be a view of w's cell
	return before + *w
}

type one struct{ v int64 }

func oneField(x *pair, o *one) int {
	before := x.b
	o.v = 11 // o may be x.b seen as a struct of one field
	return before + x.b
}

func loop(ps []pt) float64 {
	s := 0.0
	for i := range ps {
		p := &ps[i]
		s += p.m * p.x
		p.x += p.m
		s += p.m * p.x
	}
	return s
}

func main() {
	fmt.Println(twice(3, 4))
	fmt.Println(tri(2, 3)+tri(3, 2), tri(5, 1))
	a := &pt{m: 1}
	fmt.Println(aliasField(a, a), aliasField(a, &pt{}))
	a = &pt{m: 1}
	fmt.Println(throughPointer(a, &a.m), throughPointer(a, new(float64)))
	a = &pt{m: 1}
	fmt.Println(afterCall(a, func() { a.m = 3 }))
	a = &pt{m: 1}
	fmt.Println(wholeStore(a, a))
	var w int64 = 20
	fmt.Println(viaView(&w, (*atomic.Int64)(unsafe.Pointer(&w))))
	x := &pair{1, 2}
	fmt.Println(oneField(x, (*one)(unsafe.Pointer(&x.b))))
	fmt.Println(loop([]pt{{1, 2, 3}, {4, 5, 6}}))
}
