package lib

// package runtime: goroutine control and the runtime's error types, on rt.

import (
	"encoding/binary"
	"io"
	"math"
	"math/bits"
	"os"
	goruntime "runtime"
	hostdebug "runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(runtimeNatives)
	vm.RegisterInit(func(m *vm.Machine) {
		for name, msg := range runtimeVars {
			pkg, v, _ := strings.Cut(name, ".")
			if c := m.Global(pkg, v); c != nil {
				*c = m.RuntimeError(msg)
			}
		}
		// gc's default sampling rate of the heap profile (vm/mprof.go).
		if c := m.Global("runtime", "MemProfileRate"); c != nil {
			*c = rt.Value{N: 512 * 1024}
		}
	})
}

// runtimeVars are the variables of interpreted packages that gc's linker
// takes from the runtime (`//go:linkname v runtime.v` on a declaration
// without a value): at start-up goro gives them the runtime's values,
// runtime errors with these texts. TestRuntimeVars finds every such
// variable in the standard library.
var runtimeVars = map[string]string{
	"math/bits.divideError":   "integer divide by zero",
	"math/bits.overflowError": "integer overflow",
}

// runtimeNatives binds these functions by their ssa names (sorted).
var runtimeNatives = map[string]vm.NativeFunc{
	"(*internal/godebug.Setting).IncNonDefault":   internal_godebug_Setting_IncNonDefault,
	"(*internal/godebug.Setting).Name":            internal_godebug_Setting_Name,
	"(*internal/godebug.Setting).String":          internal_godebug_Setting_String,
	"(*internal/godebug.Setting).Undocumented":    internal_godebug_Setting_Undocumented,
	"(*internal/godebug.Setting).Value":           internal_godebug_Setting_Value,
	"(*runtime.Frames).Next":                      runtime_Frames_Next,
	"(*runtime.Func).Entry":                       runtime_Func_Entry,
	"(*runtime.Func).FileLine":                    runtime_Func_FileLine,
	"(*runtime.Func).Name":                        runtime_Func_Name,
	"(*runtime.PanicNilError).Error":              runtime_PanicNilError_Error,
	"(*runtime.PanicNilError).RuntimeError":       runtime_PanicNilError_RuntimeError,
	"(*runtime.TypeAssertionError).Error":         runtime_TypeAssertionError_Error,
	"(*runtime.TypeAssertionError).RuntimeError":  runtime_TypeAssertionError_RuntimeError,
	"(runtime.errorString).Error":                 runtime_errorString_Error,
	"(runtime.errorString).RuntimeError":          runtime_errorString_RuntimeError,
	"(runtime.plainError).Error":                  runtime_plainError_Error,
	"(runtime.plainError).RuntimeError":           runtime_plainError_RuntimeError,
	"internal/chacha8rand.block":                  internal_chacha8rand_block,
	"internal/cpu.Name":                           internal_cpu_Name,
	"internal/godebug.New":                        internal_godebug_New,
	"internal/sync.runtime_rand":                  runtime_rand,
	"iter.coroswitch":                             iter_coroswitch,
	"iter.newcoro":                                iter_newcoro,
	"maps.clone":                                  maps_clone,
	"math/rand.runtime_rand":                      runtime_rand,
	"net.runtime_rand":                            runtime_rand,
	"math/rand/v2.runtime_rand":                   runtime_rand,
	"os.runtime_rand":                             runtime_rand,
	"unique.runtime_rand":                         runtime_rand,
	"runtime.Caller":                              runtime_Caller,
	"runtime.Callers":                             runtime_Callers,
	"runtime.CallersFrames":                       runtime_CallersFrames,
	"runtime.FuncForPC":                           runtime_FuncForPC,
	"runtime.GC":                                  runtime_GC,
	"runtime.GOMAXPROCS":                          runtime_GOMAXPROCS,
	"runtime.GOROOT":                              runtime_GOROOT,
	"runtime.Goexit":                              runtime_Goexit,
	"runtime.Gosched":                             runtime_Gosched,
	"runtime.Breakpoint":                          runtime_Breakpoint,
	"runtime.KeepAlive":                           runtime_KeepAlive,
	"runtime.LockOSThread":                        runtime_LockOSThread,
	"runtime.NumCPU":                              runtime_NumCPU,
	"runtime.NumGoroutine":                        runtime_NumGoroutine,
	"runtime.ReadMemStats":                        runtime_ReadMemStats,
	"runtime.Stack":                               runtime_Stack,
	"runtime.UnlockOSThread":                      runtime_UnlockOSThread,
	"runtime.Version":                             runtime_Version,
	"(*runtime.Pinner).Pin":                       runtime_Pinner_Pin,
	"(*runtime.Pinner).Unpin":                     runtime_Pinner_Unpin,
	"(*runtime.StackRecord).Stack":                runtime_StackRecord_Stack,
	"(*runtime.MemProfileRecord).Stack":           runtime_MemProfileRecord_Stack,
	"(*runtime.MemProfileRecord).InUseBytes":      runtime_MemProfileRecord_InUseBytes,
	"(*runtime.MemProfileRecord).InUseObjects":    runtime_MemProfileRecord_InUseObjects,
	"runtime.GoroutineProfile":                    runtime_GoroutineProfile,
	"runtime.CPUProfile":                          runtime_CPUProfile,
	"runtime.NumCgoCall":                          runtime_NumCgoCall,
	"runtime.SetCgoTraceback":                     runtime_SetCgoTraceback,
	"runtime.SetDefaultGOMAXPROCS":                runtime_SetDefaultGOMAXPROCS,
	"runtime/debug.ReadGCStats":                   runtime_debug_ReadGCStats,
	"runtime/debug.FreeOSMemory":                  runtime_debug_FreeOSMemory,
	"runtime/debug.PrintStack":                    runtime_debug_PrintStack,
	"runtime/debug.SetMaxThreads":                 runtime_debug_SetMaxThreads,
	"runtime/debug.SetMemoryLimit":                runtime_debug_SetMemoryLimit,
	"runtime/debug.SetPanicOnFault":               runtime_debug_SetPanicOnFault,
	"runtime/debug.SetCrashOutput":                runtime_debug_SetCrashOutput,
	"runtime/debug.WriteHeapDump":                 runtime_debug_WriteHeapDump,
	"runtime/debug.SetGCPercent":                  runtime_debug_SetGCPercent,
	"runtime/debug.SetMaxStack":                   runtime_debug_SetMaxStack,
	"runtime/debug.SetTraceback":                  runtime_debug_SetTraceback,
	"runtime/debug.Stack":                         runtime_debug_Stack,
	"syscall.Getpagesize":                         syscall_Getpagesize,
	"syscall.Getpid":                              syscall_Getpid,
	"syscall.Madvise":                             syscall_enosys,
	"syscall.Mmap":                                syscall_Mmap,
	"syscall.Mprotect":                            syscall_enosys,
	"syscall.Munmap":                              syscall_enosys,
	"vendor/golang.org/x/sys/cpu.cpuid":           vendor_golang_org_x_sys_cpu_cpuid,
	"vendor/golang.org/x/sys/cpu.runtime_getAuxv": vendor_golang_org_x_sys_cpu_runtime_getAuxv,
	"vendor/golang.org/x/sys/cpu.xgetbv":          vendor_golang_org_x_sys_cpu_xgetbv,
}

