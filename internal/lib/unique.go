// package unique is interpreted, but Make finds its canonical copies
// through gc's type descriptors and runtime hooks (abi.TypeFor, weak
// pointers, a hash map keyed by memory): a native keeps them instead.
package lib

import (
	"go/types"
	"sync"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(uniqueNatives)
}

// uniqueNatives binds these functions by their ssa names (sorted).
var uniqueNatives = map[string]vm.NativeFunc{
	"unique.Make": unique_Make,
}

type uniqueKey struct{}

// uniqueState is a program's canonical values: per type T, a goro map
// from a T to the cell a Handle[T] points to. Handles are never dropped
// (gc's are, once unreachable): a program that makes ever new values
// keeps them all.
type uniqueState struct {
	mu   sync.Mutex
	maps map[*vm.Type]*vm.Map
}

// unique.Make: func Make[T comparable](value T) Handle[T]
func unique_Make(t *vm.Thread, a, r []rt.Value) {
	targs := t.CalleeTypeArgs()
	if len(targs) != 1 {
		t.Unsupported("unique.Make called dynamically")
		return
	}
	T := targs[0]
	m := t.Machine()
	s, _ := m.LibState.LoadOrStore(uniqueKey{}, &uniqueState{maps: map[*vm.Type]*vm.Map{}})
	st := s.(*uniqueState)
	st.mu.Lock()
	defer st.mu.Unlock()
	canon := st.maps[T]
	if canon == nil {
		canon = vm.NewMap(m.TypeOf(types.NewMap(T.T, types.NewPointer(T.T))))
		st.maps[T] = canon
	}
	v := vm.CopyDeep(T, a[0])
	p, ok, bad := canon.Get(v)
	if bad != nil {
		t.PanicRuntime("hash of unhashable type " + bad.String())
		return
	}
	if !ok {
		cell := vm.CopyDeep(T, v)
		p = rt.Value{R: &cell}
		canon.Set(v, p)
	}
	r[0] = rt.Value{R: []rt.Value{p}} // Handle[T]{value: p}
}
