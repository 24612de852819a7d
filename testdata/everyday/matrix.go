// matrix solves a small linear system with Gaussian elimination (partial
// pivoting), multiplies and inverts matrices, and tabulates a few math
// functions, all printed with fixed precision.
package main

import (
	"errors"
	"fmt"
	"math"
)

type Matrix [][]float64

func New(r, c int) Matrix {
	m := make(Matrix, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func (a Matrix) Mul(b Matrix) Matrix {
	out := New(len(a), len(b[0]))
	for i := range a {
		for j := range b[0] {
			var s float64
			for k := range b {
				s += a[i][k] * b[k][j]
			}
			out[i][j] = s
		}
	}
	return out
}

func (a Matrix) Print(name string) {
	fmt.Println(name + ":")
	for _, row := range a {
		for _, v := range row {
			if math.Abs(v) < 5e-13 {
				v = 0 // avoid printing -0.000000
			}
			fmt.Printf(" %12.6f", v)
		}
		fmt.Println()
	}
}

var ErrSingular = errors.New("matrix is singular")

// Solve returns x with a·x = b and the determinant of a.
func Solve(a Matrix, b []float64) ([]float64, float64, error) {
	n := len(a)
	m := New(n, n+1)
	for i := range n {
		copy(m[i], a[i])
		m[i][n] = b[i]
	}
	det := 1.0
	for col := range n {
		pivot := col
		for r := col + 1; r < n; r++ {
			if math.Abs(m[r][col]) > math.Abs(m[pivot][col]) {
				pivot = r
			}
		}
		if math.Abs(m[pivot][col]) < 1e-12 {
			return nil, 0, ErrSingular
		}
		if pivot != col {
			m[pivot], m[col] = m[col], m[pivot]
			det = -det
		}
		det *= m[col][col]
		for r := col + 1; r < n; r++ {
			f := m[r][col] / m[col][col]
			for c := col; c <= n; c++ {
				m[r][c] -= f * m[col][c]
			}
		}
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		s := m[i][n]
		for j := i + 1; j < n; j++ {
			s -= m[i][j] * x[j]
		}
		x[i] = s / m[i][i]
	}
	return x, det, nil
}

func Inverse(a Matrix) (Matrix, error) {
	n := len(a)
	inv := New(n, n)
	for j := range n {
		e := make([]float64, n)
		e[j] = 1
		col, _, err := Solve(a, e)
		if err != nil {
			return nil, err
		}
		for i := range n {
			inv[i][j] = col[i]
		}
	}
	return inv, nil
}

func main() {
	a := Matrix{{2, 1, -1}, {-3, -1, 2}, {-2, 1, 2}}
	b := []float64{8, -11, -3}
	x, det, err := Solve(a, b)
	fmt.Printf("solution: x=%.6f y=%.6f z=%.6f det=%.6f err=%v\n", x[0], x[1], x[2], det, err)

	inv, _ := Inverse(a)
	inv.Print("inverse")
	a.Mul(inv).Print("A * A^-1")
	rot := Matrix{{math.Cos(math.Pi / 6), -math.Sin(math.Pi / 6)}, {math.Sin(math.Pi / 6), math.Cos(math.Pi / 6)}}
	rot.Mul(rot).Mul(rot).Print("rotation by 30deg cubed")
	Matrix{{1, 2, 3}, {4, 5, 6}}.Mul(Matrix{{7, 8}, {9, 10}, {11, 12}}).Print("2x3 * 3x2")

	_, _, err = Solve(Matrix{{1, 2}, {2, 4}}, []float64{1, 2})
	fmt.Println("singular:", err)

	hilbert := New(4, 4)
	for i := range 4 {
		for j := range 4 {
			hilbert[i][j] = 1 / float64(i+j+1)
		}
	}
	_, hdet, _ := Solve(hilbert, []float64{1, 1, 1, 1})
	fmt.Printf("hilbert(4) det=%.6e\n", hdet)

	fmt.Printf("%6s %10s %10s %10s %10s %10s\n", "x", "sqrt", "exp", "log", "sin", "atan")
	for _, v := range []float64{0.5, 1, 2, math.E, 10} {
		fmt.Printf("%6.3f %10.6f %10.6f %10.6f %10.6f %10.6f\n", v, math.Sqrt(v), math.Exp(v), math.Log(v), math.Sin(v), math.Atan(v))
	}
	fmt.Printf("pow(2,10)=%.6f pow(2,0.5)=%.6f cbrt(27)=%.6f hypot(3,4)=%.6f\n", math.Pow(2, 10), math.Pow(2, 0.5), math.Cbrt(27), math.Hypot(3, 4))
	fmt.Printf("atan2(1,-1)=%.6f deg=%.6f log2(1024)=%.6f log10(0.001)=%.6f log1p(1e-10)=%.6e\n", math.Atan2(1, -1), math.Atan2(1, -1)*180/math.Pi, math.Log2(1024), math.Log10(0.001), math.Log1p(1e-10))
	fmt.Printf("floor=%.1f ceil=%.1f trunc=%.1f round=%.1f roundEven=%.1f mod=%.6f remainder=%.6f\n", math.Floor(-2.5), math.Ceil(-2.5), math.Trunc(-2.5), math.Round(-2.5), math.RoundToEven(-2.5), math.Mod(7.5, 2), math.Remainder(7.5, 2))
	frac, exp := math.Frexp(40)
	ip, fp := math.Modf(-3.75)
	fmt.Printf("frexp(40)=%.3f*2^%d modf(-3.75)=%.2f,%.2f ldexp=%.1f\n", frac, exp, ip, fp, math.Ldexp(0.625, 6))
	fmt.Println("special:", math.Inf(1), -math.Inf(1), math.NaN(), math.IsNaN(math.Sqrt(-1)), math.IsInf(1/math.Inf(-1), 0), math.Signbit(1/math.Inf(-1)))
	fmt.Printf("gamma(5)=%.6f erf(0.5)=%.6f sinh(1)=%.6f acos(0)=%.6f\n", math.Gamma(5), math.Erf(0.5), math.Sinh(1), math.Acos(0))
	fmt.Println("float bits:", math.Float64bits(1.0), math.Float32bits(-2), math.Nextafter(1, 2)-1 == math.SmallestNonzeroFloat64, math.MaxInt64, math.MinInt16)
}
