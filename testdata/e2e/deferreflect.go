// Deferring a method value reflect made (its function continues as a call
// of the method: TailCall from a deferred native), recover in it included.
package main

import (
	"fmt"
	"reflect"
	"sync"
)

type T struct{ name string }

func (t *T) M()         { fmt.Println("M of", t.name, "recovered:", recover()) }
func (t T) V(x int) int { fmt.Println("V of", t.name, x); return x }

func a() {
	f := reflect.ValueOf(&T{"a"}).Method(0).Interface().(func())
	defer f()
	panic("boom")
}

func b() {
	v := reflect.ValueOf(T{"b"}).MethodByName("V").Interface().(func(int) int)
	defer v(7)
	fmt.Println("b returns")
}

func c() {
	var wg sync.WaitGroup
	wg.Add(1)
	f := reflect.ValueOf(&wg).MethodByName("Done").Interface().(func())
	go func() { defer f() }()
	wg.Wait()
	fmt.Println("c: deferred Done ran")
}

func main() {
	a()
	b()
	c()
}
