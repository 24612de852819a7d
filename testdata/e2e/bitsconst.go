// A program that reaches the runtime through no import (math/bits only
// for a constant, unsafe): goro loads the runtime with it, in one universe
// of types (issue 14: this was a host panic from go/ssa).
package main

import (
	"math/bits"
	"unsafe"
)

const WSize = bits.UintSize / 8

type pair struct{ a, b uint32 }

func main() {
	var x uint64 = 7
	p := unsafe.Pointer(&x)
	println(WSize, *(*uint64)(p), unsafe.Sizeof(pair{}))
	var a [3]int
	i := 5
	defer func() { println("recovered:", recover().(error).Error()) }()
	a[i%8] = 1
}
