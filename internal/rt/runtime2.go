// Package rt is goro's goroutine runtime: the g, m and p of the Go runtime,
// rebuilt for interpreted goroutines. Files are named after their
// counterparts in $GOROOT/src/runtime: runtime2.go (types, statuses, wait
// reasons), proc.go (scheduler), stack.go, chan.go, select.go, sema.go,
// time.go, traceback.go.
//
// rt knows nothing of SSA or of the VM's instruction set. It schedules Gs on
// Ms and calls back into the executor (an Executor) to run a G until it
// parks, yields or exits. A G's stack is a slice of Values that the executor
// lays its frames on; rt grows it by copying and reads its frames (through
// FuncInfo) for tracebacks.
package rt

import (
	"sync"
	"sync/atomic"
)

// Value is one word of an interpreted program: a register, a stack slot, a
// variable, a struct field, a slice element, a channel buffer slot.
// Scalars (integers, floats as bits, bools) live in N; everything else
// (strings, pointers, slices, maps, funcs, chans, interfaces, structs and
// arrays as []Value) lives in R. The zero Value is the zero of every type
// except structs and arrays, which are built eagerly.
// N is first so that 64-bit atomics on it are aligned.
type Value struct {
	N uint64
	R any
}

// stack describes a G's stack: the slots [lo, hi) of g.stk.
type stack struct {
	lo, hi int
}

// Frame is one activation record on a G's stack. The executor owns the
// meaning of PC, FP and Aux; rt reads Fn and PC for tracebacks.
type Frame struct {
	Fn  FuncInfo
	PC  int // index of the instruction executing (or to resume) in Fn
	FP  int // index of the frame's first slot in g.Stk
	Aux int // executor's: where results go in the caller, flags
}

// FuncInfo is what rt needs to know of an executing function.
type FuncInfo interface {
	Name() string                  // as gc prints it: main.worker, main.(*T).M, main.main.func1
	FileLine(pc int) (string, int) // source position of instruction pc
}

// gobuf is the saved context of a G that is not running: its frames.
// A context switch is saving and loading it; with frames on the G's own
// stack there are no registers to save.
type gobuf struct {
	frames []Frame
}

// G statuses, with gc's names and meanings.
const (
	_Gidle     = iota // just allocated, not yet initialized
	_Grunnable        // on a run queue, not executing
	_Grunning         // executing on an M with a P
	_Gsyscall         // in a blocking host call; no P
	_Gwaiting         // parked: on a channel, timer, semaphore...
	_Gmoribund_unused
	_Gdead // unused: exited, on a free list
	_Genqueue_unused
	_Gcopystack // stack being moved
	_Gpreempted // stopped by a preemption request
	_Gscan      = 0x1000
)

var gStatusStrings = [...]string{
	_Gidle:      "idle",
	_Grunnable:  "runnable",
	_Grunning:   "running",
	_Gsyscall:   "syscall",
	_Gwaiting:   "waiting",
	_Gdead:      "dead",
	_Gcopystack: "copystack",
	_Gpreempted: "preempted",
}

// waitReason says why a G is parked; its string is what tracebacks print.
type waitReason uint8

const (
	waitReasonZero waitReason = iota
	waitReasonChanReceiveNilChan
	waitReasonChanSendNilChan
	waitReasonSelectNoCases
	waitReasonSelect
	waitReasonChanReceive
	waitReasonChanSend
	waitReasonSleep
	waitReasonSyncCondWait
	waitReasonSyncMutexLock
	waitReasonSyncRWMutexRLock
	waitReasonSyncRWMutexLock
	waitReasonSyncWaitGroupWait
	waitReasonSemacquire
	waitReasonPreempted
	waitReasonIOWait
	waitReasonForceGoexit
	waitReasonCoroutine
	waitReasonSynctestRun
	waitReasonSynctestWait
	waitReasonSynctestChanReceive
	waitReasonSynctestChanSend
	waitReasonSynctestSelect
	waitReasonSynctestWaitGroupWait
)

