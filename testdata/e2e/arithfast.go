// Integer and float64 operators on the executor's fast paths: shifts of every width
// and count (negative counts panic), bitwise operators, comparisons, float64 arithmetic
// with -0, NaN and infinities.
package main

import "fmt"

func main() {
	var i8 int8 = -100
	var u8 uint8 = 200
	var i32 int32 = -5
	var u16 uint16 = 65000
	var u uint64 = 1 << 63
	var i int64 = -1 << 62
	var s int = -3
	for _, n := range []uint{0, 1, 7, 8, 31, 32, 63, 64, 65, 200} {
		fmt.Println(n, i8>>n, u8>>n, i32>>n, u16>>n, u>>n, i>>n, u<<n, i<<n, i8<<n, u8<<n)
	}
	for _, n := range []int{0, 3, 70} {
		fmt.Println(i>>n, u<<n)
	}
	fmt.Println(i8&0x7f, i8|1, i8^-1, i8&^3, u8^0xff, u16&^0xf)
	fmt.Println(i8 < -99, u8 > 199, u8 >= 200, u16 <= 64999, i32 > -6, u < 5)
	a, b := 1.5, -0.0
	nan := a / b * 0
	fmt.Println(a+b, a-b, a*b, a/b, a < b, a <= nan, nan >= nan, b > -1, 1/b)
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(i << s)
}
