package lib

// package reflect: native, over goro's value representation (see
// internal/vm's package doc). reflect's source is type-checked without
// bodies and its initializer does not run: every function and method the
// program (fmt, internal/fmtsort, errors through reflectlite) reaches is a
// native registered here.
//
// Representation:
//
//   - reflect.Type is an interface whose dynamic value is a *reflect.rtype:
//     vm.Iface{T: <*vm.Type of *reflect.rtype>, V: rt.Value{R: cell}}, where
//     cell is a *rt.Value canonical per *vm.Type (reflectState.cells) and
//     cell.R holds the *vm.Type. Type values therefore compare equal with ==
//     exactly when the types are identical. internal/reflectlite's rtype
//     (struct{*abi.Type}) holds the same cell in its field 0.
//   - reflect.Value (and reflectlite.Value) is the struct {typ_, ptr, flag}
//     held as three rt.Values: field 0's R is the *vm.Type (nil = the zero,
//     invalid Value); field 1 is the value itself (an rt.Value copied whole),
//     used when the Value is not addressable; field 2's N holds the flag
//     bits (flagRO: obtained through an unexported field; flagAddr:
//     addressable) and, for addressable values, its R holds the *rt.Value
//     cell the value lives in (a variable, a struct field, a slice or array
//     element): reads go through the cell, so the Value sees later stores,
//     and Set/SetInt/... store into it (structs and arrays in place, with
//     vm.StoreDeep). Interface() of an addressable struct or array copies it.
//   - *reflect.MapIter is a cell holding the struct {m Value; hiter}: hiter's
//     R holds the iteration state (a snapshot of the map's entries).
//   - Addresses (Value.Pointer, UnsafePointer, fmt's %p and %v of pointers):
//     the host address of the object a reference designates — the *rt.Value
//     cell of a pointer, the first element of a slice's []rt.Value, the
//     *vm.Map, *rt.Chan or *vm.Closure (vm.HostAddr). The host heap does not
//     move, so addresses are stable while the object lives, distinct between
//     live objects and look like gc's (0xc000...). UnsafePointer of a map,
//     chan or func returns that address as an unsafe.Pointer whose *rt.Value
//     aliases the host object: good for printing and comparing, not for
//     dereferencing.
//     Value.Pointer of a reflect.Type's *rtype is instead a fake read-only
//     data address in order of the type's first reflection, so that
//     fmtsort's ordering of interface map keys by type is reproducible (gc
//     orders them by its linker's layout, which goro cannot reproduce).
//   - Panics: reflect's *reflect.ValueError values ("reflect: call of
//     reflect.Value.Int on string Value"), and reflect's string panics as Go
//     string panics.

