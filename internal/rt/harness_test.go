package rt

// A fake executor for driving a real Runtime from tests: each G runs a
// script, a list of ops (Go funcs) that call rt the way the VM does,
// including the two-phase park/...Done protocol.

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// testFn is a FuncInfo for tracebacks.
type testFn string

func (f testFn) Name() string                  { return string(f) }
func (f testFn) FileLine(pc int) (string, int) { return "/tmp/prog/main.go", 10 + pc }

type opResult int

const (
	opNext       opResult = iota // done; go to the next op
	opPark                       // gp parked; resume this op with resumed=true
	opYield                      // done; yield (EvYield) and go on with the next op
	opYieldRetry                 // yield and run this op again (resumed=false)
	opExit                       // the G exits (Goexit)
)

// An op is one operation of a fake G. resumed says gp was parked by this
// op and is running again: the op calls the ...Done function.
type op func(gp *G, resumed bool) opResult

// script is a fake G's program and its pc.
type script struct {
	name    string
	ops     []op
	pc      int
	resumed bool
	// Where this G's channel receives land: off its stack, as in the
	// executor (the rule at the top of stack.go).
	recvBuf Value
	selVals [8]Value
}

func newScript(name string, ops ...op) *script { return &script{name: name, ops: ops} }

// fakeExec runs scripts. Each parks through ShrinkParked, as the executor
// does (with poisoning on, that moves the stack at every park).
type fakeExec struct{ r *Runtime }

func (e *fakeExec) Execute(gp *G) Event {
	if gp.Exec == nil {
		s := gp.StartFn.R.(*script)
		gp.Exec = s
		gp.SetFrames([]Frame{{Fn: testFn(s.name), PC: 0}})
		e.r.StartStack(gp, initialStack) // a stack to move (scripts keep no values in it)
	}
	s := gp.Exec.(*script)
	for s.pc < len(s.ops) {
		if e.r.Exiting() {
			return EvStop
		}
		gp.sched.frames[0].PC = s.pc
		switch s.ops[s.pc](gp, s.resumed) {
		case opNext:
			s.pc++
			s.resumed = false
		case opPark:
			s.resumed = true
			e.r.ShrinkParked(gp, len(gp.Stk))
			return EvPark
		case opYield:
			s.pc++
			s.resumed = false
			return EvYield
		case opYieldRetry:
			s.resumed = false
			return EvYield
		case opExit:
			return EvExit
		}
	}
	return EvExit
}

// newTestRuntime makes a Runtime with a fake executor and a captured stderr.
func newTestRuntime(procs int, seed uint64) (*Runtime, *syncBuffer) {
	e := &fakeExec{}
	var stderr syncBuffer
	r := New(e, Config{GOMAXPROCS: procs, Seed: seed, Stderr: &stderr})
	e.r = r
	return r, &stderr
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// runMain runs main as goroutine 1 and returns the exit code, failing the
// test if the program does not end in time.
func runMain(t *testing.T, r *Runtime, main *script) int {
	t.Helper()
	ch := make(chan int, 1)
	go func() { ch <- r.Main(Value{R: main}) }()
	select {
	case code := <-ch:
		return code
	case <-time.After(20 * time.Second):
		var b strings.Builder
		r.tracebackOthers(&b, nil)
		t.Fatalf("program did not finish; goroutines:\n%s", b.String())
		return -1
	}
}

// tlog is a log of events shared by the Gs of a test.
type tlog struct {
	mu sync.Mutex
	s  []string
}

func (l *tlog) add(format string, args ...any) {
	l.mu.Lock()
	l.s = append(l.s, fmt.Sprintf(format, args...))
	l.mu.Unlock()
}

func (l *tlog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.s, " ")
}

// Ops.

func do(f func(gp *G)) op {
	return func(gp *G, _ bool) opResult { f(gp); return opNext }
}

func iv(n int) Value { return Value{N: uint64(n)} }

