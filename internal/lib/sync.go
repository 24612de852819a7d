package lib

// packages sync, internal/sync and sync/atomic are interpreted from GOROOT
// source; these are their hooks into the runtime (semaphores, notify
// lists, spinning) and the atomics, which gc implements in assembly.
//
// An *int32, *uint32, *int64... is a *rt.Value whose N holds the integer
// (32-bit signed values sign-extended); atomics operate on N. A semaphore
// address is the low half of that N (little-endian hosts).

import (
	"sync"
	"sync/atomic"
	"unsafe"
	"weak"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func cellOf(t *vm.Thread, v rt.Value) *rt.Value {
	if view, ok := v.R.(*vm.View); ok && view.F < 0 && !view.Header && !view.Bytes {
		return view.Cell // an integer seen as another of its size: a semaphore's word
	}
	p, ok := t.PlainCell(v, "a sync or sync/atomic operation")
	if !ok {
		return nil
	}
	if p == nil {
		t.PanicRuntime("invalid memory address or nil pointer dereference")
	}
	return p
}

func semaddr(p *rt.Value) *uint32 { return (*uint32)(unsafe.Pointer(&p.N)) }

// semacquire is one of sync's runtime_Semacquire* functions: it parks on
// the semaphore argument 0 points to with reason; lifoArg is the index of
// the lifo argument, or -1.
func semacquire(t *vm.Thread, a, r []rt.Value, reason rt.WaitReason, lifoArg int) {
	rtm := t.Machine().RT
	if t.Resuming() {
		if !rtm.SemacquireDone(t.G()) {
			t.Parked()
		}
		return
	}
	p := cellOf(t, a[0])
	if p == nil {
		return
	}
	lifo := lifoArg >= 0 && a[lifoArg].N != 0
	if !rtm.Semacquire(t.G(), semaddr(p), reason, lifo) {
		t.Parked()
	}
}

// sync.runtime_Semrelease: func runtime_Semrelease(s *uint32, handoff bool, skipframes int)
//
// Also internal/sync.runtime_Semrelease.
func sync_runtime_Semrelease(t *vm.Thread, a, r []rt.Value) {
	p := cellOf(t, a[0])
	if p == nil {
		return
	}
	t.Machine().RT.Semrelease(t.G(), semaddr(p), a[1].N != 0)
}

// notifyLists maps a sync.notifyList cell to its runtime half, holding
// the cell weakly (a vm.CellTable): a strong key kept the Cond, its
// Locker's type and so the whole Machine alive after the program ended.
var notifyLists vm.CellTable[*rt.NotifyList]

func notifyListOf(t *vm.Thread, v rt.Value) *rt.NotifyList {
	p := cellOf(t, v)
	if p == nil {
		return nil
	}
	return notifyLists.LoadOrMake(p, func() *rt.NotifyList { return &rt.NotifyList{} })
}

type poolKey struct{}

// pools holds the programs' sync.Pool contents beside each Pool's cell
// (a CellTable: a Pool the program drops goes, contents and all). gc's
// Pool indexes per-P arrays with pointer arithmetic; goro keeps one
// "P"'s worth per Pool, with gc's order — a private slot taken first, then
// the shared values last in, first out — and gc's clearing at each
// runtime.GC: the contents become the victim cache, which Get falls back
// on, and the victims are dropped (poolCleanup).
type pools struct {
	mu    sync.Mutex
	cells vm.CellTable[*poolState]
	all   []weak.Pointer[poolState] // for poolCleanup
}

type poolState struct {
	private       rt.Value
	shared        []rt.Value
	victimPrivate rt.Value
	victimShared  []rt.Value
}

// poolCap bounds the values one Pool keeps (gc's are bounded by its
// per-P chains and the collector).
const poolCap = 1024

// get takes a value out of ps, as gc's Get: private, shared (last in
// first out), then the victims likewise.
func (ps *poolState) get() (rt.Value, bool) {
	if x, ok := take(&ps.private, &ps.shared); ok {
		return x, true
	}
	return take(&ps.victimPrivate, &ps.victimShared)
}

// take takes the private value, or else the last shared one.
func take(private *rt.Value, shared *[]rt.Value) (rt.Value, bool) {
	if x := *private; x.R != nil {
		*private = rt.Value{}
		return x, true
	}
	if n := len(*shared); n > 0 {
		x := (*shared)[n-1]
		(*shared)[n-1] = rt.Value{}
		*shared = (*shared)[:n-1]
		return x, true
	}
	return rt.Value{}, false
}

func (ps *poolState) put(x rt.Value) {
	if ps.private.R == nil {
		ps.private = x
	} else if len(ps.shared) < poolCap {
		ps.shared = append(ps.shared, x)
	}
}

// poolCleanup is gc's, run by runtime.GC: each Pool's contents become its
// victims; the old victims are dropped.
func poolCleanup(m *vm.Machine) {
	v, ok := m.LibState.Load(poolKey{})
	if !ok {
		return
	}
	ps := v.(*pools)
	ps.mu.Lock()
	defer ps.mu.Unlock()
	live := ps.all[:0]
	for _, w := range ps.all {
		st := w.Value()
		if st == nil {
			continue
		}
		live = append(live, w)
		st.victimPrivate, st.victimShared = st.private, st.shared
		st.private, st.shared = rt.Value{}, nil
	}
	clear(ps.all[len(live):])
	ps.all = live
}

// poolOf returns the contents of the Pool p points to.
func (ps *pools) poolOf(p *rt.Value) *poolState {
	return ps.cells.LoadOrMake(p, func() *poolState {
		st := new(poolState)
		ps.all = append(ps.all, weak.Make(st))
		return st
	})
}

// sync's poolDequeue is the ring gc's Pool keeps per P: its slots are
// written as eface pairs and read as interfaces through unsafe.Pointer,
// cells goro cannot share between the two types. goro's Pool is native
// (above) and never reaches it; sync's own tests do (PoolDequeue and
// PoolChain, through export_test.go). Its three methods are natives over
// its own fields: headTail packs head and tail as gc's (atomic.Uint64's v
// is its last field), a slot's typ is a marker while it holds a value
// and its val holds the interface itself. gc's ring is lock-free, with
// one producer (pushHead, popHead) and any number of consumers
// (popTail); one host mutex orders these calls instead, which keeps what
// the tests check: order, and each value taken once.
var dequeueMu sync.Mutex

var dequeueFull = new(rt.Value) // a slot's typ while it holds a value

// dequeue returns d's head-and-tail word and its slots.
func dequeue(t *vm.Thread, d rt.Value) (headTail *uint64, slots []rt.Value) {
	fs := cellOf(t, d).R.([]rt.Value)
	ht := fs[0].R.([]rt.Value)
	vals, _ := fs[1].R.([]rt.Value)
	return &ht[len(ht)-1].N, vals
}

// (*sync.poolDequeue).pushHead: func (d *poolDequeue) pushHead(val any) bool
func sync_poolDequeue_pushHead(t *vm.Thread, a, r []rt.Value) {
	dequeueMu.Lock()
	defer dequeueMu.Unlock()
	ht, slots := dequeue(t, a[0])
	head, tail := uint32(*ht>>32), uint32(*ht)
	if tail+uint32(len(slots)) == head {
		r[0] = boolV(false) // full
		return
	}
	slot := slots[head&uint32(len(slots)-1)].R.([]rt.Value)
	if slot[0].R != nil {
		r[0] = boolV(false) // a popTail has not released it yet (never, under the mutex)
		return
	}
	slot[0], slot[1] = rt.Value{R: dequeueFull}, a[1]
	*ht += 1 << 32
	r[0] = boolV(true)
}

// (*sync.poolDequeue).popHead: func (d *poolDequeue) popHead() (any, bool)
func sync_poolDequeue_popHead(t *vm.Thread, a, r []rt.Value) { dequeuePop(t, a, r, true) }

// (*sync.poolDequeue).popTail: func (d *poolDequeue) popTail() (any, bool)
func sync_poolDequeue_popTail(t *vm.Thread, a, r []rt.Value) { dequeuePop(t, a, r, false) }

// dequeuePop takes the value at d's head (the producer's end) or tail.
func dequeuePop(t *vm.Thread, a, r []rt.Value, atHead bool) {
	dequeueMu.Lock()
	defer dequeueMu.Unlock()
	ht, slots := dequeue(t, a[0])
	head, tail := uint32(*ht>>32), uint32(*ht)
	if head == tail {
		r[0], r[1] = rt.Value{}, boolV(false)
		return
	}
	i := tail
	if atHead {
		head--
		i = head
	} else {
		tail++
	}
	*ht = uint64(head)<<32 | uint64(tail)
	slot := slots[i&uint32(len(slots)-1)].R.([]rt.Value)
	r[0], r[1] = slot[1], boolV(true)
	slot[0], slot[1] = rt.Value{}, rt.Value{}
}

func init() {
	vm.RegisterNatives(syncNatives)
	vm.RegisterNatives(atomicNatives)
}

// syncNatives binds these functions by their ssa names (sorted).
var syncNatives = map[string]vm.NativeFunc{
	"(*sync.Pool).Get":                      sync_Pool_Get,
	"(*sync.Pool).Put":                      sync_Pool_Put,
	"(*sync.copyChecker).check":             sync_copyChecker_check,
	"(*sync.poolDequeue).popHead":           sync_poolDequeue_popHead,
	"(*sync.poolDequeue).popTail":           sync_poolDequeue_popTail,
	"(*sync.poolDequeue).pushHead":          sync_poolDequeue_pushHead,
	"internal/sync.fatal":                   sync_fatal,
	"internal/sync.runtime_SemacquireMutex": internal_sync_runtime_SemacquireMutex,
	"internal/sync.runtime_Semrelease":      sync_runtime_Semrelease,
	"internal/sync.runtime_canSpin":         internal_sync_runtime_canSpin,
	"internal/sync.runtime_doSpin":          internal_sync_runtime_doSpin,
	"internal/sync.runtime_nanotime":        internal_sync_runtime_nanotime,
	"internal/sync.throw":                   sync_throw,
	"sync.fatal":                            sync_fatal,
	"sync.runtime_LoadAcquintptr":           sync_runtime_LoadAcquintptr,
	"sync.runtime_Semacquire":               sync_runtime_Semacquire,
	"sync.runtime_SemacquireRWMutex":        sync_runtime_SemacquireRWMutex,
	"sync.runtime_SemacquireRWMutexR":       sync_runtime_SemacquireRWMutexR,
	"sync.runtime_SemacquireWaitGroup":      sync_runtime_SemacquireWaitGroup,
	"sync.runtime_Semrelease":               sync_runtime_Semrelease,
	"sync.runtime_StoreReluintptr":          sync_runtime_StoreReluintptr,
	"sync.runtime_notifyListAdd":            sync_runtime_notifyListAdd,
	"sync.runtime_notifyListCheck":          sync_runtime_notifyListCheck,
	"sync.runtime_notifyListNotifyAll":      sync_runtime_notifyListNotifyAll,
	"sync.runtime_notifyListNotifyOne":      sync_runtime_notifyListNotifyOne,
	"sync.runtime_notifyListWait":           sync_runtime_notifyListWait,
	"sync.runtime_procPin":                  sync_runtime_procPin,
	"sync.runtime_procUnpin":                sync_runtime_procUnpin,
	"sync.runtime_randn":                    sync_runtime_randn,
	"sync.runtime_registerPoolCleanup":      sync_runtime_registerPoolCleanup,
	"sync.throw":                            sync_throw,
	"(*sync/atomic.Value).CompareAndSwap":   sync_atomic_Value_CompareAndSwap,
	"(*sync/atomic.Value).Load":             sync_atomic_Value_Load,
	"(*sync/atomic.Value).Store":            sync_atomic_Value_Store,
	"(*sync/atomic.Value).Swap":             sync_atomic_Value_Swap,
	"sync/atomic.CompareAndSwapPointer":     sync_atomic_CompareAndSwapPointer,
	"sync/atomic.LoadPointer":               sync_atomic_LoadPointer,
	"sync/atomic.StorePointer":              sync_atomic_StorePointer,
	"sync/atomic.SwapPointer":               sync_atomic_SwapPointer,
	"sync/atomic.runtime_procPin":           sync_runtime_procPin,
	"sync/atomic.runtime_procUnpin":         sync_runtime_procUnpin,
}

// internal/sync.runtime_canSpin: func runtime_canSpin(i int) bool
func internal_sync_runtime_canSpin(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{} }

// internal/sync.runtime_doSpin: func runtime_doSpin()
func internal_sync_runtime_doSpin(t *vm.Thread, a, r []rt.Value) {}

// internal/sync.runtime_nanotime: func runtime_nanotime() int64
func internal_sync_runtime_nanotime(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(t.Machine().RT.Nanotime())}
}

