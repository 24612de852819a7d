package vm

// Runtime type descriptors.
//
// Every go/types type the program uses at run time (for interfaces, type
// assertions, zero values, equality, map keys, printing) gets one *Type,
// canonical up to types.Identical, so that dynamic type identity is pointer
// identity.

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"golang.org/x/tools/go/ssa"

	"github.com/goro-dev/goro/internal/rt"
)

// Kind is the shape of a type's values.
type Kind uint8

const (
	KInvalid Kind = iota
	KBool
	KInt
	KInt8
	KInt16
	KInt32
	KInt64
	KUint
	KUint8
	KUint16
	KUint32
	KUint64
	KUintptr
	KFloat32
	KFloat64
	KComplex64
	KComplex128
	KString
	KUnsafePointer
	KPointer
	KSlice
	KArray
	KStruct
	KMap
	KChan
	KFunc
	KInterface
	KTuple
)

// Type is a runtime type descriptor.
type Type struct {
	T      types.Type
	Kind   Kind
	Elem   *Type   // pointer, slice, array, chan, map value
	Key    *Type   // map key
	Fields []*Type // struct fields
	blank  []bool  // struct fields named _ (ignored by ==)
	Len    int     // array length
	Size   int64   // gc's size in bytes (for append growth)
	str    string

	m  *Machine
	mu sync.Mutex
	// methods: name → method implementation (lazily resolved).
	methods map[string]*Func
	// implements: cache of interface satisfaction.
	impl sync.Map // *Type (an interface) → bool
	zero rt.Value
	// hasZero: zero was computed (structs and arrays build a []Value).
	hasZero bool
}

// String returns the type as gc's %T and panics print it.
func (t *Type) String() string { return t.str }

// typeOf returns the canonical descriptor of T.
func (m *Machine) typeOf(T types.Type) *Type {
	m.typesMu.Lock()
	defer m.typesMu.Unlock()
	return m.typeOfLocked(T)
}

func (m *Machine) typeOfLocked(T types.Type) *Type {
	if t, ok := m.types.At(T).(*Type); ok {
		return t
	}
	t := &Type{T: T, m: m}
	m.types.Set(T, t)
	t.str = m.typeString(T)
	t.Size = m.sizeof(T)
	switch u := T.Underlying().(type) {
	case *types.Basic:
		t.Kind = basicKind(u)
	case *types.Pointer:
		t.Kind = KPointer
		t.Elem = m.typeOfLocked(u.Elem())
	case *types.Slice:
		t.Kind = KSlice
		t.Elem = m.typeOfLocked(u.Elem())
	case *types.Array:
		t.Kind = KArray
		t.Elem = m.typeOfLocked(u.Elem())
		t.Len = int(u.Len())
	case *types.Struct:
		t.Kind = KStruct
		for i := 0; i < u.NumFields(); i++ {
			t.Fields = append(t.Fields, m.typeOfLocked(u.Field(i).Type()))
			t.blank = append(t.blank, u.Field(i).Name() == "_")
		}
	case *types.Map:
		t.Kind = KMap
		t.Key = m.typeOfLocked(u.Key())
		t.Elem = m.typeOfLocked(u.Elem())
	case *types.Chan:
		t.Kind = KChan
		t.Elem = m.typeOfLocked(u.Elem())
	case *types.Signature:
		t.Kind = KFunc
	case *types.Interface:
		t.Kind = KInterface
	case *types.Tuple:
		t.Kind = KTuple
	default:
		t.Kind = KInvalid
	}
	return t
}

func basicKind(b *types.Basic) Kind {
	switch b.Kind() {
	case types.Bool, types.UntypedBool:
		return KBool
	case types.Int, types.UntypedInt:
		return KInt
	case types.Int8:
		return KInt8
	case types.Int16:
		return KInt16
	case types.Int32, types.UntypedRune:
		return KInt32
	case types.Int64:
		return KInt64
	case types.Uint:
		return KUint
	case types.Uint8:
		return KUint8
	case types.Uint16:
		return KUint16
	case types.Uint32:
		return KUint32
	case types.Uint64:
		return KUint64
	case types.Uintptr:
		return KUintptr
	case types.Float32:
		return KFloat32
	case types.Float64, types.UntypedFloat:
		return KFloat64
	case types.Complex64:
		return KComplex64
	case types.Complex128, types.UntypedComplex:
		return KComplex128
	case types.String, types.UntypedString:
		return KString
	case types.UnsafePointer:
		return KUnsafePointer
	case types.UntypedNil:
		return KPointer
	}
	return KInvalid
}

