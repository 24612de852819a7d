// Signed division and remainder by constants (QuoIK and RemIK: a power of
// two is a shift that rounds toward zero, as gc's division does).
package main

import (
	"fmt"
	"math"
)

func main() {
	xs := []int{0, 1, -1, 2, -2, 3, -3, 7, -7, 8, -8, 9, -9, 1023, -1023, 1024, -1024, 1025, -1025,
		math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1, 1 << 40, -(1 << 40) - 1}
	for _, x := range xs {
		fmt.Println(x, x/1, x%1, x/2, x%2, x/8, x%8, x/1024, x%1024, x/(1<<30), x%(1<<30),
			x/3, x%3, x/10, x%10, x/-1, x%-1, x/-2, x%-2, x/-8, x%-8, x/1000, x%1000)
	}
	var i32 int32 = -7
	var u uint = 1<<64 - 7
	fmt.Println(i32/2, i32%2, u/2, u%2, u/8, u%8)
}
