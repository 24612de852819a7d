package rt

import (
	"fmt"
	"strings"
	"testing"
)

// TestMorestackGrowsByCopying checks that crossing the guard at least
// doubles the stack (more if the frame needs it, filling its allocation),
// keeps the slots below the frame, and moves the guard.
func TestMorestackGrowsByCopying(t *testing.T) {
	r := New(nil, Config{GOMAXPROCS: 1})
	gp := r.newg(nil, FrameSite{}, r.allp[0])
	r.StartStack(gp, initialStack)
	if len(gp.Stk) != initialStack {
		t.Fatalf("new stack has %d slots, want %d", len(gp.Stk), initialStack)
	}
	for i := range gp.Stk {
		gp.Stk[i].N = uint64(i)
	}
	top, need := initialStack-4, 80
	if preempt := r.Morestack(gp, top, need); preempt {
		t.Fatal("Morestack reported a preemption request")
	}
	// 108 slots (2,592 bytes) fill the 2,688-byte size class: 112 slots.
	if got := len(gp.Stk); got != 112 {
		t.Fatalf("grown stack has %d slots; want 112 (≥ %d, filling its size class)", got, top+need)
	}
	for i := 0; i < initialStack; i++ {
		if gp.Stk[i].N != uint64(i) {
			t.Fatalf("slot %d = %d after the copy", i, gp.Stk[i].N)
		}
	}
	if g := gp.Stackguard(); g != int64(len(gp.Stk)-stackGuard) {
		t.Fatalf("stackguard0 = %d, want %d", g, len(gp.Stk)-stackGuard)
	}
	// A frame that fits: a small stack grows by a quarter (140 slots,
	// 3,360 bytes, fill the 3,456-byte class: 144)...
	if r.Morestack(gp, 100, 20); len(gp.Stk) != 144 {
		t.Fatalf("stack of 112 slots grew to %d, want 144", len(gp.Stk))
	}
	// ... and from smallStack on, it doubles.
	r.copystack(gp, smallStack, 10)
	if r.Morestack(gp, smallStack-4, 20); len(gp.Stk) != 2*smallStack {
		t.Fatalf("stack of %d slots grew to %d, want %d", smallStack, len(gp.Stk), 2*smallStack)
	}
}

// TestStackAllocSlots checks the rounding of stack sizes to the host
// allocator's blocks.
func TestStackAllocSlots(t *testing.T) {
	for _, c := range []struct{ n, want int }{
		{1, 1}, {16, 16}, {17, 17}, {18, 18}, {19, 20}, {104, 112}, {128, 128}, {129, 133},
		{1365, 1365}, {1366, 1706}, {100000, 100010}, // above 32 KB: whole 8 KB pages
	} {
		if got := stackAllocSlots(c.n); got != c.want {
			t.Errorf("stackAllocSlots(%d) = %d, want %d", c.n, got, c.want)
		}
	}
}

// TestMorestackPreempt checks that a preemption request in stackguard0 is
// reported once and then cleared.
func TestMorestackPreempt(t *testing.T) {
	r := New(nil, Config{GOMAXPROCS: 1})
	gp := r.newg(nil, FrameSite{}, r.allp[0])
	gp.stackguard0.Store(stackPreempt)
	if !r.Morestack(gp, 0, 1) {
		t.Fatal("preemption request not reported")
	}
	if gp.Stackguard() == stackPreempt {
		t.Fatal("preemption request not cleared")
	}
	if r.Morestack(gp, 0, 1) {
		t.Fatal("second Morestack reported a preemption")
	}
}

// TestShrinkstack halves a stack used less than a quarter, as many times
// as it can in one copy, never below minShrinkStack.
func TestShrinkstack(t *testing.T) {
	r := New(nil, Config{GOMAXPROCS: 1})
	gp := r.newg(nil, FrameSite{}, r.allp[0])
	r.copystack(gp, 1024, 0)
	gp.Stk[3].N = 7
	if !r.Shrinkstack(gp, 200) || len(gp.Stk) != 512 || gp.Stk[3].N != 7 {
		t.Fatalf("after shrink: %d slots, slot 3 = %d", len(gp.Stk), gp.Stk[3].N)
	}
	if r.Shrinkstack(gp, 300) || len(gp.Stk) != 512 {
		t.Fatalf("shrank a stack used more than a quarter: %d slots", len(gp.Stk))
	}
	if !r.Shrinkstack(gp, 10) || len(gp.Stk) != minShrinkStack || gp.Stk[3].N != 7 {
		t.Fatalf("after shrink to the minimum: %d slots, slot 3 = %d", len(gp.Stk), gp.Stk[3].N)
	}
	if r.Shrinkstack(gp, 1) || len(gp.Stk) != minShrinkStack {
		t.Fatalf("shrank below the minimum: %d slots", len(gp.Stk))
	}
}

