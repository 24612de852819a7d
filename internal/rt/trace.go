package rt

// Execution traces in Go's own format (gc's trace*.go; the format is
// internal/trace/tracev2's, "go 1.26 trace"), so `go tool trace` and
// golang.org/x/exp/trace read what runtime/trace.Start and `goro run
// -trace` write: goroutines created, started, blocked with gc's reason
// strings, unblocked, stopped (Gosched, preemption) and destroyed; host
// calls as syscalls (the P handed off: GoSyscallBegin, ProcStop,
// GoSyscallEndBlocked, then ProcStart and GoStart when a P is back); Ps
// started and stopped by the Ms that hold them; user tasks, regions and
// logs; every event with the stack of the goroutine it happened to.
//
// Events are written under one lock (tracing is opt-in; the scheduler's
// only cost while it is off is an atomic load at each hook) into batches
// per M, timestamps in nanoseconds of rt's clock (frequency 1e9), and the
// whole trace is one generation: its sync batch, the Ms' batches, the
// stack and string tables and the end-of-generation byte are written
// when tracing stops. (gc starts a generation every second, so a long
// trace streams; goro's is held in memory until Stop.) The status of
// every P and G is recorded when tracing starts, with the world stopped.
// Stacks are goro's frames: pcs are numbers goro gives each distinct
// (function, instruction), unique within the trace.

import (
	"encoding/binary"
	"errors"
	"sync"
	"sync/atomic"
)

// Event types and statuses of Go 1.26's trace format (tracev2).
const (
	evEventBatch          = 1
	evStacks              = 2
	evStack               = 3
	evStrings             = 4
	evString              = 5
	evFrequency           = 8
	evProcStart           = 10
	evProcStop            = 11
	evProcStatus          = 13
	evGoCreate            = 14
	evGoStart             = 16
	evGoDestroy           = 17
	evGoStop              = 19
	evGoBlock             = 20
	evGoUnblock           = 21
	evGoSyscallBegin      = 22
	evGoSyscallEndBlocked = 24
	evGoStatus            = 25
	evUserTaskBegin       = 40
	evUserTaskEnd         = 41
	evUserRegionBegin     = 42
	evUserRegionEnd       = 43
	evUserLog             = 44
	evGoCreateBlocked     = 47
	evSync                = 50
	evClockSnapshot       = 51
	evEndOfGeneration     = 52

	traceGoRunnable = 1
	traceGoRunning  = 2
	traceGoSyscall  = 3
	traceGoWaiting  = 4

	traceProcRunning = 1
	traceProcIdle    = 2

	traceMaxBatch   = 64 << 10 // MaxBatchSize
	traceBatchSoft  = traceMaxBatch - 256
	traceMaxString  = 1 << 10 // MaxEventTrailerDataSize
	traceMaxFrames  = 128     // MaxFramesPerStack
	traceNoThread   = ^uint64(0)
	traceHostThread = 1 << 40 // the M of events from host goroutines (timers, I/O helpers)
)

// traceHeader starts every trace.
const traceHeader = "go 1.26 trace\x00\x00\x00"

// traceBlockReasons are gc's trace reasons for each wait reason (its
// traceBlockReason strings).
var traceBlockReasons = [...]string{
	waitReasonZero:               "unspecified",
	waitReasonChanReceiveNilChan: "forever",
	waitReasonChanSendNilChan:    "forever",
	waitReasonSelectNoCases:      "forever",
	waitReasonSelect:             "select",
	waitReasonChanReceive:        "chan receive",
	waitReasonChanSend:           "chan send",
	waitReasonSleep:              "sleep",
	waitReasonSyncCondWait:       "sync.(*Cond).Wait",
	waitReasonSyncMutexLock:      "sync",
	waitReasonSyncRWMutexRLock:   "sync",
	waitReasonSyncRWMutexLock:    "sync",
	waitReasonSyncWaitGroupWait:  "sync",
	waitReasonSemacquire:         "sync",
	waitReasonPreempted:          "preempted",
	waitReasonIOWait:             "network",
	waitReasonForceGoexit:        "forever",
	waitReasonCoroutine:          "coroutine",

	waitReasonSynctestRun:           "synctest",
	waitReasonSynctestWait:          "synctest",
	waitReasonSynctestChanReceive:   "chan receive",
	waitReasonSynctestChanSend:      "chan send",
	waitReasonSynctestSelect:        "select",
	waitReasonSynctestWaitGroupWait: "sync",
}

