// Functions made by reflect.MakeFunc, deferred and started as goroutines:
// the deferred call runs when the function returns, and its body may
// recover a panic (gc's makeFuncStub is a wrapper to recover), but a
// function the body calls may not.
package main

import (
	"fmt"
	"reflect"
)

var voidType = reflect.TypeOf((func())(nil))

func made(body func(args []reflect.Value) []reflect.Value) func() {
	return reflect.MakeFunc(voidType, body).Interface().(func())
}

func plain() {
	g := made(func([]reflect.Value) []reflect.Value {
		fmt.Println("deferred runs, recover:", recover())
		return nil
	})
	defer g()
	fmt.Println("plain body")
}

func recovers() (err error) {
	defer made(func([]reflect.Value) []reflect.Value {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered %v", r)
		}
		return nil
	})()
	panic("boom")
}

func helper() any { return recover() }

func indirect() (got any) {
	defer func() { got = recover() }()
	defer made(func([]reflect.Value) []reflect.Value {
		fmt.Println("helper's recover:", helper())
		return nil
	})()
	panic("deep")
}

func withArgs() {
	add := reflect.MakeFunc(reflect.TypeOf((func(int, int) int)(nil)), func(args []reflect.Value) []reflect.Value {
		s := args[0].Int() + args[1].Int()
		fmt.Println("sum", s)
		return []reflect.Value{reflect.ValueOf(int(s))}
	}).Interface().(func(int, int) int)
	defer add(2, 3)
	fmt.Println("direct", add(1, 1))
}

func main() {
	plain()
	fmt.Println("after plain")
	fmt.Println(recovers())
	fmt.Println("outer recovers:", indirect())
	withArgs()
	done := make(chan bool)
	g := made(func([]reflect.Value) []reflect.Value {
		fmt.Println("in a goroutine")
		done <- true
		return nil
	})
	go g()
	<-done
	fmt.Println("done")
}
