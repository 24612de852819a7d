package lib

// sync.Map: gc's HashTrieMap hashes keys through unsafe type metadata, so
// goro keeps each sync.Map's entries in a vm.Map under a host mutex.

import (
	"go/types"
	"sync"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

type syncMapKey struct{}

type syncMap struct {
	mu sync.Mutex
	m  *vm.Map
}

// syncMapOf returns the entries of the sync.Map v points to. They are kept
// beside its cell in a per-program CellTable, which does not keep the cell
// alive: a program making sync.Maps as it goes does not accumulate them.
func syncMapOf(t *vm.Thread, v rt.Value) *syncMap {
	p := cellOf(t, v)
	if p == nil {
		return nil
	}
	m := t.Machine()
	s, _ := m.LibState.LoadOrStore(syncMapKey{}, new(vm.CellTable[*syncMap]))
	return s.(*vm.CellTable[*syncMap]).LoadOrMake(p, func() *syncMap {
		anyT := types.Universe.Lookup("any").Type()
		return &syncMap{m: vm.NewMap(m.TypeOf(types.NewMap(anyT, anyT)))}
	})
}

func init() {
	vm.RegisterNatives(syncmapNatives)
}

// syncmapNatives binds these functions by their ssa names (sorted).
var syncmapNatives = map[string]vm.NativeFunc{
	"(*sync.Map).Clear":            sync_Map_Clear,
	"(*sync.Map).CompareAndDelete": sync_Map_CompareAndDelete,
	"(*sync.Map).CompareAndSwap":   sync_Map_CompareAndSwap,
	"(*sync.Map).Delete":           sync_Map_Delete,
	"(*sync.Map).Load":             sync_Map_Load,
	"(*sync.Map).LoadAndDelete":    sync_Map_LoadAndDelete,
	"(*sync.Map).LoadOrStore":      sync_Map_LoadOrStore,
	"(*sync.Map).Range":            sync_Map_Range,
	"(*sync.Map).Store":            sync_Map_Store,
	"(*sync.Map).Swap":             sync_Map_Swap,
}

// (*sync.Map).Load: func (m *Map) Load(key any) (value any, ok bool)
func sync_Map_Load(t *vm.Thread, a, r []rt.Value) {
	syncMapOp(t, a, r, func(sm *syncMap, a, r []rt.Value) *vm.Type {
		v, ok, bad := sm.m.Get(a[0])
		r[0], r[1] = v, boolV(ok)
		return bad
	})
}

// (*sync.Map).Store: func (m *Map) Store(key, value any)
func sync_Map_Store(t *vm.Thread, a, r []rt.Value) {
	syncMapOp(t, a, r, func(sm *syncMap, a, r []rt.Value) *vm.Type { return sm.m.Set(a[0], a[1]) })
}

// (*sync.Map).LoadOrStore: func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool)
func sync_Map_LoadOrStore(t *vm.Thread, a, r []rt.Value) {
	syncMapOp(t, a, r, func(sm *syncMap, a, r []rt.Value) *vm.Type {
		v, ok, bad := sm.m.Get(a[0])
		if bad != nil {
			return bad
		}
		if ok {
			r[0], r[1] = v, boolV(true)
			return nil
		}
		r[0], r[1] = a[1], boolV(false)
		return sm.m.Set(a[0], a[1])
	})
}

// (*sync.Map).LoadAndDelete: func (m *Map) LoadAndDelete(key any) (value any, loaded bool)
func sync_Map_LoadAndDelete(t *vm.Thread, a, r []rt.Value) {
	syncMapOp(t, a, r, func(sm *syncMap, a, r []rt.Value) *vm.Type {
		v, ok, bad := sm.m.Get(a[0])
		if bad != nil {
			return bad
		}
		r[0], r[1] = v, boolV(ok)
		return sm.m.Delete(a[0])
	})
}

// (*sync.Map).Delete: func (m *Map) Delete(key any)
func sync_Map_Delete(t *vm.Thread, a, r []rt.Value) {
	syncMapOp(t, a, r, func(sm *syncMap, a, r []rt.Value) *vm.Type { return sm.m.Delete(a[0]) })
}

// (*sync.Map).Swap: func (m *Map) Swap(key, value any) (previous any, loaded bool)
func sync_Map_Swap(t *vm.Thread, a, r []rt.Value) {
	syncMapOp(t, a, r, func(sm *syncMap, a, r []rt.Value) *vm.Type {
		v, ok, bad := sm.m.Get(a[0])
		if bad != nil {
			return bad
		}
		r[0], r[1] = v, boolV(ok)
		return sm.m.Set(a[0], a[1])
	})
}

// (*sync.Map).CompareAndSwap: func (m *Map) CompareAndSwap(key, old, new any) (swapped bool)
func sync_Map_CompareAndSwap(t *vm.Thread, a, r []rt.Value) {
	syncMapOp(t, a, r, func(sm *syncMap, a, r []rt.Value) *vm.Type {
		v, ok, bad := sm.m.Get(a[0])
		if bad != nil {
			return bad
		}
		if ok && vm.EqualInterfaces(v, a[1]) {
			r[0] = boolV(true)
			return sm.m.Set(a[0], a[2])
		}
		r[0] = boolV(false)
		return nil
	})
}

// (*sync.Map).CompareAndDelete: func (m *Map) CompareAndDelete(key, old any) (deleted bool)
func sync_Map_CompareAndDelete(t *vm.Thread, a, r []rt.Value) {
	syncMapOp(t, a, r, func(sm *syncMap, a, r []rt.Value) *vm.Type {
		v, ok, bad := sm.m.Get(a[0])
		if bad != nil {
			return bad
		}
		if ok && vm.EqualInterfaces(v, a[1]) {
			r[0] = boolV(true)
			return sm.m.Delete(a[0])
		}
		r[0] = boolV(false)
		return nil
	})
}

// (*sync.Map).Clear: func (m *Map) Clear()
func sync_Map_Clear(t *vm.Thread, a, r []rt.Value) {
	syncMapOp(t, a, r, func(sm *syncMap, a, r []rt.Value) *vm.Type { sm.m.Clear(); return nil })
}

// (*sync.Map).Range: func (m *Map) Range(f func(key, value any) bool)
func sync_Map_Range(t *vm.Thread, a, r []rt.Value) {
	sm := syncMapOf(t, a[0])
	if sm == nil {
		return
	}
	sm.mu.Lock()
	keys, vals := sm.m.Entries(t.Machine().RT.Rand(t.G()))
	sm.mu.Unlock()
	f := a[1]
	var step func(i int)
	step = func(i int) {
		if i >= len(keys) {
			return
		}
		t.CallThen(f, []rt.Value{keys[i], vals[i]}, func(t *vm.Thread, res, out []rt.Value) {
			if res[0].N != 0 {
				step(i + 1)
			}
		})
	}
	step(0)
}

// syncMapOp runs f on the map under its lock; an unhashable key panics as gc's
// map does.
func syncMapOp(t *vm.Thread, a, r []rt.Value, f func(sm *syncMap, a, r []rt.Value) *vm.Type) {
	sm := syncMapOf(t, a[0])
	if sm == nil {
		return
	}
	sm.mu.Lock()
	bad := f(sm, a[1:], r)
	sm.mu.Unlock()
	if bad != nil {
		t.PanicRuntime("hash of unhashable type " + bad.String())
	}
}
