package lib

// package math: bound to the host's math package, function by function
// (gc implements many in assembly; the host computes the same IEEE
// results).

import (
	"math"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(mathNatives)
	vm.RegisterFloatNatives(mathFloat1, mathFloat2)
}

// mathNatives binds the rest of math to the host's math package, function
// by function, and internal/strconv's float32bits and float32frombits,
// which reinterpret float32 memory through unsafe (goro's representation
// holds a float32 as a float64). Each is a named adapter (written out from
// its signature): a reflect.Call cost ~150 ns (math.Sqrt through it was 38%
// of nbody).
var mathNatives = map[string]vm.NativeFunc{
	"internal/strconv.float32bits":     internal_strconv_float32bits,
	"internal/strconv.float32frombits": internal_strconv_float32frombits,
	"math.FMA":                         math_FMA,
	"math.Float32bits":                 math_Float32bits,
	"math.Float32frombits":             math_Float32frombits,
	"math.Float64bits":                 math_Float64bits,
	"math.Float64frombits":             math_Float64frombits,
	"math.Frexp":                       math_Frexp,
	"math.Ilogb":                       math_Ilogb,
	"math.Inf":                         math_Inf,
	"math.IsInf":                       math_IsInf,
	"math.IsNaN":                       math_IsNaN,
	"math.Jn":                          math_Jn,
	"math.Ldexp":                       math_Ldexp,
	"math.Lgamma":                      math_Lgamma,
	"math.Modf":                        math_Modf,
	"math.NaN":                         math_NaN,
	"math.Nextafter32":                 math_Nextafter32,
	"math.Pow10":                       math_Pow10,
	"math.Signbit":                     math_Signbit,
	"math.Sincos":                      math_Sincos,
	"math.Yn":                          math_Yn,
}

// mathFloat1 and mathFloat2 are math's functions of float64s returning a
// float64, and the assembly routines math reaches on amd64 where it runs
// from source (its own tests: the host's functions are those very
// routines). The executor calls them from its loop, as gc's intrinsics
// are instructions (vm.RegisterFloatNatives).
var mathFloat1 = map[string]func(float64) float64{
	"math.Abs":         math.Abs,
	"math.Acos":        math.Acos,
	"math.Acosh":       math.Acosh,
	"math.Asin":        math.Asin,
	"math.Asinh":       math.Asinh,
	"math.Atan":        math.Atan,
	"math.Atanh":       math.Atanh,
	"math.Cbrt":        math.Cbrt,
	"math.Ceil":        math.Ceil,
	"math.Cos":         math.Cos,
	"math.Cosh":        math.Cosh,
	"math.Erf":         math.Erf,
	"math.Erfc":        math.Erfc,
	"math.Erfcinv":     math.Erfcinv,
	"math.Erfinv":      math.Erfinv,
	"math.Exp":         math.Exp,
	"math.Exp2":        math.Exp2,
	"math.Expm1":       math.Expm1,
	"math.Floor":       math.Floor,
	"math.Gamma":       math.Gamma,
	"math.J0":          math.J0,
	"math.J1":          math.J1,
	"math.Log":         math.Log,
	"math.Log10":       math.Log10,
	"math.Log1p":       math.Log1p,
	"math.Log2":        math.Log2,
	"math.Logb":        math.Logb,
	"math.Round":       math.Round,
	"math.RoundToEven": math.RoundToEven,
	"math.Sin":         math.Sin,
	"math.Sinh":        math.Sinh,
	"math.Sqrt":        math.Sqrt,
	"math.Tan":         math.Tan,
	"math.Tanh":        math.Tanh,
	"math.Trunc":       math.Trunc,
	"math.Y0":          math.Y0,
	"math.Y1":          math.Y1,
	"math.archCeil":    math.Ceil,
	"math.archExp":     math.Exp,
	"math.archFloor":   math.Floor,
	"math.archLog":     math.Log,
	"math.archTrunc":   math.Trunc,
}

var mathFloat2 = map[string]func(float64, float64) float64{
	"math.Atan2":     math.Atan2,
	"math.Copysign":  math.Copysign,
	"math.Dim":       math.Dim,
	"math.Hypot":     math.Hypot,
	"math.Max":       math.Max,
	"math.Min":       math.Min,
	"math.Mod":       math.Mod,
	"math.Nextafter": math.Nextafter,
	"math.Pow":       math.Pow,
	"math.Remainder": math.Remainder,
	"math.archHypot": math.Hypot,
	"math.archMax":   math.Max,
	"math.archMin":   math.Min,
}

