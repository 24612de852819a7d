package vm

// Maps: an index from keys to entries kept in insertion order, with
// tombstones. The index is chosen by the key type (see idxKind): a
// wordIndex for keys that are one word (integers, bools, floats), a host
// map[string]int32 for strings, and a host map[any]int32 over a comparable
// host form of the key (hashKey) for everything else — so that the common
// keys are neither boxed nor hashed as interfaces. The entries' keys and
// values are columns: words for scalar types, Values otherwise.
//
// A mapLock guards the index and entries: the executor only ever tries it, and a G
// that finds it taken by another G's write has met a data race, which it
// reports as gc does ("fatal error: concurrent map writes") instead of
// letting the host map be corrupted. Iteration starts at a random entry
// (from the runtime's seeded source) and wraps around, so programs cannot
// depend on an order, yet a seed reproduces one.

import (
	"math"
	"runtime"
	"sync/atomic"

	"github.com/goro-dev/goro/internal/rt"
)

// idxKind says which host index a map uses, from its key type.
type idxKind uint8

const (
	idxAny    idxKind = iota // anys, keyed by hashKey
	idxWord                  // words, keyed by v.N (bools, integers)
	idxFloat                 // words, keyed by floatKey; NaNs are never indexed
	idxString                // strs
)

func indexKind(key *Type) idxKind {
	switch k := key.Kind; {
	case k == KBool || k.IsInteger():
		return idxWord
	case k.IsFloat():
		return idxFloat
	case k == KString:
		return idxString
	}
	return idxAny
}

// floatKey returns the index key of a float: its bits, with -0 as +0.
// ok is false for NaN, which equals nothing, so is never found.
func floatKey(v rt.Value) (bits uint64, ok bool) {
	f := f64(v)
	if f != f {
		return 0, false
	}
	if f == 0 {
		return 0, true
	}
	return math.Float64bits(f), true
}

// mapLock is a readers-writer lock that is only tried: state is the
// number of readers, or -1 while a writer holds it. (sync.RWMutex's
// TryLock and TryRLock cost several atomic operations each; this costs one.)
type mapLock struct{ state atomic.Int32 }

func (l *mapLock) TryLock() bool { return l.state.CompareAndSwap(0, -1) }
func (l *mapLock) Unlock()       { l.state.Store(0) }

func (l *mapLock) TryRLock() bool {
	for {
		s := l.state.Load()
		if s < 0 {
			return false
		}
		if l.state.CompareAndSwap(s, s+1) {
			return true
		}
	}
}

func (l *mapLock) RUnlock() { l.state.Add(-1) }

// Lock and RLock wait (natives: reflect, fmt's sorted printing); the
// program's own operations never hold the lock for long.
func (l *mapLock) Lock() {
	for !l.TryLock() {
		runtime.Gosched()
	}
}

func (l *mapLock) RLock() {
	for !l.TryRLock() {
		runtime.Gosched()
	}
}

// Map is a Go map.
type Map struct {
	mu    mapLock
	t     *Type
	ik    idxKind
	words wordIndex        // idxWord, idxFloat
	strs  map[string]int32 // idxString
	anys  map[any]int32    // idxAny
	keys  column           // the entries, in insertion order
	vals  column
	live  []bool // false: the entry was deleted
	count int
	gen   int // bumped when the entries move (grow, compact, clear)
}

// newMapSize returns a map with room for hint entries (make's size).
func newMapSize(t *Type, hint int) *Map {
	m := &Map{t: t, ik: indexKind(t.Key)}
	m.makeIndex(hint)
	m.makeEntries(hint)
	return m
}

// makeEntries replaces the entries with empty ones with room for n.
func (m *Map) makeEntries(n int) {
	m.keys = newColumn(m.t.Key.isScalar(), n)
	m.vals = newColumn(m.t.Elem.isScalar(), n)
	m.live = nil
	if n > 0 {
		m.live = make([]bool, 0, n)
	}
}

// column is one side (keys or values) of a map's entries: words for a
// scalar type (its Values are N alone), else Values. Words take a third of
// the room, and the host GC neither scans them nor runs write barriers
// when they are stored or copied.
type column struct {
	scalar bool
	w      []uint64
	v      []rt.Value
}

func newColumn(scalar bool, capacity int) column {
	c := column{scalar: scalar}
	if capacity > 0 {
		if scalar {
			c.w = make([]uint64, 0, capacity)
		} else {
			c.v = make([]rt.Value, 0, capacity)
		}
	}
	return c
}

func (c *column) at(i int32) rt.Value {
	if c.scalar {
		return rt.Value{N: c.w[i]}
	}
	return c.v[i]
}

func (c *column) put(i int32, x rt.Value) {
	if c.scalar {
		c.w[i] = x.N
	} else {
		c.v[i] = x
	}
}

