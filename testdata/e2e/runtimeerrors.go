// Runtime errors recovered and printed through fmt, with their gc texts.
package main

import (
	"fmt"
	"runtime"
)

type T struct{ x int }

type I interface{ M() }

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Printf("%s: %v (runtime.Error=%v)\n", name, r, isRuntime)
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	i := 5
	try("index", func() { _ = s[i] })
	try("index negative", func() { j := -1; _ = s[j+0*i] })
	try("slice bounds", func() { _ = s[1:i] })
	try("slice bounds 2", func() { k := 2; _ = s[k:1:2][0] })
	try("string index", func() { str := "abc"; _ = str[i] })
	arr := [4]int{}
	try("array index", func() { arr[i] = 1 })
	try("nil map write", func() {
		var m map[string]int
		m["a"] = 1
	})
	try("nil deref", func() {
		var p *T
		fmt.Println(p.x)
	})
	try("divide by zero", func() {
		z := 0
		fmt.Println(10 / z)
	})
	try("modulo by zero", func() {
		z := int8(0)
		fmt.Println(int8(10) % z)
	})
	try("type assertion", func() {
		var v any = "string"
		_ = v.(int)
	})
	try("type assertion iface", func() {
		var v any = T{}
		_ = v.(I)
	})
	try("type assertion nil", func() {
		var v any
		_ = v.(string)
	})
	try("close nil chan", func() {
		var c chan int
		close(c)
	})
	try("close closed chan", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	try("send on closed", func() {
		c := make(chan int, 1)
		close(c)
		c <- 1
	})
	try("make negative len", func() {
		n := -1
		_ = make([]int, n)
	})
	try("nil func call", func() {
		var f func()
		f()
	})
	try("custom panic value", func() { panic(T{7}) })
	try("conversion to array", func() {
		_ = [4]int(s)
	})
	fmt.Println("done")
}
