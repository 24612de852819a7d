package rt

// Deterministic scheduling: a run reproduced exactly from its seed.
//
// gc cannot replay a schedule; goro owns every scheduling decision, so it
// can. Under a Det config the Runtime keeps one P (GOMAXPROCS keeps its
// meaning for the program: runtime.GOMAXPROCS reports it, but one G runs at
// a time), every runnable G waits in one list (det.runq) instead of the
// run queues, and a strategy seeded from Config.Seed decides:
//
//   - which G runs next (pick);
//   - how long it runs: a budget of safe points (function calls and loop
//     back-edges, counted by the executor in G.Budget), never wall time;
//   - whether it yields at a synchronisation point: before a channel send
//     or receive or a select (YieldBefore: the operation starts again when
//     the G runs next), after a close, a go statement, an atomic operation
//     or a semaphore operation behind Mutex, WaitGroup and Cond
//     (SyncPoint: at the next safe point).
//
// Select's choice and map iteration seeds come from the M's seeded stream,
// goids from the one P's batches, so they follow. Time is virtual: the
// clock stands still while any G can run and jumps to the next timer when
// none can (testing/synctest's rule, for the whole program and for every
// kind of wait, mutexes included), starting at 2000-01-01 00:00:00 UTC;
// a G that uses its whole slice computing moves it by 16 ns a safe point.
//
// Host calls keep the P (the program waits for them, as one thread would),
// except those that wait on the world outside for as long as it likes (a
// read of a pipe or a terminal, a child process, a signal): they hand the
// P off as in normal mode, and the first one to come back reports once on
// stderr that the schedule from then on depends on the host's timing.
//
// Strategies: random (the next G uniformly at random, slices of 1 to 64
// safe points, a yield at one synchronisation point in four) and pct
// (Burckhardt et al., "A Randomized Scheduler with Probabilistic Guarantees
// of Finding Bugs", ASPLOS 2010: the runnable G of highest priority runs;
// a G gets a random priority when it starts; at d-1 random
// synchronisation points the running G drops to a low priority; a G whose
// slice runs out drops below all others, so spinning loops make progress).

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// Strategy is how a deterministic schedule chooses.
type Strategy int

const (
	StrategyRandom Strategy = iota
	StrategyPCT
)

// DetConfig asks for a deterministic schedule (Config.Det).
type DetConfig struct {
	Strategy Strategy
	Depth    int          // pct: d, the number of priority change points + 1 (0: 3)
	Steps    int64        // pct: the synchronisation points a run is expected to pass (0: 1000)
	Trace    io.Writer    // if set, every decision, one per line (goro's -schedtrace)
	Stats    *DetStats    // if set, filled in as the run goes
	Note     func(string) // called once if host timing enters the schedule (nil: a line on stderr)
}

// DetStats describes a deterministic run.
type DetStats struct {
	Picks int64  // scheduling decisions
	Steps int64  // synchronisation points passed
	Hash  uint64 // of the sequence of Gs picked: equal hashes, equal interleavings
}

// The virtual clock's wall time at nanotime 0 (testing/synctest's epoch).
var detEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

const (
	// maxBudget is a G's slice in normal mode: never reached (sysmon's
	// stackPreempt ends slices there).
	maxBudget = 1 << 62
	// randomSlice bounds the random strategy's slices (safe points).
	randomSlice = 64
	// pctSlice is pct's slice: long, since pct switches at its change
	// points; a G that uses it up is spinning and drops below the rest.
	pctSlice = 1 << 14
	// safePointNS is the virtual time a safe point of a used-up slice
	// takes (ran): about an interpreted call's.
	safePointNS = 16
)

type detSched struct {
	cfg DetConfig

	mu   sync.Mutex
	runq []*G // runnable Gs, in the order they became runnable

	// Written only by the M holding the one P.
	x       uint64 // splitmix64 state
	cur     *G     // the G running
	slice   int64  // cur's budget when it started
	forced  bool   // cur's Budget was cut by the strategy, not used up
	steps   int64
	picks   int64
	hash    uint64
	nextPri int64
	change  []int64 // pct: steps at which the running G's priority drops
	vnow    atomic.Int64

	hostWait atomic.Int32 // Gs in host calls the clock waits for
	noted    atomic.Bool
}

