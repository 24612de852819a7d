package vm

// The executor: runs a G's frames until the G parks, yields or exits.
//
// The loop keeps the current frame's code, pc and registers in locals and
// reloads them after every call and return. Calls push an rt.Frame; the
// callee's slots start at the caller's top slot, and the stack guard is
// checked before the callee's frame is laid down (growing the stack by
// copying, or yielding if sysmon asked the G to). Backward jumps are
// asynchronous safe points.
//
// Blocking operations re-execute on resume: an op that parks leaves pc on
// itself; when the G runs again, t.resuming is set for that one
// instruction, and the op finishes (ChanrecvDone etc.) instead of starting.

import (
	"errors"
	"fmt"
	"go/token"
	"math"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"unsafe"

	"github.com/goro-dev/goro/internal/rt"
)

// Frame flags, in the high bits of rt.Frame.Aux (the low 32 bits are the
// result slot in the caller).
const (
	flagReexec     = 1 << 32 // the caller re-executes its instruction on return
	flagPanicDefer = 1 << 33 // a deferred call run by a panic
	flagPrintPanic = 1 << 34 // an Error/String call made to print a fatal panic
	flagNoResult   = 1 << 35 // results are dropped
	flagNativeCont = 1 << 36 // a call made by a native (CallThen): its continuation runs on return
	flagFlat       = 1 << 37 // a flat call (flat.go): the struct result's fields go to the result slots
	dstMask        = 1<<32 - 1
)

// Thread is the executor's state of one G.
type Thread struct {
	m        *Machine
	gp       *rt.G
	frames   []rt.Frame
	resuming bool
	parked   bool
	yield    bool
	// yieldBefore: the instruction yields before it starts (rt.YieldBefore).
	yieldBefore bool
	fatal       bool
	sigpanic    bool // the panic being raised is a nil dereference
	// pending: a panic raised by a native, started after it returns.
	pending   *rt.Value
	recvBuf   rt.Value // where a channel receive's value arrives
	faultAddr int64    // the address it faulted at (a field's offset)
	// aux holds what only some Gs need (selects, natives that call back),
	// so that a parked G stays small.
	aux *threadAux
}

// threadAux is the rarely used part of a Thread.
type threadAux struct {
	selCases []rt.Scase
	// selScratch and selVals are reused by every select of the G.
	selScratch []rt.Scase
	selVals    []rt.Value
	tailFn     rt.Value
	tailArgs   []rt.Value
	// A call a native asked for (CallThen), and the continuations waiting
	// for such calls to return (innermost last).
	thenFn   rt.Value
	thenArgs []rt.Value
	thenK    func(t *Thread, results, out []rt.Value)
	conts    []nativeCont
	// testFatal is the T.Fatal call an unsupported operation in a test's
	// goroutine makes instead of ending the program (testFail).
	testFatal     rt.Value
	testFatalArgs []rt.Value
	testFailed    bool // it did once: a second one ends the program
}

// x returns t's auxiliary state, making it on first use.
func (t *Thread) x() *threadAux {
	if t.aux == nil {
		t.aux = new(threadAux)
	}
	return t.aux
}

// nativeCont is a native waiting for a call it made to return.
type nativeCont struct {
	depth int // frame index of the call
	k     func(t *Thread, results, out []rt.Value)
	dst   int // absolute stack slot of the native's results
	nres  int
	flat  int // the native's call is flat (flat.go): its struct result's fields go from dst
	// Of a native called by callValue (deferred, or a continuation's):
	// out holds its results, and when k is done the call finishes
	// with flags (finishNative). recoverable: the native is gc's wrapper
	// (reflect.makeFuncStub) of a call a panic runs, so the call it
	// makes may recover (recover).
	byValue     bool
	out         []rt.Value
	flags       int
	recoverable bool
}

func (t *Thread) syncFrames() { t.gp.SetFrames(t.frames) }

// Execute runs gp until it parks, yields or exits (rt.Executor).
func (m *Machine) Execute(gp *rt.G) (ev rt.Event) {
	t, _ := gp.Exec.(*Thread)
	if t == nil {
		t = &Thread{m: m, gp: gp, frames: gp.Frames()}
		gp.Exec = t
	}
	if len(t.frames) == 0 && !t.fatal {
		t.start()
	}
	ev = t.runGuarded()
	// An unsupported operation in a test's goroutine fails the test
	// (testFail) instead of the program: the G goes on in t.Fatal.
	for ev == rt.EvStop && t.aux != nil && t.aux.testFatal.R != nil {
		fn, args := t.aux.testFatal, t.aux.testFatalArgs
		t.aux.testFatal, t.aux.testFatalArgs = rt.Value{}, nil
		t.fatal, t.pending, t.parked = false, nil, false
		if e, stop := t.callValue(fn, args, flagReexec|flagNoResult); stop {
			ev = e
			continue
		}
		ev = t.runGuarded()
	}
	t.syncFrames()
	// A parked G re-executes the instruction it parked in, which then
	// finishes the operation instead of starting it. The flag stays set
	// until that instruction consumes it: a preemption request seen before
	// the instruction runs (at its stack check) must not turn the
	// completion into a second start, which would lose a wake-up (a
	// semaphore count handed off to this G).
	if ev == rt.EvPark {
		t.resuming = true
		t.shrinkParked()
	}
	return ev
}

// errOutOfMemory is panicked (a host panic) where making a value would pass
// the memory limit (rt/mem.go) deep inside the executor or a native: the
// G's Execute ends the program with gc's fatal error.
var errOutOfMemory = errors.New("out of memory")

// unsupportedAlloc is panicked (a host panic) where making a value needs
// memory only because of goro's representation: Execute reports it as
// unsupported, naming it.
type unsupportedAlloc string

// zeroSizeAlloc is the unsupportedAlloc of n elements of the zero-size
// type et: gc's take no memory, goro's a Value each.
func zeroSizeAlloc(et *Type, n int64) unsupportedAlloc {
	return unsupportedAlloc(fmt.Sprintf("%d elements of the zero-size type %s (goro's elements take memory; gc's take none)", n, et))
}

// outOfMemory ends the program with gc's fatal error for memory the
// limit does not give (rt/mem.go).
func (t *Thread) outOfMemory() {
	t.syncFrames()
	t.fatal = true
	t.m.RT.OutOfMemory(t.gp)
}

// internalError reports a bug in goro: "goro: internal error" and the host
// stack, then ends the program (rt.Runtime.InternalError).
func (m *Machine) internalError(t *Thread, r any) {
	m.RT.InternalError(r, debug.Stack(), t.gp)
}

// start lays down the G's first frame: StartFn(StartArgs...).
func (t *Thread) start() {
	gp := t.gp
	cl := gp.StartFn.R.(*Closure)
	fn := cl.Fn
	fn.ensure()
	if fn.native != nil {
		// A native as the goroutine's function: a trampoline frame.
		fn = t.m.nativeTrampoline(fn)
	}
	need := fn.nslots + len(gp.StartArgs)
	t.m.RT.StartStack(gp, need)
	stk := gp.Stk
	copy(stk, fn.consts)
	base := len(fn.consts)
	copy(stk[base:], gp.StartArgs)
	copy(stk[fn.freeBase:], cl.Env)
	t.frames = append(t.frames[:0], rt.Frame{Fn: fn, PC: 0, FP: 0, Aux: flagNoResult})
	// The frame holds them now: a parked G should not keep the go
	// statement's argument slice alive too.
	gp.StartFn, gp.StartArgs = rt.Value{}, nil
}

// runGuarded runs the interpreter loop, turning the host panics it may
// raise into the program's end: out of memory, an allocation goro
// refuses, or goro's own bug.
func (t *Thread) runGuarded() (ev rt.Event) {
	defer func() {
		if r := recover(); r != nil {
			if r == errOutOfMemory {
				t.outOfMemory()
			} else if u, ok := r.(unsupportedAlloc); ok {
				t.Unsupported(string(u))
			} else {
				t.syncFrames()
				t.m.internalError(t, r)
			}
			ev = rt.EvStop
		}
	}()
	return t.run()
}

