// reflect.Type.FieldByIndex: through embedded structs and pointers to them, as gc reports each field.
package main

import (
	"fmt"
	"reflect"
)

type In struct{ A, B int }
type Out struct {
	X string
	P *In
	In
}

func main() {
	t := reflect.TypeOf(Out{})
	for _, idx := range [][]int{{0}, {1, 1}, {2, 0}, {2, 1}} {
		f := t.FieldByIndex(idx)
		fmt.Println(f.Name, f.Index, f.Offset, f.Type, f.Anonymous)
	}
	defer func() { fmt.Println(recover()) }()
	t.FieldByIndex([]int{0, 1})
}
