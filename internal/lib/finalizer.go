package lib

// Finalizers, cleanups and weak pointers (runtime.SetFinalizer,
// runtime.AddCleanup, package weak) over the host's collector: goro's
// cells are host objects, so a program's object becomes unreachable
// exactly when the host's does, and the host's own cleanups and weak
// pointers say so. What the host reports is queued for the program: one
// goroutine at a time runs the queued calls in order (gc's finalizer
// goroutine runs them one after another too), started when there is
// something to run, so that a program with nothing left to finalize
// still ends, or deadlocks, as under gc.
//
// The host object watched is the cell the program's pointer refers to. A
// finalizer gets the object back: the cell itself is gone by then, so the
// finalizer's pointer is a new cell holding the old one's contents — a
// struct's fields are the same storage. A cleanup on a struct or array
// watches its fields' storage instead of its cell, so that a pointer to a
// field still keeps the object alive, as under gc. Timing is the host
// collector's: runtime.GC runs it; goro's stack slots can hold a dead
// value a little longer than gc's registers do, as gc's own
// documentation allows ("not guaranteed to run").

import (
	"go/types"
	goruntime "runtime"
	"sort"
	"sync"
	"time"
	"weak"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

var finalizerNatives = map[string]vm.NativeFunc{
	"(runtime.Cleanup).Stop":                        runtime_Cleanup_Stop,
	"runtime.AddCleanup":                            runtime_AddCleanup,
	"runtime.SetFinalizer":                          runtime_SetFinalizer,
	"sync_test.runtime_blockUntilEmptyCleanupQueue": blockUntilEmptyCleanupQueue,
	"unique.runtime_blockUntilEmptyCleanupQueue":    blockUntilEmptyCleanupQueue,
	"weak.runtime_makeStrongFromWeak":               weak_runtime_makeStrongFromWeak,
	"weak.runtime_registerWeakPointer":              weak_runtime_registerWeakPointer,
}

func init() { vm.RegisterNatives(finalizerNatives) }

type finKey struct{}

// finState is a program's finalizers, cleanups and weak handles.
type finState struct {
	m       *vm.Machine
	mu      sync.Mutex
	queue   []finCall // ready to run, in the order their objects died
	running bool      // a goroutine is running the queue
	// closing: every goroutine is blocked and collect is deciding whether
	// the program is deadlocked; the host's cleanups queue without
	// starting the queue's goroutine meanwhile.
	closing bool
	next    uint64
	// armed: each live finalizer and cleanup, by id; the one who takes
	// it out (the host's cleanup, Stop, sweep) decides its fate.
	armed      map[uint64]*finEntry
	finalizers map[weak.Pointer[rt.Value]]uint64 // SetFinalizer's, by object
	// handles: weak.Make's handle of each object, one per object (weak
	// pointers to the same object compare equal).
	handles map[weak.Pointer[rt.Value]]*rt.Value
	runner  rt.Value // the native closure the queue's goroutine runs
	self    weak.Pointer[finState]
}

// finEntry is a finalizer or cleanup waiting for its object to die.
type finEntry struct {
	w    weak.Pointer[rt.Value] // the watched object
	host goruntime.Cleanup
	call finCall
	// fin: a finalizer, whose argument is made from contents (the dead
	// cell's) when it runs; nil for a cleanup.
	fin      func(cell *rt.Value) rt.Value
	contents rt.Value
	key      weak.Pointer[rt.Value] // the finalizer's object (finalizers)
}

// finCall is one finalizer or cleanup call.
type finCall struct {
	fn   rt.Value
	args []rt.Value
}

// weakBox is what a weak handle cell holds.
type weakBox struct{ w weak.Pointer[rt.Value] }

func finOf(m *vm.Machine) *finState {
	if s, ok := m.LibState.Load(finKey{}); ok {
		return s.(*finState)
	}
	s := &finState{m: m, armed: map[uint64]*finEntry{},
		finalizers: map[weak.Pointer[rt.Value]]uint64{}, handles: map[weak.Pointer[rt.Value]]*rt.Value{}}
	s.runner = m.NewNativeClosure("runtime.runFinalizers", 0, 0, s.run)
	s.self = weak.Make(s)
	v, loaded := m.LibState.LoadOrStore(finKey{}, s)
	if !loaded {
		m.RT.BeforeDeadlock = s.collect
	}
	return v.(*finState)
}

// arm records e and watches its object with a host cleanup.
func (s *finState) arm(obj *rt.Value, e *finEntry) uint64 {
	e.w = weak.Make(obj)
	s.mu.Lock()
	s.next++
	id := s.next
	s.mu.Unlock()
	e.host = goruntime.AddCleanup(obj, hostFired, finRef{s.self, id})
	s.mu.Lock()
	s.armed[id] = e
	s.mu.Unlock()
	goruntime.KeepAlive(obj) // armed before it can die
	return id
}

// finRef is what a host cleanup holds: the program's state only weakly
// (the cleanup is a root of the host's collector: holding the state, and
// through it the Machine and the program's heap, would keep a program
// that has ended alive for the process's life), and the entry's id.
type finRef struct {
	s  weak.Pointer[finState]
	id uint64
}

// hostFired is the host cleanup of an armed object: it died.
func hostFired(ref finRef) {
	if s := ref.s.Value(); s != nil {
		s.fire(ref.id)
	}
}

// take takes entry id out, or nil if someone did before.
func (s *finState) take(id uint64) *finEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.armed[id]
	delete(s.armed, id)
	if e != nil && e.fin != nil {
		delete(s.finalizers, e.key)
	}
	return e
}

