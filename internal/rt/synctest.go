package rt

// testing/synctest's bubbles, after gc's runtime/synctest.go.
//
// A bubble is the set of goroutines internal/synctest.Run starts (and
// those they start, and those its timers start), with a clock of its own
// that begins at 2000-01-01 00:00:00 UTC and a timer heap of its own. The
// clock moves only when every goroutine of the bubble is durably blocked
// — parked for a reason isIdleInSynctest names: a channel made in the
// bubble, a select on such channels only, a sleep, a Cond, a WaitGroup
// the bubble owns, synctest.Wait — and then to the bubble's next timer.
// A mutex, a channel from outside, a system call or the network are not
// durable: the bubble waits for them.
//
// Counting is gc's: every status change of a bubbled G (casgstatus)
// updates total and running; when running and active (other activity: a
// park in progress, an Acquire) are both 0, the bubble is idle and
// maybeWakeLocked readies the G calling Wait, else the root (the caller
// of Run), which runs the due timers or moves the clock to the next one,
// or ends Run: with nothing left, or with gc's deadlock panic when
// goroutines remain blocked.

import (
	"sync"
	"sync/atomic"
	"time"
)

// Bubble is a synctest bubble (gc's synctestBubble).
type Bubble struct {
	r        *Runtime
	mu       sync.Mutex
	timers   timers
	id       uint64
	now      int64 // the bubble's clock: Unix nanoseconds
	root     *G    // the caller of Run
	waiter   *G    // the caller of Wait
	main     *G    // the goroutine Run started
	waiting  bool  // a goroutine is in Wait
	mainNext bool  // the next G made in the bubble is main
	done     bool  // main has exited

	total   int // goroutines in the bubble
	running int // those not durably blocked
	active  int // other activity that keeps the bubble from idling
}

var bubbleGen atomic.Uint64

// synctestBaseTime is a bubble's clock at its start: 2000-01-01 UTC.
const synctestBaseTime = 946684800000000000

// isIdleInSynctest reports whether a G parked for w is durably blocked.
func (w waitReason) isIdleInSynctest() bool {
	switch w {
	case waitReasonChanReceiveNilChan, waitReasonChanSendNilChan, waitReasonSelectNoCases,
		waitReasonSleep, waitReasonSyncCondWait, waitReasonSynctestWaitGroupWait,
		waitReasonCoroutine, waitReasonSynctestRun, waitReasonSynctestWait,
		waitReasonSynctestChanReceive, waitReasonSynctestChanSend, waitReasonSynctestSelect:
		return true
	}
	return false
}

// changegstatus counts gp's move from oldval to newval (gc's).
func (b *Bubble) changegstatus(gp *G, oldval, newval uint32) {
	totalDelta := 0
	wasRunning := true
	switch oldval {
	case _Gdead, _Gidle:
		wasRunning = false
		totalDelta++
	case _Gwaiting:
		if gp.waitreason.isIdleInSynctest() {
			wasRunning = false
		}
	}
	isRunning := true
	switch newval {
	case _Gdead:
		isRunning = false
		totalDelta--
		b.mu.Lock()
		if gp == b.main {
			b.done = true
		}
		b.mu.Unlock()
	case _Gwaiting:
		if gp.waitreason.isIdleInSynctest() {
			isRunning = false
		}
	}
	if wasRunning == isRunning && totalDelta == 0 {
		return
	}
	b.mu.Lock()
	b.total += totalDelta
	if wasRunning != isRunning {
		if isRunning {
			b.running++
		} else {
			b.running--
		}
	}
	if b.total < 0 || b.running < 0 {
		b.mu.Unlock()
		throw("synctest: total or running < 0")
	}
	wake := b.maybeWakeLocked()
	b.mu.Unlock()
	if wake != nil {
		b.r.goready(wake, nil)
	}
}

func (b *Bubble) incActive() {
	b.mu.Lock()
	b.active++
	b.mu.Unlock()
}

func (b *Bubble) decActive() {
	b.mu.Lock()
	b.active--
	if b.active < 0 {
		b.mu.Unlock()
		throw("synctest: active < 0")
	}
	wake := b.maybeWakeLocked()
	b.mu.Unlock()
	if wake != nil {
		b.r.goready(wake, nil)
	}
}

// maybeWakeLocked returns the G to wake when the bubble is idle: the
// root if a timer is due, else the G in Wait, else the root. b.mu is held.
func (b *Bubble) maybeWakeLocked() *G {
	if b.running > 0 || b.active > 0 {
		return nil
	}
	b.active++ // the woken G takes it back
	if next, ok := b.timers.next(); ok && next <= b.now {
		return b.root
	}
	if b.waiter != nil {
		return b.waiter
	}
	return b.root
}

// SynctestRun is internal/synctest.Run in gp (the native calls it again
// each time gp resumes, as long as it returns parked). On the first call
// start makes the bubble's main goroutine (gp is in the bubble by then,
// so it inherits it). It reports parked, or the panic Run ends with
// ("" for none).
func (r *Runtime) SynctestRun(gp *G, resuming bool, start func() *G) (parked bool, panicMsg string, bubble *Bubble) {
	b := gp.bubble
	if !resuming {
		if b != nil {
			return false, "synctest.Run called from within a synctest bubble", nil
		}
		b = &Bubble{r: r, id: bubbleGen.Add(1), total: 1, running: 1, root: gp, now: synctestBaseTime}
		gp.bubble = b
		b.mu.Lock()
		b.active++
		b.mainNext = true // newgIn makes the next G of the bubble its main, before it can run
		b.mu.Unlock()
		start()
	} else {
		b.mu.Lock()
		next, ok := b.timers.next()
		if !ok || b.done {
			// No timer is left, or time stops once main has exited.
			total := b.total
			b.mu.Unlock()
			gp.bubble = nil
			if total != 1 {
				if b.done {
					return false, "deadlock: main bubble goroutine has exited but blocked goroutines remain", b
				}
				return false, "deadlock: all goroutines in bubble are blocked", b
			}
			return false, "", nil
		}
		if next < b.now {
			b.mu.Unlock()
			throw("synctest: time went backwards")
		}
		b.now = next
		b.mu.Unlock()
	}
	r.runBubbleTimers(b)
	r.gopark(gp, func() {
		b.mu.Lock()
		canIdle := true
		if b.running == 0 && b.active == 1 {
			canIdle = false // every goroutine has blocked or exited
		} else {
			b.active--
		}
		b.mu.Unlock()
		if !canIdle {
			r.goready(gp, nil)
		}
	}, waitReasonSynctestRun)
	return true, "", nil
}

