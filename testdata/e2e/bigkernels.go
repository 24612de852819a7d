// math/big's vector kernels (natives under goro): multiplication,
// division, shifts and square roots of numbers thousands of words long,
// in place and not, against identities that must hold.
package main

import (
	"fmt"
	"math/big"
	"math/rand/v2"
)

func rnd(r *rand.Rand, words int) *big.Int {
	ws := make([]big.Word, words)
	for i := range ws {
		ws[i] = big.Word(r.Uint64())
	}
	return new(big.Int).SetBits(ws)
}

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 3, 17, 100, 1500} {
		a, b := rnd(r, n), rnd(r, n/2+1)
		c := rnd(r, 1)
		// (a*b + c) / b == a, remainder c (c < b).
		if c.Cmp(b) >= 0 {
			c.Rsh(c, 1)
		}
		x := new(big.Int).Mul(a, b)
		x.Add(x, c)
		q, m := new(big.Int).QuoRem(x, b, new(big.Int))
		fmt.Println(n, q.Cmp(a) == 0, m.Cmp(c) == 0, x.BitLen())
		// Shifts in place.
		y := new(big.Int).Set(x)
		y.Lsh(y, 77)
		y.Rsh(y, 77)
		fmt.Println(" shift", y.Cmp(x) == 0)
		// a - a == 0, (a + b) - b == a.
		s := new(big.Int).Add(a, b)
		s.Sub(s, b)
		fmt.Println(" addsub", s.Cmp(a) == 0)
		// floor(sqrt(a*a)) == a.
		sq := new(big.Int).Mul(a, a)
		fmt.Println(" sqrt", sq.Sqrt(sq).Cmp(a) == 0)
	}
	f := new(big.Int).MulRange(1, 300)
	fmt.Println(f.String()[:40], len(f.String()))
	e := new(big.Int).Exp(big.NewInt(3), big.NewInt(1000), big.NewInt(1_000_000_007))
	fmt.Println(e)
	fmt.Println(new(big.Int).Lsh(big.NewInt(1), 200).Text(16))
}
