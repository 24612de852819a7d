package lib

// package internal/reflectlite: the type reflection errors and sort need.
// A reflectlite.Type is an rtype struct (struct{*abi.Type}) whose field 0
// holds the same canonical cell reflect's *rtype uses (see reflect.go), so
// that reflectlite Types compare equal with == when the types are
// identical. A reflectlite.Value has reflect.Value's representation.

import (
	"go/types"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func liteType(t *vm.Thread, ty *vm.Type) rt.Value {
	if ty == nil {
		return rt.Value{}
	}
	s := reflectLiteOf(t.Machine())
	return rt.Value{R: vm.Iface{T: s.liteRtype, V: rt.Value{R: []rt.Value{{R: s.cell(ty)}}}}}
}

// liteOf reads the *vm.Type of an rtype struct value.
func liteOf(v rt.Value) *vm.Type { return typeOfCell(v) }

// liteTypeFrom reads the *vm.Type of a reflectlite.Type interface value.
func liteTypeFrom(v rt.Value) *vm.Type {
	iv, ok := v.R.(vm.Iface)
	if !ok {
		return nil
	}
	return typeOfCell(iv.V)
}

func init() {
	vm.RegisterNatives(reflectliteNatives)
}

// reflectliteNatives binds these functions by their ssa names (sorted).
var reflectliteNatives = map[string]vm.NativeFunc{
	"(*internal/reflectlite.ValueError).Error":  internal_reflectlite_ValueError_Error,
	"(internal/reflectlite.Value).CanSet":       internal_reflectlite_Value_CanSet,
	"(internal/reflectlite.Value).Elem":         internal_reflectlite_Value_Elem,
	"(internal/reflectlite.Value).IsNil":        internal_reflectlite_Value_IsNil,
	"(internal/reflectlite.Value).IsValid":      internal_reflectlite_Value_IsValid,
	"(internal/reflectlite.Value).Kind":         internal_reflectlite_Value_Kind,
	"(internal/reflectlite.Value).Len":          internal_reflectlite_Value_Len,
	"(internal/reflectlite.Value).Set":          internal_reflectlite_Value_Set,
	"(internal/reflectlite.Value).Type":         internal_reflectlite_Value_Type,
	"(internal/reflectlite.rtype).AssignableTo": internal_reflectlite_rtype_AssignableTo,
	"(internal/reflectlite.rtype).Comparable":   internal_reflectlite_rtype_Comparable,
	"(internal/reflectlite.rtype).Elem":         internal_reflectlite_rtype_Elem,
	"(internal/reflectlite.rtype).Implements":   internal_reflectlite_rtype_Implements,
	"(internal/reflectlite.rtype).Key":          internal_reflectlite_rtype_Key,
	"(internal/reflectlite.rtype).Kind":         internal_reflectlite_rtype_Kind,
	"(internal/reflectlite.rtype).Len":          internal_reflectlite_rtype_Len,
	"(internal/reflectlite.rtype).Name":         internal_reflectlite_rtype_Name,
	"(internal/reflectlite.rtype).NumField":     internal_reflectlite_rtype_NumField,
	"(internal/reflectlite.rtype).NumMethod":    internal_reflectlite_rtype_NumMethod,
	"(internal/reflectlite.rtype).PkgPath":      internal_reflectlite_rtype_PkgPath,
	"(internal/reflectlite.rtype).Size":         internal_reflectlite_rtype_Size,
	"(internal/reflectlite.rtype).String":       internal_reflectlite_rtype_String,
	"internal/reflectlite.Swapper":              internal_reflectlite_Swapper,
	"internal/reflectlite.TypeOf":               internal_reflectlite_TypeOf,
	"internal/reflectlite.ValueOf":              internal_reflectlite_ValueOf,
	"internal/reflectlite.valueInterface":       internal_reflectlite_valueInterface,
}

// internal/reflectlite.TypeOf: func TypeOf(i any) Type
func internal_reflectlite_TypeOf(t *vm.Thread, a, r []rt.Value) {
	iv, ok := a[0].R.(vm.Iface)
	if !ok {
		r[0] = rt.Value{}
		return
	}
	r[0] = liteType(t, iv.T)
}

// (internal/reflectlite.rtype).Elem: func (t rtype) Elem() Type
func internal_reflectlite_rtype_Elem(t *vm.Thread, a, r []rt.Value) {
	ty := liteOf(a[0])
	switch ty.Kind {
	case vm.KArray, vm.KChan, vm.KMap, vm.KPointer, vm.KSlice:
		r[0] = liteType(t, ty.Elem)
		return
	}
	panicString(t, "reflect: Elem of invalid type "+ty.String())
}

// (internal/reflectlite.rtype).String: func (t rtype) String() string
func internal_reflectlite_rtype_String(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: liteOf(a[0]).String()}
}

