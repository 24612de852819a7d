// loopfault: a counting loop whose test loads through a pointer that
// becomes nil faults at the for statement's line — goro copies the test
// to the loop's back edge, with its position.
package main

type S struct{ n, m int }

var g = &S{5, 0}

//go:noinline
func f() int {
	s := 0
	for i := 0; i < g.n; i++ {
		if i == 2 {
			g = nil
		}
		s += i
	}
	return s
}

func main() {
	println(f())
}
