// Composite literals built in registers (vm/literal.go) share their
// parts with the registers they came from; reflect must copy a value it
// puts into memory, and a field never stored is a fresh zero each time.
package main

import (
	"fmt"
	"reflect"
)

type In struct{ A int }
type T struct {
	In In
	N  int
}

type Big struct {
	buf [1 << 16]byte
	n   int
}

func mk(n int) T      { return T{N: n} }
func mkIn(v In) T     { return T{In: v, N: 1} }
func mkBig(n int) Big { return Big{n: n} }
func sum(b Big) int   { return int(b.buf[0]) + b.n }
func set(xs ...T)     { xs[0].In.A = 3 }

func main() {
	s := reflect.Append(reflect.ValueOf([]T{}), reflect.ValueOf(mk(2))).Interface().([]T)
	s[0].In.A = 7
	fmt.Println(s, mk(3))

	v := In{A: 1}
	s3 := reflect.Append(reflect.ValueOf([]T{}), reflect.ValueOf(mkIn(v))).Interface().([]T)
	s3[0].In.A = 9
	fmt.Println(v, s3, mkIn(v))

	reflect.ValueOf(set).Call([]reflect.Value{reflect.ValueOf(mk(1))})
	fmt.Println(mk(2))

	b := mkBig(1)
	b.buf[0] = 5
	fmt.Println(sum(b), sum(mkBig(2)))
}
