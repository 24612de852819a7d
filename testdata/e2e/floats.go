// Floating-point arithmetic, formatting and special values.
package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	a, b := 0.1, 0.2
	fmt.Println(a+b, a+b == 0.3, float32(a)+float32(b))
	fmt.Println(1.0/3.0, float32(1.0)/3)
	var zero float64
	fmt.Println(1/zero, -1/zero, zero/zero == zero/zero)
	fmt.Println(math.Inf(1) > math.MaxFloat64, math.IsNaN(math.NaN()))
	fmt.Println(math.Sqrt(2), math.Floor(-2.5), math.Ceil(2.1), math.Trunc(-2.7), math.Round(2.5))
	fmt.Println(math.MaxFloat32, math.SmallestNonzeroFloat64)
	fmt.Printf("%.3f %e %g %8.2f|%-8.2f|\n", math.Pi, 123456.789, 1e21, 3.14159, 2.5)
	fmt.Println(strconv.FormatFloat(1.5, 'f', -1, 64), strconv.FormatFloat(1e-7, 'g', -1, 32))
	f32 := float32(16777216)
	fmt.Println(f32+1 == f32, float64(f32)+1)
	fmt.Println(int64(float64(1<<53)+1), math.Float64bits(1.0), math.Float32bits(-2))
	c := complex(1, 2)
	fmt.Println(c*c, real(c), imag(c), c == complex(1, 2))
	var c64 complex64 = 3 + 4i
	fmt.Println(c64, -c64)
	fmt.Println(math.Copysign(0, -1), 1/math.Copysign(0, -1))
}