// (runtime.errorString).Error: func (e errorString) Error() string
func runtime_errorString_Error(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: "runtime error: " + vm.Str(a[0])}
}

// (runtime.errorString).RuntimeError: func (e errorString) RuntimeError()
func runtime_errorString_RuntimeError(t *vm.Thread, a, r []rt.Value) {}

// (runtime.plainError).Error: func (e plainError) Error() string
func runtime_plainError_Error(t *vm.Thread, a, r []rt.Value) { r[0] = a[0] }

// (runtime.plainError).RuntimeError: func (e plainError) RuntimeError()
func runtime_plainError_RuntimeError(t *vm.Thread, a, r []rt.Value) {}

// (*runtime.TypeAssertionError).Error: func (e *TypeAssertionError) Error() string
func runtime_TypeAssertionError_Error(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: t.Machine().TypeAssertionText(a[0])}
}

// (*runtime.TypeAssertionError).RuntimeError: func (*TypeAssertionError) RuntimeError()
func runtime_TypeAssertionError_RuntimeError(t *vm.Thread, a, r []rt.Value) {}

// (*runtime.PanicNilError).Error: func (*PanicNilError) Error() string
func runtime_PanicNilError_Error(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: "panic called with nil argument"}
}

// (*runtime.PanicNilError).RuntimeError: func (*PanicNilError) RuntimeError()
func runtime_PanicNilError_RuntimeError(t *vm.Thread, a, r []rt.Value) {}

// runtime.Gosched: func Gosched()
func runtime_Gosched(t *vm.Thread, a, r []rt.Value) {
	t.Machine().RT.Gosched(t.G())
	t.Yield()
}

// runtime.Goexit: func Goexit()
func runtime_Goexit(t *vm.Thread, a, r []rt.Value) { t.Goexit() }

// runtime.GOMAXPROCS: func GOMAXPROCS(n int) int
func runtime_GOMAXPROCS(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(t.Machine().RT.GOMAXPROCS(int(int64(a[0].N))))}
}

// runtime.NumCgoCall: func NumCgoCall() int64 — goro runs no cgo.
func runtime_NumCgoCall(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{} }

// runtime.SetCgoTraceback: func SetCgoTraceback(version int, traceback, context, symbolizer unsafe.Pointer)
// — goro runs no cgo: nothing to symbolize.
func runtime_SetCgoTraceback(t *vm.Thread, a, r []rt.Value) {}

// runtime.CPUProfile: func CPUProfile() []byte — gc's panics so.
func runtime_CPUProfile(t *vm.Thread, a, r []rt.Value) {
	panicString(t, "CPUProfile no longer available")
}

// (*runtime.Pinner).Pin: func (p *Pinner) Pin(pointer any) — goro's cells
// never move: only gc's checks of the argument.
func runtime_Pinner_Pin(t *vm.Thread, a, r []rt.Value) {
	iv, ok := a[1].R.(vm.Iface)
	if !ok {
		t.PanicRuntime("runtime.Pinner: argument is nil")
		return
	}
	if iv.T.Kind != vm.KPointer && iv.T.Kind != vm.KUnsafePointer {
		t.PanicRuntime("runtime.Pinner: argument is not a pointer: " + iv.T.String())
	}
}