// sync.throw: func throw(string)
//
// Also internal/sync.throw.
func sync_throw(t *vm.Thread, a, r []rt.Value) { t.Fatal(vm.Str(a[0])) }

// sync.fatal: func fatal(string)
//
// Also internal/sync.fatal, and crypto/internal/fips140.fatal,
// crypto/internal/sysrand.fatal and crypto/rand.fatal (all runtime.fatal,
// pushed by linkname: a failed self-test or random read ends the program).
func sync_fatal(t *vm.Thread, a, r []rt.Value) { t.Fatal(vm.Str(a[0])) }

// internal/sync.runtime_SemacquireMutex: func runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int)
func internal_sync_runtime_SemacquireMutex(t *vm.Thread, a, r []rt.Value) {
	semacquire(t, a, r, rt.WaitMutex, 1)
}

// sync.runtime_Semacquire: func runtime_Semacquire(s *uint32)
func sync_runtime_Semacquire(t *vm.Thread, a, r []rt.Value) {
	semacquire(t, a, r, rt.WaitSemacquire, -1)
}

// sync.runtime_SemacquireWaitGroup: func runtime_SemacquireWaitGroup(s *uint32, synctestDurable bool)
// — durable in a synctest bubble when the bubble owns the WaitGroup.
func sync_runtime_SemacquireWaitGroup(t *vm.Thread, a, r []rt.Value) {
	reason := rt.WaitWaitGroup
	if a[1].N != 0 && t.G().InBubble() != nil {
		reason = rt.WaitWaitGroupDurable
	}
	semacquire(t, a, r, reason, -1)
}

