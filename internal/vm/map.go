// Maps: an index from hashable host keys to entries kept in insertion
// order, with tombstones. A RWMutex guards the host map: the executor only
// ever TryLocks it, and a G that finds it taken by another G's write has
// met a data race, which it reports as gc does ("fatal error: concurrent
// map writes") instead of letting the host map be corrupted. Iteration starts at a random entry (from the
// runtime's seeded source) and wraps around, so programs cannot depend on
// an order, yet a seed reproduces one.
package vm

import (
	"sync"

	"github.com/goro-dev/goro/internal/rt"
)

// Map is a Go map.
type Map struct {
	mu    sync.RWMutex
	t     *Type
	index map[any]int32
	keys  []rt.Value
	vals  []rt.Value
	live  []bool
	count int
	gen   int // bumped when entries are compacted
}

func newMap(t *Type) *Map {
	return &Map{t: t, index: map[any]int32{}}
}

// Len returns the number of entries.
func (m *Map) Len() int {
	if m == nil {
		return 0
	}
	return m.count
}

type ifaceKey struct {
	t *Type
	k any
}

type nanKey struct{ p *int }

// hashKey returns a comparable host key for v of type t, or the
// incomparable dynamic type found inside it.
func hashKey(t *Type, v rt.Value) (any, *Type) {
	switch t.Kind {
	case KString:
		return str(v), nil
	case KFloat32, KFloat64:
		f := f64(v)
		if f != f {
			return nanKey{new(int)}, nil // NaN: never equal to anything
		}
		return f, nil
	case KComplex64, KComplex128:
		return c128(v), nil
	case KPointer, KUnsafePointer, KChan:
		return v.R, nil
	case KInterface:
		iv, ok := v.R.(Iface)
		if !ok {
			return ifaceKey{}, nil
		}
		if iv.T.incomparable() {
			return nil, iv.T
		}
		k, bad := hashKey(iv.T, iv.V)
		return ifaceKey{iv.T, k}, bad
	case KStruct, KArray:
		vs, _ := v.R.([]rt.Value)
		keys := make([]any, len(vs))
		for i := range vs {
			et := t.Elem
			if t.Kind == KStruct {
				et = t.Fields[i]
			}
			k, bad := hashKey(et, vs[i])
			if bad != nil {
				return nil, bad
			}
			keys[i] = k
		}
		return packKeys(keys), nil
	case KSlice, KMap, KFunc:
		return nil, t
	}
	return v.N, nil
}

// packKeys makes one comparable key of many: arrays of 8, nested.
func packKeys(keys []any) any {
	if len(keys) <= 8 {
		var a [8]any
		copy(a[:], keys)
		return a
	}
	var groups []any
	for i := 0; i < len(keys); i += 8 {
		j := min(i+8, len(keys))
		groups = append(groups, packKeys(keys[i:j]))
	}
	return packKeys(groups)
}

func (m *Map) get(k rt.Value) (rt.Value, bool, *Type) {
	hk, bad := hashKey(m.t.Key, k)
	if bad != nil {
		return rt.Value{}, false, bad
	}
	i, ok := m.index[hk]
	if !ok {
		return rt.Value{}, false, nil
	}
	return m.vals[i], true, nil
}

func (m *Map) set(k, v rt.Value) *Type {
	hk, bad := hashKey(m.t.Key, k)
	if bad != nil {
		return bad
	}
	if i, ok := m.index[hk]; ok {
		m.vals[i] = v
		return nil
	}
	if len(m.keys) >= 16 && len(m.keys) > 2*m.count {
		m.compact()
	}
	m.index[hk] = int32(len(m.keys))
	m.keys = append(m.keys, k)
	m.vals = append(m.vals, v)
	m.live = append(m.live, true)
	m.count++
	return nil
}

func (m *Map) delete(k rt.Value) *Type {
	hk, bad := hashKey(m.t.Key, k)
	if bad != nil {
		return bad
	}
	if i, ok := m.index[hk]; ok {
		delete(m.index, hk)
		m.live[i] = false
		m.keys[i], m.vals[i] = rt.Value{}, rt.Value{}
		m.count--
	}
	return nil
}

