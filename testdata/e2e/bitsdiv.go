// math/bits panics with the runtime's errors (variables gc's linker takes
// from the runtime, which goro sets at start-up).
package main

import (
	"fmt"
	"math/bits"
)

func try(f func()) {
	defer func() {
		r := recover()
		_, isRT := r.(interface{ RuntimeError() })
		fmt.Println(r, isRT)
	}()
	f()
}

func main() {
	var hi, lo, y, zero uint64 = 5, 1, 3, 0
	try(func() { fmt.Println(bits.Div64(hi, lo, y)) })
	try(func() { fmt.Println(bits.Div64(0, lo, zero)) })
	try(func() { fmt.Println(bits.Div32(uint32(hi), uint32(lo), uint32(y))) })
	try(func() { fmt.Println(bits.Rem64(hi, lo, zero)) })
	try(func() { fmt.Println(bits.Div64(1, 2, 3)) })
}
