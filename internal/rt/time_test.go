package rt

import (
	"container/heap"
	"testing"
)

// Timer channels as Go 1.23 has them (gc's asynctimerchan=0), driven
// without a scheduler: the timer's function sends through TimerSend as the
// time package's does.

// newTimerChan makes a timer channel whose firings send the firing's
// delay, and returns it with its timer.
func newTimerChan(r *Runtime) (*Timer, *Chan) {
	c := MakeChan(1, Value{})
	var t *Timer
	t = NewTimer(func(_ any, seq uint64, delay int64) {
		r.TimerSend(t, seq, Value{N: uint64(delay)})
	}, nil)
	r.SetTimerChan(t, c)
	return t, c
}

func TestTimerChan(t *testing.T) {
	r, _ := newTestRuntime(1, 1)
	r.clock.init()
	tm, c := newTimerChan(r)
	if r.ResetTimer(tm, r.Nanotime()+1<<40, 0) {
		t.Fatal("Reset of a new timer reported it pending")
	}
	r.maybeRunTimerChan(c.timer)
	if c.qcount != 0 {
		t.Fatal("a timer not due yet sent")
	}
	// Due: a receive runs it (gc's maybeRunChan), whether or not an M has.
	r.ResetTimer(tm, r.Nanotime()-5, 0)
	r.maybeRunTimerChan(c.timer)
	if c.qcount != 1 || c.Len() != 0 || c.Cap() != 0 {
		t.Fatalf("fired: %d queued, len %d, cap %d; want 1 queued, len and cap 0", c.qcount, c.Len(), c.Cap())
	}
	if d := int64(c.buf[c.recvx].N); d < 5 {
		t.Errorf("sent a delay of %d ns, want at least 5", d)
	}
	// Stop drops the value not received and counts it as pending.
	if !r.StopTimer(tm) || c.qcount != 0 {
		t.Fatalf("Stop after an unreceived firing: queued %d, want true and 0", c.qcount)
	}
	if r.StopTimer(tm) {
		t.Fatal("a second Stop reported the timer pending")
	}
	// So does Reset.
	r.ResetTimer(tm, r.Nanotime()-1, 0)
	r.maybeRunTimerChan(c.timer)
	if !r.ResetTimer(tm, r.Nanotime()+1<<40, 0) || c.qcount != 0 {
		t.Fatalf("Reset after an unreceived firing: queued %d, want true and 0", c.qcount)
	}
	// A firing taken off the heap before Stop sends nothing, and Stop
	// counts it as pending.
	r.ResetTimer(tm, r.Nanotime()-1, 0)
	r.timers.mu.Lock()
	seq := tm.t.seq.Load()
	heap.Remove(&r.timers.heap, tm.t.idx)
	tm.t.sending.Add(1)
	r.timers.mu.Unlock()
	if !r.StopTimer(tm) {
		t.Fatal("Stop during a firing reported the timer not pending")
	}
	r.TimerSend(tm, seq, Value{N: 1})
	if c.qcount != 0 || tm.t.sending.Load() != 0 {
		t.Fatalf("a firing before Stop sent after it (%d queued, %d sending)", c.qcount, tm.t.sending.Load())
	}
}

// A ticker whose tick was not received drops the next one (its buffer
// holds one), and Stop drops the one held.
func TestTickerChan(t *testing.T) {
	r, _ := newTestRuntime(1, 1)
	r.clock.init()
	tm, c := newTimerChan(r)
	r.ResetTimer(tm, r.Nanotime()-1, 1<<40)
	r.maybeRunTimerChan(c.timer)
	tm.t.when = r.Nanotime() - 1 // due again
	r.maybeRunTimerChan(c.timer)
	if c.qcount != 1 {
		t.Fatalf("%d ticks queued, want 1", c.qcount)
	}
	if tm.t.idx < 0 || tm.t.when <= r.Nanotime() {
		t.Fatal("a ticker left the heap or did not move to its next time")
	}
	if !r.StopTimer(tm) || c.qcount != 0 {
		t.Fatalf("Stop: %d queued, want 0", c.qcount)
	}
}

// A periodic timer whose next time overflows is not due again (gc's
// maxWhen), instead of firing at every look.
func TestTimerPeriodOverflow(t *testing.T) {
	r, _ := newTestRuntime(1, 1)
	r.clock.init()
	n := 0
	tm := NewTimer(func(any, uint64, int64) { n++ }, nil)
	r.ResetTimer(tm, r.Nanotime(), 1<<63-1)
	r.checkTimers()
	r.checkTimers()
	if n != 1 || tm.t.when != 1<<63-1 {
		t.Fatalf("fired %d times, next at %d; want once, then never (%d)", n, tm.t.when, int64(1<<63-1))
	}
}
