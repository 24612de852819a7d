package main

import (
	"fmt"
	"strings"
)

func unit12() {
	s1 := "abc\xffdef"
	s2 := "1e400"
	_, _ = s1, s2
	// string.1
	fmt.Printf("%+q\n", strings.ReplaceAll(s1, "\xff", "A"))
}

func main() {
	unit12()
}
