package vm

// Heap profiles: sampled allocations (runtime.MemProfile, and so
// runtime/pprof's heap and allocs profiles).
//
// As gc's mallocgc, every allocation site of the VM counts its bytes
// (allocated → rt.G.Allocated, in gc's sizes of the program's types), and
// the running M counts down to its next sample: an interval drawn from an
// exponential distribution of mean runtime.MemProfileRate bytes (gc's
// fastexprand; every allocation at rate 1, none at 0), from a stream of
// the profile's own seeded by the runtime's seed (drawing from the Ms'
// streams would shift a seeded schedule's random choices). A sampled allocation adds its size to the record of its
// call stack (the allocating function first, goro's frames as
// runtime.Callers shows them), and a host cleanup on the object made adds
// it to the record's frees when the host's collector finds it dead — the
// program's objects are host objects, so goro's in-use figures are the
// host's liveness. gc's records are as of its last completed collection;
// goro's are current. The program's MemProfileRate is gc's default, 512
// KiB, from the start: gc's linker zeroes it in programs that never reach
// runtime.MemProfile, a reachability goro does not compute.

import (
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/goro-dev/goro/internal/rt"
)

// MemRecord is one call stack's sampled allocations (runtime's
// MemProfileRecord).
type MemRecord struct {
	PCs                      []uintptr // innermost first
	AllocBytes, AllocObjects int64
	FreeBytes, FreeObjects   int64
}

// memRec is a record as it is kept: its counts are added to by Gs and the
// host's cleanups.
type memRec struct {
	pcs                       []uintptr
	allocs, allocB, frees, fB atomic.Int64
}

// memProfile holds a Machine's records by call stack.
type memProfile struct {
	mu   sync.Mutex
	recs map[string]*memRec
	rate atomic.Pointer[rt.Value] // the program's runtime.MemProfileRate
	once sync.Once
	// rng is the sampling's own stream, from the runtime's seed: drawing
	// from the Ms' would shift a seeded schedule's choices.
	rng atomic.Uint64
}

// rand returns the next number of the sampling's stream (splitmix64).
func (p *memProfile) rand(seed uint64) uint64 {
	z := p.rng.Add(0x9e3779b97f4a7c15) + seed
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// allocated counts an allocation of n bytes by t's G, obj the object made
// (the cell or the first element of the array; nil when there is none to
// watch), and samples it when due: its M's countdown ran out, or the
// program's MemProfileRate is 1 (every allocation, at once, as gc's
// mallocgc checks).
func (t *Thread) allocated(n int64, obj unsafe.Pointer) {
	if t.gp.Allocated(n) || t.m.mprof.every() {
		t.sampleAlloc(n, obj)
	}
}

// every reports whether the program samples every allocation.
func (p *memProfile) every() bool {
	r := p.rate.Load()
	return r != nil && atomic.LoadUint64(&r.N) == 1
}

// sampleAlloc records a sampled allocation and draws the next interval.
func (t *Thread) sampleAlloc(n int64, obj unsafe.Pointer) {
	gp, m := t.gp, t.m
	rate := m.memProfileRate()
	if rate <= 0 {
		gp.SetNextSample(64 << 10) // look again soon: the program may turn sampling on
		return
	}
	gp.SetNextSample(sampleInterval(rate, m.mprof.rand(m.RT.Seed())))
	if n <= 0 {
		return
	}
	pcs := m.framePCs(t.frames, 0, gp == m.RT.MainG())
	key := unsafe.String((*byte)(unsafe.Pointer(unsafe.SliceData(pcs))), len(pcs)*int(unsafe.Sizeof(uintptr(0))))
	p := &m.mprof
	p.mu.Lock()
	if p.recs == nil {
		p.recs = map[string]*memRec{}
	}
	rec := p.recs[key]
	if rec == nil {
		rec = &memRec{pcs: pcs}
		p.recs[key] = rec
	}
	p.mu.Unlock()
	rec.allocs.Add(1)
	rec.allocB.Add(n)
	if obj != nil {
		watchFree(obj, rec, n)
	}
}

// watchFree adds n bytes to rec's frees when the host collects obj, the
// start of a heap block (or an element in one). A pointer in no heap block
// (a zero-size object's zerobase) is not watched: AddCleanup panics for
// it, and here that is no error of the program's.
func watchFree(obj unsafe.Pointer, rec *memRec, n int64) {
	defer func() { recover() }()
	runtime.AddCleanup((*byte)(obj), func(rec *memRec) {
		rec.frees.Add(1)
		rec.fB.Add(n)
	}, rec)
}

// sampleInterval is gc's fastexprand: an exponential draw of mean rate
// bytes (0 at rate 1: every allocation).
func sampleInterval(rate int64, r uint64) int64 {
	if rate == 1 {
		return 0
	}
	u := (float64(r>>11) + 1) / (1 << 53) // (0, 1]
	next := -math.Log(u) * float64(rate)
	if next > 1<<30 {
		return 1 << 30
	}
	return int64(next)
}

// memProfileRate is the program's runtime.MemProfileRate.
func (m *Machine) memProfileRate() int64 {
	p := &m.mprof
	p.once.Do(func() { p.rate.Store(m.Global("runtime", "MemProfileRate")) })
	r := p.rate.Load()
	if r == nil {
		return 0
	}
	return int64(atomic.LoadUint64(&r.N))
}

// MemProfile returns the heap profile's records, in the order of their
// first samples' stacks (a stable order: by their pcs).
func (m *Machine) MemProfile() []MemRecord {
	p := &m.mprof
	p.mu.Lock()
	out := make([]MemRecord, 0, len(p.recs))
	for _, r := range p.recs {
		out = append(out, MemRecord{PCs: r.pcs, AllocObjects: r.allocs.Load(), AllocBytes: r.allocB.Load(), FreeObjects: r.frees.Load(), FreeBytes: r.fB.Load()})
	}
	p.mu.Unlock()
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].PCs, out[j].PCs
		for k := 0; k < len(a) && k < len(b); k++ {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return len(a) < len(b)
	})
	return out
}
