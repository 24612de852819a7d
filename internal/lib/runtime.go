// package runtime: goroutine control and the runtime's error types, on rt.
package lib

import (
	"os"
	goruntime "runtime"
	"strings"
	"sync/atomic"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	reg := vm.RegisterNative
	reg("(runtime.errorString).Error", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = rt.Value{R: "runtime error: " + vm.Str(a[0])}
	})
	reg("(runtime.errorString).RuntimeError", func(t *vm.Thread, a, r []rt.Value) {})
	reg("(runtime.plainError).Error", func(t *vm.Thread, a, r []rt.Value) { r[0] = a[0] })
	reg("(runtime.plainError).RuntimeError", func(t *vm.Thread, a, r []rt.Value) {})
	reg("(*runtime.TypeAssertionError).Error", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = rt.Value{R: t.Machine().TypeAssertionText(a[0])}
	})
	reg("(*runtime.TypeAssertionError).RuntimeError", func(t *vm.Thread, a, r []rt.Value) {})
	reg("(*runtime.PanicNilError).Error", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = rt.Value{R: "panic called with nil argument"}
	})
	reg("(*runtime.PanicNilError).RuntimeError", func(t *vm.Thread, a, r []rt.Value) {})

	// testing/synctest bubbles are not supported yet: nothing is in one.
	reg("internal/synctest.IsInBubble", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{} })
	reg("internal/synctest.associate", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{} })
	reg("internal/synctest.disassociate", func(t *vm.Thread, a, r []rt.Value) {})
	reg("internal/synctest.isAssociated", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{} })

	reg("runtime.Gosched", func(t *vm.Thread, a, r []rt.Value) { t.Yield() })
	reg("runtime.Goexit", func(t *vm.Thread, a, r []rt.Value) { t.Goexit() })
	reg("runtime.GOMAXPROCS", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = rt.Value{N: uint64(t.Machine().RT.GOMAXPROCS(int(int64(a[0].N))))}
	})
	reg("runtime.NumGoroutine", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = rt.Value{N: uint64(t.Machine().RT.NumGoroutine())}
	})
	reg("runtime.NumCPU", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(goruntime.NumCPU())} })
	reg("runtime.GC", func(t *vm.Thread, a, r []rt.Value) { goruntime.GC() })
	reg("runtime.GOROOT", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: goruntime.GOROOT()} })
	reg("syscall.Getpid", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(os.Getpid())} })
	reg("runtime/debug.SetGCPercent", func(t *vm.Thread, a, r []rt.Value) {
		// Recorded per program, not applied: the heap is the host's, and a
		// program must not steer its host's collector.
		v, _ := t.Machine().LibState.LoadOrStore(gcPercentKey{}, new(atomic.Int64))
		p := v.(*atomic.Int64)
		p.CompareAndSwap(0, 100)
		r[0] = rt.Value{N: uint64(p.Swap(int64(a[0].N)))}
	})
	reg("runtime.KeepAlive", func(t *vm.Thread, a, r []rt.Value) {})
	reg("runtime.SetFinalizer", func(t *vm.Thread, a, r []rt.Value) {})
	reg("runtime.LockOSThread", func(t *vm.Thread, a, r []rt.Value) { t.Machine().RT.LockOSThread(t.G()) })
	reg("runtime.UnlockOSThread", func(t *vm.Thread, a, r []rt.Value) { t.Machine().RT.UnlockOSThread(t.G()) })
	reg("runtime.Version", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: goruntime.Version()} })
	reg("runtime.ReadMemStats", func(t *vm.Thread, a, r []rt.Value) {
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
		set("Alloc", ms.Alloc)
		set("TotalAlloc", ms.TotalAlloc)
		set("Sys", ms.Sys)
		set("Mallocs", ms.Mallocs)
		set("Frees", ms.Frees)
		set("HeapAlloc", ms.HeapAlloc)
		set("HeapSys", ms.HeapSys)
		set("HeapIdle", ms.HeapIdle)
		set("HeapInuse", ms.HeapInuse)
		set("HeapObjects", ms.HeapObjects)
		set("NumGC", uint64(ms.NumGC))
	})
}

// iter.Pull's coroutines: a *iter.coro is a cell whose R holds the
// *rt.Coro.
func init() {
	vm.RegisterNative("iter.newcoro", func(t *vm.Thread, a, r []rt.Value) {
		cell := new(rt.Value)
		c := t.Machine().NewCoro(t, a[0], []rt.Value{{R: cell}})
		cell.R = c
		r[0] = rt.Value{R: cell}
	})
	vm.RegisterNative("iter.coroswitch", func(t *vm.Thread, a, r []rt.Value) {
		if t.Resuming() {
			return
		}
		cell := cellOf(t, a[0])
		if cell == nil {
			return
		}
		t.Machine().RT.Coroswitch(t.G(), cell.R.(*rt.Coro))
		t.Parked()
	})
}

