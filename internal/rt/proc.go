package rt

// The scheduler.
//
// As in gc, three kinds of object take part: G (an interpreted goroutine),
// M (an OS thread: here a host goroutine locked to its thread) and P (the
// right to run Gs; GOMAXPROCS of them). An M must hold a P to run a G. Each P
// has a local run queue (a 256-entry lock-free ring plus runnext); a global
// queue under sched.lock catches overflow and Gs whose P is gone. An M that
// finds no work looks at timers, the global queue and then steals half of
// another P's queue, visiting Ps in a seeded random order; failing that, it
// releases its P and sleeps until woken or until the next timer is due.
//
// Running a G means calling Executor.Execute, which interprets the G's
// frames until the G parks, yields or exits and says which. Parking follows
// gc's gopark protocol: the executor (on the G) records the wait reason and an
// unlock function and returns; the M (as gc's g0 in park_m) then sets the
// status to _Gwaiting and only after that calls the unlock function. So a
// waker that needs the lock can never see a G that is still running.
//
// Invariants:
//   - An interpreted G never runs on more than one M; status transitions go
//     through casgstatus.
//   - Every wait goes through gopark with a wait reason and records waitsince.
//   - Randomness (steal order, select order) comes from the runtime's seeded
//     source; time from its clock.
//   - Under a deterministic schedule (det.go) one P runs, every runnable G
//     waits in det's list (runqput and globrunqput put there) and
//     findRunnable defers to findRunnableDet.

