package lib

// runtime/pprof's runtime hooks. runtime/pprof itself is interpreted from
// source (lib.go's interpreted table): its profile builders, label sets
// and writers are the library's own, so goroutine profiles come out in
// gc's formats — debug=0 the gzipped protobuf `go tool pprof` reads,
// debug=1 the counted text, debug=2 every stack. What it asks the runtime
// for is here: a G's labels (rt.G.Labels; the Gs it starts inherit them),
// the goroutine profile (a snapshot with the world stopped,
// rt.GoroutineProfile), frames' symbols. Profiles goro does not record are
// refused by name where a program turns them on or writes them: CPU
// (runtime.SetCPUProfileRate), block and mutex profiles at a non-zero
// rate; their counts read 0, so a program that lists the profiles
// (net/http/pprof's index) runs. Heap and allocs profiles are the VM's
// sampled allocations (runtime.MemProfile: vm/mprof.go).

import (
	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() { vm.RegisterNatives(pprofNatives) }

// pprofNatives binds these functions by their ssa names (sorted).
var pprofNatives = map[string]vm.NativeFunc{
	"runtime.BlockProfile":                               profileEmpty,
	"runtime.MemProfile":                                 runtime_MemProfile,
	"runtime.MutexProfile":                               profileEmpty,
	"runtime.SetBlockProfileRate":                        runtime_SetBlockProfileRate,
	"runtime.SetCPUProfileRate":                          runtime_SetCPUProfileRate,
	"runtime.SetMutexProfileFraction":                    runtime_SetMutexProfileFraction,
	"runtime.ThreadCreateProfile":                        profileEmpty,
	"runtime/pprof.pprof_blockProfileInternal":           profileEmpty,
	"runtime/pprof.pprof_cyclesPerSecond":                runtime_pprof_cyclesPerSecond,
	"runtime/pprof.pprof_fpunwindExpand":                 runtime_pprof_fpunwindExpand,
	"runtime/pprof.pprof_goroutineLeakProfileWithLabels": runtime_pprof_goroutineLeakProfileWithLabels,
	"runtime/pprof.pprof_goroutineProfileWithLabels":     runtime_pprof_goroutineProfileWithLabels,
	"runtime/pprof.pprof_makeProfStack":                  runtime_pprof_makeProfStack,
	"runtime/pprof.pprof_memProfileInternal":             runtime_pprof_memProfileInternal,
	"runtime/pprof.pprof_mutexProfileInternal":           profileEmpty,
	"runtime/pprof.pprof_threadCreateInternal":           profileEmpty,
	"runtime/pprof.runtime_FrameStartLine":               runtime_pprof_runtime_FrameStartLine,
	"runtime/pprof.runtime_FrameSymbolName":              runtime_pprof_runtime_FrameSymbolName,
	"runtime/pprof.runtime_expandFinalInlineFrame":       runtime_pprof_runtime_expandFinalInlineFrame,
	"runtime/pprof.runtime_getProfLabel":                 runtime_pprof_runtime_getProfLabel,
	"runtime/pprof.runtime_goroutineLeakGC":              runtime_pprof_runtime_goroutineLeakGC,
	"runtime/pprof.runtime_goroutineleakcount":           runtime_pprof_runtime_goroutineleakcount,
	"runtime/pprof.runtime_setProfLabel":                 runtime_pprof_runtime_setProfLabel,
}

// runtime/pprof.runtime_setProfLabel: func runtime_setProfLabel(labels unsafe.Pointer)
//
// labels is a *labelMap (struct{ label.Set }, Set a struct{ List []Label }):
// its pairs are read once here, for tracebacks, and the pointer is kept to
// hand back (runtime/pprof never changes a labelMap once made).
func runtime_pprof_runtime_setProfLabel(t *vm.Thread, a, r []rt.Value) {
	if a[0].R == nil {
		t.G().SetLabels(nil)
		return
	}
	l := &rt.Labels{Ptr: a[0]}
	if cell, _ := a[0].R.(*rt.Value); cell != nil {
		if m, _ := cell.R.([]rt.Value); len(m) == 1 {
			if set, _ := m[0].R.([]rt.Value); len(set) == 1 {
				list, _ := set[0].R.([]rt.Value)
				for _, kv := range list {
					if f, _ := kv.R.([]rt.Value); len(f) == 2 {
						l.List = append(l.List, rt.Label{Key: vm.Str(f[0]), Value: vm.Str(f[1])})
					}
				}
			}
		}
	}
	t.G().SetLabels(l)
}

// runtime/pprof.runtime_getProfLabel: func runtime_getProfLabel() unsafe.Pointer
func runtime_pprof_runtime_getProfLabel(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{}
	if l := t.G().Labels(); l != nil {
		r[0] = l.Ptr
	}
}

// runtime/pprof.pprof_goroutineProfileWithLabels:
// func pprof_goroutineProfileWithLabels(p []profilerecord.StackRecord, labels []unsafe.Pointer) (n int, ok bool)
func runtime_pprof_goroutineProfileWithLabels(t *vm.Thread, a, r []rt.Value) {
	goroutineProfile(t, a, r, false)
}

// runtime/pprof.pprof_goroutineLeakProfileWithLabels: the same signature,
// the leaked Gs only (none while the program runs: see rt.GoroutineProfile).
func runtime_pprof_goroutineLeakProfileWithLabels(t *vm.Thread, a, r []rt.Value) {
	goroutineProfile(t, a, r, true)
}

// runtime/pprof.runtime_goroutineLeakGC: func runtime_goroutineLeakGC() —
// gc finds leaks with a collection; goro knows them when the program ends.
func runtime_pprof_runtime_goroutineLeakGC(t *vm.Thread, a, r []rt.Value) {}

// runtime/pprof.runtime_goroutineleakcount: func runtime_goroutineleakcount() int
func runtime_pprof_runtime_goroutineleakcount(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{} }

// goroutineProfile fills p (a StackRecord's one field is Stack []uintptr)
// and labels as far as they go; ok says whether every G fitted.
func goroutineProfile(t *vm.Thread, a, r []rt.Value, leaked bool) {
	gs := t.GoroutineProfile(leaked)
	p, _ := a[0].R.([]rt.Value)
	labels, _ := a[1].R.([]rt.Value)
	r[0] = rt.Value{N: uint64(len(gs))}
	if len(p) < len(gs) || len(labels) < len(gs) {
		r[1] = boolV(false)
		return
	}
	for i, g := range gs {
		if rec, _ := p[i].R.([]rt.Value); len(rec) == 1 {
			rec[0] = uintptrs(g.PCs)
		}
		labels[i] = rt.Value{}
		if g.Labels != nil {
			labels[i] = g.Labels.Ptr
		}
	}
	r[1] = boolV(true)
}

// uintptrs is pcs as a []uintptr value.
func uintptrs(pcs []uintptr) rt.Value {
	s := make([]rt.Value, len(pcs))
	for i, pc := range pcs {
		s[i] = rt.Value{N: uint64(pc)}
	}
	return rt.Value{R: s}
}

// profileEmpty serves the profiles goro keeps no records for while their
// rate is 0 (block, mutex) and thread creation (goro's Ms are the host's,
// made by no goroutine): func(p []Record...) (n int, ok bool) = 0, true.
func profileEmpty(t *vm.Thread, a, r []rt.Value) { r[0], r[1] = rt.Value{}, boolV(true) }

// runtime.MemProfile: func MemProfile(p []MemProfileRecord, inuseZero bool) (n int, ok bool)
func runtime_MemProfile(t *vm.Thread, a, r []rt.Value) {
	memProfile(t, a, r, t.Machine().LookupType("runtime", "MemProfileRecord"))
}

// runtime/pprof.pprof_memProfileInternal: func pprof_memProfileInternal(p []profilerecord.MemProfileRecord, inuseZero bool) (n int, ok bool)
func runtime_pprof_memProfileInternal(t *vm.Thread, a, r []rt.Value) {
	memProfile(t, a, r, t.Machine().LookupType("internal/profilerecord", "MemProfileRecord"))
}

// memProfile fills p, records of type rec (a Stack0 array or a Stack
// slice), with the sampled allocations by call stack (vm/mprof.go): n
// records, those of objects all freed only with inuseZero; ok when p
// holds them.
func memProfile(t *vm.Thread, a, r []rt.Value, rec *vm.Type) {
	p, _ := a[0].R.([]rt.Value)
	inuseZero := a[1].N != 0
	var recs []vm.MemRecord
	for _, mr := range t.Machine().MemProfile() {
		if inuseZero || mr.AllocBytes != mr.FreeBytes {
			recs = append(recs, mr)
		}
	}
	r[0], r[1] = rt.Value{N: uint64(len(recs))}, boolV(len(recs) <= len(p))
	if len(recs) > len(p) || rec == nil {
		return
	}
	for i, mr := range recs {
		fs, _ := p[i].R.([]rt.Value)
		if fs == nil {
			continue
		}
		set := func(name string, v int64) {
			if j := vm.FieldIndex(rec, name); j >= 0 {
				fs[j] = rt.Value{N: uint64(v)}
			}
		}
		set("AllocBytes", mr.AllocBytes)
		set("FreeBytes", mr.FreeBytes)
		set("AllocObjects", mr.AllocObjects)
		set("FreeObjects", mr.FreeObjects)
		if j := vm.FieldIndex(rec, "Stack0"); j >= 0 {
			stk, _ := fs[j].R.([]rt.Value) // the record's own array: filled in place
			if stk == nil {
				stk = make([]rt.Value, 32)
				fs[j] = rt.Value{R: stk}
			}
			for k := range stk {
				stk[k] = rt.Value{}
				if k < len(mr.PCs) {
					stk[k] = rt.Value{N: uint64(mr.PCs[k])}
				}
			}
		} else if j := vm.FieldIndex(rec, "Stack"); j >= 0 {
			fs[j] = uintptrs(mr.PCs)
		}
	}
}

// runtime.SetCPUProfileRate: func SetCPUProfileRate(hz int)
func runtime_SetCPUProfileRate(t *vm.Thread, a, r []rt.Value) {
	if int64(a[0].N) > 0 {
		t.Unsupported("CPU profiles (runtime.SetCPUProfileRate)")
	}
}

// runtime.SetBlockProfileRate: func SetBlockProfileRate(rate int)
func runtime_SetBlockProfileRate(t *vm.Thread, a, r []rt.Value) {
	if int64(a[0].N) > 0 {
		t.Unsupported("block profiles (runtime.SetBlockProfileRate)")
	}
}

// runtime.SetMutexProfileFraction: func SetMutexProfileFraction(rate int) int
// — the previous rate, always 0.
func runtime_SetMutexProfileFraction(t *vm.Thread, a, r []rt.Value) {
	if int64(a[0].N) > 0 {
		t.Unsupported("mutex profiles (runtime.SetMutexProfileFraction)")
	}
	r[0] = rt.Value{}
}

// runtime/pprof.pprof_cyclesPerSecond: func pprof_cyclesPerSecond() int64 —
// goro's ticks are its clock's nanoseconds.
func runtime_pprof_cyclesPerSecond(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: 1e9} }

