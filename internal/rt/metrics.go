package rt

// Scheduling metrics, what runtime/metrics reads under /sched and /sync
// (gc's metrics.go and the tracking fields of its g): goroutine counts by
// state, goroutines created, the time Gs spend runnable before they run
// (sampled: one transition out of running in 64 makes a G tracked until
// it next runs — gc tracks one in 8, but goro's context switch is cheap
// enough that two clock readings per sample at 8 cost ping-pong 9%, at 64
// under 2%; the sample is chosen by
// goid and a per-G count, never by rt's seeded source, so measuring does
// not change a deterministic schedule), stop-the-world pauses, and the
// time Gs wait for sync.Mutex and RWMutex. Histograms use gc's own bucket
// bounds, read from the host runtime's metric of the same name.

import (
	"runtime/metrics"
	"sort"
	"sync/atomic"
)

// gTrackingPeriod: a G is tracked on one in this many transitions.
const gTrackingPeriod = 64

// timeHistBounds are gc's bucket bounds (seconds) for its time histograms.
var timeHistBounds = func() []float64 {
	s := []metrics.Sample{{Name: "/sched/latencies:seconds"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindFloat64Histogram {
		return nil
	}
	return append([]float64(nil), s[0].Value.Float64Histogram().Buckets...)
}()

// TimeHistBounds returns the bucket bounds of the time histograms
// (Latencies, STWStopping, STWTotal), in seconds, as gc's.
func TimeHistBounds() []float64 { return timeHistBounds }

// timeHist counts durations in the buckets of timeHistBounds.
type timeHist struct {
	counts []atomic.Uint64
}

func (h *timeHist) init() { h.counts = make([]atomic.Uint64, max(len(timeHistBounds)-1, 0)) }

// record counts a duration of ns nanoseconds.
func (h *timeHist) record(ns int64) {
	if len(h.counts) == 0 {
		return
	}
	sec := float64(ns) / 1e9
	i := sort.Search(len(timeHistBounds), func(i int) bool { return timeHistBounds[i] > sec }) - 1
	h.counts[min(max(i, 0), len(h.counts)-1)].Add(1)
}

func (h *timeHist) read() []uint64 {
	out := make([]uint64, len(h.counts))
	for i := range h.counts {
		out[i] = h.counts[i].Load()
	}
	return out
}

// schedMetrics are the counters the scheduler keeps for SchedStats.
type schedMetrics struct {
	created               atomic.Uint64
	latencies             timeHist
	stwStopping, stwTotal timeHist
	mutexWait             atomic.Int64 // ns
	stwStart, stwStopped  int64
	// allocs and allocBytes are what exited Gs allocated (G.Allocated;
	// AllocStats adds the live Gs').
	allocs, allocBytes atomic.Int64
}

func (m *schedMetrics) init() {
	m.latencies.init()
	m.stwStopping.init()
	m.stwTotal.init()
}

// SchedStats is a reading of the scheduling metrics.
type SchedStats struct {
	GOMAXPROCS, Goroutines, Created       uint64
	Running, Runnable, Waiting, InSyscall uint64
	// Latencies (runnable to running), STWStopping and STWTotal (goro's
	// stop-the-world pauses: time to stop, time stopped) count over the
	// buckets of TimeHistBounds.
	Latencies, STWStopping, STWTotal []uint64
	MutexWait                        int64 // total ns Gs waited in sync.Mutex and RWMutex
}

// ReadSched reads the scheduling metrics.
func (r *Runtime) ReadSched() SchedStats {
	s := SchedStats{
		GOMAXPROCS:  uint64(r.GOMAXPROCS(0)),
		Created:     r.metrics.created.Load(),
		Latencies:   r.metrics.latencies.read(),
		STWStopping: r.metrics.stwStopping.read(),
		STWTotal:    r.metrics.stwTotal.read(),
		MutexWait:   r.metrics.mutexWait.Load(),
	}
	r.sched.lock.Lock()
	defer r.sched.lock.Unlock()
	for _, gp := range r.sched.allgs {
		switch readgstatus(gp) &^ _Gscan {
		case _Grunning:
			s.Running++
		case _Grunnable, _Gpreempted:
			s.Runnable++
		case _Gwaiting:
			s.Waiting++
		case _Gsyscall:
			s.InSyscall++
		default:
			continue
		}
		s.Goroutines++
	}
	return s
}

// trackRunnable is called as gp becomes runnable: a tracked G notes when.
func (r *Runtime) trackRunnable(gp *G) {
	if gp.tracking {
		gp.trackingStamp = r.clock.nanotime()
	}
}

// trackRunning is called as gp starts running: a tracked G's time spent
// runnable goes into the latency histogram.
func (r *Runtime) trackRunning(gp *G) {
	if gp.tracking {
		if gp.trackingStamp != 0 {
			r.metrics.latencies.record(r.clock.nanotime() - gp.trackingStamp)
		}
		gp.tracking, gp.trackingStamp = false, 0
	}
}

// trackStopped is called as gp stops running: one stop in
// gTrackingPeriod makes it tracked until it next runs.
func (gp *G) trackStopped() {
	gp.trackingSeq++
	gp.tracking = gp.trackingSeq%gTrackingPeriod == 0
}

// mutexWaitStart and mutexWaitEnd time a G's wait for a sync.Mutex or
// RWMutex (/sync/mutex/wait/total:seconds): gopark's coarse waitsince is
// too coarse for it.
func (r *Runtime) mutexWaitStart(gp *G) {
	if isMutexWait(gp.waitreason) {
		gp.waitsince = r.clock.nanotime()
	}
}

func (r *Runtime) mutexWaitEnd(gp *G) {
	if isMutexWait(gp.waitreason) && gp.waitsince != 0 {
		r.metrics.mutexWait.Add(r.clock.nanotime() - gp.waitsince)
	}
}

func isMutexWait(w waitReason) bool {
	return w == waitReasonSyncMutexLock || w == waitReasonSyncRWMutexLock || w == waitReasonSyncRWMutexRLock
}
