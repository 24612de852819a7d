// sync.Cond's copy check: a Cond used after being copied panics, as gc's
// copyChecker (the checker holds its own address once used).
package main

import (
	"fmt"
	"reflect"
	"sync"
)

func main() {
	c := sync.Cond{L: &sync.Mutex{}}
	c.Signal()
	c.Broadcast()
	fmt.Println("the original: fine")
	var c2 sync.Cond
	reflect.ValueOf(&c2).Elem().Set(reflect.ValueOf(&c).Elem()) // c2 := c, hidden from vet
	func() {
		defer func() { fmt.Println("the copy:", recover()) }()
		c2.Signal()
	}()
	var fresh sync.Cond
	fresh.L = &sync.Mutex{}
	fresh.Broadcast()
	fmt.Println("a zero Cond: fine")
}
