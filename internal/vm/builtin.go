package vm

// Builtin functions, range iterators, and the growth of slices.

import (
	"fmt"
	"go/types"
	"math"
	"math/bits"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
	"weak"

	"github.com/goro-dev/goro/internal/rt"
)

// stringIter iterates over a string's runes.
type stringIter struct {
	s string
	i int
}

func (t *Thread) rangeOp(in *instr, regs []rt.Value) bool {
	switch in.k {
	case KString:
		regs[in.a] = rt.Value{R: &stringIter{s: str(regs[in.b])}}
	case KMap:
		mp, _ := regs[in.b].R.(*Map)
		if mp != nil {
			if !mp.mu.TryRLock() {
				t.Fatal(raceMapIterWrite)
				return false
			}
			defer mp.mu.RUnlock()
		}
		regs[in.a] = rt.Value{R: mp.iter(t.m.RT.Rand(t.gp))}
	default:
		t.Unsupported("range over " + in.t.String())
		return false
	}
	return true
}

// next yields (ok, key, value) into consecutive registers.
func (t *Thread) next(in *instr, regs []rt.Value) bool {
	a := in.a
	switch it := regs[in.b].R.(type) {
	case *stringIter:
		if it.i >= len(it.s) {
			regs[a] = rt.Value{}
			return true
		}
		r, size := utf8.DecodeRuneInString(it.s[it.i:])
		regs[a] = rt.Value{N: 1}
		regs[a+1] = rt.Value{N: uint64(it.i)}
		regs[a+2] = rt.Value{N: uint64(int64(r))}
		it.i += size
	case *mapIter:
		k, v, ok := it.next()
		if it.race {
			t.Fatal(raceMapIterWrite)
			return false
		}
		regs[a] = rt.Value{N: b2n(ok)}
		regs[a+1] = k
		regs[a+2] = v
	}
	return true
}

// builtin runs a builtin call in place; results go to regs[dst:].
func (t *Thread) builtin(ci *callInfo, regs []rt.Value, dst int32) bool {
	var buf [4]rt.Value // most builtins take few arguments: no allocation
	args := buf[:0]
	if len(ci.args) > len(buf) {
		args = make([]rt.Value, 0, len(ci.args))
	}
	for _, a := range ci.args {
		args = append(args, regs[a])
	}
	return t.builtinArgs(ci, args, regs, dst)
}

