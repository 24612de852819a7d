// unsignedbounds: gc's bounds errors print an unsigned index or slice
// bound as unsigned, past MaxInt64 too, with the length or capacity; a
// negative signed one alone.
package main

import "fmt"

func try(what string, f func()) {
	defer func() { fmt.Println(what, recover()) }()
	f()
}

func main() {
	s := []int{1, 2, 3}
	a := [3]int{1, 2, 3}
	str := "abc"
	var u uint64 = 1<<64 - 1
	var u32 uint32 = 1<<32 - 1
	i := -1
	try("slice[u]", func() { _ = s[u] })
	try("array[u]", func() { _ = a[u] })
	try("string[u]", func() { _ = str[u] })
	try("&slice[u]", func() { p := &s[u]; _ = p })
	try("slice[u32]", func() { _ = s[u32] })
	try("slice[i]", func() { _ = s[i] })
	try("slice[:u]", func() { _ = s[:u] })
	try("slice[u:]", func() { _ = s[u:] })
	try("slice[u:1]", func() { _ = s[u:1] })
	try("slice[::u]", func() { _ = s[0:1:u] })
	try("slice[:u:2]", func() { _ = s[0:u:2] })
	try("array[:u]", func() { _ = a[:u] })
	try("string[u:]", func() { _ = str[u:] })
	try("slice[i:]", func() { _ = s[i:] })
	try("slice[1:i]", func() { _ = s[1:i] })
	try("ok", func() { _ = s[uint8(2)] + a[uint(1)] + int(str[uint16(0)]) })
}