type traceBatch struct {
	m, start uint64
	data     []byte
}

type traceM struct {
	cur    *traceBatch
	lastTs uint64
}

// tracer is a Runtime's execution trace.
type tracer struct {
	on    atomic.Bool
	clock *clock

	mu       sync.Mutex
	started  bool // since StartTrace, until the data is read
	lastTs   uint64
	startTs  uint64
	wallSec  uint64
	wallNsec uint64
	batches  []*traceBatch // full batches, in the order they filled
	ms       map[uint64]*traceM
	strs     map[string]uint64
	strTab   [][]byte
	stks     map[string]uint64
	stkTab   [][]byte
	pcs      map[FrameSite]uint64

	// out hands ReadTrace the header, then the generation, then nil.
	out      chan []byte
	readDone chan struct{}
}

// errTraceEnabled is StartTrace's error when a trace is being written.
var errTraceEnabled = errors.New("tracing is already enabled")

// StartTrace starts an execution trace (runtime.StartTrace): with the world
// stopped, the status of every P and G is recorded, gp (the caller; nil
// before the program runs) running. ReadTrace returns the data.
func (r *Runtime) StartTrace(gp *G) error {
	tr := &r.trace
	tr.mu.Lock()
	if tr.started {
		tr.mu.Unlock()
		return errTraceEnabled
	}
	tr.started = true
	tr.mu.Unlock()
	if gp != nil {
		r.StopTheWorld(gp)
		defer r.StartTheWorld()
	}
	r.sched.lock.Lock()
	defer r.sched.lock.Unlock()
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.ms, tr.batches = map[uint64]*traceM{}, nil
	tr.strs, tr.strTab = map[string]uint64{}, nil
	tr.stks, tr.stkTab = map[string]uint64{}, nil
	tr.pcs = map[FrameSite]uint64{}
	tr.out, tr.readDone = make(chan []byte, 3), make(chan struct{})
	tr.out <- []byte(traceHeader)
	now := r.clock.nanotime()
	wall := r.Walltime()
	tr.startTs, tr.lastTs = uint64(now), uint64(now)
	tr.wallSec, tr.wallNsec = uint64(wall.Unix()), uint64(wall.Nanosecond())
	var mine *M
	if gp != nil {
		mine = gp.m
	}
	for _, pp := range r.allp {
		if pp.status == _Pdead {
			continue
		}
		pp.traceSeq = 0
		if mine != nil && pp == mine.p {
			tr.event(uint64(mine.id), evProcStatus, uint64(pp.id), traceProcRunning)
		} else {
			tr.event(traceHostThread, evProcStatus, uint64(pp.id), traceProcIdle)
		}
	}
	for _, g := range r.sched.allgs {
		if g.rare != nil {
			g.rare.traceSeq = 0
		}
		switch s := readgstatus(g) &^ _Gscan; {
		case g == gp:
			tr.event(uint64(mine.id), evGoStatus, g.goid, uint64(mine.id), traceGoRunning)
		case s == _Grunnable || s == _Gpreempted:
			tr.event(traceHostThread, evGoStatus, g.goid, traceNoThread, traceGoRunnable)
		case s == _Gwaiting:
			tr.event(traceHostThread, evGoStatus, g.goid, traceNoThread, traceGoWaiting)
		case s == _Gsyscall && g.m != nil:
			tr.event(uint64(g.m.id), evGoStatus, g.goid, uint64(g.m.id), traceGoSyscall)
		}
	}
	tr.on.Store(true)
	return nil
}

// StopTrace stops the trace and hands ReadTrace its data; with wait, it
// returns once a reader has read it all (runtime.StopTrace's promise) or
// the program has ended.
func (r *Runtime) StopTrace(wait bool) {
	tr := &r.trace
	tr.mu.Lock()
	if !tr.on.Load() {
		tr.mu.Unlock()
		return
	}
	tr.on.Store(false)
	tr.out <- tr.generation()
	tr.out <- nil
	done := tr.readDone
	tr.mu.Unlock()
	if wait {
		select {
		case <-done:
		case <-r.done: // the program ended first
		}
	}
}