// sync.runtime_SemacquireRWMutexR: func runtime_SemacquireRWMutexR(s *uint32, lifo bool, skipframes int)
func sync_runtime_SemacquireRWMutexR(t *vm.Thread, a, r []rt.Value) {
	semacquire(t, a, r, rt.WaitRWMutexRLock, 1)
}

// sync.runtime_SemacquireRWMutex: func runtime_SemacquireRWMutex(s *uint32, lifo bool, skipframes int)
func sync_runtime_SemacquireRWMutex(t *vm.Thread, a, r []rt.Value) {
	semacquire(t, a, r, rt.WaitRWMutexLock, 1)
}

// (*sync.copyChecker).check: func (c *copyChecker) check()
//
// gc's: the checker holds its own address once checked; a copy holds its
// original's, which is not its own. A cell's address is its host address
// (the host heap does not move objects).
func sync_copyChecker_check(t *vm.Thread, a, r []rt.Value) {
	c := cellOf(t, a[0])
	if c == nil {
		return
	}
	self := uint64(vm.HostAddr(c))
	if n := atomic.LoadUint64(&c.N); n != self && !atomic.CompareAndSwapUint64(&c.N, 0, self) && atomic.LoadUint64(&c.N) != self {
		panicString(t, "sync.Cond is copied")
	}
}