// (*runtime.Pinner).Unpin: func (p *Pinner) Unpin()
func runtime_Pinner_Unpin(t *vm.Thread, a, r []rt.Value) {}

// (*runtime.StackRecord).Stack: func (r *StackRecord) Stack() []uintptr —
// Stack0 up to its first 0.
func runtime_StackRecord_Stack(t *vm.Thread, a, r []rt.Value) {
	recordStack(t, a, r, "StackRecord")
}

// (*runtime.MemProfileRecord).Stack: func (r *MemProfileRecord) Stack() []uintptr
func runtime_MemProfileRecord_Stack(t *vm.Thread, a, r []rt.Value) {
	recordStack(t, a, r, "MemProfileRecord")
}

// recordStack is the Stack method of the profile record a[0] of type
// runtime.typ: its Stack0 up to the first 0.
func recordStack(t *vm.Thread, a, r []rt.Value, typ string) {
	if f, ok := recordField(t, a[0], typ, "Stack0"); ok {
		pcs, _ := f.R.([]rt.Value)
		n := 0
		for n < len(pcs) && pcs[n].N != 0 {
			n++
		}
		r[0] = rt.Value{R: append([]rt.Value(nil), pcs[:n]...)}
	}
}

// recordField reads field name of the runtime.typ record v points to.
func recordField(t *vm.Thread, v rt.Value, typ, name string) (rt.Value, bool) {
	return ptrField(t, v, "runtime", typ, name)
}

// (*runtime.MemProfileRecord).InUseBytes: func (r *MemProfileRecord) InUseBytes() int64
func runtime_MemProfileRecord_InUseBytes(t *vm.Thread, a, r []rt.Value) {
	alloc, ok := recordField(t, a[0], "MemProfileRecord", "AllocBytes")
	free, _ := recordField(t, a[0], "MemProfileRecord", "FreeBytes")
	if ok {
		r[0] = rt.Value{N: alloc.N - free.N}
	}
}

// (*runtime.MemProfileRecord).InUseObjects: func (r *MemProfileRecord) InUseObjects() int64
func runtime_MemProfileRecord_InUseObjects(t *vm.Thread, a, r []rt.Value) {
	alloc, ok := recordField(t, a[0], "MemProfileRecord", "AllocObjects")
	free, _ := recordField(t, a[0], "MemProfileRecord", "FreeObjects")
	if ok {
		r[0] = rt.Value{N: alloc.N - free.N}
	}
}

// runtime.GoroutineProfile: func GoroutineProfile(p []StackRecord) (n int, ok bool)
// — every goroutine's stack (its first 32 pcs), taken with the world
// stopped, as runtime/pprof's goroutine profile.
func runtime_GoroutineProfile(t *vm.Thread, a, r []rt.Value) {
	gs := t.GoroutineProfile(false)
	p, _ := a[0].R.([]rt.Value)
	r[0] = rt.Value{N: uint64(len(gs))}
	if len(p) < len(gs) {
		r[1] = boolV(false)
		return
	}
	for i, g := range gs {
		stack0, _ := p[i].R.([]rt.Value)[0].R.([]rt.Value)
		clear(stack0)
		for k, pc := range g.PCs {
			if k < len(stack0) {
				stack0[k] = rt.Value{N: uint64(pc)}
			}
		}
	}
	r[1] = boolV(true)
}

// runtime.SetDefaultGOMAXPROCS: func SetDefaultGOMAXPROCS() — back to
// the program's own default (its GOMAXPROCS at start).
func runtime_SetDefaultGOMAXPROCS(t *vm.Thread, a, r []rt.Value) {
	rtm := t.Machine().RT
	rtm.GOMAXPROCS(rtm.DefaultGOMAXPROCS())
}

// runtime.NumGoroutine: func NumGoroutine() int
func runtime_NumGoroutine(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(t.Machine().RT.NumGoroutine())}
}

// runtime.NumCPU: func NumCPU() int
func runtime_NumCPU(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(goruntime.NumCPU())} }

// runtime.GC: func GC()
func runtime_GC(t *vm.Thread, a, r []rt.Value) {
	t.ClearDeadStack()
	poolCleanup(t.Machine())
	goruntime.GC()
	sweepAfterGC(t)
}

// runtime.GOROOT: func GOROOT() string
func runtime_GOROOT(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: goruntime.GOROOT()} }

// syscall.Getpagesize: func Getpagesize() int — the host's.
func syscall_Getpagesize(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(os.Getpagesize())} }

// syscall.Mmap: func Mmap(fd int, offset int64, length int, prot int, flags int) (data []byte, err error)
//
// goro's bytes are cells, not memory it can map, share or protect: mmap
// fails as on a kernel without it, with ENOSYS, and so do Munmap,
// Mprotect and Madvise (their last result is the error).
func syscall_Mmap(t *vm.Thread, a, r []rt.Value) {
	r[0], r[1] = rt.Value{}, errnoValue(t, syscall.ENOSYS)
}

func syscall_enosys(t *vm.Thread, a, r []rt.Value) {
	r[len(r)-1] = errnoValue(t, syscall.ENOSYS)
}

