// The shapes of code that select the compiler's fast paths
// (compile_test.go asserts the ops emitted for each function). main runs
// them all; `fastpaths math N` calls math natives N times.
package main

import (
	"math"
	"os"
	"strconv"
	"unsafe"
)

// sumTo: a loop whose condition is a fused compare-and-branch (IfLssI)
// and whose body adds 64-bit integers (AddI).
func sumTo(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	return s
}

// fib: fused compare-and-branch on an int, SubI, AddI.
func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

// depth: the frame takes 2 slots (frame.go): the constants are
// immediates or the constant table's, and n-1, the call's result and +1
// share one slot.
func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

// wide: a constant on the left of a comparison or a commutative op is
// swapped to the right; one past 32 bits stays in the frame.
func wide(x int64) int64 {
	if 10 < x {
		return 3*x + 1<<40
	}
	return x
}

// folded: a branch on a constant is a jump to the branch taken.
const tracing = false

func folded(x int) int {
	if tracing {
		println(x)
	}
	return x
}

// eq8: == and != on narrow signed integers also fuse (IfEqlI).
func eq8(x, y int8) int {
	if x == y {
		return 1
	}
	return 0
}

// typed binary operators.
func mulI(x, y int64) int64         { return x*y - x }
func addF(x, y float64) float64     { return x*y + x/y - x }
func lessF(x, y float64) bool       { return x < y }
func lessU(x, y uint32) bool        { return x < y }
func geqU(x, y uint) bool           { return x >= y }
func lessI8(x, y int8) bool         { return x < y }
func andN(x, y uint8) uint8         { return x&y | x ^ y&^x }
func shlI(x int64, s uint) int64    { return x << s }
func shrS(x int32, s int) int32     { return x >> s }
func shrU(x uint16, s uint8) uint16 { return x >> s }
func eqN(x, y uint) bool            { return x == y }

// Not fast: the narrow kinds' wrapping arithmetic and division.
func add8(x, y int8) int8      { return x + y }
func quo(x, y int) int         { return x / y }
func shl8(x int8, s uint) int8 { return x << s }

// point's value-receiver getters: go/ssa spills the receiver to read
// its fields; the spills are read-only, so they are never made.
type point struct{ x, y, z int }

// (Not inlined, so that their callers show the borrowed loads of calls.)
//
//go:noinline
func (p point) sum() int { return p.x + p.y + p.z }

//go:noinline
func (p point) X() int { return p.x }

type holder struct{ p point }

// getter: the receiver loaded from memory is borrowed (a Load, no
// LoadDeep copy) by a callee that only reads scalar fields.
func (h *holder) getter() int { return h.p.sum() }

var global point

func getterGlobal() int { return global.X() }

// mutate writes through its receiver: the load must copy (LoadDeep).
//
//go:noinline
func (p point) mutate() int {
	p.x++
	return p.x
}

func notBorrowed(h *holder) int { return h.p.mutate() }

// Division of narrow kinds wraps (int32's MinInt32 / -1): generic;
// conversions between signed integers and float64 have fast ops.
func quo32(x, y int32) int32 { return x / y }
func toF(x int) float64      { return float64(x) }
func toI(x float64) int      { return int(x) }

// Composite literals whose variable's address goes nowhere but its
// stores are built in a register (literal.go); one read field by field
// stays in memory.
func (p point) plus(q point) point { return point{p.x + q.x, p.y + q.y, 0} }
func triple(x int) [3]int          { return [3]int{x, x, x} }
func readBack(x int) int {
	p := point{x: x}
	p.y = p.x + 1
	return p.y
}

// A struct result read a field at a time is returned flat (flat.go): the
// call's slots take its fields, and the literal the callee returns is
// never made; a caller that returns a flat call's result returns its
// fields in turn.
type mover interface{ step(d int) point }

func (p point) step(d int) point { return point{p.x + d, p.y, p.z} }
func walk(m mover) int           { q := m.step(1); return q.x + q.y }
func passOn(m mover) point       { return m.step(2) }