func (t *Thread) builtinArgs(ci *callInfo, args []rt.Value, regs []rt.Value, dst int32) bool {
	switch ci.builtin {
	case "len":
		regs[dst] = rt.Value{N: uint64(valueLen(args[0]))}
	case "cap":
		switch x := args[0].R.(type) {
		case []rt.Value:
			regs[dst] = rt.Value{N: uint64(cap(x))}
		case *rt.Chan:
			regs[dst] = rt.Value{N: uint64(x.Cap())}
		case *rt.Value:
			regs[dst] = rt.Value{N: uint64(len(x.R.([]rt.Value)))}
		default:
			regs[dst] = rt.Value{}
		}
	case "append":
		regs[dst] = t.appendValues(ci, args)
	case "copy":
		dstS, _ := args[0].R.([]rt.Value)
		var n int
		switch src := args[1].R.(type) {
		case string:
			n = min(len(dstS), len(src))
			for i := 0; i < n; i++ {
				dstS[i] = rt.Value{N: uint64(src[i])}
			}
		case []rt.Value:
			et := t.sliceElem(ci, 0)
			if et != nil && et.isDeep() {
				n = min(len(dstS), len(src))
				tmp := make([]rt.Value, n)
				for i := range tmp {
					tmp[i] = copyDeep(et, src[i])
				}
				copy(dstS, tmp)
			} else {
				n = copy(dstS, src)
			}
		}
		regs[dst] = rt.Value{N: uint64(n)}
	case "close":
		c, _ := args[0].R.(*rt.Chan)
		if err := t.m.RT.Closechan(t.gp, c); err != nil {
			t.PanicPlain(err.Error())
		}
	case "delete":
		mp, _ := args[0].R.(*Map)
		if mp != nil {
			if !t.lockWrite(mp) {
				return false
			}
			bad := mp.delete(args[1])
			mp.mu.Unlock()
			if bad != nil {
				t.PanicRuntime("hash of unhashable type " + bad.String())
			}
		}
	case "clear":
		switch x := args[0].R.(type) {
		case *Map:
			if !t.lockWrite(x) {
				return false
			}
			x.clear()
			x.mu.Unlock()
		case []rt.Value:
			et := t.sliceElem(ci, 0)
			for i := range x {
				x[i] = et.Zero()
			}
		}
	case "print", "println":
		t.printBuiltin(ci, args, ci.builtin == "println")
	case "real", "imag":
		c := c128(args[0])
		k := t.argType(ci, 0).Kind
		f := real(c)
		if ci.builtin == "imag" {
			f = imag(c)
		}
		if k == KComplex64 {
			regs[dst] = fval(KFloat32, f)
		} else {
			regs[dst] = fval(KFloat64, f)
		}
	case "complex":
		k := t.argType(ci, 0).Kind
		c := complex(f64(args[0]), f64(args[1]))
		if k == KFloat32 {
			regs[dst] = cval(KComplex64, c)
		} else {
			regs[dst] = cval(KComplex128, c)
		}
	case "min", "max":
		tt := t.argType(ci, 0)
		best := args[0]
		for _, a := range args[1:] {
			if tt.Kind.IsFloat() {
				x, y := f64(best), f64(a)
				if x != x || y != y {
					best = fval(KFloat64, x+y) // NaN
					continue
				}
				if ci.builtin == "min" && (y < x || (y == 0 && x == 0 && a.N>>63 == 1)) {
					best = a
				} else if ci.builtin == "max" && (y > x || (y == 0 && x == 0 && a.N>>63 == 0)) {
					best = a
				}
				continue
			}
			less := arith(opLss, tt.Kind, a, best).N == 1
			if ci.builtin == "max" {
				less = arith(opGtr, tt.Kind, a, best).N == 1
			}
			if less {
				best = a
			}
		}
		regs[dst] = best
	case "ssa:wrapnilchk":
		if isNilPointer(args[0]) {
			tn := str(args[1])
			// go/ssa spells the main package by its path
			// (command-line-arguments); gc's message says main.
			if pt := ci.argTypes[0]; pt != nil && pt.Elem != nil {
				if named, ok := types.Unalias(pt.Elem.T).(*types.Named); ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Name() == "main" {
					if rest, ok := strings.CutPrefix(tn, named.Obj().Pkg().Path()+"."); ok {
						tn = "main." + rest
					}
				}
			}
			method := str(args[2])
			t.PanicPlain(fmt.Sprintf("value method %s.%s called using nil *%s pointer", tn, method, shortTypeName(tn)))
			return false
		}
		regs[dst] = args[0]
	case "StringData":
		regs[dst] = stringData(str(args[0]))
	case "String":
		return t.unsafeString(ci, args[0], int64(args[1].N), regs, dst)
	case "SliceData":
		regs[dst] = sliceData(ci.argTypes[0], args[0])
	case "Slice":
		return t.unsafeSlice(ci, ci.argTypes[0], args[0], int64(args[1].N), regs, dst)
	case "Add":
		return t.unsafeAdd(args[0], int64(args[1].N), regs, dst)
	case "Sizeof", "Alignof":
		// Of a type parameter's instance (constant otherwise): gc's
		// sizes, as unsafe.Sizeof reports them for the type.
		T := ci.argTypes[0].T
		n := t.m.sizes.Sizeof(T)
		if ci.builtin == "Alignof" {
			n = t.m.sizes.Alignof(T)
		}
		regs[dst] = rt.Value{N: uint64(n)}
	case "recover":
		regs[dst] = t.recover()
	case "panic":
		// Deferred (`defer panic(v)`) or started (`go panic(v)`): the
		// direct call is an ssa.Panic instruction.
		t.Panic(args[0])
		return false
	case "ssa:deferstack":
		// The defer list of the calling frame: its index.
		regs[dst] = rt.Value{N: uint64(len(t.frames) - 1)}
	default:
		t.Unsupported("builtin " + ci.builtin)
		return false
	}
	return true
}

func shortTypeName(tn string) string {
	if i := strings.LastIndex(tn, "."); i >= 0 {
		return tn[i+1:]
	}
	return tn
}

