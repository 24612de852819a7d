// A deferred call that panics, run by a return statement: the frame of the
// function returning is at the return's line, as gc places it (ssa emits
// the deferred calls without a position).
package main

func f(x int) (r int) {
	defer func() {
		panic("from a deferred call")
	}()
	if x > 0 {
		return 1
	}
	println("not here")
	return 2
}

func main() {
	f(1)
}
