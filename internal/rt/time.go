package rt

// Timers and the clock.
//
// Every clock reading of the program goes through clock, so that a
// deterministic mode can substitute virtual time. Timers live in one heap
// under a lock (gc keeps a heap per P; one heap is enough until profiles say
// otherwise). Ms run due timers each time they schedule; an idle M sleeps
// until the earliest timer, and sysmon wakes an M when one is overdue.

import (
	"container/heap"
	"sync"
	"sync/atomic"
	"time"
)

// clock is the program's clock: monotonic nanoseconds since start, and the
// wall clock.
type clock struct {
	start  time.Time
	coarse atomic.Int64 // nanotime as of sysmon's last tick (5 ms)
	det    *detSched    // virtual time (det.go) when set
}

func (c *clock) init() {
	c.start = time.Now()
	if c.det != nil {
		c.start = detEpoch
	}
	c.coarse.Store(c.nanotime())
}

// coarseNanotime is nanotime to within sysmon's tick, without reading the
// host clock: for wait times and time slices, read on every switch.
func (c *clock) coarseNanotime() int64 { return c.coarse.Load() }

// nanotime returns monotonic nanoseconds since the program started.
func (c *clock) nanotime() int64 {
	if c.det != nil {
		return c.det.vnow.Load()
	}
	return int64(time.Since(c.start)) + 1
}

// Nanotime returns the runtime's monotonic clock in nanoseconds.
func (r *Runtime) Nanotime() int64 { return r.clock.nanotime() }

// Walltime returns the wall clock.
func (r *Runtime) Walltime() time.Time {
	return r.clock.start.Add(time.Duration(r.clock.nanotime() - 1))
}

// timer is a runtime timer: at when, f(arg, seq, delay) runs on whichever
// M finds it due (delay: how late); a periodic timer then moves to
// when+period.
type timer struct {
	when   int64
	period int64
	f      func(arg any, seq uint64, delay int64)
	arg    any
	idx    int     // index in the heap, -1 when not in it
	bubble *Bubble // the synctest bubble whose heap and clock it is on (nil: the program's)

	// A timer channel's (time.NewTimer, NewTicker, After with Go 1.23's
	// synchronous timer channels; see TimerSend): c, and seq, which stop
	// and reset bump so that a firing taken off the heap before them sends
	// nothing, as gc's; sending counts such firings not yet done.
	c       *Chan
	seq     atomic.Uint64
	sending atomic.Int32
}

type timerHeap []*timer

func (h timerHeap) Len() int           { return len(h) }
func (h timerHeap) Less(i, j int) bool { return h[i].when < h[j].when }
func (h timerHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i]; h[i].idx = i; h[j].idx = j }
func (h *timerHeap) Push(x any)        { t := x.(*timer); t.idx = len(*h); *h = append(*h, t) }
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	t.idx = -1
	return t
}

type timers struct {
	mu   sync.Mutex
	heap timerHeap
	n    atomic.Int32 // len(heap), for a lock-free look on every schedule
}

// next returns the earliest timer's when.
func (ts *timers) next() (int64, bool) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if len(ts.heap) == 0 {
		return 0, false
	}
	return ts.heap[0].when, true
}

// Timer is a runtime timer handle for the library (time.Timer, Ticker,
// AfterFunc).
type Timer struct{ t timer }

// NewTimer makes a timer that calls f(arg, seq, delay) when it is due (see
// ResetTimer) and then every period if period > 0. It is not started. A
// timer channel's f passes seq on to TimerSend.
func NewTimer(f func(arg any, seq uint64, delay int64), arg any) *Timer {
	return &Timer{timer{f: f, arg: arg, idx: -1}}
}

// SetTimerChan makes c t's timer channel, with Go 1.23's semantics
// (gc's asynctimerchan=0): len and cap of c are 0, and no value sent for a
// firing before Stop or Reset is received after them. Before any Reset.
func (r *Runtime) SetTimerChan(t *Timer, c *Chan) {
	t.t.c = c
	c.timer = &t.t
}

// ResetTimer (re)starts t to fire at when (rt clock nanoseconds), then
// every period; it reports whether t was pending (for a timer channel:
// also whether a value sent was not received, which it drops, as Stop).
func (r *Runtime) ResetTimer(t *Timer, when, period int64) bool {
	pending := r.StopTimer(t)
	ts := r.timersOf(&t.t)
	ts.mu.Lock()
	t.t.when, t.t.period = when, period
	heap.Push(&ts.heap, &t.t)
	ts.n.Store(int32(len(ts.heap)))
	first := ts.heap[0] == &t.t
	ts.mu.Unlock()
	if first && t.t.bubble == nil {
		// An idle M may be sleeping until a later deadline.
		r.wakeTimerSleeper()
	}
	return pending
}