func (c *column) push(x rt.Value) {
	if c.scalar {
		c.w = append(c.w, x.N)
	} else {
		c.v = append(c.v, x)
	}
}

// regrown returns a copy of c with room for n entries.
func (c *column) regrown(n int) column {
	nc := newColumn(c.scalar, n)
	nc.w = append(nc.w, c.w...)
	nc.v = append(nc.v, c.v...)
	return nc
}

// makeIndex replaces the index with an empty one with room for n keys.
func (m *Map) makeIndex(n int) {
	m.words, m.strs, m.anys = wordIndex{}, nil, nil
	switch m.ik {
	case idxWord, idxFloat:
		m.words = makeWordIndex(n)
	case idxString:
		m.strs = make(map[string]int32, n)
	default:
		m.anys = make(map[any]int32, n)
	}
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
	case KPointer, KUnsafePointer:
		if p := PointerCell(v); p != nil {
			return p, nil
		}
		return v.R, nil
	case KChan:
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

// find returns the entry of k; bad is the unhashable dynamic type inside
// k, if any.
func (m *Map) find(k rt.Value) (i int32, ok bool, bad *Type) {
	switch m.ik {
	case idxWord:
		i, ok = m.words.get(k.N)
	case idxFloat:
		if b, isNum := floatKey(k); isNum {
			i, ok = m.words.get(b)
		}
	case idxString:
		s, _ := k.R.(string)
		i, ok = m.strs[s]
	default:
		var hk any
		if hk, bad = hashKey(m.t.Key, k); bad == nil {
			i, ok = m.anys[hk]
		}
	}
	return
}

func (m *Map) get(k rt.Value) (rt.Value, bool, *Type) {
	i, ok, bad := m.find(k)
	if !ok {
		return rt.Value{}, false, bad
	}
	return m.vals.at(i), true, nil
}

func (m *Map) set(k, v rt.Value) *Type {
	i, ok, bad := m.find(k)
	if bad != nil {
		return bad
	}
	if ok {
		m.vals.put(i, v)
		return nil
	}
	if len(m.live) >= 16 && len(m.live) > 2*m.count {
		m.compact()
	}
	m.add(k, v)
	return nil
}

// add appends a new entry for k, which is not in the map, and indexes it.
func (m *Map) add(k, v rt.Value) {
	i := int32(len(m.live))
	if len(m.live) == cap(m.live) {
		m.grow()
	}
	m.keys.push(k)
	m.vals.push(v)
	m.live = append(m.live, true)
	m.count++
	switch m.ik {
	case idxWord:
		m.words.put(k.N, i)
	case idxFloat:
		if b, isNum := floatKey(k); isNum {
			m.words.put(b, i)
		}
	case idxString:
		s, _ := k.R.(string)
		m.strs[s] = i
	default:
		hk, _ := hashKey(m.t.Key, k)
		m.anys[hk] = i
	}
}

// grow doubles the entries' room.
func (m *Map) grow() {
	n := max(8, 2*cap(m.live))
	m.keys, m.vals = m.keys.regrown(n), m.vals.regrown(n)
	m.live = append(make([]bool, 0, n), m.live...)
	m.gen++ // iterators hold the old entries: they must look keys up again
}

func (m *Map) delete(k rt.Value) *Type {
	i, ok, bad := m.find(k)
	if !ok {
		return bad
	}
	switch m.ik {
	case idxWord:
		m.words.del(k.N)
	case idxFloat:
		b, _ := floatKey(k)
		m.words.del(b)
	case idxString:
		s, _ := k.R.(string)
		delete(m.strs, s)
	default:
		hk, _ := hashKey(m.t.Key, k)
		delete(m.anys, hk)
	}
	m.live[i] = false
	m.keys.put(i, rt.Value{}) // let go of what they refer to
	m.vals.put(i, rt.Value{})
	m.count--
	return nil
}

func (m *Map) clear() {
	m.makeIndex(0)
	m.makeEntries(0)
	m.count = 0
	m.gen++
}

// compact drops tombstones into fresh slices (iterators keep the old ones).
func (m *Map) compact() {
	keys, vals, live := m.keys, m.vals, m.live
	n := m.count
	m.makeEntries(n * 2)
	m.count = 0
	m.makeIndex(n)
	for i := range live {
		if live[i] {
			m.add(keys.at(int32(i)), vals.at(int32(i)))
		}
	}
	m.gen++
}

// mapIter iterates over a map (the state of a range statement).
type mapIter struct {
	m          *Map
	keys, vals column
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
	it.n = len(m.live)
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
		k = it.keys.at(int32(j))
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
		return k, it.vals.at(int32(j)), true
	}
	return rt.Value{}, rt.Value{}, false
}

// NewMap returns an empty map of map type t.
func NewMap(t *Type) *Map { return newMapSize(t, 0) }

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
