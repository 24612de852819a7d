package lib

// The crypto packages are interpreted from GOROOT source; these are the
// functions they reach that gc implements in the runtime or in assembly.

import (
	"encoding/binary"
	"go/types"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(cryptoNatives)
}

// cryptoNatives binds these functions by their ssa names (sorted).
var cryptoNatives = map[string]vm.NativeFunc{
	"crypto/internal/boring/sig.BoringCrypto":   crypto_internal_boring_sig_mark,
	"crypto/internal/boring/sig.FIPSOnly":       crypto_internal_boring_sig_mark,
	"crypto/internal/boring/sig.StandardCrypto": crypto_internal_boring_sig_mark,
	"crypto/internal/constanttime.boolToUint8":  crypto_internal_constanttime_boolToUint8,
	"crypto/internal/fips140.getIndicator":      crypto_internal_fips140_getIndicator,
	"crypto/internal/fips140.setIndicator":      crypto_internal_fips140_setIndicator,
	"crypto/internal/fips140/nistec.init#1":     crypto_internal_fips140_nistec_init,
	"internal/syscall/unix.GetRandom":           internal_syscall_unix_GetRandom,
}

// crypto/internal/boring/sig.StandardCrypto: func StandardCrypto()
//
// Also BoringCrypto and FIPSOnly: in gc, markers in the binary that tools
// look for; calling one does nothing.
func crypto_internal_boring_sig_mark(t *vm.Thread, a, r []rt.Value) {}

// crypto/internal/constanttime.boolToUint8: func boolToUint8(b bool) uint8
// — a gc intrinsic (its Go body panics "must be intrinsicified").
func crypto_internal_constanttime_boolToUint8(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: a[0].N & 1}
}

// crypto/internal/fips140.getIndicator: func getIndicator() uint8
//
// The service indicator lives in the G, as in gc.
func crypto_internal_fips140_getIndicator(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(t.G().FIPSIndicator)}
}

// crypto/internal/fips140.setIndicator: func setIndicator(uint8)
func crypto_internal_fips140_setIndicator(t *vm.Thread, a, r []rt.Value) {
	t.G().FIPSIndicator = uint8(a[0].N)
}

// crypto/internal/fips140/nistec.init#1: the init of p256.go, which points
// p256GeneratorTables (*[43]p256AffineTable: field elements of four uint64
// words) at p256PrecomputedEmbed, a [...]byte holding the table in
// little-endian order, through unsafe.Pointer. goro's cells cannot alias
// bytes as words; the table is read-only (nothing writes either variable
// after this init), so it is decoded once into cells of its own type.
func crypto_internal_fips140_nistec_init(t *vm.Thread, a, r []rt.Value) {
	const pkg = "crypto/internal/fips140/nistec"
	m := t.Machine()
	src, dst, table := m.Global(pkg, "p256PrecomputedEmbed"), m.Global(pkg, "p256GeneratorTables"), m.LookupType(pkg, "p256AffineTable")
	if src == nil || dst == nil || table == nil {
		panic("goro: nistec's init: p256PrecomputedEmbed, p256GeneratorTables or p256AffineTable not found")
	}
	tables := m.TypeOf(types.NewArray(table.T, 43))
	cell := new(rt.Value)
	*cell = tables.Zero()
	if rest := decodeWordsLE(tables, cell, vm.ValuesToBytes(*src)); len(rest) != 0 {
		panic("goro: nistec's init: the embedded table does not fill [43]p256AffineTable")
	}
	*dst = rt.Value{R: cell}
}

// decodeWordsLE fills v, a value of type ty made of arrays, structs and
// uint64 words only, from little-endian bytes b, and returns the bytes
// left.
func decodeWordsLE(ty *vm.Type, v *rt.Value, b []byte) []byte {
	switch ty.Kind {
	case vm.KUint64:
		if len(b) < 8 {
			panic("goro: decodeWordsLE: short data")
		}
		v.N = binary.LittleEndian.Uint64(b)
		return b[8:]
	case vm.KArray, vm.KStruct:
		elems, _ := v.R.([]rt.Value)
		for i := range elems {
			et := ty.Elem
			if ty.Kind == vm.KStruct {
				et = ty.Fields[i]
			}
			b = decodeWordsLE(et, &elems[i], b)
		}
		return b
	}
	panic("goro: decodeWordsLE: " + ty.String() + " is not made of uint64 words")
}

// internal/syscall/unix.GetRandom: func GetRandom(p []byte, flags GetRandomFlag) (n int, err error)
//
// crypto/rand's source, the kernel's getrandom(2) under gc. Under goro all
// randomness comes from the runtime's seeded source (DESIGN: invariants),
// so that a run is reproducible from its seed: crypto/rand's bytes are too,
// and are therefore no secret from whoever knows the seed.
func internal_syscall_unix_GetRandom(t *vm.Thread, a, r []rt.Value) {
	p, _ := a[0].R.([]rt.Value)
	rtm := t.Machine().RT
	var w uint64
	for i := range p {
		if i%8 == 0 {
			w = rtm.Rand(t.G())
		}
		p[i] = rt.Value{N: w & 0xff}
		w >>= 8
	}
	r[0], r[1] = rt.Value{N: uint64(len(p))}, rt.Value{}
}