// math.FMA: func FMA(x, y, z float64) float64
func math_FMA(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.FMA(math.Float64frombits(a[0].N), math.Float64frombits(a[1].N), math.Float64frombits(a[2].N)))}
}

// math.Float32bits: func Float32bits(f float32) uint32
func math_Float32bits(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(math.Float32bits(float32(math.Float64frombits(a[0].N))))}
}

// math.Float32frombits: func Float32frombits(b uint32) float32
func math_Float32frombits(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(float64(math.Float32frombits(uint32(a[0].N))))}
}

// math.Float64bits: func Float64bits(f float64) uint64
func math_Float64bits(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Float64frombits(a[0].N))}
}

// math.Float64frombits: func Float64frombits(b uint64) float64
func math_Float64frombits(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Float64frombits(a[0].N))}
}

// math.Frexp: func Frexp(f float64) (frac float64, exp int)
func math_Frexp(t *vm.Thread, a, r []rt.Value) {
	x, y := math.Frexp(math.Float64frombits(a[0].N))
	r[0], r[1] = rt.Value{N: math.Float64bits(x)}, rt.Value{N: uint64(y)}
}

// math.Ilogb: func Ilogb(x float64) int
func math_Ilogb(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(math.Ilogb(math.Float64frombits(a[0].N)))}
}

// math.Inf: func Inf(sign int) float64
func math_Inf(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Inf(int(int64(a[0].N))))}
}

// math.IsInf: func IsInf(f float64, sign int) bool
func math_IsInf(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(math.IsInf(math.Float64frombits(a[0].N), int(int64(a[1].N))))
}

// math.IsNaN: func IsNaN(f float64) (is bool)
func math_IsNaN(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(math.IsNaN(math.Float64frombits(a[0].N)))
}

// math.Jn: func Jn(n int, x float64) float64
func math_Jn(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Jn(int(int64(a[0].N)), math.Float64frombits(a[1].N)))}
}

// math.Ldexp: func Ldexp(frac float64, exp int) float64
func math_Ldexp(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Ldexp(math.Float64frombits(a[0].N), int(int64(a[1].N))))}
}

// math.Lgamma: func Lgamma(x float64) (lgamma float64, sign int)
func math_Lgamma(t *vm.Thread, a, r []rt.Value) {
	x, y := math.Lgamma(math.Float64frombits(a[0].N))
	r[0], r[1] = rt.Value{N: math.Float64bits(x)}, rt.Value{N: uint64(y)}
}

// math.Modf: func Modf(f float64) (integer float64, fractional float64)
func math_Modf(t *vm.Thread, a, r []rt.Value) {
	x, y := math.Modf(math.Float64frombits(a[0].N))
	r[0], r[1] = rt.Value{N: math.Float64bits(x)}, rt.Value{N: math.Float64bits(y)}
}

// math.NaN: func NaN() float64
func math_NaN(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.NaN())}
}

// math.Nextafter32: func Nextafter32(x, y float32) (r float32)
func math_Nextafter32(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(float64(math.Nextafter32(float32(math.Float64frombits(a[0].N)), float32(math.Float64frombits(a[1].N)))))}
}

// math.Pow10: func Pow10(n int) float64
func math_Pow10(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Pow10(int(int64(a[0].N))))}
}

// math.Signbit: func Signbit(x float64) bool
func math_Signbit(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(math.Signbit(math.Float64frombits(a[0].N)))
}

// math.Sincos: func Sincos(x float64) (sin, cos float64)
func math_Sincos(t *vm.Thread, a, r []rt.Value) {
	x, y := math.Sincos(math.Float64frombits(a[0].N))
	r[0], r[1] = rt.Value{N: math.Float64bits(x)}, rt.Value{N: math.Float64bits(y)}
}

// math.Yn: func Yn(n int, x float64) float64
func math_Yn(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Yn(int(int64(a[0].N)), math.Float64frombits(a[1].N)))}
}

// internal/strconv.float32bits: func float32bits(f float32) uint32
func internal_strconv_float32bits(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(math.Float32bits(float32(math.Float64frombits(a[0].N))))}
}

// internal/strconv.float32frombits: func float32frombits(b uint32) float32
func internal_strconv_float32frombits(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(float64(math.Float32frombits(uint32(a[0].N))))}
}