// run is the interpreter loop.
//
// Its shape is chosen for the Go compiler's register allocator. Every
// host call clobbers every register, so a value live across a call is
// spilled, and a value defined inside the dispatch loop (a phi of its
// head: pc, the instruction) is spilled at the loop head, at every
// dispatch, when any case uses it after a call. So the dispatch loop
// carries pc alone; the frame's fr, fn, code, fp and regs are set before
// it (enter) and never change inside it: a call or return that changes
// them leaves the loop for enter. A case that calls the host keeps
// nothing from the loop live across the call: it stores pc in its frame
// first (fr.PC) and goes to resume, which reads it back; the result is
// written by the callee or from values local to the case. (Measured on
// bench/: with fr, fn, code, pc, fp and regs carried by the loop, each
// dispatch stored ten registers to the stack.)
func (t *Thread) run() rt.Event {
	gp := t.gp
	m := t.m
	var (
		fr   *rt.Frame
		fn   *Func
		code []instr
		pc   int
		fp   int
		regs []rt.Value
	)
reload:
	if t.fatal {
		return rt.EvStop
	}
	if len(t.frames) == 0 {
		return rt.EvExit
	}
	fr = &t.frames[len(t.frames)-1]
	fn = fr.Fn.(*Func)
enter:
	code = fn.code
	fp = fr.FP
	regs = gp.Stk[fp : fp+fn.nslots]
resume:
	pc = fr.PC
	for {
		in := &code[pc]
		switch in.op {
		case opMove:
			regs[in.a] = regs[in.b]
			pc++
		case opJump:
			if int(in.a) <= pc {
				// Backward jump: an asynchronous safe point.
				gp.Budget--
				if gp.Budget < 0 || gp.Stackguard() < 0 {
					fr.PC = int(in.a)
					t.syncFrames() // a stack overflow prints them
					if m.RT.Morestack(gp, fp+fn.nslots, 0) {
						return rt.EvPreempt
					}
					goto enter
				}
			}
			pc = int(in.a)
		case opIncLssI:
			n := regs[in.a].N + 1
			regs[in.a] = rt.Value{N: n}
			to := int(in.d)
			if int64(n) >= int64(regs[in.b].N) {
				if to = int(in.c); to > pc {
					pc = to
					break
				}
			}
			// The loop's back edge (or an exit that goes back, to an
			// enclosing loop's start): a safe point, as a backward Jump.
			gp.Budget--
			if gp.Budget < 0 || gp.Stackguard() < 0 {
				fr.PC = to
				t.syncFrames()
				if m.RT.Morestack(gp, fp+fn.nslots, 0) {
					return rt.EvPreempt
				}
				goto enter
			}
			pc = to
		case opIf:
			if regs[in.a].N != 0 {
				pc = int(in.b)
			} else {
				pc = int(in.c)
			}
		case opIfLssI:
			if int64(regs[in.a].N) < int64(regs[in.b].N) {
				pc = int(in.d)
			} else {
				pc = int(in.c)
			}
		case opIfLeqI:
			if int64(regs[in.a].N) <= int64(regs[in.b].N) {
				pc = int(in.d)
			} else {
				pc = int(in.c)
			}
		case opIfGtrI:
			if int64(regs[in.a].N) > int64(regs[in.b].N) {
				pc = int(in.d)
			} else {
				pc = int(in.c)
			}
		case opIfGeqI:
			if int64(regs[in.a].N) >= int64(regs[in.b].N) {
				pc = int(in.d)
			} else {
				pc = int(in.c)
			}
		case opIfEqlI:
			if regs[in.a].N == regs[in.b].N {
				pc = int(in.d)
			} else {
				pc = int(in.c)
			}
		case opIfNeqI:
			if regs[in.a].N != regs[in.b].N {
				pc = int(in.d)
			} else {
				pc = int(in.c)
			}
		case opAddI:
			regs[in.a] = rt.Value{N: regs[in.b].N + regs[in.c].N}
			pc++
		case opSubI:
			regs[in.a] = rt.Value{N: regs[in.b].N - regs[in.c].N}
			pc++
		case opMulI:
			regs[in.a] = rt.Value{N: regs[in.b].N * regs[in.c].N}
			pc++
		case opLssI:
			regs[in.a] = rt.Value{N: b2n(int64(regs[in.b].N) < int64(regs[in.c].N))}
			pc++
		case opLeqI:
			regs[in.a] = rt.Value{N: b2n(int64(regs[in.b].N) <= int64(regs[in.c].N))}
			pc++
		case opGtrI:
			regs[in.a] = rt.Value{N: b2n(int64(regs[in.b].N) > int64(regs[in.c].N))}
			pc++
		case opGeqI:
			regs[in.a] = rt.Value{N: b2n(int64(regs[in.b].N) >= int64(regs[in.c].N))}
			pc++
		case opLssU:
			regs[in.a] = rt.Value{N: b2n(regs[in.b].N < regs[in.c].N)}
			pc++
		case opLeqU:
			regs[in.a] = rt.Value{N: b2n(regs[in.b].N <= regs[in.c].N)}
			pc++
		case opGtrU:
			regs[in.a] = rt.Value{N: b2n(regs[in.b].N > regs[in.c].N)}
			pc++
		case opGeqU:
			regs[in.a] = rt.Value{N: b2n(regs[in.b].N >= regs[in.c].N)}
			pc++
		case opAndN:
			regs[in.a] = rt.Value{N: regs[in.b].N & regs[in.c].N}
			pc++
		case opOrN:
			regs[in.a] = rt.Value{N: regs[in.b].N | regs[in.c].N}
			pc++
		case opXorN:
			regs[in.a] = rt.Value{N: regs[in.b].N ^ regs[in.c].N}
			pc++
		case opAndNotN:
			regs[in.a] = rt.Value{N: regs[in.b].N &^ regs[in.c].N}
			pc++
		case opShlI, opShrS, opShrU:
			y := regs[in.c].N
			if in.signedCount() && int64(y) < 0 {
				fr.PC = pc
				t.panicRuntime("negative shift amount")
				goto reload
			}
			x := regs[in.b].N
			switch {
			case in.op == opShlI:
				if y >= 64 {
					x = 0
				} else {
					x <<= y
				}
			case in.op == opShrS:
				x = uint64(int64(x) >> min(y, 63))
			case y >= 64:
				x = 0
			default:
				x >>= y
			}
			regs[in.a] = rt.Value{N: x}
			pc++
		case opAddF:
			regs[in.a] = rt.Value{N: math.Float64bits(math.Float64frombits(regs[in.b].N) + math.Float64frombits(regs[in.c].N))}
			pc++
		case opSubF:
			regs[in.a] = rt.Value{N: math.Float64bits(math.Float64frombits(regs[in.b].N) - math.Float64frombits(regs[in.c].N))}
			pc++
		case opMulF:
			regs[in.a] = rt.Value{N: math.Float64bits(math.Float64frombits(regs[in.b].N) * math.Float64frombits(regs[in.c].N))}
			pc++
		case opQuoF:
			regs[in.a] = rt.Value{N: math.Float64bits(math.Float64frombits(regs[in.b].N) / math.Float64frombits(regs[in.c].N))}
			pc++
		case opLssF:
			regs[in.a] = rt.Value{N: b2n(math.Float64frombits(regs[in.b].N) < math.Float64frombits(regs[in.c].N))}
			pc++
		case opLeqF:
			regs[in.a] = rt.Value{N: b2n(math.Float64frombits(regs[in.b].N) <= math.Float64frombits(regs[in.c].N))}
			pc++
		case opGtrF:
			regs[in.a] = rt.Value{N: b2n(math.Float64frombits(regs[in.b].N) > math.Float64frombits(regs[in.c].N))}
			pc++
		case opGeqF:
			regs[in.a] = rt.Value{N: b2n(math.Float64frombits(regs[in.b].N) >= math.Float64frombits(regs[in.c].N))}
			pc++
		case opEqlN:
			regs[in.a] = rt.Value{N: b2n(regs[in.b].N == regs[in.c].N)}
			pc++
		case opQuoI, opRemI, opQuoU, opRemU:
			y := regs[in.c].N
			if y == 0 {
				fr.PC = pc
				t.panicRuntime("integer divide by zero")
				goto reload
			}
			x := regs[in.b].N
			switch in.op {
			case opQuoI:
				x = uint64(int64(x) / int64(y)) // (MinInt64 / -1 is MinInt64, as gc's)
			case opRemI:
				x = uint64(int64(x) % int64(y))
			case opQuoU:
				x /= y
			default:
				x %= y
			}
			regs[in.a] = rt.Value{N: x}
			pc++
		case opCvtIF:
			regs[in.a] = rt.Value{N: math.Float64bits(float64(int64(regs[in.b].N)))}
			pc++
		case opCvtFI:
			regs[in.a] = rt.Value{N: uint64(int64(math.Float64frombits(regs[in.b].N)))}
			pc++
		case opConst:
			regs[in.a] = fn.constTable[in.b]
			pc++
		case opAddIK:
			regs[in.a] = rt.Value{N: regs[in.b].N + uint64(int64(in.c))}
			pc++
		case opSubIK:
			regs[in.a] = rt.Value{N: regs[in.b].N - uint64(int64(in.c))}
			pc++
		case opMulIK:
			regs[in.a] = rt.Value{N: regs[in.b].N * uint64(int64(in.c))}
			pc++
		case opLssIK:
			regs[in.a] = rt.Value{N: b2n(int64(regs[in.b].N) < int64(in.c))}
			pc++
		case opLeqIK:
			regs[in.a] = rt.Value{N: b2n(int64(regs[in.b].N) <= int64(in.c))}
			pc++
		case opGtrIK:
			regs[in.a] = rt.Value{N: b2n(int64(regs[in.b].N) > int64(in.c))}
			pc++
		case opGeqIK:
			regs[in.a] = rt.Value{N: b2n(int64(regs[in.b].N) >= int64(in.c))}
			pc++
		case opLssUK:
			regs[in.a] = rt.Value{N: b2n(regs[in.b].N < uint64(int64(in.c)))}
			pc++
		case opLeqUK:
			regs[in.a] = rt.Value{N: b2n(regs[in.b].N <= uint64(int64(in.c)))}
			pc++
		case opGtrUK:
			regs[in.a] = rt.Value{N: b2n(regs[in.b].N > uint64(int64(in.c)))}
			pc++
		case opGeqUK:
			regs[in.a] = rt.Value{N: b2n(regs[in.b].N >= uint64(int64(in.c)))}
			pc++
		case opAndNK:
			regs[in.a] = rt.Value{N: regs[in.b].N & uint64(int64(in.c))}
			pc++
		case opOrNK:
			regs[in.a] = rt.Value{N: regs[in.b].N | uint64(int64(in.c))}
			pc++
		case opXorNK:
			regs[in.a] = rt.Value{N: regs[in.b].N ^ uint64(int64(in.c))}
			pc++
		case opAndNotNK:
			regs[in.a] = rt.Value{N: regs[in.b].N &^ uint64(int64(in.c))}
			pc++
		case opShlIK:
			regs[in.a] = rt.Value{N: regs[in.b].N << uint64(in.c)} // (a count of 64 or more gives 0)
			pc++
		case opShrSK:
			regs[in.a] = rt.Value{N: uint64(int64(regs[in.b].N) >> uint64(in.c))}
			pc++
		case opShrUK:
			regs[in.a] = rt.Value{N: regs[in.b].N >> uint64(in.c)}
			pc++
		case opEqlNK:
			regs[in.a] = rt.Value{N: b2n(regs[in.b].N == uint64(int64(in.c)))}
			pc++
		case opNeqNK:
			regs[in.a] = rt.Value{N: b2n(regs[in.b].N != uint64(int64(in.c)))}
			pc++
		case opIfLssIK:
			if int64(regs[in.a].N) < int64(in.b) {
				pc = int(in.d)
			} else {
				pc = int(in.c)
			}
		case opIfLeqIK:
			if int64(regs[in.a].N) <= int64(in.b) {
				pc = int(in.d)
			} else {
				pc = int(in.c)
			}
		case opIfGtrIK:
			if int64(regs[in.a].N) > int64(in.b) {
				pc = int(in.d)
			} else {
				pc = int(in.c)
			}
		case opIfGeqIK:
			if int64(regs[in.a].N) >= int64(in.b) {
				pc = int(in.d)
			} else {
				pc = int(in.c)
			}
		case opIfEqlIK:
			if regs[in.a].N == uint64(int64(in.b)) {
				pc = int(in.d)
			} else {
				pc = int(in.c)
			}
		case opIfNeqIK:
			if regs[in.a].N != uint64(int64(in.b)) {
				pc = int(in.d)
			} else {
				pc = int(in.c)
			}
		case opNeqN:
			regs[in.a] = rt.Value{N: b2n(regs[in.b].N != regs[in.c].N)}
			pc++
		case opAdd, opSub, opMul, opAnd, opOr, opXor, opAndNot, opLss, opLeq, opGtr, opGeq:
			fr.PC = pc
			arithOp(t, in, regs)
			fr.PC++
			goto resume
		case opQuo, opRem:
			if in.k.IsInteger() && regs[in.c].N == 0 {
				fr.PC = pc
				t.panicRuntime("integer divide by zero")
				goto reload
			}
			fr.PC = pc
			arithOp(t, in, regs)
			fr.PC++
			goto resume
		case opShl, opShr:
			y := regs[in.c].N
			if in.signedCount() && int64(y) < 0 {
				fr.PC = pc
				t.panicRuntime("negative shift amount")
				goto reload
			}
			fr.PC = pc
			shiftOp(in, regs, y)
			fr.PC++
			goto resume
		case opEql, opNeq:
			fr.PC = pc
			if !t.eqlOp(in, regs) {
				goto reload
			}
			fr.PC++
			goto resume
		case opNeg:
			fr.PC = pc
			negOp(in, regs)
			fr.PC++
			goto resume
		case opNot:
			regs[in.a] = rt.Value{N: regs[in.b].N ^ 1}
			pc++
		case opCompl:
			regs[in.a] = rt.Value{N: norm(in.k, ^regs[in.b].N)}
			pc++
		case opAlloc:
			fr.PC = pc
			t.allocOp(in, regs)
			fr.PC++
			goto resume
		case opLiteral:
			fr.PC = pc
			literalOp(t, fn, in, regs)
			fr.PC++
			goto resume
		case opLoad:
			p, _ := regs[in.b].R.(*rt.Value)
			if p == nil {
				fr.PC = pc
				if t.viewOp(in, regs) {
					fr.PC++
					goto resume
				}
				goto reload
			}
			regs[in.a] = *p
			pc++
		case opLoadDeep:
			p, _ := regs[in.b].R.(*rt.Value)
			if p == nil {
				fr.PC = pc
				if t.viewOp(in, regs) {
					fr.PC++
					goto resume
				}
				goto reload
			}
			fr.PC = pc
			loadDeepOp(in, regs, p)
			fr.PC++
			goto resume
		case opStore:
			p, _ := regs[in.a].R.(*rt.Value)
			if p == nil {
				fr.PC = pc
				if t.viewOp(in, regs) {
					fr.PC++
					goto resume
				}
				goto reload
			}
			*p = regs[in.b]
			pc++
		case opStoreDeep:
			p, _ := regs[in.a].R.(*rt.Value)
			if p == nil {
				fr.PC = pc
				if t.viewOp(in, regs) {
					fr.PC++
					goto resume
				}
				goto reload
			}
			fr.PC = pc
			storeDeep(in.t, p, regs[in.b])
			fr.PC++
			goto resume
		case opLoadField, opStoreField:
			// A load's pointer is b (the field to a), a store's a (b to
			// the field).
			ptr, val := in.b, in.a
			if in.op == opStoreField {
				ptr, val = in.a, in.b
			}
			if p, _ := regs[ptr].R.(*rt.Value); p != nil {
				if f := &p.R.([]rt.Value)[in.c]; in.op == opLoadField {
					regs[val] = *f
				} else {
					*f = regs[val]
				}
				pc++
				continue
			}
			fr.PC = pc
			if !t.fieldSlow(in, regs) {
				goto reload
			}
			fr.PC++
			goto resume
		case opAddFieldF, opSubFieldF, opAddFieldI, opSubFieldI:
			if p, _ := regs[in.b].R.(*rt.Value); p != nil {
				f := &p.R.([]rt.Value)[in.c]
				*f = fieldUpdate(in.op, *f, regs[in.d])
				pc++
				continue
			}
			fr.PC = pc
			if !t.fieldUpdateSlow(in, regs) {
				goto reload
			}
			fr.PC++
			goto resume
		case opLoadIndex, opStoreIndex:
			// A load's slice is b (the element to a), a store's a (c to
			// the element); the index is c, b.
			s, ix, val := in.b, in.c, in.a
			if in.op == opStoreIndex {
				s, ix, val = in.a, in.b, in.c
			}
			elems, _ := regs[s].R.([]rt.Value)
			i := int64(regs[ix].N)
			if uint64(i) >= uint64(len(elems)) {
				fr.PC = pc
				t.panicIndex(i, len(elems), in.d != 0)
				goto reload
			}
			if in.op == opLoadIndex {
				regs[val] = elems[i]
			} else {
				elems[i] = regs[val]
			}
			pc++
		case opFieldAddr:
			p, _ := regs[in.b].R.(*rt.Value)
			if p == nil {
				fr.PC = pc
				t.faultAddr = in.offset()
				if t.viewOp(in, regs) {
					fr.PC++
					goto resume
				}
				goto reload
			}
			regs[in.a] = rt.Value{R: &p.R.([]rt.Value)[in.c]}
			pc++
		case opField:
			regs[in.a] = regs[in.b].R.([]rt.Value)[in.c]
			pc++
		case opFieldAddF:
			regs[in.a] = rt.Value{N: math.Float64bits(math.Float64frombits(regs[in.b].R.([]rt.Value)[in.c].N) + math.Float64frombits(regs[in.d].N))}
			pc++
		case opFieldSubF:
			regs[in.a] = rt.Value{N: math.Float64bits(math.Float64frombits(regs[in.b].R.([]rt.Value)[in.c].N) - math.Float64frombits(regs[in.d].N))}
			pc++
		case opFieldRSubF:
			regs[in.a] = rt.Value{N: math.Float64bits(math.Float64frombits(regs[in.d].N) - math.Float64frombits(regs[in.b].R.([]rt.Value)[in.c].N))}
			pc++
		case opFieldMulF:
			regs[in.a] = rt.Value{N: math.Float64bits(math.Float64frombits(regs[in.b].R.([]rt.Value)[in.c].N) * math.Float64frombits(regs[in.d].N))}
			pc++
		case opIndexAddr:
			var elems []rt.Value
			if in.k == KSlice {
				elems, _ = regs[in.b].R.([]rt.Value)
			} else {
				p, _ := regs[in.b].R.(*rt.Value)
				if p == nil {
					fr.PC = pc
					if t.viewOp(in, regs) {
						fr.PC++
						goto resume
					}
					goto reload
				}
				elems = p.R.([]rt.Value)
			}
			i := int64(regs[in.c].N)
			if uint64(i) >= uint64(len(elems)) {
				fr.PC = pc
				t.panicIndex(i, len(elems), in.d != 0)
				goto reload
			}
			regs[in.a] = rt.Value{R: &elems[i]}
			if in.t != nil {
				rememberElem(elems[:cap(elems)], int(i), in.t)
			}
			pc++
		case opIndex:
			i := int64(regs[in.c].N)
			if in.k == KString {
				s := str(regs[in.b])
				if uint64(i) >= uint64(len(s)) {
					fr.PC = pc
					t.panicIndex(i, len(s), in.d != 0)
					goto reload
				}
				regs[in.a] = rt.Value{N: uint64(s[i])}
				pc++
				continue
			}
			elems := regs[in.b].R.([]rt.Value)
			if uint64(i) >= uint64(len(elems)) {
				fr.PC = pc
				t.panicIndex(i, len(elems), in.d != 0)
				goto reload
			}
			regs[in.a] = elems[i]
			pc++
		case opCall, opCallClosure, opCallInvoke, opCallBuiltin:
			fr.PC = pc
			// Fast path: a static, closure or interface-method call of a
			// compiled Go function whose frame fits below the guard.
			if in.c == callNormal && in.op != opCallBuiltin {
				dst := int(in.a)
				ci := in.call()
				callee := ci.fn
				var env []rt.Value
				var recv rt.Value
				hasRecv := false
				switch in.op {
				case opCallClosure:
					callee = nil
					if cl, _ := regs[in.b].R.(*Closure); cl != nil {
						callee, env = cl.Fn, cl.Env
					}
				case opCallInvoke:
					if iv, ok := regs[in.b].R.(Iface); ok {
						callee = ci.invokeTarget(iv.T)
						recv, hasRecv = iv.V, true
					}
				}
				if callee != nil && callee.ready.Load() && callee.native != nil && in.op == opCall {
					// A native of float64s (RegisterFloatNatives): no frame.
					if f := callee.float1; f != nil {
						regs[dst] = rt.Value{N: math.Float64bits(f(math.Float64frombits(regs[ci.args[0]].N)))}
						pc++
						continue
					}
					if f := callee.float2; f != nil {
						regs[dst] = rt.Value{N: math.Float64bits(f(math.Float64frombits(regs[ci.args[0]].N), math.Float64frombits(regs[ci.args[1]].N)))}
						pc++
						continue
					}
				}
				if callee != nil && callee.ready.Load() && callee.native == nil {
					newFP := fp + fn.nslots
					top := newFP + callee.nslots
					gp.Budget-- // a call is a safe point (rt/det.go)
					if int64(top) <= gp.Stackguard() && gp.Budget >= 0 {
						stk := gp.Stk[newFP:top]
						n := len(callee.consts)
						for i, v := range callee.consts {
							stk[i] = v
						}
						if hasRecv {
							stk[n] = recv
							n++
						}
						for _, a := range ci.args {
							stk[n] = regs[a]
							n++
						}
						if ci.lent != 0 {
							if need := ci.lent &^ callee.borrows; need != 0 {
								copyLent(stk[len(callee.consts):], ci.lentT, need)
							}
						}
						// (Word by word: copy's typedslicecopy call
						// cost more than the few words an environment
						// or a constant area holds.)
						for i, v := range env {
							stk[callee.freeBase+i] = v
						}
						// (The frame's fields written in place: append's
						// composite literal was built on the stack and
						// moved with a bulk write barrier.)
						if nf := len(t.frames); nf < cap(t.frames) {
							t.frames = t.frames[:nf+1]
						} else {
							t.frames = append(t.frames, rt.Frame{})
						}
						if ci.flat != 0 {
							dst |= flagFlat
						}
						fr = &t.frames[len(t.frames)-1]
						fr.Fn, fr.PC, fr.FP, fr.Aux = callee, 0, newFP, dst
						fn = callee
						goto enter
					}
				}
			}
			// (The instruction read again: in and pc would be live across
			// invokeTarget, and spilled at every dispatch.)
			if ev, stop := t.call(&code[fr.PC], regs, fn, fp); stop {
				return ev
			}
			goto reload
		case opReturn:
			if n := len(t.frames); fr.Aux&^dstMask == 0 && n > 1 {
				// Fast path: an ordinary return to an interpreted caller.
				res := in.results()
				caller := &t.frames[n-2]
				dst := gp.Stk[caller.FP+fr.Aux:]
				for i, r := range res {
					dst[i] = fn.result(regs, r)
				}
				t.frames = t.frames[:n-1]
				fr = caller
				fn = caller.Fn.(*Func)
				fr.PC++
				goto enter
			}
			if ev, stop := t.ret(in, regs); stop {
				return ev
			}
			goto reload
		case opReturnLit:
			if n := len(t.frames); n > 1 && fr.Aux&^(dstMask|flagFlat) == 0 {
				// Fast path: to an interpreted caller, flat or not.
				caller := &t.frames[n-2]
				dst := gp.Stk[caller.FP+fr.Aux&dstMask:]
				if fr.Aux&flagFlat != 0 {
					for i, r := range in.results() {
						dst[i] = fn.result(regs, r)
					}
				} else {
					dst[0] = literalValue(t, fn, in, regs)
				}
				t.frames = t.frames[:n-1]
				fr = caller
				fn = caller.Fn.(*Func)
				fr.PC++
				goto enter
			}
			if ev, stop := t.ret(in, regs); stop {
				return ev
			}
			goto reload
		case opLen:
			switch x := regs[in.b].R.(type) {
			case []rt.Value:
				regs[in.a] = rt.Value{N: uint64(len(x))}
			case string:
				regs[in.a] = rt.Value{N: uint64(len(x))}
			default:
				regs[in.a] = rt.Value{} // a nil slice, an empty string
			}
			pc++
		case opSafePoint:
			// An inlined call's safe point (inline.go), as a call's.
			gp.Budget--
			if gp.Budget < 0 || gp.Stackguard() < 0 {
				fr.PC = pc + 1
				t.syncFrames()
				if m.RT.Morestack(gp, fp+fn.nslots, 0) {
					return rt.EvPreempt
				}
				goto enter
			}
			pc++
		case opRunDefers:
			d := gp.Defers()
			if d != nil && d.Depth == len(t.frames)-1 {
				fr.PC = pc
				gp.SetDefers(d.Link)
				if ev, stop := t.callValue(d.Fn, d.Args, flagReexec|flagNoResult); stop {
					return ev
				}
				goto reload
			}
			pc++
		case opPanic:
			fr.PC = pc
			t.gopanic(regs[in.a])
			goto reload
		case opRecover:
			fr.PC = pc
			t.recoverOp(in, regs)
			fr.PC++
			goto resume
		default:
			fr.PC = pc
			if !t.slowOp(in, regs) {
				if t.fatal {
					return rt.EvStop
				}
				if t.parked {
					t.parked = false
					return rt.EvPark
				}
				if t.yieldBefore {
					// A deterministic schedule switches before the
					// operation (rt.YieldBefore); it runs when the G
					// is next scheduled.
					t.yieldBefore = false
					return rt.EvYield
				}
				goto reload
			}
			fr.PC++
			if t.yield {
				t.yield = false
				return rt.EvYield
			}
			goto resume
		}
	}
}