func newDetSched(cfg DetConfig, seed uint64) *detSched {
	d := &detSched{cfg: cfg, hash: 14695981039346656037}
	d.x = seed*0x9E3779B97F4A7C15 ^ 0xD1B54A32D192ED03
	d.vnow.Store(1)
	if cfg.Strategy == StrategyPCT {
		depth := cfg.Depth
		if depth <= 0 {
			depth = 3
		}
		steps := cfg.Steps
		if steps <= 0 {
			steps = 1000
		}
		for i := 1; i < depth; i++ {
			d.change = append(d.change, 1+int64(d.rand()%uint64(steps)))
		}
		// sorted, small
		for i := range d.change {
			for j := i + 1; j < len(d.change); j++ {
				if d.change[j] < d.change[i] {
					d.change[i], d.change[j] = d.change[j], d.change[i]
				}
			}
		}
		d.nextPri = int64(depth)
	}
	return d
}

func (d *detSched) rand() uint64 {
	d.x += 0x9E3779B97F4A7C15
	z := d.x
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// put makes gp runnable (every runqput and globrunqput of det mode).
func (d *detSched) put(gp *G) {
	d.mu.Lock()
	if d.cfg.Strategy == StrategyPCT {
		if gp.x().detPrio == 0 {
			// A new G (0: none yet): a random priority above the change points' (1..d-1).
			gp.x().detPrio = d.nextPri + int64(d.rand()%(1<<20))
		}
		if c := d.cur; c != nil && c != gp && gp.x().detPrio > c.x().detPrio && c.Budget > 0 {
			c.Budget, d.forced = 0, true // the higher G runs at the next safe point
		}
	}
	d.runq = append(d.runq, gp)
	d.mu.Unlock()
}

func (d *detSched) runnable() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.runq)
}

// pick takes the next G to run, or nil.
func (d *detSched) pick() *G {
	d.mu.Lock()
	n := len(d.runq)
	if n == 0 {
		d.mu.Unlock()
		return nil
	}
	i := 0
	switch d.cfg.Strategy {
	case StrategyRandom:
		i = int(d.rand() % uint64(n))
	case StrategyPCT:
		for j := 1; j < n; j++ {
			if d.runq[j].x().detPrio > d.runq[i].x().detPrio {
				i = j
			}
		}
	}
	gp := d.runq[i]
	copy(d.runq[i:], d.runq[i+1:])
	d.runq[n-1] = nil
	d.runq = d.runq[:n-1]
	d.mu.Unlock()
	d.picks++
	d.hash = (d.hash ^ gp.goid) * 1099511628211
	if w := d.cfg.Trace; w != nil {
		fmt.Fprintf(w, "%d: g%d runs (%d runnable)\n", d.picks, gp.goid, n)
	}
	d.stats()
	return gp
}

func (d *detSched) stats() {
	if s := d.cfg.Stats; s != nil {
		s.Picks, s.Steps, s.Hash = d.picks, d.steps, d.hash
	}
}

// slice is the budget of safe points of gp's next time slice.
func (d *detSched) nextSlice() int64 {
	d.forced = false
	d.slice = pctSlice
	if d.cfg.Strategy == StrategyRandom {
		d.slice = 1 + int64(d.rand()%randomSlice)
	}
	return d.slice
}

// ran is called when gp's slice has ended with ev.
func (d *detSched) ran(gp *G, ev Event) {
	d.cur = nil
	if ev == EvPreempt && !d.forced {
		// gp used its whole slice: it computes (or spins). Its work moves
		// the clock, so that a loop waiting for time to pass (time.Since,
		// a benchmark's b.N) ends; Gs that only block leave it alone, and
		// their timers keep their ties.
		d.vnow.Add(d.slice * safePointNS)
		if d.cfg.Strategy == StrategyPCT {
			gp.x().detPrio = -1 // spinning: everything else goes first
		}
	}
	if ev == EvYield && gp.gosched && d.cfg.Strategy == StrategyPCT {
		// runtime.Gosched asks for the others to run: under pct a G that
		// kept the highest priority would run again at once, and a loop
		// waiting on Gosched for another G would never end.
		gp.x().detPrio = -1
	}
	gp.gosched = false
	if w := d.cfg.Trace; w != nil {
		what := ""
		switch ev {
		case EvPark:
			what = "parks: " + gp.waitreason.String()
		case EvYield:
			what = "yields"
		case EvPreempt:
			what = "is preempted"
		case EvExit:
			what = "exits"
		default:
			return
		}
		fmt.Fprintf(w, "  g%d %s (step %d)\n", gp.goid, what, d.steps)
	}
}

