package vm

// Arithmetic, comparison and conversion on Values, with Go's wrap-around,
// truncation and IEEE rules.

import (
	"fmt"
	"go/types"
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
		return EqualPointers(x, y)
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
// ConvertPointer converts unsafe.Pointer p to pointer type to, as
// (*T)(p) does (reflect's NewAt); false when goro cannot (reported as
// unsupported).
func (t *Thread) ConvertPointer(p rt.Value, to *Type) (rt.Value, bool) {
	q := t.convert(KUnsafePointer, to, p)
	return q, !t.fatal
}

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
			if x.N == 0 {
				return rt.Value{}
			}
			if p := pointerAt(uintptr(x.N)); p != nil {
				return rt.Value{R: p}
			}
			return rt.Value{R: RawAddr(x.N)} // the number itself (view.go)
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
			switch p := x.R.(type) {
			case *rt.Value:
				if !fitsCell(to.Elem, p) {
					// A word seen as a struct of one sized field (an
					// atomic.Uint64 over a uint64), taken to hold
					// that field's type where it fits the cell.
					if f := soleField(to.Elem); f >= 0 && !to.Elem.Fields[f].isDeep() && fitsCell(to.Elem.Fields[f], p) {
						if v, ok := viewPointer(p, to.Elem.Fields[f], to.Elem); ok {
							return v
						}
					}
					t.Unsupported(fmt.Sprintf("converting unsafe.Pointer to %s over memory of another type (goro does not reinterpret its cells)", to))
					return rt.Value{}
				}
			case *View:
				v, _ := t.convertView(x, p.T, to.Elem)
				return v
			}
		}
		if k == KPointer || k == KUnsafePointer {
			return x
		}
		if k.IsInteger() {
			// The host address of the cell: stable (the host heap does not
			// move), usable to compare and print, and to convert back
			// while the cell lives (pointerAt).
			if p := PointerCell(x); p != nil {
				return rt.Value{N: uint64(addressOf(p))}
			}
			return rt.Value{N: uint64(HostAddr(x.R))} // nil, or a RawAddr
		}
	}
	if from == k {
		return x
	}
	t.Unsupported("conversion from kind " + kindName(from) + " to " + to.String())
	return rt.Value{}
}

// Pointers converted to integers are remembered by address, so that the
// integer converts back to the same pointer while the cell lives
// (internal/abi.NoEscape's round trip, uintptr kept in a struct). Any
// other integer (an address moved by arithmetic) has no cell.
var addrs CellTable[struct{}]

// AddressOf is p's address, remembered: the integer converts back to p
// while p lives (reflect's Value.Pointer and UnsafeAddr, unsafe's rule 5).
func AddressOf(p *rt.Value) uintptr { return addressOf(p) }

func addressOf(p *rt.Value) uintptr {
	addrs.LoadOrMake(p, func() struct{} { return struct{}{} })
	return uintptr(unsafe.Pointer(p))
}

func pointerAt(addr uintptr) *rt.Value { return addrs.At(addr) }

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
// and y (of type t) would have to compare, or nil. As gc's generated
// equality, the walk goes in declaration order and stops at the first
// pair that differs: A{1, []byte{}} == A{2, []byte{}} is false without a
// panic, A{[]byte{}, 1} == A{[]byte{}, 2} panics (GOROOT/test
// fixedbugs/issue8606.go).
func uncomparablePair(t *Type, x, y rt.Value) *Type {
	bad, _ := uncomparableWalk(t, x, y)
	return bad
}

// uncomparableWalk is uncomparablePair's walk; differ reports that it
// stopped at a pair of comparable values that differ. With bad nil, x ==
// y is !differ (the == of interfaces and composites computes it so).
func uncomparableWalk(t *Type, x, y rt.Value) (bad *Type, differ bool) {
	switch t.Kind {
	case KInterface:
		a, aok := x.R.(Iface)
		b, bok := y.R.(Iface)
		if !aok || !bok || a.T != b.T {
			return nil, aok != bok || aok && a.T != b.T
		}
		if a.T.incomparable() {
			return a.T, false
		}
		return uncomparableWalk(a.T, a.V, b.V)
	case KStruct, KArray:
		xs, _ := x.R.([]rt.Value)
		ys, _ := y.R.([]rt.Value)
		for i := range xs {
			if i >= len(ys) || t.Kind == KStruct && (i >= len(t.Fields) || t.blank[i]) {
				continue
			}
			et := t.Elem
			if t.Kind == KStruct {
				et = t.Fields[i]
			}
			if bad, differ := uncomparableWalk(et, xs[i], ys[i]); bad != nil || differ {
				return bad, differ
			}
		}
		return nil, false
	}
	return nil, !equal(t, x, y)
}

