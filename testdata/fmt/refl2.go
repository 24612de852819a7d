package main

import (
	"fmt"
	"reflect"
)

type A struct{ X, Y int }
type B struct {
	A
	Y string
	z bool
}

func main() {
	for _, f := range reflect.VisibleFields(reflect.TypeOf(B{})) {
		fmt.Println(f.Name, f.Index, f.Type, f.Anonymous)
	}
	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	fn := reflect.MakeFunc(reflect.TypeOf(intSwap), swap)
	reflect.ValueOf(&intSwap).Elem().Set(fn)
	fmt.Println(intSwap(1, 2))
	add := reflect.MakeFunc(reflect.TypeOf(func(a, b int) int { return 0 }), func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(int(in[0].Int() + in[1].Int()))}
	})
	fmt.Println(add.Call([]reflect.Value{reflect.ValueOf(3), reflect.ValueOf(4)})[0].Int())
	fmt.Println(reflect.ChanOf(reflect.RecvDir, reflect.TypeOf(0)), reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(0)), reflect.SliceOf(reflect.TypeOf(A{})), reflect.ArrayOf(3, reflect.TypeOf(byte(0))))
	m := map[int]int{1: 1}
	reflect.ValueOf(m).Clear()
	fmt.Println(len(m))
	s := []int{1, 2}
	sv := reflect.ValueOf(&s).Elem()
	sv.Grow(10)
	fmt.Println(len(s), cap(s) >= 12)
	fmt.Printf("%v|%+v|%s\n", reflect.Value{}, reflect.ValueOf(A{1, 2}), reflect.ValueOf("str"))
	var x any = A{5, 6}
	xv := reflect.ValueOf(&x).Elem()
	fmt.Println(xv.Kind(), xv.Elem().Field(0), xv.Type(), xv.Elem().Type())
	xv.Set(reflect.ValueOf(7))
	fmt.Println(x)
	pa := &A{1, 2}
	reflect.ValueOf(pa).Elem().Set(reflect.ValueOf(A{8, 9}))
	fmt.Println(*pa)
	reflect.ValueOf(pa).Elem().Field(1).Set(reflect.ValueOf(10))
	fmt.Println(*pa, reflect.ValueOf(pa).Elem().Addr().Interface() == pa)
	arr := [2]A{}
	reflect.ValueOf(&arr).Elem().Index(1).Field(0).SetInt(3)
	fmt.Println(arr)
	q := A{}
	pq := &q.Y
	reflect.ValueOf(&q).Elem().Set(reflect.ValueOf(A{4, 5}))
	fmt.Println(*pq, q)
}