// allocOp is Alloc: a new variable of in.t.
func (t *Thread) allocOp(in *instr, regs []rt.Value) {
	if in.t.Size == 0 {
		if in.d == 0 {
			t.allocated(0, nil)
		}
		regs[in.a] = rt.Value{R: t.m.zeroCell(in.t)}
		return
	}
	cell := new(rt.Value)
	obj := unsafe.Pointer(cell)
	if in.t.isDeep() {
		*cell = in.t.Zero()
		// A struct's or array's storage is its elements': a pointer to
		// one (a slice of the array) keeps them, not the cell.
		if vs, _ := cell.R.([]rt.Value); len(vs) > 0 {
			obj = unsafe.Pointer(&vs[0])
		}
	}
	regs[in.a] = rt.Value{R: cell}
	if in.d == 0 {
		t.allocated(in.t.Size, obj)
	}
}

// literalOp is Literal: a struct or array made from its fields' values.
func literalOp(t *Thread, fn *Func, in *instr, regs []rt.Value) {
	regs[in.a] = literalValue(t, fn, in, regs)
}

// literalValue makes the struct or array of Literal or ReturnLit in.
func literalValue(t *Thread, fn *Func, in *instr, regs []rt.Value) rt.Value {
	rs := in.results()
	agg, vs := newAggregate(len(rs))
	if len(vs) > 0 {
		t.allocated(in.t.Size, unsafe.Pointer(&vs[0]))
	} else {
		t.allocated(in.t.Size, nil)
	}
	for i, r := range rs {
		v := fn.result(regs, r)
		if v.R == nil {
			// A struct or array field never stored (literal.go).
			ft := in.t.Elem
			if in.t.Kind == KStruct {
				ft = in.t.Fields[i]
			}
			if ft.isDeep() {
				v = ft.Zero()
			}
		}
		vs[i] = v
	}
	return agg
}

