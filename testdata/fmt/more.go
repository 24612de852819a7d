package main

import (
	"errors"
	"fmt"
)

type L []int

func (l L) String() string { return fmt.Sprintf("L%d", len(l)) }

type M map[string]int

func (m M) String() string { return "M!" }

type I interface{ Do() }
type Impl struct{ N int }

func (Impl) Do() {}

type WithIface struct {
	I
	Any  any
	Anys map[string]any
}

type Node struct {
	V    int
	Next *Node
}

func main() {
	fmt.Println(struct {
		A L
		B M
		C []L
	}{L{1, 2}, M{}, []L{{1}}})
	fmt.Printf("%+v\n", WithIface{Impl{1}, L{3}, map[string]any{"b": 2.5, "a": []int{1}, "c": nil}})
	fmt.Printf("%#v\n", WithIface{})
	n := &Node{1, nil}
	fmt.Printf("%v %+v\n", *n, n)
	e := errors.New("plain")
	fmt.Printf("%v %#v\n", []error{e}, e.Error())
	fmt.Printf("%v %v\n", [2]any{1, "a"}, map[string]L{"x": {1}})
	fmt.Printf("%s %v\n", L{}, &L{1})
	type Celsius float64
	type Pair struct {
		K string
		V Celsius
	}
	fmt.Printf("%v %.1f %+v\n", Celsius(1.25), []Celsius{1.25, 2}, Pair{"t", 3.5})
	fmt.Printf("%6.2f|%v\n", []float64{1, 2.345}, []float32{0.1, 0.25})
	fmt.Printf("%d|%v|%s\n", map[string]int{"a": 1}, map[L]int{}, []error{nil})
	fmt.Printf("%q %v\n", map[string]string{"k": "v"}, struct{ R rune }{'x'})
	fmt.Printf("%x %X\n", []string{"ab", "c"}, [2]string{"d", "e"})
	fmt.Printf("%v\n", []struct{}{{}, {}})
	fmt.Printf("%010.3f|%-10.1e|%+v\n", 3.14159, 1234.5, -0.5)
	fmt.Printf("%t\n", "notbool")
	fmt.Printf("%s\n", 42)
	fmt.Printf("%d %d\n", 1.5, true)
	fmt.Printf("%v %v\n", uintptr(0), []uintptr{1})
}
