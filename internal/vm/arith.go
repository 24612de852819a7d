package vm

// Arithmetic, comparison and conversion on Values, with Go's wrap-around,
// truncation and IEEE rules.

import (
	"fmt"
	"math"
	"strings"
	"unsafe"

	"github.com/goro-dev/goro/internal/rt"
)

// norm truncates x to kind k's width: sign-extending signed kinds and
// zero-extending unsigned ones.
func norm(k Kind, x uint64) uint64 {
	switch k {
	case KInt8:
		return uint64(int64(int8(x)))
	case KInt16:
		return uint64(int64(int16(x)))
	case KInt32:
		return uint64(int64(int32(x)))
	case KUint8:
		return uint64(uint8(x))
	case KUint16:
		return uint64(uint16(x))
	case KUint32:
		return uint64(uint32(x))
	}
	return x
}

func f64(v rt.Value) float64 { return math.Float64frombits(v.N) }

func fval(k Kind, f float64) rt.Value {
	if k == KFloat32 {
		f = float64(float32(f))
	}
	return rt.Value{N: math.Float64bits(f)}
}

func cval(k Kind, c complex128) rt.Value {
	if k == KComplex64 {
		c = complex128(complex64(c))
	}
	return rt.Value{R: c}
}

func c128(v rt.Value) complex128 {
	c, _ := v.R.(complex128)
	return c
}

func str(v rt.Value) string {
	s, _ := v.R.(string)
	return s
}

// arith computes x op y for values of kind k.
func arith(o op, k Kind, x, y rt.Value) rt.Value {
	switch {
	case k.IsInteger():
		a, b := x.N, y.N
		var r uint64
		switch o {
		case opAdd:
			r = a + b
		case opSub:
			r = a - b
		case opMul:
			r = a * b
		case opQuo:
			if k.IsSigned() {
				if int64(b) == -1 {
					r = -a // MinInt / -1 wraps
				} else {
					r = uint64(int64(a) / int64(b))
				}
			} else {
				r = a / b
			}
		case opRem:
			if k.IsSigned() {
				if int64(b) == -1 {
					r = 0
				} else {
					r = uint64(int64(a) % int64(b))
				}
			} else {
				r = a % b
			}
		case opAnd:
			r = a & b
		case opOr:
			r = a | b
		case opXor:
			r = a ^ b
		case opAndNot:
			r = a &^ b
		case opLss:
			if k.IsSigned() {
				return rt.Value{N: b2n(int64(a) < int64(b))}
			}
			return rt.Value{N: b2n(a < b)}
		case opLeq:
			if k.IsSigned() {
				return rt.Value{N: b2n(int64(a) <= int64(b))}
			}
			return rt.Value{N: b2n(a <= b)}
		case opGtr:
			if k.IsSigned() {
				return rt.Value{N: b2n(int64(a) > int64(b))}
			}
			return rt.Value{N: b2n(a > b)}
		case opGeq:
			if k.IsSigned() {
				return rt.Value{N: b2n(int64(a) >= int64(b))}
			}
			return rt.Value{N: b2n(a >= b)}
		}
		return rt.Value{N: norm(k, r)}
	case k.IsFloat():
		a, b := f64(x), f64(y)
		switch o {
		case opAdd:
			return fval(k, a+b)
		case opSub:
			return fval(k, a-b)
		case opMul:
			return fval(k, a*b)
		case opQuo:
			return fval(k, a/b)
		case opLss:
			return rt.Value{N: b2n(a < b)}
		case opLeq:
			return rt.Value{N: b2n(a <= b)}
		case opGtr:
			return rt.Value{N: b2n(a > b)}
		case opGeq:
			return rt.Value{N: b2n(a >= b)}
		}
	case k.IsComplex():
		a, b := c128(x), c128(y)
		switch o {
		case opAdd:
			return cval(k, a+b)
		case opSub:
			return cval(k, a-b)
		case opMul:
			return cval(k, a*b)
		case opQuo:
			return cval(k, a/b)
		}
	case k == KString:
		a, b := str(x), str(y)
		switch o {
		case opAdd:
			return rt.Value{R: a + b}
		case opLss:
			return rt.Value{N: b2n(a < b)}
		case opLeq:
			return rt.Value{N: b2n(a <= b)}
		case opGtr:
			return rt.Value{N: b2n(a > b)}
		case opGeq:
			return rt.Value{N: b2n(a >= b)}
		}
	}
	throwf("arith %d on kind %d", o, k)
	return rt.Value{}
}

// shift computes x << y or x >> y for x of kind k.
func shift(o op, k Kind, x rt.Value, y uint64) rt.Value {
	a := x.N
	if o == opShl {
		if y >= 64 {
			return rt.Value{}
		}
		return rt.Value{N: norm(k, a<<y)}
	}
	if k.IsSigned() {
		if y >= 64 {
			y = 63
		}
		return rt.Value{N: uint64(int64(a) >> y)}
	}
	if y >= 64 {
		return rt.Value{}
	}
	return rt.Value{N: a >> y}
}