// sync.runtime_notifyListAdd: func runtime_notifyListAdd(l *notifyList) uint32
func sync_runtime_notifyListAdd(t *vm.Thread, a, r []rt.Value) {
	if l := notifyListOf(t, a[0]); l != nil {
		r[0] = rt.Value{N: uint64(t.Machine().RT.NotifyListAdd(l))}
	}
}

// sync.runtime_notifyListWait: func runtime_notifyListWait(l *notifyList, t uint32)
func sync_runtime_notifyListWait(t *vm.Thread, a, r []rt.Value) {
	rtm := t.Machine().RT
	if t.Resuming() {
		rtm.NotifyListWaitDone(t.G())
		return
	}
	if l := notifyListOf(t, a[0]); l != nil && !rtm.NotifyListWait(t.G(), l, uint32(a[1].N)) {
		t.Parked()
	}
}

// sync.runtime_notifyListNotifyAll: func runtime_notifyListNotifyAll(l *notifyList)
func sync_runtime_notifyListNotifyAll(t *vm.Thread, a, r []rt.Value) {
	if l := notifyListOf(t, a[0]); l != nil {
		t.Machine().RT.NotifyListNotifyAll(t.G(), l)
	}
}

// sync.runtime_notifyListNotifyOne: func runtime_notifyListNotifyOne(l *notifyList)
func sync_runtime_notifyListNotifyOne(t *vm.Thread, a, r []rt.Value) {
	if l := notifyListOf(t, a[0]); l != nil {
		t.Machine().RT.NotifyListNotifyOne(t.G(), l)
	}
}

// sync.runtime_notifyListCheck: func runtime_notifyListCheck(size uintptr)
func sync_runtime_notifyListCheck(t *vm.Thread, a, r []rt.Value) {}

// sync.runtime_randn: func runtime_randn(n uint32) uint32
func sync_runtime_randn(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: t.Machine().RT.Rand(t.G()) % max(a[0].N, 1)}
}

// (*sync.Pool).Get: func (p *Pool) Get() any
func sync_Pool_Get(t *vm.Thread, a, r []rt.Value) {
	p := cellOf(t, a[0])
	if p == nil {
		return
	}
	ps := poolsOf(t)
	ps.mu.Lock()
	x, ok := ps.poolOf(p).get()
	ps.mu.Unlock()
	if ok {
		r[0] = x
		return
	}
	// p.New, the pool's first field after noCopy.
	fs := p.R.([]rt.Value)
	newFn := fs[len(fs)-1]
	if newFn.R != nil {
		t.TailCall(newFn, nil)
	}
}

// Pointers live in R, which host atomics cannot reach: a striped lock.

// sync/atomic.LoadPointer: func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer)
func sync_atomic_LoadPointer(t *vm.Thread, a, r []rt.Value) {
	if p := cellOf(t, a[0]); p != nil {
		mu := ptrLock(p)
		mu.Lock()
		r[0] = *p
		mu.Unlock()
	}
}

// sync/atomic.StorePointer: func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer)
func sync_atomic_StorePointer(t *vm.Thread, a, r []rt.Value) {
	if p := cellOf(t, a[0]); p != nil {
		mu := ptrLock(p)
		mu.Lock()
		*p = a[1]
		mu.Unlock()
	}
}

// sync/atomic.SwapPointer: func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer)
func sync_atomic_SwapPointer(t *vm.Thread, a, r []rt.Value) {
	if p := cellOf(t, a[0]); p != nil {
		mu := ptrLock(p)
		mu.Lock()
		r[0], *p = *p, a[1]
		mu.Unlock()
	}
}

// sync/atomic.CompareAndSwapPointer: func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool)
func sync_atomic_CompareAndSwapPointer(t *vm.Thread, a, r []rt.Value) {
	if p := cellOf(t, a[0]); p != nil {
		mu := ptrLock(p)
		mu.Lock()
		old, _ := p.R.(*rt.Value)
		want, _ := a[1].R.(*rt.Value)
		if old == want {
			*p = a[2]
			r[0] = boolV(true)
		} else {
			r[0] = boolV(false)
		}
		mu.Unlock()
	}
}

// atomic.Value reads its interface field as two words through unsafe
// (efaceWords), which goro's values cannot express: its methods are
// natives over the field's cell, under the lock of pointer atomics.

// atomicValue returns the cell of v's interface field, locked, or nil
// (v is nil: the native panics).
func atomicValue(t *vm.Thread, v rt.Value) (*rt.Value, *sync.Mutex) {
	p := cellOf(t, v)
	if p == nil {
		return nil, nil
	}
	f := &p.R.([]rt.Value)[0]
	mu := ptrLock(f)
	mu.Lock()
	return f, mu
}

