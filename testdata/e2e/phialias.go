// A struct field read in a loop that feeds the loop's own variables (a
// swap through a literal, or through an inlined method's result): its
// value must not share a loop variable's slot, which the back edge writes
// (inline.go field, compile.go phiMoves). Found by a review: goro printed
// 1222 and a rotation's trace went wrong.
package main

import "fmt"

type P struct{ x, y int }

type V struct{ x, y int }

func (v V) rot() V { return V{-v.y, v.x} } // rotate by 90°

func main() {
	a, b := 1, 2
	s := 0
	for i := 0; ; i++ {
		s = s*10 + a
		a, b = P{b, a}.x, P{b, a}.y // swap a and b
		if i == 3 {
			break
		}
	}
	fmt.Println(s)

	x, y := 1, 2
	var trace []int
	for i := 0; ; i++ {
		trace = append(trace, x, y)
		x, y = V{x, y}.rot().x, V{x, y}.rot().y
		if i == 3 {
			break
		}
	}
	fmt.Println(trace)

	// The next value made in the phi's slot while a field read from the
	// old one is used after it.
	n, acc := 0, 0
	for n < 5 {
		old := P{n, 0}.x
		n++
		acc = acc*10 + old
	}
	fmt.Println(acc)

	// The next value used after it is made, in its block, and by two
	// phis: made in one phi's slot, read from it by the other's move.
	u, w, tot := uint64(1), uint64(0), uint64(0)
	for i := 0; i < 6; i++ {
		v := u*3 + w
		tot += v >> 1
		u, w = v, v
	}
	fmt.Println(u, w, tot)
}