import (
	"fmt"
	"io"
	"os"
	goruntime "runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Event is how an Execute call ended.
type Event int

const (
	EvPark    Event = iota // the G called gopark
	EvYield                // runtime.Gosched: requeue on the global queue
	EvPreempt              // preempted at a safe point: requeue on the global queue
	EvExit                 // the G's outermost function returned or it called Goexit
	EvStop                 // the program is exiting; the M should stop
)

// Executor runs Gs. rt calls it; it calls rt's channel, timer and semaphore
// operations, which may ask it to park.
type Executor interface {
	// Execute runs gp until it parks, yields, is preempted or exits.
	Execute(gp *G) Event
}

// Config says how a Runtime runs.
type Config struct {
	GOMAXPROCS int
	Seed       uint64    // seed for the runtime's random source
	Stderr     io.Writer // where fatal errors and tracebacks go
	MaxStack   int       // maximum stack size in slots (0: default)
	// MemoryLimit bounds the host heap in bytes (mem.go; 0: the default).
	MemoryLimit int64
	// Det, if set, runs the program under a deterministic schedule
	// chosen by Seed (det.go).
	Det *DetConfig
	// Trace starts an execution trace as the program starts (goro run
	// -trace): StopTrace and ReadTrace give it when the program has ended.
	Trace bool
	// GODEBUG is the program's $GODEBUG: the runtime reads
	// tracebackancestors and tracebacklabels from it, as gc does.
	GODEBUG string
}

// Runtime is one running program: its scheduler, Ps, Ms, timers and clock.
type Runtime struct {
	exec   Executor
	cfg    Config
	stderr io.Writer
	// crashOut is runtime/debug.SetCrashOutput's file (CrashWriter).
	crashMu  sync.Mutex
	crashOut io.WriteCloser

	sched      schedt
	allp       []*P
	gomaxprocs int32
	allm       []*M

	timers   timers
	clock    clock
	det      *detSched // nil: normal scheduling
	semtable semTable  // sema.go
	netpoll  netpoll   // netpoll.go
	rand     lockedRand

	// BeforeDeadlock, if set, is asked before the program is declared
	// deadlocked (without sched.lock): it reports whether it made a G
	// runnable (finalizers whose objects a collection found dead).
	BeforeDeadlock func() bool

	exiting  atomic.Bool
	started  atomic.Bool // Main has made the main goroutine
	exitCode int
	bug      atomic.Pointer[Bug] // the first internal error
	done     chan struct{}
	doneOnce sync.Once

	sysmonStop    chan struct{}
	maxstack      atomic.Int64 // slots
	memLimit      int64
	maxstackBytes atomic.Int64 // the same limit as gc reports it (gc's maxstacksize)
	metrics       schedMetrics
	trace         tracer
	stwMu         sync.Mutex // held from StopTheWorld to StartTheWorld
	debug         struct {
		tracebackancestors int  // creation stacks kept per G (GODEBUG)
		tracebacklabels    bool // labels in traceback headers (GODEBUG)
		gorocpu            bool // sampled CPU time in traceback headers (GODEBUG=gorocpu=1, goro's own)
		goroalloc          bool // bytes allocated in traceback headers (GODEBUG=goroalloc=1, goro's own)
	}

	// deadlock/fatal output happens once.
	fatalOnce sync.Once

	mainG *G
	// stopping: every M has stopped.
	mWait sync.WaitGroup
}

// New returns a Runtime that runs Gs with exec.
func New(exec Executor, cfg Config) *Runtime {
	if cfg.GOMAXPROCS <= 0 {
		cfg.GOMAXPROCS = goruntime.NumCPU()
	}
	if cfg.Stderr == nil {
		cfg.Stderr = os.Stderr
	}
	r := &Runtime{exec: exec, cfg: cfg, stderr: cfg.Stderr, done: make(chan struct{}), sysmonStop: make(chan struct{})}
	if cfg.MaxStack > 0 {
		r.maxstack.Store(int64(cfg.MaxStack))
		r.maxstackBytes.Store(int64(cfg.MaxStack * SlotBytes))
	} else {
		r.SetMaxStack(defaultMaxStackBytes)
	}
	r.memLimit = cfg.MemoryLimit
	if r.memLimit <= 0 {
		r.memLimit = DefaultMemoryLimit()
	}
	r.rand.seed(cfg.Seed)
	r.metrics.init()
	r.trace.clock = &r.clock
	r.debug.tracebackancestors = godebugInt(cfg.GODEBUG, "tracebackancestors")
	r.debug.tracebacklabels = godebugInt(cfg.GODEBUG, "tracebacklabels") == 1
	r.debug.gorocpu = godebugInt(cfg.GODEBUG, "gorocpu") == 1
	r.debug.goroalloc = godebugInt(cfg.GODEBUG, "goroalloc") == 1
	if cfg.Det != nil {
		r.det = newDetSched(*cfg.Det, cfg.Seed)
		r.clock.det = r.det
		r.clock.init()
		r.procresize(1) // one G runs at a time; GOMAXPROCS is what the program sees
		atomic.StoreInt32(&r.gomaxprocs, int32(cfg.GOMAXPROCS))
		return r
	}
	r.clock.init()
	r.procresize(int32(cfg.GOMAXPROCS))
	return r
}

// godebugInt is the value of setting name in a $GODEBUG list (the last
// one wins), 0 if absent or not a number.
func godebugInt(godebug, name string) int {
	v := 0
	for _, kv := range strings.Split(godebug, ",") {
		if k, val, ok := strings.Cut(kv, "="); ok && k == name {
			v, _ = strconv.Atoi(val)
		}
	}
	return v
}

// Main runs fn as goroutine 1 until the program exits, and returns its exit
// code: 0 when main returns, the code given to Exit, 2 after a fatal error
// or unrecovered panic.
func (r *Runtime) Main(fn Value) int {
	// The first M takes the P at the head of the idle list (the last P
	// procresize made, not necessarily P0): taking allp[0] while another P
	// left the list would leave allp[0] idle and hand it to a second M.
	r.sched.lock.Lock()
	pp := r.pidleget()
	r.sched.lock.Unlock()
	gp := r.newg(nil, FrameSite{}, pp)
	gp.StartFn = fn
	r.mainG = gp
	r.started.Store(true)
	if r.cfg.Trace {
		r.StartTrace(nil)
	}
	r.runqput(pp, gp, false)
	go r.sysmon()
	mp := r.allocm()
	mp.nextp = pp
	r.mWait.Add(1)
	go r.mstart(mp)
	<-r.done
	close(r.sysmonStop)
	if r.netpoll.pds != nil && !r.netpoll.loop {
		r.netpollDone() // a deterministic schedule's M polled; netpollLoop closes its own
	}
	return r.exitCode
}

// Exit ends the program with code: what os.Exit and main's return do, and
// what a host that embeds goro does to kill a program (from any host
// goroutine). Running Gs are asked to stop at their next safe point. It
// reports whether this call ended the program (it was still running).
func (r *Runtime) Exit(code int) (ended bool) {
	r.doneOnce.Do(func() {
		ended = true
		r.exitCode = code
		r.exiting.Store(true)
		r.sched.lock.Lock()
		for _, gp := range r.sched.allgs {
			gp.stackguard0.Store(stackPreempt)
		}
		for _, mp := range r.allm {
			notewakeup(mp) // idle Ms, and Ms waiting for their locked G
		}
		r.sched.lock.Unlock()
		r.netpollBreak()
		close(r.done)
	})
	return ended
}

// Exiting reports whether the program is exiting.
func (r *Runtime) Exiting() bool { return r.exiting.Load() }

// Done is closed when the program has exited.
func (r *Runtime) Done() <-chan struct{} { return r.done }

// procresize sets the number of Ps to n; called at start and by GOMAXPROCS
// (with the world stopped, in gc; here the new Ps simply join the idle list
// and Ps beyond n are retired when their M next schedules).
func (r *Runtime) procresize(n int32) {
	r.sched.lock.Lock()
	defer r.sched.lock.Unlock()
	atomic.StoreInt32(&r.gomaxprocs, n) // first: pidleput retires Ps beyond it
	for int32(len(r.allp)) < n {
		pp := &P{id: int32(len(r.allp)), status: _Pidle}
		r.allp = append(r.allp, pp)
		r.pidleput(pp)
		if r.trace.on.Load() {
			r.traceProcNew(pp)
		}
	}
}

// Gosched records that gp yields by runtime.Gosched (the executor then
// ends its slice with EvYield): a deterministic schedule lets the others
// run first (det.go).
func (r *Runtime) Gosched(gp *G) {
	if r.det != nil {
		gp.gosched = true
	}
}

// StopTheWorld stops every G but gp, which must be running: when it
// returns, no other G runs until StartTheWorld, so their frames and states
// hold still (a goroutine profile's consistent snapshot). As gc's
// stopTheWorld: the other Ps are taken from the idle list or, as their Ms
// give them up, kept stopped (_Pgcstop); running Gs are asked to yield at
// their next safe point, again until they have. Gs in host calls hold no
// P and cannot take one back until the world starts. Under a
// deterministic schedule gp's P is the only one: the world is stopped.
func (r *Runtime) StopTheWorld(gp *G) {
	if r.det != nil && gp != nil || r.exiting.Load() {
		return // under a deterministic schedule a G's P is the only one
	}
	// One stop at a time (gc's worldsema). A G waiting for another's
	// stop gives up its P meanwhile, or the other would wait for it.
	if !r.stwMu.TryLock() {
		if gp != nil {
			r.Entersyscall(gp, SyscallWait)
			r.stwMu.Lock()
			r.Exitsyscall(gp, "")
		} else {
			r.stwMu.Lock()
		}
	}
	start := r.clock.nanotime()
	r.sched.lock.Lock()
	if r.exiting.Load() { // the Ms are leaving: nothing to stop, nothing to start again
		r.sched.lock.Unlock()
		r.stwMu.Unlock()
		return
	}
	r.sched.stwActive = true
	r.sched.gcwaiting.Store(true)
	for pp := r.pidleget(); pp != nil; pp = r.pidleget() {
		r.pidleput(pp) // to stopped
	}
	for _, mp := range r.allm {
		if g := mp.curg.Load(); g != nil && g != gp && readgstatus(g)&^_Gscan == _Grunning {
			// It was running when the world stopped: dumps say so, as
			// gc's (which stops Gs where they run) do (gstatusText).
			g.stwRunning = true
			r.sched.stwRunning = append(r.sched.stwRunning, g)
		}
	}
	for !r.worldStopped(gp) && !r.exiting.Load() {
		for _, mp := range r.allm {
			if g := mp.curg.Load(); g != nil && g != gp {
				g.stackguard0.Store(stackPreempt)
			}
		}
		r.sched.lock.Unlock()
		time.Sleep(20 * time.Microsecond)
		r.sched.lock.Lock()
	}
	r.metrics.stwStart, r.metrics.stwStopped = start, r.clock.nanotime()
	r.metrics.stwStopping.record(r.metrics.stwStopped - start)
	r.sched.lock.Unlock()
}

// gcstopm gives mp's P up if the world is stopping (pidleput then keeps
// it stopped); a retired P's Gs go to the global queue first. The M then
// finds no P and sleeps until the world starts.
func (r *Runtime) gcstopm(mp *M) {
	if !r.sched.gcwaiting.Load() || mp.p == nil {
		return
	}
	if mp.p.id >= atomic.LoadInt32(&r.gomaxprocs) {
		r.retirep(mp)
		return
	}
	r.sched.lock.Lock()
	if r.sched.gcwaiting.Load() {
		r.pidleput(r.releasep(mp))
	}
	r.sched.lock.Unlock()
}

// worldStopped reports whether every P but gp's is stopped or dead. It
// counts (a P's status is written without the lock as an M takes it):
// Ps stop and die only under sched.lock, held by the caller.
func (r *Runtime) worldStopped(gp *G) bool {
	want := len(r.allp)
	if pOf(gp) != nil {
		want--
	}
	return len(r.sched.stopped)+r.sched.ndeadP == want
}

// StartTheWorld undoes StopTheWorld: the stopped Ps go back to work.
func (r *Runtime) StartTheWorld() {
	r.sched.lock.Lock()
	if !r.sched.stwActive { // StopTheWorld stopped nothing
		r.sched.lock.Unlock()
		return
	}
	r.sched.stwActive = false
	r.metrics.stwTotal.record(r.clock.nanotime() - r.metrics.stwStart)
	r.sched.gcwaiting.Store(false)
	for _, g := range r.sched.stwRunning {
		g.stwRunning = false
	}
	r.sched.stwRunning = r.sched.stwRunning[:0]
	stopped := r.sched.stopped
	r.sched.stopped = nil
	work := 0
	for _, pp := range stopped {
		if !runqempty(pp) {
			work++
		}
		r.pidleput(pp)
	}
	if r.sched.runqsize > 0 || r.det != nil && r.det.runnable() > 0 {
		work++
	}
	r.sched.lock.Unlock()
	// A stopped P may hold runnable Gs in its local queue: start an M
	// for each P with work, not one spinning M at a time as wakep does
	// (gc's startTheWorld); none where there is none, or the idle Ms'
	// checks would call a program that has not started deadlocked.
	for range work {
		r.startm(false)
	}
	r.stwMu.Unlock()
}

// startm wakes an idle M, or makes one with an idle P, to look for work
// (spinning: as the one M wakep lets look); false if no P is idle.
func (r *Runtime) startm(spinning bool) bool {
	r.sched.lock.Lock()
	if r.sched.pidle == nil || r.exiting.Load() {
		r.sched.lock.Unlock()
		return false
	}
	if mp := r.mget(); mp != nil {
		mp.spinning = spinning
		r.sched.lock.Unlock()
		notewakeup(mp)
		return true
	}
	pp := r.pidleget()
	r.sched.lock.Unlock()
	mp := r.allocm()
	mp.spinning = spinning
	mp.nextp = pp
	r.mWait.Add(1)
	go r.mstart(mp)
	return true
}

// GOMAXPROCS sets the number of Ps if n > 0 and returns the previous setting.
func (r *Runtime) GOMAXPROCS(n int) int {
	old := int(atomic.LoadInt32(&r.gomaxprocs))
	if n > 0 && n != old {
		if int32(n) > int32(len(r.allp)) && r.det == nil { // a deterministic schedule keeps its one P
			r.procresize(int32(n))
		} else {
			atomic.StoreInt32(&r.gomaxprocs, int32(n))
		}
		r.wakep()
	}
	return old
}

// DefaultGOMAXPROCS is the program's GOMAXPROCS at start
// (runtime.SetDefaultGOMAXPROCS goes back to it).
func (r *Runtime) DefaultGOMAXPROCS() int { return r.cfg.GOMAXPROCS }

// NumGoroutine returns the number of live Gs.
func (r *Runtime) NumGoroutine() int {
	r.sched.lock.Lock()
	defer r.sched.lock.Unlock()
	n := 0
	for _, gp := range r.sched.allgs {
		s := readgstatus(gp) &^ _Gscan
		if s != _Gdead && s != _Gidle {
			n++
		}
	}
	return n
}

// allocm creates a new M.
func (r *Runtime) allocm() *M {
	r.sched.lock.Lock()
	r.sched.mnext++
	mp := &M{id: r.sched.mnext - 1, park: make(chan struct{}, 1)}
	mp.rand = r.rand.next() | 1
	r.sched.mcount++
	r.allm = append(r.allm, mp)
	r.sched.lock.Unlock()
	return mp
}

// mstart is the body of an M: lock to an OS thread, then schedule forever.
func (r *Runtime) mstart(mp *M) {
	defer r.mWait.Done()
	defer r.catchBug(func() *G { return mp.curg.Load() })
	goruntime.LockOSThread()
	defer goruntime.UnlockOSThread()
	// A fault reading a mapped file (the standard-library image a
	// program's code is decoded from: load.ImageData) panics, as a goro
	// bug does (catchBug), rather than crash the host.
	debug.SetPanicOnFault(true)
	if mp.nextp != nil {
		r.acquirep(mp, mp.nextp)
		mp.nextp = nil
	}
	for {
		if mp.lockedg != nil {
			// Wired to a G that is not running: run only it.
			gp := r.stoplockedm(mp)
			if gp == nil {
				return
			}
			r.execute(mp, gp)
			continue
		}
		gp, ok := r.findRunnable(mp)
		if !ok {
			return
		}
		if l := gp.lockedM(); l != nil && l != mp {
			r.startlockedm(mp, gp)
			continue
		}
		r.execute(mp, gp)
	}
}

// LockOSThread wires gp to its M (runtime.LockOSThread): until as many
// UnlockOSThread calls, gp runs only on that M and the M runs only gp.
func (r *Runtime) LockOSThread(gp *G) {
	x := gp.x()
	x.lockedExt++
	if x.lockedm == nil {
		mp := gp.m
		x.lockedm = mp
		mp.lockedg = gp
	}
}

// UnlockOSThread undoes one LockOSThread.
func (r *Runtime) UnlockOSThread(gp *G) {
	x := gp.rare
	if x == nil || x.lockedExt == 0 {
		return
	}
	x.lockedExt--
	if x.lockedExt == 0 && x.lockedm != nil {
		x.lockedm.lockedg = nil
		x.lockedm = nil
	}
}

// stoplockedm parks mp, whose locked G is not running, until another M
// hands it the G (startlockedm) with a P; it returns the G, or nil when the
// program is exiting. mp's P goes to whoever needs it meanwhile.
func (r *Runtime) stoplockedm(mp *M) *G {
	r.sched.lock.Lock()
	if pp := r.releasep(mp); pp != nil {
		r.pidleput(pp)
	}
	r.sched.nmidlelocked++
	dead := r.checkdead()
	r.sched.lock.Unlock()
	if dead {
		return nil
	}
	r.wakep()
	for {
		<-mp.park
		if r.exiting.Load() {
			return nil
		}
		if mp.nextp != nil {
			break
		}
	}
	r.sched.lock.Lock()
	r.sched.nmidlelocked--
	r.sched.lock.Unlock()
	r.acquirep(mp, mp.nextp)
	mp.nextp = nil
	return mp.lockedg
}

// startlockedm hands gp, which is wired to another M, to that M together
// with mp's P; mp then looks for a P again.
func (r *Runtime) startlockedm(mp *M, gp *G) {
	other := gp.lockedM()
	pp := r.releasep(mp)
	other.nextp = pp
	notewakeup(other)
}

// execute runs gp on mp until the executor hands it back, then does what the
// Event asks: gc's execute, park_m, gosched_m, goexit0.
func (r *Runtime) execute(mp *M, gp *G) {
	gp.runStart.Store(r.clock.coarseNanotime()) // before curg: sysmon reads them in the other order
	mp.curg.Store(gp)
	gp.m = mp
	casgstatus(gp, _Grunnable, _Grunning)
	r.trackRunning(gp)
	if r.trace.on.Load() {
		r.traceGoStart(mp, gp)
	}
	gp.waitsince = 0
	gp.parkFrame = nil
	gp.preempt = false
	gp.stackguard0.Store(int64(gp.stack.hi - stackGuard))
	if r.exiting.Load() || r.sched.gcwaiting.Load() {
		gp.stackguard0.Store(stackPreempt)
	}
	pp := mp.p
	pp.schedtick++
	gp.Budget = maxBudget
	if d := r.det; d != nil {
		d.cur, gp.Budget = gp, d.nextSlice()
	}
	ev := r.exec.Execute(gp)
	if d := r.det; d != nil {
		d.ran(gp, ev)
	}
	if r.trace.on.Load() {
		r.traceGoPark(mp, gp, ev)
	}
	mp.curg.Store(nil)
	gp.m = nil
	gp.trackStopped()
	switch ev {
	case EvPark:
		unlock, commit := gp.parkUnlock, gp.parkCommit
		gp.parkUnlock, gp.parkCommit = nil, nil
		// A bubble does not idle until unlock has committed the park
		// (gc's park_m); unlock may take gp out of its bubble.
		b := gp.bubble
		if b != nil {
			b.incActive()
		}
		casgstatus(gp, _Grunning, _Gwaiting)
		if unlock != nil {
			unlock()
		}
		if commit != nil {
			commit(gp)
		}
		if b != nil {
			b.decActive()
		}
	case EvYield, EvPreempt:
		casgstatus(gp, _Grunning, _Grunnable)
		r.trackRunnable(gp)
		r.sched.lock.Lock()
		r.globrunqput(gp)
		if r.sched.syswait != nil && mp.lockedg == nil {
			// An M back from a syscall waits for a P: this one, at the
			// end of its G's time slice, so that Gs returning from
			// syscalls are not starved by Gs that never block.
			r.pidleput(r.releasep(mp))
		}
		r.sched.lock.Unlock()
	case EvExit:
		r.gdestroy(mp, gp)
	case EvStop:
		casgstatus(gp, _Grunning, _Grunnable)
	}
}

// gopark parks the current G: the executor returns EvPark after calling it,
// and the M then marks gp waiting and calls unlock (which must release what
// the waker needs). reason says why.
func (r *Runtime) gopark(gp *G, unlock func(), reason waitReason) {
	r.parking(gp, reason)
	gp.parkUnlock = unlock
}

// goparkCommit is gopark with a commit that takes the G (chan.go's and
// select.go's): a func value with no closure to make per G.
func (r *Runtime) goparkCommit(gp *G, commit func(*G), reason waitReason) {
	r.parking(gp, reason)
	gp.parkCommit = commit
}

// parking records why and since when gp waits.
func (r *Runtime) parking(gp *G, reason waitReason) {
	gp.waitreason = reason
	gp.waitsince = r.clock.coarseNanotime()
	r.mutexWaitStart(gp)
}

// goready makes gp runnable, putting it in runnext of the caller's P.
// callergp may be nil (a timer or a host helper readies gp).
func (r *Runtime) goready(gp *G, callergp *G) {
	status := readgstatus(gp)
	if status&^_Gscan != _Gwaiting {
		throw(fmt.Sprintf("goready: bad g status %x", status))
	}
	casgstatus(gp, _Gwaiting, _Grunnable)
	r.mutexWaitEnd(gp)
	r.trackRunnable(gp)
	if r.trace.on.Load() {
		r.traceGoUnblock(callergp, gp)
	}
	gp.waitreason = waitReasonZero
	r.runqputnext(pOf(callergp), gp)
}

// pOf returns the P of gp's M when gp is running, else nil.
func pOf(gp *G) *P {
	if gp != nil && gp.m != nil {
		return gp.m.p
	}
	return nil
}

// runqputnext makes gp the next G of pp (the global queue when there is no
// P) and wakes an M to run the work this may displace.
func (r *Runtime) runqputnext(pp *P, gp *G) {
	if pp != nil {
		r.runqput(pp, gp, true)
	} else {
		r.sched.lock.Lock()
		r.globrunqput(gp)
		r.sched.lock.Unlock()
	}
	r.wakep()
}

// newg allocates a G (from a free list if one is there) created by parent at
// site, and gives it a goid. It is left _Grunnable, not yet queued.
func (r *Runtime) newg(parent *G, site FrameSite, pp *P) *G {
	var b *Bubble
	if parent != nil {
		b = parent.bubble
	}
	return r.newgIn(parent, b, site, pp)
}

// newgIn is newg for a G in bubble b (nil: none).
func (r *Runtime) newgIn(parent *G, b *Bubble, site FrameSite, pp *P) *G {
	var gp *G
	if pp != nil && len(pp.gFree) > 0 {
		gp = pp.gFree[len(pp.gFree)-1]
		pp.gFree = pp.gFree[:len(pp.gFree)-1]
	} else {
		r.sched.lock.Lock()
		if n := len(r.sched.gFree); n > 0 {
			gp = r.sched.gFree[n-1]
			r.sched.gFree = r.sched.gFree[:n-1]
		}
		r.sched.lock.Unlock()
	}
	if gp == nil {
		// The stack comes with the first frame (StartStack), sized to it.
		gp = &G{}
		gp.atomicstatus.Store(_Gidle)
		r.sched.lock.Lock()
		r.sched.allgs = append(r.sched.allgs, gp)
		r.sched.lock.Unlock()
		casgstatus(gp, _Gidle, _Gdead)
	}
	gp.stackguard0.Store(int64(gp.stack.hi - stackGuard))
	gp.goid = r.newgoid(pp)
	gp.rare = nil
	gp.background = parent != nil && parent.background
	gp.labels = nil
	gp.FIPSBypass = false
	gp.cpuNanos.Store(0)
	gp.allocBytes, gp.allocCount = 0, 0
	if parent != nil {
		gp.parentGoid = parent.goid
		gp.labels = parent.labels
		gp.FIPSBypass = parent.FIPSBypass
		if a := r.saveAncestors(parent); a != nil {
			gp.x().ancestors = a
		}
	}
	gp.gopc = site
	gp.trackingSeq = uint8(gp.goid)
	gp.tracking = gp.trackingSeq%gTrackingPeriod == 0
	r.metrics.created.Add(1)
	gp.bubble = b
	if b != nil {
		b.mu.Lock()
		if b.mainNext {
			b.main, b.mainNext = gp, false
		}
		b.mu.Unlock()
	}
	casgstatus(gp, _Gdead, _Grunnable)
	r.trackRunnable(gp)
	return gp
}

// Newproc creates a G running fn(args...) from the go statement at site in
// parent, and queues it on parent's P (gc's newproc).
func (r *Runtime) Newproc(parent *G, site FrameSite, start FuncInfo, fn Value, args []Value) *G {
	gp := r.newproc1(parent, site, start, fn, args)
	if r.trace.on.Load() {
		r.traceGoCreate(parent, gp, false)
	}
	r.runqputnext(pOf(parent), gp)
	r.SyncPoint(parent)
	return gp
}

// newproc1 makes a runnable G for fn(args...), not yet queued.
func (r *Runtime) newproc1(parent *G, site FrameSite, start FuncInfo, fn Value, args []Value) *G {
	gp := r.newg(parent, site, pOf(parent))
	gp.startpc = start
	gp.StartFn = fn
	gp.StartArgs = args
	return gp
}

// gdestroy is goexit0: gp exited; clear it and keep it for reuse.
func (r *Runtime) gdestroy(mp *M, gp *G) {
	r.metrics.allocs.Add(gp.allocCount)
	r.metrics.allocBytes.Add(gp.allocBytes)
	casgstatus(gp, _Grunning, _Gdead)
	if gp.rare != nil && gp.rare.coro != nil {
		r.coroexit(gp)
	}
	if gp == r.mainG && !gp.Goexited {
		// main returning ends the program (as gc's main.main return);
		// after main's Goexit the others run on (checkdead reports the
		// end of the last).
		r.Exit(0)
	}
	gp.Goexited = false
	clear(gp.Stk[gp.stack.lo:gp.stack.hi])
	gp.sched.frames = gp.sched.frames[:0]
	gp._defer, gp._panic = nil, nil
	gp.param, gp.waiting = nil, nil
	gp.StartFn, gp.StartArgs, gp.Exec = Value{}, nil, nil
	gp.waitreason = waitReasonZero
	if l := gp.lockedM(); l != nil {
		l.lockedg = nil // gc ends the thread; goro reuses the M
	}
	gp.rare = nil
	gp.bubble = nil // after the move to _Gdead, which the bubble counted
	if mp.p != nil {
		pp := mp.p
		pp.gFree = append(pp.gFree, gp)
		if len(pp.gFree) >= 64 {
			r.sched.lock.Lock()
			for len(pp.gFree) >= 32 {
				n := len(pp.gFree) - 1
				r.sched.gFree = append(r.sched.gFree, pp.gFree[n])
				pp.gFree = pp.gFree[:n]
			}
			r.sched.lock.Unlock()
		}
	}
}

// findRunnable finds a G to run for mp, sleeping when there is none. It
// returns ok=false when the program is exiting.
func (r *Runtime) findRunnable(mp *M) (*G, bool) {
	if r.det != nil {
		return r.findRunnableDet(mp)
	}
	gp, ok := r.findRunnable1(mp)
	if ok {
		r.resetspinning(mp)
	} else {
		r.stopspinning(mp)
	}
	return gp, ok
}

func (r *Runtime) findRunnable1(mp *M) (*G, bool) {
	for {
		if r.exiting.Load() {
			r.releasepIfHeld(mp)
			return nil, false
		}
		r.gcstopm(mp)
		pp, stop := r.takeP(mp)
		if stop {
			return nil, false
		}
		if pp == nil {
			continue
		}
		if pp.id >= atomic.LoadInt32(&r.gomaxprocs) {
			// This P is retired: move its Gs to the global queue.
			r.retirep(mp)
			continue
		}
		r.checkTimers()
		// Check the global queue once in a while for fairness.
		if pp.schedtick%61 == 0 && atomic.LoadInt32(&r.sched.runqsize) > 0 {
			r.sched.lock.Lock()
			gp := r.globrunqget(pp, 1)
			r.sched.lock.Unlock()
			if gp != nil {
				return gp, true
			}
		}
		if gp, _ := r.runqget(pp); gp != nil {
			return gp, true
		}
		r.sched.lock.Lock()
		if r.sched.runqsize > 0 {
			gp := r.globrunqget(pp, 0)
			r.sched.lock.Unlock()
			return gp, true
		}
		r.sched.lock.Unlock()
		if gp := r.stealWork(mp, pp); gp != nil {
			return gp, true
		}
		// Nothing: give up the P and sleep.
		r.sched.lock.Lock()
		if r.sched.runqsize > 0 {
			gp := r.globrunqget(pp, 0)
			r.sched.lock.Unlock()
			return gp, true
		}
		r.releasep(mp)
		r.pidleput(pp)
		r.sched.lock.Unlock()
		r.stopspinning(mp)
		// Recheck all run queues after releasing the P (gc does the same to
		// close the race with a concurrent runqput + wakep).
		if r.anyRunnable() {
			continue
		}
		if !r.stopm(mp) {
			return nil, false
		}
	}
}

// takeP returns mp's P, taking an idle one if it has none (it lost it:
// GOMAXPROCS shrank, a syscall, an idle spell). With none idle the M sleeps
// and takeP returns nil (the caller looks for work again), and stop=true
// if the program is exiting.
func (r *Runtime) takeP(mp *M) (pp *P, stop bool) {
	if pp = mp.p; pp != nil {
		return pp, false
	}
	r.sched.lock.Lock()
	pp = r.pidleget()
	r.sched.lock.Unlock()
	if pp == nil {
		r.stopspinning(mp)
		return nil, !r.stopm(mp)
	}
	r.acquirep(mp, pp)
	return pp, false
}

func (r *Runtime) anyRunnable() bool {
	if atomic.LoadInt32(&r.sched.runqsize) > 0 {
		return true
	}
	for _, p2 := range r.allp {
		if !runqempty(p2) {
			return true
		}
	}
	return false
}

// stealWork tries to steal a G from another P, visiting Ps in random order.
func (r *Runtime) stealWork(mp *M, pp *P) *G {
	n := uint32(len(r.allp))
	if n <= 1 {
		return nil
	}
	for tries := 0; tries < 4; tries++ {
		start := uint32(r.mrand(mp))
		for i := uint32(0); i < n; i++ {
			p2 := r.allp[(start+i)%n]
			if p2 == pp {
				continue
			}
			if gp := r.runqsteal(pp, p2, tries == 3); gp != nil {
				return gp
			}
		}
	}
	return nil
}

// stopm puts mp on the idle list and blocks it until it is woken. The last
// M to go idle checks for deadlock and sleeps until the next timer instead.
// It returns false when the program is exiting.
func (r *Runtime) stopm(mp *M) bool {
	r.sched.lock.Lock()
	if r.exiting.Load() {
		r.sched.lock.Unlock()
		return false
	}
	mp.schedlink = r.sched.midle
	r.sched.midle = mp
	r.sched.nmidle++
	dead := r.checkdead()
	r.sched.lock.Unlock()
	if dead {
		return false
	}
	var timeout <-chan time.Time
	// Sleep until the next timer only if there is an idle P to run it
	// with: otherwise the Ms holding the Ps run it when they schedule, and
	// a due timer would wake this M again and again (it finds no P, and
	// comes back here with a deadline in the past).
	if when, ok := r.timers.next(); ok && r.sched.npidle.Load() > 0 && r.det == nil {
		d := time.Duration(when - r.clock.nanotime())
		if d < 0 {
			d = 0
		}
		t := time.NewTimer(d)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case <-mp.park:
	case <-timeout:
	}
	// wakep takes mp off the idle list before waking it, but
	// wakeTimerSleeper and Exit wake it in place, and a timeout leaves it
	// there: an M that runs must not stay on the list (it would be counted
	// idle by checkdead and linked twice by its next stopm).
	r.sched.lock.Lock()
	r.midleremove(mp)
	r.sched.lock.Unlock()
	return !r.exiting.Load()
}

// midleremove takes mp off the idle list if it is there. sched.lock must be held.
func (r *Runtime) midleremove(mp *M) {
	for pm := &r.sched.midle; *pm != nil; pm = &(*pm).schedlink {
		if *pm == mp {
			*pm = mp.schedlink
			mp.schedlink = nil
			r.sched.nmidle--
			return
		}
	}
}

// mget takes an idle M. sched.lock must be held.
func (r *Runtime) mget() *M {
	mp := r.sched.midle
	if mp != nil {
		r.sched.midle = mp.schedlink
		mp.schedlink = nil
		r.sched.nmidle--
	}
	return mp
}

func notewakeup(mp *M) {
	select {
	case mp.park <- struct{}{}:
	default:
	}
}

// wakep wakes an idle M (or starts a new one) if there is an idle P, so
// that newly runnable Gs are picked up.
func (r *Runtime) wakep() {
	if r.sched.npidle.Load() == 0 {
		return
	}
	// One spinning M at a time looks for the work (gc's rule): it wakes
	// another when it finds some, so Ms are not made in bursts.
	if r.sched.nmspinning.Load() != 0 || !r.sched.nmspinning.CompareAndSwap(0, 1) {
		return
	}
	if !r.startm(true) {
		r.sched.nmspinning.Add(-1)
	}
}

// resetspinning is called when a spinning M found work: it stops spinning
// and, if Ps are idle, wakes another M to look for more.
func (r *Runtime) resetspinning(mp *M) {
	if mp.spinning {
		mp.spinning = false
		r.sched.nmspinning.Add(-1)
		r.wakep()
	}
}

// stopspinning is called when a spinning M gives up.
func (r *Runtime) stopspinning(mp *M) {
	if mp.spinning {
		mp.spinning = false
		r.sched.nmspinning.Add(-1)
	}
}

func (r *Runtime) acquirep(mp *M, pp *P) {
	mp.p = pp
	pp.m = mp
	pp.status = _Prunning
	if r.trace.on.Load() {
		r.traceProcStart(mp, pp)
	}
}

func (r *Runtime) releasep(mp *M) *P {
	pp := mp.p
	if pp != nil && r.trace.on.Load() {
		r.traceProcStop(mp)
	}
	if pp != nil {
		pp.m = nil
		pp.status = _Pidle
		mp.p = nil
	}
	return pp
}

func (r *Runtime) releasepIfHeld(mp *M) {
	if mp.p != nil {
		r.sched.lock.Lock()
		pp := r.releasep(mp)
		r.pidleput(pp)
		r.sched.lock.Unlock()
	}
}

// retirep moves the Gs of mp's retired P to the global queue and drops it.
func (r *Runtime) retirep(mp *M) {
	pp := mp.p
	r.sched.lock.Lock()
	for {
		gp, _ := r.runqget(pp)
		if gp == nil {
			break
		}
		r.globrunqput(gp)
	}
	r.releasep(mp)
	pp.status = _Pdead
	r.sched.ndeadP++
	r.sched.lock.Unlock()
}

// pidleput puts pp on the idle P list, or hands it to an M waiting in
// Exitsyscall. sched.lock must be held.
func (r *Runtime) pidleput(pp *P) {
	if n := atomic.LoadInt32(&r.gomaxprocs); pp.id >= n && len(r.allp) > 0 && n > 0 {
		pp.status = _Pdead
		r.sched.ndeadP++
		return
	}
	if r.sched.gcwaiting.Load() {
		pp.status = _Pgcstop
		r.sched.stopped = append(r.sched.stopped, pp)
		return
	}
	if mp := r.sched.syswait; mp != nil {
		r.sched.syswait = mp.schedlink
		mp.schedlink = nil
		pp.status = _Pidle
		mp.nextp = pp
		notewakeup(mp)
		return
	}
	pp.status = _Pidle
	pp.link = r.sched.pidle
	r.sched.pidle = pp
	r.sched.npidle.Add(1)
}

// pidleget takes an idle P. sched.lock must be held.
func (r *Runtime) pidleget() *P {
	for {
		pp := r.sched.pidle
		if pp == nil {
			return nil
		}
		r.sched.pidle = pp.link
		pp.link = nil
		r.sched.npidle.Add(-1)
		if pp.id < atomic.LoadInt32(&r.gomaxprocs) {
			return pp
		}
		pp.status = _Pdead
		r.sched.ndeadP++
	}
}

// Entersyscall is called by a native before a host call that may block for
// long (a read of a pipe or a terminal, a wait for a child process): gp
// enters _Gsyscall and its M gives up its P at once, so that the P's other
// Gs run on another M meanwhile (gc's entersyscallblock; gc hands off the
// P of a short syscall only when sysmon retakes it). The M keeps running
// gp: Exitsyscall must follow, on the same M, before gp touches anything of
// the runtime's.
//
// Under a deterministic schedule (det.go) a call that only takes time
// (hostWait false: a write, a read of a regular file) keeps the P, so the
// program waits for it as one thread would; a call that waits on the
// world (a pipe, a terminal, a child process) hands the P off, and time
// waits for it; a signal wait (durable) hands it off and time goes on.
func (r *Runtime) Entersyscall(gp *G, kind SyscallKind) {
	gp.syscallKind = kind
	if d := r.det; d != nil {
		if kind == SyscallShort {
			return
		}
		if kind == SyscallWait {
			d.hostWait.Add(1)
		}
	}
	mp := gp.m
	if r.trace.on.Load() {
		r.traceSyscallBegin(mp, gp, mp.p)
	}
	casgstatus(gp, _Grunning, _Gsyscall)
	r.sched.lock.Lock()
	pp := r.releasep(mp)
	work := !runqempty(pp) || r.sched.runqsize > 0 || r.det != nil && r.det.runnable() > 0
	r.pidleput(pp)
	r.sched.lock.Unlock()
	if work {
		r.wakep()
	}
}

// Exitsyscall ends gp's syscall: its M takes an idle P, or waits until one
// is handed to it (pidleput serves waiting Ms first, and an M whose G's
// time slice ends gives its P to one), and gp runs again.
func (r *Runtime) Exitsyscall(gp *G, what string) {
	if d := r.det; d != nil {
		if gp.syscallKind == SyscallShort {
			return
		}
		if gp.syscallKind == SyscallWait {
			d.hostWait.Add(-1)
		}
		r.noteHost(what)
	}
	mp := gp.m
	ended := r.trace.on.Load()
	if ended {
		r.traceSyscallEndBlocked(mp)
	}
	r.sched.lock.Lock()
	pp := r.pidleget()
	if pp == nil {
		mp.nextp = nil
		mp.schedlink = r.sched.syswait
		r.sched.syswait = mp
		r.sched.lock.Unlock()
		for {
			<-mp.park
			r.sched.lock.Lock()
			if pp = mp.nextp; pp != nil {
				mp.nextp = nil
				break
			}
			r.sched.lock.Unlock()
			if r.exiting.Load() {
				select {} // the program is over; gp never runs again
			}
		}
	}
	r.acquirep(mp, pp)
	r.sched.lock.Unlock()
	casgstatus(gp, _Gsyscall, _Grunning)
	if r.trace.on.Load() {
		if !ended { // tracing started while gp waited for a P
			r.traceSyscallEndBlocked(mp)
		}
		r.traceGoStart(mp, gp)
	}
}

// SyscallKind says how a host call may block (Entersyscall).
type SyscallKind uint8

const (
	SyscallShort   SyscallKind = iota // takes time but needs nothing of the program's or the world's (a write, a file read)
	SyscallWait                       // waits on the world (a pipe, a terminal, a child process)
	SyscallDurable                    // may wait forever for an event (a signal)
)

// readgstatus returns gp's status.
func readgstatus(gp *G) uint32 { return gp.atomicstatus.Load() }

// casgstatus moves gp from oldval to newval, throwing on an illegal move.
func casgstatus(gp *G, oldval, newval uint32) {
	if oldval == newval || (oldval|newval)&_Gscan != 0 {
		throw(fmt.Sprintf("casgstatus: bad incoming values %x -> %x", oldval, newval))
	}
	for i := 0; !gp.atomicstatus.CompareAndSwap(oldval, newval); i++ {
		if cur := gp.atomicstatus.Load(); cur&^_Gscan != oldval {
			throw(fmt.Sprintf("casgstatus: gp %d status is %s, want %s", gp.goid, statusString(cur), statusString(oldval)))
		}
		goruntime.Gosched() // a _Gscan holder is reading gp
	}
	if b := gp.bubble; b != nil {
		b.changegstatus(gp, oldval, newval)
	}
}

func statusString(s uint32) string {
	s &^= _Gscan
	if int(s) < len(gStatusStrings) && gStatusStrings[s] != "" {
		return gStatusStrings[s]
	}
	return fmt.Sprintf("status %d", s)
}

// Throw is a goro bug: rt's invariants do not hold.
type Throw struct{ Msg string }

func (t Throw) Error() string { return "goro: internal error: " + t.Msg }

func throw(s string) { panic(Throw{s}) }

// ExitInternalError is the exit code of a program that a bug in goro
// stopped ("goro: internal error"): not gc's 2 (a panic or fatal error of
// the program), and EX_SOFTWARE of sysexits.h.
const ExitInternalError = 70

// A Bug is a host panic in goro's own code, caught at the boundary: the
// executor, the scheduler's Ms and sysmon (here), the loader and the
// cache (package goro). Nothing of it is the program's.
type Bug struct {
	Msg   string // what was panicked (a Throw's message)
	Stack []byte // the host stack where it was
}

func (b *Bug) Error() string { return "goro: internal error: " + b.Msg }

// InternalError reports a bug in goro met while running gp (nil: outside
// any G): "goro: internal error", the host stack and gp's frames on the
// program's stderr; then it ends the program with ExitInternalError. The
// first bug is kept for Bug.
func (r *Runtime) InternalError(v any, stack []byte, gp *G) {
	b := &Bug{Msg: fmt.Sprint(v), Stack: stack}
	if th, ok := v.(Throw); ok {
		b.Msg = th.Msg
	}
	if !r.bug.CompareAndSwap(nil, b) {
		return
	}
	fmt.Fprintf(r.stderr, "%v\n\n%s\n", b, stack)
	if gp != nil {
		r.Traceback(r.stderr, gp, false)
	}
	r.Exit(ExitInternalError)
}

// Bug returns the internal error that ended the program, if any.
func (r *Runtime) Bug() *Bug { return r.bug.Load() }

// catchBug is deferred by the host goroutines rt starts: a panic there is
// a goro bug, reported as one, never a crash of the host process.
func (r *Runtime) catchBug(gp func() *G) {
	if v := recover(); v != nil {
		var g *G
		if gp != nil {
			g = gp()
		}
		r.InternalError(v, debug.Stack(), g)
	}
}

// mrand returns a random number from mp's seeded stream.
func (r *Runtime) mrand(mp *M) uint64 {
	// xorshift64*: each M's stream is seeded from the runtime's source.
	x := mp.rand
	x ^= x >> 12
	x ^= x << 25
	x ^= x >> 27
	mp.rand = x
	return x * 2685821657736338717
}

// Rand returns a random number from the G's M's stream (select order, map
// iteration seeds), or from the runtime's source when gp is not running.
func (r *Runtime) Rand(gp *G) uint64 {
	if gp != nil && gp.m != nil {
		return r.mrand(gp.m)
	}
	return r.rand.next()
}

// Seed is the seed of the runtime's random source: a consumer that must
// not shift the schedule's random choices (the heap profile's sampling)
// derives a stream of its own from it.
func (r *Runtime) Seed() uint64 { return r.cfg.Seed }

// lockedRand is the runtime's seeded source, shared under a lock.
type lockedRand struct {
	mu sync.Mutex
	x  uint64
}

func (lr *lockedRand) seed(s uint64) {
	lr.x = s*0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019
	if lr.x == 0 {
		lr.x = 1
	}
}

func (lr *lockedRand) next() uint64 {
	lr.mu.Lock()
	defer lr.mu.Unlock()
	// splitmix64
	lr.x += 0x9E3779B97F4A7C15
	z := lr.x
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// sysmon watches for Gs that have run too long and asks them to yield, and
// wakes an M when timers are due and nobody is looking.
func (r *Runtime) sysmon() {
	defer r.catchBug(nil)
	tick := time.NewTicker(time.Duration(forcePreemptNS / 2))
	defer tick.Stop()
	lastLook := r.clock.nanotime()
	for n := 1; ; n++ {
		select {
		case <-r.sysmonStop:
			return
		case <-tick.C:
		}
		if n%memCheckTicks == 0 {
			r.checkMemory()
		}
		if r.det != nil {
			continue // slices end by Budget, time is virtual
		}
		now := r.clock.nanotime()
		r.clock.coarse.Store(now)
		tick := now - lastLook
		lastLook = now
		r.sched.lock.Lock()
		for _, mp := range r.allm {
			// gp.preempt is the running G's own field (execute and
			// Morestack write it); sysmon only stores stackguard0.
			if gp := mp.curg.Load(); gp != nil {
				if readgstatus(gp)&^_Gscan == _Grunning { // not in a host call
					gp.cpuNanos.Add(tick) // sampled CPU time: it ran since the last look, as far as sysmon knows
				}
				if start := gp.runStart.Load(); start != 0 && now-start > forcePreemptNS {
					gp.stackguard0.Store(stackPreempt)
				}
			}
		}
		r.sched.lock.Unlock()
		if when, ok := r.timers.next(); ok && when <= now {
			r.wakep()
		}
	}
}

// forcePreemptNS is the time slice: a G that has run this long is preempted.
const forcePreemptNS = int64(10 * time.Millisecond)

// checkdead reports whether the program is deadlocked: every M is idle, no
// G is runnable or in a syscall, and no timer is pending. It prints gc's
// fatal error and ends the program when it is. sched.lock must be held.
func (r *Runtime) checkdead() bool {
	if r.sched.nmidle+r.sched.nmidlelocked < r.sched.mcount {
		return false
	}
	if r.sched.runqsize > 0 {
		return false
	}
	for _, pp := range r.allp {
		if !runqempty(pp) {
			return false
		}
	}
	if r.det != nil && r.det.runnable() > 0 {
		return false
	}
	if _, ok := r.timers.next(); ok {
		return false
	}
	if r.netpollWaiters() {
		return false // as under gc, Gs waiting on the network are waited for
	}
	waiting := 0
	for _, gp := range r.sched.allgs {
		switch readgstatus(gp) &^ _Gscan {
		case _Gsyscall, _Grunnable, _Grunning:
			return false
		case _Gwaiting, _Gpreempted:
			waiting++
		}
	}
	r.sched.lock.Unlock()
	if waiting > 0 && r.BeforeDeadlock != nil && r.BeforeDeadlock() {
		r.sched.lock.Lock()
		return false
	}
	if waiting == 0 { // every G is dead: main called runtime.Goexit
		r.Fatal("no goroutines (main called runtime.Goexit) - deadlock!", nil)
	} else {
		r.Fatal("all goroutines are asleep - deadlock!", nil)
	}
	r.sched.lock.Lock()
	return true
}

// AnyRunnable reports whether a G is runnable, running or in a system
// call: BeforeDeadlock's check that no G was made runnable from outside
// the scheduler (a host goroutine) since checkdead looked.
func (r *Runtime) AnyRunnable() bool {
	r.sched.lock.Lock()
	defer r.sched.lock.Unlock()
	if r.sched.runqsize > 0 {
		return true
	}
	for _, pp := range r.allp {
		if !runqempty(pp) {
			return true
		}
	}
	for _, gp := range r.sched.allgs {
		switch readgstatus(gp) &^ _Gscan {
		case _Gsyscall, _Grunnable, _Grunning:
			return true
		}
	}
	return false
}

// WaitingGs returns the Gs parked (_Gwaiting) now.
func (r *Runtime) WaitingGs() []*G {
	r.sched.lock.Lock()
	defer r.sched.lock.Unlock()
	var gs []*G
	for _, gp := range r.sched.allgs {
		if readgstatus(gp) == _Gwaiting {
			gs = append(gs, gp)
		}
	}
	return gs
}

// Fatal prints "fatal error: msg" and every goroutine's traceback, like gc's
// fatal, and ends the program with exit code 2. cur is the G that failed
// (nil for a deadlock, where no G is running).
func (r *Runtime) Fatal(msg string, cur *G) {
	r.fatalOnce.Do(func() {
		w := r.CrashWriter()
		fmt.Fprintf(w, "fatal error: %s\n", msg)
		if cur != nil {
			fmt.Fprintf(w, "\n")
			r.tracebackG(w, cur, true)
		}
		r.tracebackOthers(w, cur)
		r.Exit(2)
	})
}

// SetCrashOutput sets the file that fatal output — an unrecovered panic, a
// fatal error, a fatal signal's dump — is written to besides the
// program's stderr (runtime/debug.SetCrashOutput; nil: none), closing the
// one set before.
func (r *Runtime) SetCrashOutput(f io.WriteCloser) {
	r.crashMu.Lock()
	old := r.crashOut
	r.crashOut = f
	r.crashMu.Unlock()
	if old != nil {
		old.Close()
	}
}

// CrashWriter is where fatal output goes: the program's stderr and the
// crash output file, if one is set (SetCrashOutput).
func (r *Runtime) CrashWriter() io.Writer {
	r.crashMu.Lock()
	defer r.crashMu.Unlock()
	if r.crashOut == nil {
		return r.stderr
	}
	return io.MultiWriter(r.stderr, r.crashOut)
}

// goidcacheBatch is how many goids a P takes from the global generator at a
// time (gc's _GoidCacheBatch).
const goidcacheBatch = 16

// newgoid hands out the next goid from pp's batch (gc's goidcache), or
// straight from the generator when there is no P (timers, the main G).
func (r *Runtime) newgoid(pp *P) uint64 {
	if pp == nil {
		pp = r.allp[0]
	}
	pp.goidLock.Lock()
	defer pp.goidLock.Unlock()
	if pp.goidcache == pp.goidcacheend {
		pp.goidcache = r.sched.goidgen.Add(goidcacheBatch) - goidcacheBatch + 1
		pp.goidcacheend = pp.goidcache + goidcacheBatch
	}
	id := pp.goidcache
	pp.goidcache++
	return id
}