// dynType is the dynamic type of interface value v (nil for nil).
func dynType(v rt.Value) *vm.Type {
	if iv, ok := v.R.(vm.Iface); ok {
		return iv.T
	}
	return nil
}

// (*sync/atomic.Value).Load: func (v *Value) Load() (val any)
func sync_atomic_Value_Load(t *vm.Thread, a, r []rt.Value) {
	if f, mu := atomicValue(t, a[0]); f != nil {
		r[0] = *f
		mu.Unlock()
	}
}

// (*sync/atomic.Value).Store: func (v *Value) Store(val any)
func sync_atomic_Value_Store(t *vm.Thread, a, r []rt.Value) {
	if dynType(a[1]) == nil {
		panicString(t, "sync/atomic: store of nil value into Value")
		return
	}
	f, mu := atomicValue(t, a[0])
	if f == nil {
		return
	}
	defer mu.Unlock()
	if old := dynType(*f); old != nil && old != dynType(a[1]) {
		panicString(t, "sync/atomic: store of inconsistently typed value into Value")
		return
	}
	*f = a[1]
}

// (*sync/atomic.Value).Swap: func (v *Value) Swap(new any) (old any)
func sync_atomic_Value_Swap(t *vm.Thread, a, r []rt.Value) {
	if dynType(a[1]) == nil {
		panicString(t, "sync/atomic: swap of nil value into Value")
		return
	}
	f, mu := atomicValue(t, a[0])
	if f == nil {
		return
	}
	defer mu.Unlock()
	if old := dynType(*f); old != nil && old != dynType(a[1]) {
		panicString(t, "sync/atomic: swap of inconsistently typed value into Value")
		return
	}
	r[0], *f = *f, a[1]
}

// (*sync/atomic.Value).CompareAndSwap: func (v *Value) CompareAndSwap(old, new any) (swapped bool)
func sync_atomic_Value_CompareAndSwap(t *vm.Thread, a, r []rt.Value) {
	oldT, newT := dynType(a[1]), dynType(a[2])
	if newT == nil {
		panicString(t, "sync/atomic: compare and swap of nil value into Value")
		return
	}
	if oldT != nil && oldT != newT {
		panicString(t, "sync/atomic: compare and swap of inconsistently typed values")
		return
	}
	f, mu := atomicValue(t, a[0])
	if f == nil {
		return
	}
	defer mu.Unlock()
	cur := dynType(*f)
	switch {
	case cur == nil:
		if oldT != nil {
			r[0] = boolV(false)
			return
		}
	case cur != newT:
		panicString(t, "sync/atomic: compare and swap of inconsistently typed value into Value")
		return
	case cur == oldT && cur.Incomparable():
		t.PanicRuntime("comparing uncomparable type " + cur.String())
		return
	case !vm.EqualInterfaces(*f, a[1]):
		r[0] = boolV(false)
		return
	}
	*f = a[2]
	r[0] = boolV(true)
}

// poolsOf is the machine's sync.Pool contents.
func poolsOf(t *vm.Thread) *pools {
	s, _ := t.Machine().LibState.LoadOrStore(poolKey{}, new(pools))
	return s.(*pools)
}

// sync.runtime_registerPoolCleanup: func runtime_registerPoolCleanup(cleanup func())
func sync_runtime_registerPoolCleanup(t *vm.Thread, a, r []rt.Value) {}

// sync.runtime_procPin: func runtime_procPin() int
//
// Also sync/atomic.runtime_procPin. gc disables preemption until the
// unpin; goro's G may still be preempted in between, which only makes a
// goroutine spinning on atomic.Value's first store wait for its next
// time slice.
func sync_runtime_procPin(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{} }

// sync.runtime_LoadAcquintptr: func runtime_LoadAcquintptr(ptr *uintptr) uintptr
// (internal/runtime/atomic.LoadAcquintptr: sync.Pool's own pin path,
// which goro's Pool replaces; a load-acquire is an atomic load).
func sync_runtime_LoadAcquintptr(t *vm.Thread, a, r []rt.Value) { atomicLoad(t, a, r, norm64) }

// sync.runtime_StoreReluintptr: func runtime_StoreReluintptr(ptr *uintptr, val uintptr)
func sync_runtime_StoreReluintptr(t *vm.Thread, a, r []rt.Value) { atomicStore(t, a, r, norm64) }

// sync.runtime_procUnpin: func runtime_procUnpin()
//
// Also sync/atomic.runtime_procUnpin.
func sync_runtime_procUnpin(t *vm.Thread, a, r []rt.Value) {}

// (*sync.Pool).Put: func (p *Pool) Put(x any)
func sync_Pool_Put(t *vm.Thread, a, r []rt.Value) {
	p := cellOf(t, a[0])
	if p == nil || a[1].R == nil {
		return
	}
	ps := poolsOf(t)
	ps.mu.Lock()
	ps.poolOf(p).put(a[1])
	ps.mu.Unlock()
}

