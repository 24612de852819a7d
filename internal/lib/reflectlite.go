// package internal/reflectlite: the type reflection errors and sort need.
// A reflectlite.Type is an rtype struct whose one field holds goro's
// *vm.Type.
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
	rtype := t.Machine().LookupType("internal/reflectlite", "rtype")
	return rt.Value{R: vm.Iface{T: rtype, V: rt.Value{R: []rt.Value{{R: ty}}}}}
}

func liteOf(v rt.Value) *vm.Type {
	fs, _ := v.R.([]rt.Value)
	if len(fs) == 0 {
		return nil
	}
	ty, _ := fs[0].R.(*vm.Type)
	return ty
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
		r[0] = liteType(t, liteOf(a[0]).Elem)
	})
	reg("(internal/reflectlite.rtype).String", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = rt.Value{R: liteOf(a[0]).String()}
	})
	reg("(internal/reflectlite.rtype).Comparable", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = boolV(types.Comparable(liteOf(a[0]).T))
	})
	reg("(internal/reflectlite.rtype).Implements", func(t *vm.Thread, a, r []rt.Value) {
		u, _ := a[1].R.(vm.Iface)
		ut := liteOf(u.V)
		it, ok := ut.T.Underlying().(*types.Interface)
		if !ok {
			t.Panic(t.Machine().NewError("reflect: non-interface type passed to Type.Implements"))
			return
		}
		r[0] = boolV(types.Implements(liteOf(a[0]).T, it))
	})
	reg("(internal/reflectlite.rtype).AssignableTo", func(t *vm.Thread, a, r []rt.Value) {
		u, _ := a[1].R.(vm.Iface)
		r[0] = boolV(types.AssignableTo(liteOf(a[0]).T, liteOf(u.V).T))
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
