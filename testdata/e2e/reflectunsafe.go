// reflect's functions over unsafe.Pointer: NewAt, SliceAt, SetPointer,
// InterfaceData.
package main

import (
	"fmt"
	"reflect"
	"unsafe"
)

type point struct{ X, Y int }

func main() {
	p := point{1, 2}
	v := reflect.NewAt(reflect.TypeOf(point{}), unsafe.Pointer(&p))
	v.Elem().Field(1).SetInt(20)
	fmt.Println(v.Type(), p, v.Pointer() == uintptr(unsafe.Pointer(&p)))

	arr := [4]int{1, 2, 3, 4}
	s := reflect.SliceAt(reflect.TypeOf(0), unsafe.Pointer(&arr[1]), 3)
	s.Index(0).SetInt(200)
	fmt.Println(s.Type(), s.Len(), s.Cap(), arr, s.Interface())

	var up unsafe.Pointer
	reflect.ValueOf(&up).Elem().SetPointer(unsafe.Pointer(&p))
	fmt.Println((*point)(up).X)

	var i any = &p
	w := reflect.ValueOf(&i).Elem().InterfaceData()
	fmt.Println(w[0] != 0, w[1] == uintptr(unsafe.Pointer(&p)))
	var none any
	fmt.Println(reflect.ValueOf(&none).Elem().InterfaceData())

	defer func() { fmt.Println(recover()) }()
	reflect.ValueOf(3).InterfaceData()
}
