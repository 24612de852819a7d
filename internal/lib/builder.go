package lib

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
	vm.RegisterNatives(builderNatives)
}

// builderNatives binds these functions by their ssa names (sorted).
var builderNatives = map[string]vm.NativeFunc{
	"(*strings.Builder).Cap":         strings_Builder_Cap,
	"(*strings.Builder).Grow":        strings_Builder_Grow,
	"(*strings.Builder).Len":         strings_Builder_Len,
	"(*strings.Builder).Reset":       strings_Builder_Reset,
	"(*strings.Builder).String":      strings_Builder_String,
	"(*strings.Builder).Write":       strings_Builder_Write,
	"(*strings.Builder).WriteByte":   strings_Builder_WriteByte,
	"(*strings.Builder).WriteRune":   strings_Builder_WriteRune,
	"(*strings.Builder).WriteString": strings_Builder_WriteString,
}

// (*strings.Builder).WriteString: func (b *Builder) WriteString(s string) (int, error)
func strings_Builder_WriteString(t *vm.Thread, a, r []rt.Value) {
	builderWrite(t, a, r, func(buf []byte, a []rt.Value) ([]byte, int) {
		s := vm.Str(a[1])
		return append(buf, s...), len(s)
	}, 2)
}

// (*strings.Builder).Write: func (b *Builder) Write(p []byte) (int, error)
func strings_Builder_Write(t *vm.Thread, a, r []rt.Value) {
	builderWrite(t, a, r, func(buf []byte, a []rt.Value) ([]byte, int) {
		p, _ := a[1].R.([]rt.Value)
		buf = slices.Grow(buf, len(p)) // one growth, as append(buf, p...)
		for _, v := range p {
			buf = append(buf, byte(v.N))
		}
		return buf, len(p)
	}, 2)
}

// (*strings.Builder).WriteByte: func (b *Builder) WriteByte(c byte) error
func strings_Builder_WriteByte(t *vm.Thread, a, r []rt.Value) {
	builderWrite(t, a, r, func(buf []byte, a []rt.Value) ([]byte, int) {
		return append(buf, byte(a[1].N)), 0
	}, 1)
}

// (*strings.Builder).WriteRune: func (b *Builder) WriteRune(r rune) (int, error)
func strings_Builder_WriteRune(t *vm.Thread, a, r []rt.Value) {
	builderWrite(t, a, r, func(buf []byte, a []rt.Value) ([]byte, int) {
		n := len(buf)
		buf = utf8.AppendRune(buf, rune(int32(a[1].N)))
		return buf, len(buf) - n
	}, 2)
}

// (*strings.Builder).Grow: func (b *Builder) Grow(n int)
func strings_Builder_Grow(t *vm.Thread, a, r []rt.Value) {
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
		// gc: a new buffer of 2*cap+n bytes (bytealg.MakeNoZero), rounded
		// up to a size class.
		size := 2*cap(buf) + n
		if !t.AllocBytes(size) {
			return
		}
		nb := slices.Grow([]byte(nil), size)[:len(buf)]
		copy(nb, buf)
		fs[1] = rt.Value{R: nb}
	}
}

// (*strings.Builder).String: func (b *Builder) String() string
func strings_Builder_String(t *vm.Thread, a, r []rt.Value) {
	if fs := builderFields(t, a); fs != nil {
		r[0] = rt.Value{R: string(builderBuf(fs[1]))}
	}
}

// (*strings.Builder).Len: func (b *Builder) Len() int
func strings_Builder_Len(t *vm.Thread, a, r []rt.Value) {
	if fs := builderFields(t, a); fs != nil {
		r[0] = rt.Value{N: uint64(len(builderBuf(fs[1])))}
	}
}

// (*strings.Builder).Cap: func (b *Builder) Cap() int
func strings_Builder_Cap(t *vm.Thread, a, r []rt.Value) {
	if fs := builderFields(t, a); fs != nil {
		r[0] = rt.Value{N: uint64(cap(builderBuf(fs[1])))}
	}
}

// (*strings.Builder).Reset: func (b *Builder) Reset()
func strings_Builder_Reset(t *vm.Thread, a, r []rt.Value) {
	if fs := builderFields(t, a); fs != nil {
		fs[0], fs[1] = rt.Value{}, rt.Value{}
	}
}

// builderWrite is a Builder method that appends: f gets the buffer and the
// arguments and returns the new buffer and the method's int result.
func builderWrite(t *vm.Thread, a, r []rt.Value, f func(buf []byte, a []rt.Value) ([]byte, int), results int) {
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
}