func neg(k Kind, x rt.Value) rt.Value {
	switch {
	case k.IsInteger():
		return rt.Value{N: norm(k, -x.N)}
	case k.IsFloat():
		return rt.Value{N: x.N ^ (1 << 63)}
	case k.IsComplex():
		return rt.Value{R: -c128(x)}
	}
	throwf("neg of kind %d", k)
	return rt.Value{}
}

// equal reports whether x == y for values of type t. It panics (as a Go
// runtime error, through the caller) for incomparable dynamic types; here
// such values compare by identity.
func equal(t *Type, x, y rt.Value) bool {
	switch t.Kind {
	case KBool, KInt, KInt8, KInt16, KInt32, KInt64, KUint, KUint8, KUint16, KUint32, KUint64, KUintptr:
		return x.N == y.N
	case KFloat32, KFloat64:
		return f64(x) == f64(y)
	case KComplex64, KComplex128:
		return c128(x) == c128(y)
	case KString:
		return str(x) == str(y)
	case KPointer, KUnsafePointer:
		a, _ := x.R.(*rt.Value)
		b, _ := y.R.(*rt.Value)
		return a == b
	case KChan:
		a, _ := x.R.(*rt.Chan)
		b, _ := y.R.(*rt.Chan)
		return a == b
	case KMap:
		a, _ := x.R.(*Map)
		b, _ := y.R.(*Map)
		return a == b
	case KFunc:
		a, _ := x.R.(*Closure)
		b, _ := y.R.(*Closure)
		return a == b
	case KSlice:
		// Only comparison with nil is legal.
		a, _ := x.R.([]rt.Value)
		b, _ := y.R.([]rt.Value)
		return (a == nil) == (b == nil)
	case KInterface:
		a, aok := x.R.(Iface)
		b, bok := y.R.(Iface)
		if !aok || !bok {
			return aok == bok
		}
		if a.T != b.T {
			return false
		}
		return equal(a.T, a.V, b.V)
	case KStruct:
		a, _ := x.R.([]rt.Value)
		b, _ := y.R.([]rt.Value)
		for i, f := range t.Fields {
			if !t.blank[i] && !equal(f, a[i], b[i]) {
				return false
			}
		}
		return true
	case KArray:
		a, _ := x.R.([]rt.Value)
		b, _ := y.R.([]rt.Value)
		for i := range a {
			if !equal(t.Elem, a[i], b[i]) {
				return false
			}
		}
		return true
	}
	return x == y
}

// incomparable reports whether values of dynamic type t cannot be
// compared (or hashed): comparing them panics with gc's text.
func (t *Type) incomparable() bool {
	switch t.Kind {
	case KSlice, KMap, KFunc:
		return true
	case KStruct:
		for _, f := range t.Fields {
			if f.incomparable() {
				return true
			}
		}
	case KArray:
		return t.Elem.incomparable()
	}
	return false
}

// ifaceIncomparable finds an incomparable dynamic type inside v of type t.
func ifaceIncomparable(t *Type, v rt.Value) *Type {
	switch t.Kind {
	case KInterface:
		iv, ok := v.R.(Iface)
		if !ok {
			return nil
		}
		if iv.T.incomparable() {
			return iv.T
		}
		return ifaceIncomparable(iv.T, iv.V)
	case KStruct:
		fs, _ := v.R.([]rt.Value)
		for i, f := range t.Fields {
			if r := ifaceIncomparable(f, fs[i]); r != nil {
				return r
			}
		}
	case KArray:
		es, _ := v.R.([]rt.Value)
		for i := range es {
			if r := ifaceIncomparable(t.Elem, es[i]); r != nil {
				return r
			}
		}
	}
	return nil
}

