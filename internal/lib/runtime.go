// package runtime: goroutine control and the runtime's error types, on rt.
package lib

import (
	goruntime "runtime"

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
