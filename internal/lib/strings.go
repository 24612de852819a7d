package lib

// Hooks for the interpreted string packages (strings, bytes, strconv,
// unicode/utf8): their assembly (internal/bytealg) and their unsafe
// conversions between []byte and string.

import (
	"bytes"
	"strings"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func bytesOf(v rt.Value) []byte { return vm.ValuesToBytes(v) }

func init() {
	vm.RegisterNatives(stringsNatives)
	vm.RegisterInit(func(m *vm.Machine) {
		if c := m.Global("internal/bytealg", "MaxLen"); c != nil {
			*c = rt.Value{N: 64}
		}
		if c := m.Global("internal/bytealg", "MaxBruteForce"); c != nil {
			*c = rt.Value{N: 64}
		}
	})
}

// stringsNatives binds these functions by their ssa names (sorted).
var stringsNatives = map[string]vm.NativeFunc{
	"(*bytes.Buffer).String":               bytes_Buffer_String,
	"internal/abi.Escape":                  internal_abi_Escape,
	"internal/abi.NoEscape":                internal_abi_NoEscape,
	"internal/bytealg.Compare":             internal_bytealg_Compare,
	"internal/bytealg.CompareString":       internal_bytealg_CompareString,
	"internal/bytealg.Count":               internal_bytealg_Count,
	"internal/bytealg.CountString":         internal_bytealg_CountString,
	"internal/bytealg.Cutover":             internal_bytealg_Cutover,
	"internal/bytealg.Equal":               internal_bytealg_Equal,
	"internal/bytealg.HashStr":             internal_bytealg_HashStr,
	"internal/bytealg.HashStrRev":          internal_bytealg_HashStrRev,
	"internal/bytealg.Index":               internal_bytealg_Index,
	"internal/bytealg.IndexByte":           internal_bytealg_IndexByte,
	"internal/bytealg.IndexByteString":     internal_bytealg_IndexByteString,
	"internal/bytealg.IndexRabinKarp":      internal_bytealg_IndexRabinKarp,
	"internal/bytealg.IndexString":         internal_bytealg_IndexString,
	"internal/bytealg.LastIndexByte":       internal_bytealg_LastIndexByte,
	"internal/bytealg.LastIndexByteString": internal_bytealg_LastIndexByteString,
	"internal/bytealg.LastIndexRabinKarp":  internal_bytealg_LastIndexRabinKarp,
	"internal/bytealg.MakeNoZero":          internal_bytealg_MakeNoZero,
	"internal/bytealg.init":                internal_bytealg_init,
	"strings.Clone":                        strings_Clone,
}

// internal/abi.NoEscape: func NoEscape(p unsafe.Pointer) unsafe.Pointer
func internal_abi_NoEscape(t *vm.Thread, a, r []rt.Value) { r[0] = a[0] }

// internal/abi.Escape: func Escape[T any](x T) T
func internal_abi_Escape(t *vm.Thread, a, r []rt.Value) { r[0] = a[0] }

// strings.Clone: func Clone(s string) string
func strings_Clone(t *vm.Thread, a, r []rt.Value) { r[0] = a[0] }

// (*bytes.Buffer).String: func (b *Buffer) String() string
func bytes_Buffer_String(t *vm.Thread, a, r []rt.Value) {
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
}

// strOrBytes reads a string or a []byte: bytealg's Rabin-Karp functions
// are generic over string | []byte (natives, because the package is bound
// natively).
func strOrBytes(v rt.Value) string {
	if s, ok := v.R.(string); ok {
		return s
	}
	return string(vm.ValuesToBytes(v))
}

// primeRK is bytealg's PrimeRK.
const primeRK = 16777619

// rkHash is HashStr (rev false) or HashStrRev (rev true) of sep.
func rkHash(sep string, rev bool) (hash, pow uint32) {
	for i := range len(sep) {
		c := sep[i]
		if rev {
			c = sep[len(sep)-1-i]
		}
		hash = hash*primeRK + uint32(c)
	}
	pow, sq := uint32(1), uint32(primeRK)
	for i := len(sep); i > 0; i >>= 1 {
		if i&1 != 0 {
			pow *= sq
		}
		sq *= sq
	}
	return hash, pow
}

// internal/bytealg.HashStr: func HashStr[T string | []byte](sep T) (uint32, uint32)
func internal_bytealg_HashStr(t *vm.Thread, a, r []rt.Value) {
	h, p := rkHash(strOrBytes(a[0]), false)
	r[0], r[1] = rt.Value{N: uint64(h)}, rt.Value{N: uint64(p)}
}

// internal/bytealg.HashStrRev: func HashStrRev[T string | []byte](sep T) (uint32, uint32)
func internal_bytealg_HashStrRev(t *vm.Thread, a, r []rt.Value) {
	h, p := rkHash(strOrBytes(a[0]), true)
	r[0], r[1] = rt.Value{N: uint64(h)}, rt.Value{N: uint64(p)}
}

// internal/bytealg.IndexRabinKarp: func IndexRabinKarp[T string | []byte](s, sep T) int
func internal_bytealg_IndexRabinKarp(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(int64(strings.Index(strOrBytes(a[0]), strOrBytes(a[1]))))}
}

