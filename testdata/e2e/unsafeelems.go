// Element addresses through unsafe: the zero-copy conversions and
// pointer steps gc programs make over arrays, slices and strings.
package main

import (
	"fmt"
	"unsafe"
)

// bytesToString is the common zero-copy conversion.
func bytesToString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

type point struct{ x, y int32 }

func main() {
	buf := []byte("hello, world")
	fmt.Println(bytesToString(buf[7:]), bytesToString(buf[:5]), bytesToString(nil) == "")

	// Walk an array of ints by unsafe.Add, forwards and back.
	a := [5]int64{10, 20, 30, 40, 50}
	p := unsafe.Pointer(&a[2])
	fmt.Println(*(*int64)(unsafe.Add(p, 8)), *(*int64)(unsafe.Add(p, -16)), *(*int64)(unsafe.Add(p, 16)))
	*(*int64)(unsafe.Add(p, -8)) = 21
	fmt.Println(a, unsafe.Add(p, 8) == unsafe.Pointer(&a[3]))

	// A slice over part of an array, and over a slice's capacity.
	s := unsafe.Slice(&a[1], 3)
	s[0]++
	fmt.Println(s, len(s), cap(s), a[1])
	big := make([]point, 2, 4)
	t := unsafe.Slice(&big[0], 4)
	t[3] = point{7, 8}
	fmt.Println(t, big[:4][3])

	// Structs step by their size.
	q := unsafe.Add(unsafe.Pointer(&t[0]), unsafe.Sizeof(point{})*3)
	fmt.Println(*(*point)(q))

	// A string's bytes.
	str := "goroutine"
	d := unsafe.StringData(str)
	fmt.Println(string(*(*byte)(unsafe.Add(unsafe.Pointer(d), 4))), unsafe.String((*byte)(unsafe.Add(unsafe.Pointer(d), 4)), 5))

	// gc's checks of unsafe.String and Slice.
	for _, f := range []func(){
		func() { _ = unsafe.String(nil, 1) },
		func() { n := -1; _ = unsafe.Slice(&a[0], n) },
		func() { _ = unsafe.Slice(new(uint64), uint64(1)<<61) },
		func() {
			last := (*byte)(unsafe.Pointer(^uintptr(0)))
			_ = unsafe.String(last, 1)
			_ = unsafe.String(last, 2)
		},
	} {
		func() {
			defer func() { fmt.Println(recover()) }()
			f()
		}()
	}
}