// syscall.Getpid: func Getpid() (pid int)
func syscall_Getpid(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(os.Getpid())} }

// runtime/debug.SetGCPercent: func SetGCPercent(percent int) int
func runtime_debug_SetGCPercent(t *vm.Thread, a, r []rt.Value) {
	// Recorded per program, not applied: the heap is the host's, and a
	// program must not steer its host's collector.
	v, _ := t.Machine().LibState.LoadOrStore(gcPercentKey{}, new(atomic.Int64))
	p := v.(*atomic.Int64)
	p.CompareAndSwap(0, 100)
	r[0] = rt.Value{N: uint64(p.Swap(int64(a[0].N)))}
}

type maxThreadsKey struct{}
type panicOnFaultKey struct{}
type memoryLimitKey struct{}

// runtime/debug.SetMaxThreads: func SetMaxThreads(threads int) int —
// recorded, not applied: goro's Ms are bounded by its own scheduler.
func runtime_debug_SetMaxThreads(t *vm.Thread, a, r []rt.Value) {
	c, _ := t.Machine().LibState.LoadOrStore(maxThreadsKey{}, new(atomic.Int64))
	p := c.(*atomic.Int64)
	p.CompareAndSwap(0, 10000) // gc's default
	r[0] = rt.Value{N: uint64(p.Swap(int64(a[0].N)))}
}

// runtime/debug.SetPanicOnFault: func SetPanicOnFault(enabled bool) bool
// — recorded: goro's programs cannot fault on memory (their cells are
// not memory), so there is nothing to turn into a panic.
func runtime_debug_SetPanicOnFault(t *vm.Thread, a, r []rt.Value) {
	c, _ := t.Machine().LibState.LoadOrStore(panicOnFaultKey{}, new(atomic.Bool))
	r[0] = boolV(c.(*atomic.Bool).Swap(a[0].N != 0))
}

// runtime/debug.SetMemoryLimit: func SetMemoryLimit(limit int64) int64 —
// gc's soft limit, recorded per program (a negative limit only reads it);
// goro's own limit (RunOptions.MemoryLimit) is a hard one and unchanged.
func runtime_debug_SetMemoryLimit(t *vm.Thread, a, r []rt.Value) {
	c, _ := t.Machine().LibState.LoadOrStore(memoryLimitKey{}, new(atomic.Int64))
	p := c.(*atomic.Int64)
	p.CompareAndSwap(0, math.MaxInt64)
	if v := int64(a[0].N); v >= 0 {
		r[0] = rt.Value{N: uint64(p.Swap(v))}
		return
	}
	r[0] = rt.Value{N: uint64(p.Load())}
}

// runtime/debug.ReadGCStats: func ReadGCStats(stats *GCStats) — the host's
// collector's, which collects goro's programs (as runtime/metrics' GC
// figures are the host's).
func runtime_debug_ReadGCStats(t *vm.Thread, a, r []rt.Value) {
	p := cellOf(t, a[0])
	if p == nil {
		return
	}
	m := t.Machine()
	st := m.LookupType("runtime/debug", "GCStats")
	fs := p.R.([]rt.Value)
	field := func(name string) *rt.Value { return &fs[vm.FieldIndex(st, name)] }
	var hs hostdebug.GCStats
	if q, _ := field("PauseQuantiles").R.([]rt.Value); len(q) > 0 {
		hs.PauseQuantiles = make([]time.Duration, len(q))
	}
	hostdebug.ReadGCStats(&hs)
	durations := func(ds []time.Duration) rt.Value {
		vs := make([]rt.Value, len(ds))
		for i, d := range ds {
			vs[i] = rt.Value{N: uint64(d)}
		}
		return rt.Value{R: vs}
	}
	*field("LastGC") = hostTimeValue(m, hs.LastGC)
	*field("NumGC") = rt.Value{N: uint64(hs.NumGC)}
	*field("PauseTotal") = rt.Value{N: uint64(hs.PauseTotal)}
	*field("Pause") = durations(hs.Pause)
	ends := make([]rt.Value, len(hs.PauseEnd))
	for i, e := range hs.PauseEnd {
		ends[i] = hostTimeValue(m, e)
	}
	*field("PauseEnd") = rt.Value{R: ends}
	if hs.PauseQuantiles != nil {
		q, _ := field("PauseQuantiles").R.([]rt.Value)
		for i, d := range hs.PauseQuantiles {
			q[i] = rt.Value{N: uint64(d)}
		}
	}
}

// runtime/debug.FreeOSMemory: func FreeOSMemory() — the host's heap is
// goro's too: the host collects it and returns what it can.
func runtime_debug_FreeOSMemory(t *vm.Thread, a, r []rt.Value) { hostdebug.FreeOSMemory() }

// runtime/debug.PrintStack: func PrintStack() — debug.Stack() on the
// program's standard error.
func runtime_debug_PrintStack(t *vm.Thread, a, r []rt.Value) {
	io.WriteString(t.Machine().Stderr, t.StackText(false))
}

// runtime/debug.SetMaxStack: func SetMaxStack(bytes int) int — the limit
// counts goro's stack, whose slots are 24 bytes (rt.SlotBytes).
func runtime_debug_SetMaxStack(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(t.Machine().RT.SetMaxStack(int(int64(a[0].N))))}
}

