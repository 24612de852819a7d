// sync.Map: gc's HashTrieMap hashes keys through unsafe type metadata, so
// goro keeps each sync.Map's entries in a vm.Map under a host mutex.
package lib

import (
	"go/types"
	"sync"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

type syncMapKey struct{}

type syncMaps struct {
	mu sync.Mutex
	m  map[*rt.Value]*syncMap
}

type syncMap struct {
	mu sync.Mutex
	m  *vm.Map
}

func syncMapOf(t *vm.Thread, v rt.Value) *syncMap {
	p := cellOf(t, v)
	if p == nil {
		return nil
	}
	m := t.Machine()
	s, _ := m.LibState.LoadOrStore(syncMapKey{}, &syncMaps{m: map[*rt.Value]*syncMap{}})
	all := s.(*syncMaps)
	all.mu.Lock()
	defer all.mu.Unlock()
	sm := all.m[p]
	if sm == nil {
		anyT := types.Universe.Lookup("any").Type()
		sm = &syncMap{m: vm.NewMap(m.TypeOf(types.NewMap(anyT, anyT)))}
		all.m[p] = sm
	}
	return sm
}

func init() {
	reg := vm.RegisterNative
	// op runs f on the map under its lock; an unhashable key panics as gc's
	// map does.
	op := func(name string, f func(sm *syncMap, a, r []rt.Value) *vm.Type) {
		reg("(*sync.Map)."+name, func(t *vm.Thread, a, r []rt.Value) {
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
		})
	}
	op("Load", func(sm *syncMap, a, r []rt.Value) *vm.Type {
		v, ok, bad := sm.m.Get(a[0])
		r[0], r[1] = v, boolV(ok)
		return bad
	})
	op("Store", func(sm *syncMap, a, r []rt.Value) *vm.Type { return sm.m.Set(a[0], a[1]) })
	op("LoadOrStore", func(sm *syncMap, a, r []rt.Value) *vm.Type {
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
	op("LoadAndDelete", func(sm *syncMap, a, r []rt.Value) *vm.Type {
		v, ok, bad := sm.m.Get(a[0])
		if bad != nil {
			return bad
		}
		r[0], r[1] = v, boolV(ok)
		return sm.m.Delete(a[0])
	})
	op("Delete", func(sm *syncMap, a, r []rt.Value) *vm.Type { return sm.m.Delete(a[0]) })
	op("Swap", func(sm *syncMap, a, r []rt.Value) *vm.Type {
		v, ok, bad := sm.m.Get(a[0])
		if bad != nil {
			return bad
		}
		r[0], r[1] = v, boolV(ok)
		return sm.m.Set(a[0], a[1])
	})
	op("CompareAndSwap", func(sm *syncMap, a, r []rt.Value) *vm.Type {
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
	op("CompareAndDelete", func(sm *syncMap, a, r []rt.Value) *vm.Type {
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
	op("Clear", func(sm *syncMap, a, r []rt.Value) *vm.Type { sm.m.Clear(); return nil })
	reg("(*sync.Map).Range", func(t *vm.Thread, a, r []rt.Value) {
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
	})
}
