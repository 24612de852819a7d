// unsafe.Pointer conversions goro's cells can represent: same layouts,
// a float64's bits, numbers of one size, pointer-shaped cells, and a
// pointer's round trip through uintptr.
package main

import (
	"fmt"
	"math"
	"unsafe"
)

type S struct {
	A int32
	B int32
	C int64
}

type T struct {
	X, Y int32
	Z    int64
}

type hidden struct{ _, a, b int }

type Celsius float64

func main() {
	f := 1.5
	fmt.Println(*(*uint64)(unsafe.Pointer(&f)) == math.Float64bits(f))
	*(*uint64)(unsafe.Pointer(&f)) = math.Float64bits(-2.25)
	fmt.Println(f)

	s := S{1, 2, 3}
	t := (*T)(unsafe.Pointer(&s))
	t.Z = 30
	fmt.Println(t.X, t.Y, t.Z, s)

	h := *(*hidden)(unsafe.Pointer(&struct{ x, y, z int }{1, 2, 3}))
	fmt.Println(h == hidden{a: 2, b: 3})

	i := int64(-1)
	fmt.Println(*(*uint64)(unsafe.Pointer(&i)))
	b := true
	fmt.Println(*(*uint8)(unsafe.Pointer(&b)))

	c := Celsius(36.6)
	fmt.Println(*(*float64)(unsafe.Pointer(&c)))

	xs := []int{1, 2, 3}
	us := *(*[]uint)(unsafe.Pointer(&xs))
	us[0] = 10
	fmt.Println(xs, len(us), cap(us))

	arr := [4]int32{1, 2, 3, 4}
	half := (*[2]int32)(unsafe.Pointer(&arr))
	half[1] = 20
	fmt.Println(arr)

	n := 42
	pp := &n
	q := *(*unsafe.Pointer)(unsafe.Pointer(&pp))
	fmt.Println(*(*int)(q))

	addr := uintptr(unsafe.Pointer(&n))
	back := (*int)(unsafe.Pointer(addr))
	*back = 43
	fmt.Println(n, back == &n, unsafe.Add(unsafe.Pointer(&n), 0) == unsafe.Pointer(&n))

	var z struct{}
	fmt.Println(*(*struct{})(unsafe.Pointer(&n)) == z)
}