func valueLen(v rt.Value) int {
	switch x := v.R.(type) {
	case string:
		return len(x)
	case []rt.Value:
		return len(x)
	case *Map:
		return x.Len()
	case *rt.Chan:
		return x.Len()
	case *rt.Value: // pointer to array
		return len(x.R.([]rt.Value))
	}
	return 0
}

// argType returns the static type of a builtin's argument i.
func (t *Thread) argType(ci *callInfo, i int) *Type { return ci.argTypes[i] }

// sliceElem returns the element type of a builtin's slice argument i.
func (t *Thread) sliceElem(ci *callInfo, i int) *Type {
	at := ci.argTypes[i]
	if at.Elem != nil {
		return at.Elem
	}
	return nil
}

// appendValues is append(s, x...) with gc's capacity growth.
func (t *Thread) appendValues(ci *callInfo, args []rt.Value) rt.Value {
	s, _ := args[0].R.([]rt.Value)
	et := t.sliceElem(ci, 0)
	var add []rt.Value
	switch x := args[1].R.(type) {
	case string:
		r := appendString(args[0], x)
		if vs, _ := r.R.([]rt.Value); cap(vs) != cap(s) {
			t.allocated(int64(cap(vs)), unsafe.Pointer(unsafe.SliceData(vs)))
		}
		return r
	case []rt.Value:
		add = x
		if et.isDeep() {
			cp := make([]rt.Value, len(x))
			for i := range x {
				cp[i] = copyDeep(et, x[i])
			}
			add = cp
		}
	}
	if len(add) == 0 {
		if s == nil {
			return args[0]
		}
		return rt.Value{R: s}
	}
	n := len(s) + len(add)
	if n <= cap(s) {
		s = s[:n]
		copy(s[n-len(add):], add)
		return rt.Value{R: s}
	}
	newcap := growCap(len(s), cap(s), n, et.Size)
	ns := make([]rt.Value, n, newcap)
	t.allocated(int64(newcap)*et.Size, unsafe.Pointer(unsafe.SliceData(ns)))
	if et.isScalar() {
		copyScalars(ns, s)
		copyScalars(ns[len(s):], add)
	} else {
		copy(ns, s)
		copy(ns[len(s):], add)
	}
	if et.isDeep() {
		tail := ns[n:newcap]
		for i := range tail {
			tail[i] = et.Zero()
		}
	}
	return rt.Value{R: ns}
}

// appendString is append(s, x...) for a []byte s: the bytes of x (a
// string or host bytes) are
// written straight into s's Values, growing it as gc grows a []byte.
func appendString[T string | []byte](s rt.Value, x T) rt.Value {
	vs, _ := s.R.([]rt.Value)
	if len(x) == 0 {
		return s
	}
	n := len(vs) + len(x)
	if n > cap(vs) {
		ns := make([]rt.Value, len(vs), growCap(len(vs), cap(vs), n, 1))
		copyScalars(ns, vs)
		vs = ns
	}
	old := len(vs)
	vs = vs[:n]
	for i := range len(x) {
		vs[old+i] = rt.Value{N: uint64(x[i])}
	}
	return rt.Value{R: vs}
}

// copyScalars copies src's words into dst, a fresh slice, for elements
// of a scalar type (isScalar: their R is always nil). A copy() of Values
// is a typed copy, which while the host GC marks runs a write barrier
// over every element; growing a large []byte spent more time in those
// than in the copy.
func copyScalars(dst, src []rt.Value) {
	src = src[:min(len(src), len(dst))]
	dst = dst[:len(src)]
	for i := range src {
		dst[i].N = src[i].N
	}
}

// maxAlloc is gc's largest allocation on linux/amd64 (1<<heapAddrBits).
const maxAlloc = 1 << 48

// allocSizeOK reports whether n elements of et make an allocation gc
// would try (its makeslice's test: no overflow, at most maxAlloc).
func allocSizeOK(et *Type, n int64) bool {
	if n < 0 {
		return false
	}
	hi, mem := bits.Mul64(uint64(et.Size), uint64(n))
	return hi == 0 && mem <= maxAlloc
}

