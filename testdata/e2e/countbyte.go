// strings.Count of a byte that is not ASCII (bytealg.CountString counts the
// byte, not its rune's UTF-8).
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "abc\xffdef"
	fmt.Println(strings.Index(s, "\xff"), strings.Count(s, "\xff"), strings.Contains(s, "\xff"))
	fmt.Println(strings.IndexByte(s, 0xff))
	fmt.Printf("%q\n", strings.Replace(s, "\xff", "A", -1))
	fmt.Printf("%q\n", strings.Split(s, "\xff"))
}
