// reflect Value.SetIterKey and SetIterValue over a MapIter, with gc's panics.
package main

import (
	"fmt"
	"reflect"
	"sort"
)

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	iter := reflect.ValueOf(m).MapRange()
	k := reflect.New(reflect.TypeOf("")).Elem()
	v := reflect.New(reflect.TypeOf(0)).Elem()
	var got []string
	for iter.Next() {
		k.SetIterKey(iter)
		v.SetIterValue(iter)
		got = append(got, fmt.Sprint(k.String(), "=", v.Int()))
	}
	sort.Strings(got)
	fmt.Println(got)
	var anyV = reflect.New(reflect.TypeOf((*any)(nil)).Elem()).Elem()
	iter = reflect.ValueOf(m).MapRange()
	iter.Next()
	anyV.SetIterValue(iter)
	fmt.Println(anyV.Elem().Kind())
	for _, f := range []func(){
		func() { k.SetIterKey(reflect.ValueOf(m).MapRange()) },
		func() {
			it := reflect.ValueOf(map[int]int{}).MapRange()
			it.Next()
			k.SetIterKey(it)
		},
		func() {
			it := reflect.ValueOf(m).MapRange()
			it.Next()
			v.SetIterKey(it)
		},
		func() {
			it := reflect.ValueOf(m).MapRange()
			it.Next()
			reflect.ValueOf("x").SetIterKey(it)
		},
	} {
		func() {
			defer func() { fmt.Println("panic:", recover()) }()
			f()
		}()
	}
}
