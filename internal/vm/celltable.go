package vm

// CellTable: side tables about cells that do not keep the cells alive.
//
// Several of goro's natives keep something about a cell beside it: what
// follows a pointer unsafe.StringData made (builtin.go), that a pointer
// was converted to an integer (arith.go), a sync.Cond's runtime notify
// list (lib). A map keyed by the pointer would keep every such cell — and
// through it the program's values, types and Machine — alive for the host
// process's life. A CellTable keys by address and holds the cell weakly;
// a cleanup removes exactly its entry when the cell is collected, so an
// address reused by a later cell is never mistaken for the old one. The
// cleanup itself holds nothing strongly but the address.

import (
	"runtime"
	"sync"
	"unsafe"
	"weak"

	"github.com/goro-dev/goro/internal/rt"
)

// CellTable maps cells to values of type V; its zero value is empty.
type CellTable[V any] struct {
	m sync.Map // uintptr → *cellEntry[V]
}

type cellEntry[V any] struct {
	cell weak.Pointer[rt.Value]
	v    V
}

// Load returns the value recorded for p.
func (t *CellTable[V]) Load(p *rt.Value) (V, bool) {
	if e, ok := t.m.Load(uintptr(unsafe.Pointer(p))); ok && e.(*cellEntry[V]).cell.Value() == p {
		return e.(*cellEntry[V]).v, true
	}
	var zero V
	return zero, false
}

// At returns the live cell at address addr that has a record, or nil.
func (t *CellTable[V]) At(addr uintptr) *rt.Value {
	if e, ok := t.m.Load(addr); ok {
		return e.(*cellEntry[V]).cell.Value()
	}
	return nil
}

// Store records v for p, replacing what was recorded.
func (t *CellTable[V]) Store(p *rt.Value, v V) {
	key := uintptr(unsafe.Pointer(p))
	e := &cellEntry[V]{cell: weak.Make(p), v: v}
	t.m.Store(key, e)
	t.cleanup(p, key, e)
}

// cleanup arranges for e, p's entry at key, to go when p is collected. The
// cleanup holds the table and the entry weakly: held strongly, they (and
// what the entry's value reaches, the program's values and through them
// its Machine) would be reachable from the host runtime's cleanup list,
// and a cell that its own entry reaches would never be collected — every
// program that used a table stayed in the host's memory for good.
func (t *CellTable[V]) cleanup(p *rt.Value, key uintptr, e *cellEntry[V]) {
	runtime.AddCleanup(p, func(a cleanupArg[V]) {
		if t, e := a.t.Value(), a.e.Value(); t != nil && e != nil {
			t.m.CompareAndDelete(a.key, e)
		}
	}, cleanupArg[V]{key, weak.Make(t), weak.Make(e)})
}

type cleanupArg[V any] struct {
	key uintptr
	t   weak.Pointer[CellTable[V]]
	e   weak.Pointer[cellEntry[V]]
}

// LoadOrMake returns the value recorded for p, recording make() first if
// there is none: of Gs racing to make it, one wins and all see its value.
func (t *CellTable[V]) LoadOrMake(p *rt.Value, make func() V) V {
	key := uintptr(unsafe.Pointer(p))
	for {
		old, ok := t.m.Load(key)
		if ok && old.(*cellEntry[V]).cell.Value() == p {
			return old.(*cellEntry[V]).v
		}
		e := &cellEntry[V]{cell: weak.Make(p), v: make()}
		if ok {
			// A dead cell's entry, its cleanup not run yet.
			if !t.m.CompareAndSwap(key, old, e) {
				continue
			}
		} else if _, loaded := t.m.LoadOrStore(key, e); loaded {
			continue
		}
		t.cleanup(p, key, e)
		return e.v
	}
}