// makesliceError is gc's makeslice's error for make([]et, n, c) ("" if
// it makes the slice): the length is blamed when it is out of range by
// itself, else the capacity.
func makesliceError(et *Type, n, c int64) string {
	switch {
	case allocSizeOK(et, c) && n >= 0 && n <= c:
		return ""
	case !allocSizeOK(et, n):
		return "makeslice: len out of range"
	}
	return "makeslice: cap out of range"
}

// hostBytes estimates what n elements of et take on the host's heap: a
// Value each, and a deep element's (struct, array) own cells.
func hostBytes(et *Type, n int64) uint64 {
	per := uint64(unsafe.Sizeof(rt.Value{}))
	if et.isDeep() {
		per += 3 * uint64(et.Size)
	}
	hi, lo := bits.Mul64(per, uint64(n))
	if hi != 0 {
		return math.MaxUint64
	}
	return lo
}

// growCap is gc's growslice capacity rule (nextslicecap, then rounding up
// to the allocator's size class).
func growCap(oldLen, oldCap, newLen int, elemSize int64) int {
	newcap := oldCap
	doublecap := newcap + newcap
	if newLen > doublecap {
		newcap = newLen
	} else {
		const threshold = 256
		if oldCap < threshold {
			newcap = doublecap
		} else {
			for {
				newcap += (newcap + 3*threshold) >> 2
				if uint(newcap) >= uint(newLen) {
					break
				}
			}
			if newcap <= 0 {
				newcap = newLen
			}
		}
	}
	if elemSize == 0 {
		return newcap
	}
	mem := roundupsize(int64(newcap) * elemSize)
	return int(mem / elemSize)
}

// sizeClasses are gc's malloc size classes (runtime/sizeclasses.go).
var sizeClasses = [...]int64{0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768}

func roundupsize(size int64) int64 {
	if size <= 32768 {
		for _, c := range sizeClasses {
			if c >= size {
				return c
			}
		}
	}
	const pageSize = 8192
	return (size + pageSize - 1) &^ (pageSize - 1)
}

// goDeferBuiltin handles `go builtin(...)` and `defer builtin(...)`.
func (t *Thread) goDeferBuiltin(in *instr, ci *callInfo, regs []rt.Value) (rt.Event, bool) {
	args := make([]rt.Value, len(ci.args))
	for i, a := range ci.args {
		args[i] = regs[a]
	}
	fn := t.m.builtinFunc(ci)
	cl := rt.Value{R: &Closure{Fn: fn}}
	if in.c == callGo {
		t.syncFrames() // the creator's stack, for GODEBUG=tracebackancestors
		t.m.RT.Newproc(t.gp, rt.FrameSite{Fn: t.frames[len(t.frames)-1].Fn, PC: t.frames[len(t.frames)-1].PC}, fn, cl, args)
	} else {
		t.gp.SetDefers(&rt.Defer{Fn: cl, Args: args, Depth: t.deferDepth(ci, regs), Link: t.gp.Defers()})
	}
	t.frames[len(t.frames)-1].PC++
	return 0, false
}

// builtinFunc wraps a builtin call as a native Func (for go and defer).
func (m *Machine) builtinFunc(ci *callInfo) *Func {
	f := &Func{m: m, name: ci.builtin, nparams: len(ci.args)}
	f.once.Do(func() {})
	f.native = func(t *Thread, args, results []rt.Value) {
		var scratch [1]rt.Value
		t.builtinArgs(ci, args, scratch[:], 0)
	}
	return f
}

// Pointers made by unsafe.StringData and unsafe.SliceData, and element
// addresses the compiler sees converted to unsafe.Pointer or handed to
// unsafe.String or Slice (an IndexAddr with a type: compiler unsafeUse),
// are ordinary pointers to an element: dereferencing, comparing and
// printing them work as in gc. madePtrs remembers, by the element's
// address, the elements around it — a string's bytes, or an array's
// elements and their type — so that unsafe.String, Slice and Add can
// reach them (log/slog keeps strings and groups so, bytes.Buffer-like code
// builds strings so, `unsafe.String(&b[0], len(b))` is the common
// zero-copy conversion). An entry goes when its element is collected (a
// CellTable). unsafe.String, Slice and Add of any other pointer, or
// beyond the elements or as another element type than the record has,
// are reported as unsupported: goro never reads past what it allocated,
// nor reinterprets its cells as another type.
var madePtrs CellTable[madeRec]

