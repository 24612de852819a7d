package rt

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"
)

// Sleepers wake in the order of their deadlines.
func TestTimeSleepOrder(t *testing.T) {
	forProcs(t, func(t *testing.T, procs int) {
		r, _ := newTestRuntime(procs, 1)
		var log tlog
		done := MakeChan(3, Value{})
		var ops []op
		for _, ms := range []int{30, 10, 20} {
			ms := ms
			s := newScript("main.sleeper",
				sleepOp(r, int64(ms)*int64(time.Millisecond)),
				do(func(*G) { log.add("%d", ms) }),
				sendOp(r, done, iv(1), nil))
			ops = append(ops, goOp(r, s, nil))
		}
		ops = append(ops, recvOp(r, done, nil), recvOp(r, done, nil), recvOp(r, done, nil),
			sleepOp(r, 0)) // a zero sleep does not park
		start := time.Now()
		runMain(t, r, newScript("main.main", ops...))
		if got, want := log.String(), "10 20 30"; got != want {
			t.Fatalf("wake order %q, want %q", got, want)
		}
		if d := time.Since(start); d < 30*time.Millisecond {
			t.Fatalf("program took %v, less than the longest sleep", d)
		}
	})
}

// A sleeping main with nothing else to do is not a deadlock.
func TestTimeSleepIsNotDeadlock(t *testing.T) {
	r, stderr := newTestRuntime(1, 1)
	var log tlog
	main := newScript("main.main", sleepOp(r, int64(20*time.Millisecond)), do(func(*G) { log.add("woke") }))
	if code := runMain(t, r, main); code != 0 || log.String() != "woke" {
		t.Fatalf("exit %d, log %q, stderr %s", code, log.String(), stderr)
	}
}

// Two Gs blocked on channels: the deadlock detector prints gc's fatal error
// with every goroutine's traceback, and the program exits with 2.
func TestDeadlock(t *testing.T) {
	forProcs(t, func(t *testing.T, procs int) {
		r, stderr := newTestRuntime(procs, 1)
		c1, c2 := MakeChan(0, Value{}), MakeChan(0, Value{})
		var g2 *G
		main := newScript("main.main",
			goOp(r, newScript("main.worker", sendOp(r, c2, iv(1), nil)), &g2),
			recvOp(r, c1, nil),
		)
		code := runMain(t, r, main)
		out := stderr.String()
		if code != 2 {
			t.Errorf("exit code %d, want 2", code)
		}
		for _, want := range []string{
			"fatal error: all goroutines are asleep - deadlock!\n",
			"\ngoroutine 1 [chan receive]:\nmain.main()\n\t/tmp/prog/main.go:11 +0x0\n",
			"\ngoroutine 2 [chan send]:\nmain.worker()\n\t/tmp/prog/main.go:10 +0x0\ncreated by main.main in goroutine 1\n\t/tmp/prog/main.go:11 +0x0\n",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("stderr lacks %q:\n%s", want, out)
			}
		}
		if !strings.HasPrefix(out, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 ") {
			t.Errorf("stderr does not start with the fatal error and goroutine 1:\n%s", out)
		}
	})
}

// Deadlock among Gs blocked on a semaphore and a select.
func TestDeadlockSemaSelect(t *testing.T) {
	r, stderr := newTestRuntime(2, 1)
	var sema uint32
	c := MakeChan(0, Value{})
	var g2 *G
	main := newScript("main.main",
		goOp(r, newScript("main.worker", selectOp(r, []Scase{{C: c, Dir: SelectRecv}, {C: c, Dir: SelectSend, Elem: &Value{}}}, true, nil)), &g2),
		waitParkedOp(&g2, waitReasonSelect),
		semacquireOp(r, &sema, false),
	)
	code := runMain(t, r, main)
	out := stderr.String()
	if code != 2 || !strings.Contains(out, "goroutine 1 [semacquire]:") || !strings.Contains(out, "goroutine 2 [select]:") {
		t.Fatalf("exit %d, stderr:\n%s", code, out)
	}
}

