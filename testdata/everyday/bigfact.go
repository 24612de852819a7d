// bigfact does arbitrary-precision arithmetic with math/big: factorials,
// Fibonacci numbers, exact rationals, high-precision floats, primality and
// modular arithmetic (a toy RSA round trip).
package main

import (
	"fmt"
	"math/big"
	"strings"
)

func factorial(n int64) *big.Int {
	r := big.NewInt(1)
	for i := int64(2); i <= n; i++ {
		r.Mul(r, big.NewInt(i))
	}
	return r
}

func fib(n int) *big.Int {
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < n; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	return a
}

func main() {
	f100 := factorial(100)
	s := f100.String()
	fmt.Printf("100! has %d digits\n%s\n", len(s), s)
	fmt.Println("trailing zeros:", len(s)-len(strings.TrimRight(s, "0")))
	fmt.Println("MulRange equals:", new(big.Int).MulRange(1, 100).Cmp(f100) == 0)
	fmt.Println("bit length:", f100.BitLen())

	f300 := fib(300)
	fmt.Println("fib(300) =", f300)
	fmt.Printf("fib(300) hex = %x\n", f300)
	q, m := new(big.Int).DivMod(f300, big.NewInt(1_000_000_007), new(big.Int))
	fmt.Println("fib(300) mod 1e9+7 =", m, "quotient digits:", len(q.String()))
	fmt.Println("gcd(fib(300), fib(200)) =", new(big.Int).GCD(nil, nil, f300, fib(200)))

	// Exact rational arithmetic: harmonic number H(20).
	h := new(big.Rat)
	for i := int64(1); i <= 20; i++ {
		h.Add(h, big.NewRat(1, i))
	}
	fmt.Println("H(20) =", h.RatString())
	fmt.Println("H(20) ~", h.FloatString(15))
	r := big.NewRat(3, 4)
	r.Mul(r, big.NewRat(-8, 6))
	fmt.Println("3/4 * -8/6 =", r, "num", r.Num(), "denom", r.Denom(), "int?", r.IsInt())
	pr, ok := new(big.Rat).SetString("1.125")
	fmt.Println("parse 1.125:", pr, ok)

	// High-precision floats: sqrt(2) to 200 bits, and 1/3.
	two := new(big.Float).SetPrec(200).SetInt64(2)
	sqrt2 := new(big.Float).SetPrec(200).Sqrt(two)
	fmt.Println("sqrt(2) =", sqrt2.Text('f', 55))
	third := new(big.Float).SetPrec(100).Quo(big.NewFloat(1).SetPrec(100), big.NewFloat(3).SetPrec(100))
	fmt.Printf("1/3 = %.40f (prec %d)\n", third, third.Prec())
	sq := new(big.Float).Mul(sqrt2, sqrt2)
	fmt.Println("sqrt2^2 =", sq.Text('g', 50))
	ff, _ := new(big.Float).SetString("1e100")
	bi, acc := ff.Int(nil)
	fmt.Println("1e100 as int digits:", len(bi.String()), "accuracy:", acc)
	f64, acc := third.Float64()
	fmt.Println("1/3 as float64:", f64, acc)

	// Primality and modular arithmetic.
	for _, n := range []int64{97, 561, 7919, 1_000_000_007, 1_000_000_008} {
		fmt.Printf("%d prime? %v\n", n, big.NewInt(n).ProbablyPrime(20))
	}
	m127 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 127), big.NewInt(1))
	fmt.Println("2^127-1 =", m127, "prime?", m127.ProbablyPrime(20))

	// Toy RSA with fixed primes.
	p := big.NewInt(61)
	qq := big.NewInt(53)
	n := new(big.Int).Mul(p, qq)
	phi := new(big.Int).Mul(new(big.Int).Sub(p, big.NewInt(1)), new(big.Int).Sub(qq, big.NewInt(1)))
	e := big.NewInt(17)
	d := new(big.Int).ModInverse(e, phi)
	fmt.Println("n =", n, "phi =", phi, "d =", d)
	msg := big.NewInt(65)
	c := new(big.Int).Exp(msg, e, n)
	back := new(big.Int).Exp(c, d, n)
	fmt.Println("encrypt 65 ->", c, "decrypt ->", back)
	fmt.Println("no inverse:", new(big.Int).ModInverse(big.NewInt(4), big.NewInt(8)))

	x, ok := new(big.Int).SetString("-deadbeefcafebabe1234", 16)
	fmt.Println("parsed hex:", x, ok, "sign", x.Sign(), "abs cmp", x.CmpAbs(f300))
	fmt.Println("text base 36:", x.Text(36))
	fmt.Println("sqrt(100!) =", new(big.Int).Sqrt(f100))
	fmt.Printf("formatted: %+d %08d %#x\n", big.NewInt(42), big.NewInt(-42), big.NewInt(255))
}
