package rt

import "testing"

// TestMorestackGrowsByCopying checks that crossing the guard doubles the
// stack, keeps the slots below the frame, and moves the guard.
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
	top, need := initialStack-4, 40
	if preempt := r.Morestack(gp, top, need); preempt {
		t.Fatal("Morestack reported a preemption request")
	}
	if got := len(gp.Stk); got < top+need+stackGuard || got&(got-1) != 0 {
		t.Fatalf("grown stack has %d slots; want a power of two ≥ %d", got, top+need+stackGuard)
	}
	for i := 0; i < initialStack; i++ {
		if gp.Stk[i].N != uint64(i) {
			t.Fatalf("slot %d = %d after the copy", i, gp.Stk[i].N)
		}
	}
	if g := gp.Stackguard(); g != int64(len(gp.Stk)-stackGuard) {
		t.Fatalf("stackguard0 = %d, want %d", g, len(gp.Stk)-stackGuard)
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

// TestShrinkstack halves a stack used less than a quarter.
func TestShrinkstack(t *testing.T) {
	r := New(nil, Config{GOMAXPROCS: 1})
	gp := r.newg(nil, FrameSite{}, r.allp[0])
	r.copystack(gp, 1024)
	gp.Stk[3].N = 7
	r.Shrinkstack(gp, 10)
	if len(gp.Stk) != 512 || gp.Stk[3].N != 7 {
		t.Fatalf("after shrink: %d slots, slot 3 = %d", len(gp.Stk), gp.Stk[3].N)
	}
	r.Shrinkstack(gp, 300)
	if len(gp.Stk) != 512 {
		t.Fatalf("shrank a stack used more than a quarter: %d slots", len(gp.Stk))
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