// fire queues entry id's call: its object died (the host's cleanup).
// Under a deterministic schedule the host's goroutines start nothing:
// what died is found by the next runtime.GC or deadlock check (sweep),
// at a point of the program's own.
func (s *finState) fire(id uint64) {
	if s.m.RT.Deterministic() {
		return
	}
	if e := s.take(id); e != nil {
		s.enqueue(e, nil, false)
	}
}

// enqueue queues e's call and starts the queue's goroutine if none runs
// (unless collect is deciding: then it does) — as the next G of from's P
// when a G of the program found it (runtime.GC).
func (s *finState) enqueue(e *finEntry, from *vm.Thread, fromCollect bool) {
	if s.m.RT.Exiting() {
		return
	}
	c := e.call
	if e.fin != nil {
		c.args = []rt.Value{e.fin(&rt.Value{N: e.contents.N, R: e.contents.R})}
	}
	s.mu.Lock()
	s.queue = append(s.queue, c)
	start := !s.running && (!s.closing || fromCollect)
	s.running = s.running || start
	s.mu.Unlock()
	switch {
	case start && from != nil:
		from.Go(s.runner, nil)
	case start:
		s.m.Go(s.runner, nil)
	}
}

// sweep queues the calls of the objects the last collection found dead
// (their weak pointers are cleared when it ends; the host's cleanups run
// later, on its own goroutines): after runtime.GC, a finalizer whose
// object died is runnable, as under gc. It reports whether it queued any.
func (s *finState) sweep(from *vm.Thread, fromCollect bool) bool {
	s.mu.Lock()
	var dead []uint64
	for id, e := range s.armed {
		if e.w.Value() == nil {
			dead = append(dead, id)
		}
	}
	s.mu.Unlock()
	sort.Slice(dead, func(i, j int) bool { return dead[i] < dead[j] })
	n := 0
	for _, id := range dead {
		if e := s.take(id); e != nil {
			e.host.Stop()
			s.enqueue(e, from, fromCollect)
			n++
		}
	}
	return n > 0
}

// sweepAfterGC is runtime.GC's last step (finOf's state only if the
// program has one): what died is queued, and the caller yields to the
// queue's goroutine, as gc's runtime.GC lets the finalizer goroutine
// (readied as its P's next G) run while it waits for the collection.
func sweepAfterGC(t *vm.Thread) {
	v, ok := t.Machine().LibState.Load(finKey{})
	if !ok {
		return
	}
	s := v.(*finState)
	s.sweep(t, false)
	s.mu.Lock()
	pending := len(s.queue) > 0
	s.mu.Unlock()
	if pending {
		t.Yield()
	}
}

