// A variable stored once and read later (a read-only spill) whose value's
// slot is a loop phi's (coalescePhis): the reads must see the value stored,
// not what the loop made in that slot since — and a struct literal
// returned from a later block than it was made in (a review's cases).
package main

import "fmt"

type T struct{ a, b int }

//go:noinline
func mk(i int) T { return T{i, i * 2} }

//go:noinline
func inc(i int) int { return i + 1 }

// savedBeforeLoop: x := mk(1) is made in the slot of the loop's x.
func savedBeforeLoop() {
	x := mk(1)
	q := x
	for i := 0; i < 3; i++ {
		fmt.Println("before", q.a)
		x = mk(i + 5)
	}
	fmt.Println("x", x.a)
}

// savedInLoop: the body's x = mk(...) is made in the phi's slot.
func savedInLoop() {
	x := mk(0)
	i := 0
	for i < 3 {
		q := x
		x = mk(i + 10)
		fmt.Println("in", q.a, q.b)
		i++
	}
}

// savedByGoto: the same in a loop's header (coalescableInHeader).
func savedByGoto() {
	x := mk(0)
	i := 0
loop:
	q := x
	x = mk(i + 10)
	i++
	if i < 3 {
		goto loop
	}
	fmt.Println("goto", q.a, q.b)
}

// literalOfPhi: a literal of an int the loop changes.
func literalOfPhi() {
	a := inc(0)
	q := T{a, 0}
	for i := 0; i < 3; i++ {
		fmt.Println("literal", q.a)
		a = inc(a * 3)
	}
	fmt.Println("a", a)
	b := 1
	i := 0
	for i < 3 {
		q := T{b, 0}
		i++
		b = b * 3
		fmt.Println("literal in loop", q.a, q.b)
	}
}

type P struct{ x, y int }

func g(p P) int      { return p.x*10 + p.y }
func mkP(a, b int) P { return P{a, b} }

// literalBeforeNext: a register literal of the loop variable, read (by
// inlined callees) after the variable's next value is made — never in
// the variable's slot (coalescePhis: forwarded).
func literalBeforeNext() {
	r := 0
	for i := 0; i < 3; {
		t := P{x: i, y: 1}
		i = i + 1
		r += g(t)
		fmt.Println("literal before next", r)
	}
	r = 0
	i := 0
	for i < 3 {
		t := mkP(i, 2)
		i++
		r += g(t)
	}
	fmt.Println("inlined literal before next", r)
}

// returnedLater: the literal made before the loop, returned after it.
//
//go:noinline
func returnedLater() T {
	a := inc(0)
	r := T{a, 0}
	for i := 0; i < 3; i++ {
		a = inc(a)
	}
	fmt.Println("a", a)
	return r
}

func main() {
	savedBeforeLoop()
	savedInLoop()
	savedByGoto()
	literalOfPhi()
	literalBeforeNext()
	r := returnedLater()
	fmt.Println("returned", r.a, r.b)
}
