package main

import (
	"fmt"
	"math/bits"
)

func u0Try(label string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(label, "recovered:", r)
		}
	}()
	f()
}

func unit0() {
	x1 := uint64(18446744073709551615)
	x2 := int32(2147483647)
	x3 := uint(92)
	s4 := uint8(60)
	_, _, _, _ = x1, x2, x3, s4
	// int.6
	u0Try("div64", func() {
		q, r := bits.Div64(uint64(x1)%8, uint64(((x1 + x1) * x1)), uint64(((x1+x1)*x1))>>3)
		fmt.Println(q, r)
	})
}

func main() {
	unit0()
}
