// Helpers for native reflection (internal/lib's reflect and reflectlite):
// exported views of the executor's value operations.
package vm

import (
	"unsafe"

	"github.com/goro-dev/goro/internal/rt"
)

// CopyDeep returns a copy of v of type t that shares no []Value with it
// (structs and arrays; other values are returned as they are).
func CopyDeep(t *Type, v rt.Value) rt.Value { return copyDeep(t, v) }

// StoreDeep stores v into the cell p of type t, in place for structs and
// arrays so that pointers to their parts see the new value.
func StoreDeep(t *Type, p *rt.Value, v rt.Value) { storeDeep(t, p, v) }

// Equal reports whether x == y for values of the comparable type t.
func Equal(t *Type, x, y rt.Value) bool { return equal(t, x, y) }

// Incomparable reports whether == on values of t panics (slices, maps,
// funcs, or structs and arrays holding them).
func (t *Type) Incomparable() bool { return t.incomparable() }

// Method returns the implementation of method name for values of dynamic
// type t, or nil.
func (t *Type) Method(name string) *Func { return t.method(name) }

// Implements reports whether values of t satisfy interface type it.
func (t *Type) Implements(it *Type) bool { return t.implements(it) }

// Type returns the map's type.
func (m *Map) Type() *Type {
	if m == nil {
		return nil
	}
	return m.t
}

// NewNativeClosure returns a func value that runs f (reflect.Swapper,
// reflect.MakeFunc): each call gets its arguments as a native does.
func (m *Machine) NewNativeClosure(name string, nparams, nresults int, f NativeFunc) rt.Value {
	fn := &Func{m: m, name: name, nparams: nparams, nresults: nresults, native: f}
	fn.once.Do(func() {})
	return rt.Value{R: &Closure{Fn: fn}}
}

// NewTaggedNativeClosure is NewNativeClosure with a tag ClosureTag reads
// back (reflect.MakeFunc's function, for Value.Call).
func (m *Machine) NewTaggedNativeClosure(name string, nparams, nresults int, f NativeFunc, tag any) rt.Value {
	v := m.NewNativeClosure(name, nparams, nresults, f)
	v.R.(*Closure).Env = []rt.Value{{R: tag}, {R: tagMarker}}
	return v
}

// ClosureTag returns the tag of a func value made by
// NewTaggedNativeClosure, or nil.
func ClosureTag(fn rt.Value) any {
	cl, _ := fn.R.(*Closure)
	if cl == nil || len(cl.Env) != 2 || cl.Env[1].R != tagMarker {
		return nil
	}
	return cl.Env[0].R
}

var tagMarker = new(byte)

// MethodClosure returns a func value calling f (a method implementation
// from Type.Method) with recv as its first argument (a method value). Its
// Env holds the receiver and f, for BoundMethod.
func (m *Machine) MethodClosure(f *Func, recv rt.Value) rt.Value {
	nres, nparams := f.nresults, f.nparams
	method := rt.Value{R: &Closure{Fn: f}}
	v := m.NewNativeClosure(f.name+"-fm", nparams-1, nres, func(t *Thread, args, results []rt.Value) {
		all := make([]rt.Value, 0, len(args)+1)
		all = append(all, recv)
		all = append(all, args...)
		t.TailCall(method, all)
	})
	cl := v.R.(*Closure)
	cl.Env = []rt.Value{recv, method, {R: boundMarker}}
	return v
}

// boundMarker marks the Env of MethodClosure's closures (natives do not
// read their Env).
var boundMarker = new(byte)

// BoundMethod unpacks a func value made by MethodClosure: the method
// (a func value taking the receiver first) and the receiver.
func BoundMethod(fn rt.Value) (method, recv rt.Value, ok bool) {
	cl, _ := fn.R.(*Closure)
	if cl == nil || len(cl.Env) != 3 || cl.Env[2].R != boundMarker {
		return rt.Value{}, rt.Value{}, false
	}
	return cl.Env[1], cl.Env[0], true
}

// HostAddr returns a stable address for a reference value's object: the
// host address of the cell, slice array, map, channel or closure (the host
// heap does not move). 0 for nil.
func HostAddr(r any) uintptr {
	switch x := r.(type) {
	case *rt.Value:
		return uintptr(unsafe.Pointer(x))
	case []rt.Value:
		if cap(x) == 0 {
			if x == nil {
				return 0
			}
			return uintptr(unsafe.Pointer(&zerobase))
		}
		return uintptr(unsafe.Pointer(&x[:1][0]))
	case *Map:
		return uintptr(unsafe.Pointer(x))
	case *rt.Chan:
		return uintptr(unsafe.Pointer(x))
	case *Closure:
		return uintptr(unsafe.Pointer(x))
	case *Type:
		return uintptr(unsafe.Pointer(x))
	}
	return 0
}

// zerobase is the address of zero-sized allocations (gc's runtime.zerobase).
var zerobase rt.Value

// ZeroBase is the cell standing for the data of empty non-nil slices.
var ZeroBase = &zerobase

// CalleeTypeArgs returns the type arguments of the instance of a generic
// function whose native is running, when it was called statically
// (reflect.TypeFor[T]): natives of generic functions are shared by their
// instances. nil if unknown.
func (t *Thread) CalleeTypeArgs() []*Type {
	if len(t.frames) == 0 {
		return nil
	}
	fr := t.frames[len(t.frames)-1]
	f, _ := fr.Fn.(*Func)
	if f == nil || fr.PC < 0 || fr.PC >= len(f.code) {
		return nil
	}
	in := &f.code[fr.PC]
	if in.op != opCall {
		return nil
	}
	ci := in.call()
	if ci.fn == nil || len(ci.fn.targs) == 0 {
		return nil
	}
	return ci.fn.targs
}
