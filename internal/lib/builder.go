// strings.Builder as natives over a host []byte.
//
// Interpreted, a Builder's buf is a []byte, which goro holds as a []Value:
// 24 bytes a byte, copied (and scanned by the host GC) on every growth, and
// a slice header boxed on every append. Building a 3 MB string took over
// 400 MB and most of the time in the GC. buf is unexported and only the
// Builder's methods touch it, so they are all natives here and buf holds a
// host []byte (R = []byte): the same slice semantics (a Builder copied by
// value keeps its own length), the same capacities as gc (host append and
// Grow's rounding to the allocator's size class) and gc's panics.
// Reflection (and fmt's %v) reads buf as a copy in a []byte's form
// (reflect.go, hostBytesView).
package lib

import (
	"slices"
	"unicode/utf8"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

// builderFields returns the fields (addr, buf) of the Builder *a[0].
func builderFields(t *vm.Thread, a []rt.Value) []rt.Value {
	p := cellOf(t, a[0])
	if p == nil {
		return nil
	}
	fs, _ := p.R.([]rt.Value)
	return fs
}

// builderBuf returns the bytes of buf (a host []byte; a []Value if
// something other than the natives put one there).
func builderBuf(v rt.Value) []byte {
	switch b := v.R.(type) {
	case []byte:
		return b
	case []rt.Value:
		return vm.ValuesToBytes(v)
	}
	return nil
}

// builderCheck is copyCheck: the first write records the Builder's
// address; a write through a copy panics.
func builderCheck(t *vm.Thread, a, fs []rt.Value) bool {
	self, _ := a[0].R.(*rt.Value)
	addr, _ := fs[0].R.(*rt.Value)
	if addr == nil {
		fs[0] = a[0]
		return true
	}
	if addr != self {
		panicString(t, "strings: illegal use of non-zero Builder copied by value")
		return false
	}
	return true
}

func init() {
	reg := vm.RegisterNative
	// write registers a Builder method that appends: f gets the buffer and
	// the arguments and returns the new buffer and the method's int result.
	write := func(name string, f func(buf []byte, a []rt.Value) ([]byte, int), results int) {
		reg("(*strings.Builder)."+name, func(t *vm.Thread, a, r []rt.Value) {
			fs := builderFields(t, a)
			if fs == nil || !builderCheck(t, a, fs) {
				return
			}
			buf, n := f(builderBuf(fs[1]), a)
			fs[1] = rt.Value{R: buf}
			if results == 2 {
				r[0], r[1] = rt.Value{N: uint64(int64(n))}, rt.Value{}
			} else {
				r[0] = rt.Value{}
			}
		})
	}
	write("WriteString", func(buf []byte, a []rt.Value) ([]byte, int) {
		s := vm.Str(a[1])
		return append(buf, s...), len(s)
	}, 2)
	write("Write", func(buf []byte, a []rt.Value) ([]byte, int) {
		p, _ := a[1].R.([]rt.Value)
		buf = slices.Grow(buf, len(p)) // one growth, as append(buf, p...)
		for _, v := range p {
			buf = append(buf, byte(v.N))
		}
		return buf, len(p)
	}, 2)
	write("WriteByte", func(buf []byte, a []rt.Value) ([]byte, int) {
		return append(buf, byte(a[1].N)), 0
	}, 1)
	write("WriteRune", func(buf []byte, a []rt.Value) ([]byte, int) {
		n := len(buf)
		buf = utf8.AppendRune(buf, rune(int32(a[1].N)))
		return buf, len(buf) - n
	}, 2)
	reg("(*strings.Builder).Grow", func(t *vm.Thread, a, r []rt.Value) {
		fs := builderFields(t, a)
		if fs == nil || !builderCheck(t, a, fs) {
			return
		}
		n := int(int64(a[1].N))
		if n < 0 {
			panicString(t, "strings.Builder.Grow: negative count")
			return
		}
		buf := builderBuf(fs[1])
		if cap(buf)-len(buf) < n {
			// gc: a new buffer of 2*cap+n bytes, rounded up to a size class.
			nb := slices.Grow([]byte(nil), 2*cap(buf)+n)[:len(buf)]
			copy(nb, buf)
			fs[1] = rt.Value{R: nb}
		}
	})
	reg("(*strings.Builder).String", func(t *vm.Thread, a, r []rt.Value) {
		if fs := builderFields(t, a); fs != nil {
			r[0] = rt.Value{R: string(builderBuf(fs[1]))}
		}
	})
	reg("(*strings.Builder).Len", func(t *vm.Thread, a, r []rt.Value) {
		if fs := builderFields(t, a); fs != nil {
			r[0] = rt.Value{N: uint64(len(builderBuf(fs[1])))}
		}
	})
	reg("(*strings.Builder).Cap", func(t *vm.Thread, a, r []rt.Value) {
		if fs := builderFields(t, a); fs != nil {
			r[0] = rt.Value{N: uint64(cap(builderBuf(fs[1])))}
		}
	})
	reg("(*strings.Builder).Reset", func(t *vm.Thread, a, r []rt.Value) {
		if fs := builderFields(t, a); fs != nil {
			fs[0], fs[1] = rt.Value{}, rt.Value{}
		}
	})
}
