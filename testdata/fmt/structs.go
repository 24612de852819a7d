package main

import "fmt"

type Inner struct {
	A int
	b string
}

type Base struct{ ID int }

type Outer struct {
	Base
	Name string
	In   Inner
	P    *Inner
	L    []int
	M    map[string]int
	I    any
	E    error
	f    float64
	Arr  [2]bool
}

type Pt struct{ X, Y int }

func main() {
	in := Inner{1, "x"}
	o := Outer{Base: Base{7}, Name: "n", In: in, P: &in, L: []int{1, 2}, M: map[string]int{"b": 2, "a": 1}, I: 3, f: 1.5}
	fmt.Printf("%v\n", o.In)
	fmt.Printf("%+v\n", o.In)
	fmt.Printf("%#v\n", o.In)
	fmt.Printf("%v\n", &o.In)
	fmt.Printf("%+v\n", &o.In)
	fmt.Printf("%#v\n", &o.In)
	fmt.Println(o.Base, o.L, o.M, o.I, o.E, o.f, o.Arr)
	fmt.Printf("%v\n", []Pt{{1, 2}, {3, 4}})
	fmt.Printf("%+v\n", []*Pt{{1, 2}}[0])
	fmt.Printf("%#v\n", []Pt{{1, 2}})
	fmt.Printf("%#v\n", map[string]Pt{"z": {1, 1}, "a": {2, 2}})
	fmt.Printf("%v %+v\n", struct{}{}, struct{ A, B any }{nil, 1})
	fmt.Printf("%#v\n", struct {
		A int
		B string
	}{1, "x"})
	var np *Pt
	fmt.Println(np)
	fmt.Printf("%v %+v %#v\n", np, np, np)
	fmt.Printf("%v\n", [3]int{1, 2, 3})
	fmt.Printf("%#v %#v %#v\n", []int(nil), map[int]int(nil), []string{"a"})
	fmt.Printf("%v %d %x\n", []int{10, 11}, []int{10, 11}, []int{10, 11})
	fmt.Printf("%#v %#v %#v %#v\n", 1, "s", 1.0, true)
	fmt.Printf("%v\n", [][]int{{1}, {2, 3}})
	type T struct {
		A []string
		M map[int]bool
	}
	fmt.Printf("%+v\n", T{[]string{"x", "y"}, map[int]bool{3: true, 1: false}})
	fmt.Printf("%#v\n", T{})
	fmt.Printf("%v %v\n", int8(-1), []uint8{1, 2})
	fmt.Printf("%q\n", []string{"a", "b"})
	fmt.Printf("%5v|%-5v|\n", []int{1, 2}, Pt{1, 2})
	o.P = nil
	fmt.Printf("%#v\n", o)
}
