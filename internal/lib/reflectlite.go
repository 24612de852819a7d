// package internal/reflectlite: the type reflection errors and sort need.
// A reflectlite.Type is an rtype struct (struct{*abi.Type}) whose field 0
// holds the same canonical cell reflect's *rtype uses (see reflect.go), so
// that reflectlite Types compare equal with == when the types are
// identical. A reflectlite.Value has reflect.Value's representation.
package lib

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
	reg := vm.RegisterNative
	reg("internal/reflectlite.TypeOf", func(t *vm.Thread, a, r []rt.Value) {
		iv, ok := a[0].R.(vm.Iface)
		if !ok {
			r[0] = rt.Value{}
			return
		}
		r[0] = liteType(t, iv.T)
	})
	reg("(internal/reflectlite.rtype).Elem", func(t *vm.Thread, a, r []rt.Value) {
		ty := liteOf(a[0])
		switch ty.Kind {
		case vm.KArray, vm.KChan, vm.KMap, vm.KPointer, vm.KSlice:
			r[0] = liteType(t, ty.Elem)
			return
		}
		panicString(t, "reflect: Elem of invalid type "+ty.String())
	})
	registerReflectlite(reg)
	reg("(internal/reflectlite.rtype).String", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = rt.Value{R: liteOf(a[0]).String()}
	})
	reg("(internal/reflectlite.rtype).Comparable", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = boolV(types.Comparable(liteOf(a[0]).T))
	})
	reg("(internal/reflectlite.rtype).Implements", func(t *vm.Thread, a, r []rt.Value) {
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
	})
	reg("(internal/reflectlite.rtype).AssignableTo", func(t *vm.Thread, a, r []rt.Value) {
		ut := liteTypeFrom(a[1])
		if ut == nil {
			panicString(t, "reflect: nil type passed to Type.AssignableTo")
			return
		}
		r[0] = boolV(types.AssignableTo(liteOf(a[0]).T, ut.T))
	})
	reg("(internal/reflectlite.rtype).Kind", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = rt.Value{N: uint64(reflectKind(liteOf(a[0])))}
	})
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

func registerReflectlite(reg func(string, vm.NativeFunc)) {
	const p = "internal/reflectlite."
	reg("("+p+"rtype).Name", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = rt.Value{R: typeName(liteOf(a[0]))}
	})
	reg("("+p+"rtype).PkgPath", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = rt.Value{R: typePkgPath(liteOf(a[0]))}
	})
	reg("("+p+"rtype).Size", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = rt.Value{N: uint64(liteOf(a[0]).Size)}
	})
	reg("("+p+"rtype).NumMethod", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = rt.Value{N: uint64(len(exportedMethods(liteOf(a[0]))))}
	})
	reg("("+p+"rtype).Key", func(t *vm.Thread, a, r []rt.Value) {
		ty := liteOf(a[0])
		if ty.Kind != vm.KMap {
			panicString(t, "reflect: Key of non-map type "+ty.String())
			return
		}
		r[0] = liteType(t, ty.Key)
	})
	reg("("+p+"rtype).Len", func(t *vm.Thread, a, r []rt.Value) {
		ty := liteOf(a[0])
		if ty.Kind != vm.KArray {
			panicString(t, "reflect: Len of non-array type")
			return
		}
		r[0] = rt.Value{N: uint64(ty.Len)}
	})
	reg("("+p+"rtype).NumField", func(t *vm.Thread, a, r []rt.Value) {
		ty := liteOf(a[0])
		if ty.Kind != vm.KStruct {
			panicString(t, "reflect: NumField of non-struct type")
			return
		}
		r[0] = rt.Value{N: uint64(len(ty.Fields))}
	})
	reg("(*internal/reflectlite.ValueError).Error", func(t *vm.Thread, a, r []rt.Value) {
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
	})
	reg(p+"ValueOf", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = valueOfIface(a[0]).pack()
	})
	reg(p+"Swapper", func(t *vm.Thread, a, r []rt.Value) { r[0] = swapper(t, a[0]) })
	val := func(name string, f func(t *vm.Thread, v rv, a, r []rt.Value)) {
		reg("("+p+"Value)."+name, func(t *vm.Thread, a, r []rt.Value) { f(t, unpack(a[0]), a, r) })
	}
	val("Kind", func(t *vm.Thread, v rv, a, r []rt.Value) { r[0] = rt.Value{N: uint64(v.kind())} })
	val("IsValid", func(t *vm.Thread, v rv, a, r []rt.Value) { r[0] = boolV(v.t != nil) })
	val("Type", func(t *vm.Thread, v rv, a, r []rt.Value) {
		if v.t == nil {
			valueError(t, "reflectlite.Value.Type", 0)
			return
		}
		r[0] = liteType(t, v.t)
	})
	val("Elem", func(t *vm.Thread, v rv, a, r []rt.Value) {
		if e, ok := v.elem(t, "reflectlite.Value.Elem"); ok {
			r[0] = e.pack()
		}
	})
	val("IsNil", func(t *vm.Thread, v rv, a, r []rt.Value) { valueIsNil(t, v, "reflectlite.Value.IsNil", r) })
	val("Len", func(t *vm.Thread, v rv, a, r []rt.Value) {
		if n, ok := v.length(t, "reflect.Value.Len"); ok {
			r[0] = rt.Value{N: uint64(n)}
		}
	})
	val("CanSet", func(t *vm.Thread, v rv, a, r []rt.Value) { r[0] = boolV(v.cell != nil && v.flag&flagRO == 0) })
	val("Interface", func(t *vm.Thread, v rv, a, r []rt.Value) {
		if v.t == nil {
			valueError(t, "reflectlite.Value.Interface", 0)
			return
		}
		if v.flag&flagRO != 0 {
			panicString(t, "reflect.Value.Interface: cannot return value obtained from unexported field or method")
			return
		}
		r[0] = v.iface()
	})
	val("Set", func(t *vm.Thread, v rv, a, r []rt.Value) {
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
	})
}