// fieldSlow is LoadField or StoreField through a pointer that is no
// plain cell (nil: the nil dereference; a View): the FieldAddr and the
// Load or Store they fuse, one after the other, on scratch slots. It
// reports whether execution goes on.
func (t *Thread) fieldSlow(in *instr, regs []rt.Value) bool {
	var tmp [2]rt.Value // the pointer, then the field's; the value stored
	ptr := in.b
	if in.op == opStoreField {
		ptr = in.a
		tmp[1] = regs[in.b]
	}
	tmp[0] = regs[ptr]
	fa := instr{op: opFieldAddr, a: 0, b: 0, c: in.c, x: in.x}
	if p, _ := tmp[0].R.(*rt.Value); p != nil {
		tmp[0] = rt.Value{R: &p.R.([]rt.Value)[in.c]}
	} else {
		t.faultAddr = in.offset()
		if !t.viewOp(&fa, tmp[:]) {
			return false
		}
	}
	access := instr{op: opLoad, a: 1, b: 0}
	if in.op == opStoreField {
		access = instr{op: opStore, a: 0, b: 1}
	}
	if p, _ := tmp[0].R.(*rt.Value); p != nil {
		if in.op == opStoreField {
			*p = tmp[1]
		} else {
			tmp[1] = *p
		}
	} else if !t.viewOp(&access, tmp[:]) {
		return false
	}
	if in.op == opLoadField {
		regs[in.a] = tmp[1]
	}
	return true
}

