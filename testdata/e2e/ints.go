// Integer overflow, wrap-around and conversions for every integer size.
package main

import (
	"fmt"
	"math"
)

func main() {
	var i8 int8 = math.MaxInt8
	i8++
	lo8 := int8(-128)
	lo8--
	fmt.Println("int8", i8, lo8, -i8)
	var u8 uint8 = 255
	u8++
	z8 := uint8(0)
	fmt.Println("uint8", u8, z8-1)

	var i16 int16 = math.MaxInt16
	i16 += 2
	fmt.Println("int16", i16)
	var u16 uint16 = 0
	u16--
	fmt.Println("uint16", u16)

	var i32 int32 = math.MaxInt32
	i32++
	fmt.Println("int32", i32, i32*2)
	var u32 uint32 = math.MaxUint32
	u32 += 5
	fmt.Println("uint32", u32)

	var i64 int64 = math.MaxInt64
	i64++
	fmt.Println("int64", i64)
	var u64 uint64 = math.MaxUint64
	u64++
	fmt.Println("uint64", u64, ^uint64(0))

	var n int = math.MaxInt
	n++
	fmt.Println("int", n == math.MinInt)
	var u uint = 0
	u--
	fmt.Println("uint", u == math.MaxUint, uintptr(u) == uintptr(math.MaxUint))

	// Truncating and sign-extending conversions.
	x := int64(-1)
	fmt.Println(int8(x), uint8(x), int16(x), uint16(x), int32(x), uint32(x), uint64(x))
	y := uint64(0x1234_5678_9abc_def0)
	fmt.Println(int8(y), uint8(y), int16(y), uint16(y), int32(y), uint32(y), int64(y))
	z := int8(-100)
	fmt.Println(int64(z), uint64(z), uint8(z), uint16(z))

	// Division and shifts.
	a, b := int8(-128), int8(-1)
	fmt.Println("minint8 / -1 =", a/b, "rem", a%b)
	m := math.MinInt64
	fmt.Println(int64(m)/-1 == math.MinInt64)
	fmt.Println(-7/2, -7%2, 7/-2, 7%-2)
	one := int8(1)
	fmt.Println(one<<7, uint8(1)<<7, int32(-8)>>1, uint32(0x80000000)>>31)
	var s uint = 70
	fmt.Println(int64(1)<<s, int64(-1)>>s, uint64(1)<<63>>s)
	fmt.Println(^0, ^int8(5), 5&^3, 6|9, 6^3)

	// Float to int conversions within range.
	f := 3.99
	fmt.Println(int(f), int(-f), uint8(f), int64(1e18))
	fmt.Printf("%d %x %o %b %08d %+d\n", 255, 255, 8, 5, 42, 7)
}