// The math natives of the common shapes are called directly (lib/math.go).
func hyp(x, y float64) float64 { return math.Sqrt(x*x + y*y) }

func mathShapes(x float64) float64 {
	i, f := math.Modf(x)
	if math.IsNaN(x) {
		return 0
	}
	return math.Max(i, f) + math.Sqrt(x)
}

func main() {
	if len(os.Args) == 3 && os.Args[1] == "math" {
		n, _ := strconv.Atoi(os.Args[2])
		s := 0.0
		for i := 0; i < n; i++ {
			s += mathShapes(float64(i) + 0.5)
		}
		if s < 0 {
			println(s)
		}
		return
	}
	h := &holder{point{1, 2, 3}}
	global = point{4, 5, 6}
	r := sumTo(10) + fib(10) + eq8(1, 1) + int(mulI(3, 4)) + int(addF(1, 2)) + h.getter() + getterGlobal() + notBorrowed(h)
	if lessF(1, 2) && lessU(1, 2) && geqU(2, 1) && lessI8(-1, 1) && eqN(3, 3) {
		r += int(andN(12, 10)) + int(shlI(1, 3)) + int(shrS(-8, 1)) + int(shrU(8, 1)) + int(add8(127, 1)) + quo(7, 2) + int(shl8(1, 7))
	}
	r += int(hyp(3, 4)) + int(mathShapes(2.5))
	k := 0
	r += countWhile(func() int { k++; return k }, 3) - 2 // 2 iterations
	if overlaps([]int{1}, []int{2}) || noEscape(nil) != nil {
		r += 1000 // never: two arrays do not overlap
	}
	u, i := uint32(1<<32-1), int64(-1)
	if *asInt32(&u) != -1 || *asUint64(&i) != 1<<64-1 || asCounter(&u).n != -1 {
		r += 1000 // never: the views read what gc reads
	}
	if w := uint64(1<<32 | 7); *lowHalf(&w) != 7 {
		r += 1000 // never
	}
	if quo32(-1<<31, -1) != -1<<31 || toF(-2) != -2.0 || toI(2.5) != 2 {
		r += 1000 // never
	}
	if (point{1, 2, 3}).plus(point{4, 5, 6}) != (point{5, 7, 0}) || triple(2) != [3]int{2, 2, 2} || readBack(1) != 2 {
		r += 1000 // never
	}
	if depth(1000) != folded(1000) || wide(11) != 33+1<<40 || wide(-5) != -5 {
		r += 1000 // never: the immediates are the constants
	}
	if walk(point{1, 2, 3}) != 4 || passOn(point{1, 2, 3}) != (point{3, 2, 3}) {
		r += 1000 // never
	}
	if passAddr(&k) == 0 {
		r += 1000 // never
	}
	b := &body{vel: vec2{1, 2}}
	b.move(2)
	var c counter
	bump(&c)
	if b.pos != (vec2{2, 4}) || bumpLocal() != 1 || c.n != 1 || inlines(6) != 5 || pairs([]int{1, 2, 3}) != 11 || sumTri(2, 3) != 1.0/18+1.0/19 || pullTwice() != 2 {
		r += 1000 // never
	}
	if len(os.Args) == 2 && os.Args[1] == "wider" {
		println(*wider(nil))
	}
	println(r)
}

// countWhile's loop condition, a call, is laid out after the body and
// branches back to it: through a Jump, the loop's safe point.
func countWhile(f func() int, n int) int {
	i := 0
	for f() < n {
		i++
	}
	return i
}

// overlaps is slices' overlap check: addresses only compared, never
// converted back (Convert's "compared": no record of the address).
func overlaps(a, b []int) bool {
	return uintptr(unsafe.Pointer(&a[0])) <= uintptr(unsafe.Pointer(&b[len(b)-1]))+7 &&
		uintptr(unsafe.Pointer(&b[0])) <= uintptr(unsafe.Pointer(&a[len(a)-1]))+7
}