// syncPoint is a synchronisation point of gp, the running G: it reports
// whether the strategy switches to another G here.
func (d *detSched) syncPoint(gp *G) bool {
	d.steps++
	switch d.cfg.Strategy {
	case StrategyRandom:
		return d.rand()%4 == 0
	case StrategyPCT:
		yield := false
		for len(d.change) > 0 && d.change[0] <= d.steps {
			gp.x().detPrio = int64(len(d.change)) // d-1, then d-2, ..., 1
			d.change = d.change[1:]
			if w := d.cfg.Trace; w != nil {
				fmt.Fprintf(w, "  g%d drops to priority %d (step %d)\n", gp.goid, gp.x().detPrio, d.steps)
			}
			yield = true
		}
		return yield
	}
	return false
}

// advance moves the virtual clock to the earliest timer, if there is one.
func (r *Runtime) detAdvance() bool {
	when, ok := r.timers.next()
	if !ok {
		return false
	}
	d := r.det
	if when > d.vnow.Load() {
		if w := d.cfg.Trace; w != nil {
			fmt.Fprintf(w, "time +%v\n", time.Duration(when-d.vnow.Load()))
		}
		d.vnow.Store(when)
		r.clock.coarse.Store(when)
	}
	return true
}

// findRunnableDet is findRunnable under a deterministic schedule.
func (r *Runtime) findRunnableDet(mp *M) (*G, bool) {
	d := r.det
	for {
		r.stopspinning(mp) // one P: no M looks for work beside this one (wakep marks the M it wakes)
		if r.exiting.Load() {
			r.releasepIfHeld(mp)
			return nil, false
		}
		r.gcstopm(mp) // the host stops the world (a dump)
		pp, stop := r.takeP(mp)
		if stop {
			return nil, false
		}
		if pp == nil {
			continue
		}
		r.checkTimers()
		if gp := d.pick(); gp != nil {
			return gp, true
		}
		// No G can run. Sockets ready now come first, once what the
		// program sent over the loopback has arrived (netpoll_det.go).
		// Time moves only when no G is in a host call it waits for; else
		// the M sleeps until that call brings its G back, or waits on the
		// network.
		if r.netpollWaiters() {
			r.settleAll()
			if r.netpollOnce(0) > 0 {
				continue
			}
		}
		if d.hostWait.Load() == 0 && r.detAdvance() {
			continue
		}
		r.sched.lock.Lock()
		if d.runnable() > 0 {
			r.sched.lock.Unlock()
			continue
		}
		r.releasep(mp)
		r.pidleput(pp)
		r.sched.lock.Unlock()
		if d.runnable() > 0 {
			continue
		}
		if r.netpollWaiters() {
			r.netpollOnce(-1)
			continue
		}
		if !r.stopm(mp) {
			return nil, false
		}
	}
}

// SyncPoint is a synchronisation point of the running gp (an atomic
// operation, from a native): under a deterministic schedule, the strategy
// may end gp's slice here.
func (r *Runtime) SyncPoint(gp *G) {
	if d := r.det; d != nil && gp != nil && gp == d.cur && d.syncPoint(gp) {
		gp.Budget, d.forced = 0, true // at the next safe point
	}
}

// YieldBefore is a synchronisation point of the running gp before an
// operation the executor can start again (a channel send or receive, a
// select): it reports whether gp is to yield now, the operation not yet
// begun.
func (r *Runtime) YieldBefore(gp *G) bool {
	if d := r.det; d != nil && gp == d.cur && d.syncPoint(gp) {
		d.forced = true
		return true
	}
	return false
}

// Deterministic reports whether the program runs under a deterministic
// schedule.
func (r *Runtime) Deterministic() bool { return r.det != nil }

// noteHost reports, once, that a host call's timing entered the schedule.
func (r *Runtime) noteHost(what string) {
	d := r.det
	if d == nil || !d.noted.CompareAndSwap(false, true) {
		return
	}
	msg := "goro: " + what + " returned at a time the host chose: from here on the schedule is not reproducible from its seed"
	if d.cfg.Note != nil {
		d.cfg.Note(msg)
		return
	}
	fmt.Fprintln(r.stderr, msg)
}