import (
	"go/token"
	"go/types"
	"math"
	hostreflect "reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

const (
	flagStickyRO = 1 << 0 // obtained through an unexported non-embedded field
	flagAddr     = 1 << 1
	flagEmbedRO  = 1 << 2 // obtained through an unexported embedded field
	flagRO       = flagStickyRO | flagEmbedRO
)

// ro is the read-only flag values derived from a read-only value carry
// (reflect's flag.ro).
func ro(f uint64) uint64 {
	if f&flagRO != 0 {
		return flagStickyRO
	}
	return 0
}

type reflectKey struct{}

type reflectState struct {
	m     *vm.Machine
	mu    sync.Mutex
	cells map[*vm.Type]*rt.Value

	once          sync.Once // the reflect package's types
	liteOnce      sync.Once // reflectlite's rtype alone (errors' init needs it)
	ptrRtype      *vm.Type  // *reflect.rtype
	valueT        *vm.Type  // reflect.Value
	valueErrPtr   *vm.Type  // *reflect.ValueError
	structFieldT  *vm.Type  // reflect.StructField
	methodT       *vm.Type  // reflect.Method
	mapIterPtr    *vm.Type  // *reflect.MapIter
	stringT       *vm.Type
	pkgs          map[string]*types.Package // StructOf's, by path (mu)
	liteRtype     *vm.Type                  // internal/reflectlite.rtype
	liteValueErrP *vm.Type                  // *internal/reflectlite.ValueError
	sizes         types.Sizes
}

func reflectOf(m *vm.Machine) *reflectState {
	st := reflectStateOf(m)
	st.once.Do(func() {
		ptr := func(t *vm.Type) *vm.Type {
			if t == nil {
				return nil
			}
			return m.TypeOf(types.NewPointer(t.T))
		}
		st.ptrRtype = ptr(m.LookupType("reflect", "rtype"))
		st.valueT = m.LookupType("reflect", "Value")
		st.valueErrPtr = ptr(m.LookupType("reflect", "ValueError"))
		st.structFieldT = m.LookupType("reflect", "StructField")
		st.methodT = m.LookupType("reflect", "Method")
		st.mapIterPtr = ptr(m.LookupType("reflect", "MapIter"))
		st.stringT = m.TypeOf(types.Typ[types.String])
		st.liteValueErrP = ptr(m.LookupType("internal/reflectlite", "ValueError"))
		st.sizes = types.SizesFor("gc", "amd64")
	})
	return st
}

func reflectStateOf(m *vm.Machine) *reflectState {
	s, _ := m.LibState.LoadOrStore(reflectKey{}, &reflectState{m: m, cells: map[*vm.Type]*rt.Value{}})
	return s.(*reflectState)
}

// reflectLiteOf is reflectOf for reflectlite.TypeOf, which every program
// calls (errors' initializer): the reflect package's types (looked up at
// first use) are not needed for it.
func reflectLiteOf(m *vm.Machine) *reflectState {
	st := reflectStateOf(m)
	st.liteOnce.Do(func() { st.liteRtype = m.LookupType("internal/reflectlite", "rtype") })
	return st
}

// cell returns the canonical cell of ty.
func (s *reflectState) cell(ty *vm.Type) *rt.Value {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.cells[ty]
	if c == nil {
		c = &rt.Value{N: uint64(len(s.cells) + 1), R: ty}
		s.cells[ty] = c
	}
	return c
}

// typeValue returns the reflect.Type of ty (nil interface for nil).
func typeValue(m *vm.Machine, ty *vm.Type) rt.Value {
	if ty == nil {
		return rt.Value{}
	}
	s := reflectOf(m)
	return rt.Value{R: vm.Iface{T: s.ptrRtype, V: rt.Value{R: s.cell(ty)}}}
}

// typeFrom reads the *vm.Type of a reflect.Type interface value (nil for a
// nil interface).
func typeFrom(v rt.Value) *vm.Type {
	iv, ok := v.R.(vm.Iface)
	if !ok {
		return nil
	}
	return typeOfCell(iv.V)
}

// typeOfCell reads the *vm.Type of a *rtype (a cell) or an rtype struct.
func typeOfCell(v rt.Value) *vm.Type {
	switch x := v.R.(type) {
	case *rt.Value:
		if x == nil {
			return nil
		}
		ty, _ := x.R.(*vm.Type)
		return ty
	case []rt.Value:
		if len(x) == 0 {
			return nil
		}
		return typeOfCell(x[0])
	case *vm.Type:
		return x
	}
	return nil
}

// rv is an unpacked reflect.Value.
type rv struct {
	t    *vm.Type
	v    rt.Value
	flag uint64
	cell *rt.Value
}

func unpack(x rt.Value) rv {
	fs, _ := x.R.([]rt.Value)
	if len(fs) < 3 {
		return rv{}
	}
	t, _ := fs[0].R.(*vm.Type)
	cell, _ := fs[2].R.(*rt.Value)
	return rv{t: t, v: fs[1], flag: fs[2].N, cell: cell}
}

func (r rv) pack() rt.Value {
	if r.t == nil {
		return rt.Value{R: []rt.Value{{}, {}, {}}}
	}
	if r.cell != nil {
		return rt.Value{R: []rt.Value{{R: r.t}, {}, {N: r.flag | flagAddr, R: r.cell}}}
	}
	return rt.Value{R: []rt.Value{{R: r.t}, r.v, {N: r.flag &^ flagAddr}}}
}

// get returns the value (shared, not copied).
func (r rv) get() rt.Value {
	if r.cell != nil {
		return *r.cell
	}
	return r.v
}

// copied returns the value, a struct or array copied: what it returns
// may go into memory, which a register's value (shared: registers are
// never written in place) must not be.
func (r rv) copied() rt.Value {
	if r.t == nil {
		return r.get()
	}
	return vm.CopyDeep(r.t, r.get())
}

func (r rv) kind() int {
	if r.t == nil {
		return 0
	}
	return reflectKind(r.t)
}

func valueOfIface(v rt.Value) rv {
	iv, ok := v.R.(vm.Iface)
	if !ok {
		return rv{}
	}
	return rv{t: iv.T, v: iv.V}
}

// iface returns r as an interface value (an any).
func (r rv) iface() rt.Value {
	if r.t.Kind == vm.KInterface {
		v := r.get()
		if _, ok := v.R.(vm.Iface); !ok {
			return rt.Value{}
		}
		return v
	}
	return rt.Value{R: vm.Iface{T: r.t, V: r.copied()}}
}

// assignTo converts r's value for storing in a variable of type dst.
func (r rv) assignTo(dst *vm.Type) rt.Value {
	if dst.Kind == vm.KInterface && r.t.Kind != vm.KInterface {
		return rt.Value{R: vm.Iface{T: r.t, V: r.copied()}}
	}
	return r.copied()
}

var kindNames = []string{"invalid", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "float32", "float64", "complex64", "complex128", "array", "chan", "func", "interface", "map", "ptr", "slice", "string", "struct", "unsafe.Pointer"}

func kindString(k int) string {
	if k >= 0 && k < len(kindNames) {
		return kindNames[k]
	}
	return "kind" + strconv.Itoa(k)
}

// Reflect kinds used below.
const (
	rkInvalid = iota
	rkBool
	rkInt
	rkInt8
	rkInt16
	rkInt32
	rkInt64
	rkUint
	rkUint8
	rkUint16
	rkUint32
	rkUint64
	rkUintptr
	rkFloat32
	rkFloat64
	rkComplex64
	rkComplex128
	rkArray
	rkChan
	rkFunc
	rkInterface
	rkMap
	rkPointer
	rkSlice
	rkString
	rkStruct
	rkUnsafePointer
)

// valueError panics with a *reflect.ValueError (or reflectlite's).
func valueError(t *vm.Thread, method string, kind int) {
	s := reflectOf(t.Machine())
	pt := s.valueErrPtr
	if pt == nil || (len(method) > 12 && method[:12] == "reflectlite.") {
		if s.liteValueErrP != nil {
			pt = s.liteValueErrP
		}
	}
	if pt == nil {
		t.Panic(rt.Value{R: vm.Iface{T: s.stringT, V: rt.Value{R: valueErrorText(method, kind)}}})
		return
	}
	cell := &rt.Value{R: []rt.Value{{R: method}, {N: uint64(kind)}}}
	t.Panic(rt.Value{R: vm.Iface{T: pt, V: rt.Value{R: cell}}})
}

func valueErrorText(method string, kind int) string {
	if kind == 0 {
		return "reflect: call of " + method + " on zero Value"
	}
	return "reflect: call of " + method + " on " + kindString(kind) + " Value"
}

// panicString panics with a string value, as reflect's panic("...") does.
func panicString(t *vm.Thread, msg string) {
	s := reflectOf(t.Machine())
	t.Panic(rt.Value{R: vm.Iface{T: s.stringT, V: rt.Value{R: msg}}})
}

// mustBe checks r's kind; false (after panicking) if it is not k.
func mustBe(t *vm.Thread, r rv, method string, ks ...int) bool {
	k := r.kind()
	for _, want := range ks {
		if k == want {
			return true
		}
	}
	valueError(t, "reflect.Value."+method, k)
	return false
}

func mustBeAssignable(t *vm.Thread, r rv, method string) bool {
	if r.t == nil {
		valueError(t, "reflect.Value."+method, 0)
		return false
	}
	if ro(r.flag) != 0 {
		panicString(t, "reflect: reflect.Value."+method+" using value obtained using unexported field")
		return false
	}
	if r.cell == nil {
		panicString(t, "reflect: reflect.Value."+method+" using unaddressable value")
		return false
	}
	return true
}

func isNilRef(x any) bool {
	switch p := x.(type) {
	case nil:
		return true
	case *rt.Value:
		return p == nil
	case []rt.Value:
		return p == nil
	case *vm.Map:
		return p == nil
	case *rt.Chan:
		return p == nil
	case *vm.Closure:
		return p == nil
	}
	return false
}

func ptrTo(m *vm.Machine, t *vm.Type) *vm.Type { return m.TypeOf(types.NewPointer(t.T)) }

func structOf(t *vm.Type) *types.Struct {
	st, _ := t.T.Underlying().(*types.Struct)
	return st
}

// normInt truncates and extends x to integer kind k (vm.Kind).
func normInt(k vm.Kind, x uint64) uint64 {
	switch k {
	case vm.KInt8:
		return uint64(int64(int8(x)))
	case vm.KInt16:
		return uint64(int64(int16(x)))
	case vm.KInt32:
		return uint64(int64(int32(x)))
	case vm.KUint8:
		return uint64(uint8(x))
	case vm.KUint16:
		return uint64(uint16(x))
	case vm.KUint32:
		return uint64(uint32(x))
	}
	return x
}

func strOf(v rt.Value) string { s, _ := v.R.(string); return s }

func c128Of(v rt.Value) complex128 { c, _ := v.R.(complex128); return c }

// field returns field i of struct value r.
func (r rv) field(i int) rv {
	st := structOf(r.t)
	ft := r.t.Fields[i]
	flag := r.flag & flagStickyRO
	if f := st.Field(i); !f.Exported() {
		if f.Embedded() {
			flag |= flagEmbedRO
		} else {
			flag |= flagStickyRO
		}
	}
	if r.cell != nil {
		fs, _ := r.cell.R.([]rt.Value)
		if fs == nil {
			*r.cell = r.t.Zero()
			fs = r.cell.R.([]rt.Value)
		}
		cell := &fs[i]
		if _, ok := cell.R.([]byte); ok {
			cell = &rt.Value{R: hostBytesView(*cell).R}
		}
		return rv{t: ft, flag: flag | flagAddr, cell: cell}
	}
	fs, _ := r.v.R.([]rt.Value)
	if fs == nil {
		return rv{t: ft, v: ft.Zero(), flag: flag}
	}
	return rv{t: ft, v: hostBytesView(fs[i]), flag: flag}
}

// hostBytesView shows a strings.Builder's buf, which its natives keep as
// host bytes (builder.go), to reflection as a copy in a []byte's form.
func hostBytesView(v rt.Value) rt.Value {
	if b, ok := v.R.([]byte); ok {
		return vm.BytesToValues(b)
	}
	return v
}

// elem is Value.Elem.
func (r rv) elem(t *vm.Thread, method string) (rv, bool) {
	switch r.kind() {
	case rkInterface:
		iv, ok := r.get().R.(vm.Iface)
		if !ok {
			return rv{}, true
		}
		return rv{t: iv.T, v: iv.V, flag: ro(r.flag)}, true
	case rkPointer:
		switch p := r.get().R.(type) {
		case *vm.View, vm.RawAddr:
			t.Unsupported(method + " of a " + r.t.String() + " that sees memory of another type, or is an address made from an integer (goro's reflection needs a cell of the type)")
			return rv{}, false
		case *rt.Value:
			if p != nil {
				return rv{t: r.t.Elem, flag: ro(r.flag) | flagAddr, cell: p}, true
			}
		}
		return rv{}, true
	}
	valueError(t, method, r.kind())
	return rv{}, false
}

// index is Value.Index.
func (r rv) index(t *vm.Thread, i int64) (rv, bool) {
	switch r.kind() {
	case rkSlice:
		vs, _ := r.get().R.([]rt.Value)
		if i < 0 || i >= int64(len(vs)) {
			panicString(t, "reflect: slice index out of range")
			return rv{}, false
		}
		return rv{t: r.t.Elem, flag: ro(r.flag) | flagAddr, cell: &vs[i]}, true
	case rkArray:
		if i < 0 || i >= int64(r.t.Len) {
			panicString(t, "reflect: array index out of range")
			return rv{}, false
		}
		if r.cell != nil {
			vs, _ := r.cell.R.([]rt.Value)
			if vs == nil {
				*r.cell = r.t.Zero()
				vs = r.cell.R.([]rt.Value)
			}
			return rv{t: r.t.Elem, flag: ro(r.flag) | flagAddr, cell: &vs[i]}, true
		}
		vs, _ := r.v.R.([]rt.Value)
		if vs == nil {
			return rv{t: r.t.Elem, v: r.t.Elem.Zero(), flag: ro(r.flag)}, true
		}
		return rv{t: r.t.Elem, v: vs[i], flag: ro(r.flag)}, true
	case rkString:
		s := strOf(r.get())
		if i < 0 || i >= int64(len(s)) {
			panicString(t, "reflect: string index out of range")
			return rv{}, false
		}
		u8 := t.Machine().TypeOf(types.Typ[types.Uint8])
		return rv{t: u8, v: rt.Value{N: uint64(s[i])}, flag: ro(r.flag)}, true
	}
	valueError(t, "reflect.Value.Index", r.kind())
	return rv{}, false
}

func (r rv) length(t *vm.Thread, method string) (int, bool) {
	v := r.get()
	switch r.kind() {
	case rkSlice:
		vs, _ := v.R.([]rt.Value)
		return len(vs), true
	case rkArray:
		return r.t.Len, true
	case rkString:
		return len(strOf(v)), true
	case rkMap:
		mp, _ := v.R.(*vm.Map)
		return mp.Len(), true
	case rkChan:
		c, _ := v.R.(*rt.Chan)
		if c == nil {
			return 0, true
		}
		return c.Len(), true
	case rkPointer:
		if r.t.Elem.Kind == vm.KArray {
			return r.t.Elem.Len, true
		}
	}
	valueError(t, method, r.kind())
	return 0, false
}

func (r rv) isZero() bool {
	v := r.get()
	switch r.kind() {
	case rkBool, rkInt, rkInt8, rkInt16, rkInt32, rkInt64, rkUint, rkUint8, rkUint16, rkUint32, rkUint64, rkUintptr, rkFloat32, rkFloat64:
		return v.N == 0
	case rkComplex64, rkComplex128:
		c := c128Of(v)
		return math.Float64bits(real(c)) == 0 && math.Float64bits(imag(c)) == 0
	case rkString:
		return strOf(v) == ""
	case rkArray:
		for i := 0; i < r.t.Len; i++ {
			vs, _ := v.R.([]rt.Value)
			if vs == nil {
				return true
			}
			if !(rv{t: r.t.Elem, v: vs[i]}).isZero() {
				return false
			}
		}
		return true
	case rkStruct:
		vs, _ := v.R.([]rt.Value)
		if vs == nil {
			return true
		}
		for i, ft := range r.t.Fields {
			if !(rv{t: ft, v: vs[i]}).isZero() {
				return false
			}
		}
		return true
	case rkInterface:
		_, ok := v.R.(vm.Iface)
		return !ok
	}
	return isNilRef(v.R)
}

// addrOf is Value.Pointer.
func (r rv) addrOf() uintptr {
	switch x := r.get().R.(type) {
	case *rt.Value:
		if x != nil {
			return vm.AddressOf(x) // converts back to the pointer (unsafe's rule 5)
		}
	case []rt.Value:
		if cap(x) > 0 {
			return vm.AddressOf(vm.PointerCell(vm.SliceData(r.t, rt.Value{R: x})))
		}
	}
	return vm.HostAddr(r.get().R)
}

// unsafePointer is Value.UnsafePointer: an unsafe.Pointer value.
func (r rv) unsafePointer() rt.Value {
	v := r.get()
	switch x := v.R.(type) {
	case *rt.Value:
		if x == nil {
			return rt.Value{}
		}
		return rt.Value{R: x}
	case *vm.View, vm.RawAddr:
		return v
	case []rt.Value:
		if x == nil {
			return rt.Value{}
		}
	}
	if vs, ok := v.R.([]rt.Value); ok {
		if cap(vs) > 0 {
			return rt.Value{R: &vs[:1][0]}
		}
		return rt.Value{R: vm.ZeroBase}
	}
	// The host object itself, seen as a cell: only for addresses.
	var p unsafe.Pointer
	switch x := v.R.(type) {
	case *vm.Map:
		p = unsafe.Pointer(x)
	case *rt.Chan:
		p = unsafe.Pointer(x)
	case *vm.Closure:
		p = unsafe.Pointer(x)
	}
	if p == nil {
		return rt.Value{}
	}
	return rt.Value{R: (*rt.Value)(p)}
}

func init() {
	vm.RegisterNatives(reflectNatives)
}

// reflectNatives binds these functions by their ssa names (sorted).
var reflectNatives = map[string]vm.NativeFunc{
	"(*reflect.MapIter).Key":           reflect_MapIter_Key,
	"(*reflect.MapIter).Next":          reflect_MapIter_Next,
	"(*reflect.MapIter).Reset":         reflect_MapIter_Reset,
	"(*reflect.MapIter).Value":         reflect_MapIter_Value,
	"(*reflect.ValueError).Error":      reflect_ValueError_Error,
	"(*reflect.rtype).Align":           reflect_rtype_Align,
	"(*reflect.rtype).AssignableTo":    reflect_rtype_AssignableTo,
	"(*reflect.rtype).Bits":            reflect_rtype_Bits,
	"(*reflect.rtype).ChanDir":         reflect_rtype_ChanDir,
	"(*reflect.rtype).Comparable":      reflect_rtype_Comparable,
	"(*reflect.rtype).ConvertibleTo":   reflect_rtype_ConvertibleTo,
	"(*reflect.rtype).Elem":            reflect_rtype_Elem,
	"(*reflect.rtype).Field":           reflect_rtype_Field,
	"(*reflect.rtype).FieldAlign":      reflect_rtype_FieldAlign,
	"(*reflect.rtype).CanSeq":          reflect_rtype_CanSeq,
	"(*reflect.rtype).CanSeq2":         reflect_rtype_CanSeq2,
	"(*reflect.rtype).FieldByIndex":    reflect_rtype_FieldByIndex,
	"(*reflect.rtype).FieldByName":     reflect_rtype_FieldByName,
	"(*reflect.rtype).FieldByNameFunc": reflect_rtype_FieldByNameFunc,
	"(*reflect.rtype).Fields":          reflect_rtype_Fields,
	"(*reflect.rtype).Methods":         reflect_rtype_Methods,
	"(*reflect.rtype).Ins":             reflect_rtype_Ins,
	"(*reflect.rtype).Outs":            reflect_rtype_Outs,
	"(*reflect.rtype).OverflowComplex": reflect_rtype_OverflowComplex,
	"(*reflect.rtype).OverflowFloat":   reflect_rtype_OverflowFloat,
	"(*reflect.rtype).OverflowInt":     reflect_rtype_OverflowInt,
	"(*reflect.rtype).OverflowUint":    reflect_rtype_OverflowUint,
	"(*reflect.rtype).Implements":      reflect_rtype_Implements,
	"(*reflect.rtype).In":              reflect_rtype_In,
	"(*reflect.rtype).IsVariadic":      reflect_rtype_IsVariadic,
	"(*reflect.rtype).Key":             reflect_rtype_Key,
	"(*reflect.rtype).Kind":            reflect_rtype_Kind,
	"(*reflect.rtype).Len":             reflect_rtype_Len,
	"(*reflect.rtype).Method":          reflect_rtype_Method,
	"(*reflect.rtype).MethodByName":    reflect_rtype_MethodByName,
	"(*reflect.rtype).Name":            reflect_rtype_Name,
	"(*reflect.rtype).NumField":        reflect_rtype_NumField,
	"(*reflect.rtype).NumIn":           reflect_rtype_NumIn,
	"(*reflect.rtype).NumMethod":       reflect_rtype_NumMethod,
	"(*reflect.rtype).NumOut":          reflect_rtype_NumOut,
	"(*reflect.rtype).Out":             reflect_rtype_Out,
	"(*reflect.rtype).PkgPath":         reflect_rtype_PkgPath,
	"(*reflect.rtype).Size":            reflect_rtype_Size,
	"(*reflect.rtype).String":          reflect_rtype_String,
	"(internal/abi.Kind).String":       internal_abi_Kind_String,
	"(reflect.ChanDir).String":         reflect_ChanDir_String,
	"(reflect.Kind).String":            reflect_Kind_String,
	"(reflect.Method).IsExported":      reflect_Method_IsExported,
	"(reflect.StructField).IsExported": reflect_StructField_IsExported,
	"(reflect.StructTag).Get":          reflect_StructTag_Get,
	"(reflect.StructTag).Lookup":       reflect_StructTag_Lookup,
	"(reflect.Value).Addr":             reflect_Value_Addr,
	"(reflect.Value).Bool":             reflect_Value_Bool,
	"(reflect.Value).Bytes":            reflect_Value_Bytes,
	"(reflect.Value).Call":             reflect_Value_Call,
	"(reflect.Value).CallSlice":        reflect_Value_CallSlice,
	"(reflect.Value).CanAddr":          reflect_Value_CanAddr,
	"(reflect.Value).CanComplex":       reflect_Value_CanComplex,
	"(reflect.Value).CanConvert":       reflect_Value_CanConvert,
	"(reflect.Value).CanFloat":         reflect_Value_CanFloat,
	"(reflect.Value).CanInt":           reflect_Value_CanInt,
	"(reflect.Value).CanInterface":     reflect_Value_CanInterface,
	"(reflect.Value).CanSet":           reflect_Value_CanSet,
	"(reflect.Value).CanUint":          reflect_Value_CanUint,
	"(reflect.Value).Cap":              reflect_Value_Cap,
	"(reflect.Value).Clear":            reflect_Value_Clear,
	"(reflect.Value).Comparable":       reflect_Value_Comparable,
	"(reflect.Value).Complex":          reflect_Value_Complex,
	"(reflect.Value).Convert":          reflect_Value_Convert,
	"(reflect.Value).Elem":             reflect_Value_Elem,
	"(reflect.Value).Equal":            reflect_Value_Equal,
	"(reflect.Value).Field":            reflect_Value_Field,
	"(reflect.Value).InterfaceData":    reflect_Value_InterfaceData,
	"(reflect.Value).SetPointer":       reflect_Value_SetPointer,
	"reflect.NewAt":                    reflect_NewAt,
	"reflect.SliceAt":                  reflect_SliceAt,
	"(reflect.Value).FieldByNameFunc":  reflect_Value_FieldByNameFunc,
	"(reflect.Value).Fields":           reflect_Value_Fields,
	"(reflect.Value).Methods":          reflect_Value_Methods,
	"(reflect.Value).FieldByIndex":     reflect_Value_FieldByIndex,
	"(reflect.Value).FieldByIndexErr":  reflect_Value_FieldByIndexErr,
	"(reflect.Value).FieldByName":      reflect_Value_FieldByName,
	"(reflect.Value).Float":            reflect_Value_Float,
	"(reflect.Value).Grow":             reflect_Value_Grow,
	"(reflect.Value).Index":            reflect_Value_Index,
	"(reflect.Value).Int":              reflect_Value_Int,
	"(reflect.Value).Interface":        reflect_Value_Interface,
	"(reflect.Value).IsNil":            reflect_Value_IsNil,
	"(reflect.Value).IsValid":          reflect_Value_IsValid,
	"(reflect.Value).IsZero":           reflect_Value_IsZero,
	"(reflect.Value).Kind":             reflect_Value_Kind,
	"(reflect.Value).Len":              reflect_Value_Len,
	"(reflect.Value).Close":            reflect_Value_Close,
	"(reflect.Value).Recv":             reflect_Value_Recv,
	"(reflect.Value).Send":             reflect_Value_Send,
	"(reflect.Value).Seq":              reflect_Value_Seq,
	"(reflect.Value).Seq2":             reflect_Value_Seq2,
	"(reflect.Value).TryRecv":          reflect_Value_TryRecv,
	"(reflect.Value).TrySend":          reflect_Value_TrySend,
	"(reflect.Value).MapIndex":         reflect_Value_MapIndex,
	"(reflect.Value).MapKeys":          reflect_Value_MapKeys,
	"(reflect.Value).MapRange":         reflect_Value_MapRange,
	"(reflect.Value).Method":           reflect_Value_Method,
	"(reflect.Value).MethodByName":     reflect_Value_MethodByName,
	"(reflect.Value).NumField":         reflect_Value_NumField,
	"(reflect.Value).NumMethod":        reflect_Value_NumMethod,
	"(reflect.Value).OverflowFloat":    reflect_Value_OverflowFloat,
	"(reflect.Value).OverflowInt":      reflect_Value_OverflowInt,
	"(reflect.Value).OverflowUint":     reflect_Value_OverflowUint,
	"(reflect.Value).Pointer":          reflect_Value_Pointer,
	"(reflect.Value).Set":              reflect_Value_Set,
	"(reflect.Value).SetBool":          reflect_Value_SetBool,
	"(reflect.Value).SetBytes":         reflect_Value_SetBytes,
	"(reflect.Value).SetComplex":       reflect_Value_SetComplex,
	"(reflect.Value).SetFloat":         reflect_Value_SetFloat,
	"(reflect.Value).SetInt":           reflect_Value_SetInt,
	"(reflect.Value).SetLen":           reflect_Value_SetLen,
	"(reflect.Value).SetMapIndex":      reflect_Value_SetMapIndex,
	"(reflect.Value).SetString":        reflect_Value_SetString,
	"(reflect.Value).SetUint":          reflect_Value_SetUint,
	"(reflect.Value).SetZero":          reflect_Value_SetZero,
	"(reflect.Value).Slice":            reflect_Value_Slice,
	"(reflect.Value).Slice3":           reflect_Value_Slice3,
	"(reflect.Value).String":           reflect_Value_String,
	"(reflect.Value).Type":             reflect_Value_Type,
	"(reflect.Value).Uint":             reflect_Value_Uint,
	"(reflect.Value).UnsafeAddr":       reflect_Value_UnsafeAddr,
	"(reflect.Value).UnsafePointer":    reflect_Value_UnsafePointer,
	"reflect.Append":                   reflect_Append,
	"reflect.AppendSlice":              reflect_AppendSlice,
	"reflect.ArrayOf":                  reflect_ArrayOf,
	"reflect.ChanOf":                   reflect_ChanOf,
	"reflect.Copy":                     reflect_Copy,
	"reflect.DeepEqual":                reflect_DeepEqual,
	"reflect.FuncOf":                   reflect_FuncOf,
	"reflect.StructOf":                 reflect_StructOf,
	"reflect.Indirect":                 reflect_Indirect,
	"reflect.MakeFunc":                 reflect_MakeFunc,
	"reflect.MakeMap":                  reflect_MakeMap,
	"reflect.MakeMapWithSize":          reflect_MakeMapWithSize,
	"reflect.MakeSlice":                reflect_MakeSlice,
	"reflect.MakeChan":                 reflect_MakeChan,
	"(reflect.Value).SetCap":           reflect_Value_SetCap,
	"(reflect.Value).SetIterKey":       reflect_Value_SetIterKey,
	"(reflect.Value).SetIterValue":     reflect_Value_SetIterValue,
	"(reflect.Value).OverflowComplex":  reflect_Value_OverflowComplex,
	"reflect.Select":                   reflect_Select,
	"reflect.MapOf":                    reflect_MapOf,
	"reflect.New":                      reflect_New,
	"reflect.PointerTo":                reflect_PointerTo,
	"reflect.PtrTo":                    reflect_PtrTo,
	"reflect.SliceOf":                  reflect_SliceOf,
	"reflect.Swapper":                  reflect_Swapper,
	"reflect.TypeAssert":               reflect_TypeAssert,
	"reflect.TypeFor":                  reflect_TypeFor,
	"reflect.TypeOf":                   reflect_TypeOf,
	"reflect.ValueOf":                  reflect_ValueOf,
	"reflect.VisibleFields":            reflect_VisibleFields,
	"reflect.Zero":                     reflect_Zero,
}

// reflect.TypeOf: func TypeOf(i any) Type
func reflect_TypeOf(t *vm.Thread, a, r []rt.Value) {
	iv, ok := a[0].R.(vm.Iface)
	if !ok {
		r[0] = rt.Value{}
		return
	}
	r[0] = typeValue(t.Machine(), iv.T)
}

// reflect.TypeFor: func TypeFor[T any]() Type
func reflect_TypeFor(t *vm.Thread, a, r []rt.Value) {
	targs := t.CalleeTypeArgs()
	if len(targs) != 1 {
		t.Unsupported("reflect.TypeFor called dynamically")
		return
	}
	r[0] = typeValue(t.Machine(), targs[0])
}

// reflect.TypeAssert: func TypeAssert[T any](v Value) (T, bool)
func reflect_TypeAssert(t *vm.Thread, a, r []rt.Value) {
	targs := t.CalleeTypeArgs()
	if len(targs) != 1 {
		t.Unsupported("reflect.TypeAssert called dynamically")
		return
	}
	T := targs[0]
	v := unpack(a[0])
	if v.t == nil {
		valueError(t, "reflect.TypeAssert", 0)
		return
	}
	if ro(v.flag) != 0 {
		panicString(t, "reflect.TypeAssert: cannot return value obtained from unexported field or method")
		return
	}
	r[0], r[1] = T.Zero(), boolV(false)
	iv := v.iface() // an interface's dynamic value, or v itself
	dyn, ok := iv.R.(vm.Iface)
	switch {
	case !ok: // a nil interface
	case T.Kind == vm.KInterface:
		if dyn.T.Implements(T) {
			r[0], r[1] = iv, boolV(true)
		}
	case dyn.T == T:
		r[0], r[1] = dyn.V, boolV(true)
	}
}

// reflect.PtrTo: func PtrTo(t Type) Type
func reflect_PtrTo(t *vm.Thread, a, r []rt.Value) {
	r[0] = typeValue(t.Machine(), ptrTo(t.Machine(), typeFrom(a[0])))
}

// reflect.PointerTo: func PointerTo(t Type) Type
func reflect_PointerTo(t *vm.Thread, a, r []rt.Value) {
	r[0] = typeValue(t.Machine(), ptrTo(t.Machine(), typeFrom(a[0])))
}

// reflect.SliceOf: func SliceOf(t Type) Type
func reflect_SliceOf(t *vm.Thread, a, r []rt.Value) {
	m := t.Machine()
	r[0] = typeValue(m, m.TypeOf(types.NewSlice(typeFrom(a[0]).T)))
}

// reflect.MapOf: func MapOf(key, elem Type) Type
func reflect_MapOf(t *vm.Thread, a, r []rt.Value) {
	m := t.Machine()
	k := typeFrom(a[0])
	if !types.Comparable(k.T) {
		panicString(t, "reflect.MapOf: invalid key type "+k.String())
		return
	}
	r[0] = typeValue(m, m.TypeOf(types.NewMap(k.T, typeFrom(a[1]).T)))
}

// reflect.ChanOf: func ChanOf(dir ChanDir, t Type) Type
func reflect_ChanOf(t *vm.Thread, a, r []rt.Value) {
	m := t.Machine()
	dir := types.SendRecv
	switch a[0].N {
	case 1:
		dir = types.RecvOnly
	case 2:
		dir = types.SendOnly
	}
	r[0] = typeValue(m, m.TypeOf(types.NewChan(dir, typeFrom(a[1]).T)))
}

// reflect.ArrayOf: func ArrayOf(length int, elem Type) Type
func reflect_ArrayOf(t *vm.Thread, a, r []rt.Value) {
	m := t.Machine()
	r[0] = typeValue(m, m.TypeOf(types.NewArray(typeFrom(a[1]).T, int64(a[0].N))))
}

// reflect.StructOf: func StructOf(fields []StructField) Type
//
// The type is go/types' struct of the fields (Machine.TypeOf makes one
// type of equal field lists, as gc's cache of them does), with gc's checks.
// An embedded field whose type has methods would promote them, and goro's
// method tables are made when a program is compiled: that is refused.
func reflect_StructOf(t *vm.Thread, a, r []rt.Value) {
	m := t.Machine()
	s := reflectOf(m)
	sf := s.structFieldT
	nameF, pkgF, typeF, tagF, anonF := vm.FieldIndex(sf, "Name"), vm.FieldIndex(sf, "PkgPath"), vm.FieldIndex(sf, "Type"), vm.FieldIndex(sf, "Tag"), vm.FieldIndex(sf, "Anonymous")
	in, _ := a[0].R.([]rt.Value)
	fields := make([]*types.Var, len(in))
	tags := make([]string, len(in))
	seen := map[string]bool{}
	pkgpath := ""
	for i, v := range in {
		fs, _ := v.R.([]rt.Value)
		name, path, anon, ft := strOf(fs[nameF]), strOf(fs[pkgF]), fs[anonF].N != 0, typeFrom(fs[typeF])
		field := "reflect.StructOf: field " + strconv.Itoa(i)
		switch {
		case name == "":
			panicString(t, field+" has no name")
			return
		case !validFieldName(name):
			panicString(t, field+" has invalid name")
			return
		case ft == nil:
			panicString(t, field+" has no type")
			return
		case anon && path != "":
			panicString(t, "reflect.StructOf: field \""+name+"\" is anonymous but has PkgPath set")
			return
		case path == "" && ('a' <= name[0] && name[0] <= 'z' || name[0] == '_'):
			panicString(t, "reflect.StructOf: field \""+name+"\" is unexported but missing PkgPath")
			return
		}
		if path != "" {
			if pkgpath == "" {
				pkgpath = path
			} else if pkgpath != path {
				panicString(t, "reflect.Struct: fields with different PkgPath "+pkgpath+" and "+path)
				return
			}
		}
		if anon {
			if p, ok := ft.T.Underlying().(*types.Pointer); ok {
				if _, ok := p.Elem().(*types.Pointer); ok || types.IsInterface(p.Elem()) {
					panicString(t, "reflect.StructOf: illegal embedded field type "+ft.String())
					return
				}
			}
			if types.NewMethodSet(types.NewPointer(ft.T)).Len() > 0 || types.NewMethodSet(ft.T).Len() > 0 {
				t.Unsupported("reflect.StructOf with an embedded field whose type has methods (" + ft.String() + ")")
				return
			}
		}
		if seen[name] && name != "_" {
			panicString(t, "reflect.StructOf: duplicate field "+name)
			return
		}
		seen[name] = true
		fields[i] = types.NewField(token.NoPos, s.pkg(path), name, ft.T, anon)
		tags[i] = strOf(fs[tagF])
	}
	r[0] = typeValue(m, m.TypeOf(types.NewStruct(fields, tags)))
}

// validFieldName is reflect's isValidFieldName: a letter or underscore,
// then letters, digits and underscores.
func validFieldName(name string) bool {
	for i, c := range name {
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c >= utf8.RuneSelf && unicode.IsLetter(c)
		if !letter && (i == 0 || !unicode.IsDigit(c)) {
			return false
		}
	}
	return name != ""
}

// pkg returns the package StructOf's unexported fields of path belong to
// (nil for exported ones): one per path, so that equal field lists make
// one type.
func (s *reflectState) pkg(path string) *types.Package {
	if path == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pkgs == nil {
		s.pkgs = map[string]*types.Package{}
	}
	p := s.pkgs[path]
	if p == nil {
		p = types.NewPackage(path, path[strings.LastIndex(path, "/")+1:])
		s.pkgs[path] = p
	}
	return p
}

// reflect.FuncOf: func FuncOf(in, out []Type, variadic bool) Type
func reflect_FuncOf(t *vm.Thread, a, r []rt.Value) {
	m := t.Machine()
	in, _ := a[0].R.([]rt.Value)
	out, _ := a[1].R.([]rt.Value)
	variadic := a[2].N != 0
	vars := func(ts []rt.Value) ([]*types.Var, bool) {
		vs := make([]*types.Var, len(ts))
		for i, v := range ts {
			ty := typeFrom(v)
			if ty == nil {
				t.PanicRuntime("invalid memory address or nil pointer dereference")
				return nil, false
			}
			vs[i] = types.NewParam(token.NoPos, nil, "", ty.T)
		}
		return vs, true
	}
	if variadic {
		if last := len(in) - 1; last < 0 || typeFrom(in[last]) == nil || typeFrom(in[last]).Kind != vm.KSlice {
			panicString(t, "reflect.FuncOf: last arg of variadic func must be slice")
			return
		}
	}
	if len(in)+len(out) > 128 {
		panicString(t, "reflect.FuncOf: too many arguments")
		return
	}
	params, ok := vars(in)
	if !ok {
		return
	}
	results, ok := vars(out)
	if !ok {
		return
	}
	r[0] = typeValue(m, m.TypeOf(types.NewSignatureType(nil, nil, nil, types.NewTuple(params...), types.NewTuple(results...), variadic)))
}

// (reflect.Kind).String: func (k Kind) String() string
func reflect_Kind_String(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: kindString(int(a[0].N))}
}