// collect is rt's BeforeDeadlock: with every goroutine blocked, a
// finalizer may be what they wait for — collect, and run the finalizers
// of what died. A call the host queued meanwhile (a host cleanup running
// as checkdead looked) counts too: its goroutine, if one is waiting to
// start, is started now.
func (s *finState) collect() bool {
	s.mu.Lock()
	if len(s.armed) == 0 && len(s.queue) == 0 {
		s.mu.Unlock()
		return false
	}
	s.closing = true
	s.mu.Unlock()
	s.m.ClearDeadStacks()
	goruntime.GC()
	made := s.sweep(nil, true)
	s.mu.Lock()
	if !s.running && len(s.queue) > 0 {
		s.running, made = true, true
		s.mu.Unlock()
		s.m.Go(s.runner, nil)
		s.mu.Lock()
	}
	made = made || s.m.RT.AnyRunnable()
	s.closing = !made
	s.mu.Unlock()
	return made
}

// run is the queue's goroutine: it calls the queued functions one after
// another and ends when the queue is empty.
func (s *finState) run(t *vm.Thread, a, r []rt.Value) { s.runNext(t) }

func (s *finState) runNext(t *vm.Thread) {
	s.mu.Lock()
	if len(s.queue) == 0 {
		s.running = false
		s.mu.Unlock()
		return
	}
	c := s.queue[0]
	s.queue[0] = finCall{}
	s.queue = s.queue[1:]
	s.mu.Unlock()
	t.CallThen(c.fn, c.args, func(t *vm.Thread, results, out []rt.Value) { s.runNext(t) })
}

// watched returns the host object whose death is the death of the
// program's object p points to: the fields' storage of a struct or array
// (a pointer to a field keeps it), else the cell.
func watched(p *rt.Value) *rt.Value {
	if fs, ok := p.R.([]rt.Value); ok && len(fs) > 0 {
		return &fs[0]
	}
	return p
}

// runtime.AddCleanup: func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup
func runtime_AddCleanup(t *vm.Thread, a, r []rt.Value) {
	p, ok := t.PlainCell(a[0], "runtime.AddCleanup")
	if !ok {
		return
	}
	if p == nil {
		panicString(t, "runtime.AddCleanup: ptr is nil")
		return
	}
	if q, _ := a[2].R.(*rt.Value); q == p {
		panicString(t, "runtime.AddCleanup: ptr is equal to arg, cleanup will never run")
		return
	}
	m := t.Machine()
	id := finOf(m).arm(watched(p), &finEntry{call: finCall{fn: a[1], args: []rt.Value{a[2]}}})
	ct := m.LookupType("runtime", "Cleanup")
	v := vm.CopyDeep(ct, ct.Zero())
	if i := vm.FieldIndex(ct, "id"); i >= 0 {
		v.R.([]rt.Value)[i] = rt.Value{N: id}
	}
	r[0] = v
}

// (runtime.Cleanup).Stop: func (c Cleanup) Stop()
func runtime_Cleanup_Stop(t *vm.Thread, a, r []rt.Value) {
	m := t.Machine()
	ct := m.LookupType("runtime", "Cleanup")
	fs, _ := a[0].R.([]rt.Value)
	i := vm.FieldIndex(ct, "id")
	if i < 0 || i >= len(fs) || fs[i].N == 0 {
		return
	}
	if e := finOf(m).take(fs[i].N); e != nil {
		e.host.Stop()
	}
}

