// packages sync, internal/sync and sync/atomic are interpreted from GOROOT
// source; these are their hooks into the runtime (semaphores, notify
// lists, spinning) and the atomics, which gc implements in assembly.
//
// An *int32, *uint32, *int64... is a *rt.Value whose N holds the integer
// (32-bit signed values sign-extended); atomics operate on N. A semaphore
// address is the low half of that N (little-endian hosts).
package lib

import (
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func cellOf(t *vm.Thread, v rt.Value) *rt.Value {
	p, _ := v.R.(*rt.Value)
	if p == nil {
		t.PanicRuntime("invalid memory address or nil pointer dereference")
	}
	return p
}

func semaddr(p *rt.Value) *uint32 { return (*uint32)(unsafe.Pointer(&p.N)) }

func semacquire(reason rt.WaitReason, lifoArg int) vm.NativeFunc {
	return func(t *vm.Thread, a, r []rt.Value) {
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
}

func semrelease(t *vm.Thread, a, r []rt.Value) {
	p := cellOf(t, a[0])
	if p == nil {
		return
	}
	t.Machine().RT.Semrelease(t.G(), semaddr(p), a[1].N != 0)
}

// notifyLists maps a sync.notifyList cell to its runtime half.
var notifyLists sync.Map // *rt.Value → *rt.NotifyList

func notifyListOf(t *vm.Thread, v rt.Value) *rt.NotifyList {
	p := cellOf(t, v)
	if p == nil {
		return nil
	}
	l, _ := notifyLists.LoadOrStore(p, &rt.NotifyList{})
	return l.(*rt.NotifyList)
}

type poolKey struct{}

// pools holds sync.Pool contents: a few values per pool, not cleared by GC.
type pools struct {
	mu sync.Mutex
	m  map[*rt.Value][]rt.Value
}

func init() {
	reg := vm.RegisterNative
	for _, pkg := range []string{"sync", "internal/sync"} {
		reg(pkg+".runtime_Semrelease", semrelease)
		reg(pkg+".runtime_canSpin", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{} })
		reg(pkg+".runtime_doSpin", func(t *vm.Thread, a, r []rt.Value) {})
		reg(pkg+".runtime_nanotime", func(t *vm.Thread, a, r []rt.Value) {
			r[0] = rt.Value{N: uint64(t.Machine().RT.Nanotime())}
		})
		reg(pkg+".throw", func(t *vm.Thread, a, r []rt.Value) { t.Fatal(vm.Str(a[0])) })
		reg(pkg+".fatal", func(t *vm.Thread, a, r []rt.Value) { t.Fatal(vm.Str(a[0])) })
	}
	reg("internal/sync.runtime_SemacquireMutex", semacquire(rt.WaitMutex, 1))
	reg("sync.runtime_Semacquire", semacquire(rt.WaitSemacquire, -1))
	reg("sync.runtime_SemacquireWaitGroup", semacquire(rt.WaitWaitGroup, -1))
	reg("sync.runtime_SemacquireRWMutexR", semacquire(rt.WaitRWMutexRLock, 1))
	reg("sync.runtime_SemacquireRWMutex", semacquire(rt.WaitRWMutexLock, 1))
	vm.RegisterNatives(syncNatives)
	registerAtomics(reg)
}

// syncNatives binds these functions by their ssa names (sorted).
var syncNatives = map[string]vm.NativeFunc{
	"(*sync.Pool).Get":                  sync_Pool_Get,
	"(*sync.Pool).Put":                  sync_Pool_Put,
	"sync.runtime_notifyListAdd":        sync_runtime_notifyListAdd,
	"sync.runtime_notifyListCheck":      sync_runtime_notifyListCheck,
	"sync.runtime_notifyListNotifyAll":  sync_runtime_notifyListNotifyAll,
	"sync.runtime_notifyListNotifyOne":  sync_runtime_notifyListNotifyOne,
	"sync.runtime_notifyListWait":       sync_runtime_notifyListWait,
	"sync.runtime_procPin":              sync_runtime_procPin,
	"sync.runtime_procUnpin":            sync_runtime_procUnpin,
	"sync.runtime_rand":                 sync_runtime_rand,
	"sync.runtime_randn":                sync_runtime_randn,
	"sync.runtime_registerPoolCleanup":  sync_runtime_registerPoolCleanup,
	"sync/atomic.CompareAndSwapPointer": sync_atomic_CompareAndSwapPointer,
	"sync/atomic.LoadPointer":           sync_atomic_LoadPointer,
	"sync/atomic.StorePointer":          sync_atomic_StorePointer,
	"sync/atomic.SwapPointer":           sync_atomic_SwapPointer,
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

// sync.runtime_rand: NOT IN STD
func sync_runtime_rand(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: t.Machine().RT.Rand(t.G())} }

// sync.runtime_registerPoolCleanup: func runtime_registerPoolCleanup(cleanup func())
func sync_runtime_registerPoolCleanup(t *vm.Thread, a, r []rt.Value) {}

// sync.runtime_procPin: func runtime_procPin() int
func sync_runtime_procPin(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{} }

// sync.runtime_procUnpin: func runtime_procUnpin()
func sync_runtime_procUnpin(t *vm.Thread, a, r []rt.Value) {}

// (*sync.Pool).Put: func (p *Pool) Put(x any)
func sync_Pool_Put(t *vm.Thread, a, r []rt.Value) {
	p := cellOf(t, a[0])
	if p == nil || a[1].R == nil {
		return
	}
	ps := poolsOf(t)
	ps.mu.Lock()
	if len(ps.m[p]) < 64 {
		ps.m[p] = append(ps.m[p], a[1])
	}
	ps.mu.Unlock()
}

// (*sync.Pool).Get: func (p *Pool) Get() any
func sync_Pool_Get(t *vm.Thread, a, r []rt.Value) {
	p := cellOf(t, a[0])
	if p == nil {
		return
	}
	ps := poolsOf(t)
	ps.mu.Lock()
	if vs := ps.m[p]; len(vs) > 0 {
		r[0] = vs[len(vs)-1]
		ps.m[p] = vs[:len(vs)-1]
		ps.mu.Unlock()
		return
	}
	ps.mu.Unlock()
	// p.New, the pool's first field after noCopy.
	fs := p.R.([]rt.Value)
	newFn := fs[len(fs)-1]
	if newFn.R != nil {
		t.TailCall(newFn, nil)
	}
}

// sync/atomic.LoadPointer: func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer)
//
// Pointers live in R, which host atomics cannot reach: a striped lock.
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

// sync.Pool indexes per-P arrays with pointer arithmetic: goro keeps a
// few values per pool instead.
func poolsOf(t *vm.Thread) *pools {
	s, _ := t.Machine().LibState.LoadOrStore(poolKey{}, &pools{m: map[*rt.Value][]rt.Value{}})
	return s.(*pools)
}

// registerAtomics binds sync/atomic's assembly functions.
func registerAtomics(reg func(string, vm.NativeFunc)) {
	type kind struct {
		name string
		norm func(uint64) uint64
	}
	kinds := []kind{
		{"Int32", func(x uint64) uint64 { return uint64(int64(int32(x))) }},
		{"Uint32", func(x uint64) uint64 { return uint64(uint32(x)) }},
		{"Int64", func(x uint64) uint64 { return x }},
		{"Uint64", func(x uint64) uint64 { return x }},
		{"Uintptr", func(x uint64) uint64 { return x }},
	}
	for _, k := range kinds {
		k := k
		reg("sync/atomic.Load"+k.name, func(t *vm.Thread, a, r []rt.Value) {
			if p := cellOf(t, a[0]); p != nil {
				r[0] = rt.Value{N: atomic.LoadUint64(&p.N)}
			}
		})
		reg("sync/atomic.Store"+k.name, func(t *vm.Thread, a, r []rt.Value) {
			if p := cellOf(t, a[0]); p != nil {
				atomic.StoreUint64(&p.N, k.norm(a[1].N))
			}
		})
		reg("sync/atomic.Swap"+k.name, func(t *vm.Thread, a, r []rt.Value) {
			if p := cellOf(t, a[0]); p != nil {
				r[0] = rt.Value{N: atomic.SwapUint64(&p.N, k.norm(a[1].N))}
			}
		})
		reg("sync/atomic.CompareAndSwap"+k.name, func(t *vm.Thread, a, r []rt.Value) {
			if p := cellOf(t, a[0]); p != nil {
				r[0] = boolV(atomic.CompareAndSwapUint64(&p.N, k.norm(a[1].N), k.norm(a[2].N)))
			}
		})
		rmw := func(op string, f func(old, arg uint64) uint64, returnOld bool) {
			reg("sync/atomic."+op+k.name, func(t *vm.Thread, a, r []rt.Value) {
				p := cellOf(t, a[0])
				if p == nil {
					return
				}
				for {
					old := atomic.LoadUint64(&p.N)
					nw := k.norm(f(old, a[1].N))
					if atomic.CompareAndSwapUint64(&p.N, old, nw) {
						if returnOld {
							r[0] = rt.Value{N: old}
						} else {
							r[0] = rt.Value{N: nw}
						}
						return
					}
				}
			})
		}
		rmw("Add", func(old, d uint64) uint64 { return old + d }, false)
		rmw("And", func(old, m uint64) uint64 { return old & m }, true)
		rmw("Or", func(old, m uint64) uint64 { return old | m }, true)
	}
}

var ptrLocks [64]sync.Mutex

func ptrLock(p *rt.Value) *sync.Mutex {
	return &ptrLocks[(uintptr(unsafe.Pointer(p))>>4)%64]
}
