// The test binary's support packages (go test's generated main imports
// testing/internal/testdeps, which imports internal/fuzz): the few
// functions of theirs that reach into gc's linker or runtime.
package lib

import (
	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(testingNatives)
}

// testingNatives binds these functions by their ssa names (sorted).
var testingNatives = map[string]vm.NativeFunc{
	"internal/fuzz.coverage": internal_fuzz_coverage,
}

// internal/fuzz.coverage: func coverage() []byte — the edge counters the
// linker lays out between _counters and _ecounters under -d=libfuzzer.
// goro compiles no such counters: none (gc's too without the flag).
func internal_fuzz_coverage(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{} }