// atomicNatives binds sync/atomic's assembly functions on integers: each
// a named native over one of the helpers below, which keep a value's
// normalized form (an int32 sign-extended, a uint32 zero-extended) in the
// cell's N.
var atomicNatives = map[string]vm.NativeFunc{
	"sync/atomic.AddInt32":              sync_atomic_AddInt32,
	"sync/atomic.AddInt64":              sync_atomic_AddInt64,
	"sync/atomic.AddUint32":             sync_atomic_AddUint32,
	"sync/atomic.AddUint64":             sync_atomic_AddUint64,
	"sync/atomic.AddUintptr":            sync_atomic_AddUintptr,
	"sync/atomic.AndInt32":              sync_atomic_AndInt32,
	"sync/atomic.AndInt64":              sync_atomic_AndInt64,
	"sync/atomic.AndUint32":             sync_atomic_AndUint32,
	"sync/atomic.AndUint64":             sync_atomic_AndUint64,
	"sync/atomic.AndUintptr":            sync_atomic_AndUintptr,
	"sync/atomic.CompareAndSwapInt32":   sync_atomic_CompareAndSwapInt32,
	"sync/atomic.CompareAndSwapInt64":   sync_atomic_CompareAndSwapInt64,
	"sync/atomic.CompareAndSwapUint32":  sync_atomic_CompareAndSwapUint32,
	"sync/atomic.CompareAndSwapUint64":  sync_atomic_CompareAndSwapUint64,
	"sync/atomic.CompareAndSwapUintptr": sync_atomic_CompareAndSwapUintptr,
	"sync/atomic.LoadInt32":             sync_atomic_LoadInt32,
	"sync/atomic.LoadInt64":             sync_atomic_LoadInt64,
	"sync/atomic.LoadUint32":            sync_atomic_LoadUint32,
	"sync/atomic.LoadUint64":            sync_atomic_LoadUint64,
	"sync/atomic.LoadUintptr":           sync_atomic_LoadUintptr,
	"sync/atomic.OrInt32":               sync_atomic_OrInt32,
	"sync/atomic.OrInt64":               sync_atomic_OrInt64,
	"sync/atomic.OrUint32":              sync_atomic_OrUint32,
	"sync/atomic.OrUint64":              sync_atomic_OrUint64,
	"sync/atomic.OrUintptr":             sync_atomic_OrUintptr,
	"sync/atomic.StoreInt32":            sync_atomic_StoreInt32,
	"sync/atomic.StoreInt64":            sync_atomic_StoreInt64,
	"sync/atomic.StoreUint32":           sync_atomic_StoreUint32,
	"sync/atomic.StoreUint64":           sync_atomic_StoreUint64,
	"sync/atomic.StoreUintptr":          sync_atomic_StoreUintptr,
	"sync/atomic.SwapInt32":             sync_atomic_SwapInt32,
	"sync/atomic.SwapInt64":             sync_atomic_SwapInt64,
	"sync/atomic.SwapUint32":            sync_atomic_SwapUint32,
	"sync/atomic.SwapUint64":            sync_atomic_SwapUint64,
	"sync/atomic.SwapUintptr":           sync_atomic_SwapUintptr,
}

func normInt32(x uint64) uint64  { return uint64(int64(int32(x))) }
func normUint32(x uint64) uint64 { return uint64(uint32(x)) }
func norm64(x uint64) uint64     { return x }

func atomicAdd(old, d uint64) uint64 { return old + d }
func atomicAnd(old, m uint64) uint64 { return old & m }
func atomicOr(old, m uint64) uint64  { return old | m }

// atomicCell returns the cell an atomic's pointer argument v refers to,
// and how the cell keeps its word: as the argument's type does (norm), or
// — through a view of another integer of the size (vm.View: an *int32
// over a uint32) — as the cell's own type does.
func atomicCell(t *vm.Thread, v rt.Value, norm func(uint64) uint64) (*rt.Value, func(uint64) uint64) {
	if view, ok := v.R.(*vm.View); ok && view.F < 0 && !view.Header && !view.Bytes {
		if view.Partial() {
			t.Unsupported("an atomic operation on part of a " + view.CT.String() + " (goro's atomics act on a whole word)")
			return nil, norm
		}
		switch view.CT.Kind {
		case vm.KInt32:
			return view.Cell, normInt32
		case vm.KUint32:
			return view.Cell, normUint32
		}
		return view.Cell, norm64
	}
	return cellOf(t, v), norm
}

func atomicLoad(t *vm.Thread, a, r []rt.Value, norm func(uint64) uint64) {
	t.Machine().RT.SyncPoint(t.G()) // a deterministic schedule may switch here
	if p, _ := atomicCell(t, a[0], norm); p != nil {
		r[0] = rt.Value{N: norm(atomic.LoadUint64(&p.N))}
	}
}

func atomicStore(t *vm.Thread, a, r []rt.Value, norm func(uint64) uint64) {
	t.Machine().RT.SyncPoint(t.G()) // a deterministic schedule may switch here
	if p, cn := atomicCell(t, a[0], norm); p != nil {
		atomic.StoreUint64(&p.N, cn(a[1].N))
	}
}