// fieldUpdate is what the update in place op makes of field f and v.
func fieldUpdate(o op, f, v rt.Value) rt.Value {
	switch o {
	case opAddFieldF:
		return rt.Value{N: math.Float64bits(math.Float64frombits(f.N) + math.Float64frombits(v.N))}
	case opSubFieldF:
		return rt.Value{N: math.Float64bits(math.Float64frombits(f.N) - math.Float64frombits(v.N))}
	case opAddFieldI:
		return rt.Value{N: f.N + v.N}
	}
	return rt.Value{N: f.N - v.N}
}

// fieldUpdateSlow is an update in place through a pointer that is not a
// plain cell: the LoadField, the operation (in a) and the StoreField it
// fuses, one after the other (fieldSlow). It reports whether execution
// goes on.
func (t *Thread) fieldUpdateSlow(in *instr, regs []rt.Value) bool {
	ld := instr{op: opLoadField, a: in.a, b: in.b, c: in.c, x: in.x}
	if !t.fieldSlow(&ld, regs) {
		return false
	}
	regs[in.a] = fieldUpdate(in.op, regs[in.a], regs[in.d])
	st := instr{op: opStoreField, a: in.b, b: in.a, c: in.c, x: in.x}
	return t.fieldSlow(&st, regs)
}

// loadDeepOp is LoadDeep: a copy of the aggregate *p.
func loadDeepOp(in *instr, regs []rt.Value, p *rt.Value) {
	regs[in.a] = copyDeep(in.t, *p)
}

// recoverOp is Recover.
func (t *Thread) recoverOp(in *instr, regs []rt.Value) {
	regs[in.a] = t.recover()
}