var waitReasonStrings = [...]string{
	waitReasonZero:               "",
	waitReasonChanReceiveNilChan: "chan receive (nil chan)",
	waitReasonChanSendNilChan:    "chan send (nil chan)",
	waitReasonSelectNoCases:      "select (no cases)",
	waitReasonSelect:             "select",
	waitReasonChanReceive:        "chan receive",
	waitReasonChanSend:           "chan send",
	waitReasonSleep:              "sleep",
	waitReasonSyncCondWait:       "sync.Cond.Wait",
	waitReasonSyncMutexLock:      "sync.Mutex.Lock",
	waitReasonSyncRWMutexRLock:   "sync.RWMutex.RLock",
	waitReasonSyncRWMutexLock:    "sync.RWMutex.Lock",
	waitReasonSyncWaitGroupWait:  "sync.WaitGroup.Wait",
	waitReasonSemacquire:         "semacquire",
	waitReasonPreempted:          "preempted",
	waitReasonIOWait:             "IO wait",
	waitReasonForceGoexit:        "force gc (idle)",
	waitReasonCoroutine:          "coroutine",

	waitReasonSynctestRun:           "synctest.Run",
	waitReasonSynctestWait:          "synctest.Wait",
	waitReasonSynctestChanReceive:   "chan receive (durable)",
	waitReasonSynctestChanSend:      "chan send (durable)",
	waitReasonSynctestSelect:        "select (durable)",
	waitReasonSynctestWaitGroupWait: "sync.WaitGroup.Wait (durable)",
}

// leakable reports whether a G waiting for w waits on another G of the
// program (a channel, a select, a sync primitive), not on time or the host.
func (w waitReason) leakable() bool {
	switch w {
	case waitReasonChanReceiveNilChan, waitReasonChanSendNilChan, waitReasonSelectNoCases,
		waitReasonSelect, waitReasonChanReceive, waitReasonChanSend, waitReasonSyncCondWait,
		waitReasonSyncMutexLock, waitReasonSyncRWMutexRLock, waitReasonSyncRWMutexLock,
		waitReasonSyncWaitGroupWait, waitReasonSemacquire, waitReasonSynctestChanReceive,
		waitReasonSynctestChanSend, waitReasonSynctestSelect, waitReasonSynctestWaitGroupWait:
		return true
	}
	return false
}

func (w waitReason) String() string {
	if int(w) < len(waitReasonStrings) {
		return waitReasonStrings[w]
	}
	return "unknown wait reason"
}

// stackPreempt in stackguard0 makes every function-entry check fail, so the
// G enters morestack and sees the preemption request (as in gc).
const stackPreempt = -1 << 62

