// Closures: captured variables, per-iteration loop variables, counters, recursion.
package main

import "fmt"

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 100 }
}

func main() {
	next, reset := counter()
	fmt.Println(next(), next(), next())
	reset()
	fmt.Println(next())

	// Go 1.22+: each iteration has its own i.
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	var gs []func() string
	for _, s := range []string{"a", "b", "c"} {
		gs = append(gs, func() string { return s })
	}
	for _, g := range gs {
		fmt.Print(g())
	}
	fmt.Println()

	// Modifying the loop variable inside the body affects only that iteration's copy.
	var hs []func() int
	for i := 0; i < 6; i++ {
		hs = append(hs, func() int { return i })
		i++
	}
	for _, h := range hs {
		fmt.Print(h(), " ")
	}
	fmt.Println()

	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	fmt.Println(fib(20))

	x := 1
	add := func(d int) { x += d }
	add(5)
	add(10)
	fmt.Println(x)

	compose := func(f, g func(int) int) func(int) int {
		return func(v int) int { return g(f(v)) }
	}
	double := func(v int) int { return v * 2 }
	plus1 := func(v int) int { return v + 1 }
	fmt.Println(compose(double, plus1)(5), compose(plus1, double)(5))
	fmt.Println(func(a, b int) int { return a * b }(6, 7))
}
