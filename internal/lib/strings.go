// Hooks for the interpreted string packages (strings, bytes, strconv,
// unicode/utf8): their assembly (internal/bytealg) and their unsafe
// conversions between []byte and string.
package lib

import (
	"bytes"
	"strings"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func bytesOf(v rt.Value) []byte { return vm.ValuesToBytes(v) }

func init() {
	reg := vm.RegisterNative
	reg("internal/abi.NoEscape", func(t *vm.Thread, a, r []rt.Value) { r[0] = a[0] })
	reg("internal/abi.Escape", func(t *vm.Thread, a, r []rt.Value) { r[0] = a[0] })
	reg("strings.Clone", func(t *vm.Thread, a, r []rt.Value) { r[0] = a[0] })
	reg("(*bytes.Buffer).String", func(t *vm.Thread, a, r []rt.Value) {
		p, _ := a[0].R.(*rt.Value)
		if p == nil {
			r[0] = rt.Value{R: "<nil>"}
			return
		}
		fs := p.R.([]rt.Value)
		buf, _ := fs[0].R.([]rt.Value)
		off := int(int64(fs[1].N))
		if off > len(buf) {
			off = len(buf)
		}
		r[0] = rt.Value{R: string(vm.ValuesToBytes(rt.Value{R: buf[off:]}))}
	})

	// internal/bytealg: gc's assembly string and byte search.
	bs := func(name string, f func(a []rt.Value) rt.Value) {
		reg("internal/bytealg."+name, func(t *vm.Thread, a, r []rt.Value) { r[0] = f(a) })
	}
	i := func(n int) rt.Value { return rt.Value{N: uint64(int64(n))} }
	bs("IndexByteString", func(a []rt.Value) rt.Value { return i(strings.IndexByte(vm.Str(a[0]), byte(a[1].N))) })
	bs("IndexByte", func(a []rt.Value) rt.Value { return i(bytes.IndexByte(bytesOf(a[0]), byte(a[1].N))) })
	bs("IndexString", func(a []rt.Value) rt.Value { return i(strings.Index(vm.Str(a[0]), vm.Str(a[1]))) })
	bs("Index", func(a []rt.Value) rt.Value { return i(bytes.Index(bytesOf(a[0]), bytesOf(a[1]))) })
	bs("CountString", func(a []rt.Value) rt.Value { return i(strings.Count(vm.Str(a[0]), string(rune(byte(a[1].N))))) })
	bs("Count", func(a []rt.Value) rt.Value { return i(bytes.Count(bytesOf(a[0]), []byte{byte(a[1].N)})) })
	bs("CompareString", func(a []rt.Value) rt.Value { return i(strings.Compare(vm.Str(a[0]), vm.Str(a[1]))) })
	bs("Equal", func(a []rt.Value) rt.Value { return boolV(bytes.Equal(bytesOf(a[0]), bytesOf(a[1]))) })
	bs("Compare", func(a []rt.Value) rt.Value { return i(bytes.Compare(bytesOf(a[0]), bytesOf(a[1]))) })
	bs("LastIndexByteString", func(a []rt.Value) rt.Value { return i(strings.LastIndexByte(vm.Str(a[0]), byte(a[1].N))) })
	bs("LastIndexByte", func(a []rt.Value) rt.Value { return i(bytes.LastIndexByte(bytesOf(a[0]), byte(a[1].N))) })
	bs("MakeNoZero", func(a []rt.Value) rt.Value { return vm.BytesToValues(make([]byte, int(a[0].N))) })
	bs("Cutover", func(a []rt.Value) rt.Value { return i((int(a[0].N) + 7) / 8) })
	reg("internal/bytealg.init", func(t *vm.Thread, a, r []rt.Value) {})
	vm.RegisterInit(func(m *vm.Machine) {
		if c := m.Global("internal/bytealg", "MaxLen"); c != nil {
			*c = rt.Value{N: 64}
		}
		if c := m.Global("internal/bytealg", "MaxBruteForce"); c != nil {
			*c = rt.Value{N: 64}
		}
	})
}
