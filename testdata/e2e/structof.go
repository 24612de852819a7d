package main

import (
	"encoding/json"
	"fmt"
	"reflect"
)

type Point struct{ X, Y int }

func main() {
	fields := []reflect.StructField{
		{Name: "Name", Type: reflect.TypeOf(""), Tag: `json:"name"`},
		{Name: "Age", Type: reflect.TypeOf(0)},
		{Name: "inner", PkgPath: "main", Type: reflect.TypeOf([]byte(nil))},
	}
	t := reflect.StructOf(fields)
	fmt.Println(t, t.Kind(), t.NumField(), t.Size())
	f, _ := t.FieldByName("Name")
	fmt.Println(f.Tag.Get("json"), f.Index, f.Offset, f.PkgPath == "")
	f, _ = t.FieldByName("inner")
	fmt.Println(f.PkgPath, f.IsExported(), f.Offset)
	v := reflect.New(t).Elem()
	v.Field(0).SetString("gopher")
	v.Field(1).SetInt(13)
	fmt.Printf("%+v\n", v.Interface())
	out, err := json.Marshal(v.Addr().Interface())
	fmt.Println(string(out), err)
	fmt.Println(t == reflect.StructOf(fields))

	// A struct type the program declares is the one StructOf makes.
	u := reflect.TypeOf(struct {
		A int
		B string
	}{})
	u2 := reflect.StructOf([]reflect.StructField{{Name: "A", Type: reflect.TypeOf(0)}, {Name: "B", Type: reflect.TypeOf("")}})
	fmt.Println(u == u2, u2)
	x := reflect.New(u2).Elem()
	x.Field(0).SetInt(7)
	fmt.Println(x.Interface().(struct {
		A int
		B string
	}).A)

	// Embedded, nested, arrays.
	e := reflect.StructOf([]reflect.StructField{
		{Name: "Point", Type: reflect.TypeOf(Point{}), Anonymous: true},
		{Name: "Grid", Type: reflect.ArrayOf(3, reflect.StructOf([]reflect.StructField{{Name: "V", Type: reflect.TypeOf(0.5)}}))},
	})
	ev := reflect.New(e).Elem()
	ev.FieldByName("X").SetInt(4)
	ev.Field(1).Index(2).Field(0).SetFloat(2.5)
	fmt.Printf("%v %+v %v\n", e, ev.Interface(), e.Field(0).Anonymous)

	for _, fs := range [][]reflect.StructField{
		{{Name: "", Type: reflect.TypeOf(0)}},
		{{Name: "1x", Type: reflect.TypeOf(0)}},
		{{Name: "x", Type: reflect.TypeOf(0)}},
		{{Name: "A", Type: nil}},
		{{Name: "A", Type: reflect.TypeOf(0)}, {Name: "A", Type: reflect.TypeOf("")}},
		{{Name: "Point", PkgPath: "main", Type: reflect.TypeOf(Point{}), Anonymous: true}},
		{{Name: "a", PkgPath: "p", Type: reflect.TypeOf(0)}, {Name: "b", PkgPath: "q", Type: reflect.TypeOf(0)}},
		{{Name: "P", Type: reflect.TypeOf((**Point)(nil)), Anonymous: true}},
		{{Name: "_", PkgPath: "main", Type: reflect.TypeOf(0)}, {Name: "_", PkgPath: "main", Type: reflect.TypeOf(0)}},
	} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			fmt.Println(reflect.StructOf(fs))
		}()
	}

	// FuncOf, and MakeFunc of its type.
	ft := reflect.FuncOf([]reflect.Type{reflect.TypeOf(0), reflect.TypeOf([]string(nil))}, []reflect.Type{reflect.TypeOf("")}, true)
	fmt.Println(ft, ft == reflect.TypeOf(func(int, ...string) string { return "" }), ft.IsVariadic(), ft.NumIn(), ft.NumOut())
	fn := reflect.MakeFunc(ft, func(args []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(fmt.Sprint(args[0].Int(), args[1].Len()))}
	})
	fmt.Println(fn.Interface().(func(int, ...string) string)(3, "a", "b"))
	fmt.Println(reflect.FuncOf(nil, nil, false))
	for _, in := range [][]reflect.Type{nil, {reflect.TypeOf(0)}} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			fmt.Println(reflect.FuncOf(in, nil, true))
		}()
	}
}
