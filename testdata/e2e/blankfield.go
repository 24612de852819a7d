// A composite literal's value for a blank field is evaluated but not
// stored: the field stays zero (GOROOT/test fixedbugs/issue31546.go).
package main

import (
	"fmt"
	"reflect"
)

type T struct {
	a, _, c int
	_       string
}

func two() int {
	fmt.Println("evaluated")
	return 2
}

func main() {
	x := T{1, two(), 3, "hidden"}
	v := reflect.ValueOf(x)
	fmt.Println(v.Field(0).Int(), v.Field(1).Int(), v.Field(2).Int(), v.Field(3).String() == "")
	y := x
	fmt.Printf("%v %+v\n", y, y)
	fmt.Println(x == T{a: 1, c: 3})
}
