package lib

// runtime/trace's runtime hooks. runtime/trace is interpreted from source
// (Start, Stop, tasks, regions, logs and the trace reader goroutine that
// copies the runtime's data to the writer are the library's own); the
// runtime it calls is rt's tracer (rt/trace.go), which writes Go's trace
// format. The reader's wait for data is a host wait with the P handed
// off, as gc's reader parks in the runtime.

import (
	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() { vm.RegisterNatives(traceNatives) }

// traceNatives binds these functions by their ssa names (sorted).
var traceNatives = map[string]vm.NativeFunc{
	"(*runtime/trace.FlightRecorder).Start":          runtime_trace_FlightRecorder_Start,
	"runtime.ReadTrace":                              runtime_ReadTrace,
	"runtime.StartTrace":                             runtime_StartTrace,
	"runtime.StopTrace":                              runtime_StopTrace,
	"runtime/trace.runtime_readTrace":                runtime_ReadTrace,
	"runtime/trace.runtime_traceAdvance":             runtime_trace_runtime_traceAdvance,
	"runtime/trace.runtime_traceClockNow":            runtime_trace_runtime_traceClockNow,
	"runtime/trace.runtime_traceClockUnitsPerSecond": runtime_trace_runtime_traceClockUnitsPerSecond,
	"runtime/trace.userLog":                          runtime_trace_userLog,
	"runtime/trace.userRegion":                       runtime_trace_userRegion,
	"runtime/trace.userTaskCreate":                   runtime_trace_userTaskCreate,
	"runtime/trace.userTaskEnd":                      runtime_trace_userTaskEnd,
}

// runtime.StartTrace: func StartTrace() error
func runtime_StartTrace(t *vm.Thread, a, r []rt.Value) {
	t.SyncFrames()
	r[0] = errorValue(t, t.Machine().RT.StartTrace(t.G()))
}

// runtime.StopTrace: func StopTrace() — returns once the reader has read
// the whole trace, as gc's.
func runtime_StopTrace(t *vm.Thread, a, r []rt.Value) {
	rtm := t.Machine().RT
	blocking(t, rt.SyscallDurable, "the trace reader", func() { rtm.StopTrace(true) })
}

// runtime.ReadTrace: func ReadTrace() []byte (and runtime/trace's
// runtime_readTrace) — the header, then, once tracing stops, the trace,
// then nil.
func runtime_ReadTrace(t *vm.Thread, a, r []rt.Value) {
	rtm := t.Machine().RT
	var b []byte
	blocking(t, rt.SyscallDurable, "the execution trace", func() { b = rtm.ReadTrace() })
	r[0] = rt.Value{}
	if b != nil {
		r[0] = vm.BytesToValues(b)
	}
}

// (*runtime/trace.FlightRecorder).Start: func (fr *FlightRecorder) Start() error
//
// A flight recorder keeps the last generations of a trace that starts a
// new one every second; goro's trace is one generation, written when it
// stops, so a recorder would only ever hold the header: it is refused by
// name, as an error the program sees.
func runtime_trace_FlightRecorder_Start(t *vm.Thread, a, r []rt.Value) {
	r[0] = t.Machine().NewError("goro: the trace flight recorder is not supported yet (goro writes a trace when it stops)")
}

// runtime/trace.runtime_traceAdvance: func runtime_traceAdvance(stopTrace bool)
// — goro's trace is one generation, written when tracing stops.
func runtime_trace_runtime_traceAdvance(t *vm.Thread, a, r []rt.Value) {}

// runtime/trace.runtime_traceClockNow: func runtime_traceClockNow() uint64
func runtime_trace_runtime_traceClockNow(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(t.Machine().RT.Nanotime())}
}

// runtime/trace.runtime_traceClockUnitsPerSecond: func runtime_traceClockUnitsPerSecond() uint64
func runtime_trace_runtime_traceClockUnitsPerSecond(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: 1e9}
}

// runtime/trace.userTaskCreate: func userTaskCreate(id, parentID uint64, taskType string)
func runtime_trace_userTaskCreate(t *vm.Thread, a, r []rt.Value) {
	t.SyncFrames()
	t.Machine().RT.TraceUserTask(t.G(), true, a[0].N, a[1].N, vm.Str(a[2]))
}

// runtime/trace.userTaskEnd: func userTaskEnd(id uint64)
func runtime_trace_userTaskEnd(t *vm.Thread, a, r []rt.Value) {
	t.SyncFrames()
	t.Machine().RT.TraceUserTask(t.G(), false, a[0].N, 0, "")
}

// runtime/trace.userRegion: func userRegion(id, mode uint64, regionType string)
func runtime_trace_userRegion(t *vm.Thread, a, r []rt.Value) {
	t.SyncFrames()
	t.Machine().RT.TraceUserRegion(t.G(), a[0].N, a[1].N, vm.Str(a[2]))
}

// runtime/trace.userLog: func userLog(id uint64, category, message string)
func runtime_trace_userLog(t *vm.Thread, a, r []rt.Value) {
	t.SyncFrames()
	t.Machine().RT.TraceUserLog(t.G(), a[0].N, vm.Str(a[1]), vm.Str(a[2]))
}