type madeRec struct {
	n      int   // elements from the pointer on
	before int   // elements before it (arrays: unsafe.Add backwards)
	elem   *Type // their type (nil: a string's bytes)
	s      string
	isStr  bool // the bytes of s (StringData)
}

// remember records rec for the pointer p and returns it as a Value.
func remember(p *rt.Value, rec madeRec) rt.Value {
	madePtrs.Store(p, rec)
	return rt.Value{R: p}
}

// rememberElem records the elements around elems[i], of type elem, unless
// a record of at least as many is there: a recorded cell keeps one entry
// (and one cleanup) however often its address is taken.
func rememberElem(elems []rt.Value, i int, elem *Type) *rt.Value {
	p := &elems[i]
	if rec, ok := madePtrs.Load(p); ok && !rec.isStr && rec.elem == elem && rec.n >= len(elems)-i && rec.before >= i {
		return p
	}
	madePtrs.Store(p, madeRec{n: len(elems) - i, before: i, elem: elem})
	return p
}

// recall returns what remember recorded for p.
func recall(p rt.Value) (madeRec, *rt.Value, bool) {
	ptr, _ := p.R.(*rt.Value)
	if ptr == nil {
		return madeRec{}, nil, false
	}
	rec, ok := madePtrs.Load(ptr)
	return rec, ptr, ok
}

// stringData is unsafe.StringData(s): a cell holding s's first byte, one
// per address of the host string's bytes (strCells) while it lives, so
// that StringData of one string, or of strings sharing their bytes' start,
// and the data word of its header (view.go), are one pointer.
func stringData(s string) rt.Value {
	if s == "" {
		return rt.Value{}
	}
	addr := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	if w, ok := strCells.Load(addr); ok {
		if p := w.(weak.Pointer[rt.Value]).Value(); p != nil {
			if rec, ok := madePtrs.Load(p); ok && rec.isStr {
				if len(rec.s) < len(s) {
					madePtrs.Store(p, madeRec{n: len(s), s: s, isStr: true})
				}
				return rt.Value{R: p}
			}
		}
	}
	p := &rt.Value{N: uint64(s[0])}
	w := weak.Make(p)
	strCells.Store(addr, w)
	runtime.AddCleanup(p, func(addr uintptr) { strCells.CompareAndDelete(addr, w) }, addr)
	return remember(p, madeRec{n: len(s), s: s, isStr: true})
}

// strCells maps the address of a string's bytes to the cell stringData
// made for it (weakly; the cell's record keeps the string, and so the
// address, alive as long as the cell lives).
var strCells sync.Map // uintptr → weak.Pointer[rt.Value]

// SliceData is unsafe.SliceData(s) for s of slice type st.
func SliceData(st *Type, s rt.Value) rt.Value { return sliceData(st, s) }

// sliceData is unsafe.SliceData(s) for s of slice type st.
func sliceData(st *Type, s rt.Value) rt.Value {
	vs, _ := s.R.([]rt.Value)
	switch {
	case vs == nil:
		return rt.Value{}
	case cap(vs) == 0:
		return rt.Value{R: new(rt.Value)} // non-nil, as gc's zerobase
	}
	return rt.Value{R: rememberElem(vs[:cap(vs)], 0, st.Elem)}
}

// unsafeAdd is unsafe.Add(p, k): within the elements p's record covers
// (an element boundary), or on an address made from an integer.
func (t *Thread) unsafeAdd(p rt.Value, k int64, regs []rt.Value, dst int32) bool {
	if k == 0 {
		regs[dst] = p
		return true
	}
	if a, ok := p.R.(RawAddr); ok {
		regs[dst] = rt.Value{R: RawAddr(uintptr(a) + uintptr(k))}
		return true
	}
	rec, ptr, ok := recall(p)
	if ok {
		size := int64(1) // a string's bytes
		if !rec.isStr {
			size = t.m.sizes.Sizeof(rec.elem.T)
		}
		if j := k / max(size, 1); size > 0 && k%size == 0 && j >= -int64(rec.before) && j < int64(rec.n) {
			if rec.isStr {
				regs[dst] = stringData(rec.s[j:])
			} else {
				first := (*rt.Value)(unsafe.Add(unsafe.Pointer(ptr), -rec.before*int(unsafe.Sizeof(rt.Value{}))))
				regs[dst] = rt.Value{R: rememberElem(unsafe.Slice(first, rec.before+rec.n), rec.before+int(j), rec.elem)}
			}
			return true
		}
	}
	t.Unsupported("unsafe.Add past the elements of the array, slice or string the pointer was taken from, or off an element's start (goro's pointers are cells, not addresses)")
	return false
}

