package rt

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
)

// Waiters are woken in FIFO order, except that lifo waiters go first.
func TestSemaOrder(t *testing.T) {
	forProcs(t, func(t *testing.T, procs int) {
		r, _ := newTestRuntime(procs, 1)
		var sema uint32
		var log tlog
		done := MakeChan(4, Value{})
		gs := make([]*G, 4)
		var ops []op
		for i := range gs {
			i := i
			s := newScript(fmt.Sprintf("main.waiter%d", i),
				semacquireOp(r, &sema, i == 3),
				do(func(*G) { log.add("w%d", i) }),
				sendOp(r, done, iv(1), nil))
			ops = append(ops, goOp(r, s, &gs[i]), waitParkedOp(&gs[i], waitReasonSemacquire))
		}
		for range gs {
			// Release one at a time, waiting for the woken G to finish.
			ops = append(ops, semreleaseOp(r, &sema, false), recvOp(r, done, nil))
		}
		runMain(t, r, newScript("main.main", ops...))
		if got, want := log.String(), "w3 w0 w1 w2"; got != want {
			t.Fatalf("wake order %q, want %q", got, want)
		}
		if sema != 0 {
			t.Fatalf("sema = %d", sema)
		}
		root := r.semtable.rootFor(&sema)
		if root.nwait.Load() != 0 || root.waiters[&sema] != nil {
			t.Fatalf("waiters left")
		}
	})
}

// A release before the acquire is not lost; handoff gives the count to the
// woken waiter.
func TestSemaReleaseFirstAndHandoff(t *testing.T) {
	r, _ := newTestRuntime(1, 1)
	var sema uint32
	var log tlog
	var w *G
	main := newScript("main.main",
		semreleaseOp(r, &sema, false),
		semacquireOp(r, &sema, false), // does not block
		goOp(r, newScript("main.waiter", semacquireOp(r, &sema, false), do(func(gp *G) { log.add("acquired") })), &w),
		waitParkedOp(&w, waitReasonSemacquire),
		semreleaseOp(r, &sema, true),
		do(func(gp *G) {
			// The count went to the waiter, not to *addr.
			log.add("sema=%d", atomic.LoadUint32(&sema))
		}),
		waitExitedOp(&w),
	)
	runMain(t, r, main)
	if got, want := log.String(), "sema=0 acquired"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// waitExitedOp yields until *gpp has exited.
func waitExitedOp(gpp **G) op {
	return func(gp *G, _ bool) opResult {
		if readgstatus(*gpp) == _Gdead {
			return opNext
		}
		return opYieldRetry
	}
}

// A woken waiter that loses the count to a barging G waits again.
func TestSemaBargeRequeue(t *testing.T) {
	r, _ := newTestRuntime(1, 1)
	var sema uint32
	var log tlog
	var w *G
	main := newScript("main.main",
		goOp(r, newScript("main.waiter", semacquireOp(r, &sema, false), do(func(gp *G) { log.add("waiter") })), &w),
		waitParkedOp(&w, waitReasonSemacquire),
		semreleaseOp(r, &sema, false), // w readied into runnext
		semacquireOp(r, &sema, false), // main barges in and takes the count
		do(func(gp *G) { log.add("main") }),
		waitParkedOp(&w, waitReasonSemacquire), // w lost and sleeps again
		semreleaseOp(r, &sema, false),
		waitExitedOp(&w),
	)
	runMain(t, r, main)
	if got, want := log.String(), "main waiter"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// Gs use a semaphore as a mutex around a plain counter: the race detector
// checks that Semrelease/Semacquire order the accesses.
func TestSemaHammerMutex(t *testing.T) {
	const (
		gs    = 200
		iters = 50
	)
	r, _ := newTestRuntime(2, 5)
	sema := uint32(1)
	counter := 0
	done := MakeChan(gs, Value{})
	var ops []op
	for i := 0; i < gs; i++ {
		i := i
		body := repeat(iters, func(k int) []op {
			o := []op{semacquireOp(r, &sema, k%3 == 0), do(func(*G) { counter++ })}
			if k%4 == 0 {
				o = append(o, func(*G, bool) opResult { return opYield })
			}
			return append(o, semreleaseOp(r, &sema, i%2 == 0))
		})
		body = append(body, sendOp(r, done, iv(1), nil))
		ops = append(ops, goOp(r, newScript("main.worker", body...), nil))
	}
	ops = append(ops, repeat(gs, func(int) []op { return []op{recvOp(r, done, nil)} })...)
	if code := runMain(t, r, newScript("main.main", ops...)); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if counter != gs*iters {
		t.Fatalf("counter = %d, want %d", counter, gs*iters)
	}
	if sema != 1 {
		t.Fatalf("sema = %d, want 1", sema)
	}
}

func notifyWaitOp(r *Runtime, l *NotifyList, name string, log *tlog) op {
	var ticket uint32
	return func(gp *G, resumed bool) opResult {
		if resumed {
			r.NotifyListWaitDone(gp)
		} else {
			ticket = r.NotifyListAdd(l)
			if !r.NotifyListWait(gp, l, ticket) {
				return opPark
			}
		}
		log.add("%s", name)
		return opNext
	}
}

func TestNotifyList(t *testing.T) {
	forProcs(t, func(t *testing.T, procs int) {
		r, _ := newTestRuntime(procs, 1)
		var l NotifyList
		var log tlog
		done := MakeChan(4, Value{})
		gs := make([]*G, 4)
		var ops []op
		for i := range gs {
			s := newScript("main.waiter", notifyWaitOp(r, &l, fmt.Sprintf("w%d", i), &log), sendOp(r, done, iv(1), nil))
			ops = append(ops, goOp(r, s, &gs[i]), waitParkedOp(&gs[i], waitReasonSyncCondWait))
		}
		ops = append(ops,
			do(func(gp *G) { r.NotifyListNotifyOne(gp, &l) }),
			recvOp(r, done, nil),
			do(func(gp *G) { r.NotifyListNotifyOne(gp, &l) }),
			recvOp(r, done, nil),
			do(func(gp *G) { log.add("all"); r.NotifyListNotifyAll(gp, &l) }),
			recvOp(r, done, nil),
			recvOp(r, done, nil),
			do(func(gp *G) {
				// A ticket notified before its Wait does not block.
				tk := r.NotifyListAdd(&l)
				r.NotifyListNotifyOne(gp, &l)
				log.add("early=%v", r.NotifyListWait(gp, &l, tk))
				// Nothing to notify: a no-op.
				r.NotifyListNotifyOne(gp, &l)
				r.NotifyListNotifyAll(gp, &l)
			}),
		)
		runMain(t, r, newScript("main.main", ops...))
		got := log.String()
		if !strings.HasPrefix(got, "w0 w1 all ") || !strings.HasSuffix(got, " early=true") ||
			!strings.Contains(got, "w2") || !strings.Contains(got, "w3") {
			t.Fatalf("got %q", got)
		}
	})
}
