package main

// The flags of deterministic schedules, shared by goro run and goro test:
// -seed N runs the program under the schedule seed N chooses (rt/det.go);
// -strategy and -pct-depth say how it chooses; -schedtrace FILE writes
// every decision.

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/goro-dev/goro"
)

type schedFlags struct {
	seed       uint64
	seedSet    bool
	strategy   string
	depth      int
	steps      int64
	schedtrace string
}

func (sf *schedFlags) register(fs *flag.FlagSet) {
	fs.Func("seed", "run under the deterministic schedule `N` chooses (decimal or 0x hex): the same seed, the same run", func(s string) error {
		v, err := strconv.ParseUint(s, 0, 64)
		if err != nil {
			return fmt.Errorf("not a seed: %q", s)
		}
		sf.seed, sf.seedSet = v, true
		return nil
	})
	fs.StringVar(&sf.strategy, "strategy", "random", "how a deterministic schedule chooses: random or pct")
	fs.IntVar(&sf.depth, "pct-depth", 3, "the pct strategy's bug depth `d`")
	fs.Int64Var(&sf.steps, "pct-steps", 1000, "the synchronisation points the pct strategy expects a run to pass (goro test -explore measures it)")
	fs.StringVar(&sf.schedtrace, "schedtrace", "", "write every decision of the deterministic schedule to `file`")
}

// set reports whether a deterministic schedule was asked for.
func (sf *schedFlags) set() bool { return sf.seedSet }

// seedOrClock is the seed given, or one from the clock.
func (sf *schedFlags) seedOrClock() uint64 {
	if sf.seedSet {
		return sf.seed
	}
	return uint64(time.Now().UnixNano())
}

// schedule is the deterministic schedule the flags ask for (nil: none),
// and a function that closes its trace file.
func (sf *schedFlags) schedule() (*goro.Schedule, func(), error) {
	if !sf.seedSet {
		if sf.schedtrace != "" {
			return nil, nil, fmt.Errorf("-schedtrace needs -seed")
		}
		return nil, func() {}, nil
	}
	if sf.strategy != "random" && sf.strategy != "pct" {
		return nil, nil, fmt.Errorf("-strategy %s: want random or pct", sf.strategy)
	}
	s := &goro.Schedule{Strategy: sf.strategy, Depth: sf.depth, Steps: sf.steps}
	closeTrace := func() {}
	if sf.schedtrace != "" {
		f, err := os.Create(sf.schedtrace)
		if err != nil {
			return nil, nil, err
		}
		w := bufio.NewWriter(f)
		s.Trace = w
		closeTrace = func() { w.Flush(); f.Close() }
	}
	return s, closeTrace, nil
}

// gomaxprocs is $GOMAXPROCS, or 0.
func gomaxprocs() int {
	n, _ := strconv.Atoi(os.Getenv("GOMAXPROCS"))
	return n
}
