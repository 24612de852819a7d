package main

import (
	"fmt"
	"reflect"
)

type U struct{ A int }

type G[T any] struct{ V T }

func gen[T any]() reflect.Type { return reflect.TypeFor[T]() }

func main() {
	var b byte = 1
	var r rune = 'x'
	fmt.Printf("%T %T %T %T\n", b, r, []byte{}, map[rune]byte{})
	var u uint8
	fmt.Printf("%T %s %s\n", u, reflect.TypeOf(b).Name(), reflect.TypeOf(r).Name())
	fmt.Println(reflect.TypeFor[int](), reflect.TypeFor[U](), reflect.TypeFor[error](), gen[[]string](), gen[U]() == reflect.TypeOf(U{}))
	g := G[int]{1}
	fmt.Printf("%T %v %+v %#v %s\n", g, g, g, g, reflect.TypeOf(g).Name())
	fmt.Printf("%T %T\n", G[map[string]U]{}, &G[[]byte]{})
}