// Zero returns the zero value of t. Struct and array zeros are fresh
// []Values; callers that store them may keep them.
func (t *Type) Zero() rt.Value {
	switch t.Kind {
	case KStruct:
		v, fs := newAggregate(len(t.Fields))
		for i, f := range t.Fields {
			fs[i] = f.Zero()
		}
		return v
	case KArray:
		if t.m != nil && !t.m.RT.AllocFits(hostBytes(t.Elem, int64(t.Len))) {
			if t.Elem.Size == 0 {
				panic(zeroSizeAlloc(t.Elem, int64(t.Len)))
			}
			panic(errOutOfMemory) // Execute ends the program with gc's fatal error
		}
		es := make([]rt.Value, t.Len)
		if t.Elem.Kind == KStruct || t.Elem.Kind == KArray {
			for i := range es {
				es[i] = t.Elem.Zero()
			}
		}
		return rt.Value{R: es}
	}
	return rt.Value{}
}

// isScalar reports whether values of t are held in N alone (R is nil).
func (t *Type) isScalar() bool {
	return t != nil && (t.Kind == KBool || t.Kind.IsInteger() || t.Kind.IsFloat())
}

// isDeep reports whether values of t are []Values copied on load and store.
func (t *Type) isDeep() bool { return t.Kind == KStruct || t.Kind == KArray }

// IsSigned reports whether t is a signed integer kind.
func (k Kind) IsSigned() bool { return k >= KInt && k <= KInt64 }

// IsUnsigned reports whether t is an unsigned integer kind.
func (k Kind) IsUnsigned() bool { return k >= KUint && k <= KUintptr }

// IsInteger reports whether k is an integer kind.
func (k Kind) IsInteger() bool { return k >= KInt && k <= KUintptr }

// is64 reports whether k is an integer kind of 64 bits, whose words need
// no narrowing after arithmetic.
func (k Kind) is64() bool {
	return k == KInt || k == KInt64 || k == KUint || k == KUint64 || k == KUintptr
}

// IsFloat reports whether k is a float kind.
func (k Kind) IsFloat() bool { return k == KFloat32 || k == KFloat64 }

// IsComplex reports whether k is a complex kind.
func (k Kind) IsComplex() bool { return k == KComplex64 || k == KComplex128 }

// copyDeep returns a copy of v of type t that shares no []Value with it.
func copyDeep(t *Type, v rt.Value) rt.Value {
	switch t.Kind {
	case KStruct:
		src, _ := v.R.([]rt.Value)
		if src == nil {
			return t.Zero()
		}
		v, dst := newAggregate(len(src))
		for i, f := range t.Fields {
			if f.isDeep() {
				dst[i] = copyDeep(f, src[i])
			} else {
				dst[i] = src[i]
			}
		}
		return v
	case KArray:
		src, _ := v.R.([]rt.Value)
		if src == nil {
			return t.Zero()
		}
		v, dst := newAggregate(len(src))
		if t.Elem.isDeep() {
			for i := range src {
				dst[i] = copyDeep(t.Elem, src[i])
			}
		} else {
			copy(dst, src)
		}
		return v
	}
	return v
}

// storeDeep stores v into the cell p of type t, in place for structs and
// arrays so that pointers to their parts see the new value.
func storeDeep(t *Type, p *rt.Value, v rt.Value) {
	switch t.Kind {
	case KStruct, KArray:
		dst, _ := p.R.([]rt.Value)
		src, _ := v.R.([]rt.Value)
		if dst == nil {
			*p = copyDeep(t, v)
			return
		}
		var et *Type
		for i := range dst {
			if t.Kind == KStruct {
				et = t.Fields[i]
			} else {
				et = t.Elem
			}
			var sv rt.Value
			if src != nil {
				sv = src[i]
			} else {
				sv = et.Zero()
			}
			if et.isDeep() {
				storeDeep(et, &dst[i], sv)
			} else {
				dst[i] = sv
			}
		}
		return
	}
	*p = v
}

