// package math: bound to the host's math package, function by function
// (gc implements many in assembly; the host computes the same IEEE
// results).
package lib

import (
	"math"
	"reflect"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

// adapt binds a host function whose parameters and results are float64,
// int, int64, uint32, uint64, float32 or bool.
func adapt(name string, f any) {
	// The common shapes directly: a reflect.Call costs ~150 ns (math.Sqrt
	// through it was 38% of nbody).
	fl := math.Float64frombits
	fb := math.Float64bits
	switch f := f.(type) {
	case func(float64) float64:
		vm.RegisterNative(name, func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: fb(f(fl(a[0].N)))} })
		return
	case func(float64, float64) float64:
		vm.RegisterNative(name, func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: fb(f(fl(a[0].N), fl(a[1].N)))} })
		return
	case func(float64) bool:
		vm.RegisterNative(name, func(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(f(fl(a[0].N))) })
		return
	case func(float64) (float64, float64):
		vm.RegisterNative(name, func(t *vm.Thread, a, r []rt.Value) {
			x, y := f(fl(a[0].N))
			r[0], r[1] = rt.Value{N: fb(x)}, rt.Value{N: fb(y)}
		})
		return
	}
	fv := reflect.ValueOf(f)
	ft := fv.Type()
	vm.RegisterNative(name, func(t *vm.Thread, a, r []rt.Value) {
		in := make([]reflect.Value, ft.NumIn())
		for i := range in {
			in[i] = fromValue(ft.In(i), a[i])
		}
		out := fv.Call(in)
		for i, o := range out {
			r[i] = toValue(o)
		}
	})
}

func fromValue(t reflect.Type, v rt.Value) reflect.Value {
	switch t.Kind() {
	case reflect.Float64:
		return reflect.ValueOf(math.Float64frombits(v.N))
	case reflect.Float32:
		return reflect.ValueOf(float32(math.Float64frombits(v.N)))
	case reflect.Int:
		return reflect.ValueOf(int(int64(v.N)))
	case reflect.Int64:
		return reflect.ValueOf(int64(v.N))
	case reflect.Uint32:
		return reflect.ValueOf(uint32(v.N))
	case reflect.Uint64:
		return reflect.ValueOf(v.N)
	case reflect.Bool:
		return reflect.ValueOf(v.N != 0)
	case reflect.String:
		return reflect.ValueOf(vm.Str(v))
	}
	panic("BUG: adapt: parameter kind " + t.Kind().String())
}

func toValue(v reflect.Value) rt.Value {
	switch v.Kind() {
	case reflect.Float64:
		return rt.Value{N: math.Float64bits(v.Float())}
	case reflect.Float32:
		return rt.Value{N: math.Float64bits(v.Float())}
	case reflect.Int, reflect.Int64:
		return rt.Value{N: uint64(v.Int())}
	case reflect.Uint32, reflect.Uint64:
		return rt.Value{N: v.Uint()}
	case reflect.Bool:
		return boolV(v.Bool())
	case reflect.String:
		return rt.Value{R: v.String()}
	}
	panic("BUG: adapt: result kind " + v.Kind().String())
}

func init() {
	fns := map[string]any{
		"Abs": math.Abs, "Acos": math.Acos, "Acosh": math.Acosh, "Asin": math.Asin, "Asinh": math.Asinh,
		"Atan": math.Atan, "Atan2": math.Atan2, "Atanh": math.Atanh, "Cbrt": math.Cbrt, "Ceil": math.Ceil,
		"Copysign": math.Copysign, "Cos": math.Cos, "Cosh": math.Cosh, "Dim": math.Dim, "Erf": math.Erf,
		"Erfc": math.Erfc, "Erfinv": math.Erfinv, "Erfcinv": math.Erfcinv, "Exp": math.Exp, "Exp2": math.Exp2,
		"Expm1": math.Expm1, "FMA": math.FMA, "Float32bits": math.Float32bits, "Float32frombits": math.Float32frombits,
		"Float64bits": math.Float64bits, "Float64frombits": math.Float64frombits, "Floor": math.Floor,
		"Frexp": math.Frexp, "Gamma": math.Gamma, "Hypot": math.Hypot, "Ilogb": math.Ilogb, "Inf": math.Inf,
		"IsInf": math.IsInf, "IsNaN": math.IsNaN, "J0": math.J0, "J1": math.J1, "Jn": math.Jn, "Ldexp": math.Ldexp,
		"Lgamma": math.Lgamma, "Log": math.Log, "Log10": math.Log10, "Log1p": math.Log1p, "Log2": math.Log2,
		"Logb": math.Logb, "Max": math.Max, "Min": math.Min, "Mod": math.Mod, "Modf": math.Modf, "NaN": math.NaN,
		"Nextafter": math.Nextafter, "Nextafter32": math.Nextafter32, "Pow": math.Pow, "Pow10": math.Pow10,
		"Remainder": math.Remainder, "Round": math.Round, "RoundToEven": math.RoundToEven, "Signbit": math.Signbit,
		"Sin": math.Sin, "Sincos": math.Sincos, "Sinh": math.Sinh, "Sqrt": math.Sqrt, "Tan": math.Tan,
		"Tanh": math.Tanh, "Trunc": math.Trunc, "Y0": math.Y0, "Y1": math.Y1, "Yn": math.Yn,
	}
	for name, f := range fns {
		adapt("math."+name, f)
	}
	// internal/strconv reinterprets float32 memory through unsafe, which
	// goro's representation (float32 held as float64) does not allow.
	adapt("internal/strconv.float32bits", math.Float32bits)
	adapt("internal/strconv.float32frombits", math.Float32frombits)
	vm.RegisterNatives(mathNatives)
}

// mathNatives binds these functions by their ssa names (sorted).
var mathNatives = map[string]vm.NativeFunc{
	"(*sync.copyChecker).check": sync_copyChecker_check,
}

// (*sync.copyChecker).check: func (c *copyChecker) check()
func sync_copyChecker_check(t *vm.Thread, a, r []rt.Value) {}
