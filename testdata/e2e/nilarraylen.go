// len, cap and range of *p for a nil *[N]T: the spec does not evaluate
// the operand when the length is a constant (no function call or
// receive in it, at most one iteration variable), so nothing is
// dereferenced; otherwise the nil pointer panics.
package main

import "fmt"

var nilp *[4]int

func get() *[4]int { return nil }

type grid [3][2]byte

func genLen[P ~[4]int](p *P) int { return len(*p) }

func genRange[P ~[4]int](p *P) int {
	n := 0
	for i := range *p {
		n += i
	}
	return n
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panics:", r)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func main() {
	var g *grid
	ch := make(chan *[4]int, 1)
	try("len(*nilp)", func() { _ = len(*nilp) })
	try("cap((*nilp))", func() { fmt.Println(cap((*nilp))) })
	try("len(g[1])", func() { fmt.Println(len(g[1])) })
	try("len(*(*[4]int)(nilp))", func() { fmt.Println(len(*(*[4]int)(nilp))) })
	try("range *nilp", func() {
		n := 0
		for range *nilp {
			n++
		}
		fmt.Println(n)
	})
	try("range (*nilp) with index", func() {
		for i := range *nilp {
			fmt.Print(i, " ")
		}
		fmt.Println()
	})
	try("len(*get())", func() { _ = len(*get()) })
	try("range *get()", func() {
		for range *get() {
		}
	})
	try("len(*<-ch)", func() {
		ch <- nil
		_ = len(*<-ch)
	})
	try("range *nilp with value", func() {
		for _, v := range *nilp {
			fmt.Println(v)
		}
	})
	try("range *nilp with a blank value", func() {
		for i, _ := range *nilp {
			fmt.Println(i)
		}
	})
	try("len(*p), p of a type parameter's array", func() { fmt.Println(genLen[[4]int](nil)) })
	try("range *p, p of a type parameter's array", func() { fmt.Println(genRange[[4]int](nil)) })
	try("_ = *nilp", func() { _ = *nilp })
	try("a := *nilp", func() {
		a := *nilp
		fmt.Println(len(a))
	})
}
