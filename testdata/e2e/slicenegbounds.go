// Slicing with a negative index: gc reports the index alone
// (runtime/error.go's boundsNegErrorFmts), without the length or capacity.
package main

import "fmt"

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	s := []int{1, 2}
	str := "hi"
	n := -8
	try(func() { _ = s[:n] })
	try(func() { _ = s[n:] })
	try(func() { _ = s[:1:n] })
	try(func() { _ = s[:n:2] })
	try(func() { _ = s[n:1:2] })
	try(func() { _ = str[:n] })
	try(func() { _ = str[n:] })
	try(func() { _ = s[:3] })
	i, j := 2, 1
	try(func() { _ = s[i:j] })
	_ = s[:n]
}
