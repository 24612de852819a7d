package rt

import (
	"fmt"
	"testing"
	"time"
)

// newDetRuntime makes a Runtime under a deterministic schedule.
func newDetRuntime(procs int, seed uint64, strategy Strategy) (*Runtime, *DetStats) {
	e := &fakeExec{}
	var stderr syncBuffer
	stats := &DetStats{}
	r := New(e, Config{GOMAXPROCS: procs, Seed: seed, Stderr: &stderr, Det: &DetConfig{Strategy: strategy, Stats: stats, Steps: 20}})
	e.r = r
	return r, stats
}

// interleave runs three Gs that log and yield three times each, and a main
// G that waits for them on a channel; it returns the log.
func interleave(t *testing.T, seed uint64, strategy Strategy) (string, uint64) {
	r, stats := newDetRuntime(4, seed, strategy)
	var log tlog
	done := MakeChan(0, Value{})
	var ops []op
	for i := range 3 {
		w := newScript(fmt.Sprintf("main.w%d", i),
			do(func(*G) { log.add("%d", i) }), func(*G, bool) opResult { return opYield },
			do(func(*G) { log.add("%d", i) }), func(*G, bool) opResult { return opYield },
			do(func(*G) { log.add("%d", i) }),
			sendOp(r, done, iv(i), nil))
		ops = append(ops, goOp(r, w, nil))
	}
	for range 3 {
		ops = append(ops, recvOp(r, done, func(Value, bool) {}))
	}
	if code := runMain(t, r, newScript("main.main", ops...)); code != 0 {
		t.Fatalf("exit %d", code)
	}
	return log.String(), stats.Hash
}

// TestDetReproducible: the same seed gives the same interleaving (log and
// hash), for both strategies; different seeds give different ones.
func TestDetReproducible(t *testing.T) {
	for _, strategy := range []Strategy{StrategyRandom, StrategyPCT} {
		seen := map[string]bool{}
		for seed := uint64(1); seed <= 20; seed++ {
			log1, h1 := interleave(t, seed, strategy)
			log2, h2 := interleave(t, seed, strategy)
			if log1 != log2 || h1 != h2 {
				t.Fatalf("strategy %d seed %d: %q (%#x) then %q (%#x)", strategy, seed, log1, h1, log2, h2)
			}
			seen[log1] = true
		}
		if len(seen) < 3 {
			t.Errorf("strategy %d: 20 seeds gave %d interleavings", strategy, len(seen))
		}
	}
}

// TestDetVirtualTime: sleeps end in the order of their durations and the
// clock reads what they slept (three hours: runMain's host-time limit would
// end a real wait); GOMAXPROCS reports the
// program's setting while one P runs.
func TestDetVirtualTime(t *testing.T) {
	r, _ := newDetRuntime(4, 1, StrategyRandom)
	var log tlog
	done := MakeChan(3, Value{})
	var ops []op
	for _, d := range []time.Duration{3 * time.Hour, time.Hour, 2 * time.Hour} {
		w := newScript("main.sleeper", sleepOp(r, int64(d)), do(func(*G) { log.add("%v@%v", d, time.Duration(r.Nanotime()-1)) }), sendOp(r, done, iv(0), nil))
		ops = append(ops, goOp(r, w, nil))
	}
	for range 3 {
		ops = append(ops, recvOp(r, done, func(Value, bool) {}))
	}
	if code := runMain(t, r, newScript("main.main", ops...)); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if got, want := log.String(), "1h0m0s@1h0m0s 2h0m0s@2h0m0s 3h0m0s@3h0m0s"; got != want {
		t.Errorf("log %q, want %q", got, want)
	}
	if wall := r.Walltime(); !wall.Equal(detEpoch.Add(3 * time.Hour)) {
		t.Errorf("wall clock %v, want the epoch + 3h", wall)
	}
	if n, p := r.GOMAXPROCS(0), len(r.allp); n != 4 || p != 1 {
		t.Errorf("GOMAXPROCS %d with %d Ps, want 4 with 1", n, p)
	}
}
