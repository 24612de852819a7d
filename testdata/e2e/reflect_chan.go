// reflect's channel operations: Send, Recv (parking), TrySend, TryRecv, Close, and their panics.
package main

import (
	"fmt"
	"reflect"
	"sync"
)

func main() {
	c := make(chan int, 1)
	v := reflect.ValueOf(c)
	fmt.Println(v.TrySend(reflect.ValueOf(1)), v.TrySend(reflect.ValueOf(2)))
	x, ok := v.Recv()
	fmt.Println(x, ok)
	x, ok = v.TryRecv()
	fmt.Println(x.IsValid(), ok)

	u := make(chan string)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			x, ok := reflect.ValueOf(u).Recv()
			fmt.Println("got", x, ok)
			if !ok {
				return
			}
		}
	}()
	for _, s := range []string{"a", "b"} {
		reflect.ValueOf(u).Send(reflect.ValueOf(s))
	}
	reflect.ValueOf(u).Close()
	wg.Wait()

	var ro <-chan int = c
	func() {
		defer func() { fmt.Println(recover()) }()
		reflect.ValueOf(ro).Send(reflect.ValueOf(3))
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		reflect.ValueOf(c).Send(reflect.ValueOf("no"))
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		reflect.ValueOf(u).Close()
	}()
}
