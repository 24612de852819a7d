package lib

// The crypto packages are interpreted from GOROOT source; these are the
// functions they reach that gc implements in the runtime or in assembly.

import (
	"encoding/binary"
	"go/types"
	"math/bits"
	"unsafe"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(cryptoNatives)
}

// cryptoNatives binds these functions by their ssa names (sorted).
var cryptoNatives = map[string]vm.NativeFunc{
	"crypto/fips140.isBypassed":                       crypto_fips140_isBypassed,
	"crypto/fips140.setBypass":                        crypto_fips140_setBypass,
	"crypto/fips140.unsetBypass":                      crypto_fips140_unsetBypass,
	"crypto/internal/boring/sig.BoringCrypto":         crypto_internal_boring_sig_mark,
	"crypto/internal/boring/sig.FIPSOnly":             crypto_internal_boring_sig_mark,
	"crypto/internal/boring/sig.StandardCrypto":       crypto_internal_boring_sig_mark,
	"crypto/internal/constanttime.boolToUint8":        crypto_internal_constanttime_boolToUint8,
	"crypto/internal/fips140.fatal":                   sync_fatal,
	"crypto/internal/fips140.getIndicator":            crypto_internal_fips140_getIndicator,
	"crypto/internal/fips140.setIndicator":            crypto_internal_fips140_setIndicator,
	"crypto/internal/fips140/nistec.init#1":           crypto_internal_fips140_nistec_init,
	"crypto/internal/fips140/sha3.keccakF1600Generic": crypto_internal_fips140_sha3_keccakF1600Generic,
	"crypto/internal/fips140/subtle.xorBytes":         crypto_internal_fips140_subtle_xorBytes,
	"crypto/internal/sysrand.fatal":                   sync_fatal,
	"crypto/rand.fatal":                               sync_fatal,
	"internal/syscall/unix.GetRandom":                 internal_syscall_unix_GetRandom,
}

// crypto/fips140.setBypass: func setBypass()
//
// fips140.WithoutEnforcement's mark on the G (gc's g.fipsOnlyBypass),
// inherited by the goroutines it starts.
func crypto_fips140_setBypass(t *vm.Thread, a, r []rt.Value) { t.G().FIPSBypass = true }

// crypto/fips140.unsetBypass: func unsetBypass()
func crypto_fips140_unsetBypass(t *vm.Thread, a, r []rt.Value) { t.G().FIPSBypass = false }

// crypto/fips140.isBypassed: func isBypassed() bool
func crypto_fips140_isBypassed(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(t.G().FIPSBypass) }

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

// crypto/internal/fips140/subtle.xorBytes: func xorBytes(dstb, xb, yb *byte, n int)
//
// Every XOR of crypto's ciphers and hashes (AES's CTR and GCM, SHA-3's
// absorb, TLS's record layer) ends here. The pure-Go variant views n bytes
// from each pointer with unsafe.Slice, a view goro does not make over its
// cells (unsupported). Its one caller, subtle.XORBytes, passes &s[0] of
// three slices it has checked to hold n bytes each (an internal package: no
// program calls it otherwise); the native views the same n cells.
func crypto_internal_fips140_subtle_xorBytes(t *vm.Thread, a, r []rt.Value) {
	dp, _ := a[0].R.(*rt.Value)
	xp, _ := a[1].R.(*rt.Value)
	yp, _ := a[2].R.(*rt.Value)
	n := int(int64(a[3].N))
	if dp == nil || xp == nil || yp == nil || n <= 0 {
		return
	}
	dst, x, y := unsafe.Slice(dp, n), unsafe.Slice(xp, n), unsafe.Slice(yp, n)
	for i := range dst {
		dst[i] = rt.Value{N: x[i].N ^ y[i].N}
	}
}

// crypto/internal/fips140/sha3.keccakF1600Generic: func keccakF1600Generic(da *[200]byte)
//
// SHA-3 and SHAKE's permutation (crypto/sha3, ML-KEM in every TLS 1.3
// handshake). Its Go body views the 200 bytes as [25]uint64 through
// unsafe.Pointer, which goro does not do over its cells; the native reads
// the lanes little-endian, permutes them and writes them back.
func crypto_internal_fips140_sha3_keccakF1600Generic(t *vm.Thread, a, r []rt.Value) {
	p, _ := a[0].R.(*rt.Value)
	if p == nil {
		t.PanicRuntime("invalid memory address or nil pointer dereference")
		return
	}
	b := p.R.([]rt.Value)
	var st [25]uint64
	for i := range st {
		for j := 7; j >= 0; j-- {
			st[i] = st[i]<<8 | b[8*i+j].N&0xff
		}
	}
	keccakF1600(&st)
	for i, w := range st {
		for j := range 8 {
			b[8*i+j] = rt.Value{N: w >> (8 * j) & 0xff}
		}
	}
}

// keccakRC are Keccak-f[1600]'s round constants (FIPS 202, 3.2.5).
var keccakRC = [24]uint64{
	0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
	0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
	0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
	0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
	0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
	0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
}

// keccakF1600 applies the 24 rounds of Keccak-f[1600] to the lanes st
// (st[x+5y] is lane (x, y)): θ, then ρ and π walked as one cycle over the
// lanes starting at (1, 0), then χ row by row, then ι.
func keccakF1600(st *[25]uint64) {
	for round := range 24 {
		var c [5]uint64
		for x := range 5 {
			c[x] = st[x] ^ st[x+5] ^ st[x+10] ^ st[x+15] ^ st[x+20]
		}
		for x := range 5 {
			d := c[(x+4)%5] ^ bits.RotateLeft64(c[(x+1)%5], 1)
			for y := 0; y < 25; y += 5 {
				st[y+x] ^= d
			}
		}
		// ρ and π: lane (x, y) moves to (y, 2x+3y), rotated by the
		// triangular numbers (t+1)(t+2)/2 along the cycle.
		x, y := 1, 0
		cur := st[x+5*y]
		for t := range 24 {
			x, y = y, (2*x+3*y)%5
			next := st[x+5*y]
			st[x+5*y] = bits.RotateLeft64(cur, ((t+1)*(t+2)/2)%64)
			cur = next
		}
		for y := 0; y < 25; y += 5 {
			var row [5]uint64
			copy(row[:], st[y:y+5])
			for x := range 5 {
				st[y+x] = row[x] ^ ^row[(x+1)%5]&row[(x+2)%5]
			}
		}
		st[0] ^= keccakRC[round]
	}
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