func atomicSwap(t *vm.Thread, a, r []rt.Value, norm func(uint64) uint64) {
	t.Machine().RT.SyncPoint(t.G()) // a deterministic schedule may switch here
	if p, cn := atomicCell(t, a[0], norm); p != nil {
		r[0] = rt.Value{N: norm(atomic.SwapUint64(&p.N, cn(a[1].N)))}
	}
}

func atomicCompareAndSwap(t *vm.Thread, a, r []rt.Value, norm func(uint64) uint64) {
	t.Machine().RT.SyncPoint(t.G()) // a deterministic schedule may switch here
	if p, cn := atomicCell(t, a[0], norm); p != nil {
		r[0] = boolV(atomic.CompareAndSwapUint64(&p.N, cn(a[1].N), cn(a[2].N)))
	}
}

// atomicRMW replaces the cell's value with f(old, arg) and returns the old
// value or the new one.
func atomicRMW(t *vm.Thread, a, r []rt.Value, norm func(uint64) uint64, f func(old, arg uint64) uint64, returnOld bool) {
	t.Machine().RT.SyncPoint(t.G()) // a deterministic schedule may switch here
	p, cn := atomicCell(t, a[0], norm)
	if p == nil {
		return
	}
	for {
		old := atomic.LoadUint64(&p.N)
		nw := norm(f(norm(old), a[1].N))
		if atomic.CompareAndSwapUint64(&p.N, old, cn(nw)) {
			if returnOld {
				r[0] = rt.Value{N: norm(old)}
			} else {
				r[0] = rt.Value{N: nw}
			}
			return
		}
	}
}

// sync/atomic.LoadInt32: func LoadInt32(addr *int32) (val int32)
func sync_atomic_LoadInt32(t *vm.Thread, a, r []rt.Value) { atomicLoad(t, a, r, normInt32) }

// sync/atomic.StoreInt32: func StoreInt32(addr *int32, val int32)
func sync_atomic_StoreInt32(t *vm.Thread, a, r []rt.Value) { atomicStore(t, a, r, normInt32) }

// sync/atomic.SwapInt32: func SwapInt32(addr *int32, new int32) (old int32)
func sync_atomic_SwapInt32(t *vm.Thread, a, r []rt.Value) { atomicSwap(t, a, r, normInt32) }

// sync/atomic.CompareAndSwapInt32: func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)
func sync_atomic_CompareAndSwapInt32(t *vm.Thread, a, r []rt.Value) {
	atomicCompareAndSwap(t, a, r, normInt32)
}

// sync/atomic.AddInt32: func AddInt32(addr *int32, delta int32) (new int32)
func sync_atomic_AddInt32(t *vm.Thread, a, r []rt.Value) {
	atomicRMW(t, a, r, normInt32, atomicAdd, false)
}

// sync/atomic.AndInt32: func AndInt32(addr *int32, mask int32) (old int32)
func sync_atomic_AndInt32(t *vm.Thread, a, r []rt.Value) {
	atomicRMW(t, a, r, normInt32, atomicAnd, true)
}

// sync/atomic.OrInt32: func OrInt32(addr *int32, mask int32) (old int32)
func sync_atomic_OrInt32(t *vm.Thread, a, r []rt.Value) {
	atomicRMW(t, a, r, normInt32, atomicOr, true)
}

// sync/atomic.LoadUint32: func LoadUint32(addr *uint32) (val uint32)
func sync_atomic_LoadUint32(t *vm.Thread, a, r []rt.Value) { atomicLoad(t, a, r, normUint32) }

// sync/atomic.StoreUint32: func StoreUint32(addr *uint32, val uint32)
func sync_atomic_StoreUint32(t *vm.Thread, a, r []rt.Value) { atomicStore(t, a, r, normUint32) }

// sync/atomic.SwapUint32: func SwapUint32(addr *uint32, new uint32) (old uint32)
func sync_atomic_SwapUint32(t *vm.Thread, a, r []rt.Value) { atomicSwap(t, a, r, normUint32) }

// sync/atomic.CompareAndSwapUint32: func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)
func sync_atomic_CompareAndSwapUint32(t *vm.Thread, a, r []rt.Value) {
	atomicCompareAndSwap(t, a, r, normUint32)
}

// sync/atomic.AddUint32: func AddUint32(addr *uint32, delta uint32) (new uint32)
func sync_atomic_AddUint32(t *vm.Thread, a, r []rt.Value) {
	atomicRMW(t, a, r, normUint32, atomicAdd, false)
}

// sync/atomic.AndUint32: func AndUint32(addr *uint32, mask uint32) (old uint32)
func sync_atomic_AndUint32(t *vm.Thread, a, r []rt.Value) {
	atomicRMW(t, a, r, normUint32, atomicAnd, true)
}

// sync/atomic.OrUint32: func OrUint32(addr *uint32, mask uint32) (old uint32)
func sync_atomic_OrUint32(t *vm.Thread, a, r []rt.Value) {
	atomicRMW(t, a, r, normUint32, atomicOr, true)
}

// sync/atomic.LoadInt64: func LoadInt64(addr *int64) (val int64)
func sync_atomic_LoadInt64(t *vm.Thread, a, r []rt.Value) { atomicLoad(t, a, r, norm64) }

