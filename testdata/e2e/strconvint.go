// strconv's integer formatting (natives in goro): every base, the extremes, negative numbers,
// the capacity AppendInt and AppendUint leave (gc grows the slice once for the digits, and once
// before for a '-'), append of a string to a []byte, and the panic of a base outside 2..36.
package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	for _, base := range []int{2, 8, 10, 16, 36} {
		fmt.Println(strconv.FormatInt(math.MinInt64, base), strconv.FormatInt(-1, base), strconv.FormatInt(99, base),
			strconv.FormatUint(math.MaxUint64, base), strconv.FormatUint(0, base))
	}
	fmt.Println(strconv.Itoa(0), strconv.Itoa(-7), strconv.Itoa(math.MaxInt64), strconv.Itoa(99), strconv.Itoa(100))
	var b []byte
	for _, i := range []int64{5, -5, 123456789, -1 << 40, math.MinInt64} {
		b = strconv.AppendInt(b, i, 10)
		fmt.Println(string(b), len(b), cap(b))
	}
	n := strconv.AppendInt(nil, -3, 10)
	fmt.Println(string(n), len(n), cap(n))
	u := strconv.AppendUint(make([]byte, 0, 2), 255, 2)
	fmt.Println(string(u), len(u), cap(u))
	h := strconv.AppendInt([]byte("x="), -255, 16)
	fmt.Println(string(h), len(h), cap(h))
	s := []byte("ab")
	for i := 0; i < 5; i++ {
		s = append(s, "cdefghij"...)
		fmt.Println(len(s), cap(s))
	}
	fmt.Println(string(s[:12]))
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(strconv.FormatInt(1, 37))
}
