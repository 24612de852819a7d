// fieldupdate: `x.f += v` and `x.f -= v` through a pointer, which goro
// compiles as one instruction for float64s and 64-bit integers: the sums,
// wrapping, the operand on either side, narrower integers (not fused),
// and a nil pointer's fault, recovered and then not.
package main

import (
	"fmt"
	"math"
)

type acc struct {
	f     float64
	n     int
	u     uint64
	small int8
}

func update(a *acc, k int) {
	a.f += 0.5
	a.f -= 0.25 * float64(k)
	a.n += k
	a.n -= 1
	a.u += math.MaxUint64 // wraps: -1
	a.small += 100        // wraps at 127
	a.f = 1 + a.f
	a.n = k + a.n
}

func main() {
	a := &acc{u: 3}
	for k := range 3 {
		update(a, k)
	}
	fmt.Println(a.f, a.n, a.u, a.small)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var p *acc
		p.n += 1
	}()
	var q *acc
	q.f -= 2
}