// sync/atomic.StoreInt64: func StoreInt64(addr *int64, val int64)
func sync_atomic_StoreInt64(t *vm.Thread, a, r []rt.Value) { atomicStore(t, a, r, norm64) }

// sync/atomic.SwapInt64: func SwapInt64(addr *int64, new int64) (old int64)
func sync_atomic_SwapInt64(t *vm.Thread, a, r []rt.Value) { atomicSwap(t, a, r, norm64) }

// sync/atomic.CompareAndSwapInt64: func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)
func sync_atomic_CompareAndSwapInt64(t *vm.Thread, a, r []rt.Value) {
	atomicCompareAndSwap(t, a, r, norm64)
}

// sync/atomic.AddInt64: func AddInt64(addr *int64, delta int64) (new int64)
func sync_atomic_AddInt64(t *vm.Thread, a, r []rt.Value) {
	atomicRMW(t, a, r, norm64, atomicAdd, false)
}

// sync/atomic.AndInt64: func AndInt64(addr *int64, mask int64) (old int64)
func sync_atomic_AndInt64(t *vm.Thread, a, r []rt.Value) { atomicRMW(t, a, r, norm64, atomicAnd, true) }

// sync/atomic.OrInt64: func OrInt64(addr *int64, mask int64) (old int64)
func sync_atomic_OrInt64(t *vm.Thread, a, r []rt.Value) { atomicRMW(t, a, r, norm64, atomicOr, true) }

// sync/atomic.LoadUint64: func LoadUint64(addr *uint64) (val uint64)
func sync_atomic_LoadUint64(t *vm.Thread, a, r []rt.Value) { atomicLoad(t, a, r, norm64) }

// sync/atomic.StoreUint64: func StoreUint64(addr *uint64, val uint64)
func sync_atomic_StoreUint64(t *vm.Thread, a, r []rt.Value) { atomicStore(t, a, r, norm64) }

// sync/atomic.SwapUint64: func SwapUint64(addr *uint64, new uint64) (old uint64)
func sync_atomic_SwapUint64(t *vm.Thread, a, r []rt.Value) { atomicSwap(t, a, r, norm64) }

// sync/atomic.CompareAndSwapUint64: func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)
func sync_atomic_CompareAndSwapUint64(t *vm.Thread, a, r []rt.Value) {
	atomicCompareAndSwap(t, a, r, norm64)
}

// sync/atomic.AddUint64: func AddUint64(addr *uint64, delta uint64) (new uint64)
func sync_atomic_AddUint64(t *vm.Thread, a, r []rt.Value) {
	atomicRMW(t, a, r, norm64, atomicAdd, false)
}

// sync/atomic.AndUint64: func AndUint64(addr *uint64, mask uint64) (old uint64)
func sync_atomic_AndUint64(t *vm.Thread, a, r []rt.Value) {
	atomicRMW(t, a, r, norm64, atomicAnd, true)
}

// sync/atomic.OrUint64: func OrUint64(addr *uint64, mask uint64) (old uint64)
func sync_atomic_OrUint64(t *vm.Thread, a, r []rt.Value) { atomicRMW(t, a, r, norm64, atomicOr, true) }

// sync/atomic.LoadUintptr: func LoadUintptr(addr *uintptr) (val uintptr)
func sync_atomic_LoadUintptr(t *vm.Thread, a, r []rt.Value) { atomicLoad(t, a, r, norm64) }

// sync/atomic.StoreUintptr: func StoreUintptr(addr *uintptr, val uintptr)
func sync_atomic_StoreUintptr(t *vm.Thread, a, r []rt.Value) { atomicStore(t, a, r, norm64) }

// sync/atomic.SwapUintptr: func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)
func sync_atomic_SwapUintptr(t *vm.Thread, a, r []rt.Value) { atomicSwap(t, a, r, norm64) }

// sync/atomic.CompareAndSwapUintptr: func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool)
func sync_atomic_CompareAndSwapUintptr(t *vm.Thread, a, r []rt.Value) {
	atomicCompareAndSwap(t, a, r, norm64)
}

// sync/atomic.AddUintptr: func AddUintptr(addr *uintptr, delta uintptr) (new uintptr)
func sync_atomic_AddUintptr(t *vm.Thread, a, r []rt.Value) {
	atomicRMW(t, a, r, norm64, atomicAdd, false)
}

// sync/atomic.AndUintptr: func AndUintptr(addr *uintptr, mask uintptr) (old uintptr)
func sync_atomic_AndUintptr(t *vm.Thread, a, r []rt.Value) {
	atomicRMW(t, a, r, norm64, atomicAnd, true)
}

// sync/atomic.OrUintptr: func OrUintptr(addr *uintptr, mask uintptr) (old uintptr)
func sync_atomic_OrUintptr(t *vm.Thread, a, r []rt.Value) { atomicRMW(t, a, r, norm64, atomicOr, true) }

var ptrLocks [64]sync.Mutex

func ptrLock(p *rt.Value) *sync.Mutex {
	return &ptrLocks[(uintptr(unsafe.Pointer(p))>>4)%64]
}