// (internal/abi.Kind).String: func (k Kind) String() string
func internal_abi_Kind_String(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: kindString(int(a[0].N))}
}

// (*reflect.ValueError).Error: func (e *ValueError) Error() string
func reflect_ValueError_Error(t *vm.Thread, a, r []rt.Value) {
	p, _ := a[0].R.(*rt.Value)
	var fs []rt.Value
	if p != nil {
		fs, _ = p.R.([]rt.Value)
	}
	if len(fs) < 2 {
		r[0] = rt.Value{R: "reflect: call of  on zero Value"}
		return
	}
	r[0] = rt.Value{R: valueErrorText(strOf(fs[0]), int(fs[1].N))}
}

// (reflect.StructTag).Get: func (tag StructTag) Get(key string) string
func reflect_StructTag_Get(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: hostreflect.StructTag(strOf(a[0])).Get(strOf(a[1]))}
}

// (reflect.StructTag).Lookup: func (tag StructTag) Lookup(key string) (value string, ok bool)
func reflect_StructTag_Lookup(t *vm.Thread, a, r []rt.Value) {
	v, ok := hostreflect.StructTag(strOf(a[0])).Lookup(strOf(a[1]))
	r[0], r[1] = rt.Value{R: v}, boolV(ok)
}

// (reflect.StructField).IsExported: func (f StructField) IsExported() bool
func reflect_StructField_IsExported(t *vm.Thread, a, r []rt.Value) {
	fs, _ := a[0].R.([]rt.Value)
	r[0] = boolV(len(fs) > 1 && strOf(fs[1]) == "")
}

// (reflect.Method).IsExported: func (m Method) IsExported() bool
func reflect_Method_IsExported(t *vm.Thread, a, r []rt.Value) {
	fs, _ := a[0].R.([]rt.Value)
	r[0] = boolV(len(fs) > 1 && strOf(fs[1]) == "")
}

// (reflect.ChanDir).String: func (d ChanDir) String() string
func reflect_ChanDir_String(t *vm.Thread, a, r []rt.Value) {
	switch a[0].N {
	case 1:
		r[0] = rt.Value{R: "<-chan"}
	case 2:
		r[0] = rt.Value{R: "chan<-"}
	case 3:
		r[0] = rt.Value{R: "chan"}
	default:
		r[0] = rt.Value{R: "ChanDir" + strconv.Itoa(int(a[0].N))}
	}
}

// (*reflect.rtype).String: func (t *rtype) String() string
func reflect_rtype_String(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: recvType(a).String()}
}

// (*reflect.rtype).Kind: func (t *rtype) Kind() Kind
func reflect_rtype_Kind(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(reflectKind(recvType(a)))}
}

// (*reflect.rtype).Name: func (t *rtype) Name() string
func reflect_rtype_Name(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: typeName(recvType(a))}
}

// (*reflect.rtype).PkgPath: func (t *rtype) PkgPath() string
func reflect_rtype_PkgPath(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: typePkgPath(recvType(a))}
}

// (*reflect.rtype).Size: func (t *rtype) Size() uintptr
func reflect_rtype_Size(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(recvType(a).Size)}
}

// (*reflect.rtype).Align: func (t *rtype) Align() int
func reflect_rtype_Align(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(reflectOf(t.Machine()).sizes.Alignof(recvType(a).T))}
}

// (*reflect.rtype).FieldAlign: func (t *rtype) FieldAlign() int
func reflect_rtype_FieldAlign(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(reflectOf(t.Machine()).sizes.Alignof(recvType(a).T))}
}

// (*reflect.rtype).Bits: func (t *rtype) Bits() int
func reflect_rtype_Bits(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	k := reflectKind(ty)
	if k < rkInt || k > rkComplex128 {
		panicString(t, "reflect: Bits of non-arithmetic Type "+ty.String())
		return
	}
	r[0] = rt.Value{N: uint64(ty.Size * 8)}
}

// (*reflect.rtype).Elem: func (t *rtype) Elem() Type
func reflect_rtype_Elem(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	switch ty.Kind {
	case vm.KArray, vm.KChan, vm.KMap, vm.KPointer, vm.KSlice:
		r[0] = typeValue(t.Machine(), ty.Elem)
		return
	}
	panicString(t, "reflect: Elem of invalid type "+ty.String())
}

// (*reflect.rtype).Key: func (t *rtype) Key() Type
func reflect_rtype_Key(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	if ty.Kind != vm.KMap {
		panicString(t, "reflect: Key of non-map type "+ty.String())
		return
	}
	r[0] = typeValue(t.Machine(), ty.Key)
}

// (*reflect.rtype).Len: func (t *rtype) Len() int
func reflect_rtype_Len(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	if ty.Kind != vm.KArray {
		panicString(t, "reflect: Len of non-array type "+ty.String())
		return
	}
	r[0] = rt.Value{N: uint64(ty.Len)}
}

// (*reflect.rtype).ChanDir: func (t *rtype) ChanDir() ChanDir
func reflect_rtype_ChanDir(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	ch, ok := ty.T.Underlying().(*types.Chan)
	if !ok {
		panicString(t, "reflect: ChanDir of non-chan type "+ty.String())
		return
	}
	switch ch.Dir() {
	case types.SendRecv:
		r[0] = rt.Value{N: 3}
	case types.SendOnly:
		r[0] = rt.Value{N: 2}
	default:
		r[0] = rt.Value{N: 1}
	}
}

// (*reflect.rtype).NumField: func (t *rtype) NumField() int
func reflect_rtype_NumField(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	if ty.Kind != vm.KStruct {
		panicString(t, "reflect: NumField of non-struct type "+ty.String())
		return
	}
	r[0] = rt.Value{N: uint64(len(ty.Fields))}
}

// (*reflect.rtype).Field: func (t *rtype) Field(i int) StructField
func reflect_rtype_Field(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	if ty.Kind != vm.KStruct {
		panicString(t, "reflect: Field of non-struct type "+ty.String())
		return
	}
	i := int64(a[1].N)
	if i < 0 || i >= int64(len(ty.Fields)) {
		panicString(t, "reflect: Field index out of bounds")
		return
	}
	r[0] = structField(t.Machine(), ty, []int{int(i)})
}

// (*reflect.rtype).FieldByIndex: func (t *rtype) FieldByIndex(index []int) StructField
// — the field of each index in turn, through pointers to structs, as gc's
// structType.FieldByIndex: the result is the last field as its own struct
// reports it (Index and Offset within that struct).
func reflect_rtype_FieldByIndex(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	if ty.Kind != vm.KStruct {
		panicString(t, "reflect: FieldByIndex of non-struct type "+ty.String())
		return
	}
	xs, _ := a[1].R.([]rt.Value)
	if len(xs) == 0 {
		r[0] = t.Machine().TypeOf(reflectOf(t.Machine()).structFieldT.T).Zero()
		return
	}
	for n, x := range xs {
		if n > 0 {
			if ty.Kind == vm.KPointer && ty.Elem.Kind == vm.KStruct {
				ty = ty.Elem
			}
			if ty.Kind != vm.KStruct {
				panicString(t, "reflect: Field of non-struct type "+ty.String())
				return
			}
		}
		if i := int64(x.N); i < 0 || i >= int64(len(ty.Fields)) {
			panicString(t, "reflect: Field index out of bounds")
			return
		}
		if n == len(xs)-1 {
			r[0] = structField(t.Machine(), ty, []int{int(x.N)})
			return
		}
		ty = ty.Fields[x.N]
	}
}

// (*reflect.rtype).FieldByName: func (t *rtype) FieldByName(name string) (StructField, bool)
func reflect_rtype_FieldByName(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	if ty.Kind != vm.KStruct {
		panicString(t, "reflect: FieldByName of non-struct type "+ty.String())
		return
	}
	idx := fieldPath(ty, strOf(a[1]))
	if idx == nil {
		r[0], r[1] = t.Machine().TypeOf(reflectOf(t.Machine()).structFieldT.T).Zero(), boolV(false)
		return
	}
	r[0], r[1] = structField(t.Machine(), ty, idx), boolV(true)
}

// (*reflect.rtype).NumMethod: func (t *rtype) NumMethod() int
func reflect_rtype_NumMethod(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(len(exportedMethods(recvType(a))))}
}

// (*reflect.rtype).Method: func (t *rtype) Method(i int) (m Method)
func reflect_rtype_Method(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	ms := exportedMethods(ty)
	i := int(a[1].N)
	if i < 0 || i >= len(ms) {
		panicString(t, "reflect: Method index out of range")
		return
	}
	r[0] = methodValue(t.Machine(), ty, ms[i], i)
}

// (*reflect.rtype).MethodByName: func (t *rtype) MethodByName(name string) (m Method, ok bool)
func reflect_rtype_MethodByName(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	ms := exportedMethods(ty)
	for i, f := range ms {
		if f.Name() == strOf(a[1]) {
			r[0], r[1] = methodValue(t.Machine(), ty, f, i), boolV(true)
			return
		}
	}
	r[0], r[1] = reflectOf(t.Machine()).methodT.Zero(), boolV(false)
}

// (*reflect.rtype).Implements: func (t *rtype) Implements(u Type) bool
func reflect_rtype_Implements(t *vm.Thread, a, r []rt.Value) {
	u := typeFrom(a[1])
	if u == nil {
		panicString(t, "reflect: nil type passed to Type.Implements")
		return
	}
	it, ok := u.T.Underlying().(*types.Interface)
	if !ok {
		panicString(t, "reflect: non-interface type passed to Type.Implements")
		return
	}
	r[0] = boolV(types.Implements(recvType(a).T, it))
}

// (*reflect.rtype).AssignableTo: func (t *rtype) AssignableTo(u Type) bool
func reflect_rtype_AssignableTo(t *vm.Thread, a, r []rt.Value) {
	u := typeFrom(a[1])
	if u == nil {
		panicString(t, "reflect: nil type passed to Type.AssignableTo")
		return
	}
	r[0] = boolV(types.AssignableTo(recvType(a).T, u.T))
}

// (*reflect.rtype).ConvertibleTo: func (t *rtype) ConvertibleTo(u Type) bool
func reflect_rtype_ConvertibleTo(t *vm.Thread, a, r []rt.Value) {
	u := typeFrom(a[1])
	if u == nil {
		panicString(t, "reflect: nil type passed to Type.ConvertibleTo")
		return
	}
	r[0] = boolV(types.ConvertibleTo(recvType(a).T, u.T))
}

// (*reflect.rtype).Comparable: func (t *rtype) Comparable() bool
func reflect_rtype_Comparable(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(types.Comparable(recvType(a).T))
}

// (*reflect.rtype).NumIn: func (t *rtype) NumIn() int
func reflect_rtype_NumIn(t *vm.Thread, a, r []rt.Value) {
	if s := sig(t, a, "NumIn"); s != nil {
		r[0] = rt.Value{N: uint64(s.Params().Len())}
	}
}

// (*reflect.rtype).NumOut: func (t *rtype) NumOut() int
func reflect_rtype_NumOut(t *vm.Thread, a, r []rt.Value) {
	if s := sig(t, a, "NumOut"); s != nil {
		r[0] = rt.Value{N: uint64(s.Results().Len())}
	}
}

// (*reflect.rtype).IsVariadic: func (t *rtype) IsVariadic() bool
func reflect_rtype_IsVariadic(t *vm.Thread, a, r []rt.Value) {
	if s := sig(t, a, "IsVariadic"); s != nil {
		r[0] = boolV(s.Variadic())
	}
}

// (*reflect.rtype).In: func (t *rtype) In(i int) Type
func reflect_rtype_In(t *vm.Thread, a, r []rt.Value) {
	if s := sig(t, a, "In"); s != nil {
		i := int(a[1].N)
		if i < 0 || i >= s.Params().Len() {
			t.PanicRuntime("index out of range [" + strconv.Itoa(i) + "] with length " + strconv.Itoa(s.Params().Len()))
			return
		}
		r[0] = typeValue(t.Machine(), t.Machine().TypeOf(s.Params().At(i).Type()))
	}
}

// (*reflect.rtype).Out: func (t *rtype) Out(i int) Type
func reflect_rtype_Out(t *vm.Thread, a, r []rt.Value) {
	if s := sig(t, a, "Out"); s != nil {
		i := int(a[1].N)
		if i < 0 || i >= s.Results().Len() {
			t.PanicRuntime("index out of range [" + strconv.Itoa(i) + "] with length " + strconv.Itoa(s.Results().Len()))
			return
		}
		r[0] = typeValue(t.Machine(), t.Machine().TypeOf(s.Results().At(i).Type()))
	}
}

// reflect.ValueOf: func ValueOf(i any) Value
func reflect_ValueOf(t *vm.Thread, a, r []rt.Value) {
	r[0] = valueOfIface(a[0]).pack()
}

// reflect.Zero: func Zero(typ Type) Value
func reflect_Zero(t *vm.Thread, a, r []rt.Value) {
	ty := typeFrom(a[0])
	if ty == nil {
		panicString(t, "reflect: Zero(nil)")
		return
	}
	r[0] = rv{t: ty, v: ty.Zero()}.pack()
}

// reflect.New: func New(typ Type) Value
func reflect_New(t *vm.Thread, a, r []rt.Value) {
	ty := typeFrom(a[0])
	if ty == nil {
		panicString(t, "reflect: New(nil)")
		return
	}
	cell := &rt.Value{}
	*cell = ty.Zero()
	r[0] = rv{t: ptrTo(t.Machine(), ty), v: rt.Value{R: cell}}.pack()
}

// reflect.Indirect: func Indirect(v Value) Value
func reflect_Indirect(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if v.kind() != rkPointer {
		r[0] = a[0]
		return
	}
	e, _ := v.elem(t, "reflect.Value.Elem")
	r[0] = e.pack()
}

// reflect.MakeSlice: func MakeSlice(typ Type, len, cap int) Value
func reflect_MakeSlice(t *vm.Thread, a, r []rt.Value) {
	ty := typeFrom(a[0])
	if ty == nil || ty.Kind != vm.KSlice {
		panicString(t, "reflect.MakeSlice of non-slice type")
		return
	}
	n, c := int64(a[1].N), int64(a[2].N)
	if n < 0 {
		panicString(t, "reflect.MakeSlice: negative len")
		return
	}
	if c < 0 {
		panicString(t, "reflect.MakeSlice: negative cap")
		return
	}
	if n > c {
		panicString(t, "reflect.MakeSlice: len > cap")
		return
	}
	vs := make([]rt.Value, n, c)
	full := vs[:c]
	for i := range full {
		full[i] = ty.Elem.Zero()
	}
	r[0] = rv{t: ty, v: rt.Value{R: vs}}.pack()
}