// Gs yield and spawn in bulk at GOMAXPROCS 2: every G runs to the end and
// the scheduler's queues (local, runnext, global, stealing) lose nothing.
func TestSchedHammerSpawnYield(t *testing.T) {
	const n = 3000
	r, _ := newTestRuntime(2, 11)
	done := MakeChan(n, Value{})
	var ops []op
	for i := 0; i < n; i++ {
		s := newScript(fmt.Sprintf("main.g%d", i),
			func(*G, bool) opResult { return opYield },
			func(*G, bool) opResult { return opYield },
			sendOp(r, done, iv(1), nil))
		ops = append(ops, goOp(r, s, nil))
		if i%100 == 0 {
			ops = append(ops, func(*G, bool) opResult { return opYield })
		}
	}
	ops = append(ops, repeat(n, func(int) []op { return []op{recvOp(r, done, nil)} })...)
	if code := runMain(t, r, newScript("main.main", ops...)); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if got := r.NumGoroutine(); got > 1 {
		t.Errorf("NumGoroutine = %d after all exited", got)
	}
}

// BenchmarkChanPingPong measures a round trip between two Gs over
// unbuffered channels: two parks, two readies and four context switches.
func BenchmarkChanPingPong(b *testing.B) {
	for _, procs := range []int{1, 2} {
		b.Run(fmt.Sprintf("P%d", procs), func(b *testing.B) {
			r, _ := newTestRuntime(procs, 1)
			ping, pong := MakeChan(0, Value{}), MakeChan(0, Value{})
			// loop makes a script that runs pre once, then body count times.
			loop := func(name string, pre []op, body []op, count int) *script {
				s := &script{name: name, ops: pre}
				start := len(pre)
				i := 0
				last := body[len(body)-1]
				body[len(body)-1] = func(gp *G, resumed bool) opResult {
					res := last(gp, resumed)
					if res == opNext {
						if i++; i < count {
							s.pc = start - 1 // Execute increments it
						}
					}
					return res
				}
				s.ops = append(s.ops, body...)
				return s
			}
			ponger := loop("main.ponger", nil, []op{recvOp(r, ping, nil), sendOp(r, pong, iv(1), nil)}, b.N)
			pinger := loop("main.main", []op{goOp(r, ponger, nil)}, []op{sendOp(r, ping, iv(1), nil), recvOp(r, pong, nil)}, b.N)
			b.ReportAllocs()
			b.ResetTimer()
			r.Main(Value{R: pinger})
		})
	}
}

// A G in a syscall gives up its P: with one P, other Gs run while it is
// blocked in the host, and when its call returns it waits for a P, which
// the running G hands over at the end of its time slice (here: each
// yield).
func TestSyscallHandsOffP(t *testing.T) {
	r, _ := newTestRuntime(1, 1)
	release := make(chan struct{})
	var back atomic.Bool
	var log tlog
	var worker *G
	w := newScript("main.worker", do(func(gp *G) {
		r.Entersyscall(gp, SyscallWait)
		<-release // a blocking host call
		r.Exitsyscall(gp, "test")
		back.Store(true)
	}))
	main := newScript("main.main",
		goOp(r, w, &worker),
		func(gp *G, _ bool) opResult {
			if worker != nil && readgstatus(worker) == _Gsyscall {
				return opNext
			}
			return opYieldRetry
		},
		do(func(*G) { log.add("main ran"); close(release) }),
		func(gp *G, _ bool) opResult {
			if back.Load() {
				return opNext
			}
			return opYieldRetry
		},
		do(func(*G) { log.add("worker back") }),
	)
	if code := runMain(t, r, main); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if got := log.String(); got != "main ran worker back" {
		t.Fatalf("log %q", got)
	}
}

// TestGSize keeps G within the host allocator's 416-byte size class: a
// million parked goroutines carry one each (bench/programs/parked). What
// few Gs need goes in gRare; small fields sit together, without padding.
func TestGSize(t *testing.T) {
	if n := unsafe.Sizeof(G{}); n > 416 {
		t.Errorf("G is %d bytes; the 416-byte size class holds it (move rare fields to gRare, or pack them)", n)
	}
}