// method returns the implementation of method name for values of
// dynamic type t, or nil.
func (t *Type) method(name string) *Func {
	t.mu.Lock()
	if f, ok := t.methods[name]; ok {
		t.mu.Unlock()
		return f
	}
	t.mu.Unlock()
	fn := t.m.src.method(t, name)
	t.mu.Lock()
	if t.methods == nil {
		t.methods = map[string]*Func{}
	}
	t.methods[name] = fn
	t.mu.Unlock()
	return fn
}

// implements reports whether values of dynamic type t satisfy interface it.
func (t *Type) implements(it *Type) bool {
	// Read on every type switch and assertion to an interface, from any M:
	// a lock-free map.
	if ok, found := t.impl.Load(it); found {
		return ok.(bool)
	}
	ok := types.Implements(t.T, it.T.Underlying().(*types.Interface))
	t.impl.Store(it, ok)
	return ok
}

// sizeof is gc's size of T in bytes (8 for what has no size of its own:
// untyped constants, tuples).
func (m *Machine) sizeof(T types.Type) int64 {
	switch u := T.Underlying().(type) {
	case *types.Basic:
		if u.Info()&types.IsUntyped != 0 {
			return 8
		}
	case *types.Tuple:
		return 8
	}
	return m.sizes.Sizeof(T)
}

// typeString writes T as gc's reflect does: package names (not paths),
// "interface {}", "struct { A int }".
func (m *Machine) typeString(T types.Type) string {
	var b strings.Builder
	typeWriter{b: &b, m: m}.write(T)
	return b.String()
}

// instanceArgs is "[A,B]" for an instance of a generic type with type
// arguments A and B ("" for another type), as gc names them; a local type
// of a generic function's instance F[X,Y] has F's first: "[X,Y]",
// "[X,Y;A,B]" (localNames).
func (m *Machine) instanceArgs(t *types.Named) string {
	ta := t.TypeArgs()
	fa := m.locals.funcArgs(t.Obj())
	if ta.Len() == 0 && len(fa) == 0 {
		return ""
	}
	var b strings.Builder
	w := typeWriter{b: &b, m: m, args: true}
	b.WriteByte('[')
	for i, a := range fa {
		if i > 0 {
			b.WriteByte(',')
		}
		w.write(a)
	}
	if len(fa) > 0 && ta.Len() > 0 {
		b.WriteByte(';')
	}
	for i := 0; i < ta.Len(); i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		w.write(ta.At(i))
	}
	b.WriteByte(']')
	return b.String()
}

// localNames holds what gc's names of local types (declared in a
// function) need beyond go/types': go/ssa gives each instance of a
// generic function fresh copies of its local types, with only their own
// type arguments, where gc names them with the instance's first
// (main.T[int;string], main.L[int]); and inside type arguments gc follows
// a local type's name with its vargen, the place of its declaration among
// the local types of its package, in source order (main.P[main.L·4]).
type localNames struct {
	args  sync.Map // *types.TypeName of go/ssa's copy → the instance's []types.Type
	decls sync.Map // *types.Package → []token.Pos of its local type declarations, in order
}

// funcArgs returns the type arguments of the generic function instance
// whose local type obj is (go/ssa's copy), or nil.
func (l *localNames) funcArgs(obj *types.TypeName) []types.Type {
	if l == nil || obj.Parent() != nil {
		return nil
	}
	a, _ := l.args.Load(obj)
	ta, _ := a.([]types.Type)
	return ta
}

