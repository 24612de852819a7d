// Allocation counts in the program's own terms: testing.AllocsPerRun and
// runtime.ReadMemStats' Mallocs count what the program allocates, not
// what the interpreter running it does. (Where gc's escape analysis keeps
// a value on the stack — fmt's variadic slices — goro still counts it.)
package main

import (
	"fmt"
	"runtime"
	"testing"
)

type T struct{ a, b int }

var (
	sink  *T
	bytes []byte
)

func one()  { sink = &T{1, 2} }
func two()  { sink = &T{}; bytes = make([]byte, 64) }
func none() {}

func static() func(int) int { return func(x int) int { return x } }

func main() {
	fmt.Println(testing.AllocsPerRun(100, one), testing.AllocsPerRun(100, two), testing.AllocsPerRun(100, none))
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	n, b := ms.Mallocs, ms.TotalAlloc
	f, g := static(), static()
	sum := f(1) + g(2)
	runtime.ReadMemStats(&ms)
	n1, b1 := ms.Mallocs, ms.TotalAlloc
	one()
	runtime.ReadMemStats(&ms)
	fmt.Println(sum, n1-n, b1-b, ms.Mallocs-n1, ms.TotalAlloc-b1 >= 16)
}
