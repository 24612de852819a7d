// A struct seen through unsafe as a struct whose only field it is.
package main

import (
	"fmt"
	"unsafe"
)

type vec struct{ x, y, z int }

type wrapped struct {
	v vec
	_ struct{}
}

type blank struct {
	_ struct{ a, b, c int }
}

func main() {
	v := vec{1, 2, 3}
	w := (*wrapped)(unsafe.Pointer(&v))
	fmt.Println(w.v, w.v.y)
	w.v.z = 30
	c := *w
	c.v.x = 100 // a copy: v keeps its 1
	fmt.Println(v, c.v)
	*w = wrapped{v: vec{7, 8, 9}}
	fmt.Println(v)
	var a, b any = *(*blank)(unsafe.Pointer(&vec{1, 2, 3})), *(*blank)(unsafe.Pointer(&vec{4, 5, 6}))
	fmt.Println(a == b)
}