// note records the instance sf's type arguments for the copies of its
// local types that its code uses (before they are named: compiler.run).
func (l *localNames) note(sf *ssa.Function) {
	targs := sf.TypeArgs()
	src := sf
	if o := sf.Origin(); o != nil {
		src = o
	}
	if len(targs) == 0 || src.Syntax() == nil {
		return
	}
	lo, hi := src.Syntax().Pos(), src.Syntax().End()
	seen := map[types.Type]bool{}
	var walk func(T types.Type)
	walk = func(T types.Type) {
		if T == nil || seen[T] {
			return
		}
		seen[T] = true
		switch t := T.(type) {
		case *types.Named:
			if o := t.Obj(); o.Parent() == nil && o.Pkg() != nil && o.Pos() >= lo && o.Pos() < hi {
				l.args.LoadOrStore(o, targs)
			}
			for i := 0; i < t.TypeArgs().Len(); i++ {
				walk(t.TypeArgs().At(i))
			}
		case *types.Pointer:
			walk(t.Elem())
		case *types.Slice:
			walk(t.Elem())
		case *types.Array:
			walk(t.Elem())
		case *types.Chan:
			walk(t.Elem())
		case *types.Map:
			walk(t.Key())
			walk(t.Elem())
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				walk(t.Field(i).Type())
			}
		case *types.Tuple:
			for i := 0; i < t.Len(); i++ {
				walk(t.At(i).Type())
			}
		case *types.Signature:
			walk(t.Params())
			walk(t.Results())
		}
	}
	var ops []*ssa.Value
	for _, b := range sf.Blocks {
		for _, in := range b.Instrs {
			if v, ok := in.(ssa.Value); ok {
				walk(v.Type())
			}
			for _, op := range in.Operands(ops[:0]) {
				if *op != nil {
					walk((*op).Type())
				}
			}
		}
	}
}

// vargen is gc's number of local type obj (0 for another type): the place
// of its declaration among its package's local types, from 1.
func (l *localNames) vargen(obj *types.TypeName) int {
	pkg := obj.Pkg()
	if l == nil || pkg == nil || !obj.Pos().IsValid() || obj.IsAlias() {
		return 0
	}
	switch p := obj.Parent(); {
	case p == pkg.Scope() || p == types.Universe:
		return 0
	case p == nil && l.funcArgs(obj) == nil:
		return 0 // not a local type's copy (one the cache rebuilt)
	}
	d, ok := l.decls.Load(pkg)
	if !ok {
		var pos []token.Pos
		var walk func(s *types.Scope)
		walk = func(s *types.Scope) {
			for _, name := range s.Names() {
				if tn, ok := s.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
					if _, tp := tn.Type().(*types.TypeParam); !tp {
						pos = append(pos, tn.Pos())
					}
				}
			}
			for i := 0; i < s.NumChildren(); i++ {
				walk(s.Child(i))
			}
		}
		for i := 0; i < pkg.Scope().NumChildren(); i++ {
			walk(pkg.Scope().Child(i))
		}
		slices.Sort(pos)
		d, _ = l.decls.LoadOrStore(pkg, pos)
	}
	pos := d.([]token.Pos)
	if i, found := slices.BinarySearch(pos, obj.Pos()); found {
		return i + 1
	}
	return 0
}

// typeWriter writes types as gc's reflect names them. Inside an
// instantiation's type arguments, a named type's package is written as its
// path (main.Box[net/url.URL], as gc's linker names instantiations), except
// the main package's ("main"), and a local type is followed by its
// vargen.
type typeWriter struct {
	b    *strings.Builder
	m    *Machine
	args bool // inside type arguments
}

