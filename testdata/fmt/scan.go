package main

import "fmt"

func main() {
	var a, b int
	var s string
	var f float64
	n, err := fmt.Sscanf("12 34 hello 2.5", "%d %d %s %g", &a, &b, &s, &f)
	fmt.Println(n, err, a, b, s, f)
	n, err = fmt.Sscan("7 8.5 word", &a, &f, &s)
	fmt.Println(n, err, a, f, s)
	var x uint8
	var ok bool
	n, err = fmt.Sscanf("255 true", "%d %t", &x, &ok)
	fmt.Println(n, err, x, ok)
	n, err = fmt.Sscanf("abc", "%d", &a)
	fmt.Println(n, err)
	type myInt int
	var mi myInt
	n, err = fmt.Sscan("99", &mi)
	fmt.Println(n, err, mi)
	var bs []byte
	n, err = fmt.Sscan("bytes", &bs)
	fmt.Println(n, err, string(bs))
	var line1, line2 string
	fmt.Sscanln("l1 l2\n", &line1, &line2)
	fmt.Println(line1, line2)
	var r rune
	fmt.Sscanf("Z", "%c", &r)
	fmt.Println(r)
}