// G is an interpreted goroutine.
type G struct {
	// Stack parameters. Stk[stack.lo:stack.hi] is the G's stack of slots.
	// stackguard0 is compared by the executor at every function entry: a
	// frame whose top would pass it enters morestack. It is stack.hi -
	// stackGuard normally, and stackPreempt to request preemption.
	Stk         []Value
	stack       stack
	stackguard0 atomic.Int64

	_panic *Panic // innermost panic
	_defer *Defer // innermost defer

	m     *M // current M, while running
	sched gobuf

	param        any // sudog that completed a channel wait; other wake-up data
	atomicstatus atomic.Uint32
	schedtick    uint32
	goid         uint64
	parentGoid   uint64
	schedlink    *G

	waitsince  int64 // rt clock reading when the G parked
	waitreason waitReason

	preempt       bool        // preemption requested; duplicates stackguard0 = stackPreempt
	preemptStop   bool        // transition to _Gpreempted on preemption rather than just deschedule
	preemptShrink bool        // shrink stack at the next synchronous safe point
	gosched       bool        // the G's yield is runtime.Gosched's (Gosched)
	syscallKind   SyscallKind // of the host call the G is in (Entersyscall)
	// background: started by a package initializer (or by such a G), not
	// by main: never reported as leaked (Leaked).
	background bool
	stackGrown int64 // rt clock reading when the stack last grew
	stackUsed  int   // slots in use when the G last parked (ShrinkParked)

	// gc's guards against moving a stack that sudogs point into. In goro
	// no sudog points into a stack (the rule in stack.go), so they only
	// record the G's state: parking on a channel, parked with sudogs queued.
	parkingOnChan    atomic.Bool
	selectDone       atomic.Uint32 // 1 once a waker has claimed this G's select (see waitq.dequeue)
	activeStackChans bool
	stwRunning       bool // the G was running when the world was last stopped, and the world has not started again (dumps print it as running)
	tracking         bool // scheduling latency sampling (metrics.go, gc's tracking fields): tracked until it next runs
	trackingSeq      uint8
	// Goexited is set by the executor when the G ends by runtime.Goexit
	// rather than by returning: main's Goexit does not end the program.
	Goexited bool
	// FIPSIndicator is crypto/internal/fips140's per-goroutine service
	// indicator (gc's g.fipsIndicator), read and written by its natives;
	// a new G starts at 0.
	FIPSIndicator uint8
	// FIPSBypass is crypto/fips140.WithoutEnforcement's mark (gc's
	// g.fipsOnlyBypass): a new G inherits its creator's.
	FIPSBypass bool

	waiting *sudog // sudogs this G is waiting on, in lock order (select); the sudog of a chan or sema wait

	parkChan *Chan // channel whose lock chanparkcommit releases

	gopc      FrameSite // the go statement that created this G
	startpc   FuncInfo  // the goroutine's function
	StartFn   Value     // the function value to run, read by the executor on first run
	StartArgs []Value   // and its arguments

	bubble *Bubble // testing/synctest's bubble the G is in (synctest.go)
	// rare holds what few Gs need (gRare); nil until one does.
	rare *gRare

	// Budget is the safe points (calls, loop back-edges) left in the G's
	// time slice: the executor decrements it at each and enters Morestack
	// below zero. Deterministic schedules (det.go) end slices by it; in
	// normal mode it never runs out (sysmon's stackPreempt ends them).
	Budget int64

	// labels are the G's profiler labels (runtime/pprof), inherited by
	// the Gs it starts.
	labels *Labels

	// parkFrame is the innermost frame of a G parked inside a native, as
	// gc's traceback shows the runtime function it parks in (time.Sleep,
	// sync.runtime_SemacquireMutex); nil when it runs again.
	parkFrame FuncInfo

	// cpuNanos is the G's CPU time, sampled: sysmon charges each G it
	// finds running the time since its previous look (Snapshot).
	cpuNanos atomic.Int64
	// allocBytes is what the G has allocated (goro's counterpart of gc's
	// gcAssistBytes: vm counts it at its allocation sites, in the
	// program's types' sizes). Only the G writes it; it is read with
	// the world stopped (Snapshot, dumps) or by the G itself, and by a
	// fatal panic's traceback of the others as gc's tracebackothers
	// reads their Gs.
	allocBytes int64
	allocCount int64 // and how many allocations (AllocStats)

	trackingStamp int64 // when a tracked G became runnable (tracking)

	// Scheduling bookkeeping.
	runStart atomic.Int64 // rt clock reading when it last started running (sysmon reads it)

	// parking: set by gopark, consumed by the M after the executor
	// returns: parkUnlock(), or parkCommit(gp) (chan.go's and select.go's,
	// which need no closure per G).
	parkUnlock func()
	parkCommit func(*G)
	// Exec is the executor's per-G state.
	Exec any
}

// gRare is the part of a G that few Gs need, kept out of G so that a
// million parked goroutines do not carry it (bench/programs/parked): a G
// makes it on first use (G.x) and drops it when it exits.
type gRare struct {
	lockedm   *M
	lockedExt uint32 // nesting of LockOSThread calls

	// Select scratch, reused across selects: the poll order [0:n] and
	// lock order [n:2n], and the number of non-nil cases of the parked
	// select.
	selOrder  []uint16
	selNorder int

	timer *timer // cached timer for time.Sleep
	// The deadlock of the bubble this G's Run ended with, and its panic
	// value's R (comparable: an error's pointer): a traceback of the G
	// dying of it prints the bubble's goroutines.
	deadlockBubble *Bubble
	deadlockPanic  any
	coro           *Coro  // the coroutine this G runs, if it is one (iter.Pull)
	detPrio        int64  // pct's priority (det.go); 0: not yet given
	traceSeq       uint64 // the G's sequence number in an execution trace (trace.go)
	// ancestors, with GODEBUG=tracebackancestors=N: the creation stacks
	// of the G's N nearest ancestors (gc's g.ancestors).
	ancestors []ancestorInfo
}

// x returns gp's rare part, making it on first use.
func (gp *G) x() *gRare {
	if gp.rare == nil {
		gp.rare = new(gRare)
	}
	return gp.rare
}

// lockedM is the M gp is wired to (LockOSThread), or nil.
func (gp *G) lockedM() *M {
	if gp.rare == nil {
		return nil
	}
	return gp.rare.lockedm
}

