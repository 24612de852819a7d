package lib

// Natives for strconv's integer formatting (Itoa, FormatInt, FormatUint,
// AppendInt, AppendUint), in strconv and in internal/strconv where the
// code lives. Interpreted, each call formats into a [24]byte or [65]byte
// array — 24 or 65 Values allocated and zeroed — and converts it; natively
// it is the host's strconv. The results are the same text, appends grow
// the slice as gc's single append of the digits does (AppendInt of a
// negative number appends '-' first, as gc's does), and a base outside
// 2..36 panics with gc's message.

import (
	"go/types"
	"strconv"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(strconvNatives)
}

// strconvNatives binds each function in strconv and in internal/strconv
// (the same code, twice).
var strconvNatives = map[string]vm.NativeFunc{
	"internal/strconv.AppendInt":  strconv_AppendInt,
	"internal/strconv.AppendUint": strconv_AppendUint,
	"internal/strconv.FormatInt":  strconv_FormatInt,
	"internal/strconv.FormatUint": strconv_FormatUint,
	"internal/strconv.Itoa":       strconv_Itoa,
	"strconv.AppendInt":           strconv_AppendInt,
	"strconv.AppendUint":          strconv_AppendUint,
	"strconv.FormatInt":           strconv_FormatInt,
	"strconv.FormatUint":          strconv_FormatUint,
	"strconv.Itoa":                strconv_Itoa,
}

// badBase panics as strconv does if base is outside 2..36.
func badBase(t *vm.Thread, base int64) bool {
	if base >= 2 && base <= 36 {
		return false
	}
	str := t.Machine().TypeOf(types.Typ[types.String])
	t.Panic(rt.Value{R: vm.Iface{T: str, V: rt.Value{R: "strconv: illegal AppendInt/FormatInt base"}}})
	return true
}

// strconv.Itoa: func Itoa(i int) string
func strconv_Itoa(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: strconv.Itoa(int(int64(a[0].N)))}
}

// strconv.FormatInt: func FormatInt(i int64, base int) string
func strconv_FormatInt(t *vm.Thread, a, r []rt.Value) {
	if !badBase(t, int64(a[1].N)) {
		r[0] = rt.Value{R: strconv.FormatInt(int64(a[0].N), int(int64(a[1].N)))}
	}
}

// strconv.FormatUint: func FormatUint(i uint64, base int) string
func strconv_FormatUint(t *vm.Thread, a, r []rt.Value) {
	if !badBase(t, int64(a[1].N)) {
		r[0] = rt.Value{R: strconv.FormatUint(a[0].N, int(int64(a[1].N)))}
	}
}

// strconv.AppendInt: func AppendInt(dst []byte, i int64, base int) []byte
func strconv_AppendInt(t *vm.Thread, a, r []rt.Value) {
	i, dst := int64(a[1].N), a[0]
	u := uint64(i)
	if i < 0 {
		dst = vm.AppendString(dst, "-")
		u = -u
	}
	if !badBase(t, int64(a[2].N)) {
		var buf [64]byte
		r[0] = vm.AppendBytes(dst, strconv.AppendUint(buf[:0], u, int(int64(a[2].N))))
	}
}

// strconv.AppendUint: func AppendUint(dst []byte, i uint64, base int) []byte
func strconv_AppendUint(t *vm.Thread, a, r []rt.Value) {
	if !badBase(t, int64(a[2].N)) {
		var buf [64]byte
		r[0] = vm.AppendBytes(a[0], strconv.AppendUint(buf[:0], a[1].N, int(int64(a[2].N))))
	}
}