// TestShrinkParked checks the park-time policy: a stack that grew in the
// last stackIdleNS is kept.
func TestShrinkParked(t *testing.T) {
	r := New(nil, Config{GOMAXPROCS: 1})
	gp := r.newg(nil, FrameSite{}, r.allp[0])
	r.copystack(gp, 1024, 0)
	gp.stackGrown = r.clock.coarseNanotime()
	r.ShrinkParked(gp, 10)
	if len(gp.Stk) != 1024 {
		t.Fatalf("shrank a stack that just grew: %d slots", len(gp.Stk))
	}
	gp.stackGrown -= 2 * stackIdleNS
	r.ShrinkParked(gp, 10)
	if len(gp.Stk) != minShrinkStack {
		t.Fatalf("idle stack not shrunk: %d slots", len(gp.Stk))
	}
}

// TestStackOverflow checks gc's fatal error past the maximum stack size.
func TestStackOverflow(t *testing.T) {
	var out stringWriter
	r := New(nil, Config{GOMAXPROCS: 1, Stderr: &out, MaxStack: 256})
	gp := r.newg(nil, FrameSite{}, r.allp[0])
	r.Morestack(gp, 200, 100)
	want := "runtime: goroutine stack exceeds 6144-byte limit\nfatal error: stack overflow\n"
	if got := string(out); len(got) < len(want) || got[:len(want)] != want {
		t.Fatalf("stderr = %q, want prefix %q", got, want)
	}
}

// TestStackOverflowDefaultLimit pins gc's text for the default limit:
// gc's maxstacksize is 1e9 bytes, which gc prints as such.
func TestStackOverflowDefaultLimit(t *testing.T) {
	var out stringWriter
	r := New(nil, Config{GOMAXPROCS: 1, Stderr: &out})
	gp := r.newg(nil, FrameSite{}, r.allp[0])
	r.Morestack(gp, int(r.maxstack.Load()), 1) // past the limit: nothing is allocated
	want := "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n"
	if got := string(out); !strings.HasPrefix(got, want) {
		t.Fatalf("stderr = %q, want prefix %q", got, want)
	}
}

// poisoning turns stack poisoning on for the test.
func poisoning(t *testing.T) {
	was := SetPoisonStacks(true)
	t.Cleanup(func() { SetPoisonStacks(was) })
}

// expectThrow runs f and checks that it throws a message containing want.
func expectThrow(t *testing.T, want string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		e, ok := recover().(Throw)
		if !ok || !strings.Contains(e.Msg, want) {
			t.Fatalf("got panic %v, want a throw containing %q", e, want)
		}
	}()
	f()
}

// TestStackPoison checks the debug mode: a moved stack's old slots read
// StackPoison, so a stale slice or pointer into them shows.
func TestStackPoison(t *testing.T) {
	poisoning(t)
	r := New(nil, Config{GOMAXPROCS: 1})
	gp := r.newg(nil, FrameSite{}, r.allp[0])
	r.StartStack(gp, 16)
	gp.Stk[3] = Value{N: 42}
	stale := gp.Stk // a register window kept across a growth: a bug
	r.Morestack(gp, 16, 8)
	if gp.Stk[3].N != 42 {
		t.Fatalf("slot 3 = %d after growing", gp.Stk[3].N)
	}
	if !IsStackPoison(stale[3]) {
		t.Fatalf("stale slot after growing reads %v, want poison", stale[3])
	}
	r.copystack(gp, 1024, 16)
	stale = gp.Stk
	gp.stackGrown -= 2 * stackIdleNS
	r.ShrinkParked(gp, 16)
	if len(gp.Stk) != minShrinkStack || gp.Stk[3].N != 42 || !IsStackPoison(stale[3]) {
		t.Fatalf("after shrinking: %d slots, slot 3 = %v, stale slot %v", len(gp.Stk), gp.Stk[3], stale[3])
	}
	// With poisoning on, a park moves the stack even when it keeps its size.
	stale = gp.Stk
	r.ShrinkParked(gp, 16)
	if &stale[0] == &gp.Stk[0] || !IsStackPoison(stale[3]) || gp.Stk[3].N != 42 {
		t.Fatal("park with poisoning on did not move the stack")
	}
}

