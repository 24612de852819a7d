// funcforpc: reflect's Value.Pointer of a func is its code pointer, as
// gc's: runtime.FuncForPC names the function, gives one *Func per
// function, and its entry's line is the declaration's; two closures of
// one function literal share it.
package main

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
)

func foo() int { return 1 }

type T struct{}

func (T) Method() {}

//go:noinline
func adders() []func(int) int {
	var fs []func(int) int
	for n := range 2 {
		fs = append(fs, func(x int) int { return x + n })
	}
	return fs
}

func main() {
	pc := reflect.ValueOf(foo).Pointer()
	f := runtime.FuncForPC(pc)
	file, line := f.FileLine(f.Entry())
	fmt.Println(f.Name(), runtime.FuncForPC(pc) == f, f.Entry() == pc, filepath.Base(file), line)
	fs := adders()
	a, b := fs[0], fs[1]
	fmt.Println(reflect.ValueOf(a).Pointer() == reflect.ValueOf(b).Pointer(), reflect.ValueOf(a).Pointer() == pc)
	fmt.Println(runtime.FuncForPC(reflect.ValueOf(a).Pointer()).Name())
	fmt.Println(runtime.FuncForPC(reflect.ValueOf((*T).Method).Pointer()).Name())
	fmt.Println(runtime.FuncForPC(reflect.ValueOf(T.Method).Pointer()).Name())
	fmt.Println(runtime.FuncForPC(0) == nil)
	var nilf func()
	fmt.Println(reflect.ValueOf(nilf).Pointer())
}
