package main

// The host collector's pacing while goro runs a program.
//
// An interpreted program allocates where its gc build does not: a struct
// value built by a method and returned is two host objects under goro (its
// fields and the box that holds them), a register under gc. With the host's
// GOGC=100 and a small live heap (a few MB of compiled code and the
// program's data), the host collects every few MB of that garbage: on
// bench/'s particles, 350 collections a second, a third of the run's CPU
// in the collector's fixed costs (waking mark workers, stopping the world,
// sweeping). gc's own pacer has a floor for the same reason (a 4 MB heap
// goal, runtime/mgcpacer.go's heapMinimum); goro's garbage comes faster,
// so its floor is higher: the host's heap goal is the live heap plus at
// least heapFloor. A large heap keeps GOGC's proportion (at 64 MB live and
// above, GOGC=100 is unchanged), so the peak memory of programs that keep
// much alive (bench/'s parked: a million goroutines) is what it was.
//
// The floor is the command's policy, not the library's: a host embedding
// goro paces its own collector. A program's debug.SetGCPercent is recorded
// for it, never applied to the host (lib/runtime.go).

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// heapFloor is the least garbage the host lets accumulate between
// collections.
const heapFloor = 64 << 20

// heapMinimum is gc's least heap goal at GOGC=100 (mgcpacer.go).
const heapMinimum = 4 << 20

// flooredPercent is the GOGC that makes the heap goal live bytes plus
// the larger of percent's share and heapFloor. Before the first
// collection the live heap reads 0: gc's pacer then takes its 4 MB
// minimum as the heap marked, and so does this.
func flooredPercent(percent int, live uint64) int {
	live = max(live, heapMinimum)
	if floor := heapFloor * 100 / live; floor > uint64(percent) {
		return int(floor)
	}
	return percent
}

// paceGC sets the host's GOGC to percent (the environment's) raised so
// that the heap goal is at least heapFloor above the live heap, and
// re-computes it after every collection. GOGC=off (percent < 0) is left
// alone.
func paceGC(percent int) {
	if percent < 0 {
		debug.SetGCPercent(percent)
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	set := func() {
		metrics.Read(sample)
		var live uint64
		if sample[0].Value.Kind() == metrics.KindUint64 {
			live = sample[0].Value.Uint64()
		}
		debug.SetGCPercent(flooredPercent(percent, live))
	}
	// A cleanup of an object made for the purpose runs after the
	// collection that finds it unreachable: it sets the pace for the next
	// cycle and makes the next sentinel. (A pointer field keeps it out of
	// the tiny allocator, whose objects may never be collected alone.)
	type sentinel struct {
		_ *byte
		_ [8]byte
	}
	var arm func()
	arm = func() {
		runtime.AddCleanup(&sentinel{}, func(struct{}) { set(); arm() }, struct{}{})
	}
	set()
	arm()
}
