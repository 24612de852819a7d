// A generic type instantiated with a type that contains it (Node's Kids is a List[*Node]):
// the compiled-program cache decodes the instance once, so the field's type and the type a
// conversion names are one, and its methods are found.
package main

import (
	"fmt"
	"reflect"
)

type List[T any] struct{ items []T }

func (l List[T]) Len() int { return len(l.items) }

type Node struct {
	Name string
	Kids List[*Node]
}
type Lener interface{ Len() int }

func first() any { return List[*Node]{} }
func later(x any) {
	v := reflect.ValueOf(x).Elem().Field(1).Interface()
	_, ok := v.(List[*Node])
	fmt.Println(ok, reflect.TypeOf(v) == reflect.TypeOf(List[*Node]{}))
	fmt.Println(v.(Lener).Len())
}
func main() { fmt.Println(first().(Lener).Len()); run2() }
func run2() { later(&Node{}) }