// runtime/debug.SetTraceback: func SetTraceback(level string) — what an
// unrecovered panic prints (vm.TracebackSetting). As under gc, it cannot
// show less than $GOTRACEBACK asks for.
func runtime_debug_SetTraceback(t *vm.Thread, a, r []rt.Value) {
	t.Machine().Traceback.Store(vm.TracebackSetting(vm.Str(a[0])))
}

// internal/chacha8rand.block: func block(seed *[4]uint64, blocks *[32]uint64, counter uint32)
//
// gc's is assembly, and its portable twin (block_generic) views the
// [32]uint64 as [16][4]uint32, which goro's cells cannot: this is ChaCha8
// on host words, in the layout chacha8rand reads — four blocks of 16 words
// interleaved, word k of block i at uint32 index 4k+i of the buffer (two to
// a uint64, low half first), the counter counter+i, and, as chacha8rand
// defines it, only the key words (4..11) added back after the rounds.
func internal_chacha8rand_block(t *vm.Thread, a, r []rt.Value) {
	seedCell, bufCell := cellOf(t, a[0]), cellOf(t, a[1])
	if seedCell == nil || bufCell == nil {
		return
	}
	seed, _ := seedCell.R.([]rt.Value)
	buf, _ := bufCell.R.([]rt.Value)
	if len(seed) != 4 || len(buf) != 32 {
		panic("goro: chacha8rand.block: unexpected array cells")
	}
	counter := uint32(a[2].N)
	var key [8]uint32
	for i, w := range seed {
		key[2*i], key[2*i+1] = uint32(w.N), uint32(w.N>>32)
	}
	var out [16][4]uint32
	for i := range 4 {
		var x [16]uint32
		x[0], x[1], x[2], x[3] = 0x61707865, 0x3320646e, 0x79622d32, 0x6b206574 // "expand 32-byte k"
		copy(x[4:12], key[:])
		x[12] = counter + uint32(i)
		for range 4 { // 8 rounds: a column and a diagonal round each time
			quarterRound(&x, 0, 4, 8, 12)
			quarterRound(&x, 1, 5, 9, 13)
			quarterRound(&x, 2, 6, 10, 14)
			quarterRound(&x, 3, 7, 11, 15)
			quarterRound(&x, 0, 5, 10, 15)
			quarterRound(&x, 1, 6, 11, 12)
			quarterRound(&x, 2, 7, 8, 13)
			quarterRound(&x, 3, 4, 9, 14)
		}
		for k := range 16 {
			out[k][i] = x[k]
			if k >= 4 && k < 12 {
				out[k][i] += key[k-4]
			}
		}
	}
	for k := range 16 {
		buf[2*k] = rt.Value{N: uint64(out[k][0]) | uint64(out[k][1])<<32}
		buf[2*k+1] = rt.Value{N: uint64(out[k][2]) | uint64(out[k][3])<<32}
	}
}

// quarterRound is ChaCha's quarter round on words a, b, c, d of x.
func quarterRound(x *[16]uint32, a, b, c, d int) {
	x[a] += x[b]
	x[d] = bits.RotateLeft32(x[d]^x[a], 16)
	x[c] += x[d]
	x[b] = bits.RotateLeft32(x[b]^x[c], 12)
	x[a] += x[b]
	x[d] = bits.RotateLeft32(x[d]^x[a], 8)
	x[c] += x[d]
	x[b] = bits.RotateLeft32(x[b]^x[c], 7)
}

// internal/cpu.Name: func Name() string — the CPU's brand string, which gc
// reads with CPUID. goro reads none: "", and internal/sysinfo then asks
// the OS (/proc/cpuinfo), as it does under gc where CPUID has no name.
func internal_cpu_Name(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: ""} }

// vendor/golang.org/x/sys/cpu.cpuid: func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)
//
// x/sys/cpu (crypto/tls's chacha20poly1305 imports it) asks the processor
// at start-up. goro answers as a processor with no leaves beyond 0, so
// that every feature reads false, as internal/cpu's do under goro: the
// library's generic Go code runs, never an assembly path goro lacks.
func vendor_golang_org_x_sys_cpu_cpuid(t *vm.Thread, a, r []rt.Value) { clear(r) }

// vendor/golang.org/x/sys/cpu.xgetbv: func xgetbv() (eax, edx uint32) — no
// extended state enabled (unreached after cpuid's answer).
func vendor_golang_org_x_sys_cpu_xgetbv(t *vm.Thread, a, r []rt.Value) { clear(r) }

// vendor/golang.org/x/sys/cpu.runtime_getAuxv: func runtime_getAuxv() []uintptr
// (runtime.getAuxv): the process's auxiliary vector, read from
// /proc/self/auxv; nil where it cannot be read, as gc's on a system
// without one.
func vendor_golang_org_x_sys_cpu_runtime_getAuxv(t *vm.Thread, a, r []rt.Value) {
	b, err := os.ReadFile("/proc/self/auxv")
	if err != nil || len(b)%8 != 0 {
		r[0] = rt.Value{}
		return
	}
	vs := make([]rt.Value, len(b)/8)
	for i := range vs {
		vs[i] = rt.Value{N: binary.NativeEndian.Uint64(b[8*i:])}
	}
	r[0] = rt.Value{R: vs}
}

