// unsafe.Sizeof and Alignof of a type parameter: gc's sizes at run time.
package main

import (
	"fmt"
	"unsafe"
)

type pair struct {
	a int8
	b int64
}

func size[T any]() (uintptr, uintptr) {
	var x T
	return unsafe.Sizeof(x), unsafe.Alignof(x)
}

func main() {
	fmt.Println(size[int8]())
	fmt.Println(size[pair]())
	fmt.Println(size[[3]int16]())
	fmt.Println(size[string]())
	fmt.Println(size[[]int]())
	fmt.Println(size[any]())
}