// TestStackPoisonCatchesSudogIntoStack checks that a receive into the
// receiver's own stack slot (against the rule in stack.go) throws when the
// stack moves as the G parks, and that a delivery into, or a value taken
// from, a moved stack's slot throws.
func TestStackPoisonCatchesSudogIntoStack(t *testing.T) {
	poisoning(t)
	r := New(nil, Config{GOMAXPROCS: 1})
	gp := r.newg(nil, FrameSite{}, r.allp[0])
	r.StartStack(gp, 16)
	c := MakeChan(0, Value{})
	if _, _, done := r.Chanrecv(gp, c, &gp.Stk[2], true); done {
		t.Fatal("receive on an empty channel did not park")
	}
	expectThrow(t, "sudog pointing into it", func() { r.ShrinkParked(gp, 16) })

	old := make([]Value, 4)
	old[1] = StackPoison
	expectThrow(t, "moved stack", func() { c.send(&sudog{g: gp, elem: &old[1]}, Value{N: 1}) })
	expectThrow(t, "moved stack", func() { c.recv(&sudog{g: gp, elem: &old[1]}, nil) })
}

// TestStackMovesWhileWaiting runs channel, select and semaphore waits with
// poisoning on, so every park moves the waiting G's stack and poisons the
// old one: the values delivered must be intact, and no delivery may touch
// a moved stack (which would throw).
func TestStackMovesWhileWaiting(t *testing.T) {
	poisoning(t)
	forProcs(t, func(t *testing.T, procs int) {
		r, stderr := newTestRuntime(procs, 7)
		const workers, rounds = 8, 50
		work := MakeChan(0, Value{})
		quit := MakeChan(0, Value{})
		results := MakeChan(workers, Value{})
		var sema uint32
		sums := make([]uint64, workers)
		var ops []op
		for w := 0; w < workers; w++ {
			w := w
			var sops []op
			for k := 0; k < rounds; k++ {
				sops = append(sops,
					// Grow the stack between some waits, so waits see
					// stacks of several sizes.
					do(func(gp *G) {
						if k%4 == 0 && len(gp.Stk) < 1024 {
							r.Morestack(gp, len(gp.Stk), 1)
						}
					}),
					selectOp(r, []Scase{{C: work, Dir: SelectRecv, Elem: new(Value)}, {C: quit, Dir: SelectRecv, Elem: new(Value)}}, true,
						func(gp *G, chosen int, ok bool, err error) {
							if chosen != 0 || !ok || err != nil {
								panic(fmt.Sprintf("select chose %d ok=%v err=%v", chosen, ok, err))
							}
							sums[w] += gp.Exec.(*script).selVals[0].N
						}),
					semacquireOp(r, &sema, false),
					semreleaseOp(r, &sema, false),
				)
			}
			sops = append(sops, func(gp *G, resumed bool) opResult {
				return sendOp(r, results, iv(int(sums[w])), nil)(gp, resumed)
			})
			ops = append(ops, goOp(r, newScript(fmt.Sprintf("main.worker%d", w), sops...), nil))
		}
		ops = append(ops, semreleaseOp(r, &sema, false))
		for i := 1; i <= workers*rounds; i++ {
			ops = append(ops, sendOp(r, work, iv(i), nil))
		}
		total := 0
		for w := 0; w < workers; w++ {
			ops = append(ops, recvOp(r, results, func(v Value, ok bool) {
				if IsStackPoison(v) {
					panic("received poison")
				}
				total += int(v.N)
			}))
		}
		if code := runMain(t, r, newScript("main.main", ops...)); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		n := workers * rounds
		if want := n * (n + 1) / 2; total != want {
			t.Fatalf("workers received %d in all, want %d", total, want)
		}
	})
}

// TestTracebackElidesMiddleFrames checks gc's limit on a traceback's
// frames: the innermost 50 and the outermost 50, and how many between were
// left out (what a stack overflow prints).
func TestTracebackElidesMiddleFrames(t *testing.T) {
	for _, c := range []struct{ frames, elided int }{{100, 0}, {101, 1}, {130, 30}} {
		r := New(nil, Config{GOMAXPROCS: 1})
		gp := r.newg(nil, FrameSite{}, r.allp[0])
		frames := []Frame{{Fn: testFn("")}} // hidden: the executor's own
		for i := 0; i < c.frames; i++ {
			frames = append(frames, Frame{Fn: testFn(fmt.Sprintf("main.f%d", i)), PC: i})
		}
		gp.SetFrames(frames)
		var b stringWriter
		r.tracebackG(&b, gp, true)
		lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		want := []string{"goroutine " + fmt.Sprint(gp.goid) + " [running]:"}
		for i := c.frames - 1; i >= 0; i-- {
			if i == c.frames-51 && c.elided > 0 {
				want = append(want, fmt.Sprintf("...%d frames elided...", c.elided))
			}
			if c.elided > 0 && i < c.frames-50 && i >= 50 {
				continue
			}
			want = append(want, fmt.Sprintf("main.f%d()", i), fmt.Sprintf("\t/tmp/prog/main.go:%d +0x0", 10+i))
		}
		if got, w := strings.Join(lines, "\n"), strings.Join(want, "\n"); got != w {
			t.Errorf("%d frames: traceback\n%s\nwant\n%s", c.frames, got, w)
		}
	}
}