// golang.org/x/sys/cpu as a module — golang.org/x/crypto imports it, so
// every program using x/crypto's ciphers and hashes does — declares the
// assembly functions of the standard library's vendored copy: they are
// the same natives, bound where the module's signatures are these.
var sysCPUNatives = map[string]vm.ModuleNative{
	"golang.org/x/sys/cpu.cpuid":           {Sig: "func(eaxArg uint32, ecxArg uint32) (eax uint32, ebx uint32, ecx uint32, edx uint32)", Fn: vendor_golang_org_x_sys_cpu_cpuid},
	"golang.org/x/sys/cpu.runtime_getAuxv": {Sig: "func() []uintptr", Fn: vendor_golang_org_x_sys_cpu_runtime_getAuxv},
	"golang.org/x/sys/cpu.xgetbv":          {Sig: "func() (eax uint32, edx uint32)", Fn: vendor_golang_org_x_sys_cpu_xgetbv},
}

func init() { vm.RegisterModuleNatives(sysCPUNatives) }

// runtime.Breakpoint: func Breakpoint() — gc executes a trap instruction,
// and with no debugger attached SIGTRAP ends the program with its dump.
func runtime_Breakpoint(t *vm.Thread, a, r []rt.Value) {
	t.Signalled("SIGTRAP: trace trap\nPC=0x0 m=0 sigcode=128")
}

// runtime.KeepAlive: func KeepAlive(x any)
func runtime_KeepAlive(t *vm.Thread, a, r []rt.Value) {}

// runtime.LockOSThread: func LockOSThread()
func runtime_LockOSThread(t *vm.Thread, a, r []rt.Value) { t.Machine().RT.LockOSThread(t.G()) }

// runtime.UnlockOSThread: func UnlockOSThread()
func runtime_UnlockOSThread(t *vm.Thread, a, r []rt.Value) { t.Machine().RT.UnlockOSThread(t.G()) }

// runtime.Version: func Version() string
func runtime_Version(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: goruntime.Version()} }

// runtime.ReadMemStats: func ReadMemStats(m *MemStats)
func runtime_ReadMemStats(t *vm.Thread, a, r []rt.Value) {
	var ms goruntime.MemStats
	goruntime.ReadMemStats(&ms)
	p, _ := a[0].R.(*rt.Value)
	if p == nil {
		t.PanicRuntime("invalid memory address or nil pointer dereference")
		return
	}
	mt := t.Machine().LookupType("runtime", "MemStats")
	fs := p.R.([]rt.Value)
	set := func(name string, v uint64) {
		if i := vm.FieldIndex(mt, name); i >= 0 {
			fs[i] = rt.Value{N: v}
		}
	}
	// What the program allocated is counted in its own terms (TotalAlloc
	// and Mallocs: rt AllocStats, which testing.AllocsPerRun and a
	// benchmark's allocs/op read: the host's count would be swamped by the
	// interpreter's own allocations, 15 in a ReadMemStats alone); what is
	// live and what the collector did are the host's, whose heap holds the
	// program's values (Alloc, HeapAlloc, HeapObjects, Frees, NumGC...).
	count, bytes := t.Machine().RT.AllocStats(t.G())
	set("Alloc", ms.Alloc)
	set("TotalAlloc", uint64(bytes))
	set("Sys", ms.Sys)
	set("Mallocs", uint64(count))
	set("Frees", ms.Frees)
	set("HeapAlloc", ms.HeapAlloc)
	set("HeapSys", ms.HeapSys)
	set("HeapIdle", ms.HeapIdle)
	set("HeapInuse", ms.HeapInuse)
	set("HeapObjects", ms.HeapObjects)
	set("NumGC", uint64(ms.NumGC))
}

// iter.Pull's coroutines: a *iter.coro is a cell whose R holds the
// *rt.Coro.

// iter.newcoro: func newcoro(func(*coro)) *coro
func iter_newcoro(t *vm.Thread, a, r []rt.Value) {
	cell := new(rt.Value)
	c := t.Machine().NewCoro(t, a[0], []rt.Value{{R: cell}})
	cell.R = c
	r[0] = rt.Value{R: cell}
}

// iter.coroswitch: func coroswitch(*coro)
func iter_coroswitch(t *vm.Thread, a, r []rt.Value) {
	if t.Resuming() {
		return
	}
	cell := cellOf(t, a[0])
	if cell == nil {
		return
	}
	t.Machine().RT.Coroswitch(t.G(), cell.R.(*rt.Coro))
	t.Parked()
}

// internal/godebug: settings read from $GODEBUG. A *godebug.Setting is a
// cell whose R is the setting's name (the struct's fields are not used).

// runtime_rand serves math/rand's, math/rand/v2's, internal/sync's, os's,
// net's (DNS query ids) and unique's runtime_rand, each linknamed to runtime.rand (hash/maphash's purego
// variant, which goro loads, draws from crypto/rand, GetRandom):
// func runtime_rand() uint64
//
// The standard library's random sources draw on the runtime's seeded
// source (invariant 4: a seed reproduces a run).
func runtime_rand(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: t.Machine().RT.Rand(t.G())} }

