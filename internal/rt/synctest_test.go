package rt

import (
	"strings"
	"testing"
	"time"
)

// synctestRunOp is internal/synctest.Run of a bubble whose main G runs
// s; the panic Run ends with goes to *msg.
func synctestRunOp(r *Runtime, s *script, msg *string) op {
	return func(gp *G, resumed bool) opResult {
		parked, m, _ := r.SynctestRun(gp, resumed, func() *G {
			return r.Newproc(gp, FrameSite{Fn: testFn("main.main"), PC: 1}, testFn(s.name), Value{R: s}, nil)
		})
		if parked {
			return opPark
		}
		*msg = m
		return opNext
	}
}

// synctestWaitOp is synctest.Wait.
func synctestWaitOp(r *Runtime) op {
	return func(gp *G, resumed bool) opResult {
		if resumed {
			r.SynctestWaitDone(gp)
			return opNext
		}
		if parked, _ := r.SynctestWait(gp); parked {
			return opPark
		}
		return opNext
	}
}

// A bubble's clock starts at 2000-01-01 and moves only when every G of
// the bubble is durably blocked, to the next timer: a sleep of an hour
// takes no real time, and Wait returns once the others are blocked.
func TestSynctestClock(t *testing.T) {
	forProcs(t, func(t *testing.T, procs int) {
		r, stderr := newTestRuntime(procs, 1)
		var log tlog
		var c *Chan
		sleeper := newScript("main.sleeper",
			sleepOp(r, int64(time.Hour)),
			do(func(gp *G) { log.add("sleeper woke at %v", time.Duration(r.NanotimeOf(gp)-synctestBaseTime)) }),
			nil, // a receive on c, a channel of the bubble (set once c is made)
		)
		bubbleMain := newScript("main.bubble",
			do(func(gp *G) {
				c = MakeChanIn(gp, 0, Value{})
				sleeper.ops[2] = recvOp(r, c, func(v Value, ok bool) { log.add("received %d", v.N) })
				log.add("start at %v", time.Duration(r.NanotimeOf(gp)-synctestBaseTime))
			}),
			goOp(r, sleeper, nil),
			synctestWaitOp(r), // the sleeper sleeps: durable
			do(func(gp *G) { log.add("waited at %v", time.Duration(r.NanotimeOf(gp)-synctestBaseTime)) }),
			sleepOp(r, int64(2*time.Hour)),
			do(func(gp *G) { log.add("main woke at %v", time.Duration(r.NanotimeOf(gp)-synctestBaseTime)) }),
			func(gp *G, resumed bool) opResult { return sendOp(r, c, iv(7), nil)(gp, resumed) },
		)
		var msg string
		main := newScript("main.main", synctestRunOp(r, bubbleMain, &msg))
		if code := runMain(t, r, main); code != 0 || msg != "" {
			t.Fatalf("exit %d, Run's panic %q, stderr %s, log %s", code, msg, stderr, log.String())
		}
		want := "start at 0s waited at 0s sleeper woke at 1h0m0s main woke at 2h0m0s received 7"
		if got := log.String(); got != want {
			t.Errorf("log:\n%s\nwant\n%s", got, want)
		}
	})
}

// A bubble whose Gs are all durably blocked with no timer ends Run with
// gc's deadlock panic; a G blocked on a channel from outside the bubble
// is not durably blocked, and the bubble waits for it.
func TestSynctestDeadlock(t *testing.T) {
	r, stderr := newTestRuntime(2, 1)
	outside := MakeChan(0, Value{})
	var msg1, msg2 string
	var c *Chan
	blocked := newScript("main.blocked",
		do(func(gp *G) { c = MakeChanIn(gp, 0, Value{}) }),
		recvOp(r, nil, nil), // replaced: a receive on c
	)
	blocked.ops[1] = func(gp *G, resumed bool) opResult { return recvOp(r, c, nil)(gp, resumed) }
	waitsOutside := newScript("main.outside", recvOp(r, outside, nil))
	main := newScript("main.main",
		synctestRunOp(r, blocked, &msg1),
		goOp(r, newScript("main.sender", sleepOp(r, int64(10*time.Millisecond)), sendOp(r, outside, iv(1), nil)), nil),
		synctestRunOp(r, waitsOutside, &msg2),
	)
	if code := runMain(t, r, main); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	if msg1 != "deadlock: all goroutines in bubble are blocked" {
		t.Errorf("a bubble blocked on its own channel: Run's panic %q", msg1)
	}
	if msg2 != "" {
		t.Errorf("a bubble blocked on an outside channel: Run's panic %q, want none (it waits)", msg2)
	}
	if s := stderr.String(); strings.Contains(s, "fatal error") {
		t.Errorf("stderr: %s", s)
	}
}