// sendOp sends v on c, blocking; a panic value goes to onErr (or fails).
func sendOp(r *Runtime, c *Chan, v Value, onErr func(error)) op {
	return func(gp *G, resumed bool) opResult {
		var err error
		if resumed {
			err = r.ChansendDone(gp)
		} else {
			sent, done, err1 := r.Chansend(gp, c, v, true)
			if !done {
				return opPark
			}
			if err1 == nil && !sent {
				panic("blocking send not sent")
			}
			err = err1
		}
		if err != nil {
			if onErr == nil {
				panic(err)
			}
			onErr(err)
		}
		return opNext
	}
}

// recvOp receives from c into the script's recvBuf, blocking, and passes
// the value to got.
func recvOp(r *Runtime, c *Chan, got func(v Value, ok bool)) op {
	return func(gp *G, resumed bool) opResult {
		dst := &gp.Exec.(*script).recvBuf
		var ok bool
		if resumed {
			ok = r.ChanrecvDone(gp)
		} else {
			*dst = Value{N: 0xdead}
			selected, received, done := r.Chanrecv(gp, c, dst, true)
			if !done {
				return opPark
			}
			if !selected {
				panic("blocking receive not selected")
			}
			ok = received
		}
		if got != nil {
			got(*dst, ok)
		}
		return opNext
	}
}

// selectOp runs a select over cases (Elem of receive cases is set to the
// script's selVals) and passes the outcome to got.
func selectOp(r *Runtime, cases []Scase, block bool, got func(gp *G, chosen int, recvOK bool, err error)) op {
	return func(gp *G, resumed bool) opResult {
		var chosen int
		var recvOK bool
		var err error
		if resumed {
			chosen, recvOK, err = r.SelectDone(gp, cases)
		} else {
			for i := range cases {
				if cases[i].Dir == SelectRecv && cases[i].Elem != nil {
					cases[i].Elem = &gp.Exec.(*script).selVals[i]
				}
			}
			var done bool
			chosen, recvOK, done, err = r.Selectgo(gp, cases, block)
			if !done {
				return opPark
			}
		}
		got(gp, chosen, recvOK, err)
		return opNext
	}
}

// goOp starts s in a new G and stores the G in *gpp (if gpp != nil).
func goOp(r *Runtime, s *script, gpp **G) op {
	return func(gp *G, _ bool) opResult {
		g := r.Newproc(gp, FrameSite{Fn: testFn("main.main"), PC: 1}, testFn(s.name), Value{R: s}, nil)
		if gpp != nil {
			*gpp = g
		}
		return opNext
	}
}

// waitParkedOp yields until *gpp is parked with reason.
func waitParkedOp(gpp **G, reason waitReason) op {
	return func(gp *G, _ bool) opResult {
		g := *gpp
		if readgstatus(g) == _Gwaiting && g.waitreason == reason {
			return opNext
		}
		return opYieldRetry
	}
}

// sleepOp sleeps ns nanoseconds.
func sleepOp(r *Runtime, ns int64) op {
	return func(gp *G, resumed bool) opResult {
		if resumed {
			return opNext
		}
		if r.TimeSleep(gp, ns) {
			return opPark
		}
		return opNext
	}
}

// semacquireOp acquires the semaphore at addr.
func semacquireOp(r *Runtime, addr *uint32, lifo bool) op {
	return func(gp *G, resumed bool) opResult {
		var done bool
		if resumed {
			done = r.SemacquireDone(gp)
		} else {
			done = r.Semacquire(gp, addr, WaitSemacquire, lifo)
		}
		if !done {
			return opPark
		}
		return opNext
	}
}

func semreleaseOp(r *Runtime, addr *uint32, handoff bool) op {
	return do(func(gp *G) { r.Semrelease(gp, addr, handoff) })
}

// repeat returns n copies of the ops made by mk(i).
func repeat(n int, mk func(i int) []op) []op {
	var ops []op
	for i := 0; i < n; i++ {
		ops = append(ops, mk(i)...)
	}
	return ops
}

// forProcs runs f as subtests with GOMAXPROCS 1 and 2.
func forProcs(t *testing.T, f func(t *testing.T, procs int)) {
	for _, procs := range []int{1, 2} {
		t.Run(fmt.Sprintf("P%d", procs), func(t *testing.T) { f(t, procs) })
	}
}