// reflect.MakeMap: func MakeMap(typ Type) Value
func reflect_MakeMap(t *vm.Thread, a, r []rt.Value) {
	ty := typeFrom(a[0])
	if ty == nil || ty.Kind != vm.KMap {
		panicString(t, "reflect.MakeMapWithSize of non-map type")
		return
	}
	r[0] = rv{t: ty, v: rt.Value{R: vm.NewMap(ty)}}.pack()
}

// reflect.MakeMapWithSize: func MakeMapWithSize(typ Type, n int) Value
func reflect_MakeMapWithSize(t *vm.Thread, a, r []rt.Value) {
	ty := typeFrom(a[0])
	if ty == nil || ty.Kind != vm.KMap {
		panicString(t, "reflect.MakeMapWithSize of non-map type")
		return
	}
	r[0] = rv{t: ty, v: rt.Value{R: vm.NewMap(ty)}}.pack()
}

// reflect.Append: func Append(s Value, x ...Value) Value
func reflect_Append(t *vm.Thread, a, r []rt.Value) {
	s := unpack(a[0])
	if !mustBe(t, s, "Append", rkSlice) {
		return
	}
	vs, _ := s.get().R.([]rt.Value)
	xs, _ := a[1].R.([]rt.Value)
	for _, x := range xs {
		vs = append(vs, unpack(x).assignTo(s.t.Elem))
	}
	r[0] = rv{t: s.t, v: rt.Value{R: vs}}.pack()
}

// reflect.AppendSlice: func AppendSlice(s, t Value) Value
func reflect_AppendSlice(t *vm.Thread, a, r []rt.Value) {
	s, x := unpack(a[0]), unpack(a[1])
	if !mustBe(t, s, "AppendSlice", rkSlice) || !mustBe(t, x, "AppendSlice", rkSlice) {
		return
	}
	vs, _ := s.get().R.([]rt.Value)
	xs, _ := x.get().R.([]rt.Value)
	for _, e := range xs {
		vs = append(vs, vm.CopyDeep(s.t.Elem, e))
	}
	r[0] = rv{t: s.t, v: rt.Value{R: vs}}.pack()
}

// reflect.Copy: func Copy(dst, src Value) int
func reflect_Copy(t *vm.Thread, a, r []rt.Value) {
	d, s := unpack(a[0]), unpack(a[1])
	var dst, src []rt.Value
	switch d.kind() {
	case rkSlice:
		dst, _ = d.get().R.([]rt.Value)
	case rkArray:
		if !mustBeAssignable(t, d, "Copy") {
			return
		}
		dst, _ = d.cell.R.([]rt.Value)
	default:
		valueError(t, "reflect.Copy", d.kind())
		return
	}
	switch s.kind() {
	case rkSlice, rkArray:
		src, _ = s.get().R.([]rt.Value)
	case rkString:
		src = vm.BytesToValues([]byte(strOf(s.get()))).R.([]rt.Value)
	default:
		valueError(t, "reflect.Copy", s.kind())
		return
	}
	n := copy(dst, src)
	if d.t.Elem.Kind == vm.KStruct || d.t.Elem.Kind == vm.KArray {
		for i := 0; i < n; i++ {
			dst[i] = vm.CopyDeep(d.t.Elem, dst[i])
		}
	}
	r[0] = rt.Value{N: uint64(n)}
}

// reflect.DeepEqual: func DeepEqual(x, y any) bool
func reflect_DeepEqual(t *vm.Thread, a, r []rt.Value) {
	x, y := valueOfIface(a[0]), valueOfIface(a[1])
	if x.t == nil || y.t == nil {
		r[0] = boolV(x.t == y.t)
		return
	}
	if x.t != y.t {
		r[0] = boolV(false)
		return
	}
	r[0] = boolV(deepEqual(x.t, x.v, y.v, map[visit]bool{}))
}

// reflect.MakeFunc: func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value
func reflect_MakeFunc(t *vm.Thread, a, r []rt.Value) {
	ty := typeFrom(a[0])
	if ty == nil || ty.Kind != vm.KFunc {
		panicString(t, "reflect: call of MakeFunc with non-Func type")
		return
	}
	r[0] = rv{t: ty, v: makeFunc(t.Machine(), ty, a[1])}.pack()
}

// reflect.VisibleFields: func VisibleFields(t Type) []StructField
func reflect_VisibleFields(t *vm.Thread, a, r []rt.Value) {
	ty := typeFrom(a[0])
	if ty == nil {
		panicString(t, "reflect: VisibleFields(nil)")
		return
	}
	if ty.Kind != vm.KStruct {
		panicString(t, "reflect.VisibleFields of non-struct type "+ty.String())
		return
	}
	var out []rt.Value
	for _, idx := range visibleFields(ty) {
		out = append(out, structField(t.Machine(), ty, idx))
	}
	r[0] = rt.Value{R: out}
}

// reflect.Swapper: func Swapper(slice any) func(i, j int)
func reflect_Swapper(t *vm.Thread, a, r []rt.Value) { r[0] = swapper(t, a[0]) }

// (reflect.Value).Kind: func (v Value) Kind() Kind
func reflect_Value_Kind(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	r[0] = rt.Value{N: uint64(v.kind())}
}

// (reflect.Value).IsValid: func (v Value) IsValid() bool
func reflect_Value_IsValid(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	r[0] = boolV(v.t != nil)
}

// (reflect.Value).Type: func (v Value) Type() Type
func reflect_Value_Type(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if v.t == nil {
		valueError(t, "reflect.Value.Type", 0)
		return
	}
	r[0] = typeValue(t.Machine(), v.t)
}

// (reflect.Value).CanInterface: func (v Value) CanInterface() bool
func reflect_Value_CanInterface(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if v.t == nil {
		valueError(t, "reflect.Value.CanInterface", 0)
		return
	}
	r[0] = boolV(ro(v.flag) == 0)
}

// (reflect.Value).Interface: func (v Value) Interface() (i any)
func reflect_Value_Interface(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if v.t == nil {
		valueError(t, "reflect.Value.Interface", 0)
		return
	}
	if ro(v.flag) != 0 {
		panicString(t, "reflect.Value.Interface: cannot return value obtained from unexported field or method")
		return
	}
	r[0] = v.iface()
}

// (reflect.Value).CanAddr: func (v Value) CanAddr() bool
func reflect_Value_CanAddr(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	r[0] = boolV(v.cell != nil)
}

// (reflect.Value).CanSet: func (v Value) CanSet() bool
func reflect_Value_CanSet(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	r[0] = boolV(v.cell != nil && ro(v.flag) == 0)
}

// (reflect.Value).IsNil: func (v Value) IsNil() bool
func reflect_Value_IsNil(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	valueIsNil(t, v, "reflect.Value.IsNil", r)
}

// (reflect.Value).IsZero: func (v Value) IsZero() bool
func reflect_Value_IsZero(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if v.t == nil {
		valueError(t, "reflect.Value.IsZero", 0)
		return
	}
	r[0] = boolV(v.isZero())
}

// (reflect.Value).Bool: func (v Value) Bool() bool
func reflect_Value_Bool(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBe(t, v, "Bool", rkBool) {
		r[0] = boolV(v.get().N != 0)
	}
}

// (reflect.Value).Int: func (v Value) Int() int64
func reflect_Value_Int(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBe(t, v, "Int", rkInt, rkInt8, rkInt16, rkInt32, rkInt64) {
		r[0] = rt.Value{N: v.get().N}
	}
}

// (reflect.Value).Uint: func (v Value) Uint() uint64
func reflect_Value_Uint(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBe(t, v, "Uint", rkUint, rkUint8, rkUint16, rkUint32, rkUint64, rkUintptr) {
		r[0] = rt.Value{N: v.get().N}
	}
}

// (reflect.Value).Float: func (v Value) Float() float64
func reflect_Value_Float(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBe(t, v, "Float", rkFloat32, rkFloat64) {
		r[0] = rt.Value{N: v.get().N}
	}
}

// (reflect.Value).Complex: func (v Value) Complex() complex128
func reflect_Value_Complex(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBe(t, v, "Complex", rkComplex64, rkComplex128) {
		r[0] = rt.Value{R: c128Of(v.get())}
	}
}

// (reflect.Value).String: func (v Value) String() string
func reflect_Value_String(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	switch v.kind() {
	case rkInvalid:
		r[0] = rt.Value{R: "<invalid Value>"}
	case rkString:
		r[0] = rt.Value{R: strOf(v.get())}
	default:
		r[0] = rt.Value{R: "<" + v.t.String() + " Value>"}
	}
}

// (reflect.Value).Len: func (v Value) Len() int
func reflect_Value_Len(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if n, ok := v.length(t, "reflect.Value.Len"); ok {
		r[0] = rt.Value{N: uint64(n)}
	}
}

// (reflect.Value).Cap: func (v Value) Cap() int
func reflect_Value_Cap(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	switch v.kind() {
	case rkSlice:
		vs, _ := v.get().R.([]rt.Value)
		r[0] = rt.Value{N: uint64(cap(vs))}
	case rkArray:
		r[0] = rt.Value{N: uint64(v.t.Len)}
	case rkChan:
		c, _ := v.get().R.(*rt.Chan)
		if c != nil {
			r[0] = rt.Value{N: uint64(c.Cap())}
		}
	case rkPointer:
		if v.t.Elem.Kind == vm.KArray {
			r[0] = rt.Value{N: uint64(v.t.Elem.Len)}
			return
		}
		fallthrough
	default:
		valueError(t, "reflect.Value.Cap", v.kind())
	}
}

// (reflect.Value).Index: func (v Value) Index(i int) Value
func reflect_Value_Index(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if e, ok := v.index(t, int64(a[1].N)); ok {
		r[0] = e.pack()
	}
}

// (reflect.Value).NumField: func (v Value) NumField() int
func reflect_Value_NumField(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBe(t, v, "NumField", rkStruct) {
		r[0] = rt.Value{N: uint64(len(v.t.Fields))}
	}
}

// (reflect.Value).Field: func (v Value) Field(i int) Value
func reflect_Value_Field(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if !mustBe(t, v, "Field", rkStruct) {
		return
	}
	i := int64(a[1].N)
	if i < 0 || i >= int64(len(v.t.Fields)) {
		panicString(t, "reflect: Field index out of range")
		return
	}
	r[0] = v.field(int(i)).pack()
}

// (reflect.Value).FieldByIndex: func (v Value) FieldByIndex(index []int) Value
func reflect_Value_FieldByIndex(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	xs, _ := a[1].R.([]rt.Value)
	idx := make([]int, len(xs))
	for i, x := range xs {
		idx[i] = int(x.N)
	}
	if f, ok := fieldByIndex(t, v, idx); ok {
		r[0] = f.pack()
	}
}

// (reflect.Value).FieldByIndexErr: func (v Value) FieldByIndexErr(index []int) (Value, error)
func reflect_Value_FieldByIndexErr(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	xs, _ := a[1].R.([]rt.Value)
	r[0], r[1] = rv{}.pack(), rt.Value{}
	for n, x := range xs {
		if n > 0 && v.kind() == rkPointer && v.t.Elem.Kind == vm.KStruct {
			if isNilRef(v.get().R) {
				r[1] = t.Machine().NewError("reflect: indirection through nil pointer to embedded struct field " + typeName(v.t.Elem))
				return
			}
			v, _ = v.elem(t, "reflect.Value.Elem")
		}
		if !mustBe(t, v, "Field", rkStruct) {
			return
		}
		v = v.field(int(x.N))
	}
	r[0] = v.pack()
}

// (reflect.Value).FieldByName: func (v Value) FieldByName(name string) Value
func reflect_Value_FieldByName(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if !mustBe(t, v, "FieldByName", rkStruct) {
		return
	}
	idx := fieldPath(v.t, strOf(a[1]))
	if idx == nil {
		r[0] = rv{}.pack()
		return
	}
	if f, ok := fieldByIndex(t, v, idx); ok {
		r[0] = f.pack()
	}
}

// (reflect.Value).Elem: func (v Value) Elem() Value
func reflect_Value_Elem(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if e, ok := v.elem(t, "reflect.Value.Elem"); ok {
		r[0] = e.pack()
	}
}

// (reflect.Value).Addr: func (v Value) Addr() Value
func reflect_Value_Addr(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if v.cell == nil {
		panicString(t, "reflect.Value.Addr of unaddressable value")
		return
	}
	r[0] = rv{t: ptrTo(t.Machine(), v.t), v: rt.Value{R: v.cell}, flag: ro(v.flag)}.pack()
}

// (reflect.Value).Pointer: func (v Value) Pointer() uintptr
func reflect_Value_Pointer(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBe(t, v, "Pointer", rkPointer, rkChan, rkMap, rkUnsafePointer, rkFunc, rkSlice) {
		if v.t == reflectOf(t.Machine()).ptrRtype {
			// A type descriptor: addresses in order of first use, so
			// that fmtsort orders interface keys by type reproducibly.
			if c, _ := v.get().R.(*rt.Value); c != nil {
				r[0] = rt.Value{N: typeAddrBase + c.N*typeAddrStride}
				return
			}
		}
		if v.t.Kind == vm.KFunc {
			// The code pointer, as gc's: FuncForPC names the function.
			r[0] = rt.Value{N: uint64(t.Machine().FuncEntry(v.get()))}
			return
		}
		r[0] = rt.Value{N: uint64(v.addrOf())}
	}
}

// (reflect.Value).UnsafePointer: func (v Value) UnsafePointer() unsafe.Pointer
func reflect_Value_UnsafePointer(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBe(t, v, "UnsafePointer", rkPointer, rkChan, rkMap, rkUnsafePointer, rkFunc, rkSlice) {
		r[0] = v.unsafePointer()
	}
}

// (reflect.Value).UnsafeAddr: func (v Value) UnsafeAddr() uintptr
func reflect_Value_UnsafeAddr(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if v.cell == nil {
		panicString(t, "reflect.Value.UnsafeAddr of unaddressable value")
		return
	}
	r[0] = rt.Value{N: uint64(vm.AddressOf(v.cell))}
}

// (reflect.Value).Bytes: func (v Value) Bytes() []byte
func reflect_Value_Bytes(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	switch v.kind() {
	case rkSlice:
		if v.t.Elem.Kind == vm.KUint8 {
			r[0] = rt.Value{R: v.get().R}
			if isNilRef(r[0].R) {
				r[0] = rt.Value{}
			}
			return
		}
		panicString(t, "reflect.Value.Bytes of non-byte slice")
	case rkArray:
		if v.t.Elem.Kind != vm.KUint8 {
			panicString(t, "reflect.Value.Bytes of non-byte array")
			return
		}
		if v.cell == nil {
			panicString(t, "reflect.Value.Bytes of unaddressable byte array")
			return
		}
		vs, _ := v.cell.R.([]rt.Value)
		r[0] = rt.Value{R: vs}
	default:
		valueError(t, "reflect.Value.Bytes", v.kind())
	}
}

// (reflect.Value).Slice: func (v Value) Slice(i, j int) Value
func reflect_Value_Slice(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	doSlice(t, v, int(int64(a[1].N)), int(int64(a[2].N)), 0, false, r)
}

// (reflect.Value).Slice3: func (v Value) Slice3(i, j, k int) Value
func reflect_Value_Slice3(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	doSlice(t, v, int(int64(a[1].N)), int(int64(a[2].N)), int(int64(a[3].N)), true, r)
}

// (reflect.Value).NumMethod: func (v Value) NumMethod() int
func reflect_Value_NumMethod(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if v.t == nil {
		valueError(t, "reflect.Value.NumMethod", 0)
		return
	}
	r[0] = rt.Value{N: uint64(len(exportedMethods(v.t)))}
}

// (reflect.Value).Method: func (v Value) Method(i int) Value
func reflect_Value_Method(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if v.t == nil {
		valueError(t, "reflect.Value.Method", 0)
		return
	}
	if x, ok := methodByIndex(t, v, int(int64(a[1].N))); ok {
		r[0] = x
	}
}

// (reflect.Value).MethodByName: func (v Value) MethodByName(name string) Value
func reflect_Value_MethodByName(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if v.t == nil {
		valueError(t, "reflect.Value.MethodByName", 0)
		return
	}
	for i, f := range exportedMethods(v.t) {
		if f.Name() == strOf(a[1]) {
			if x, ok := methodByIndex(t, v, i); ok {
				r[0] = x
			}
			return
		}
	}
	r[0] = rv{}.pack()
}

// Maps.

// (reflect.Value).MapIndex: func (v Value) MapIndex(key Value) Value
func reflect_Value_MapIndex(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if !mustBe(t, v, "MapIndex", rkMap) {
		return
	}
	mp, _ := v.get().R.(*vm.Map)
	k := unpack(a[1])
	if mp == nil || k.t == nil {
		r[0] = rv{}.pack()
		return
	}
	x, ok, bad := mp.Get(k.assignTo(v.t.Key))
	if bad != nil {
		t.PanicRuntime("hash of unhashable type " + bad.String())
		return
	}
	if !ok {
		r[0] = rv{}.pack()
		return
	}
	r[0] = rv{t: v.t.Elem, v: x, flag: ro(v.flag)}.pack()
}

// (reflect.Value).SetMapIndex: func (v Value) SetMapIndex(key, elem Value)
func reflect_Value_SetMapIndex(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if !mustBe(t, v, "SetMapIndex", rkMap) {
		return
	}
	if ro(v.flag) != 0 {
		panicString(t, "reflect: reflect.Value.SetMapIndex using value obtained using unexported field")
		return
	}
	mp, _ := v.get().R.(*vm.Map)
	k, e := unpack(a[1]), unpack(a[2])
	if e.t == nil {
		if mp != nil {
			if bad := mp.Delete(k.assignTo(v.t.Key)); bad != nil {
				t.PanicRuntime("hash of unhashable type " + bad.String())
			}
		}
		return
	}
	if mp == nil {
		t.PanicPlain("assignment to entry in nil map")
		return
	}
	if bad := mp.Set(k.assignTo(v.t.Key), e.assignTo(v.t.Elem)); bad != nil {
		t.PanicRuntime("hash of unhashable type " + bad.String())
	}
}