// ancestors is gp's ancestors' creation stacks (gRare.ancestors).
func (gp *G) ancestors() []ancestorInfo {
	if gp.rare == nil {
		return nil
	}
	return gp.rare.ancestors
}

// sudog is a G in a wait list (gc's sudog): a channel's send or receive
// queue, a semaphore's queue, a notify list. A G may be on many wait lists
// (a select), so many sudogs may stand for one G; and many Gs may wait on
// one object, so many sudogs may stand for one object.
type sudog struct {
	// The following fields are protected by the lock of the channel (or
	// semaphore root, or notify list) the sudog is queued on.
	g    *G
	next *sudog
	prev *sudog
	elem *Value // data element: what to send or where to receive (never into a stack: the rule in stack.go; may be nil)

	// success says whether communication over channel c succeeded: true
	// if the G was woken because a value was delivered, false because c
	// was closed. Written by the waker with c locked, read by g after.
	success bool

	// isSelect says g is in a select, so g.selectDone must be CASed to
	// win the race to wake it.
	isSelect bool

	c         *Chan  // channel
	waitlink  *sudog // g.waiting list (select), or the next waiter on the same semaphore address
	waittail  *sudog // semaphore: the last waiter on the address (set on the first)
	semaddr   *uint32
	semReason waitReason // semaphore: why g waits, kept for a wait after losing the count
	semLifo   bool       // semaphore: queue at the head
	ticket    uint32     // semaphore: 1 when the releaser handed the count over; notify list: ticket
	val       Value      // the value a blocked Chansend offers (elem points here)
}

// FrameSite is a function and pc: where a go statement stood.
type FrameSite struct {
	Fn FuncInfo
	PC int
}

// Goid returns the G's id.
func (gp *G) Goid() uint64 { return gp.goid }

// Allocated adds n bytes to what gp has allocated; gp is running it.
// It reports whether the allocation is due for the heap profile: the
// G's M counts bytes down to its next sample (gc's mcache.nextSample;
// SetNextSample).
func (gp *G) Allocated(n int64) bool {
	gp.allocBytes += n
	gp.allocCount++
	if mp := gp.m; mp != nil {
		mp.nextSample -= n
		return mp.nextSample < 0
	}
	return false
}

// SetNextSample sets how many bytes the running gp's M allocates before
// its next heap profile sample.
func (gp *G) SetNextSample(n int64) {
	if mp := gp.m; mp != nil {
		mp.nextSample = n
	}
}

// Labels are a G's profiler labels: the program's own value for them
// (runtime/pprof's *labelMap as an unsafe.Pointer, handed back as it came)
// and its key-value pairs, in order, for tracebacks.
type Labels struct {
	Ptr  Value
	List []Label
}

// Label is one key-value pair of a G's labels.
type Label struct{ Key, Value string }

// SetParkFrame sets the frame a parked gp shows innermost (parkFrame).
func (gp *G) SetParkFrame(f FuncInfo) { gp.parkFrame = f }

// Labels returns gp's profiler labels (nil: none).
func (gp *G) Labels() *Labels { return gp.labels }

// SetLabels sets gp's profiler labels; the Gs it starts from now on inherit them.
func (gp *G) SetLabels(l *Labels) { gp.labels = l }

// ancestorInfo is one ancestor of a G (GODEBUG=tracebackancestors): its
// goid, its stack when it made the next G down, and where it was made.
type ancestorInfo struct {
	frames []FrameSite
	goid   uint64
	gopc   FrameSite
}

// Frames returns the G's saved frames, outermost first.
func (gp *G) Frames() []Frame { return gp.sched.frames }

// SetFrames replaces the G's frame records (the executor's call stack).
func (gp *G) SetFrames(f []Frame) { gp.sched.frames = f }

// Defers returns gp's innermost defer record.
func (gp *G) Defers() *Defer { return gp._defer }

// SetDefers replaces gp's defer chain.
func (gp *G) SetDefers(d *Defer) { gp._defer = d }

// Panics returns gp's innermost panic.
func (gp *G) Panics() *Panic { return gp._panic }

// SetPanics replaces gp's panic chain.
func (gp *G) SetPanics(p *Panic) { gp._panic = p }