// (internal/reflectlite.rtype).Comparable: func (t rtype) Comparable() bool
func internal_reflectlite_rtype_Comparable(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(types.Comparable(liteOf(a[0]).T))
}

// (internal/reflectlite.rtype).Implements: func (t rtype) Implements(u Type) bool
func internal_reflectlite_rtype_Implements(t *vm.Thread, a, r []rt.Value) {
	ut := liteTypeFrom(a[1])
	if ut == nil {
		panicString(t, "reflect: nil type passed to Type.Implements")
		return
	}
	it, ok := ut.T.Underlying().(*types.Interface)
	if !ok {
		panicString(t, "reflect: non-interface type passed to Type.Implements")
		return
	}
	r[0] = boolV(types.Implements(liteOf(a[0]).T, it))
}

// (internal/reflectlite.rtype).AssignableTo: func (t rtype) AssignableTo(u Type) bool
func internal_reflectlite_rtype_AssignableTo(t *vm.Thread, a, r []rt.Value) {
	ut := liteTypeFrom(a[1])
	if ut == nil {
		panicString(t, "reflect: nil type passed to Type.AssignableTo")
		return
	}
	r[0] = boolV(types.AssignableTo(liteOf(a[0]).T, ut.T))
}

// (internal/reflectlite.rtype).Kind: func (t *Type) Kind() Kind
func internal_reflectlite_rtype_Kind(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(reflectKind(liteOf(a[0])))}
}

// (internal/reflectlite.rtype).Name: func (t rtype) Name() string
func internal_reflectlite_rtype_Name(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: typeName(liteOf(a[0]))}
}

// (internal/reflectlite.rtype).PkgPath: func (t rtype) PkgPath() string
func internal_reflectlite_rtype_PkgPath(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: typePkgPath(liteOf(a[0]))}
}

// (internal/reflectlite.rtype).Size: func (t *Type) Size() uintptr
func internal_reflectlite_rtype_Size(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(liteOf(a[0]).Size)}
}

// (internal/reflectlite.rtype).NumMethod: func (t rtype) NumMethod() int
func internal_reflectlite_rtype_NumMethod(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(len(exportedMethods(liteOf(a[0]))))}
}

// (internal/reflectlite.rtype).Key: func (t rtype) Key() Type
func internal_reflectlite_rtype_Key(t *vm.Thread, a, r []rt.Value) {
	ty := liteOf(a[0])
	if ty.Kind != vm.KMap {
		panicString(t, "reflect: Key of non-map type "+ty.String())
		return
	}
	r[0] = liteType(t, ty.Key)
}

// (internal/reflectlite.rtype).Len: func (t rtype) Len() int
func internal_reflectlite_rtype_Len(t *vm.Thread, a, r []rt.Value) {
	ty := liteOf(a[0])
	if ty.Kind != vm.KArray {
		panicString(t, "reflect: Len of non-array type")
		return
	}
	r[0] = rt.Value{N: uint64(ty.Len)}
}

// (internal/reflectlite.rtype).NumField: func (t rtype) NumField() int
func internal_reflectlite_rtype_NumField(t *vm.Thread, a, r []rt.Value) {
	ty := liteOf(a[0])
	if ty.Kind != vm.KStruct {
		panicString(t, "reflect: NumField of non-struct type")
		return
	}
	r[0] = rt.Value{N: uint64(len(ty.Fields))}
}

// (*internal/reflectlite.ValueError).Error: func (e *ValueError) Error() string
func internal_reflectlite_ValueError_Error(t *vm.Thread, a, r []rt.Value) {
	pc, _ := a[0].R.(*rt.Value)
	var fs []rt.Value
	if pc != nil {
		fs, _ = pc.R.([]rt.Value)
	}
	if len(fs) < 2 {
		r[0] = rt.Value{R: "reflect: call of  on zero Value"}
		return
	}
	r[0] = rt.Value{R: valueErrorText(strOf(fs[0]), int(fs[1].N))}
}

