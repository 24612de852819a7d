package main

import (
	"fmt"
	"reflect"
)

type C int

func (c C) String() string { return fmt.Sprintf("C(%d)", int(c)) }

type inner struct {
	X C
	y C
}

type Outer struct {
	inner
	Z C
	w inner
}

func main() {
	o := Outer{inner{1, 2}, 3, inner{4, 5}}
	fmt.Printf("%v\n%+v\n", o, o)
	v := reflect.ValueOf(o)
	fmt.Println(v.Field(0).CanInterface(), v.Field(0).Field(0).CanInterface(), v.Field(0).Field(1).CanInterface(), v.Field(2).Field(0).CanInterface())
	fmt.Println(v.FieldByName("X").CanInterface(), v.FieldByName("X").Interface())
}