// StopTimer stops t and reports whether it was pending. For a timer
// channel, as gc's: a firing under way sends nothing and counts as
// pending, and a value sent and not yet received is dropped and counts as
// pending too.
func (r *Runtime) StopTimer(t *Timer) bool {
	ts := r.timersOf(&t.t)
	ts.mu.Lock()
	t.t.seq.Add(1)
	pending := t.t.idx >= 0
	if pending {
		heap.Remove(&ts.heap, t.t.idx)
		ts.n.Store(int32(len(ts.heap)))
	}
	if t.t.c != nil && t.t.period == 0 && t.t.sending.Load() > 0 {
		pending = true
	}
	ts.mu.Unlock()
	if c := t.t.c; c != nil {
		c.lock.Lock()
		if c.qcount > 0 {
			clear(c.buf)
			c.qcount, c.sendx, c.recvx = 0, 0, 0
			pending = true
		}
		c.lock.Unlock()
	}
	return pending
}

// TimerSend sends v on t's timer channel for the firing whose seq f was
// given, unless Stop or Reset came since (gc's unlockAndRun's seq check),
// without blocking: a ticker whose last tick was not received drops this
// one, as gc's.
func (r *Runtime) TimerSend(t *Timer, seq uint64, v Value) {
	c := t.t.c
	defer t.t.sending.Add(-1)
	c.lock.Lock()
	if t.t.seq.Load() != seq {
		c.lock.Unlock()
		return
	}
	if !r.trysend(nil, c, v) {
		c.lock.Unlock()
	}
}

// wakeTimerSleeper wakes an idle M so that it recomputes its sleep.
func (r *Runtime) wakeTimerSleeper() {
	r.sched.lock.Lock()
	mp := r.sched.midle
	r.sched.lock.Unlock()
	if mp != nil {
		notewakeup(mp)
	}
}

// checkTimers runs every due timer.
func (r *Runtime) checkTimers() {
	if r.timers.n.Load() == 0 {
		return // no timers: no clock reading either
	}
	now := r.clock.nanotime()
	for {
		r.timers.mu.Lock()
		if len(r.timers.heap) == 0 || r.timers.heap[0].when > now {
			r.timers.mu.Unlock()
			return
		}
		r.runTimer(r.timers.heap[0], now)
	}
}

// maybeRunTimerChan runs t, a timer channel's, if it is due, before its
// channel is received from (gc's maybeRunChan): a receive after the time
// it was due finds its value, whether or not an M has run the timers
// since.
func (r *Runtime) maybeRunTimerChan(t *timer) {
	now := r.clock.nanotime()
	if b := t.bubble; b != nil {
		b.mu.Lock()
		now = b.now
		b.mu.Unlock()
	}
	ts := r.timersOf(t)
	ts.mu.Lock()
	if t.idx < 0 {
		ts.mu.Unlock()
		return
	}
	if t.when <= now {
		r.runTimer(t, now)
		return
	}
	ts.mu.Unlock()
}

// runTimer runs the due timer t of its heap, locked: it moves t to its
// next time (or off the heap), unlocks the heap and calls t's function.
func (r *Runtime) runTimer(t *timer, now int64) {
	ts := r.timersOf(t)
	delay, seq := now-t.when, t.seq.Load()
	if t.c != nil && t.period == 0 {
		t.sending.Add(1)
	}
	if t.period > 0 {
		t.when += t.period * (1 + (now-t.when)/t.period)
		if t.when < 0 { // overflow, as gc's: never again
			t.when = 1<<63 - 1
		}
		heap.Fix(&ts.heap, t.idx)
	} else {
		heap.Remove(&ts.heap, t.idx)
		ts.n.Store(int32(len(ts.heap)))
	}
	f, arg := t.f, t.arg
	ts.mu.Unlock()
	f(arg, seq, delay)
}

// TimeSleep parks gp for ns nanoseconds (time.Sleep). The executor returns
// EvPark after it, unless ns <= 0, when it returns false and gp goes on.
func (r *Runtime) TimeSleep(gp *G, ns int64) bool {
	if ns <= 0 {
		return false
	}
	x := gp.x()
	if x.timer == nil {
		x.timer = &timer{idx: -1, f: func(arg any, _ uint64, _ int64) { r.goready(arg.(*G), nil) }}
	}
	t := x.timer
	t.arg = gp
	t.bubble = gp.bubble // a sleep in a bubble is on its clock
	t.when = r.NanotimeOf(gp) + ns
	if t.when < 0 { // overflow
		t.when = 1<<63 - 1
	}
	ts := r.timersOf(t)
	r.gopark(gp, func() {
		ts.mu.Lock()
		heap.Push(&ts.heap, t)
		ts.n.Store(int32(len(ts.heap)))
		first := ts.heap[0] == t
		ts.mu.Unlock()
		if first && t.bubble == nil {
			r.wakeTimerSleeper()
		}
	}, waitReasonSleep)
	return true
}
