// Strings, bytes, runes, UTF-8 iteration and the strings/strconv packages.
package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界!"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	for i, r := range s {
		fmt.Printf("%d:%c(%U) ", i, r, r)
	}
	fmt.Println()
	for i := 0; i < 4; i++ {
		fmt.Printf("%d=%#x ", i, s[i])
	}
	fmt.Println()
	bad := "a\xffb\xe4\xb8"
	for i, r := range bad {
		fmt.Print(i, ":", r, " ")
	}
	fmt.Println(utf8.ValidString(bad))
	rs := []rune(s)
	fmt.Println(len(rs), string(rs[7:9]), string(rune(65)), string(rune(-1)) == "\uFFFD")
	bs := []byte("abc")
	bs[0] = 'X'
	fmt.Println(string(bs), bs)
	fmt.Println(s[1:3] == "é", s > "hello", "a" < "b", strings.Compare("b", "a"))
	fmt.Println(strings.ToUpper(s), strings.Repeat("ab", 3), strings.Fields(" a  b c "))
	fmt.Println(strings.Split("a,b,,c", ","), strings.Join([]string{"x", "y"}, "-"))
	fmt.Println(strings.Index(s, "世"), strings.Contains(s, "llo"), strings.TrimSpace("  t  "))
	fmt.Println(strings.Replace("aaaa", "a", "b", 2), strings.HasPrefix(s, "hé"), strings.Title("x") == "X")
	var sb strings.Builder
	for i := 0; i < 5; i++ {
		sb.WriteString(strconv.Itoa(i))
		sb.WriteByte(' ')
	}
	fmt.Printf("%q\n", sb.String())
	n, err := strconv.Atoi("12a")
	fmt.Println(n, err)
	v, err := strconv.ParseInt("-ff", 16, 64)
	fmt.Println(v, err)
	_, err = strconv.ParseInt("300", 10, 8)
	fmt.Println(err)
	fmt.Println(strconv.Quote("tab\there\n"), strconv.FormatInt(-255, 2))
	fmt.Printf("%s|%10s|%-5s|%x|% x|%q|%v\n", "go", "right", "left", "hi", "hi", 'x', 'x')
	u, err := strconv.Unquote(`"\u4e16"`)
	fmt.Println(u, err)
}
