package lib

// runtime/metrics: the package is interpreted from source (its
// descriptions, Value and Float64Histogram are the library's own); Read is
// native. The scheduling metrics are the program's, read from rt
// (/sched/goroutines and its per-state counts, goroutines created,
// gomaxprocs, latencies, goro's stop-the-world pauses as the "other"
// pauses, time waited on sync.Mutex/RWMutex), and so are the
// /godebug/non-default-behavior counts (what the program's
// godebug.Setting.IncNonDefault counted), and what it allocated
// (/gc/heap/allocs:objects and :bytes, as runtime.ReadMemStats' Mallocs
// and TotalAlloc: rt.AllocStats). Every other metric (memory
// classes, the collector, CPU classes, threads) is the host process's own
// reading: the program's memory is the host's heap, its collections the
// host's, its threads the host's.

import (
	"math"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() { vm.RegisterNatives(metricsNatives) }

// metricsNatives binds these functions by their ssa names (sorted).
var metricsNatives = map[string]vm.NativeFunc{
	"runtime/metrics.Read": runtime_metrics_Read,
}

// runtime/metrics.Read: func Read(m []Sample)
//
// A Sample is struct{ Name string; Value Value }, a Value struct{ kind
// ValueKind; scalar uint64; pointer unsafe.Pointer } (the pointer a
// *Float64Histogram, struct{ Counts []uint64; Buckets []float64 }).
func runtime_metrics_Read(t *vm.Thread, a, r []rt.Value) {
	samples, _ := a[0].R.([]rt.Value)
	if len(samples) == 0 {
		t.PanicRuntime("index out of range [0] with length 0") // gc's Read takes &m[0]
		return
	}
	host := make([]metrics.Sample, len(samples))
	fields := make([][]rt.Value, len(samples))
	for i, s := range samples {
		fields[i], _ = s.R.([]rt.Value)
		host[i].Name = vm.Str(fields[i][0])
	}
	metrics.Read(host)
	m := t.Machine()
	var sched *rt.SchedStats
	for i, h := range host {
		v := h.Value
		switch kind := v.Kind(); {
		case strings.HasPrefix(h.Name, "/sched/") || h.Name == "/sync/mutex/wait/total:seconds":
			if sched == nil {
				s := m.RT.ReadSched()
				sched = &s
			}
			setSchedSample(fields[i][1], h.Name, kind, sched)
		case h.Name == "/gc/heap/allocs:objects" || h.Name == "/gc/heap/allocs:bytes":
			count, bytes := m.RT.AllocStats(t.G()) // the program's, as MemStats' Mallocs and TotalAlloc
			if h.Name == "/gc/heap/allocs:bytes" {
				count = bytes
			}
			setValue(fields[i][1], kind, uint64(count), nil)
		case strings.HasPrefix(h.Name, "/godebug/non-default-behavior/") && kind == metrics.KindUint64:
			name := strings.TrimSuffix(strings.TrimPrefix(h.Name, "/godebug/non-default-behavior/"), ":events")
			setValue(fields[i][1], kind, nonDefaultCount(m, name).Load(), nil)
		case kind == metrics.KindUint64:
			setValue(fields[i][1], kind, v.Uint64(), nil)
		case kind == metrics.KindFloat64:
			setValue(fields[i][1], kind, math.Float64bits(v.Float64()), nil)
		case kind == metrics.KindFloat64Histogram:
			hist := v.Float64Histogram()
			setValue(fields[i][1], kind, 0, histogramValue(hist.Counts, hist.Buckets))
		default:
			setValue(fields[i][1], metrics.KindBad, 0, nil)
		}
	}
}

// setSchedSample sets a /sched/ (or /sync/mutex/wait) sample from s; kind
// is the host's kind for the name, which names the metric's type.
func setSchedSample(v rt.Value, name string, kind metrics.ValueKind, s *rt.SchedStats) {
	u := func(n uint64) { setValue(v, metrics.KindUint64, n, nil) }
	hist := func(counts []uint64) {
		setValue(v, metrics.KindFloat64Histogram, 0, histogramValue(counts, rt.TimeHistBounds()))
	}
	switch name {
	case "/sched/gomaxprocs:threads":
		u(s.GOMAXPROCS)
	case "/sched/goroutines:goroutines":
		u(s.Goroutines)
	case "/sched/goroutines-created:goroutines":
		u(s.Created)
	case "/sched/goroutines/running:goroutines":
		u(s.Running)
	case "/sched/goroutines/runnable:goroutines":
		u(s.Runnable)
	case "/sched/goroutines/waiting:goroutines":
		u(s.Waiting)
	case "/sched/goroutines/not-in-go:goroutines":
		u(s.InSyscall)
	case "/sched/latencies:seconds":
		hist(s.Latencies)
	case "/sched/pauses/stopping/other:seconds":
		hist(s.STWStopping)
	case "/sched/pauses/total/other:seconds":
		hist(s.STWTotal)
	case "/sched/pauses/stopping/gc:seconds", "/sched/pauses/total/gc:seconds":
		hist(make([]uint64, max(len(rt.TimeHistBounds())-1, 0))) // goro stops no world to collect
	case "/sync/mutex/wait/total:seconds":
		setValue(v, metrics.KindFloat64, math.Float64bits(float64(s.MutexWait)/1e9), nil)
	case "/sched/threads/total:threads":
		var hs [1]metrics.Sample
		hs[0].Name = name
		metrics.Read(hs[:])
		u(hs[0].Value.Uint64()) // the host's threads
	default:
		setValue(v, metrics.KindBad, 0, nil)
	}
}

// setValue stores a metrics.Value's three fields into the program's Value v.
func setValue(v rt.Value, kind metrics.ValueKind, scalar uint64, pointer *rt.Value) {
	fs, _ := v.R.([]rt.Value)
	if len(fs) != 3 {
		return
	}
	fs[0] = rt.Value{N: uint64(kind)}
	fs[1] = rt.Value{N: scalar}
	fs[2] = rt.Value{}
	if pointer != nil {
		fs[2] = rt.Value{R: pointer}
	}
}

// histogramValue makes a *Float64Histogram cell.
func histogramValue(counts []uint64, buckets []float64) *rt.Value {
	c := make([]rt.Value, len(counts))
	for i, n := range counts {
		c[i] = rt.Value{N: n}
	}
	b := make([]rt.Value, len(buckets))
	for i, f := range buckets {
		b[i] = vm.Float64(f)
	}
	return &rt.Value{R: []rt.Value{{R: c}, {R: b}}}
}

// nonDefaultCount is the program's counter of non-default behaviour for
// the GODEBUG setting name (godebug.Setting.IncNonDefault adds to it).
func nonDefaultCount(m *vm.Machine, name string) *atomic.Uint64 {
	v, _ := m.LibState.LoadOrStore(nonDefaultKey{}, &sync.Map{})
	c, _ := v.(*sync.Map).LoadOrStore(name, new(atomic.Uint64))
	return c.(*atomic.Uint64)
}

type nonDefaultKey struct{}
