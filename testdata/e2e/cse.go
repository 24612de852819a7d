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

// sub's second p.x-k and p.x are the first's: the update of p.x may not
// be fused (it would leave them unmade).
func sub(p *pt, k float64) (float64, float64) {
	var q, r float64
	p.x, q = p.x-k, p.x-k
	p.y, r = p.y-k, p.y
	return q, r
}

// viewLoad loads through a one-field struct that may be a view of s.b:
// the store to s.b must make it load again.
func viewLoad(s *pair, q *one) int64 {
	v1 := q.v
	s.b = 5
	return v1*100 + q.v
}

// Constants are told apart by their exact values (not their shortened
// or rounded print).
func consts(s string, x float64) (string, string, float64, float64, bool, bool) {
	return s + "aaaaaaaaaaaaaaaaaaaaaaaaaX", s + "aaaaaaaaaaaaaaaaaaaaaaaaaY",
		x * 0.1234567890123456, x * 0.1234567890123457,
		s == "aaaaaaaaaaaaaaaaaaaaaaaaaX", s == "aaaaaaaaaaaaaaaaaaaaaaaaaY"
}

// stepped's v, made where the loop starts, lives on in the block that
// gives j another value (which may not share j's slot then).
func stepped(n int) (s, q int) {
	j := 0
	for {
		v := j + 1
		if v > n {
			return
		}
		if v%3 == 0 {
			j, q = v*2, v
			s += v
			continue
		}
		j = v
	}
}

type tally struct{ n int }

func (t tally) get() int   { return t.n }
func (t *tally) add(k int) { t.n += k }

// counting's tally is a variable (no view): its field updated in place,
// loaded once per iteration.
func counting(n int) int {
	var t tally
	for i := 0; i < n; i++ {
		t.add(i & 7)
		if t.get() > 100 {
			t.n -= 100
		}
	}
	return t.n
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
	fmt.Println(sub(&pt{10, 20, 0}, 3))
	y := &pair{1, 2}
	fmt.Println(viewLoad(y, (*one)(unsafe.Pointer(&y.b))))
	fmt.Println(consts("aaaaaaaaaaaaaaaaaaaaaaaaaY", 1))
	fmt.Println(stepped(100))
	fmt.Println(counting(1000))
}