// noEscape is internal/abi.NoEscape's round trip: the address must be
// remembered to convert back.
func noEscape(p unsafe.Pointer) unsafe.Pointer {
	x := uintptr(p)
	return unsafe.Pointer(x ^ 0)
}

// asInt32 sees a uint32's cell as an int32: a View (view.go).
func asInt32(p *uint32) *int32 { return (*int32)(unsafe.Pointer(p)) }

// asUint64 sees an int64 as a uint64: the words agree, the same pointer.
func asUint64(p *int64) *uint64 { return (*uint64)(unsafe.Pointer(p)) }

// counter is a struct of one sized field, as sync/atomic's types are.
type counter struct {
	_ struct{}
	n int32
}

// asCounter sees a uint32 as a counter: a View.
func asCounter(p *uint32) *counter { return (*counter)(unsafe.Pointer(p)) }

// lowHalf sees a uint64's low half: a View.
func lowHalf(p *uint64) *uint32 { return (*uint32)(unsafe.Pointer(p)) }

// wider would see past a uint32: goro cannot.
func wider(p *uint32) *uint64 { return (*uint64)(unsafe.Pointer(p)) }

// passAddr passes p's address as a uintptr: p stays alive through the
// call (liveness.go's keep), not after it.
func passAddr(p *int) uintptr {
	a := sinkAddr(uintptr(unsafe.Pointer(p)))
	return a + 1
}

//go:noinline
func sinkAddr(a uintptr) uintptr { return a }

// Inlining (inline.go): small leaves' bodies at their calls; a vec2 made
// by one inlined method and read by another is never made, a vec2 stored
// is stored a field at a time, and a field loaded only to read its
// fields is not copied.
type vec2 struct{ x, y float64 }

func (a vec2) add(b vec2) vec2      { return vec2{a.x + b.x, a.y + b.y} }
func (a vec2) scale(k float64) vec2 { return vec2{a.x * k, a.y * k} }

type body struct{ pos, vel vec2 }

func (b *body) move(dt float64) { b.pos = b.pos.add(b.vel.scale(dt)) }

func (c *counter) inc() { c.n++ }

// bump's c may be nil: the call stays, and its nil dereference its frame.
func bump(c *counter) { c.inc() }

// bumpLocal's c cannot be nil: inc inlined.
func bumpLocal() int32 {
	var c counter
	c.inc()
	return c.n
}

// divide's divisor may be zero: not inlined (halve's 2 is not).
func divide(x, y int) int { return x / y }
func halve(x int) int     { return x / 2 }

func inlines(x int) int { return divide(x, 3) + halve(x) }

// pairs' inner loop reads len(s) at each test (Len, not a builtin call),
// and its test is one compare-and-branch although its exit edge moves a
// phi (the outer i).
func pairs(s []int) int {
	n := 0
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			n += s[i] * s[j]
		}
	}
	return n
}

// tri computes i+j once (go/ssa makes it twice), and so does its inlined
// copy in sumTri, whose two calls with other arguments compute their own.
func tri(i, j int) float64 { return 1 / float64((i+j)*(i+j+1)/2+i+1) }

func sumTri(i, j int) float64 { return tri(i, j) + tri(j, i) }

type pt struct{ x, y, m float64 }

// pull loads b.m once: the stores between write other fields. Its second
// part stores through a pointer that may be b.m itself, which forgets it.
func pull(a, b *pt, k float64, p *float64) float64 {
	a.x -= b.m * k
	a.y -= b.m * k
	*p = 2
	return b.m
}

func pullTwice() float64 {
	a, b := &pt{}, &pt{m: 1}
	return pull(a, b, 1, &b.m) + a.x + a.y + 2
}

// Allocation counts (compiler.local): a variable whose address is only
// read and written through does not escape, and is not counted; one
// stored in a global escapes.
var escaped *[4]int

func localArray(n int) int {
	a := new([4]int)
	for i := range a {
		a[i] = n * i
	}
	return a[3]
}

func escapingArray(n int) {
	a := new([4]int)
	a[1] = n
	escaped = a
}