func (w typeWriter) write(T types.Type) {
	b := w.b
	switch t := T.(type) {
	case *types.Alias:
		w.write(types.Unalias(t))
	case *types.Named:
		obj := t.Obj()
		if pkg := obj.Pkg(); pkg != nil {
			if w.args && pkg.Name() != "main" {
				b.WriteString(pkg.Path())
			} else {
				b.WriteString(pkg.Name())
			}
			b.WriteByte('.')
		}
		b.WriteString(obj.Name())
		b.WriteString(w.m.instanceArgs(t))
		if w.args {
			if n := w.m.locals.vargen(obj); n > 0 {
				fmt.Fprintf(b, "·%d", n)
			}
		}
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			b.WriteString("unsafe.Pointer")
			return
		}
		b.WriteString(types.Typ[t.Kind()].Name()) // byte and rune print as uint8 and int32
	case *types.Pointer:
		b.WriteByte('*')
		w.write(t.Elem())
	case *types.Slice:
		b.WriteString("[]")
		w.write(t.Elem())
	case *types.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		w.write(t.Elem())
	case *types.Map:
		b.WriteString("map[")
		w.write(t.Key())
		b.WriteByte(']')
		w.write(t.Elem())
	case *types.Chan:
		switch t.Dir() {
		case types.SendRecv:
			b.WriteString("chan ")
		case types.SendOnly:
			b.WriteString("chan<- ")
		case types.RecvOnly:
			b.WriteString("<-chan ")
		}
		w.write(t.Elem())
	case *types.Signature:
		b.WriteString("func")
		w.signature(t)
	case *types.Struct:
		if t.NumFields() == 0 {
			b.WriteString("struct {}")
			return
		}
		b.WriteString("struct {")
		for i := 0; i < t.NumFields(); i++ {
			if i > 0 {
				b.WriteByte(';')
			}
			b.WriteByte(' ')
			f := t.Field(i)
			if !f.Embedded() {
				b.WriteString(f.Name())
				b.WriteByte(' ')
			}
			w.write(f.Type())
			if tag := t.Tag(i); tag != "" {
				b.WriteByte(' ')
				b.WriteString(strconv.Quote(tag))
			}
		}
		b.WriteString(" }")
	case *types.Interface:
		if t.NumMethods() == 0 {
			b.WriteString("interface {}")
			return
		}
		b.WriteString("interface {")
		for i := 0; i < t.NumMethods(); i++ {
			if i > 0 {
				b.WriteByte(';')
			}
			b.WriteByte(' ')
			m := t.Method(i)
			b.WriteString(m.Name())
			w.signature(m.Type().(*types.Signature))
		}
		b.WriteString(" }")
	case *types.Tuple:
		b.WriteByte('(')
		for i := 0; i < t.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			w.write(t.At(i).Type())
		}
		b.WriteByte(')')
	default:
		b.WriteString(T.String())
	}
}

func (w typeWriter) signature(sig *types.Signature) {
	b := w.b
	b.WriteByte('(')
	ps := sig.Params()
	for i := 0; i < ps.Len(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		if sig.Variadic() && i == ps.Len()-1 {
			b.WriteString("...")
			w.write(ps.At(i).Type().(*types.Slice).Elem())
			continue
		}
		w.write(ps.At(i).Type())
	}
	b.WriteByte(')')
	rs := sig.Results()
	switch rs.Len() {
	case 0:
	case 1:
		b.WriteByte(' ')
		w.write(rs.At(0).Type())
	default:
		b.WriteByte(' ')
		w.write(rs)
	}
}

// newAggregate returns the Value of a struct or array of n words and its
// words, made in one host allocation when n is small: the words and the
// slice header the Value's interface word points to, side by side (agg).
// A []rt.Value boxed in an interface is otherwise two allocations, the
// backing array and a copy of the header (runtime.convTslice), and a
// struct value made by a method (a literal, a copy) paid both: the
// header's allocation was a third of particles' mallocs. The interface is
// made as the runtime makes one — its type word []rt.Value's, its data
// word a pointer to a header no one writes again — so the host GC, type
// assertions and reflect see an ordinary boxed slice; the data word
// points into the allocation, which keeps it whole alive.
func newAggregate(n int) (rt.Value, []rt.Value) {
	if n <= 0 || n >= len(aggs) {
		ws := make([]rt.Value, n)
		return rt.Value{R: ws}, ws
	}
	hdr := aggs[n](n)
	var v rt.Value
	e := (*eface)(unsafe.Pointer(&v.R))
	e.typ, e.data = valuesType, unsafe.Pointer(hdr)
	return v, *hdr
}

// aggs[n] makes an aggregate of n words.
var aggs = [...]func(int) *[]rt.Value{nil, agg[[1]rt.Value], agg[[2]rt.Value], agg[[3]rt.Value],
	agg[[4]rt.Value], agg[[5]rt.Value], agg[[6]rt.Value], agg[[7]rt.Value], agg[[8]rt.Value]}

// agg makes an aggregate of n words (A is [n]rt.Value) and its header.
func agg[A any](n int) *[]rt.Value {
	p := new(struct {
		hdr []rt.Value
		ws  A
	})
	p.hdr = unsafe.Slice((*rt.Value)(unsafe.Pointer(&p.ws)), n)
	return &p.hdr
}

// eface is the layout of an interface value (runtime/runtime2.go).
type eface struct {
	typ, data unsafe.Pointer
}

// valuesType is the type word of a []rt.Value in an interface.
var valuesType = func() unsafe.Pointer {
	var x any = []rt.Value(nil)
	return (*eface)(unsafe.Pointer(&x)).typ
}()
