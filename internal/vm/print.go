package vm

// The print and println builtins and the text of panic values, in gc's
// formats (runtime/print.go, runtime/error.go).

import (
	"fmt"
	"go/types"
	"strconv"
	"strings"

	"github.com/goro-dev/goro/internal/rt"
)

// printBuiltin writes print/println output to standard error.
func (t *Thread) printBuiltin(ci *callInfo, args []rt.Value, ln bool) {
	var b strings.Builder
	for i, a := range args {
		if ln && i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(printArg(ci.argTypes[i], a))
	}
	if ln {
		b.WriteByte('\n')
	}
	t.m.writeStderr(b.String())
}

func (m *Machine) writeStderr(s string) {
	m.stderrMu.Lock()
	m.Stderr.Write([]byte(s))
	m.stderrMu.Unlock()
}

// printArg formats one print argument as gc's runtime print does.
func printArg(t *Type, v rt.Value) string {
	switch t.Kind {
	case KBool:
		if v.N != 0 {
			return "true"
		}
		return "false"
	case KInt, KInt8, KInt16, KInt32, KInt64:
		return strconv.FormatInt(int64(v.N), 10)
	case KUint, KUint8, KUint16, KUint32, KUint64, KUintptr:
		return strconv.FormatUint(v.N, 10)
	case KFloat32:
		return strconv.FormatFloat(f64(v), 'g', -1, 32)
	case KFloat64:
		return strconv.FormatFloat(f64(v), 'g', -1, 64)
	case KComplex64:
		return strconv.FormatComplex(c128(v), 'g', -1, 64)
	case KComplex128:
		return strconv.FormatComplex(c128(v), 'g', -1, 128)
	case KString:
		return str(v)
	case KPointer, KUnsafePointer, KChan, KMap, KFunc:
		if v.R == nil {
			return "0x0"
		}
		switch x := v.R.(type) {
		case *View:
			return fakeAddr(x.Cell)
		case RawAddr:
			return fmt.Sprintf("%#x", uintptr(x))
		}
		return fakeAddr(v.R)
	case KSlice:
		vs, _ := v.R.([]rt.Value)
		return fmt.Sprintf("[%d/%d]%s", len(vs), cap(vs), fakeAddrSlice(vs))
	case KInterface:
		iv, ok := v.R.(Iface)
		if !ok {
			return "(0x0,0x0)"
		}
		return "(" + fakeAddr(iv.T) + "," + fakeAddr(iv.V.R) + ")"
	}
	return "?"
}

// fakeAddr gives a stable-looking address for a reference.
func fakeAddr(x any) string {
	return fmt.Sprintf("%p", x)
}

func fakeAddrSlice(vs []rt.Value) string {
	if cap(vs) == 0 {
		return "0x0"
	}
	return fmt.Sprintf("%p", &vs[:1][0])
}

// printValue is gc's printpanicval for a panic value (an interface).
func (m *Machine) printValue(v rt.Value) string {
	iv, ok := v.R.(Iface)
	if !ok {
		return "nil"
	}
	switch iv.T {
	case m.rtErrorString:
		return "runtime error: " + str(iv.V)
	case m.rtPlainError:
		return str(iv.V)
	case m.rtTypeAssertion:
		return m.typeAssertionText(iv.V)
	case m.rtPanicNil:
		return "panic called with nil argument"
	}
	if f := iv.T.method("Error"); f != nil {
		f.ensure()
		if f.native != nil {
			res := []rt.Value{{}}
			f.native(nil, []rt.Value{iv.V}, res)
			return str(res[0])
		}
	}
	named := false
	if _, ok := types.Unalias(iv.T.T).(*types.Named); ok {
		named = true
	}
	switch iv.T.Kind {
	case KString:
		s := indent(str(iv.V))
		if named {
			return iv.T.String() + `("` + s + `")`
		}
		return s
	case KComplex64, KComplex128:
		s := printArg(iv.T, iv.V)
		if named {
			return iv.T.String() + s
		}
		return s
	case KBool, KInt, KInt8, KInt16, KInt32, KInt64, KUint, KUint8, KUint16, KUint32, KUint64, KUintptr, KFloat32, KFloat64:
		s := printArg(iv.T, iv.V)
		if named {
			return iv.T.String() + "(" + s + ")"
		}
		return s
	}
	if k := iv.T.Kind; k == KPointer || k == KUnsafePointer {
		return "(" + iv.T.String() + ") " + printArg(iv.T, iv.V) // the pointer itself (a view's cell, a RawAddr's number)
	}
	return "(" + iv.T.String() + ") " + fakeAddr(iv.V.R)
}

func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n\t") }

// typeAssertionError makes a *runtime.TypeAssertionError carrying msg.
func (m *Machine) typeAssertionError(msg string) rt.Value {
	cell := m.rtTypeAssertion.Elem.Zero()
	fs := cell.R.([]rt.Value)
	fs[len(fs)-1] = rt.Value{R: msg} // missingMethod field holds goro's message
	return rt.Value{R: Iface{T: m.rtTypeAssertion, V: rt.Value{R: &cell}}}
}

func (m *Machine) typeAssertionText(v rt.Value) string {
	p, _ := v.R.(*rt.Value)
	if p == nil {
		return ""
	}
	fs := p.R.([]rt.Value)
	return str(fs[len(fs)-1])
}

// panicNilError returns a *runtime.PanicNilError.
func (m *Machine) panicNilError() rt.Value {
	cell := m.rtPanicNil.Elem.Zero()
	return rt.Value{R: Iface{T: m.rtPanicNil, V: rt.Value{R: &cell}}}
}

// methodNames lists the methods of interface type t.
func methodNames(t *Type) []string {
	it := t.T.Underlying().(*types.Interface)
	names := make([]string, it.NumMethods())
	for i := range names {
		names[i] = it.Method(i).Name()
	}
	return names
}