// runtime.SetFinalizer: func SetFinalizer(obj any, finalizer any)
func runtime_SetFinalizer(t *vm.Thread, a, r []rt.Value) {
	m := t.Machine()
	ov, ok := a[0].R.(vm.Iface)
	if !ok {
		t.Fatal("runtime.SetFinalizer: first argument is nil")
		return
	}
	if ov.T.Kind != vm.KPointer {
		t.Fatal("runtime.SetFinalizer: first argument is " + ov.T.String() + ", not pointer")
		return
	}
	p, ok := t.PlainCell(ov.V, "runtime.SetFinalizer")
	if !ok {
		return
	}
	if p == nil {
		t.Fatal("nil elem type!")
		return
	}
	s := finOf(m)
	key := weak.Make(p)
	fv, ok := a[1].R.(vm.Iface)
	if !ok { // nil: remove the finalizer
		s.mu.Lock()
		id, had := s.finalizers[key]
		s.mu.Unlock()
		if had {
			if e := s.take(id); e != nil {
				e.host.Stop()
			}
		}
		return
	}
	cannot := "runtime.SetFinalizer: cannot pass " + ov.T.String() + " to finalizer " + fv.T.String()
	sig, _ := fv.T.T.Underlying().(*types.Signature)
	switch {
	case sig == nil:
		t.Fatal("runtime.SetFinalizer: second argument is " + fv.T.String() + ", not a function")
		return
	case sig.Variadic():
		t.Fatal(cannot + " because dotdotdot")
		return
	case sig.Params().Len() != 1:
		t.Fatal(cannot)
		return
	}
	pt := m.TypeOf(sig.Params().At(0).Type())
	ot := ov.T // not ov: the finalizer must not keep the object
	var arg func(cell *rt.Value) rt.Value
	switch {
	case pt == ot || pt.Kind == vm.KPointer && types.AssignableTo(ot.T, pt.T):
		arg = func(cell *rt.Value) rt.Value { return rt.Value{R: cell} }
	case pt.Kind == vm.KInterface && ot.Implements(pt):
		arg = func(cell *rt.Value) rt.Value { return rt.Value{R: vm.Iface{T: ot, V: rt.Value{R: cell}}} }
	default:
		t.Fatal(cannot)
		return
	}
	s.mu.Lock()
	_, had := s.finalizers[key]
	s.mu.Unlock()
	if had {
		t.Fatal("runtime.SetFinalizer: finalizer already set")
		return
	}
	id := s.arm(p, &finEntry{call: finCall{fn: fv.V}, fin: arg, contents: *p, key: key})
	s.mu.Lock()
	if _, ok := s.armed[id]; ok {
		s.finalizers[key] = id
	}
	s.mu.Unlock()
}

// weak.runtime_registerWeakPointer: func runtime_registerWeakPointer(unsafe.Pointer) unsafe.Pointer
//
// The handle is a cell holding the host's weak pointer to the object's
// cell, one per object.
func weak_runtime_registerWeakPointer(t *vm.Thread, a, r []rt.Value) {
	p, ok := t.PlainCell(a[0], "weak.Make")
	if !ok || p == nil {
		return
	}
	s := finOf(t.Machine())
	w := weak.Make(p)
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.handles[w]
	if h == nil {
		h = &rt.Value{R: weakBox{w}}
		s.handles[w] = h
		goruntime.AddCleanup(p, dropHandle, handleRef{s.self, w})
	}
	r[0] = rt.Value{R: h}
}

// handleRef is what the host cleanup of a weak handle's object holds:
// the state weakly (as finRef) and the handle's key.
type handleRef struct {
	s weak.Pointer[finState]
	w weak.Pointer[rt.Value]
}

// dropHandle forgets the weak handle of an object that died.
func dropHandle(ref handleRef) {
	if s := ref.s.Value(); s != nil {
		s.mu.Lock()
		delete(s.handles, ref.w)
		s.mu.Unlock()
	}
}

// weak.runtime_makeStrongFromWeak: func runtime_makeStrongFromWeak(unsafe.Pointer) unsafe.Pointer
func weak_runtime_makeStrongFromWeak(t *vm.Thread, a, r []rt.Value) {
	h, _ := a[0].R.(*rt.Value)
	if h == nil {
		return
	}
	b, _ := h.R.(weakBox)
	if p := b.w.Value(); p != nil {
		r[0] = rt.Value{R: p}
	}
}

// blockUntilEmptyCleanupQueue: func(timeout int64) bool — the tests' hook
// (sync's, unique's) that waits until every cleanup of a dead object has
// run, or timeout nanoseconds have passed; it reports which. The G waits
// in the host, its P handed off, so that the queue's goroutine runs.
func blockUntilEmptyCleanupQueue(t *vm.Thread, a, r []rt.Value) {
	s := finOf(t.Machine())
	s.sweep(nil, false)
	timeout := time.Duration(int64(a[0].N))
	idle := false
	blocking(t, rt.SyscallWait, "runtime.blockUntilEmptyCleanupQueue", func() {
		start := time.Now()
		for {
			s.mu.Lock()
			idle = !s.running && len(s.queue) == 0
			s.mu.Unlock()
			if idle || time.Since(start) >= timeout {
				return
			}
			time.Sleep(time.Millisecond)
		}
	})
	r[0] = rt.Value{N: b2u(idle)}
}
