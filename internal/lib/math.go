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
}

// mathNatives binds math to the host's math package, function by function,
// and internal/strconv's float32bits and float32frombits, which
// reinterpret float32 memory through unsafe (goro's representation holds a
// float32 as a float64). Each is a named adapter (written out from its
// signature): a reflect.Call cost ~150 ns (math.Sqrt through it was 38% of
// nbody), and a closure over the host function showed in profiles as
// adapt.func1.
var mathNatives = map[string]vm.NativeFunc{
	"internal/strconv.float32bits":     internal_strconv_float32bits,
	"internal/strconv.float32frombits": internal_strconv_float32frombits,
	// math's assembly on amd64, reached where math runs from source (its
	// own tests): the host's functions are those very routines.
	"math.archCeil":        math_Ceil,
	"math.archExp":         math_Exp,
	"math.archFloor":       math_Floor,
	"math.archHypot":       math_Hypot,
	"math.archLog":         math_Log,
	"math.archMax":         math_Max,
	"math.archMin":         math_Min,
	"math.archTrunc":       math_Trunc,
	"math.Abs":             math_Abs,
	"math.Acos":            math_Acos,
	"math.Acosh":           math_Acosh,
	"math.Asin":            math_Asin,
	"math.Asinh":           math_Asinh,
	"math.Atan":            math_Atan,
	"math.Atan2":           math_Atan2,
	"math.Atanh":           math_Atanh,
	"math.Cbrt":            math_Cbrt,
	"math.Ceil":            math_Ceil,
	"math.Copysign":        math_Copysign,
	"math.Cos":             math_Cos,
	"math.Cosh":            math_Cosh,
	"math.Dim":             math_Dim,
	"math.Erf":             math_Erf,
	"math.Erfc":            math_Erfc,
	"math.Erfcinv":         math_Erfcinv,
	"math.Erfinv":          math_Erfinv,
	"math.Exp":             math_Exp,
	"math.Exp2":            math_Exp2,
	"math.Expm1":           math_Expm1,
	"math.FMA":             math_FMA,
	"math.Float32bits":     math_Float32bits,
	"math.Float32frombits": math_Float32frombits,
	"math.Float64bits":     math_Float64bits,
	"math.Float64frombits": math_Float64frombits,
	"math.Floor":           math_Floor,
	"math.Frexp":           math_Frexp,
	"math.Gamma":           math_Gamma,
	"math.Hypot":           math_Hypot,
	"math.Ilogb":           math_Ilogb,
	"math.Inf":             math_Inf,
	"math.IsInf":           math_IsInf,
	"math.IsNaN":           math_IsNaN,
	"math.J0":              math_J0,
	"math.J1":              math_J1,
	"math.Jn":              math_Jn,
	"math.Ldexp":           math_Ldexp,
	"math.Lgamma":          math_Lgamma,
	"math.Log":             math_Log,
	"math.Log10":           math_Log10,
	"math.Log1p":           math_Log1p,
	"math.Log2":            math_Log2,
	"math.Logb":            math_Logb,
	"math.Max":             math_Max,
	"math.Min":             math_Min,
	"math.Mod":             math_Mod,
	"math.Modf":            math_Modf,
	"math.NaN":             math_NaN,
	"math.Nextafter":       math_Nextafter,
	"math.Nextafter32":     math_Nextafter32,
	"math.Pow":             math_Pow,
	"math.Pow10":           math_Pow10,
	"math.Remainder":       math_Remainder,
	"math.Round":           math_Round,
	"math.RoundToEven":     math_RoundToEven,
	"math.Signbit":         math_Signbit,
	"math.Sin":             math_Sin,
	"math.Sincos":          math_Sincos,
	"math.Sinh":            math_Sinh,
	"math.Sqrt":            math_Sqrt,
	"math.Tan":             math_Tan,
	"math.Tanh":            math_Tanh,
	"math.Trunc":           math_Trunc,
	"math.Y0":              math_Y0,
	"math.Y1":              math_Y1,
	"math.Yn":              math_Yn,
}