// internal/godebug.New: func New(name string) *Setting
func internal_godebug_New(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: &rt.Value{R: vm.Str(a[0])}}
}

// (*internal/godebug.Setting).Name: func (s *Setting) Name() string
func internal_godebug_Setting_Name(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: godebugName(a[0])}
}

// (*internal/godebug.Setting).String: func (s *Setting) String() string
func internal_godebug_Setting_String(t *vm.Thread, a, r []rt.Value) {
	n := godebugName(a[0])
	r[0] = rt.Value{R: n + "=" + godebugValue(n)}
}

// (*internal/godebug.Setting).Value: func (s *Setting) Value() string
func internal_godebug_Setting_Value(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: godebugValue(godebugName(a[0]))}
}

// (*internal/godebug.Setting).Undocumented: func (s *Setting) Undocumented() bool
func internal_godebug_Setting_Undocumented(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{} }

// (*internal/godebug.Setting).IncNonDefault: func (s *Setting) IncNonDefault()
// — counted per program for runtime/metrics'
// /godebug/non-default-behavior/<name>:events (metrics.go).
func internal_godebug_Setting_IncNonDefault(t *vm.Thread, a, r []rt.Value) {
	nonDefaultCount(t.Machine(), godebugName(a[0])).Add(1)
}

// Stacks and callers: runtime.Stack, Caller, Callers, FuncForPC and
// CallersFrames over goro's frames. A pc is an index into the machine's
// table of call sites; a *runtime.Func or *runtime.Frames is a cell whose R
// holds goro's data.

// runtime.Stack: func Stack(buf []byte, all bool) int
func runtime_Stack(t *vm.Thread, a, r []rt.Value) {
	s := t.StackText(a[1].N != 0)
	buf, _ := a[0].R.([]rt.Value)
	n := min(len(buf), len(s))
	for i := 0; i < n; i++ {
		buf[i] = rt.Value{N: uint64(s[i])}
	}
	r[0] = rt.Value{N: uint64(n)}
}

// runtime/debug.Stack: func Stack() []byte
func runtime_debug_Stack(t *vm.Thread, a, r []rt.Value) {
	r[0] = vm.BytesToValues([]byte(t.StackText(false)))
}

// runtime.Caller: func Caller(skip int) (pc uintptr, file string, line int, ok bool)
func runtime_Caller(t *vm.Thread, a, r []rt.Value) {
	pcs := t.Callers(int(int64(a[0].N)))
	if len(pcs) == 0 {
		return
	}
	_, file, line, ok := t.Machine().PCInfo(pcs[0])
	r[0], r[1], r[2], r[3] = rt.Value{N: uint64(pcs[0])}, rt.Value{R: file}, rt.Value{N: uint64(line)}, boolV(ok)
}

// runtime.Callers: func Callers(skip int, pc []uintptr) int
func runtime_Callers(t *vm.Thread, a, r []rt.Value) {
	// skip 0 is runtime.Callers itself, which has no frame here: its pc
	// is made as gc's stacks show it.
	skip := int(int64(a[0].N))
	pcs := t.Callers(max(skip-1, 0))
	if skip <= 0 {
		self := t.Machine().RuntimePC("runtime.Callers", "extern.go", "func Callers(", "return callers(")
		pcs = append([]uintptr{self}, pcs...)
	}
	out, _ := a[1].R.([]rt.Value)
	n := min(len(out), len(pcs))
	for i := 0; i < n; i++ {
		out[i] = rt.Value{N: uint64(pcs[i])}
	}
	r[0] = rt.Value{N: uint64(n)}
}

// runtime.FuncForPC: func FuncForPC(pc uintptr) *Func
//
// One *Func per function, as gc's (FuncForPC(pc) == FuncForPC(entry)),
// holding its entry pc.
func runtime_FuncForPC(t *vm.Thread, a, r []rt.Value) {
	m := t.Machine()
	entry, ok := m.PCEntry(uintptr(a[0].N))
	if !ok {
		r[0] = rt.Value{} // nil
		return
	}
	v, _ := m.LibState.LoadOrStore(funcsKey{}, &funcTable{cells: map[uintptr]*rt.Value{}})
	ft := v.(*funcTable)
	ft.mu.Lock()
	defer ft.mu.Unlock()
	c := ft.cells[entry]
	if c == nil {
		c = &rt.Value{R: entry}
		ft.cells[entry] = c
	}
	r[0] = rt.Value{R: c}
}

type funcsKey struct{}

// funcTable holds a program's *runtime.Func cells, by entry pc.
type funcTable struct {
	mu    sync.Mutex
	cells map[uintptr]*rt.Value
}

// (*runtime.Func).Name: func (f *Func) Name() string
func runtime_Func_Name(t *vm.Thread, a, r []rt.Value) {
	name, _, _, _ := t.Machine().PCInfo(pcOf(a[0]))
	r[0] = rt.Value{R: name}
}

// (*runtime.Func).Entry: func (f *Func) Entry() uintptr
func runtime_Func_Entry(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(pcOf(a[0]))} }

