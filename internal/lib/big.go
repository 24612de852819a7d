package lib

// math/big's vector kernels. gc runs them in assembly; goro loads
// math/big's pure-Go variants (math_big_pure_go) and binds the kernels
// that every multiplication, division and shift spends its time in to
// natives over the words' values: an interpreted kernel costs about 100×
// gc's assembly, and a 10,000-word division (math/big's TestNatDiv) went
// from minutes to well under a second. Each native does what its _g body
// does, loop order included (lshVU runs down, rshVU up, so that shifting
// in place works as in gc), and panics as it does on mismatched lengths.

import (
	"math/bits"
	"strconv"
	"unsafe"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

var bigNatives = map[string]vm.NativeFunc{
	"crypto/internal/fips140/bigmod.addMulVVW":     crypto_internal_fips140_bigmod_addMulVVW,
	"crypto/internal/fips140/bigmod.addMulVVW1024": crypto_internal_fips140_bigmod_addMulVVW1024,
	"crypto/internal/fips140/bigmod.addMulVVW1536": crypto_internal_fips140_bigmod_addMulVVW1536,
	"crypto/internal/fips140/bigmod.addMulVVW2048": crypto_internal_fips140_bigmod_addMulVVW2048,
	"math/big.addVV":      math_big_addVV,
	"math/big.subVV":      math_big_subVV,
	"math/big.lshVU":      math_big_lshVU,
	"math/big.rshVU":      math_big_rshVU,
	"math/big.mulAddVWW":  math_big_mulAddVWW,
	"math/big.addMulVVWW": math_big_addMulVVWW,
}

func init() { vm.RegisterNatives(bigNatives) }

// words reads the []Word arguments of a kernel; false (after panicking
// with msg, as the kernel's Go body) if their lengths differ from z's.
func words(t *vm.Thread, msg string, args ...rt.Value) ([][]rt.Value, bool) {
	vs := make([][]rt.Value, len(args))
	for i, a := range args {
		vs[i] = sliceOf(a)
		if len(vs[i]) != len(vs[0]) {
			panicString(t, msg)
			return nil, false
		}
	}
	return vs, true
}

// math/big.addVV: func addVV(z, x, y []Word) (c Word)
func math_big_addVV(t *vm.Thread, a, r []rt.Value) {
	vs, ok := words(t, "addVV len", a[0], a[1], a[2])
	if !ok {
		return
	}
	z, x, y := vs[0], vs[1], vs[2]
	var c uint64
	for i := range z {
		var s uint64
		s, c = bits.Add64(x[i].N, y[i].N, c)
		z[i] = rt.Value{N: s}
	}
	r[0] = rt.Value{N: c}
}

// math/big.subVV: func subVV(z, x, y []Word) (c Word)
func math_big_subVV(t *vm.Thread, a, r []rt.Value) {
	vs, ok := words(t, "subVV len", a[0], a[1], a[2])
	if !ok {
		return
	}
	z, x, y := vs[0], vs[1], vs[2]
	var c uint64
	for i := range z {
		var d uint64
		d, c = bits.Sub64(x[i].N, y[i].N, c)
		z[i] = rt.Value{N: d}
	}
	r[0] = rt.Value{N: c}
}

// shiftArgs reads a shift kernel's arguments: z, x and the shift s
// (masked as gc's), or done when the kernel has nothing more to do (a
// panic pending, s == 0 after copying x to z, or no words).
func shiftArgs(t *vm.Thread, msg string, a []rt.Value) (z, x []rt.Value, s uint64, done bool) {
	vs, ok := words(t, msg, a[0], a[1])
	if !ok {
		return nil, nil, 0, true
	}
	z, x, s = vs[0], vs[1], a[2].N
	if s == 0 {
		copy(z, x)
		return nil, nil, 0, true
	}
	return z, x, s & 63, len(z) == 0
}

// math/big.lshVU: func lshVU(z, x []Word, s uint) (c Word)
func math_big_lshVU(t *vm.Thread, a, r []rt.Value) {
	z, x, s, done := shiftArgs(t, "lshVU len", a)
	if done {
		return
	}
	ŝ := (64 - s) & 63
	c := x[len(z)-1].N >> ŝ
	for i := len(z) - 1; i > 0; i-- {
		z[i] = rt.Value{N: x[i].N<<s | x[i-1].N>>ŝ}
	}
	z[0] = rt.Value{N: x[0].N << s}
	r[0] = rt.Value{N: c}
}

// math/big.rshVU: func rshVU(z, x []Word, s uint) (c Word)
func math_big_rshVU(t *vm.Thread, a, r []rt.Value) {
	z, x, s, done := shiftArgs(t, "rshVU len", a)
	if done {
		return
	}
	ŝ := (64 - s) & 63
	c := x[0].N << ŝ
	for i := 1; i < len(z); i++ {
		z[i-1] = rt.Value{N: x[i-1].N>>s | x[i].N<<ŝ}
	}
	z[len(z)-1] = rt.Value{N: x[len(z)-1].N >> s}
	r[0] = rt.Value{N: c}
}

// math/big.mulAddVWW: func mulAddVWW(z, x []Word, y, r Word) (c Word)
func math_big_mulAddVWW(t *vm.Thread, a, r []rt.Value) {
	vs, ok := words(t, "mulAddVWW len", a[0], a[1])
	if !ok {
		return
	}
	z, x, y, c := vs[0], vs[1], a[2].N, a[3].N
	for i := range z {
		hi, lo := bits.Mul64(x[i].N, y)
		var cc uint64
		lo, cc = bits.Add64(lo, c, 0)
		c = hi + cc
		z[i] = rt.Value{N: lo}
	}
	r[0] = rt.Value{N: c}
}

// math/big.addMulVVWW: func addMulVVWW(z, x, y []Word, m, a Word) (c Word)
func math_big_addMulVVWW(t *vm.Thread, a, r []rt.Value) {
	vs, ok := words(t, "rshVU len", a[0], a[1], a[2]) // gc's text
	if !ok {
		return
	}
	z, x, y, m, c := vs[0], vs[1], vs[2], a[3].N, a[4].N
	for i := range z {
		z1, z0 := bits.Mul64(y[i].N, m)
		var cc uint64
		z0, cc = bits.Add64(z0, x[i].N, 0)
		z1 += cc
		lo, cc := bits.Add64(z0, c, 0)
		z[i] = rt.Value{N: lo}
		c = cc + z1
	}
	r[0] = rt.Value{N: c}
}

// crypto/internal/fips140/bigmod.addMulVVW: func addMulVVW(z, x []uint, y uint) (carry uint)
//
// z += x·y, the inner loop of RSA's Montgomery multiplication (crypto/rsa,
// crypto/tls's certificates).
func crypto_internal_fips140_bigmod_addMulVVW(t *vm.Thread, a, r []rt.Value) {
	z, x := sliceOf(a[0]), sliceOf(a[1])
	if len(x) < len(z) {
		// the body's bounds check hint, x[len(z)-1]
		t.PanicRuntime("index out of range [" + strconv.Itoa(len(z)-1) + "] with length " + strconv.Itoa(len(x)))
		return
	}
	r[0] = rt.Value{N: addMulVVW(z, x, a[2].N)}
}

func addMulVVW(z, x []rt.Value, y uint64) (carry uint64) {
	for i := range z {
		hi, lo := bits.Mul64(x[i].N, y)
		var c uint64
		lo, c = bits.Add64(lo, z[i].N, 0)
		hi += c
		lo, c = bits.Add64(lo, carry, 0)
		carry = hi + c
		z[i] = rt.Value{N: lo}
	}
	return carry
}

// crypto/internal/fips140/bigmod.addMulVVW1024: func addMulVVW1024(z, x *uint, y uint) (c uint)
//
// The fixed-size kernels (and 1536, 2048) take pointers to the first of n
// words (n = 1024/64 here) and view them with unsafe.Slice: in the pure-Go
// variant goro loads, over goro's cells that is a view goro does not make
// (unsupported). Their only callers, bigmod's montgomeryMul and Mul, pass
// &s[i] of slices they made with at least n words from there on, having
// switched on the modulus's size; the natives view the same n cells of
// the slice's backing array. bigmod is internal: no program can call these
// with a shorter array.
func crypto_internal_fips140_bigmod_addMulVVW1024(t *vm.Thread, a, r []rt.Value) {
	bigmodFixed(t, a, r, 1024/64)
}

// crypto/internal/fips140/bigmod.addMulVVW1536: func addMulVVW1536(z, x *uint, y uint) (c uint)
func crypto_internal_fips140_bigmod_addMulVVW1536(t *vm.Thread, a, r []rt.Value) {
	bigmodFixed(t, a, r, 1536/64)
}

// crypto/internal/fips140/bigmod.addMulVVW2048: func addMulVVW2048(z, x *uint, y uint) (c uint)
func crypto_internal_fips140_bigmod_addMulVVW2048(t *vm.Thread, a, r []rt.Value) {
	bigmodFixed(t, a, r, 2048/64)
}

func bigmodFixed(t *vm.Thread, a, r []rt.Value, n int) {
	z, _ := a[0].R.(*rt.Value)
	x, _ := a[1].R.(*rt.Value)
	if z == nil || x == nil {
		t.PanicRuntime("invalid memory address or nil pointer dereference")
		return
	}
	r[0] = rt.Value{N: addMulVVW(unsafe.Slice(z, n), unsafe.Slice(x, n), a[2].N)}
}
