package rt

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// spinOp runs until its G is asked to yield (stackguard0 = stackPreempt,
// as the executor sees it at a safe point), counting, then yields and runs
// again; it ends when *stop is set.
func spinOp(count *atomic.Int64, stop *atomic.Bool) op {
	return func(gp *G, _ bool) opResult {
		for gp.stackguard0.Load() != stackPreempt {
			if stop.Load() {
				return opNext
			}
			count.Add(1)
		}
		return opYieldRetry
	}
}

// StopTheWorld stops Gs that compute without ever blocking, on every P:
// while the world is stopped none of them moves and only the caller runs;
// after StartTheWorld they all run again. Then GoroutineProfile lists
// every G, the caller first, with its frames.
func TestStopTheWorld(t *testing.T) {
	const spinners = 6
	r, _ := newTestRuntime(4, 3)
	var counts [spinners]atomic.Int64
	var stop atomic.Bool
	var ops []op
	for i := range spinners {
		ops = append(ops, goOp(r, newScript(fmt.Sprintf("main.spin%d", i), spinOp(&counts[i], &stop)), nil))
	}
	running := func() bool { // every spinner has run
		for i := range counts {
			if counts[i].Load() == 0 {
				return false
			}
		}
		return true
	}
	ops = append(ops,
		func(*G, bool) opResult {
			if !running() {
				return opYieldRetry
			}
			return opNext
		},
	)
	for round := range 3 {
		var before [spinners]int64
		ops = append(ops,
			do(func(gp *G) {
				r.StopTheWorld(gp)
				for i := range counts {
					before[i] = counts[i].Load()
				}
				time.Sleep(5 * time.Millisecond)
				for i := range counts {
					if n := counts[i].Load(); n != before[i] {
						t.Errorf("round %d: spinner %d ran while the world was stopped (%d → %d)", round, i, before[i], n)
					}
				}
				r.sched.lock.Lock()
				for _, mp := range r.allm {
					if g := mp.curg.Load(); g != nil && g != gp {
						t.Errorf("round %d: %s is running while the world is stopped", round, g.startpc.Name())
					}
				}
				r.sched.lock.Unlock()
				r.StartTheWorld()
				recs := r.GoroutineProfile(gp, false)
				if len(recs) != spinners+1 || recs[0].Goid != gp.goid || !recs[0].Main {
					t.Errorf("round %d: profile lists %d Gs (first %d), want %d, main first", round, len(recs), recs[0].Goid, spinners+1)
				}
				for _, rec := range recs[1:] {
					if len(rec.Frames) != 1 {
						t.Errorf("round %d: G %d has %d frames, want its script's 1", round, rec.Goid, len(rec.Frames))
					}
				}
				for i := range counts {
					before[i] = counts[i].Load()
				}
			}),
			// Every spinner runs again (runMain's limit catches one that does not).
			func(*G, bool) opResult {
				for i := range counts {
					if counts[i].Load() == before[i] {
						return opYieldRetry
					}
				}
				return opNext
			})
	}
	ops = append(ops, do(func(*G) { stop.Store(true) }))
	if code := runMain(t, r, newScript("main.main", ops...)); code != 0 {
		t.Fatalf("exit %d", code)
	}
}

// A host reading the goroutines before the program has started (an
// embedder's Monitor while the program compiles) sees none, and the
// program then runs as if nothing had happened (a stop of the world then
// started Ms that found no goroutine and reported a deadlock).
func TestSnapshotBeforeStart(t *testing.T) {
	r, _ := newTestRuntime(2, 1)
	if gs := r.Snapshot(); gs != nil {
		t.Errorf("Snapshot before Main: %d goroutines", len(gs))
	}
	var b strings.Builder
	r.Dump(&b)
	ran := false
	if code := runMain(t, r, newScript("main.main", do(func(*G) { ran = true }))); code != 0 || !ran {
		t.Fatalf("exit %d, main ran: %v", code, ran)
	}
}
