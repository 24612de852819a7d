// Slice bounds errors name the bound as gc does: a slice's capacity, an
// array's or a string's length (GOROOT/test fixedbugs/issue30116.go).
package main

import "fmt"

func try(what string, f func()) {
	defer func() { fmt.Println(what, recover()) }()
	f()
}

func main() {
	s := []int{1, 2, 3}
	a := [3]int{1, 2, 3}
	str := "123"
	hi, max := 4, 5
	try("slice", func() { _ = s[1:hi] })
	try("array", func() { _ = a[1:hi] })
	try("array ptr", func() { p := &a; _ = p[1:hi] })
	try("string", func() { _ = str[1:hi] })
	try("slice3", func() { _ = s[1:2:max] })
	try("array3", func() { _ = a[1:2:max] })
}