// ReadTrace returns the trace's next piece (runtime.ReadTrace): the header,
// then (once tracing has stopped; it blocks until then) the rest, then nil
// (also when the program ends meanwhile).
func (r *Runtime) ReadTrace() []byte {
	tr := &r.trace
	tr.mu.Lock()
	out, done := tr.out, tr.readDone
	tr.mu.Unlock()
	if out == nil {
		return nil
	}
	var b []byte
	select {
	case b = <-out:
	case <-r.done: // the program ended with the trace unread
		return nil
	}
	if b == nil {
		tr.mu.Lock()
		if tr.readDone == done {
			close(done)
			tr.started, tr.out, tr.readDone = false, nil, nil
		}
		tr.mu.Unlock()
	}
	return b
}

// TraceOutput stops a trace the runtime started with the program
// (Config.Trace) and returns it whole, once the program has ended; nil if
// there is none or a reader (runtime/trace) has taken it.
func (r *Runtime) TraceOutput() []byte {
	r.StopTrace(false)
	var out []byte
	for {
		tr := &r.trace
		tr.mu.Lock()
		ch := tr.out
		tr.mu.Unlock()
		if ch == nil {
			return out
		}
		select {
		case b := <-ch:
			if b == nil {
				tr.mu.Lock()
				tr.started, tr.out, tr.readDone = false, nil, nil
				tr.mu.Unlock()
				return out
			}
			out = append(out, b...)
		default:
			return out
		}
	}
}

// generation encodes the recorded trace as one generation. Called with
// tr.mu held, tracing off.
func (tr *tracer) generation() []byte {
	var b []byte
	batch := func(m, ts uint64, data []byte) {
		b = append(b, evEventBatch)
		b = binary.AppendUvarint(b, 1) // generation 1
		b = binary.AppendUvarint(b, m)
		b = binary.AppendUvarint(b, ts)
		b = binary.AppendUvarint(b, uint64(len(data)))
		b = append(b, data...)
	}
	sync := []byte{evSync, evFrequency}
	sync = binary.AppendUvarint(sync, 1e9)
	sync = append(sync, evClockSnapshot, 0)
	sync = binary.AppendUvarint(sync, tr.startTs)
	sync = binary.AppendUvarint(sync, tr.wallSec)
	sync = binary.AppendUvarint(sync, tr.wallNsec)
	batch(traceNoThread, tr.startTs, sync)
	for m, tm := range tr.ms {
		if tm.cur != nil && len(tm.cur.data) > 0 {
			tr.batches = append(tr.batches, tm.cur)
		}
		delete(tr.ms, m)
	}
	for _, bt := range tr.batches {
		batch(bt.m, bt.start, bt.data)
	}
	for _, tab := range []struct {
		kind byte
		recs [][]byte
	}{{evStacks, tr.stkTab}, {evStrings, tr.strTab}} {
		data := []byte{tab.kind}
		for _, rec := range tab.recs {
			if len(data)+len(rec) > traceMaxBatch {
				batch(traceNoThread, tr.lastTs, data)
				data = []byte{tab.kind}
			}
			data = append(data, rec...)
		}
		if len(data) > 1 {
			batch(traceNoThread, tr.lastTs, data)
		}
	}
	tr.batches, tr.strTab, tr.stkTab = nil, nil, nil
	return append(b, evEndOfGeneration)
}

// event appends an event of type typ to m's batch, timestamped now.
// Called with tr.mu held.
func (tr *tracer) event(m uint64, typ byte, args ...uint64) {
	ts := tr.lastTs
	if now := uint64(tr.clock.nanotime()); now > ts {
		ts = now
	}
	tr.lastTs = ts
	tm := tr.ms[m]
	if tm == nil {
		tm = &traceM{}
		tr.ms[m] = tm
	}
	if tm.cur == nil || len(tm.cur.data) > traceBatchSoft {
		if tm.cur != nil {
			tr.batches = append(tr.batches, tm.cur)
		}
		tm.cur = &traceBatch{m: m, start: ts}
		tm.lastTs = ts
	}
	d := append(tm.cur.data, typ)
	d = binary.AppendUvarint(d, ts-tm.lastTs)
	for _, a := range args {
		d = binary.AppendUvarint(d, a)
	}
	tm.cur.data = d
	tm.lastTs = ts
}

// str interns s in the string table. Called with tr.mu held.
func (tr *tracer) str(s string) uint64 {
	if s == "" {
		return 0
	}
	if len(s) > traceMaxString {
		s = s[:traceMaxString]
	}
	if id, ok := tr.strs[s]; ok {
		return id
	}
	id := uint64(len(tr.strTab) + 1)
	tr.strs[s] = id
	rec := []byte{evString}
	rec = binary.AppendUvarint(rec, id)
	rec = binary.AppendUvarint(rec, uint64(len(s)))
	tr.strTab = append(tr.strTab, append(rec, s...))
	return id
}