// math.Abs: func Abs(x float64) float64
func math_Abs(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Abs(math.Float64frombits(a[0].N)))}
}

// math.Acos: func Acos(x float64) float64
func math_Acos(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Acos(math.Float64frombits(a[0].N)))}
}

// math.Acosh: func Acosh(x float64) float64
func math_Acosh(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Acosh(math.Float64frombits(a[0].N)))}
}

// math.Asin: func Asin(x float64) float64
func math_Asin(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Asin(math.Float64frombits(a[0].N)))}
}

// math.Asinh: func Asinh(x float64) float64
func math_Asinh(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Asinh(math.Float64frombits(a[0].N)))}
}

// math.Atan: func Atan(x float64) float64
func math_Atan(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Atan(math.Float64frombits(a[0].N)))}
}

// math.Atan2: func Atan2(y, x float64) float64
func math_Atan2(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Atan2(math.Float64frombits(a[0].N), math.Float64frombits(a[1].N)))}
}

// math.Atanh: func Atanh(x float64) float64
func math_Atanh(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Atanh(math.Float64frombits(a[0].N)))}
}

// math.Cbrt: func Cbrt(x float64) float64
func math_Cbrt(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Cbrt(math.Float64frombits(a[0].N)))}
}

// math.Ceil: func Ceil(x float64) float64
func math_Ceil(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Ceil(math.Float64frombits(a[0].N)))}
}

// math.Copysign: func Copysign(f, sign float64) float64
func math_Copysign(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Copysign(math.Float64frombits(a[0].N), math.Float64frombits(a[1].N)))}
}

// math.Cos: func Cos(x float64) float64
func math_Cos(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Cos(math.Float64frombits(a[0].N)))}
}

// math.Cosh: func Cosh(x float64) float64
func math_Cosh(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Cosh(math.Float64frombits(a[0].N)))}
}

// math.Dim: func Dim(x, y float64) float64
func math_Dim(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Dim(math.Float64frombits(a[0].N), math.Float64frombits(a[1].N)))}
}

// math.Erf: func Erf(x float64) float64
func math_Erf(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Erf(math.Float64frombits(a[0].N)))}
}

// math.Erfc: func Erfc(x float64) float64
func math_Erfc(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Erfc(math.Float64frombits(a[0].N)))}
}

// math.Erfinv: func Erfinv(x float64) float64
func math_Erfinv(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Erfinv(math.Float64frombits(a[0].N)))}
}

// math.Erfcinv: func Erfcinv(x float64) float64
func math_Erfcinv(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Erfcinv(math.Float64frombits(a[0].N)))}
}

// math.Exp: func Exp(x float64) float64
func math_Exp(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Exp(math.Float64frombits(a[0].N)))}
}

// math.Exp2: func Exp2(x float64) float64
func math_Exp2(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Exp2(math.Float64frombits(a[0].N)))}
}

// math.Expm1: func Expm1(x float64) float64
func math_Expm1(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Expm1(math.Float64frombits(a[0].N)))}
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

// math.Floor: func Floor(x float64) float64
func math_Floor(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Floor(math.Float64frombits(a[0].N)))}
}

// math.Frexp: func Frexp(f float64) (frac float64, exp int)
func math_Frexp(t *vm.Thread, a, r []rt.Value) {
	x, y := math.Frexp(math.Float64frombits(a[0].N))
	r[0], r[1] = rt.Value{N: math.Float64bits(x)}, rt.Value{N: uint64(y)}
}

// math.Gamma: func Gamma(x float64) float64
func math_Gamma(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Gamma(math.Float64frombits(a[0].N)))}
}

// math.Hypot: func Hypot(p, q float64) float64
func math_Hypot(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Hypot(math.Float64frombits(a[0].N), math.Float64frombits(a[1].N)))}
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

// math.J0: func J0(x float64) float64
func math_J0(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.J0(math.Float64frombits(a[0].N)))}
}