// unsafeRange applies gc's checks of unsafe.String's and unsafe.Slice's
// arguments (p, n elements of size bytes): n is not negative, size*n
// does not overflow, [p, p+size*n) does not wrap the address space.
func (t *Thread) unsafeRange(what string, p rt.Value, n, size int64) bool {
	nilp := p.R == nil || isNilPointer(p)
	overflow, mem := bits.Mul64(uint64(size), uint64(n))
	switch {
	case n < 0:
		t.panicRuntime("unsafe." + what + ": len out of range")
		return false
	case size == 0 && nilp && n > 0, (overflow != 0 || mem > -uint64(HostAddr(p.R))) && nilp:
		t.panicRuntime("unsafe." + what + ": ptr is nil and len is not zero")
		return false
	case overflow != 0 || mem > -uint64(HostAddr(p.R)):
		t.panicRuntime("unsafe." + what + ": len out of range")
		return false
	}
	return true
}

// unsafeString is unsafe.String(p, n).
func (t *Thread) unsafeString(ci *callInfo, p rt.Value, n int64, regs []rt.Value, dst int32) bool {
	switch {
	case !t.unsafeRange("String", p, n, 1):
		return false
	case n == 0:
		regs[dst] = rt.Value{}
		return true
	case ci.unused:
		return true // only its checks
	}
	rec, ptr, ok := recall(p)
	if !ok || n > int64(rec.n) || !rec.isStr && rec.elem.Kind != KUint8 {
		t.Unsupported("unsafe.String of a pointer that is no byte array's or slice's element or string's data, or past their end (goro does not reinterpret its cells as bytes)")
		return false
	}
	if rec.isStr {
		regs[dst] = rt.Value{R: rec.s[:n]}
	} else {
		regs[dst] = rt.Value{R: string(ValuesToBytes(rt.Value{R: unsafe.Slice(ptr, n)}))}
	}
	return true
}

// UnsafeSlice is unsafe.Slice(p, n) for p of pointer type pt (reflect's
// SliceAt); false when it panicked or is unsupported.
func (t *Thread) UnsafeSlice(pt *Type, p rt.Value, n int64) (rt.Value, bool) {
	var out [1]rt.Value
	ok := t.unsafeSlice(&callInfo{}, pt, p, n, out[:], 0)
	return out[0], ok
}

// unsafeSlice is unsafe.Slice(p, n) for p of pointer type pt.
func (t *Thread) unsafeSlice(ci *callInfo, pt *Type, p rt.Value, n int64, regs []rt.Value, dst int32) bool {
	switch {
	case !t.unsafeRange("Slice", p, n, t.m.sizes.Sizeof(pt.Elem.T)):
		return false
	case p.R == nil || isNilPointer(p):
		regs[dst] = rt.Value{}
		return true
	case n == 0:
		regs[dst] = rt.Value{R: []rt.Value{}}
		return true
	case ci.unused:
		return true // only its checks
	}
	rec, ptr, ok := recall(p)
	if !ok || n > int64(rec.n) || !rec.isStr && !types.Identical(rec.elem.T.Underlying(), pt.Elem.T.Underlying()) || rec.isStr && pt.Elem.Kind != KUint8 {
		t.Unsupported("unsafe.Slice of a pointer that is no array's or slice's element or string's data, past their end or as another element type (goro does not reinterpret its cells)")
		return false
	}
	if rec.isStr {
		regs[dst] = rt.Value{R: bytesToValues([]byte(rec.s[:n]))} // strings are immutable: a copy reads the same
	} else {
		regs[dst] = rt.Value{R: unsafe.Slice(ptr, rec.n)[:n:n]}
	}
	return true
}