// stack interns the stack of frames (outermost first, as a G keeps them;
// hidden frames left out) and returns its id, 0 for none. Called with
// tr.mu held.
func (tr *tracer) stack(frames []Frame) uint64 {
	var key []byte
	var sites []FrameSite
	for i := len(frames) - 1; i >= 0 && len(sites) < traceMaxFrames; i-- {
		f := frames[i]
		if f.Fn == nil || f.Fn.Name() == "" {
			continue
		}
		site := FrameSite{Fn: f.Fn, PC: f.PC}
		pc, ok := tr.pcs[site]
		if !ok {
			pc = uint64(len(tr.pcs) + 1)
			tr.pcs[site] = pc
		}
		key = binary.AppendUvarint(key, pc)
		sites = append(sites, site)
	}
	return tr.stackOf(string(key), sites)
}

func (tr *tracer) stackOf(key string, sites []FrameSite) uint64 {
	if len(sites) == 0 {
		return 0
	}
	if id, ok := tr.stks[key]; ok {
		return id
	}
	id := uint64(len(tr.stkTab) + 1)
	tr.stks[key] = id
	rec := []byte{evStack}
	rec = binary.AppendUvarint(rec, id)
	rec = binary.AppendUvarint(rec, uint64(len(sites)))
	for _, s := range sites {
		file, line := s.Fn.FileLine(s.PC)
		rec = binary.AppendUvarint(rec, tr.pcs[s])
		rec = binary.AppendUvarint(rec, tr.str(s.Fn.Name()))
		rec = binary.AppendUvarint(rec, tr.str(file))
		rec = binary.AppendUvarint(rec, uint64(line))
	}
	tr.stkTab = append(tr.stkTab, rec)
	return id
}

// startStack is a new G's one-frame stack: its function, where it starts.
func (tr *tracer) startStack(fn FuncInfo) uint64 {
	if fn == nil || fn.Name() == "" {
		return 0
	}
	site := FrameSite{Fn: fn, PC: -1}
	pc, ok := tr.pcs[site]
	if !ok {
		pc = uint64(len(tr.pcs) + 1)
		tr.pcs[site] = pc
	}
	return tr.stackOf(string(binary.AppendUvarint(nil, pc)), []FrameSite{site})
}

// traceThread returns the trace thread of events mp writes (host goroutines:
// traceHostThread).
func traceThread(mp *M) uint64 {
	if mp == nil {
		return traceHostThread
	}
	return uint64(mp.id)
}

// The scheduler's hooks. Each is called only while r.trace.on.

func (r *Runtime) traceProcStart(mp *M, pp *P) {
	tr := &r.trace
	tr.mu.Lock()
	if tr.on.Load() {
		pp.traceSeq++
		tr.event(traceThread(mp), evProcStart, uint64(pp.id), pp.traceSeq)
	}
	tr.mu.Unlock()
}

// traceProcNew: GOMAXPROCS made pp while tracing: it enters idle.
func (r *Runtime) traceProcNew(pp *P) {
	tr := &r.trace
	tr.mu.Lock()
	if tr.on.Load() {
		pp.traceSeq = 0
		tr.event(traceHostThread, evProcStatus, uint64(pp.id), traceProcIdle)
	}
	tr.mu.Unlock()
}

func (r *Runtime) traceProcStop(mp *M) {
	r.traceSimple(mp, evProcStop)
}

func (r *Runtime) traceGoStart(mp *M, gp *G) {
	tr := &r.trace
	tr.mu.Lock()
	if tr.on.Load() {
		gp.x().traceSeq++
		tr.event(traceThread(mp), evGoStart, gp.goid, gp.rare.traceSeq)
	}
	tr.mu.Unlock()
}

// traceGoCreate: parent (running on its M) made gp, runnable or, a
// coroutine's (iter.Pull), blocked until it is first switched to.
func (r *Runtime) traceGoCreate(parent, gp *G, blocked bool) {
	tr := &r.trace
	tr.mu.Lock()
	if tr.on.Load() {
		if gp.rare != nil {
			gp.rare.traceSeq = 0
		}
		typ, status := byte(evGoCreate), uint64(traceGoRunnable)
		if blocked {
			typ, status = evGoCreateBlocked, traceGoWaiting
		}
		if parent != nil && parent.m != nil && parent.m.p != nil {
			tr.event(uint64(parent.m.id), typ, gp.goid, tr.startStack(gp.startpc), tr.stack(parent.sched.frames))
		} else {
			// Made by no running goroutine (a timer's AfterFunc): it
			// enters the trace with its status.
			tr.event(traceHostThread, evGoStatus, gp.goid, traceNoThread, status)
		}
	}
	tr.mu.Unlock()
}