// math.J1: func J1(x float64) float64
func math_J1(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.J1(math.Float64frombits(a[0].N)))}
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

// math.Log: func Log(x float64) float64
func math_Log(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Log(math.Float64frombits(a[0].N)))}
}

// math.Log10: func Log10(x float64) float64
func math_Log10(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Log10(math.Float64frombits(a[0].N)))}
}

// math.Log1p: func Log1p(x float64) float64
func math_Log1p(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Log1p(math.Float64frombits(a[0].N)))}
}

// math.Log2: func Log2(x float64) float64
func math_Log2(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Log2(math.Float64frombits(a[0].N)))}
}

// math.Logb: func Logb(x float64) float64
func math_Logb(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Logb(math.Float64frombits(a[0].N)))}
}

// math.Max: func Max(x, y float64) float64
func math_Max(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Max(math.Float64frombits(a[0].N), math.Float64frombits(a[1].N)))}
}

// math.Min: func Min(x, y float64) float64
func math_Min(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Min(math.Float64frombits(a[0].N), math.Float64frombits(a[1].N)))}
}

// math.Mod: func Mod(x, y float64) float64
func math_Mod(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Mod(math.Float64frombits(a[0].N), math.Float64frombits(a[1].N)))}
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

// math.Nextafter: func Nextafter(x, y float64) (r float64)
func math_Nextafter(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Nextafter(math.Float64frombits(a[0].N), math.Float64frombits(a[1].N)))}
}

// math.Nextafter32: func Nextafter32(x, y float32) (r float32)
func math_Nextafter32(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(float64(math.Nextafter32(float32(math.Float64frombits(a[0].N)), float32(math.Float64frombits(a[1].N)))))}
}

// math.Pow: func Pow(x, y float64) float64
func math_Pow(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Pow(math.Float64frombits(a[0].N), math.Float64frombits(a[1].N)))}
}

// math.Pow10: func Pow10(n int) float64
func math_Pow10(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Pow10(int(int64(a[0].N))))}
}

// math.Remainder: func Remainder(x, y float64) float64
func math_Remainder(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Remainder(math.Float64frombits(a[0].N), math.Float64frombits(a[1].N)))}
}

// math.Round: func Round(x float64) float64
func math_Round(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Round(math.Float64frombits(a[0].N)))}
}

// math.RoundToEven: func RoundToEven(x float64) float64
func math_RoundToEven(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.RoundToEven(math.Float64frombits(a[0].N)))}
}

// math.Signbit: func Signbit(x float64) bool
func math_Signbit(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(math.Signbit(math.Float64frombits(a[0].N)))
}

// math.Sin: func Sin(x float64) float64
func math_Sin(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Sin(math.Float64frombits(a[0].N)))}
}

// math.Sincos: func Sincos(x float64) (sin, cos float64)
func math_Sincos(t *vm.Thread, a, r []rt.Value) {
	x, y := math.Sincos(math.Float64frombits(a[0].N))
	r[0], r[1] = rt.Value{N: math.Float64bits(x)}, rt.Value{N: math.Float64bits(y)}
}

// math.Sinh: func Sinh(x float64) float64
func math_Sinh(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Sinh(math.Float64frombits(a[0].N)))}
}

// math.Sqrt: func Sqrt(x float64) float64
func math_Sqrt(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Sqrt(math.Float64frombits(a[0].N)))}
}

// math.Tan: func Tan(x float64) float64
func math_Tan(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Tan(math.Float64frombits(a[0].N)))}
}

// math.Tanh: func Tanh(x float64) float64
func math_Tanh(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Tanh(math.Float64frombits(a[0].N)))}
}

// math.Trunc: func Trunc(x float64) float64
func math_Trunc(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Trunc(math.Float64frombits(a[0].N)))}
}

// math.Y0: func Y0(x float64) float64
func math_Y0(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Y0(math.Float64frombits(a[0].N)))}
}

// math.Y1: func Y1(x float64) float64
func math_Y1(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: math.Float64bits(math.Y1(math.Float64frombits(a[0].N)))}
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
