package lib

// Natives for interpreted functions whose bodies build strings with
// unsafe.String over a []byte, which goro's values cannot express (a
// pointer to a slice element does not lead back to the slice).
//
// (*errors.joinError).Error joins the errors' texts, calling each Error
// method as an interpreted call; internal/stringslite.Clone (strconv's
// errors) returns its argument (goro's strings are immutable host strings).

import (
	"strings"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(unsafestrNatives)
}

// unsafestrNatives binds these functions by their ssa names (sorted).
var unsafestrNatives = map[string]vm.NativeFunc{
	"(*errors.joinError).Error":  errors_joinError_Error,
	"internal/stringslite.Clone": internal_stringslite_Clone,
}

// internal/stringslite.Clone: func Clone(s string) string
func internal_stringslite_Clone(t *vm.Thread, a, r []rt.Value) { r[0] = a[0] }

// (*errors.joinError).Error: func (e *joinError) Error() string
func errors_joinError_Error(t *vm.Thread, a, r []rt.Value) {
	p, _ := a[0].R.(*rt.Value)
	if p == nil {
		t.PanicRuntime("invalid memory address or nil pointer dereference")
		return
	}
	fs, _ := p.R.([]rt.Value)
	var errs []rt.Value
	if len(fs) > 0 {
		errs, _ = fs[0].R.([]rt.Value)
	}
	var texts []string
	var next func(t *vm.Thread, i int)
	next = func(t *vm.Thread, i int) {
		for ; i < len(errs); i++ {
			iv, ok := errs[i].R.(vm.Iface)
			if !ok {
				t.PanicRuntime("invalid memory address or nil pointer dereference")
				return
			}
			f := iv.T.Method("Error")
			if f == nil {
				t.Unsupported("method Error of " + iv.T.String())
				return
			}
			j := i
			t.CallThen(rt.Value{R: &vm.Closure{Fn: f}}, []rt.Value{iv.V}, func(t *vm.Thread, res, out []rt.Value) {
				texts = append(texts, vm.Str(res[0]))
				if j+1 < len(errs) {
					next(t, j+1)
					return
				}
				out[0] = rt.Value{R: strings.Join(texts, "\n")}
			})
			return
		}
		r[0] = rt.Value{R: strings.Join(texts, "\n")}
	}
	next(t, 0)
}
