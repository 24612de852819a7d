// fieldarith: float64 fields of struct values (a call's result, a copy)
// read with the operator that uses them, which goro fuses: on either side
// of - (signed zeros, infinities, NaN), both operands fields, one field
// used twice.
package main

import (
	"fmt"
	"math"
)

type v3 struct{ x, y, z float64 }

//go:noinline
func make3(x, y, z float64) v3 { return v3{x, y, z} }

func combine(a v3, k float64) []float64 {
	return []float64{a.x - k, k - a.y, a.z * k, k + a.x, a.x + a.y, a.y * a.y, a.z - a.z}
}

func main() {
	ks := []float64{0, math.Copysign(0, -1), 2.5, math.Inf(1), math.NaN()}
	for _, k := range ks {
		fmt.Println(combine(make3(1, math.Copysign(0, -1), math.Inf(-1)), k))
		r := make3(k, 3, -k)
		fmt.Println(r.x-r.z, r.z-1, 1-r.x, r.y*k)
	}
}
