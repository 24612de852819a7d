// reflect.Value.Seq and Seq2 (Go 1.23): integers, arrays, slices, pointers to arrays, strings, maps; break; and their panics.
package main

import (
	"fmt"
	"reflect"
)

type MyInt int8

func main() {
	for _, x := range []any{3, MyInt(2), uint8(2), []string{"a", "b"}, [2]bool{true, false}, &[2]int{7, 8}, "hé!", map[string]int{"k": 1}} {
		v := reflect.ValueOf(x)
		for e := range v.Seq() {
			fmt.Print(e.Type(), ":", e, " ")
		}
		fmt.Println()
		if v.Kind() != reflect.Int && v.Kind() != reflect.Int8 && v.Kind() != reflect.Uint8 {
			for k, e := range v.Seq2() {
				fmt.Print(k, "=", e, " ")
			}
			fmt.Println()
		}
	}
	for e := range reflect.ValueOf(10).Seq() {
		if e.Int() == 2 {
			break
		}
		fmt.Print(e, " ")
	}
	fmt.Println()
	func() {
		defer func() { fmt.Println(recover()) }()
		reflect.ValueOf(1).Seq2()
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		reflect.ValueOf(1.5).Seq()
	}()
}