// internal/reflectlite.ValueOf: func ValueOf(i any) Value
func internal_reflectlite_ValueOf(t *vm.Thread, a, r []rt.Value) {
	r[0] = valueOfIface(a[0]).pack()
}

// internal/reflectlite.Swapper: func Swapper(slice any) func(i, j int)
func internal_reflectlite_Swapper(t *vm.Thread, a, r []rt.Value) { r[0] = swapper(t, a[0]) }

// (internal/reflectlite.Value).Kind: func (v Value) Kind() Kind
func internal_reflectlite_Value_Kind(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	r[0] = rt.Value{N: uint64(v.kind())}
}

// (internal/reflectlite.Value).IsValid: func (v Value) IsValid() bool
func internal_reflectlite_Value_IsValid(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	r[0] = boolV(v.t != nil)
}

// (internal/reflectlite.Value).Type: func (v Value) Type() Type
func internal_reflectlite_Value_Type(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if v.t == nil {
		valueError(t, "reflectlite.Value.Type", 0)
		return
	}
	r[0] = liteType(t, v.t)
}

// (internal/reflectlite.Value).Elem: func (v Value) Elem() Value
func internal_reflectlite_Value_Elem(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if e, ok := v.elem(t, "reflectlite.Value.Elem"); ok {
		r[0] = e.pack()
	}
}

// (internal/reflectlite.Value).IsNil: func (v Value) IsNil() bool
func internal_reflectlite_Value_IsNil(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	valueIsNil(t, v, "reflectlite.Value.IsNil", r)
}

// (internal/reflectlite.Value).Len: func (v Value) Len() int
func internal_reflectlite_Value_Len(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if n, ok := v.length(t, "reflect.Value.Len"); ok {
		r[0] = rt.Value{N: uint64(n)}
	}
}

// (internal/reflectlite.Value).CanSet: func (v Value) CanSet() bool
func internal_reflectlite_Value_CanSet(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	r[0] = boolV(v.cell != nil && v.flag&flagRO == 0)
}

// internal/reflectlite.valueInterface: func valueInterface(v Value) any
//
// Registered as the method (internal/reflectlite.Value).Interface until
// TestNativeNames: reflectlite has no such method, and the native never ran.
func internal_reflectlite_valueInterface(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if v.t == nil {
		valueError(t, "reflectlite.Value.Interface", 0)
		return
	}
	if v.flag&flagRO != 0 {
		panicString(t, "reflect.Value.Interface: cannot return value obtained from unexported field or method")
		return
	}
	r[0] = v.iface()
}

// (internal/reflectlite.Value).Set: func (v Value) Set(x Value)
func internal_reflectlite_Value_Set(t *vm.Thread, a, r []rt.Value) {
	v := unpack(a[0])
	if !mustBeAssignable(t, v, "Set") {
		return
	}
	x := unpack(a[1])
	if x.t == nil {
		valueError(t, "reflectlite.Value.Set", 0)
		return
	}
	if x.t != v.t && !types.AssignableTo(x.t.T, v.t.T) {
		panicString(t, "reflect.Set: value of type "+x.t.String()+" is not assignable to type "+v.t.String())
		return
	}
	vm.StoreDeep(v.t, v.cell, x.assignTo(v.t))
}

// reflectKind maps goro's kinds to reflect.Kind numbers.
func reflectKind(t *vm.Type) int {
	switch t.Kind {
	case vm.KBool:
		return 1
	case vm.KInt:
		return 2
	case vm.KInt8:
		return 3
	case vm.KInt16:
		return 4
	case vm.KInt32:
		return 5
	case vm.KInt64:
		return 6
	case vm.KUint:
		return 7
	case vm.KUint8:
		return 8
	case vm.KUint16:
		return 9
	case vm.KUint32:
		return 10
	case vm.KUint64:
		return 11
	case vm.KUintptr:
		return 12
	case vm.KFloat32:
		return 13
	case vm.KFloat64:
		return 14
	case vm.KComplex64:
		return 15
	case vm.KComplex128:
		return 16
	case vm.KArray:
		return 17
	case vm.KChan:
		return 18
	case vm.KFunc:
		return 19
	case vm.KInterface:
		return 20
	case vm.KMap:
		return 21
	case vm.KPointer:
		return 22
	case vm.KSlice:
		return 23
	case vm.KString:
		return 24
	case vm.KStruct:
		return 25
	case vm.KUnsafePointer:
		return 26
	}
	return 0
}
