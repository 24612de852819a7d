package main

import (
	"fmt"
	"reflect"
	"strings"
)

type T struct {
	A int
	B *T
}

type S string

func (s S) String() string { return strings.ToUpper(string(s)) }

type List struct {
	Items []S
	Named map[S]S
}

type Temp float64

func (t Temp) Format(f fmt.State, c rune) { fmt.Fprintf(f, "%.1f°", float64(t)) }

type E struct{}

func (*E) Error() string { return "E!" }

func main() {
	fmt.Println(reflect.ValueOf(42), reflect.ValueOf("s"), reflect.ValueOf([]int{1}))
	fmt.Printf("%v %d %s\n", reflect.ValueOf(42), reflect.ValueOf(7), reflect.ValueOf(S("x")))
	fmt.Println(List{[]S{"a", "b"}, map[S]S{"k": "v"}})
	fmt.Printf("%v %s %d\n", Temp(21.55), []Temp{1, 2}, Temp(3))
	var e error = &E{}
	fmt.Println(e, []error{e, nil})
	fmt.Printf("%v %+v\n", struct{ Err error }{e}, struct{ Err error }{})
	fmt.Printf("%s|%v|%d\n", nil, []any{nil, 1, "a"}, []any{1, "x"})
	fmt.Printf("%v\n", [2][]string{{"a"}, nil})
	fmt.Printf("%08b %o %x %X %#x\n", uint8(5), -8, -255, "Hi", []byte{1, 171})
	fmt.Printf("%e %E %.3g %G %x\n", 123456.789, 0.000123, 1234567.0, 1e-10, 1.5)
	fmt.Printf("%t %v %08.3f %+.2e\n", false, -0.0, -1.5, 0.0)
	fmt.Printf("%c|%5c|%-3c|%q|%v\n", 'é', 'x', 'y', '\'', 'z')
	fmt.Printf("%U %#U %x\n", '⌘', '⌘', "⌘")
	fmt.Printf("%6.2f|%-8v|%8v|\n", 2.0/3, "ab", true)
	fmt.Printf("%v %v %v\n", 1e6, 1e20, 123456789.0)
	fmt.Printf("%v %v\n", float32(1)/3, 1.0/3)
	fmt.Printf("%x %X\n", 3.5, -1.25)
	type pair struct {
		a, b any
	}
	fmt.Printf("%v %+v\n", pair{1, "x"}, pair{S("s"), nil})
	fmt.Printf("%v\n", &pair{[]int{1}, map[string]int{"a": 1}})
	fmt.Printf("%s\n", []string{"a", "b"})
	fmt.Printf("%q\n", 'x')
	fmt.Printf("%v\n", struct {
		a [2]S
		b *int
	}{})
	fmt.Printf("%d %s\n", []S{"x"}, map[string]S{"k": "v"})
	fmt.Printf("%T %T %T\n", reflect.ValueOf(1), reflect.TypeOf(1), e)
	fmt.Printf("%v %v\n", complex64(1+2i), []complex128{3i})
	fmt.Printf("%#v\n", []any{1, "a", nil, S("q"), Temp(1)})
	fmt.Printf("%#v %#v\n", uint8(3), []byte{1, 2})
	fmt.Printf("%#v\n", struct{ P *int }{})
	fmt.Printf("%v %x\n", "a\x00b", "a\x00b")
	fmt.Println(fmt.Sprint(nil), fmt.Sprint(), fmt.Sprintln(), fmt.Sprint("a", "b"), fmt.Sprint(1, 2), fmt.Sprint("a", 1, 2, "b"))
	fmt.Printf("%[1]v %[1]T %[3]*.[2]*[1]f|\n", 12.0, 2, 6)
	fmt.Printf("%.*d|%-*s|\n", 3, 7, 4, "x")
	fmt.Printf("%!d %d %[5]d\n", 1, 2)
	fmt.Printf("%v %v\n", int32(-5), uint32(5))
	fmt.Println(S("hello"), &T{1, nil})
	fmt.Printf("%v %+v\n", T{1, nil}, &T{2, nil})
}
