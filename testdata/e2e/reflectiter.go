// reflect's iterators (Type.Fields, Methods, Ins, Outs; Value.Fields,
// Methods) and FieldByNameFunc, which calls the program's function.
package main

import (
	"fmt"
	"reflect"
	"strings"
)

type Base struct{ ID int }
type Named struct{ Name string }

type Item struct {
	Base
	*Named
	Price float64
	tags  []string
}

func (i Item) Total(n int) float64 { return float64(n) * i.Price }
func (i Item) Label() string       { return fmt.Sprint("item ", i.ID) }

type Twin struct {
	A struct{ X int }
	B struct{ X int }
}

func main() {
	it := Item{Base: Base{7}, Named: &Named{"pen"}, Price: 1.5}
	t := reflect.TypeOf(it)
	for f := range t.Fields() {
		fmt.Println(f.Name, f.Type, f.Index, f.Anonymous)
	}
	for m := range t.Methods() {
		fmt.Println(m.Name, m.Type)
	}
	ft := reflect.TypeOf(strings.Cut)
	for in := range ft.Ins() {
		fmt.Print(in, " ")
	}
	for out := range ft.Outs() {
		fmt.Print(out, " ")
	}
	fmt.Println()
	v := reflect.ValueOf(it)
	for f, fv := range v.Fields() {
		if f.IsExported() {
			fmt.Println(f.Name, fv)
		}
	}
	for m, mv := range v.Methods() {
		if m.Name == "Total" {
			fmt.Println(m.Name, mv.Call([]reflect.Value{reflect.ValueOf(4)})[0])
		} else {
			fmt.Println(m.Name, mv.Call(nil)[0])
		}
	}
	n := 0
	for f := range t.Fields() {
		n++
		if f.Name == "Named" {
			break
		}
	}
	fmt.Println("stopped after", n)

	var asked []string
	f, ok := t.FieldByNameFunc(func(s string) bool { asked = append(asked, s); return strings.EqualFold(s, "id") })
	fmt.Println(f.Name, f.Index, ok, asked)
	fmt.Println(v.FieldByNameFunc(func(s string) bool { return s == "Name" }))
	_, ok = reflect.TypeOf(Twin{}).FieldByNameFunc(func(s string) bool { return s == "X" })
	fmt.Println(ok, v.FieldByNameFunc(func(string) bool { return false }).IsValid())
	defer func() { fmt.Println(recover()) }()
	reflect.TypeOf(3).FieldByNameFunc(func(string) bool { return true })
}
