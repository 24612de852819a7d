// Strings, slices and interfaces read as gc's headers through unsafe.
package main

import (
	"fmt"
	"reflect"
	"unsafe"
)

type eface struct {
	typ, data unsafe.Pointer
}

type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

func dataOf(s string) uintptr { return *(*uintptr)(unsafe.Pointer(&s)) }

// The zero-copy conversions gc programs make.
func b2s(b []byte) string { return *(*string)(unsafe.Pointer(&b)) }
func s2b(s string) []byte { return *(*[]byte)(unsafe.Pointer(&s)) }

func main() {
	s := "hello, goroutines"
	sh := (*reflect.StringHeader)(unsafe.Pointer(&s))
	fmt.Println(sh.Len, unsafe.Pointer(sh.Data) == unsafe.Pointer(unsafe.StringData(s)))
	t := string([]byte(s))
	fmt.Println(dataOf(s) == dataOf(s), dataOf(s) == dataOf(t), dataOf(""))

	b := make([]int, 3, 10)
	bh := *(*reflect.SliceHeader)(unsafe.Pointer(&b))
	fmt.Println(bh.Len, bh.Cap, unsafe.Pointer(bh.Data) == unsafe.Pointer(unsafe.SliceData(b)))
	mine := (*sliceHeader)(unsafe.Pointer(&b))
	fmt.Println(mine.len, mine.cap, mine.data == unsafe.Pointer(&b[0]))
	*(*int)(mine.data) = 42
	fmt.Println(b[0])
	var empty []int
	fmt.Println((*sliceHeader)(unsafe.Pointer(&empty)).data == nil)

	x := 7
	var i any = &x
	e := (*eface)(unsafe.Pointer(&i))
	fmt.Println(e.typ != nil, e.data == unsafe.Pointer(&x))
	var j any = 3
	var k any = 4
	fmt.Println((*eface)(unsafe.Pointer(&j)).typ == (*eface)(unsafe.Pointer(&k)).typ, *(*int)((*eface)(unsafe.Pointer(&k)).data))
	var none any
	fmt.Println(*(*eface)(unsafe.Pointer(&none)) == eface{})

	fmt.Println(b2s([]byte("zero")), b2s(nil) == "", len(s2b("copy")), string(s2b("copy")))
}