// internal/bytealg.LastIndexRabinKarp: func LastIndexRabinKarp[T string | []byte](s, sep T) int
func internal_bytealg_LastIndexRabinKarp(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(int64(strings.LastIndex(strOrBytes(a[0]), strOrBytes(a[1]))))}
}

// internal/bytealg.IndexByteString: func IndexByteString(s string, c byte) int
func internal_bytealg_IndexByteString(t *vm.Thread, a, r []rt.Value) {
	bytealgOp(t, a, r, func(a []rt.Value) rt.Value { return intV(strings.IndexByte(vm.Str(a[0]), byte(a[1].N))) })
}

// internal/bytealg.IndexByte: func IndexByte(b []byte, c byte) int
func internal_bytealg_IndexByte(t *vm.Thread, a, r []rt.Value) {
	bytealgOp(t, a, r, func(a []rt.Value) rt.Value { return intV(bytes.IndexByte(bytesOf(a[0]), byte(a[1].N))) })
}

// internal/bytealg.IndexString: func IndexString(a, b string) int
func internal_bytealg_IndexString(t *vm.Thread, a, r []rt.Value) {
	bytealgOp(t, a, r, func(a []rt.Value) rt.Value { return intV(strings.Index(vm.Str(a[0]), vm.Str(a[1]))) })
}

// internal/bytealg.Index: func Index(a, b []byte) int
func internal_bytealg_Index(t *vm.Thread, a, r []rt.Value) {
	bytealgOp(t, a, r, func(a []rt.Value) rt.Value { return intV(bytes.Index(bytesOf(a[0]), bytesOf(a[1]))) })
}

// internal/bytealg.CountString: func CountString(s string, c byte) int
func internal_bytealg_CountString(t *vm.Thread, a, r []rt.Value) {
	bytealgOp(t, a, r, func(a []rt.Value) rt.Value { return intV(strings.Count(vm.Str(a[0]), string([]byte{byte(a[1].N)}))) })
}

// internal/bytealg.Count: func Count(b []byte, c byte) int
func internal_bytealg_Count(t *vm.Thread, a, r []rt.Value) {
	bytealgOp(t, a, r, func(a []rt.Value) rt.Value { return intV(bytes.Count(bytesOf(a[0]), []byte{byte(a[1].N)})) })
}

// internal/bytealg.CompareString: func CompareString(a, b string) int
func internal_bytealg_CompareString(t *vm.Thread, a, r []rt.Value) {
	bytealgOp(t, a, r, func(a []rt.Value) rt.Value { return intV(strings.Compare(vm.Str(a[0]), vm.Str(a[1]))) })
}

// internal/bytealg.Equal: func Equal(a, b []byte) bool
func internal_bytealg_Equal(t *vm.Thread, a, r []rt.Value) {
	bytealgOp(t, a, r, func(a []rt.Value) rt.Value { return boolV(bytes.Equal(bytesOf(a[0]), bytesOf(a[1]))) })
}

// internal/bytealg.Compare: func Compare(a, b []byte) int
func internal_bytealg_Compare(t *vm.Thread, a, r []rt.Value) {
	bytealgOp(t, a, r, func(a []rt.Value) rt.Value { return intV(bytes.Compare(bytesOf(a[0]), bytesOf(a[1]))) })
}

// internal/bytealg.LastIndexByteString: func LastIndexByteString(s string, c byte) int
func internal_bytealg_LastIndexByteString(t *vm.Thread, a, r []rt.Value) {
	bytealgOp(t, a, r, func(a []rt.Value) rt.Value { return intV(strings.LastIndexByte(vm.Str(a[0]), byte(a[1].N))) })
}

// internal/bytealg.LastIndexByte: func LastIndexByte(s []byte, c byte) int
func internal_bytealg_LastIndexByte(t *vm.Thread, a, r []rt.Value) {
	bytealgOp(t, a, r, func(a []rt.Value) rt.Value { return intV(bytes.LastIndexByte(bytesOf(a[0]), byte(a[1].N))) })
}

// internal/bytealg.MakeNoZero: func MakeNoZero(n int) []byte
func internal_bytealg_MakeNoZero(t *vm.Thread, a, r []rt.Value) {
	if n := int(int64(a[0].N)); t.AllocBytes(n) {
		r[0] = vm.BytesToValues(make([]byte, n))
	}
}

// internal/bytealg.Cutover: func Cutover(n int) int
func internal_bytealg_Cutover(t *vm.Thread, a, r []rt.Value) {
	bytealgOp(t, a, r, func(a []rt.Value) rt.Value { return intV((int(a[0].N) + 7) / 8) })
}

// internal/bytealg.init: func init()
func internal_bytealg_init(t *vm.Thread, a, r []rt.Value) {}

// bytealgOp is one of internal/bytealg's functions (gc's assembly string
// and byte search): f computes its result.
func bytealgOp(t *vm.Thread, a, r []rt.Value, f func(a []rt.Value) rt.Value) {
	r[0] = f(a)
}

// intV is an int result.
func intV(n int) rt.Value { return rt.Value{N: uint64(int64(n))} }
