package lib

// The crypto packages are interpreted from GOROOT source; these are the
// functions they reach that gc implements in the runtime or in assembly.

import (
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
	"crypto/internal/fips140.getIndicator":      crypto_internal_fips140_getIndicator,
	"crypto/internal/fips140.setIndicator":      crypto_internal_fips140_setIndicator,
}

// crypto/internal/boring/sig.StandardCrypto: func StandardCrypto()
//
// Also BoringCrypto and FIPSOnly: in gc, markers in the binary that tools
// look for; calling one does nothing.
func crypto_internal_boring_sig_mark(t *vm.Thread, a, r []rt.Value) {}

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