func b2n(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// call performs a call instruction: push a frame, or run a native or
// builtin in place. It returns stop=true with an Event when the G must
// leave the loop.
func (t *Thread) call(in *instr, regs []rt.Value, fn *Func, fp int) (rt.Event, bool) {
	ci := in.call()
	mode := in.c
	if in.op == opCallBuiltin {
		if mode != callNormal {
			return t.goDeferBuiltin(in, ci, regs)
		}
		ok := t.builtin(ci, regs, in.a)
		return t.afterNative(ok)
	}
	var callee *Func
	var env []rt.Value
	var recv *rt.Value
	switch in.op {
	case opCall:
		callee = ci.fn
	case opCallClosure:
		cl, _ := regs[in.b].R.(*Closure)
		if cl == nil {
			if mode == callDefer {
				// Deferring a nil func panics when the call runs.
				t.gp.SetDefers(&rt.Defer{Args: t.collectArgs(ci, regs, nil), Depth: t.deferDepth(ci, regs), Link: t.gp.Defers()})
				t.frames[len(t.frames)-1].PC++
				return 0, false
			}
			t.panicNil()
			return 0, false
		}
		callee, env = cl.Fn, cl.Env
	case opCallInvoke:
		iv, ok := regs[in.b].R.(Iface)
		if !ok {
			t.panicNil()
			return 0, false
		}
		callee = ci.invokeTarget(iv.T)
		if callee == nil {
			t.Unsupported(fmt.Sprintf("method %s of %s not found", ci.method, iv.T))
			return rt.EvStop, true
		}
		r := iv.V
		recv = &r
	}
	switch mode {
	case callGo:
		args := t.collectArgs(ci, regs, recv)
		t.syncFrames() // the creator's stack, for GODEBUG=tracebackancestors
		t.m.RT.Newproc(t.gp, rt.FrameSite{Fn: fn, PC: t.frames[len(t.frames)-1].PC}, callee, rt.Value{R: &Closure{Fn: callee, Env: env}}, args)
		t.frames[len(t.frames)-1].PC++
		return 0, false
	case callDefer:
		args := t.collectArgs(ci, regs, recv)
		t.gp.SetDefers(&rt.Defer{Fn: rt.Value{R: &Closure{Fn: callee, Env: env}}, Args: args, Depth: t.deferDepth(ci, regs), Link: t.gp.Defers()})
		t.frames[len(t.frames)-1].PC++
		return 0, false
	}
	callee.ensure()
	gp := t.gp
	newFP := fp + fn.nslots
	nargs := len(ci.args)
	if recv != nil {
		nargs++
	}
	if callee.native != nil {
		top := newFP + nargs + callee.nresults
		if int64(top) > gp.Stackguard() {
			t.syncFrames() // a stack overflow prints them
			if t.m.RT.Morestack(gp, newFP, nargs+callee.nresults) {
				return rt.EvPreempt, true
			}
			regs = gp.Stk[fp : fp+fn.nslots]
		}
		stk := gp.Stk
		args := stk[newFP : newFP+nargs]
		i := 0
		if recv != nil {
			args[0] = *recv
			i = 1
		}
		for _, a := range ci.args {
			args[i] = regs[a]
			i++
		}
		if ci.lent != 0 {
			copyLent(args, ci.lentT, ci.lent) // (a native never borrows)
		}
		res := stk[newFP+nargs : newFP+nargs+callee.nresults]
		clear(res) // a native that leaves a result unset returns its zero, not a stale slot
		if stressLiveness {
			clearDeadSlots(gp, t.frames, true) // (a native that parks runs again, reading its arguments)
		}
		callee.native(t, args, res)
		t.resuming = false
		if t.parked {
			t.parkedIn(callee)
		}
		if a := t.aux; a != nil && a.tailFn.R != nil {
			fv, fargs := a.tailFn, a.tailArgs
			a.tailFn, a.tailArgs = rt.Value{}, nil
			flags := int(in.a)
			if ci.flat != 0 {
				flags |= flagFlat
			}
			return t.callValue(fv, fargs, flags)
		}
		if a := t.aux; a != nil && a.thenFn.R != nil {
			return t.startThen(fp+int(in.a), callee.nresults, int(ci.flat))
		}
		if t.pending == nil && !t.parked && !t.fatal {
			copy(regs[in.a:], res)
			if ci.flat != 0 {
				spread(regs[in.a:], res[0], int(ci.flat))
			}
		}
		return t.afterNative(true)
	}
	// An interpreted callee: compiled now; grow the stack if the frame does
	// not fit, and let the loop execute the call again, which then takes
	// its fast path (the one place frames are laid down for calls).
	for int64(newFP+callee.nslots) > gp.Stackguard() || gp.Budget < 0 {
		t.syncFrames() // a stack overflow prints them
		if t.m.RT.Morestack(gp, newFP, callee.nslots) {
			return rt.EvPreempt, true
		}
	}
	return 0, false
}

// parkedIn records, for tracebacks and profiles, the frame gc shows for
// the native the G parks in (sync.runtime_SemacquireMutex, time.Sleep).
func (t *Thread) parkedIn(native *Func) {
	if pf := t.m.parkFrame(native); pf != nil {
		t.gp.SetParkFrame(pf)
	}
}

// afterNative turns what a native or builtin asked for into control flow.
func (t *Thread) afterNative(ok bool) (rt.Event, bool) {
	if t.fatal {
		return rt.EvStop, true
	}
	if t.pending != nil {
		v := *t.pending
		t.pending = nil
		if p := t.gp.Panics(); p != nil && p.Goexit && v.R == nil && !p.Computed {
			t.unwind()
			return 0, false
		}
		t.gopanic(v)
		return 0, false
	}
	if t.parked {
		t.parked = false
		return rt.EvPark, true
	}
	if ok {
		t.frames[len(t.frames)-1].PC++
	}
	if t.yield {
		t.yield = false
		return rt.EvYield, true
	}
	return 0, false
}

// collectArgs copies a go or defer statement's arguments.
func (t *Thread) collectArgs(ci *callInfo, regs []rt.Value, recv *rt.Value) []rt.Value {
	n := len(ci.args)
	if recv != nil {
		n++
	}
	args := make([]rt.Value, 0, n)
	if recv != nil {
		args = append(args, *recv)
	}
	for _, a := range ci.args {
		args = append(args, regs[a])
	}
	return args
}

// callValue calls closure fv with args on top of the stack, with frame
// flags (deferred calls).
func (t *Thread) callValue(fv rt.Value, args []rt.Value, flags int) (rt.Event, bool) {
	cl, _ := fv.R.(*Closure)
	if cl == nil {
		t.panicNil()
		return 0, false
	}
	callee := cl.Fn
	callee.ensure()
	gp := t.gp
	top := &t.frames[len(t.frames)-1]
	newFP := top.FP + top.Fn.(*Func).nslots
	if callee.native != nil {
		res := make([]rt.Value, callee.nresults)
		callee.native(t, args, res)
		t.resuming = false
		if t.parked {
			t.parkedIn(callee)
		}
		if t.fatal {
			return rt.EvStop, true
		}
		if t.pending != nil {
			t.startPending()
			return 0, false
		}
		if t.parked {
			// A deferred native that parks (wg.Wait in a defer) re-runs.
			t.parked = false
			gp.SetDefers(&rt.Defer{Fn: fv, Args: args, Depth: len(t.frames) - 1, Link: gp.Defers()})
			return rt.EvPark, true
		}
		if a := t.aux; a != nil && a.tailFn.R != nil {
			// The native continues as a call (a method value's
			// MethodClosure, deferred): that call is the deferred one.
			tfn, targs := a.tailFn, a.tailArgs
			a.tailFn, a.tailArgs = rt.Value{}, nil
			return t.callValue(tfn, targs, flags)
		}
		if a := t.aux; a != nil && a.thenFn.R != nil {
			// The native continues after a call (reflect.MakeFunc's
			// function, deferred): the call is made, and the native's
			// continuation finishes this one.
			return t.startThenByValue(nativeCont{byValue: true, out: res, nres: len(res), flags: flags,
				recoverable: callee.recoverThrough && flags&flagPanicDefer != 0})
		}
		return t.finishNative(flags, res)
	}
	need := callee.nslots
	for int64(newFP+need) > gp.Stackguard() {
		// Deferred and continuation calls grow the stack in place; a
		// preemption request waits for the next check.
		t.syncFrames() // a stack overflow prints them
		if t.m.RT.Morestack(gp, newFP, need) && t.m.RT.Exiting() {
			t.fatal = true
			return rt.EvStop, true
		}
	}
	stk := gp.Stk[newFP : newFP+need]
	copy(stk, callee.consts)
	copy(stk[len(callee.consts):], args)
	if cl.Env != nil {
		copy(stk[callee.freeBase:], cl.Env)
	}
	t.frames = append(t.frames, rt.Frame{Fn: callee, FP: newFP, Aux: flags})
	return 0, false
}

// ret returns from the current frame.
func (t *Thread) ret(in *instr, regs []rt.Value) (rt.Event, bool) {
	n := len(t.frames)
	fr := t.frames[n-1]
	fn := fr.Fn.(*Func)
	t.frames = t.frames[:n-1]
	res := in.results()
	if len(t.frames) == 0 {
		return rt.EvExit, true
	}
	// result returns result i (ReturnLit's one, its struct made).
	var lit rt.Value
	nres := len(res)
	if in.op == opReturnLit {
		lit, nres = literalValue(t, fn, in, regs), 1
	}
	result := func(i int) rt.Value {
		if in.op == opReturnLit {
			return lit
		}
		return fn.result(regs, res[i])
	}
	if fr.Aux&(flagNoResult|flagPanicDefer|flagPrintPanic|flagReexec|flagNativeCont) == 0 {
		caller := &t.frames[len(t.frames)-1]
		dst := caller.FP + fr.Aux&dstMask
		if fr.Aux&flagFlat != 0 {
			spread(t.gp.Stk[dst:], result(0), flatWords(caller))
		} else {
			for i := range nres {
				t.gp.Stk[dst+i] = result(i)
			}
		}
		caller.PC++
		return 0, false
	}
	var vals []rt.Value
	if fr.Aux&(flagPrintPanic|flagNativeCont) != 0 {
		for i := range nres {
			vals = append(vals, result(i))
		}
	}
	return t.returnTo(fr.Aux, vals)
}

// result is the value of Return's result r: a slot, or ^i for the
// constant constTable[i].
func (fn *Func) result(regs []rt.Value, r int32) rt.Value {
	if r < 0 {
		return fn.constTable[^r]
	}
	return regs[r]
}

// returnTo finishes a return from a frame with flags.
func (t *Thread) returnTo(flags int, vals []rt.Value) (rt.Event, bool) {
	switch {
	case flags&flagPanicDefer != 0:
		t.deferReturned()
		return 0, false
	case flags&flagPrintPanic != 0:
		p := t.gp.Panics()
		for ; p != nil; p = p.Link {
			if !p.Computed {
				break
			}
		}
		if p != nil && len(vals) > 0 {
			p.Printed, _ = vals[0].R.(string)
			p.Computed = true
		}
		t.fatalPanic()
		if t.fatal {
			return rt.EvStop, true
		}
		return 0, false
	case flags&flagReexec != 0:
		return 0, false
	case flags&flagNativeCont != 0:
		return t.continueNative(vals)
	}
	if len(t.frames) > 0 {
		t.frames[len(t.frames)-1].PC++
	}
	return 0, false
}

// nativeTrampoline returns a Func that calls native fn with its frame's
// parameters and returns (a goroutine or deferred call of a native).
func (m *Machine) nativeTrampoline(fn *Func) *Func {
	n := fn.nparams
	tr := &Func{m: m, name: fn.name, nparams: n, freeBase: n, declPos: fn.declPos}
	args := make([]int32, n)
	for i := range args {
		args[i] = int32(i)
	}
	tr.once.Do(func() {})
	tr.code = []instr{
		{op: opCall, a: int32(n), x: &callInfo{fn: fn, args: args}},
		{op: opReturn, x: []int32{}},
	}
	tr.pos = make([]token.Pos, 2)
	tr.nslots = n + fn.nresults + 1
	return tr
}

// entryFunc is the main goroutine's function: it calls each of seq
// (package initializers, then main.main) and exits.
func (m *Machine) entryFunc(seq []*Func) *Func {
	tr := &Func{m: m, name: "runtime.main", hidden: true}
	tr.once.Do(func() {})
	tr.callSeq(seq)
	return tr
}

// ---- panics ----

// badPointer is a dereference of pointer p that is not a *rt.Value: gc's
// nil dereference panic if p is nil, else a goro bug (a pointer of
// another representation), reported as such rather than as the program's
// nil dereference.
func (t *Thread) badPointer(p rt.Value) {
	if p.R == nil {
		t.panicNil()
		return
	}
	switch a := p.R.(type) {
	case RawAddr:
		t.Unsupported(fmt.Sprintf("dereferencing %#x, an unsafe.Pointer made from an integer (goro's pointers are not addresses)", uintptr(a)))
		return
	case *View:
		t.Unsupported(fmt.Sprintf("indexing or slicing through a *%s that sees a %s", a.T, a.CT))
		return
	}
	panic(fmt.Sprintf("BUG: dereferencing a pointer held as %T", p.R))
}

// panicNil panics with gc's nil dereference error.
func (t *Thread) panicNil() {
	t.sigpanic = true
	t.panicRuntime("invalid memory address or nil pointer dereference")
}

func (t *Thread) panicRuntime(msg string) { t.gopanic(t.m.RuntimeError(msg)) }

// panicIndex panics with gc's error for index i of a length n: a
// negative signed index alone, any other (an unsigned one as unsigned)
// with the length.
func (t *Thread) panicIndex(i int64, n int, unsigned bool) {
	if i < 0 && !unsigned {
		t.panicRuntime(fmt.Sprintf("index out of range [%d]", i))
		return
	}
	t.panicRuntime(fmt.Sprintf("index out of range [%d] with length %d", uint64(i), n))
}

// gopanic starts a panic with value v (an interface value).
func (t *Thread) gopanic(v rt.Value) {
	gp := t.gp
	if v.R == nil {
		// panic(nil) is a *runtime.PanicNilError since Go 1.21.
		v = t.m.panicNilError()
	}
	p := &rt.Panic{Arg: v, Link: gp.Panics(), Depth: -1}
	if t.sigpanic {
		p.ArgType = fmt.Sprintf("[signal SIGSEGV: segmentation violation code=0x1 addr=%#x pc=0x0]", t.faultAddr)
		t.sigpanic = false
		t.faultAddr = 0
	}
	gp.SetPanics(p)
	t.unwind()
}

// unwind runs the next deferred call for the current panic, or ends the
// program when none is left.
func (t *Thread) unwind() {
	gp := t.gp
	p := gp.Panics()
	for {
		d := gp.Defers()
		if d == nil {
			if p.Goexit {
				t.frames = t.frames[:0]
				gp.SetPanics(p.Link)
				gp.Goexited = true
				return
			}
			t.fatalPanic()
			return
		}
		if d.Started {
			if d.Panic != nil {
				d.Panic.Aborted = true
			}
			d.Panic = nil
			gp.SetDefers(d.Link)
			continue
		}
		d.Started = true
		d.Panic = p
		// A frame for gopanic (or Goexit) itself, as gc's tracebacks show it.
		top := t.frames[len(t.frames)-1]
		fn := t.m.panicFunc()
		if p.Goexit {
			fn = t.m.goexitCallFn
		}
		t.frames = append(t.frames, rt.Frame{Fn: fn, FP: top.FP + top.Fn.(*Func).nslots})
		p.Depth = len(t.frames)
		flags := flagPanicDefer
		if ev, stop := t.callValue(d.Fn, d.Args, flags); stop {
			_ = ev
		}
		return
	}
}

// deferReturned is called when a deferred call run by a panic returns.
func (t *Thread) deferReturned() {
	gp := t.gp
	d := gp.Defers()
	if d == nil {
		throwf("deferReturned: no defer")
	}
	gp.SetDefers(d.Link)
	if n := len(t.frames); n > 0 && (t.frames[n-1].Fn == t.m.panicFunc() || t.frames[n-1].Fn == t.m.goexitCallFn) {
		t.frames = t.frames[:n-1]
	}
	p := d.Panic
	if p != nil && p.Recovered {
		// Recovered: drop this panic and any it aborted, unwind to the
		// frame that deferred the call and resume at its Recover block.
		q := p.Link
		for q != nil && q.Aborted {
			q = q.Link
		}
		gp.SetPanics(q)
		t.frames = t.frames[:d.Depth+1]
		top := &t.frames[d.Depth]
		f := top.Fn.(*Func)
		if f.recoverPC < 0 {
			throwf("recovered frame %s has no recover block", f.name)
		}
		top.PC = f.recoverPC
		return
	}
	t.unwind()
}

// recover is the recover builtin.
func (t *Thread) recover() rt.Value {
	gp := t.gp
	p := gp.Panics()
	if p == nil || p.Goexit || p.Recovered {
		return rt.Value{}
	}
	top := len(t.frames) - 1
	if top != p.Depth || t.frames[top].Aux&flagPanicDefer == 0 && !t.recoverableCont(top) {
		return rt.Value{}
	}
	p.Recovered = true
	return p.Arg
}

// recoverableCont reports whether frame i is the call a deferred
// reflect.MakeFunc function made (its continuation is recoverable): to
// recover, it counts as the deferred call, as gc's makeFuncStub is a
// wrapper.
func (t *Thread) recoverableCont(i int) bool {
	if t.frames[i].Aux&flagNativeCont == 0 || t.aux == nil {
		return false
	}
	for j := len(t.aux.conts) - 1; j >= 0; j-- {
		if c := t.aux.conts[j]; c.depth == i {
			return c.recoverable
		}
	}
	return false
}

// fatalPanic prints the panic chain like gc's printpanics and ends the
// program with exit code 2. Error and String methods of panic values run
// first, as interpreted calls.
func (t *Thread) fatalPanic() {
	gp := t.gp
	// Compute the text of each panic value, oldest first.
	var chain []*rt.Panic
	for p := gp.Panics(); p != nil; p = p.Link {
		chain = append(chain, p)
	}
	// Newest first: a call's result goes to the newest panic not yet
	// computed (returnTo, flagPrintPanic).
	for _, p := range chain {
		if p.Computed || p.Goexit {
			continue
		}
		if fv, ok := t.panicMethod(p.Arg); ok {
			if _, stop := t.callValue(fv, []rt.Value{p.Arg.R.(Iface).V}, flagPrintPanic); stop {
				return
			}
			return // resumes in returnTo(flagPrintPanic)
		}
		p.Printed = t.m.printValue(p.Arg)
		p.Computed = true
	}
	t.syncFrames()
	w := t.m.RT.CrashWriter()
	// gc's preprintpanics: a panic re-raising the value it recovered from
	// is printed once, as "[recovered, repanicked]".
	for _, p := range chain {
		if p.Link != nil && EqualInterfaces(p.Link.Arg, p.Arg) {
			p.Link.Repanicked = true
		}
	}
	var b strings.Builder
	printpanics(&b, gp.Panics())
	// gc's gp.sig: a signal's panic is noted until a recovery leaves no
	// panic running, so a panic in the deferred call that recovered from
	// a nil dereference still ends with the signal's line.
	for p := gp.Panics(); p != nil; p = p.Link {
		if sig, ok := p.ArgType.(string); ok {
			b.WriteString(sig + "\n")
			break
		}
	}
	fmt.Fprint(w, b.String())
	// As gc: debug.SetTraceback cannot show less than $GOTRACEBACK.
	if tb := t.m.Traceback.Load() | TracebackSetting(os.Getenv("GOTRACEBACK")); tb>>tracebackShift > 0 {
		t.m.RT.TracebackPanic(w, gp, tb&tracebackAll != 0, gp.Panics().Arg)
	}
	t.fatal = true
	t.m.RT.Exit(2)
}

// A traceback setting, as gc keeps it: the level (0 none, 1 the program's
// frames, 2 the runtime's too) above two flags, every goroutine and crash.
const (
	tracebackAll   = 1
	tracebackCrash = 2
	tracebackShift = 2
)

// TracebackSetting parses a GOTRACEBACK value as gc does: none (nothing
// after the panic), single (the default: the panicking goroutine), all
// (every goroutine), system and crash (level 2: gc adds its runtime's
// frames and, with crash, dumps core; goro has neither and prints them as
// all), or a number (that level, every goroutine; anything else is level
// 0).
func TracebackSetting(level string) uint32 {
	switch level {
	case "none":
		return 0
	case "single", "":
		return 1 << tracebackShift
	case "all":
		return 1<<tracebackShift | tracebackAll
	case "system":
		return 2<<tracebackShift | tracebackAll
	case "crash":
		return 2<<tracebackShift | tracebackAll | tracebackCrash
	}
	t := uint32(tracebackAll)
	if n, err := strconv.Atoi(level); err == nil && n == int(uint32(n)) {
		t |= uint32(n) << tracebackShift
	}
	return t
}

// panicMethod returns the Error or String method (as a closure) of a panic
// value whose text needs interpreted code.
func (t *Thread) panicMethod(v rt.Value) (rt.Value, bool) {
	iv, ok := v.R.(Iface)
	if !ok {
		return rt.Value{}, false
	}
	for _, name := range []string{"Error", "String"} {
		if f := iv.T.method(name); f != nil {
			if f.nparams == 1 && f.nresults == 1 { // the receiver only; a string
				f.ensure()
				if f.native != nil {
					return rt.Value{}, false
				}
				return rt.Value{R: &Closure{Fn: f}}, true
			}
		}
	}
	return rt.Value{}, false
}

func throwf(format string, args ...any) {
	panic(fmt.Sprintf("BUG: "+format, args...))
}

// startThen makes the call a native asked for with CallThen. dst is the
// absolute stack slot of the native's results.
func (t *Thread) startThen(dst, nres, flat int) (rt.Event, bool) {
	return t.startThenByValue(nativeCont{dst: dst, nres: nres, flat: flat})
}

// startThenByValue makes the call a native asked for with CallThen, its
// continuation c.
func (t *Thread) startThenByValue(c nativeCont) (rt.Event, bool) {
	a := t.x()
	fn, args, k := a.thenFn, a.thenArgs, a.thenK
	a.thenFn, a.thenArgs, a.thenK = rt.Value{}, nil, nil
	c.depth, c.k = len(t.frames), k
	a.conts = append(a.conts, c)
	return t.callValue(fn, args, flagNativeCont)
}

// finishNative ends a native's call made by callValue with flags: its
// results res go where flags say.
func (t *Thread) finishNative(flags int, res []rt.Value) (rt.Event, bool) {
	switch flags &^ dstMask {
	case 0:
		top := &t.frames[len(t.frames)-1]
		copy(t.gp.Stk[top.FP+flags:], res)
	case flagFlat:
		top := &t.frames[len(t.frames)-1]
		spread(t.gp.Stk[top.FP+flags&dstMask:], res[0], flatWords(top))
	}
	return t.returnTo(flags, res)
}

// continueNative runs the continuation of the native whose call returned
// vals.
func (t *Thread) continueNative(vals []rt.Value) (rt.Event, bool) {
	depth := len(t.frames)
	// Continuations of frames a recovered panic unwound are stale.
	a := t.x()
	for len(a.conts) > 0 && a.conts[len(a.conts)-1].depth > depth {
		a.conts = a.conts[:len(a.conts)-1]
	}
	c := a.conts[len(a.conts)-1]
	a.conts = a.conts[:len(a.conts)-1]
	out := c.out
	if !c.byValue {
		out = t.gp.Stk[c.dst : c.dst+c.nres]
	}
	c.k(t, vals, out)
	if t.fatal {
		return rt.EvStop, true
	}
	if t.pending != nil {
		t.startPending()
		return 0, false
	}
	if t.aux.thenFn.R != nil {
		return t.startThenByValue(c)
	}
	if c.byValue {
		return t.finishNative(c.flags, out)
	}
	if c.flat != 0 {
		spread(t.gp.Stk[c.dst:], out[0], c.flat)
	}
	t.frames[len(t.frames)-1].PC++
	return 0, false
}

// printpanics prints the panic chain oldest first, as gc's printpanics.
func printpanics(b *strings.Builder, p *rt.Panic) {
	if p.Link != nil {
		printpanics(b, p.Link)
		if p.Link.Repanicked {
			return
		}
		if !p.Link.Goexit {
			b.WriteString("\t")
		}
	}
	if p.Goexit {
		return
	}
	b.WriteString("panic: " + p.Printed)
	switch {
	case p.Recovered && p.Repanicked:
		b.WriteString(" [recovered, repanicked]")
	case p.Recovered:
		b.WriteString(" [recovered]")
	}
	b.WriteString("\n")
}

// deferDepth is the frame whose defer list a defer statement joins: the
// current one, or the one named by an ssa:deferstack() value (a defer in
// the body of a range-over-func loop joins the enclosing function's).
func (t *Thread) deferDepth(ci *callInfo, regs []rt.Value) int {
	if ci.deferStack >= 0 {
		return int(regs[ci.deferStack].N)
	}
	return len(t.frames) - 1
}

// shrinkParked lets rt halve the stack of a G that parks while using
// under a quarter of it (rt.ShrinkParked: gc shrinks stacks at GC time,
// goro when a G parks). The blocking op has left nothing pointing into the
// stack: values in flight arrive in the Thread (the rule at the top of
// rt/stack.go).
func (t *Thread) shrinkParked() {
	if len(t.frames) == 0 {
		return
	}
	top := t.frames[len(t.frames)-1]
	t.m.RT.ShrinkParked(t.gp, top.FP+top.Fn.(*Func).nslots)
}
