// unsafe.Offsetof in generic code: the offset depends on the instance
// (not a constant of the generic function), including fields promoted
// through embedded structs and a selector of an embedded field itself.
package main

import (
	"fmt"
	"unsafe"
)

type Inner struct {
	A byte
	B int64
}

type Pair[K, V any] struct {
	Key K
	Val V
	Inner
}

func offsets[K, V any](p *Pair[K, V]) []uintptr {
	var local Pair[K, V]
	return []uintptr{
		unsafe.Offsetof(p.Val),
		unsafe.Offsetof(p.B),       // promoted: from Pair's start
		unsafe.Offsetof(p.Inner.B), // explicit: from Inner's start
		unsafe.Offsetof(p.Inner),   // the embedded field itself
		unsafe.Offsetof(local.Val), // a value, not a pointer
		unsafe.Offsetof((*p).Inner.A),
	}
}

type node[T any] struct {
	next *node[T]
	val  T
}

func (n *node[T]) valOffset() uintptr { return unsafe.Offsetof(n.val) }

func main() {
	fmt.Println(offsets(&Pair[byte, int32]{}))
	fmt.Println(offsets(&Pair[string, [3]int16]{}))
	fmt.Println(offsets(&Pair[struct{}, bool]{}))
	fmt.Println(new(node[int8]).valOffset(), new(node[complex128]).valOffset())
}