// Panic is a panic in progress (gc's _panic).
type Panic struct {
	Arg        Value // the panic value: an interface (type + value)
	ArgType    any   // dynamic type of Arg, for printing
	Link       *Panic
	Recovered  bool
	Repanicked bool // panicked again with the same value after recovering
	Aborted    bool
	Goexit     bool
	// Executor bookkeeping: the frame index of the deferred call this
	// panic is running (recover is valid only there).
	Depth int
	// Printed is the panic value's text, once computed for printing.
	Printed  string
	Computed bool
}

// Defer is a deferred call (gc's _defer).
type Defer struct {
	Fn      Value   // closure to call
	Args    []Value // its arguments, evaluated at the defer statement
	Depth   int     // frame depth (index into frames) of the function that deferred
	Link    *Defer
	Started bool
	Panic   *Panic // the panic running it, if any
}

// M is an OS thread: a host goroutine locked to its thread, running Gs.
type M struct {
	id        int64
	g0        bool
	curg      atomic.Pointer[G] // read by sysmon
	p         *P
	nextp     *P
	spinning  bool
	blocked   bool
	lockedg   *G
	park      chan struct{} // note: wakes an idle M
	schedlink *M
	rand      uint64
	// nextSample is how many bytes the Gs running here allocate before
	// the next heap profile sample (G.Allocated).
	nextSample int64
}

// P is a processor: the right to run Gs, with a local run queue.
type P struct {
	id     int32
	status uint32
	link   *P
	m      *M

	schedtick uint32
	traceSeq  uint64 // the P's sequence number in an execution trace (trace.go)

	// Local run queue, accessed without lock: a 256-entry ring.
	// Executed only by the owner P, except stealing (runqgrab), which
	// CASes runqhead.
	runqhead atomic.Uint32
	runqtail atomic.Uint32
	// The slots are atomic (gc's are plain words) because a stealer reads
	// slots that the owner may overwrite once a concurrent consumer has
	// moved runqhead past them: the stealer's CAS then fails and it
	// discards what it read, but the race detector sees the read.
	runq [256]atomic.Pointer[G]
	// runnext, if non-nil, is a runnable G that was readied by the current
	// G and should be run next instead of what's in runq if there's time
	// remaining in the running G's time slice.
	runnext atomic.Pointer[G]

	// goids handed out in batches (gc's goidcache); goidLock because a
	// P-less creator (a timer's AfterFunc) borrows P0's batch.
	goidLock                sync.Mutex
	goidcache, goidcacheend uint64

	// Free Gs: dead Gs kept for reuse with their stacks.
	gFree []*G

	// sudogcache holds free sudogs of Gs running on this P (gc's
	// p.sudogcache); executed only by the owner P.
	sudogcache []*sudog
}

const (
	_Pidle = iota
	_Prunning
	_Psyscall
	_Pgcstop
	_Pdead
)

// schedt is the global scheduler state.
type schedt struct {
	goidgen atomic.Uint64
	mnext   int64

	lock         sync.Mutex
	midle        *M // idle Ms waiting for work
	nmidle       int32
	nmidlelocked int32 // Ms waiting for their locked G
	syswait      *M    // Ms back from a syscall waiting for a P (Exitsyscall), linked by schedlink
	mcount       int32
	pidle        *P
	npidle       atomic.Int32
	nmspinning   atomic.Int32

	runq     gQueue // global run queue
	runqsize int32

	gFree []*G // global free Gs

	allgs []*G // every G ever created (for tracebacks and deadlock dumps)

	// Stopping the world (StopTheWorld): while gcwaiting, a P given up
	// goes to stopped (status _Pgcstop) instead of the idle list.
	gcwaiting  atomic.Bool
	stwActive  bool // StopTheWorld stopped it (StartTheWorld has to start it)
	stopped    []*P
	stwRunning []*G // the Gs that were running when it stopped (G.stwRunning)
	ndeadP     int  // Ps retired (GOMAXPROCS shrank): _Pdead for good
}

// gQueue is a queue of Gs linked through schedlink.
type gQueue struct {
	head, tail *G
}

func (q *gQueue) empty() bool { return q.head == nil }

func (q *gQueue) pushBack(gp *G) {
	gp.schedlink = nil
	if q.tail != nil {
		q.tail.schedlink = gp
	} else {
		q.head = gp
	}
	q.tail = gp
}

func (q *gQueue) pop() *G {
	gp := q.head
	if gp != nil {
		q.head = gp.schedlink
		if q.head == nil {
			q.tail = nil
		}
		gp.schedlink = nil
	}
	return gp
}