func (m *Map) clear() {
	m.index = map[any]int32{}
	m.keys, m.vals, m.live = nil, nil, nil
	m.count = 0
	m.gen++
}

// compact drops tombstones into fresh slices (iterators keep the old ones).
func (m *Map) compact() {
	n := m.count
	keys := make([]rt.Value, 0, n*2)
	vals := make([]rt.Value, 0, n*2)
	live := make([]bool, 0, n*2)
	index := make(map[any]int32, n)
	for i := range m.keys {
		if m.live[i] {
			hk, _ := hashKey(m.t.Key, m.keys[i])
			index[hk] = int32(len(keys))
			keys = append(keys, m.keys[i])
			vals = append(vals, m.vals[i])
			live = append(live, true)
		}
	}
	m.index, m.keys, m.vals, m.live = index, keys, vals, live
	m.gen++
}

// mapIter iterates over a map (the state of a range statement).
type mapIter struct {
	m          *Map
	keys, vals []rt.Value
	live       []bool
	gen        int
	start, i   int
	n          int
	race       bool // a write was under way while iterating
}

func (m *Map) iter(seed uint64) *mapIter {
	it := &mapIter{m: m}
	if m == nil {
		return it
	}
	it.keys, it.vals, it.live, it.gen = m.keys, m.vals, m.live, m.gen
	it.n = len(m.keys)
	if it.n > 0 {
		it.start = int(seed % uint64(it.n))
	}
	return it
}

// next returns the next entry.
func (it *mapIter) next() (k, v rt.Value, ok bool) {
	for it.i < it.n {
		j := (it.start + it.i) % it.n
		it.i++
		if !it.live[j] {
			continue
		}
		k = it.keys[j]
		if it.gen != it.m.gen {
			// The map was compacted or cleared since: the entry counts only
			// if still present, with its current value.
			if !it.m.mu.TryRLock() {
				it.race = true
				return rt.Value{}, rt.Value{}, false
			}
			cur, found, _ := it.m.get(k)
			it.m.mu.RUnlock()
			if !found {
				continue
			}
			return k, cur, true
		}
		return k, it.vals[j], true
	}
	return rt.Value{}, rt.Value{}, false
}

// NewMap returns an empty map of map type t.
func NewMap(t *Type) *Map { return newMap(t) }

// Get looks k up; bad is the unhashable dynamic type inside k, if any.
func (m *Map) Get(k rt.Value) (v rt.Value, ok bool, bad *Type) {
	if m == nil {
		return rt.Value{}, false, nil
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.get(k)
}

// Set sets m[k] = v.
func (m *Map) Set(k, v rt.Value) (bad *Type) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.set(k, v)
}

// Delete deletes m[k].
func (m *Map) Delete(k rt.Value) (bad *Type) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.delete(k)
}

// Clear deletes every entry.
func (m *Map) Clear() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.clear()
}

// Entries returns a snapshot of the entries, starting at a random one.
func (m *Map) Entries(seed uint64) (keys, vals []rt.Value) {
	if m == nil {
		return nil, nil
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	it := m.iter(seed)
	for {
		k, v, ok := it.next()
		if !ok {
			return
		}
		keys = append(keys, k)
		vals = append(vals, v)
	}
}

// Fatal errors of racing map accesses (gc's texts).
const (
	raceMapWrites    = "concurrent map writes"
	raceMapReadWrite = "concurrent map read and map write"
	raceMapIterWrite = "concurrent map iteration and map write"
)

// lockWrite takes m for a write by the running G, or reports the race.
func (t *Thread) lockWrite(m *Map) bool {
	if m.mu.TryLock() {
		return true
	}
	t.Fatal(raceMapWrites)
	return false
}

// lockRead takes m for a read by the running G, or reports the race.
func (t *Thread) lockRead(m *Map) bool {
	if m.mu.TryRLock() {
		return true
	}
	t.Fatal(raceMapReadWrite)
	return false
}