// traceGoPark: gp, which ran on mp, stops: blocked (EvPark), yielded or
// preempted, or exited.
func (r *Runtime) traceGoPark(mp *M, gp *G, ev Event) {
	tr := &r.trace
	tr.mu.Lock()
	if tr.on.Load() {
		m := traceThread(mp)
		switch ev {
		case EvPark:
			reason := "unspecified"
			if int(gp.waitreason) < len(traceBlockReasons) {
				reason = traceBlockReasons[gp.waitreason]
			}
			tr.event(m, evGoBlock, tr.str(reason), tr.stack(gp.sched.frames))
		case EvYield:
			tr.event(m, evGoStop, tr.str("runtime.Gosched"), tr.stack(gp.sched.frames))
		case EvPreempt, EvStop:
			tr.event(m, evGoStop, tr.str("preempted"), tr.stack(gp.sched.frames))
		case EvExit:
			tr.event(m, evGoDestroy)
		}
	}
	tr.mu.Unlock()
}

// traceGoUnblock: caller (nil: a host goroutine) made gp runnable.
func (r *Runtime) traceGoUnblock(caller, gp *G) {
	tr := &r.trace
	tr.mu.Lock()
	if tr.on.Load() {
		gp.x().traceSeq++
		var m *M
		if caller != nil {
			m = caller.m
		}
		tr.event(traceThread(m), evGoUnblock, gp.goid, gp.rare.traceSeq, 0)
	}
	tr.mu.Unlock()
}

// traceSyscallBegin: gp enters a host call on mp, which then gives up pp.
func (r *Runtime) traceSyscallBegin(mp *M, gp *G, pp *P) {
	tr := &r.trace
	tr.mu.Lock()
	if tr.on.Load() {
		pp.traceSeq++
		tr.event(traceThread(mp), evGoSyscallBegin, pp.traceSeq, tr.stack(gp.sched.frames))
	}
	tr.mu.Unlock()
}

func (r *Runtime) traceSyscallEndBlocked(mp *M) { r.traceSimple(mp, evGoSyscallEndBlocked) }

func (r *Runtime) traceSimple(mp *M, typ byte) {
	tr := &r.trace
	tr.mu.Lock()
	if tr.on.Load() {
		tr.event(traceThread(mp), typ)
	}
	tr.mu.Unlock()
}

// User annotations (runtime/trace's tasks, regions and logs), from gp
// running on its M, its frames synced.

// TraceUserTask records the beginning (begin) or end of task id.
func (r *Runtime) TraceUserTask(gp *G, begin bool, id, parent uint64, name string) {
	tr := &r.trace
	tr.mu.Lock()
	if tr.on.Load() && gp.m != nil {
		if begin {
			tr.event(uint64(gp.m.id), evUserTaskBegin, id, parent, tr.str(name), tr.stack(gp.sched.frames))
		} else {
			tr.event(uint64(gp.m.id), evUserTaskEnd, id, tr.stack(gp.sched.frames))
		}
	}
	tr.mu.Unlock()
}

// TraceUserRegion records the start (mode 0) or end (mode 1) of a region.
func (r *Runtime) TraceUserRegion(gp *G, id, mode uint64, name string) {
	tr := &r.trace
	tr.mu.Lock()
	if tr.on.Load() && gp.m != nil && mode <= 1 {
		typ := byte(evUserRegionBegin)
		if mode == 1 {
			typ = evUserRegionEnd
		}
		tr.event(uint64(gp.m.id), typ, id, tr.str(name), tr.stack(gp.sched.frames))
	}
	tr.mu.Unlock()
}

// TraceUserLog records a log message of task id.
func (r *Runtime) TraceUserLog(gp *G, id uint64, category, message string) {
	tr := &r.trace
	tr.mu.Lock()
	if tr.on.Load() && gp.m != nil {
		tr.event(uint64(gp.m.id), evUserLog, id, tr.str(category), tr.str(message), tr.stack(gp.sched.frames))
	}
	tr.mu.Unlock()
}