// convert converts x of kind from to type to.
func (t *Thread) convert(from Kind, to *Type, x rt.Value) rt.Value {
	k := to.Kind
	switch {
	case from.IsInteger():
		switch {
		case k.IsInteger():
			return rt.Value{N: norm(k, x.N)}
		case k.IsFloat():
			if from.IsSigned() {
				return fval(k, float64(int64(x.N)))
			}
			return fval(k, float64(x.N))
		case k == KString:
			r := rune(-1)
			if from.IsSigned() {
				if v := int64(x.N); v >= 0 && v <= math.MaxInt32 {
					r = rune(v)
				}
			} else if x.N <= math.MaxInt32 {
				r = rune(x.N)
			}
			return rt.Value{R: string(r)}
		case k == KUnsafePointer:
			return rt.Value{}
		}
	case from.IsFloat():
		f := f64(x)
		switch {
		case k.IsFloat():
			return fval(k, f)
		case k.IsSigned():
			return rt.Value{N: norm(k, uint64(int64(f)))}
		case k.IsUnsigned():
			if f >= 1<<63 {
				return rt.Value{N: norm(k, uint64(f))}
			}
			return rt.Value{N: norm(k, uint64(int64(f)))}
		}
	case from.IsComplex():
		if k.IsComplex() {
			return cval(k, c128(x))
		}
	case from == KString:
		s := str(x)
		if to.Kind == KSlice {
			if to.Elem.Kind == KUint8 {
				return rt.Value{R: bytesToValues([]byte(s))}
			}
			rs := []rune(s)
			vs := make([]rt.Value, len(rs))
			for i, r := range rs {
				vs[i].N = uint64(int64(r))
			}
			return rt.Value{R: vs}
		}
		if k == KString {
			return x
		}
	case from == KSlice:
		vs, _ := x.R.([]rt.Value)
		if k == KString {
			return rt.Value{R: valuesToString(vs)}
		}
	case from == KPointer, from == KUnsafePointer:
		if from == KUnsafePointer && k == KPointer {
			if p, ok := x.R.(*rt.Value); ok && !fitsCell(to.Elem, p) {
				t.Unsupported(fmt.Sprintf("converting unsafe.Pointer to %s over memory of another type (goro does not reinterpret its cells)", to))
				return rt.Value{}
			}
		}
		if k == KPointer || k == KUnsafePointer {
			return x
		}
		if k.IsInteger() {
			// The host address of the cell: stable (the host heap does not
			// move), usable to compare and print, never to convert back.
			if p, ok := x.R.(*rt.Value); ok {
				return rt.Value{N: uint64(uintptr(unsafe.Pointer(p)))}
			}
			return rt.Value{}
		}
	}
	if from == k {
		return x
	}
	t.Unsupported("conversion from kind " + kindName(from) + " to " + to.String())
	return rt.Value{}
}

// bytesToValues makes a []byte's Values.
func bytesToValues(b []byte) []rt.Value {
	vs := make([]rt.Value, len(b))
	for i, c := range b {
		vs[i].N = uint64(c)
	}
	return vs
}

func valuesToString(vs []rt.Value) string {
	var b strings.Builder
	b.Grow(len(vs))
	for i := range vs {
		b.WriteByte(byte(vs[i].N))
	}
	return b.String()
}

func runesToString(vs []rt.Value) string {
	rs := make([]rune, len(vs))
	for i := range vs {
		rs[i] = rune(int32(vs[i].N))
	}
	return string(rs)
}

func kindName(k Kind) string {
	names := map[Kind]string{KSlice: "slice", KPointer: "pointer", KStruct: "struct", KMap: "map", KFunc: "func", KInterface: "interface", KArray: "array", KChan: "chan"}
	if n, ok := names[k]; ok {
		return n
	}
	return "basic"
}

// uncomparablePair returns the uncomparable dynamic type that comparing x
// and y (of type t) would have to compare, or nil.
func uncomparablePair(t *Type, x, y rt.Value) *Type {
	switch t.Kind {
	case KInterface:
		a, aok := x.R.(Iface)
		b, bok := y.R.(Iface)
		if !aok || !bok || a.T != b.T {
			return nil
		}
		if a.T.incomparable() {
			return a.T
		}
		return uncomparablePair(a.T, a.V, b.V)
	case KStruct:
		xs, _ := x.R.([]rt.Value)
		ys, _ := y.R.([]rt.Value)
		for i, f := range t.Fields {
			if i < len(xs) && i < len(ys) {
				if bad := uncomparablePair(f, xs[i], ys[i]); bad != nil {
					return bad
				}
			}
		}
	case KArray:
		xs, _ := x.R.([]rt.Value)
		ys, _ := y.R.([]rt.Value)
		for i := range xs {
			if i < len(ys) {
				if bad := uncomparablePair(t.Elem, xs[i], ys[i]); bad != nil {
					return bad
				}
			}
		}
	}
	return nil
}

// fitsCell reports whether a *T may point at cell: a struct or array must
// be a []Value with at least its number of fields or elements, so that
// every access stays within what goro allocated (a byte seen as a struct
// would read fields that are not there). A pointer converted from
// unsafe.Pointer is checked so. Other reinterpretations are let through:
// a number read over any cell reads its N word (a float64's bits, as gc;
// zero over a string or pointer, where gc reads the address), which
// GOROOT/test's blank.go and slicecap.go rely on.
func fitsCell(T *Type, cell *rt.Value) bool {
	switch T.Kind {
	case KStruct:
		vs, ok := cell.R.([]rt.Value)
		return ok && len(vs) >= len(T.Fields)
	case KArray:
		vs, ok := cell.R.([]rt.Value)
		return ok && len(vs) >= T.Len
	}
	return true
}
