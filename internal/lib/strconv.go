// Natives for strconv's integer formatting (Itoa, FormatInt, FormatUint,
// AppendInt, AppendUint), in strconv and in internal/strconv where the
// code lives. Interpreted, each call formats into a [24]byte or [65]byte
// array — 24 or 65 Values allocated and zeroed — and converts it; natively
// it is the host's strconv. The results are the same text, appends grow
// the slice as gc's single append of the digits does (AppendInt of a
// negative number appends '-' first, as gc's does), and a base outside
// 2..36 panics with gc's message.
package lib

import (
	"go/types"
	"strconv"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	badBase := func(t *vm.Thread, base int64) bool {
		if base >= 2 && base <= 36 {
			return false
		}
		str := t.Machine().TypeOf(types.Typ[types.String])
		t.Panic(rt.Value{R: vm.Iface{T: str, V: rt.Value{R: "strconv: illegal AppendInt/FormatInt base"}}})
		return true
	}
	for _, pkg := range []string{"strconv.", "internal/strconv."} {
		vm.RegisterNative(pkg+"Itoa", func(t *vm.Thread, a, r []rt.Value) {
			r[0] = rt.Value{R: strconv.Itoa(int(int64(a[0].N)))}
		})
		vm.RegisterNative(pkg+"FormatInt", func(t *vm.Thread, a, r []rt.Value) {
			if !badBase(t, int64(a[1].N)) {
				r[0] = rt.Value{R: strconv.FormatInt(int64(a[0].N), int(int64(a[1].N)))}
			}
		})
		vm.RegisterNative(pkg+"FormatUint", func(t *vm.Thread, a, r []rt.Value) {
			if !badBase(t, int64(a[1].N)) {
				r[0] = rt.Value{R: strconv.FormatUint(a[0].N, int(int64(a[1].N)))}
			}
		})
		vm.RegisterNative(pkg+"AppendInt", func(t *vm.Thread, a, r []rt.Value) {
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
		})
		vm.RegisterNative(pkg+"AppendUint", func(t *vm.Thread, a, r []rt.Value) {
			if !badBase(t, int64(a[2].N)) {
				var buf [64]byte
				r[0] = vm.AppendBytes(a[0], strconv.AppendUint(buf[:0], a[1].N, int(int64(a[2].N))))
			}
		})
	}
}