// runtime/pprof.pprof_fpunwindExpand: func pprof_fpunwindExpand(dst, src []uintptr) int
// — goro's pcs are never frame-pointer pcs: a copy.
func runtime_pprof_fpunwindExpand(t *vm.Thread, a, r []rt.Value) {
	dst, _ := a[0].R.([]rt.Value)
	src, _ := a[1].R.([]rt.Value)
	r[0] = rt.Value{N: uint64(copy(dst, src))}
}

// runtime/pprof.pprof_makeProfStack: func pprof_makeProfStack() []uintptr
func runtime_pprof_makeProfStack(t *vm.Thread, a, r []rt.Value) {
	r[0] = uintptrs(make([]uintptr, 128))
}

// runtime/pprof.runtime_expandFinalInlineFrame: func runtime_expandFinalInlineFrame(stk []uintptr) []uintptr
// — goro inlines nothing.
func runtime_pprof_runtime_expandFinalInlineFrame(t *vm.Thread, a, r []rt.Value) { r[0] = a[0] }

// runtime/pprof.runtime_FrameStartLine: func runtime_FrameStartLine(f *runtime.Frame) int
func runtime_pprof_runtime_FrameStartLine(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(t.Machine().PCStartLine(framePC(t, a[0])))}
}

// runtime/pprof.runtime_FrameSymbolName: func runtime_FrameSymbolName(f *runtime.Frame) string
func runtime_pprof_runtime_FrameSymbolName(t *vm.Thread, a, r []rt.Value) {
	name, _, _, _ := t.Machine().PCInfo(framePC(t, a[0]))
	r[0] = rt.Value{R: name}
}

// framePC is the PC of the *runtime.Frame f.
func framePC(t *vm.Thread, f rt.Value) uintptr {
	cell := cellOf(t, f)
	if cell == nil {
		return 0
	}
	fs, _ := cell.R.([]rt.Value)
	if i := vm.FieldIndex(t.Machine().LookupType("runtime", "Frame"), "PC"); i >= 0 && i < len(fs) {
		return uintptr(fs[i].N)
	}
	return 0
}
