// runtime's and reflect's smaller functions as gc's: NumCgoCall, Pinner's
// checks, CPUProfile's panic, StackRecord.Stack, OverflowComplex, SetCap,
// SetDefaultGOMAXPROCS.
package main

import (
	"fmt"
	"reflect"
	"runtime"
)

func main() {
	fmt.Println(runtime.NumCgoCall())
	var p runtime.Pinner
	x := new(int)
	p.Pin(x)
	p.Unpin()
	func() {
		defer func() { fmt.Println(recover()) }()
		p.Pin(3)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		runtime.CPUProfile()
	}()
	var r runtime.StackRecord
	r.Stack0[0], r.Stack0[1] = 5, 6
	fmt.Println(r.Stack())
	c := reflect.ValueOf(complex64(0))
	fmt.Println(c.OverflowComplex(1e39), c.OverflowComplex(1+1i))
	s := make([]int, 2, 10)
	v := reflect.ValueOf(&s).Elem()
	v.SetCap(5)
	fmt.Println(len(s), cap(s))
	func() {
		defer func() { fmt.Println(recover()) }()
		v.SetCap(1)
	}()
	runtime.SetDefaultGOMAXPROCS()
	fmt.Println(runtime.GOMAXPROCS(0) > 0)
}