// (reflect.Value).MapKeys: func (v Value) MapKeys() []Value
func reflect_Value_MapKeys(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if !mustBe(t, v, "MapKeys", rkMap) {
		return
	}
	mp, _ := v.get().R.(*vm.Map)
	keys, _ := mp.Entries(t.Machine().RT.Rand(t.G()))
	out := make([]rt.Value, len(keys))
	for i, k := range keys {
		out[i] = rv{t: v.t.Key, v: k, flag: ro(v.flag)}.pack()
	}
	r[0] = rt.Value{R: out}
}

// (reflect.Value).MapRange: func (v Value) MapRange() *MapIter
func reflect_Value_MapRange(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if !mustBe(t, v, "MapRange", rkMap) {
		return
	}
	r[0] = rt.Value{R: &rt.Value{R: []rt.Value{v.pack(), {R: &mapIterState{}}}}}
}

// (*reflect.MapIter).Next: func (iter *MapIter) Next() bool
func reflect_MapIter_Next(t *vm.Thread, a, r []rt.Value) {
	st, v := iterOf(t, a)
	if st == nil {
		return
	}
	if v.t == nil {
		panicString(t, "MapIter.Next called on an iterator that does not have an associated map Value")
		return
	}
	if !st.started {
		mp, _ := v.get().R.(*vm.Map)
		st.keys, st.vals = mp.Entries(t.Machine().RT.Rand(t.G()))
		st.started = true
		st.i = -1
	}
	if st.i >= len(st.keys) {
		panicString(t, "MapIter.Next called on exhausted iterator")
		return
	}
	st.i++
	r[0] = boolV(st.i < len(st.keys))
}

// (*reflect.MapIter).Key: func (iter *MapIter) Key() Value
func reflect_MapIter_Key(t *vm.Thread, a, r []rt.Value) {
	st, v := iterOf(t, a)
	if st == nil {
		return
	}
	if !st.started || st.i < 0 || st.i >= len(st.keys) {
		panicString(t, "MapIter.Key called before Next")
		return
	}
	r[0] = rv{t: v.t.Key, v: st.keys[st.i], flag: ro(v.flag)}.pack()
}

// (*reflect.MapIter).Value: func (iter *MapIter) Value() Value
func reflect_MapIter_Value(t *vm.Thread, a, r []rt.Value) {
	st, v := iterOf(t, a)
	if st == nil {
		return
	}
	if !st.started || st.i < 0 || st.i >= len(st.keys) {
		panicString(t, "MapIter.Value called before Next")
		return
	}
	r[0] = rv{t: v.t.Elem, v: st.vals[st.i], flag: ro(v.flag)}.pack()
}

// (reflect.Value).SetIterKey: func (v Value) SetIterKey(iter *MapIter)
func reflect_Value_SetIterKey(t *vm.Thread, a, r []rt.Value) { setIter(t, a, "SetIterKey", true) }

// (reflect.Value).SetIterValue: func (v Value) SetIterValue(iter *MapIter)
func reflect_Value_SetIterValue(t *vm.Thread, a, r []rt.Value) { setIter(t, a, "SetIterValue", false) }

// setIter sets v (a[0]) to the current key (or value) of the MapIter a[1],
// with gc's panics.
func setIter(t *vm.Thread, a []rt.Value, method string, key bool) {
	v := unpack(a[0])
	st, m := iterOf(t, a[1:])
	if st == nil {
		return
	}
	if !st.started {
		panicString(t, "reflect: Value."+method+" called before Next")
		return
	}
	if st.i < 0 || st.i >= len(st.keys) {
		panicString(t, "reflect: Value."+method+" called on exhausted iterator")
		return
	}
	if !mustBeAssignable(t, v, method) {
		return
	}
	if ro(m.flag) != 0 {
		panicString(t, "reflect: reflect.Value."+method+" using value obtained using unexported field")
		return
	}
	et, x, what := m.t.Key, st.keys[st.i], "SetKey"
	if !key {
		et, x, what = m.t.Elem, st.vals[st.i], "SetValue"
	}
	if et != v.t && !types.AssignableTo(et.T, v.t.T) {
		panicString(t, "reflect.MapIter."+what+": value of type "+et.String()+" is not assignable to type "+v.t.String())
		return
	}
	vm.StoreDeep(v.t, v.cell, rv{t: et, v: x}.assignTo(v.t))
}

// (*reflect.MapIter).Reset: func (iter *MapIter) Reset(v Value)
func reflect_MapIter_Reset(t *vm.Thread, a, r []rt.Value) {
	p, _ := a[0].R.(*rt.Value)
	if p == nil {
		return
	}
	p.R = []rt.Value{a[1], {R: &mapIterState{}}}
}

// Setters.

// (reflect.Value).Set: func (v Value) Set(x Value)
func reflect_Value_Set(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if !mustBeAssignable(t, v, "Set") {
		return
	}
	x := unpack(a[1])
	if x.t == nil {
		valueError(t, "reflect.Value.Set", 0)
		return
	}
	if x.flag&flagRO != 0 {
		panicString(t, "reflect: reflect.Value.Set using value obtained using unexported field")
		return
	}
	if x.t != v.t && !types.AssignableTo(x.t.T, v.t.T) {
		panicString(t, "reflect.Set: value of type "+x.t.String()+" is not assignable to type "+v.t.String())
		return
	}
	vm.StoreDeep(v.t, v.cell, x.assignTo(v.t))
}

// (reflect.Value).Clear: func (v Value) Clear()
func reflect_Value_Clear(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	switch v.kind() {
	case rkMap:
		if mp, _ := v.get().R.(*vm.Map); mp != nil {
			mp.Clear()
		}
	case rkSlice:
		vs, _ := v.get().R.([]rt.Value)
		for i := range vs {
			vs[i] = v.t.Elem.Zero()
		}
	default:
		valueError(t, "reflect.Value.Clear", v.kind())
	}
}

// (reflect.Value).Grow: func (v Value) Grow(n int)
func reflect_Value_Grow(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if !mustBeAssignable(t, v, "Grow") || !mustBe(t, v, "Grow", rkSlice) {
		return
	}
	n := int(int64(a[1].N))
	if n < 0 {
		panicString(t, "reflect.Value.Grow: negative len")
		return
	}
	vs, _ := v.cell.R.([]rt.Value)
	if cap(vs)-len(vs) < n {
		nv := make([]rt.Value, len(vs), len(vs)+n)
		copy(nv, vs)
		full := nv[len(vs):cap(nv)]
		for i := range full {
			full[i] = v.t.Elem.Zero()
		}
		*v.cell = rt.Value{R: nv}
	}
}

// (reflect.Value).SetZero: func (v Value) SetZero()
func reflect_Value_SetZero(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBeAssignable(t, v, "SetZero") {
		vm.StoreDeep(v.t, v.cell, v.t.Zero())
	}
}

// (reflect.Value).SetInt: func (v Value) SetInt(x int64)
func reflect_Value_SetInt(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBeAssignable(t, v, "SetInt") && mustBe(t, v, "SetInt", rkInt, rkInt8, rkInt16, rkInt32, rkInt64) {
		*v.cell = rt.Value{N: normInt(v.t.Kind, a[1].N)}
	}
}

// (reflect.Value).SetUint: func (v Value) SetUint(x uint64)
func reflect_Value_SetUint(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBeAssignable(t, v, "SetUint") && mustBe(t, v, "SetUint", rkUint, rkUint8, rkUint16, rkUint32, rkUint64, rkUintptr) {
		*v.cell = rt.Value{N: normInt(v.t.Kind, a[1].N)}
	}
}

// (reflect.Value).SetFloat: func (v Value) SetFloat(x float64)
func reflect_Value_SetFloat(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBeAssignable(t, v, "SetFloat") && mustBe(t, v, "SetFloat", rkFloat32, rkFloat64) {
		f := math.Float64frombits(a[1].N)
		if v.t.Kind == vm.KFloat32 {
			f = float64(float32(f))
		}
		*v.cell = rt.Value{N: math.Float64bits(f)}
	}
}

// (reflect.Value).SetComplex: func (v Value) SetComplex(x complex128)
func reflect_Value_SetComplex(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBeAssignable(t, v, "SetComplex") && mustBe(t, v, "SetComplex", rkComplex64, rkComplex128) {
		c := c128Of(a[1])
		if v.t.Kind == vm.KComplex64 {
			c = complex128(complex64(c))
		}
		*v.cell = rt.Value{R: c}
	}
}

// (reflect.Value).SetBool: func (v Value) SetBool(x bool)
func reflect_Value_SetBool(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBeAssignable(t, v, "SetBool") && mustBe(t, v, "SetBool", rkBool) {
		*v.cell = rt.Value{N: a[1].N}
	}
}

// (reflect.Value).SetString: func (v Value) SetString(x string)
func reflect_Value_SetString(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBeAssignable(t, v, "SetString") && mustBe(t, v, "SetString", rkString) {
		*v.cell = rt.Value{R: strOf(a[1])}
	}
}

// (reflect.Value).SetBytes: func (v Value) SetBytes(x []byte)
func reflect_Value_SetBytes(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBeAssignable(t, v, "SetBytes") && mustBe(t, v, "SetBytes", rkSlice) {
		*v.cell = rt.Value{R: a[1].R}
	}
}

// (reflect.Value).SetLen: func (v Value) SetLen(n int)
func reflect_Value_SetLen(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBeAssignable(t, v, "SetLen") && mustBe(t, v, "SetLen", rkSlice) {
		vs, _ := v.cell.R.([]rt.Value)
		n := int(int64(a[1].N))
		if n < 0 || n > cap(vs) {
			panicString(t, "reflect: slice length out of range in SetLen")
			return
		}
		*v.cell = rt.Value{R: vs[:n]}
	}
}

// (reflect.Value).SetCap: func (v Value) SetCap(n int)
func reflect_Value_SetCap(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBeAssignable(t, v, "SetCap") && mustBe(t, v, "SetCap", rkSlice) {
		vs, _ := v.cell.R.([]rt.Value)
		n := int(int64(a[1].N))
		if n < len(vs) || n > cap(vs) {
			panicString(t, "reflect: slice capacity out of range in SetCap")
			return
		}
		*v.cell = rt.Value{R: vs[:len(vs):n]}
	}
}

// (reflect.Value).OverflowComplex: func (v Value) OverflowComplex(x complex128) bool
func reflect_Value_OverflowComplex(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBe(t, v, "OverflowComplex", rkComplex64, rkComplex128) {
		r[0] = boolV(overflowComplex(v.t, a[1]))
	}
}

// (*reflect.rtype).OverflowComplex: func (t *rtype) OverflowComplex(x complex128) bool
func reflect_rtype_OverflowComplex(t *vm.Thread, a, r []rt.Value) {
	switch ty := recvType(a); ty.Kind {
	case vm.KComplex64, vm.KComplex128:
		r[0] = boolV(overflowComplex(ty, a[1]))
	default:
		panicString(t, "reflect: OverflowComplex of non-complex type "+ty.String())
	}
}

// overflowComplex reports whether complex128 x does not fit complex type ty.
func overflowComplex(ty *vm.Type, x rt.Value) bool {
	c, _ := x.R.(complex128)
	f32 := ty.Kind == vm.KComplex64
	over := func(x float64) bool { x = math.Abs(x); return f32 && math.MaxFloat32 < x && x <= math.MaxFloat64 }
	return over(real(c)) || over(imag(c))
}

// (reflect.Value).Comparable: func (v Value) Comparable() bool
func reflect_Value_Comparable(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	r[0] = boolV(v.t == nil || comparableValue(v.t, v.get()))
}

// (reflect.Value).Equal: func (v Value) Equal(u Value) bool
func reflect_Value_Equal(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	u := unpack(a[1])
	if v.kind() == rkInterface {
		v, _ = v.elem(t, "")
	}
	if u.kind() == rkInterface {
		u, _ = u.elem(t, "")
	}
	if v.t == nil || u.t == nil {
		r[0] = boolV(v.t == u.t)
		return
	}
	if v.t != u.t {
		r[0] = boolV(false)
		return
	}
	if !comparableValue(v.t, v.get()) {
		panicString(t, "reflect.Value.Equal: values of type "+v.t.String()+" are not comparable")
		return
	}
	r[0] = boolV(vm.Equal(v.t, v.get(), u.get()))
}

// (reflect.Value).OverflowInt: func (v Value) OverflowInt(x int64) bool
func reflect_Value_OverflowInt(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBe(t, v, "OverflowInt", rkInt, rkInt8, rkInt16, rkInt32, rkInt64) {
		r[0] = boolV(overflowInt(v.t, int64(a[1].N)))
	}
}

// (reflect.Value).OverflowUint: func (v Value) OverflowUint(x uint64) bool
func reflect_Value_OverflowUint(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBe(t, v, "OverflowUint", rkUint, rkUint8, rkUint16, rkUint32, rkUint64, rkUintptr) {
		r[0] = boolV(overflowUint(v.t, a[1].N))
	}
}

// (reflect.Value).OverflowFloat: func (v Value) OverflowFloat(x float64) bool
func reflect_Value_OverflowFloat(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBe(t, v, "OverflowFloat", rkFloat32, rkFloat64) {
		r[0] = boolV(overflowFloat(v.t, math.Float64frombits(a[1].N)))
	}
}

// (*reflect.rtype).OverflowInt: func (t *rtype) OverflowInt(x int64) bool
func reflect_rtype_OverflowInt(t *vm.Thread, a, r []rt.Value) {
	switch ty := recvType(a); ty.Kind {
	case vm.KInt, vm.KInt8, vm.KInt16, vm.KInt32, vm.KInt64:
		r[0] = boolV(overflowInt(ty, int64(a[1].N)))
	default:
		panicString(t, "reflect: OverflowInt of non-int type "+ty.String())
	}
}

// (*reflect.rtype).OverflowUint: func (t *rtype) OverflowUint(x uint64) bool
func reflect_rtype_OverflowUint(t *vm.Thread, a, r []rt.Value) {
	switch ty := recvType(a); ty.Kind {
	case vm.KUint, vm.KUint8, vm.KUint16, vm.KUint32, vm.KUint64, vm.KUintptr:
		r[0] = boolV(overflowUint(ty, a[1].N))
	default:
		panicString(t, "reflect: OverflowUint of non-uint type "+ty.String())
	}
}

// (*reflect.rtype).OverflowFloat: func (t *rtype) OverflowFloat(x float64) bool
func reflect_rtype_OverflowFloat(t *vm.Thread, a, r []rt.Value) {
	switch ty := recvType(a); ty.Kind {
	case vm.KFloat32, vm.KFloat64:
		r[0] = boolV(overflowFloat(ty, math.Float64frombits(a[1].N)))
	default:
		panicString(t, "reflect: OverflowFloat of non-float type "+ty.String())
	}
}

// overflowInt reports whether x does not fit the signed integer type ty.
func overflowInt(ty *vm.Type, x int64) bool {
	bits := uint(ty.Size * 8)
	return x != (x<<(64-bits))>>(64-bits)
}

// overflowUint reports whether x does not fit the unsigned integer type ty.
func overflowUint(ty *vm.Type, x uint64) bool {
	bits := uint(ty.Size * 8)
	return x != (x<<(64-bits))>>(64-bits)
}

// overflowFloat reports whether x does not fit the float type ty (only a
// finite float64 beyond float32's range overflows float32).
func overflowFloat(ty *vm.Type, x float64) bool {
	if ty.Kind != vm.KFloat32 {
		return false
	}
	x = math.Abs(x)
	return math.MaxFloat32 < x && x <= math.MaxFloat64
}

// (*reflect.rtype).CanSeq: func (t *rtype) CanSeq() bool — whether a value
// of the type can be ranged over with one iteration variable.
func reflect_rtype_CanSeq(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	switch ty.Kind {
	case vm.KInt, vm.KInt8, vm.KInt16, vm.KInt32, vm.KInt64, vm.KUint, vm.KUint8, vm.KUint16, vm.KUint32, vm.KUint64, vm.KUintptr,
		vm.KArray, vm.KSlice, vm.KChan, vm.KString, vm.KMap:
		r[0] = boolV(true)
	default:
		r[0] = boolV(canRange(ty, 1))
	}
}

// (*reflect.rtype).CanSeq2: func (t *rtype) CanSeq2() bool — with two.
func reflect_rtype_CanSeq2(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	switch ty.Kind {
	case vm.KArray, vm.KSlice, vm.KString, vm.KMap:
		r[0] = boolV(true)
	default:
		r[0] = boolV(canRange(ty, 2))
	}
}