// runBubbleTimers runs b's timers due at b.now, in the root.
func (r *Runtime) runBubbleTimers(b *Bubble) {
	ts := &b.timers
	for {
		ts.mu.Lock()
		if len(ts.heap) == 0 || ts.heap[0].when > b.now {
			ts.mu.Unlock()
			return
		}
		r.runTimer(ts.heap[0], b.now)
	}
}

// SynctestWait is internal/synctest.Wait in gp: it parks until every
// other goroutine of gp's bubble is durably blocked. It reports parked
// (the native calls SynctestWaitDone when gp resumes), or the panic.
func (r *Runtime) SynctestWait(gp *G) (parked bool, panicMsg string) {
	b := gp.bubble
	if b == nil {
		return false, "goroutine is not in a bubble"
	}
	b.mu.Lock()
	if b.waiting {
		b.mu.Unlock()
		return false, "wait already in progress"
	}
	b.waiting = true
	b.mu.Unlock()
	r.gopark(gp, func() {
		b.mu.Lock()
		b.waiter = gp
		b.mu.Unlock()
	}, waitReasonSynctestWait)
	return true, ""
}

// SynctestWaitDone ends gp's Wait.
func (r *Runtime) SynctestWaitDone(gp *G) {
	b := gp.bubble
	b.mu.Lock()
	b.active--
	if b.active < 0 {
		b.mu.Unlock()
		throw("synctest: active < 0")
	}
	b.waiter = nil
	b.waiting = false
	b.mu.Unlock()
}

// NoteBubbleDeadlock records that v, the panic gp's SynctestRun ended
// with, is the deadlock of bubble b (TracebackPanic).
func (r *Runtime) NoteBubbleDeadlock(gp *G, v Value, b *Bubble) {
	gp.x().deadlockBubble, gp.x().deadlockPanic = b, v.R
}

// InBubble returns gp's bubble, or nil.
func (gp *G) InBubble() *Bubble { return gp.bubble }

// ID is the bubble's number (tracebacks print "synctest bubble N").
func (b *Bubble) ID() uint64 { return b.id }

// Acquire keeps b from idling until Release (internal/synctest.acquire).
func (b *Bubble) Acquire() { b.incActive() }

// Release undoes Acquire.
func (b *Bubble) Release() { b.decActive() }

// SetBubble puts gp in b (internal/synctest.inBubble; nil takes it out).
func (gp *G) SetBubble(b *Bubble) { gp.bubble = b }

// bubbleNow returns the clock of gp's bubble, if gp is in one.
func (gp *G) bubbleNow() (int64, bool) {
	if gp == nil || gp.bubble == nil {
		return 0, false
	}
	b := gp.bubble
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.now, true
}

// Now returns gp's clock readings: monotonic nanoseconds (0 in a bubble,
// whose times carry no monotonic reading, as gc's) and the wall clock.
func (r *Runtime) Now(gp *G) (mono int64, wall time.Time) {
	if now, ok := gp.bubbleNow(); ok {
		return 0, time.Unix(0, now)
	}
	return r.clock.nanotime(), r.Walltime()
}

// NanotimeOf is the runtime's nanotime as gp sees it: its bubble's clock
// in a bubble (time's runtimeNano: timers' times are on it).
func (r *Runtime) NanotimeOf(gp *G) int64 {
	if now, ok := gp.bubbleNow(); ok {
		return now
	}
	return r.clock.nanotime()
}

// BindTimer puts t, made by gp, in gp's bubble if it is in one: its
// times are on the bubble's clock and it fires only as that clock moves.
func (r *Runtime) BindTimer(t *Timer, gp *G) {
	if gp != nil && gp.bubble != nil {
		t.t.bubble = gp.bubble
	}
}

// TimerNow returns the clock readings for a firing of t delay late.
func (r *Runtime) TimerNow(t *Timer, delay int64) (mono int64, wall time.Time) {
	if b := t.t.bubble; b != nil {
		b.mu.Lock()
		now := b.now
		b.mu.Unlock()
		return 0, time.Unix(0, now-delay)
	}
	return r.clock.nanotime() - delay, r.Walltime().Add(-time.Duration(delay))
}

// NewprocTimer starts a G for a firing of t (time.AfterFunc): in t's
// bubble, if it has one.
func (r *Runtime) NewprocTimer(t *Timer, site FrameSite, start FuncInfo, fn Value, args []Value) *G {
	gp := r.newgIn(nil, t.t.bubble, site, nil)
	gp.startpc = start
	gp.StartFn = fn
	gp.StartArgs = args
	if r.trace.on.Load() {
		r.traceGoCreate(nil, gp, false)
	}
	r.runqputnext(nil, gp)
	return gp
}

// timersOf returns the heap t lives in: its bubble's, or the program's.
func (r *Runtime) timersOf(t *timer) *timers {
	if t.bubble != nil {
		return &t.bubble.timers
	}
	return &r.timers
}