// (*runtime.Func).FileLine: func (f *Func) FileLine(pc uintptr) (file string, line int)
func runtime_Func_FileLine(t *vm.Thread, a, r []rt.Value) {
	_, file, line, _ := t.Machine().PCInfo(uintptr(a[1].N))
	r[0], r[1] = rt.Value{R: file}, rt.Value{N: uint64(line)}
}

// runtime.CallersFrames: func CallersFrames(callers []uintptr) *Frames
func runtime_CallersFrames(t *vm.Thread, a, r []rt.Value) {
	in, _ := a[0].R.([]rt.Value)
	pcs := make([]uintptr, len(in))
	for i := range in {
		pcs[i] = uintptr(in[i].N)
	}
	r[0] = rt.Value{R: &rt.Value{R: pcs}}
}

// (*runtime.Frames).Next: func (ci *Frames) Next() (frame Frame, more bool)
func runtime_Frames_Next(t *vm.Thread, a, r []rt.Value) {
	p := cellOf(t, a[0])
	if p == nil {
		return
	}
	pcs, _ := p.R.([]uintptr)
	m := t.Machine()
	ft := m.LookupType("runtime", "Frame")
	frame := ft.Zero()
	if len(pcs) > 0 {
		name, file, line, _ := m.PCInfo(pcs[0])
		fs := frame.R.([]rt.Value)
		set := func(field string, v rt.Value) {
			if i := vm.FieldIndex(ft, field); i >= 0 {
				fs[i] = v
			}
		}
		set("PC", rt.Value{N: uint64(pcs[0])})
		set("Function", rt.Value{R: name})
		set("File", rt.Value{R: file})
		set("Line", rt.Value{N: uint64(line)})
		set("Entry", rt.Value{N: uint64(pcs[0])})
		set("Func", rt.Value{R: &rt.Value{R: pcs[0]}})
		p.R = pcs[1:]
	}
	r[0], r[1] = frame, boolV(len(pcs) > 1)
}

// godebugName is a *godebug.Setting's name.
func godebugName(v rt.Value) string {
	if p, _ := v.R.(*rt.Value); p != nil {
		s, _ := p.R.(string)
		return strings.TrimPrefix(s, "#")
	}
	return ""
}

// godebugValue returns name's value in $GODEBUG (the last one wins), or "".
func godebugValue(name string) string {
	v := ""
	for _, kv := range strings.Split(os.Getenv("GODEBUG"), ",") {
		if k, val, ok := strings.Cut(kv, "="); ok && k == name {
			v = val
		}
	}
	return v
}

type gcPercentKey struct{}

// pcOf is the pc a *runtime.Func holds.
func pcOf(v rt.Value) uintptr {
	if p, _ := v.R.(*rt.Value); p != nil {
		pc, _ := p.R.(uintptr)
		return pc
	}
	return 0
}

// maps.clone: func clone(m any) any
//
// The runtime half of maps.Clone: a new map of m's type with m's entries.
func maps_clone(t *vm.Thread, a, r []rt.Value) {
	iv, ok := a[0].R.(vm.Iface)
	if !ok {
		r[0] = rt.Value{}
		return
	}
	src, _ := iv.V.R.(*vm.Map)
	if src == nil {
		r[0] = a[0]
		return
	}
	mt := iv.T
	dst := vm.NewMap(mt)
	keys, vals := src.Entries(0)
	for i := range keys {
		dst.Set(vm.CopyDeep(mt.Key, keys[i]), vm.CopyDeep(mt.Elem, vals[i]))
	}
	r[0] = rt.Value{R: vm.Iface{T: mt, V: rt.Value{R: dst}}}
}

// runtime/debug.SetCrashOutput: func SetCrashOutput(f *os.File, opts CrashOptions) error
//
// As gc, f is duplicated (the caller may close it); fatal output then goes
// to the copy besides stderr (rt.SetCrashOutput). A nil f stops it.
func runtime_debug_SetCrashOutput(t *vm.Thread, a, r []rt.Value) {
	m := t.Machine()
	hf := fileOf(t, a[0])
	switch {
	case hf == nil:
		m.RT.SetCrashOutput(nil)
	case hf.f == nil:
		m.RT.SetCrashOutput(nopCloser{hf.w}) // the program's stdout or stderr
	default:
		fd, err := syscall.Dup(int(hf.f.Fd()))
		if err != nil {
			r[0] = osError(t, err)
			return
		}
		m.RT.SetCrashOutput(os.NewFile(uintptr(fd), hf.f.Name()))
	}
	r[0] = rt.Value{}
}

// nopCloser is a writer the crash output does not close.
type nopCloser struct {
	w interface{ Write([]byte) (int, error) }
}

func (n nopCloser) Write(b []byte) (int, error) { return n.w.Write(b) }
func (n nopCloser) Close() error                { return nil }

// runtime/debug.WriteHeapDump: func WriteHeapDump(fd uintptr) — refused by
// name: gc's dump format describes gc's heap (spans, its type
// descriptors, its stacks), and goro's values live in the host's heap as
// cells; a heap profile (pprof) is what goro can write.
func runtime_debug_WriteHeapDump(t *vm.Thread, a, r []rt.Value) {
	t.Unsupported("runtime/debug.WriteHeapDump (gc's heap dump format describes gc's heap; goro's values live in the host's)")
}
