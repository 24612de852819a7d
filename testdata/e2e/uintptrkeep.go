// Two pointers passed as uintptrs to calls that collect garbage: each
// stays alive through its call, also when goro's frame layout puts the
// two uintptrs in one slot (vm/frame.go keeps such slots apart, for
// liveness.go's keep-alive sets).
package main

import (
	"fmt"
	"runtime"
	"unsafe"
)

//go:uintptrescapes
//go:noinline
func use(p uintptr) {
	runtime.GC()
	fmt.Println(*(*int)(unsafe.Pointer(p)))
}

func main() {
	a := new(int)
	*a = 42
	use(uintptr(unsafe.Pointer(a)))
	b := new(int)
	*b = 7
	use(uintptr(unsafe.Pointer(b)))
}