// canRange reports whether ty is a pointer to an array, or a range
// function whose yield takes n values: func(yield func(...) bool).
func canRange(ty *vm.Type, n int) bool {
	if ty.Kind == vm.KPointer {
		return ty.Elem.Kind == vm.KArray
	}
	sig, ok := ty.T.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 0 {
		return false
	}
	yield, ok := sig.Params().At(0).Type().Underlying().(*types.Signature)
	if !ok || yield.Params().Len() != n || yield.Results().Len() != 1 {
		return false
	}
	b, ok := yield.Results().At(0).Type().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// (reflect.Value).Convert: func (v Value) Convert(t Type) Value
func reflect_Value_Convert(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	to := typeFrom(a[1])
	if x, ok := convertValue(t, v, to); ok {
		r[0] = x.pack()
	}
}

// (reflect.Value).CanConvert: func (v Value) CanConvert(t Type) bool
func reflect_Value_CanConvert(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	to := typeFrom(a[1])
	r[0] = boolV(v.t != nil && to != nil && types.ConvertibleTo(v.t.T, to.T))
}

// sig is the signature of the func type receiving method what.
func sig(t *vm.Thread, a []rt.Value, what string) *types.Signature {
	ty := recvType(a)
	s, ok := ty.T.Underlying().(*types.Signature)
	if !ok {
		panicString(t, "reflect: "+what+" of non-func type "+ty.String())
	}
	return s
}

// recvType is the *vm.Type of an rtype method's receiver.
func recvType(a []rt.Value) *vm.Type { return typeOfCell(a[0]) }

// typeName is Type.Name: the name of a defined type within its package.
func typeName(ty *vm.Type) string {
	switch T := types.Unalias(ty.T).(type) {
	case *types.Named:
		s := ty.String()
		if T.Obj().Pkg() != nil {
			s = s[len(T.Obj().Pkg().Name())+1:]
		}
		return s
	case *types.Basic:
		if T.Kind() == types.UnsafePointer {
			return "Pointer"
		}
		return types.Typ[T.Kind()].Name() // uint8 for byte, int32 for rune
	}
	return ""
}

func typePkgPath(ty *vm.Type) string {
	switch T := types.Unalias(ty.T).(type) {
	case *types.Named:
		if T.Obj().Pkg() != nil {
			return pkgPath(T.Obj().Pkg())
		}
	case *types.Basic:
		if T.Kind() == types.UnsafePointer {
			return "unsafe"
		}
	}
	return ""
}

// pkgPath is gc's path of p: "main" for the main package.
func pkgPath(p *types.Package) string {
	if p.Name() == "main" {
		return "main"
	}
	return p.Path()
}

// structField builds the reflect.StructField of the field at path idx.
func structField(m *vm.Machine, ty *vm.Type, idx []int) rt.Value {
	s := reflectOf(m)
	cur := ty
	var f *types.Var
	var tag string
	var off int64
	for n, i := range idx {
		if n > 0 && cur.Kind == vm.KPointer {
			cur = cur.Elem
		}
		st := structOf(cur)
		f = st.Field(i)
		tag = st.Tag(i)
		fields := make([]*types.Var, st.NumFields())
		for j := range fields {
			fields[j] = st.Field(j)
		}
		off = s.sizes.Offsetsof(fields)[i]
		cur = cur.Fields[i]
	}
	pkg := ""
	if !f.Exported() && f.Pkg() != nil {
		pkg = pkgPath(f.Pkg())
	}
	is := make([]rt.Value, len(idx))
	for i, x := range idx {
		is[i] = rt.Value{N: uint64(x)}
	}
	out := s.structFieldT.Zero()
	fs := out.R.([]rt.Value)
	set := func(name string, v rt.Value) {
		if i := vm.FieldIndex(s.structFieldT, name); i >= 0 {
			fs[i] = v
		}
	}
	set("Name", rt.Value{R: f.Name()})
	set("PkgPath", rt.Value{R: pkg})
	set("Type", typeValue(m, cur))
	set("Tag", rt.Value{R: tag})
	set("Offset", rt.Value{N: uint64(off)})
	set("Index", rt.Value{R: is})
	set("Anonymous", boolV(f.Embedded()))
	return out
}

// fieldPath finds field name in struct type ty (promoted through embedded
// fields, shallowest first), returning its index path or nil.
func fieldPath(ty *vm.Type, name string) []int {
	type item struct {
		t    *vm.Type
		path []int
	}
	level := []item{{ty, nil}}
	seen := map[*vm.Type]bool{}
	for len(level) > 0 {
		var next []item
		var found []int
		count := 0
		for _, it := range level {
			t := it.t
			if t.Kind == vm.KPointer {
				t = t.Elem
			}
			if t.Kind != vm.KStruct || seen[t] {
				continue
			}
			seen[t] = true
			st := structOf(t)
			for i := 0; i < st.NumFields(); i++ {
				f := st.Field(i)
				p := append(append([]int(nil), it.path...), i)
				if f.Name() == name {
					count++
					found = p
				} else if f.Embedded() {
					next = append(next, item{t.Fields[i], p})
				}
			}
		}
		if count == 1 {
			return found
		}
		if count > 1 {
			return nil
		}
		level = next
	}
	return nil
}

// exportedMethods lists the methods reflect shows for ty: exported methods
// of its method set sorted by name (all methods of an interface).
func exportedMethods(ty *vm.Type) []*types.Func {
	var out []*types.Func
	if it, ok := ty.T.Underlying().(*types.Interface); ok {
		for i := 0; i < it.NumMethods(); i++ {
			out = append(out, it.Method(i))
		}
		return out
	}
	ms := types.NewMethodSet(ty.T)
	for i := 0; i < ms.Len(); i++ {
		if f, ok := ms.At(i).Obj().(*types.Func); ok && f.Exported() {
			out = append(out, f)
		}
	}
	return out
}

// methodValue builds the reflect.Method of method f of ty.
func methodValue(m *vm.Machine, ty *vm.Type, f *types.Func, i int) rt.Value {
	s := reflectOf(m)
	out := s.methodT.Zero()
	fs := out.R.([]rt.Value)
	set := func(name string, v rt.Value) {
		if j := vm.FieldIndex(s.methodT, name); j >= 0 {
			fs[j] = v
		}
	}
	set("Name", rt.Value{R: f.Name()})
	set("Index", rt.Value{N: uint64(i)})
	fsig := f.Type().(*types.Signature)
	if _, isIface := ty.T.Underlying().(*types.Interface); isIface {
		set("Type", typeValue(m, m.TypeOf(types.NewSignatureType(nil, nil, nil, fsig.Params(), fsig.Results(), fsig.Variadic()))))
		return out
	}
	params := []*types.Var{types.NewParam(0, nil, "", ty.T)}
	for j := 0; j < fsig.Params().Len(); j++ {
		params = append(params, fsig.Params().At(j))
	}
	ft := m.TypeOf(types.NewSignatureType(nil, nil, nil, types.NewTuple(params...), fsig.Results(), fsig.Variadic()))
	set("Type", typeValue(m, ft))
	if impl := ty.Method(f.Name()); impl != nil {
		set("Func", rv{t: ft, v: rt.Value{R: &vm.Closure{Fn: impl}}}.pack())
	}
	return out
}

// canKind sets r[0] to whether v's kind is one of ks.
func canKind(v rv, r []rt.Value, ks ...int) {
	k := v.kind()
	ok := false
	for _, x := range ks {
		ok = ok || k == x
	}
	r[0] = boolV(ok)
}

// (reflect.Value).CanInt: func (v Value) CanInt() bool
func reflect_Value_CanInt(t *vm.Thread, a, r []rt.Value) {
	canKind(unpack(a[0]), r, rkInt, rkInt8, rkInt16, rkInt32, rkInt64)
}

// (reflect.Value).CanUint: func (v Value) CanUint() bool
func reflect_Value_CanUint(t *vm.Thread, a, r []rt.Value) {
	canKind(unpack(a[0]), r, rkUint, rkUint8, rkUint16, rkUint32, rkUint64, rkUintptr)
}

// (reflect.Value).CanFloat: func (v Value) CanFloat() bool
func reflect_Value_CanFloat(t *vm.Thread, a, r []rt.Value) {
	canKind(unpack(a[0]), r, rkFloat32, rkFloat64)
}

// (reflect.Value).CanComplex: func (v Value) CanComplex() bool
func reflect_Value_CanComplex(t *vm.Thread, a, r []rt.Value) {
	canKind(unpack(a[0]), r, rkComplex64, rkComplex128)
}

// (reflect.Value).Call: func (v Value) Call(in []Value) []Value
func reflect_Value_Call(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if !mustBe(t, v, "Call", rkFunc) {
		return
	}
	callValue(t, v, a[1], false, r)
}

// (reflect.Value).CallSlice: func (v Value) CallSlice(in []Value) []Value
func reflect_Value_CallSlice(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if !mustBe(t, v, "CallSlice", rkFunc) {
		return
	}
	callValue(t, v, a[1], true, r)
}

// iterOf reads a *reflect.MapIter.
func iterOf(t *vm.Thread, a []rt.Value) (*mapIterState, rv) {
	p, _ := a[0].R.(*rt.Value)
	if p == nil {
		t.PanicRuntime("invalid memory address or nil pointer dereference")
		return nil, rv{}
	}
	fs, _ := p.R.([]rt.Value)
	if len(fs) < 2 {
		return &mapIterState{}, rv{}
	}
	st, _ := fs[1].R.(*mapIterState)
	if st == nil {
		st = &mapIterState{}
		fs[1].R = st
	}
	return st, unpack(fs[0])
}

// methodByIndex is v.Method(i).
func methodByIndex(t *vm.Thread, v rv, i int) (rt.Value, bool) {
	m := t.Machine()
	ms := exportedMethods(v.t)
	if i < 0 || i >= len(ms) {
		panicString(t, "reflect: Method index out of range")
		return rt.Value{}, false
	}
	f := ms[i]
	fsig := f.Type().(*types.Signature)
	ft := m.TypeOf(types.NewSignatureType(nil, nil, nil, fsig.Params(), fsig.Results(), fsig.Variadic()))
	recvT, recv := v.t, v.copied()
	if v.t.Kind == vm.KInterface {
		iv, ok := v.get().R.(vm.Iface)
		if !ok {
			panicString(t, "reflect: Method on nil interface value")
			return rt.Value{}, false
		}
		recvT, recv = iv.T, iv.V
	}
	impl := recvT.Method(f.Name())
	if impl == nil {
		t.Unsupported("reflect: method " + f.Name() + " of " + recvT.String())
		return rt.Value{}, false
	}
	return rv{t: ft, v: m.MethodClosure(impl, recv), flag: ro(v.flag)}.pack(), true
}

// doSlice is v.Slice(i, j) or v.Slice3(i, j, k).
func doSlice(t *vm.Thread, v rv, i, j, k int, three bool, r []rt.Value) {
	m := t.Machine()
	var base []rt.Value
	var st *vm.Type
	switch v.kind() {
	case rkSlice:
		base, _ = v.get().R.([]rt.Value)
		st = v.t
	case rkArray:
		if v.cell == nil {
			panicString(t, "reflect.Value.Slice: slice of unaddressable array")
			return
		}
		base, _ = v.cell.R.([]rt.Value)
		st = m.TypeOf(types.NewSlice(v.t.Elem.T))
	case rkString:
		if three {
			panicString(t, "reflect.Value.Slice3: slice of string")
			return
		}
		s := strOf(v.get())
		if i < 0 || j < i || j > len(s) {
			panicString(t, "reflect.Value.Slice: string slice index out of bounds")
			return
		}
		r[0] = rv{t: v.t, v: rt.Value{R: s[i:j]}, flag: ro(v.flag)}.pack()
		return
	default:
		name := "Slice"
		if three {
			name = "Slice3"
		}
		valueError(t, "reflect.Value."+name, v.kind())
		return
	}
	if !three {
		k = cap(base)
	}
	if i < 0 || j < i || k < j || k > cap(base) {
		if three {
			panicString(t, "reflect.Value.Slice3: slice index out of bounds")
		} else {
			panicString(t, "reflect.Value.Slice: slice index out of bounds")
		}
		return
	}
	r[0] = rv{t: st, v: rt.Value{R: base[i:j:k]}, flag: ro(v.flag)}.pack()
}

// fieldByIndex is v.FieldByIndex(idx).
func fieldByIndex(t *vm.Thread, v rv, idx []int) (rv, bool) {
	for n, i := range idx {
		if n > 0 && v.kind() == rkPointer && v.t.Elem.Kind == vm.KStruct {
			if isNilRef(v.get().R) {
				panicString(t, "reflect: indirection through nil pointer to embedded struct")
				return rv{}, false
			}
			v, _ = v.elem(t, "reflect.Value.Elem")
		}
		if !mustBe(t, v, "Field", rkStruct) {
			return rv{}, false
		}
		v = v.field(i)
	}
	return v, true
}

// Fake addresses of type descriptors (Value.Pointer of a *rtype), like
// gc's read-only data addresses.
const (
	typeAddrBase   = 0x4a0000
	typeAddrStride = 0x60
)

type mapIterState struct {
	started    bool
	i          int
	keys, vals []rt.Value
}

// comparableValue reports whether v (of type t) can be compared with ==
// without panicking.
func comparableValue(t *vm.Type, v rt.Value) bool {
	switch t.Kind {
	case vm.KInterface:
		iv, ok := v.R.(vm.Iface)
		return !ok || comparableValue(iv.T, iv.V)
	case vm.KStruct:
		fs, _ := v.R.([]rt.Value)
		for i, ft := range t.Fields {
			if fs != nil && !comparableValue(ft, fs[i]) {
				return false
			}
			if fs == nil && ft.Incomparable() {
				return false
			}
		}
		return true
	case vm.KArray:
		vs, _ := v.R.([]rt.Value)
		for _, e := range vs {
			if !comparableValue(t.Elem, e) {
				return false
			}
		}
		return !t.Elem.Incomparable() || len(vs) > 0
	}
	return !t.Incomparable()
}

// convertValue is Value.Convert for the common conversions: identical
// underlying types, numeric ↔ numeric, string ↔ []byte/[]rune, integer →
// string, and to interface types.
func convertValue(t *vm.Thread, v rv, to *vm.Type) (rv, bool) {
	if v.t == nil {
		valueError(t, "reflect.Value.Convert", 0)
		return rv{}, false
	}
	if to == nil || !types.ConvertibleTo(v.t.T, to.T) {
		panicString(t, "reflect.Value.Convert: value of type "+v.t.String()+" cannot be converted to type "+to.String())
		return rv{}, false
	}
	x := v.get()
	flag := ro(v.flag)
	if to.Kind == vm.KInterface {
		return rv{t: to, v: v.assignTo(to), flag: flag}, true
	}
	fk, tk := v.t.Kind, to.Kind
	switch {
	case types.IdenticalIgnoreTags(v.t.T.Underlying(), to.T.Underlying()):
		return rv{t: to, v: v.copied(), flag: flag}, true
	case fk.IsInteger() && tk.IsInteger():
		return rv{t: to, v: rt.Value{N: normInt(tk, x.N)}, flag: flag}, true
	case fk.IsInteger() && tk.IsFloat():
		var f float64
		if fk.IsSigned() {
			f = float64(int64(x.N))
		} else {
			f = float64(x.N)
		}
		if tk == vm.KFloat32 {
			f = float64(float32(f))
		}
		return rv{t: to, v: rt.Value{N: math.Float64bits(f)}, flag: flag}, true
	case fk.IsFloat() && tk.IsInteger():
		f := math.Float64frombits(x.N)
		var n uint64
		if tk.IsSigned() {
			n = uint64(int64(f))
		} else {
			n = uint64(f)
		}
		return rv{t: to, v: rt.Value{N: normInt(tk, n)}, flag: flag}, true
	case fk.IsFloat() && tk.IsFloat():
		f := math.Float64frombits(x.N)
		if tk == vm.KFloat32 {
			f = float64(float32(f))
		}
		return rv{t: to, v: rt.Value{N: math.Float64bits(f)}, flag: flag}, true
	case fk.IsComplex() && tk.IsComplex():
		c := c128Of(x)
		if tk == vm.KComplex64 {
			c = complex128(complex64(c))
		}
		return rv{t: to, v: rt.Value{R: c}, flag: flag}, true
	case fk.IsInteger() && tk == vm.KString:
		r := rune(0xFFFD)
		if fk.IsSigned() {
			if n := int64(x.N); n >= 0 && n <= math.MaxInt32 {
				r = rune(n)
			}
		} else if x.N <= math.MaxInt32 {
			r = rune(x.N)
		}
		return rv{t: to, v: rt.Value{R: string(r)}, flag: flag}, true
	case fk == vm.KString && tk == vm.KSlice:
		s := strOf(x)
		if to.Elem.Kind == vm.KUint8 {
			return rv{t: to, v: rt.Value{R: vm.BytesToValues([]byte(s)).R.([]rt.Value)}, flag: flag}, true
		}
		rs := []rune(s)
		vs := make([]rt.Value, len(rs))
		for i, c := range rs {
			vs[i].N = uint64(int64(c))
		}
		return rv{t: to, v: rt.Value{R: vs}, flag: flag}, true
	case fk == vm.KSlice && tk == vm.KString:
		vs, _ := x.R.([]rt.Value)
		if v.t.Elem.Kind == vm.KUint8 {
			return rv{t: to, v: rt.Value{R: string(vm.ValuesToBytes(x))}, flag: flag}, true
		}
		rs := make([]rune, len(vs))
		for i := range vs {
			rs[i] = rune(int32(vs[i].N))
		}
		return rv{t: to, v: rt.Value{R: string(rs)}, flag: flag}, true
	case fk == vm.KSlice && tk == vm.KArray:
		vs, _ := x.R.([]rt.Value)
		if len(vs) < to.Len {
			t.PanicRuntime("cannot convert slice with length " + strconv.Itoa(len(vs)) + " to array or pointer to array with length " + strconv.Itoa(to.Len))
			return rv{}, false
		}
		return rv{t: to, v: vm.CopyDeep(to, rt.Value{R: vs[:to.Len]}), flag: flag}, true
	case fk == vm.KPointer && tk == vm.KPointer, fk == vm.KUnsafePointer || tk == vm.KUnsafePointer:
		return rv{t: to, v: x, flag: flag}, true
	}
	t.Unsupported("reflect.Value.Convert from " + v.t.String() + " to " + to.String())
	return rv{}, false
}

// callValue is Value.Call: it calls the function with the arguments
// converted to its parameter types and returns the results as []Value.
func callValue(t *vm.Thread, v rv, argsV rt.Value, isSlice bool, r []rt.Value) {
	fn := v.get()
	if isNilRef(fn.R) {
		panicString(t, "reflect: call of nil function")
		return
	}
	sig, _ := v.t.T.Underlying().(*types.Signature)
	m := t.Machine()
	in, _ := argsV.R.([]rt.Value)
	np := sig.Params().Len()
	var args []rt.Value
	nfixed := np
	if sig.Variadic() && !isSlice {
		nfixed = np - 1
		if len(in) < nfixed {
			panicString(t, "reflect: Call with too few input arguments")
			return
		}
	} else if len(in) != np {
		if len(in) < np {
			panicString(t, "reflect: Call with too few input arguments")
		} else {
			panicString(t, "reflect: Call with too many input arguments")
		}
		return
	}
	for i := 0; i < nfixed; i++ {
		x := unpack(in[i])
		pt := m.TypeOf(sig.Params().At(i).Type())
		if x.t == nil {
			panicString(t, "reflect: Call using zero Value argument")
			return
		}
		if x.t != pt && !types.AssignableTo(x.t.T, pt.T) {
			panicString(t, "reflect: Call using "+x.t.String()+" as type "+pt.String())
			return
		}
		args = append(args, x.assignTo(pt))
	}
	if sig.Variadic() && !isSlice {
		st := m.TypeOf(sig.Params().At(np - 1).Type())
		var vs []rt.Value
		for _, a := range in[nfixed:] {
			x := unpack(a)
			if x.t == nil {
				panicString(t, "reflect: Call using zero Value argument")
				return
			}
			vs = append(vs, x.assignTo(st.Elem))
		}
		args = append(args, rt.Value{R: vs})
	}
	results := sig.Results()
	if method, recv, ok := vm.BoundMethod(fn); ok {
		fn, args = method, append([]rt.Value{recv}, args...)
	}
	if mf, ok := vm.ClosureTag(fn).(*madeFunc); ok {
		// A MakeFunc function: call its implementation with the Values.
		params := mf.sig.Params()
		in := make([]rt.Value, len(args))
		for i := range args {
			in[i] = rv{t: m.TypeOf(params.At(i).Type()), v: args[i]}.pack()
		}
		t.CallThen(mf.fn, []rt.Value{{R: in}}, func(t *vm.Thread, res, out []rt.Value) {
			if vals, ok := mf.results(t, res[0]); ok {
				out[0] = rt.Value{R: vals}
			}
		})
		return
	}
	t.CallThen(fn, args, func(t *vm.Thread, res, out []rt.Value) {
		vals := make([]rt.Value, results.Len())
		for i := range vals {
			vals[i] = rv{t: m.TypeOf(results.At(i).Type()), v: res[i]}.pack()
		}
		out[0] = rt.Value{R: vals}
	})
}

// makeFunc is reflect.MakeFunc: a func value of type ty that calls fn
// (a func([]Value) []Value) with its arguments as Values.
func makeFunc(m *vm.Machine, ty *vm.Type, fn rt.Value) rt.Value {
	sig := ty.T.Underlying().(*types.Signature)
	params, results := sig.Params(), sig.Results()
	mf := &madeFunc{fn: fn, sig: sig}
	return m.NewTaggedNativeClosure("reflect.makeFuncStub", params.Len(), results.Len(), func(t *vm.Thread, a, r []rt.Value) {
		in := make([]rt.Value, len(a))
		for i := range a {
			in[i] = rv{t: m.TypeOf(params.At(i).Type()), v: a[i]}.pack()
		}
		t.CallThen(fn, []rt.Value{{R: in}}, func(t *vm.Thread, res, out []rt.Value) {
			if vals, ok := mf.results(t, res[0]); ok {
				for i := range vals {
					out[i] = unpack(vals[i]).assignTo(m.TypeOf(results.At(i).Type()))
				}
			}
		})
	}, mf)
}

// madeFunc is the tag of MakeFunc's func values.
type madeFunc struct {
	fn  rt.Value // func([]Value) []Value
	sig *types.Signature
}

// results checks the []Value the MakeFunc function returned.
func (mf *madeFunc) results(t *vm.Thread, res rt.Value) ([]rt.Value, bool) {
	m := t.Machine()
	results := mf.sig.Results()
	vals, _ := res.R.([]rt.Value)
	if len(vals) != results.Len() {
		panicString(t, "reflect: wrong return count from function created by MakeFunc")
		return nil, false
	}
	for i := range vals {
		x := unpack(vals[i])
		want := m.TypeOf(results.At(i).Type())
		if x.t == nil {
			panicString(t, "reflect: function created by MakeFunc using closure returned zero Value")
			return nil, false
		}
		if x.t != want && !types.AssignableTo(x.t.T, want.T) {
			panicString(t, "reflect: function created by MakeFunc using closure returned wrong type: have "+x.t.String()+" for "+want.String())
			return nil, false
		}
	}
	return vals, true
}

// visibleFields is reflect.VisibleFields' index paths: every field of ty,
// with those of embedded structs that are not hidden by shallower ones.
func visibleFields(ty *vm.Type) [][]int {
	var out [][]int
	var walk func(t *vm.Type, path []int, seen map[*vm.Type]bool)
	walk = func(t *vm.Type, path []int, seen map[*vm.Type]bool) {
		if seen[t] {
			return
		}
		seen[t] = true
		st := structOf(t)
		for i := 0; i < st.NumFields(); i++ {
			f := st.Field(i)
			p := append(append([]int(nil), path...), i)
			if len(path) == 0 || samePath(fieldPath(ty, f.Name()), p) {
				out = append(out, p)
			}
			if f.Embedded() {
				ft := t.Fields[i]
				if ft.Kind == vm.KPointer {
					ft = ft.Elem
				}
				if ft.Kind == vm.KStruct {
					walk(ft, p, seen)
				}
			}
		}
		delete(seen, t)
	}
	walk(ty, nil, map[*vm.Type]bool{})
	return out
}

func samePath(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// visit records a pair of references DeepEqual is comparing (cycles).
type visit struct {
	a, b uintptr
	t    *vm.Type
}

func deepEqual(t *vm.Type, x, y rt.Value, seen map[visit]bool) bool {
	switch t.Kind {
	case vm.KPointer, vm.KMap, vm.KSlice:
		a, b := vm.HostAddr(x.R), vm.HostAddr(y.R)
		if a != 0 && b != 0 {
			k := visit{a, b, t}
			if a > b {
				k = visit{b, a, t}
			}
			if seen[k] {
				return true
			}
			seen[k] = true
		}
	}
	switch t.Kind {
	case vm.KArray:
		xs, _ := x.R.([]rt.Value)
		ys, _ := y.R.([]rt.Value)
		for i := 0; i < t.Len; i++ {
			var xe, ye rt.Value
			if xs != nil {
				xe = xs[i]
			} else {
				xe = t.Elem.Zero()
			}
			if ys != nil {
				ye = ys[i]
			} else {
				ye = t.Elem.Zero()
			}
			if !deepEqual(t.Elem, xe, ye, seen) {
				return false
			}
		}
		return true
	case vm.KSlice:
		xs, _ := x.R.([]rt.Value)
		ys, _ := y.R.([]rt.Value)
		if (xs == nil) != (ys == nil) || len(xs) != len(ys) {
			return false
		}
		if len(xs) == 0 || &xs[0] == &ys[0] {
			return true
		}
		for i := range xs {
			if !deepEqual(t.Elem, xs[i], ys[i], seen) {
				return false
			}
		}
		return true
	case vm.KInterface:
		a, aok := x.R.(vm.Iface)
		b, bok := y.R.(vm.Iface)
		if !aok || !bok {
			return aok == bok
		}
		if a.T != b.T {
			return false
		}
		return deepEqual(a.T, a.V, b.V, seen)
	case vm.KPointer:
		if vm.EqualPointers(x, y) {
			return true
		}
		// Through a view (vm.View), the referent as the pointer's type
		// sees it; a nil pointer or a RawAddr has none to compare.
		xv, xok := vm.Referent(x)
		yv, yok := vm.Referent(y)
		if !xok || !yok {
			return false
		}
		return deepEqual(t.Elem, xv, yv, seen)
	case vm.KStruct:
		xs, _ := x.R.([]rt.Value)
		ys, _ := y.R.([]rt.Value)
		for i, ft := range t.Fields {
			var xe, ye rt.Value
			if xs != nil {
				xe = xs[i]
			} else {
				xe = ft.Zero()
			}
			if ys != nil {
				ye = ys[i]
			} else {
				ye = ft.Zero()
			}
			if !deepEqual(ft, xe, ye, seen) {
				return false
			}
		}
		return true
	case vm.KMap:
		a, _ := x.R.(*vm.Map)
		b, _ := y.R.(*vm.Map)
		if (a == nil) != (b == nil) || a.Len() != b.Len() {
			return false
		}
		if a == b {
			return true
		}
		keys, vals := a.Entries(0)
		for i, k := range keys {
			bv, ok, _ := b.Get(k)
			if !ok || !deepEqual(t.Elem, vals[i], bv, seen) {
				return false
			}
		}
		return true
	case vm.KFunc:
		return isNilRef(x.R) && isNilRef(y.R)
	case vm.KFloat32, vm.KFloat64:
		return math.Float64frombits(x.N) == math.Float64frombits(y.N)
	case vm.KComplex64, vm.KComplex128:
		return c128Of(x) == c128Of(y)
	case vm.KString:
		return strOf(x) == strOf(y)
	case vm.KChan, vm.KUnsafePointer:
		return vm.HostAddr(x.R) == vm.HostAddr(y.R)
	}
	return x.N == y.N
}

// swapper is reflect.Swapper (and reflectlite's): a func(i, j int) that
// swaps the elements of slice s.
func swapper(t *vm.Thread, s rt.Value) rt.Value {
	v := valueOfIface(s)
	if v.kind() != rkSlice {
		valueError(t, "Swapper", v.kind())
		return rt.Value{}
	}
	vs, _ := v.v.R.([]rt.Value)
	return t.Machine().NewNativeClosure("reflect.Swapper.func1", 2, 0, func(t *vm.Thread, a, r []rt.Value) {
		i, j := int64(a[0].N), int64(a[1].N)
		if i < 0 || i >= int64(len(vs)) {
			t.PanicRuntime("index out of range [" + strconv.FormatInt(i, 10) + "] with length " + strconv.Itoa(len(vs)))
			return
		}
		if j < 0 || j >= int64(len(vs)) {
			t.PanicRuntime("index out of range [" + strconv.FormatInt(j, 10) + "] with length " + strconv.Itoa(len(vs)))
			return
		}
		if et := v.t.Elem; et.Kind == vm.KStruct || et.Kind == vm.KArray {
			// In place, so that pointers into the elements see the swap.
			tmp := vm.CopyDeep(et, vs[i])
			vm.StoreDeep(et, &vs[i], vs[j])
			vm.StoreDeep(et, &vs[j], tmp)
			return
		}
		vs[i], vs[j] = vs[j], vs[i]
	})
}

// valueIsNil is reflect's and reflectlite's Value.IsNil.
func valueIsNil(t *vm.Thread, v rv, method string, r []rt.Value) {
	switch v.kind() {
	case rkChan, rkFunc, rkMap, rkPointer, rkUnsafePointer, rkSlice:
		r[0] = boolV(isNilRef(v.get().R))
	case rkInterface:
		_, ok := v.get().R.(vm.Iface)
		r[0] = boolV(!ok)
	default:
		valueError(t, method, v.kind())
	}
}

// ---- channels ----

// chanOf is v's channel for a channel operation method, checking what gc's
// reflect checks: the kind, an exported value, and the direction (dir
// RecvDir or SendDir; what says "recv on send-only channel"...).
func chanOf(t *vm.Thread, v rv, method string, dir types.ChanDir, what string) (*rt.Chan, bool) {
	if !mustBe(t, v, method, rkChan) {
		return nil, false
	}
	if ro(v.flag) != 0 {
		panicString(t, "reflect: reflect.Value."+method+" using value obtained using unexported field")
		return nil, false
	}
	if ct, ok := v.t.T.Underlying().(*types.Chan); ok && ct.Dir() == dir {
		panicString(t, "reflect: "+what)
		return nil, false
	}
	c, _ := v.get().R.(*rt.Chan)
	return c, true
}

// chanRecv is Recv (block) and TryRecv: the value (invalid when nothing
// was received without blocking) and whether it was sent (not the zero
// value of a closed channel).
func chanRecv(t *vm.Thread, a, r []rt.Value, method string, block bool) {
	v := unpack(a[0])
	rtm := t.Machine().RT
	if t.Resuming() {
		ok := rtm.ChanrecvDone(t.G())
		buf := t.RecvBuf()
		r[0], r[1] = rv{t: v.t.Elem, v: *buf}.pack(), boolV(ok)
		*buf = rt.Value{}
		return
	}
	c, good := chanOf(t, v, method, types.SendOnly, "recv on send-only channel")
	if !good {
		return
	}
	buf := t.RecvBuf()
	selected, ok, done := rtm.Chanrecv(t.G(), c, buf, block)
	if !done {
		t.Parked()
		return
	}
	if !selected {
		r[0], r[1] = rv{}.pack(), boolV(false)
		return
	}
	x := *buf
	*buf = rt.Value{}
	if !ok {
		x = v.t.Elem.Zero()
	}
	r[0], r[1] = rv{t: v.t.Elem, v: x}.pack(), boolV(ok)
}

// (reflect.Value).Recv: func (v Value) Recv() (x Value, ok bool)
func reflect_Value_Recv(t *vm.Thread, a, r []rt.Value) { chanRecv(t, a, r, "Recv", true) }

// (reflect.Value).TryRecv: func (v Value) TryRecv() (x Value, ok bool)
func reflect_Value_TryRecv(t *vm.Thread, a, r []rt.Value) { chanRecv(t, a, r, "TryRecv", false) }

// chanSend is Send (block) and TrySend; it reports whether x was sent.
func chanSend(t *vm.Thread, a []rt.Value, method string, block bool) bool {
	rtm := t.Machine().RT
	if t.Resuming() {
		if err := rtm.ChansendDone(t.G()); err != nil {
			t.PanicPlain(err.Error())
		}
		return true
	}
	v := unpack(a[0])
	c, good := chanOf(t, v, method, types.RecvOnly, "send on recv-only channel")
	if !good {
		return false
	}
	x := unpack(a[1])
	if x.t == nil {
		panicString(t, "reflect: call of reflect.Value."+method+" on zero Value")
		return false
	}
	if ro(x.flag) != 0 {
		panicString(t, "reflect: reflect.Value."+method+" using value obtained using unexported field")
		return false
	}
	if !types.AssignableTo(x.t.T, v.t.Elem.T) {
		panicString(t, "reflect.Value."+method+": value of type "+x.t.String()+" is not assignable to type "+v.t.Elem.String())
		return false
	}
	sent, done, err := rtm.Chansend(t.G(), c, x.assignTo(v.t.Elem), block)
	if err != nil {
		t.PanicPlain(err.Error())
		return false
	}
	if !done {
		t.Parked()
	}
	return sent
}

// (reflect.Value).Send: func (v Value) Send(x Value)
func reflect_Value_Send(t *vm.Thread, a, r []rt.Value) { chanSend(t, a, "Send", true) }

// (reflect.Value).TrySend: func (v Value) TrySend(x Value) bool
func reflect_Value_TrySend(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(chanSend(t, a, "TrySend", false))
}

// (reflect.Value).Close: func (v Value) Close()
func reflect_Value_Close(t *vm.Thread, a, r []rt.Value) {
	c, good := chanOf(t, unpack(a[0]), "Close", types.RecvOnly, "close of receive-only channel")
	if !good {
		return
	}
	if err := t.Machine().RT.Closechan(t.G(), c); err != nil {
		t.PanicPlain(err.Error())
	}
}

// reflect.MakeChan: func MakeChan(typ Type, buffer int) Value
func reflect_MakeChan(t *vm.Thread, a, r []rt.Value) {
	ty := typeFrom(a[0])
	if ty == nil || ty.Kind != vm.KChan {
		panicString(t, "reflect.MakeChan of non-chan type")
		return
	}
	n := int64(a[1].N)
	if n < 0 {
		panicString(t, "reflect.MakeChan: negative buffer size")
		return
	}
	if ty.T.Underlying().(*types.Chan).Dir() != types.SendRecv {
		panicString(t, "reflect.MakeChan: unidirectional channel type")
		return
	}
	if n > 1<<31 {
		t.PanicPlain("makechan: size out of range")
		return
	}
	r[0] = rv{t: ty, v: rt.Value{R: rt.MakeChanIn(t.G(), int(n), ty.Elem.Zero())}}.pack()
}

// reflectSelect is a reflect.Select in progress: its cases as rt's, with
// the index and element type of each in the program's cases, kept while
// the G is parked.
type reflectSelect struct {
	cases []rt.Scase
	index []int
	elem  []*vm.Type
	vals  []rt.Value
	dflt  int // the default case's index, or -1
}

var reflectSelects sync.Map // *rt.G → *reflectSelect

// reflect.Select: func Select(cases []SelectCase) (chosen int, recv Value, recvOK bool)
func reflect_Select(t *vm.Thread, a, r []rt.Value) {
	rtm := t.Machine().RT
	var st *reflectSelect
	var chosen int
	var recvOK bool
	if t.Resuming() {
		v, _ := reflectSelects.LoadAndDelete(t.G())
		st = v.(*reflectSelect)
		var err error
		if chosen, recvOK, err = rtm.SelectDone(t.G(), st.cases); err != nil {
			t.PanicPlain(err.Error())
			return
		}
	} else {
		var ok bool
		if st, ok = selectCases(t, a[0]); !ok {
			return
		}
		var done bool
		var err error
		chosen, recvOK, done, err = rtm.Selectgo(t.G(), st.cases, st.dflt < 0)
		if err != nil {
			t.PanicPlain(err.Error())
			return
		}
		if !done {
			reflectSelects.Store(t.G(), st)
			t.Parked()
			return
		}
	}
	r[1], r[2] = rv{}.pack(), boolV(false)
	if chosen < 0 {
		r[0] = rt.Value{N: uint64(st.dflt)}
		return
	}
	r[0] = rt.Value{N: uint64(st.index[chosen])}
	if st.cases[chosen].Dir == rt.SelectRecv {
		r[1], r[2] = rv{t: st.elem[chosen], v: st.vals[chosen]}.pack(), boolV(recvOK)
	}
}

// selectCases reads reflect.Select's cases, panicking as gc's rselect
// checks do.
func selectCases(t *vm.Thread, v rt.Value) (*reflectSelect, bool) {
	m := t.Machine()
	ct := m.LookupType("reflect", "SelectCase")
	dirF, chanF, sendF := vm.FieldIndex(ct, "Dir"), vm.FieldIndex(ct, "Chan"), vm.FieldIndex(ct, "Send")
	in, _ := v.R.([]rt.Value)
	st := &reflectSelect{dflt: -1, vals: make([]rt.Value, len(in))}
	for i, c := range in {
		fs, _ := c.R.([]rt.Value)
		ch, send := unpack(fs[chanF]), unpack(fs[sendF])
		switch fs[dirF].N {
		case 3: // SelectDefault
			if st.dflt >= 0 {
				panicString(t, "reflect.Select: multiple default cases")
				return nil, false
			}
			if ch.t != nil {
				panicString(t, "reflect.Select: default case has Chan value")
				return nil, false
			}
			if send.t != nil {
				panicString(t, "reflect.Select: default case has Send value")
				return nil, false
			}
			st.dflt = i
			continue
		case 1: // SelectSend
			c, et, ok := selectChan(t, ch, types.RecvOnly, "reflect.Select: SendDir case using recv-only channel")
			if !ok {
				return nil, false
			}
			if send.t == nil {
				panicString(t, "reflect.Select: SendDir case missing Send value")
				return nil, false
			}
			if et != nil {
				if !types.AssignableTo(send.t.T, et.T) {
					panicString(t, "reflect.Select: value of type "+send.t.String()+" is not assignable to type "+et.String())
					return nil, false
				}
				st.vals[len(st.cases)] = send.assignTo(et)
			}
			st.cases = append(st.cases, rt.Scase{C: c, Dir: rt.SelectSend})
			st.elem = append(st.elem, et)
		case 2: // SelectRecv
			if send.t != nil {
				panicString(t, "reflect.Select: RecvDir case has Send value")
				return nil, false
			}
			c, et, ok := selectChan(t, ch, types.SendOnly, "reflect.Select: RecvDir case using send-only channel")
			if !ok {
				return nil, false
			}
			st.cases = append(st.cases, rt.Scase{C: c, Dir: rt.SelectRecv})
			st.elem = append(st.elem, et)
		default:
			panicString(t, "reflect.Select: invalid Dir")
			return nil, false
		}
		st.index = append(st.index, i)
	}
	for k := range st.cases {
		st.cases[k].Elem = &st.vals[k]
	}
	return st, true
}

// selectChan is the channel of a reflect.Select case and its element type
// (nil, nil for the zero Value: a case never ready); false after
// panicking with msg if the channel's direction is the forbidden one.
func selectChan(t *vm.Thread, ch rv, forbidden types.ChanDir, msg string) (*rt.Chan, *vm.Type, bool) {
	if ch.t == nil {
		return nil, nil, true
	}
	if !mustBe(t, ch, "Select", rkChan) {
		return nil, nil, false
	}
	if ch.t.T.Underlying().(*types.Chan).Dir() == forbidden {
		panicString(t, msg)
		return nil, nil, false
	}
	c, _ := ch.get().R.(*rt.Chan)
	return c, ch.t.Elem, true
}

// ---- range over a Value (Go 1.23's Value.Seq and Seq2) ----

// seqItems lists what ranging over v yields, one or two Values an
// iteration, or reports (false) that it cannot: integers count (values
// of v's type, as gc's rangeNum), arrays, slices and pointers to
// arrays yield indexes (and elements), strings the byte index of each rune
// (and the rune), maps their keys (and values), in the order a range
// statement would. Channels and range functions, which block or call back
// while yielding, are not listed (unsupportedSeq says so).
func seqItems(t *vm.Thread, v rv, two bool) (items [][2]rt.Value, ok bool) {
	m := t.Machine()
	intV := func(i int) rt.Value { return rv{t: m.TypeOf(types.Typ[types.Int]), v: rt.Value{N: uint64(i)}}.pack() }
	switch v.kind() {
	case rkInt, rkInt8, rkInt16, rkInt32, rkInt64, rkUint, rkUint8, rkUint16, rkUint32, rkUint64, rkUintptr:
		if two {
			return nil, false
		}
		n := v.get().N
		signed := v.kind() <= rkInt64
		for i := uint64(0); signed && int64(i) < int64(n) || !signed && i < n; i++ {
			items = append(items, [2]rt.Value{rv{t: v.t, v: rt.Value{N: i}}.pack()})
		}
		return items, true
	case rkPointer:
		if v.t.Elem.Kind != vm.KArray {
			return nil, false
		}
		e, ok := v.elem(t, "Seq")
		if !ok {
			return nil, true // (elem panicked)
		}
		v = e
		fallthrough
	case rkArray, rkSlice:
		n, ok := v.length(t, "Seq")
		if !ok {
			return nil, true
		}
		for i := 0; i < n; i++ {
			it := [2]rt.Value{intV(i)}
			if two {
				e, ok := v.index(t, int64(i))
				if !ok {
					return nil, true
				}
				it[1] = e.pack()
			}
			items = append(items, it)
		}
		return items, true
	case rkString:
		s := vm.Str(v.get())
		runeT := m.TypeOf(types.Typ[types.Int32])
		for i, c := range s {
			items = append(items, [2]rt.Value{intV(i), rv{t: runeT, v: rt.Value{N: uint64(int64(c))}}.pack()})
		}
		return items, true
	case rkMap:
		mp, _ := v.get().R.(*vm.Map)
		if mp == nil {
			return nil, true
		}
		keys, vals := mp.Entries(m.RT.Rand(t.G()))
		for i := range keys {
			items = append(items, [2]rt.Value{rv{t: v.t.Key, v: keys[i], flag: ro(v.flag)}.pack(), rv{t: v.t.Elem, v: vals[i], flag: ro(v.flag)}.pack()})
		}
		return items, true
	}
	return nil, false
}

// valueSeq is Seq (two false) and Seq2: a func(yield) that calls yield
// with each item until it returns false.
func valueSeq(t *vm.Thread, a, r []rt.Value, two bool) {
	v := unpack(a[0])
	method, iface := "Seq", "iter.Seq[Value]"
	if two {
		method, iface = "Seq2", "iter.Seq2[Value, Value]"
	}
	if v.t == nil {
		valueError(t, "reflect.Value."+method, 0)
		return
	}
	nargs := 1
	if two {
		nargs = 2
	}
	if sig, ok := v.t.T.Underlying().(*types.Signature); ok && canRange(v.t, nargs) {
		r[0] = rangeFuncSeq(t, v, sig, method)
		return
	}
	if v.kind() == rkChan {
		t.Unsupported(method + " of a " + v.t.String() + " (ranging over a channel through reflect)")
		return
	}
	items, ok := seqItems(t, v, two)
	if !ok {
		panicString(t, "reflect: "+v.t.String()+" cannot produce "+iface)
		return
	}
	its := make([][]rt.Value, len(items))
	for i := range items {
		its[i] = items[i][:]
	}
	r[0] = lazySeq(t, "reflect.Value."+method+".func1", nargs, func(*vm.Thread) ([][]rt.Value, bool) { return its, true })
}

// (reflect.Value).Seq: func (v Value) Seq() iter.Seq[Value]
func reflect_Value_Seq(t *vm.Thread, a, r []rt.Value) { valueSeq(t, a, r, false) }

// (reflect.Value).Seq2: func (v Value) Seq2() iter.Seq2[Value, Value]
func reflect_Value_Seq2(t *vm.Thread, a, r []rt.Value) { valueSeq(t, a, r, true) }

// rangeFuncSeq is Seq (Seq2) of a range function f, func(yield func(T)
// bool) (func(yield func(K, V) bool)): a func(yield func(Value) bool) that
// calls f with a yield of f's own type, which hands each value, as a
// Value, to the caller's yield and returns its answer.
func rangeFuncSeq(t *vm.Thread, v rv, sig *types.Signature, method string) rt.Value {
	m := t.Machine()
	fn := v.get()
	ysig := sig.Params().At(0).Type().Underlying().(*types.Signature)
	n := ysig.Params().Len()
	return m.NewNativeClosure("reflect.Value."+method+".func1", 1, 0, func(t *vm.Thread, a, r []rt.Value) {
		yieldV := a[0]
		inner := m.NewNativeClosure("reflect.Value."+method+".func1.1", n, 1, func(t *vm.Thread, a, r []rt.Value) {
			args := make([]rt.Value, n)
			for i := range args {
				args[i] = rv{t: m.TypeOf(ysig.Params().At(i).Type()), v: a[i]}.pack()
			}
			t.CallThen(yieldV, args, func(t *vm.Thread, res, out []rt.Value) { out[0] = res[0] })
		})
		t.CallThen(fn, []rt.Value{inner}, func(t *vm.Thread, res, out []rt.Value) {})
	})
}

// Iterators over a type's or value's parts (Go 1.26's Type.Fields,
// Methods, Ins, Outs; Value.Fields, Methods): a func(yield) whose items
// are made when it runs, as gc's closures make them, each handed to the
// program's yield by CallThen.

// lazySeq returns a native func(yield) named name that calls yield with
// each of items' tuples (nargs values) until it returns false.
func lazySeq(t *vm.Thread, name string, nargs int, items func(t *vm.Thread) ([][]rt.Value, bool)) rt.Value {
	return t.Machine().NewNativeClosure(name, 1, 0, func(t *vm.Thread, a, r []rt.Value) {
		yield := a[0]
		its, ok := items(t)
		if !ok {
			return
		}
		var step func(i int)
		step = func(i int) {
			if i < len(its) {
				t.CallThen(yield, its[i][:nargs], func(t *vm.Thread, res, out []rt.Value) {
					if res[0].N != 0 {
						step(i + 1)
					}
				})
			}
		}
		step(0)
	})
}

// (*reflect.rtype).Fields: func (t *rtype) Fields() iter.Seq[StructField]
func reflect_rtype_Fields(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	if ty.Kind != vm.KStruct {
		panicString(t, "reflect: Fields of non-struct type "+ty.String())
		return
	}
	r[0] = lazySeq(t, "reflect.(*rtype).Fields.func1", 1, func(t *vm.Thread) ([][]rt.Value, bool) {
		var its [][]rt.Value
		for i := range ty.Fields {
			its = append(its, []rt.Value{structField(t.Machine(), ty, []int{i})})
		}
		return its, true
	})
}

// (*reflect.rtype).Methods: func (t *rtype) Methods() iter.Seq[Method]
func reflect_rtype_Methods(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	r[0] = lazySeq(t, "reflect.(*rtype).Methods.func1", 1, func(t *vm.Thread) ([][]rt.Value, bool) {
		var its [][]rt.Value
		for i, f := range exportedMethods(ty) {
			its = append(its, []rt.Value{methodValue(t.Machine(), ty, f, i)})
		}
		return its, true
	})
}

// (*reflect.rtype).Ins: func (t *rtype) Ins() iter.Seq[Type]
func reflect_rtype_Ins(t *vm.Thread, a, r []rt.Value) { typesSeq(t, a, r, "Ins") }

// (*reflect.rtype).Outs: func (t *rtype) Outs() iter.Seq[Type]
func reflect_rtype_Outs(t *vm.Thread, a, r []rt.Value) { typesSeq(t, a, r, "Outs") }

// typesSeq is Ins or Outs: the parameter or result types of a func type.
func typesSeq(t *vm.Thread, a, r []rt.Value, what string) {
	ty := recvType(a)
	s, ok := ty.T.Underlying().(*types.Signature)
	if !ok {
		panicString(t, "reflect: "+what+" of non-func type "+ty.String())
		return
	}
	vars := s.Params()
	if what == "Outs" {
		vars = s.Results()
	}
	r[0] = lazySeq(t, "reflect.(*rtype)."+what+".func1", 1, func(t *vm.Thread) ([][]rt.Value, bool) {
		var its [][]rt.Value
		for i := 0; i < vars.Len(); i++ {
			its = append(its, []rt.Value{typeValue(t.Machine(), t.Machine().TypeOf(vars.At(i).Type()))})
		}
		return its, true
	})
}

// (reflect.Value).Fields: func (v Value) Fields() iter.Seq2[StructField, Value]
func reflect_Value_Fields(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if v.t == nil {
		valueError(t, "reflect.Value.Type", 0)
		return
	}
	if v.t.Kind != vm.KStruct {
		panicString(t, "reflect: Fields of non-struct type "+v.t.String())
		return
	}
	r[0] = lazySeq(t, "reflect.Value.Fields.func1", 2, func(t *vm.Thread) ([][]rt.Value, bool) {
		var its [][]rt.Value
		for i := range v.t.Fields {
			its = append(its, []rt.Value{structField(t.Machine(), v.t, []int{i}), v.field(i).pack()})
		}
		return its, true
	})
}

// (reflect.Value).Methods: func (v Value) Methods() iter.Seq2[Method, Value]
func reflect_Value_Methods(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	r[0] = lazySeq(t, "reflect.Value.Methods.func1", 2, func(t *vm.Thread) ([][]rt.Value, bool) {
		if v.t == nil {
			valueError(t, "reflect.Value.Type", 0)
			return nil, false
		}
		var its [][]rt.Value
		for i, f := range exportedMethods(v.t) {
			mv, ok := methodByIndex(t, v, i)
			if !ok {
				return nil, false
			}
			its = append(its, []rt.Value{methodValue(t.Machine(), v.t, f, i), mv})
		}
		return its, true
	})
}

// (*reflect.rtype).FieldByNameFunc: func (t *rtype) FieldByNameFunc(match func(string) bool) (StructField, bool)
func reflect_rtype_FieldByNameFunc(t *vm.Thread, a, r []rt.Value) {
	ty := recvType(a)
	if ty.Kind != vm.KStruct {
		panicString(t, "reflect: FieldByNameFunc of non-struct type "+ty.String())
		return
	}
	fieldByNameFunc(t, ty, a[1], r, func(t *vm.Thread, idx []int, out []rt.Value) {
		m := t.Machine()
		if idx == nil {
			out[0], out[1] = m.TypeOf(reflectOf(m).structFieldT.T).Zero(), boolV(false)
			return
		}
		out[0], out[1] = structField(m, ty, idx), boolV(true)
	})
}

// (reflect.Value).FieldByNameFunc: func (v Value) FieldByNameFunc(match func(string) bool) Value
func reflect_Value_FieldByNameFunc(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if v.t == nil {
		valueError(t, "reflect.Value.FieldByNameFunc", 0)
		return
	}
	if v.t.Kind != vm.KStruct {
		panicString(t, "reflect: FieldByNameFunc of non-struct type "+v.t.String())
		return
	}
	fieldByNameFunc(t, v.t, a[1], r, func(t *vm.Thread, idx []int, out []rt.Value) {
		out[0] = rv{}.pack()
		if idx != nil {
			if f, ok := fieldByIndex(t, v, idx); ok {
				out[0] = f.pack()
			}
		}
	})
}

// fieldScan is a struct type to look in and the index path to it.
type fieldScan struct {
	typ   *vm.Type
	index []int
}

// nameFuncSearch is gc's structType.FieldByNameFunc as a state machine:
// a breadth-first walk of the struct and its embedded structs, the
// program's match called on each field's name by CallThen, in gc's order.
type nameFuncSearch struct {
	match            rt.Value
	current, next    []fieldScan
	count, nextCount map[*vm.Type]int
	visited          map[*vm.Type]bool
	si, fi           int // at current[si]'s field fi (-1: not entered)
	result           []int
	ok               bool
	finish           func(t *vm.Thread, idx []int, out []rt.Value)
}

// fieldByNameFunc finds the field of struct type ty whose name match
// accepts, as gc does, and calls finish with its index path (nil: none
// or several at the shallowest depth) and the native's result slots.
func fieldByNameFunc(t *vm.Thread, ty *vm.Type, match rt.Value, r []rt.Value, finish func(t *vm.Thread, idx []int, out []rt.Value)) {
	s := &nameFuncSearch{match: match, current: nil, next: []fieldScan{{typ: ty}}, visited: map[*vm.Type]bool{}, si: 0, fi: -1, finish: finish}
	s.current, s.next = s.next, nil
	s.step(t, r)
}

func (s *nameFuncSearch) step(t *vm.Thread, out []rt.Value) {
	for {
		if s.si >= len(s.current) {
			if s.ok || len(s.next) == 0 {
				var idx []int
				if s.ok {
					idx = s.result
				}
				s.finish(t, idx, out)
				return
			}
			s.current, s.next = s.next, nil
			s.count, s.nextCount = s.nextCount, nil
			s.si, s.fi = 0, -1
			continue
		}
		scan := s.current[s.si]
		if s.fi < 0 {
			if s.visited[scan.typ] {
				s.si++
				continue
			}
			s.visited[scan.typ] = true
			s.fi = 0
		}
		st := scan.typ.T.Underlying().(*types.Struct)
		if s.fi >= st.NumFields() {
			s.si, s.fi = s.si+1, -1
			continue
		}
		t.CallThen(s.match, []rt.Value{{R: st.Field(s.fi).Name()}}, func(t *vm.Thread, res, out []rt.Value) {
			s.matched(t, res[0].N != 0, out)
		})
		return
	}
}

// matched goes on after match answered for the current field.
func (s *nameFuncSearch) matched(t *vm.Thread, yes bool, out []rt.Value) {
	scan, i := s.current[s.si], s.fi
	s.fi++
	if yes {
		if s.count[scan.typ] > 1 || s.ok {
			s.finish(t, nil, out) // several at this depth: no match
			return
		}
		s.result = append(append([]int(nil), scan.index...), i)
		s.ok = true
		s.step(t, out)
		return
	}
	f := scan.typ.T.Underlying().(*types.Struct).Field(i)
	if s.ok || !f.Embedded() {
		s.step(t, out)
		return
	}
	ft := scan.typ.Fields[i]
	if ft.Kind == vm.KPointer {
		ft = ft.Elem
	}
	if ft.Kind != vm.KStruct {
		s.step(t, out)
		return
	}
	if s.nextCount[ft] > 0 {
		s.nextCount[ft] = 2
		s.step(t, out)
		return
	}
	if s.nextCount == nil {
		s.nextCount = map[*vm.Type]int{}
	}
	s.nextCount[ft] = 1
	if s.count[scan.typ] > 1 {
		s.nextCount[ft] = 2
	}
	s.next = append(s.next, fieldScan{ft, append(append([]int(nil), scan.index...), i)})
	s.step(t, out)
}

// reflect.NewAt: func NewAt(typ Type, p unsafe.Pointer) Value — p seen as
// a *typ, as (*T)(p) sees it (goro's cells must agree: vm.ConvertPointer).
func reflect_NewAt(t *vm.Thread, a, r []rt.Value) {
	ty := typeFrom(a[0])
	if ty == nil {
		t.PanicRuntime("invalid memory address or nil pointer dereference")
		return
	}
	pt := ptrTo(t.Machine(), ty)
	if p, ok := t.ConvertPointer(a[1], pt); ok {
		r[0] = rv{t: pt, v: p}.pack()
	}
}

// reflect.SliceAt: func SliceAt(typ Type, p unsafe.Pointer, n int) Value —
// unsafe.Slice((*T)(p), n).
func reflect_SliceAt(t *vm.Thread, a, r []rt.Value) {
	ty := typeFrom(a[0])
	if ty == nil {
		t.PanicRuntime("invalid memory address or nil pointer dereference")
		return
	}
	m := t.Machine()
	pt := ptrTo(m, ty)
	n := int64(a[2].N)
	p, ok := t.ConvertPointer(a[1], pt)
	if !ok {
		return
	}
	if s, ok := t.UnsafeSlice(pt, p, n); ok {
		r[0] = rv{t: m.TypeOf(types.NewSlice(ty.T)), v: s}.pack()
	}
}

// (reflect.Value).SetPointer: func (v Value) SetPointer(x unsafe.Pointer)
func reflect_Value_SetPointer(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if mustBeAssignable(t, v, "SetPointer") && mustBe(t, v, "SetPointer", rkUnsafePointer) {
		*v.cell = a[1]
	}
}

// (reflect.Value).InterfaceData: func (v Value) InterfaceData() [2]uintptr
// — gc's two words: the address of goro's type, and of the data (a
// pointer-shaped value itself, any other a copy: vm.InterfaceData).
func reflect_Value_InterfaceData(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if !mustBe(t, v, "InterfaceData", rkInterface) {
		return
	}
	w := vm.InterfaceData(v.get())
	r[0] = rt.Value{R: []rt.Value{{N: uint64(w[0])}, {N: uint64(w[1])}}}
}