// fitsCell reports whether a *T converted from an unsafe.Pointer may point
// at cell, judged by what the cell holds (its type is not known here): a
// number's cell has no R (the scalar rule); a string, complex, slice or
// interface cell holds its own kind of R or none; a pointer-shaped cell
// has no number in it; a struct or array is a []Value of exactly its
// fields or elements (so every access stays within what goro allocated,
// and a byte array is not taken for a struct of two words).
// Reading one type's cell as another is goro's only reinterpretation, and
// it is sound only where the cells agree: anything else is reported as
// unsupported, never read as a made-up value. (A float32's cell holds
// float64 bits, which no check here can tell from a uint64's: the
// compiler refuses that pair where the types say so, sameCells.)
func fitsCell(T *Type, cell *rt.Value) bool {
	switch k := T.Kind; {
	case T.Size == 0:
		return true
	case T.isScalar():
		return cell.R == nil
	case k == KString:
		_, ok := cell.R.(string)
		return ok || cell.R == nil && cell.N == 0
	case k.IsComplex():
		_, ok := cell.R.(complex128)
		return ok || cell.R == nil && cell.N == 0
	case k == KSlice:
		_, ok := cell.R.([]rt.Value)
		return cell.N == 0 && (ok || cell.R == nil)
	case k == KInterface:
		_, ok := cell.R.(Iface)
		return ok || cell.R == nil && cell.N == 0
	case k == KStruct:
		vs, ok := cell.R.([]rt.Value)
		return ok && len(vs) == len(T.Fields)
	case k == KArray:
		vs, ok := cell.R.([]rt.Value)
		return ok && len(vs) == T.Len
	}
	return cell.N == 0 // pointers, maps, channels, funcs
}

// sameCells reports whether goro's cells of type s read as type t mean
// what gc's memory of s read as t means: what a conversion *S →
// unsafe.Pointer → *T needs. Identical layouts do; a number's N holds its
// value's 64 bits (a float64's IEEE bits, a narrow integer sign- or
// zero-extended, a float32 as a float64), so numbers read as one another
// only where those words agree: the 64-bit integers and float64, bool and
// uint8 (a narrower view would need loads and stores that keep to its
// bytes: goro's write the whole cell); pointer-shaped cells read as one
// another;
// structs field by field, arrays and slices element by element when the
// elements are of one size. The rest (a byte array seen as a struct, a
// string's header as numbers, a scalar seen as bytes) has no cells to
// read: the compiler reports it as unsupported.
func sameCells(s, t *Type) bool {
	if t.Size == 0 || types.Identical(s.T.Underlying(), t.T.Underlying()) {
		return true
	}
	pointerShaped := func(k Kind) bool {
		return k == KPointer || k == KUnsafePointer || k == KMap || k == KChan || k == KFunc
	}
	switch {
	case s.isScalar() && t.isScalar():
		word := func(k Kind) bool { return k.is64() || k == KFloat64 }
		byte_ := func(k Kind) bool { return k == KBool || k == KUint8 }
		return s.Kind == t.Kind || word(s.Kind) && word(t.Kind) || byte_(s.Kind) && byte_(t.Kind)
	case pointerShaped(s.Kind) && pointerShaped(t.Kind):
		return true
	case s.Kind == KSlice && t.Kind == KSlice:
		return s.Elem.Size == t.Elem.Size && sameCells(s.Elem, t.Elem)
	case s.Kind == KArray && t.Kind == KArray:
		return t.Len <= s.Len && s.Elem.Size == t.Elem.Size && sameCells(s.Elem, t.Elem)
	case s.Kind == KStruct && t.Kind == KStruct:
		if len(t.Fields) > len(s.Fields) {
			return false
		}
		for i, f := range t.Fields {
			if f.Size != s.Fields[i].Size || !sameCells(s.Fields[i], f) {
				return false
			}
		}
		return true
	case s.Kind == KInterface && t.Kind == KInterface:
		se, te := s.T.Underlying().(*types.Interface), t.T.Underlying().(*types.Interface)
		return se.Empty() == te.Empty()
	}
	return false
}

// The executor's host calls for generic operations (see Thread.run's
// comment on why each writes its result itself).

func arithOp(t *Thread, in *instr, regs []rt.Value) {
	regs[in.a] = arith(in.op, in.k, regs[in.b], regs[in.c])
	if in.op == opAdd && in.k == KString {
		// Not watched for frees: the result may be an operand, which
		// may be a constant's bytes, in no heap block.
		t.allocated(int64(len(str(regs[in.a]))), nil)
	}
}

func shiftOp(in *instr, regs []rt.Value, y uint64) {
	regs[in.a] = shift(in.op, in.k, regs[in.b], y)
}

func negOp(in *instr, regs []rt.Value) {
	regs[in.a] = neg(in.k, regs[in.b])
}

// eqlOp performs == or !=; false when it panicked (comparing
// uncomparable dynamic types).
func (t *Thread) eqlOp(in *instr, regs []rt.Value) bool {
	x, y := regs[in.b], regs[in.c]
	var eq bool
	if in.t.Kind == KInterface || in.t.isDeep() {
		// Interfaces holding the same uncomparable type panic
		// when the comparison reaches them.
		bad, differ := uncomparableWalk(in.t, x, y)
		if bad != nil {
			t.panicRuntime("comparing uncomparable type " + bad.String())
			return false
		}
		eq = !differ
	} else {
		eq = equal(in.t, x, y)
	}
	regs[in.a] = rt.Value{N: b2n(eq == (in.op == opEql))}
	return true
}