// internal/godebug: settings read from $GODEBUG. A *godebug.Setting is a
// cell whose R is the setting's name (the struct's fields are not used).
func init() {
	reg := vm.RegisterNative
	name := func(v rt.Value) string {
		if p, _ := v.R.(*rt.Value); p != nil {
			s, _ := p.R.(string)
			return strings.TrimPrefix(s, "#")
		}
		return ""
	}
	// The standard library's random sources draw on the runtime's seeded
	// source (invariant 4: a seed reproduces a run).
	for _, pkg := range []string{"math/rand", "math/rand/v2", "hash/maphash", "internal/sync", "os"} {
		reg(pkg+".runtime_rand", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: t.Machine().RT.Rand(t.G())} })
	}
	reg("internal/godebug.New", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: &rt.Value{R: vm.Str(a[0])}} })
	reg("(*internal/godebug.Setting).Name", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: name(a[0])} })
	reg("(*internal/godebug.Setting).String", func(t *vm.Thread, a, r []rt.Value) {
		n := name(a[0])
		r[0] = rt.Value{R: n + "=" + godebugValue(n)}
	})
	reg("(*internal/godebug.Setting).Value", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: godebugValue(name(a[0]))} })
	reg("(*internal/godebug.Setting).Undocumented", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{} })
	reg("(*internal/godebug.Setting).IncNonDefault", func(t *vm.Thread, a, r []rt.Value) {})
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

// Stacks and callers: runtime.Stack, Caller, Callers, FuncForPC and
// CallersFrames over goro's frames. A pc is an index into the machine's
// table of call sites; a *runtime.Func or *runtime.Frames is a cell whose R
// holds goro's data.
func init() {
	reg := vm.RegisterNative
	reg("runtime.Stack", func(t *vm.Thread, a, r []rt.Value) {
		s := t.StackText(a[1].N != 0)
		buf, _ := a[0].R.([]rt.Value)
		n := min(len(buf), len(s))
		for i := 0; i < n; i++ {
			buf[i] = rt.Value{N: uint64(s[i])}
		}
		r[0] = rt.Value{N: uint64(n)}
	})
	reg("runtime/debug.Stack", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = vm.BytesToValues([]byte(t.StackText(false)))
	})
	reg("runtime.Caller", func(t *vm.Thread, a, r []rt.Value) {
		pcs := t.Callers(int(int64(a[0].N)))
		if len(pcs) == 0 {
			return
		}
		_, file, line, ok := t.Machine().PCInfo(pcs[0])
		r[0], r[1], r[2], r[3] = rt.Value{N: uint64(pcs[0])}, rt.Value{R: file}, rt.Value{N: uint64(line)}, boolV(ok)
	})
	reg("runtime.Callers", func(t *vm.Thread, a, r []rt.Value) {
		// skip 0 is runtime.Callers itself, which has no frame here.
		pcs := t.Callers(max(int(int64(a[0].N))-1, 0))
		out, _ := a[1].R.([]rt.Value)
		n := min(len(out), len(pcs))
		for i := 0; i < n; i++ {
			out[i] = rt.Value{N: uint64(pcs[i])}
		}
		r[0] = rt.Value{N: uint64(n)}
	})
	pcOf := func(v rt.Value) uintptr {
		if p, _ := v.R.(*rt.Value); p != nil {
			pc, _ := p.R.(uintptr)
			return pc
		}
		return 0
	}
	reg("runtime.FuncForPC", func(t *vm.Thread, a, r []rt.Value) {
		if _, _, _, ok := t.Machine().PCInfo(uintptr(a[0].N)); ok {
			r[0] = rt.Value{R: &rt.Value{R: uintptr(a[0].N)}}
		}
	})
	reg("(*runtime.Func).Name", func(t *vm.Thread, a, r []rt.Value) {
		name, _, _, _ := t.Machine().PCInfo(pcOf(a[0]))
		r[0] = rt.Value{R: name}
	})
	reg("(*runtime.Func).Entry", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(pcOf(a[0]))} })
	reg("(*runtime.Func).FileLine", func(t *vm.Thread, a, r []rt.Value) {
		_, file, line, _ := t.Machine().PCInfo(uintptr(a[1].N))
		r[0], r[1] = rt.Value{R: file}, rt.Value{N: uint64(line)}
	})
	reg("runtime.CallersFrames", func(t *vm.Thread, a, r []rt.Value) {
		in, _ := a[0].R.([]rt.Value)
		pcs := make([]uintptr, len(in))
		for i := range in {
			pcs[i] = uintptr(in[i].N)
		}
		r[0] = rt.Value{R: &rt.Value{R: pcs}}
	})
	reg("(*runtime.Frames).Next", func(t *vm.Thread, a, r []rt.Value) {
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
	})
}
