package rt

import "testing"

func testGs(n int) []*G {
	gs := make([]*G, n)
	for i := range gs {
		gs[i] = &G{goid: uint64(i + 1)}
	}
	return gs
}

func TestRunqPutGetFIFO(t *testing.T) {
	r, _ := newTestRuntime(2, 1)
	pp := r.allp[0]
	gs := testGs(10)
	for _, gp := range gs {
		r.runqput(pp, gp, false)
	}
	if runqempty(pp) {
		t.Fatal("runqempty after puts")
	}
	for i, want := range gs {
		gp, inherit := r.runqget(pp)
		if gp != want || inherit {
			t.Fatalf("get %d: got %v (inherit %v), want goid %d", i, gp, inherit, want.goid)
		}
	}
	if gp, _ := r.runqget(pp); gp != nil || !runqempty(pp) {
		t.Fatalf("queue not empty: %v", gp)
	}
}

func TestRunqRunnext(t *testing.T) {
	r, _ := newTestRuntime(2, 1)
	pp := r.allp[0]
	gs := testGs(4)
	r.runqput(pp, gs[0], false)
	r.runqput(pp, gs[1], true)
	r.runqput(pp, gs[2], true) // kicks gs[1] to the tail
	r.runqput(pp, gs[3], false)
	want := []*G{gs[2], gs[0], gs[1], gs[3]}
	for i, w := range want {
		gp, inherit := r.runqget(pp)
		if gp != w {
			t.Fatalf("get %d: got goid %d, want %d", i, gp.goid, w.goid)
		}
		if inherit != (i == 0) {
			t.Errorf("get %d: inheritTime = %v", i, inherit)
		}
	}
}

func TestRunqOverflowToGlobal(t *testing.T) {
	r, _ := newTestRuntime(1, 1)
	pp := r.allp[0]
	gs := testGs(300)
	for _, gp := range gs {
		r.runqput(pp, gp, false)
	}
	// The 257th put moved the older half (128) and itself to the global queue.
	if got := r.sched.runqsize; got != 129 {
		t.Fatalf("global runqsize = %d, want 129", got)
	}
	if n := pp.runqtail.Load() - pp.runqhead.Load(); n != 300-129 {
		t.Fatalf("local queue has %d, want %d", n, 300-129)
	}
	// The global queue holds gs[0:128] then gs[256], in order.
	i := 0
	for gp := r.sched.runq.head; gp != nil; gp = gp.schedlink {
		want := gs[i]
		if i == 128 {
			want = gs[256]
		}
		if gp != want {
			t.Fatalf("global[%d] = goid %d, want %d", i, gp.goid, want.goid)
		}
		i++
	}
	// Every G comes out exactly once: local first, then global.
	seen := map[*G]bool{}
	for {
		gp, _ := r.runqget(pp)
		if gp == nil {
			break
		}
		seen[gp] = true
	}
	r.sched.lock.Lock()
	for r.sched.runqsize > 0 {
		gp := r.globrunqget(pp, 0)
		seen[gp] = true
		for {
			g2, _ := r.runqget(pp)
			if g2 == nil {
				break
			}
			seen[g2] = true
		}
	}
	r.sched.lock.Unlock()
	if len(seen) != len(gs) {
		t.Fatalf("got %d distinct Gs back, want %d", len(seen), len(gs))
	}
}

func TestRunqSteal(t *testing.T) {
	r, _ := newTestRuntime(2, 1)
	p0, p1 := r.allp[0], r.allp[1]
	gs := testGs(10)
	for _, gp := range gs {
		r.runqput(p0, gp, false)
	}
	gp := r.runqsteal(p1, p0, false)
	// Half (rounded up) is stolen: gs[0:5]; the last stolen is returned.
	if gp != gs[4] {
		t.Fatalf("runqsteal returned goid %d, want 5", gp.goid)
	}
	for i := 0; i < 4; i++ {
		g2, _ := r.runqget(p1)
		if g2 != gs[i] {
			t.Fatalf("p1 get %d: goid %d, want %d", i, g2.goid, gs[i].goid)
		}
	}
	for i := 5; i < 10; i++ {
		g2, _ := r.runqget(p0)
		if g2 != gs[i] {
			t.Fatalf("p0 get: goid %d, want %d", g2.goid, gs[i].goid)
		}
	}

	// runnext is stolen only when asked.
	r.runqput(p0, gs[0], true)
	if gp := r.runqsteal(p1, p0, false); gp != nil {
		t.Fatalf("stole runnext without stealRunNext")
	}
	if gp := r.runqsteal(p1, p0, true); gp != gs[0] {
		t.Fatalf("stealRunNext: got %v", gp)
	}
	if !runqempty(p0) || !runqempty(p1) {
		t.Fatal("queues not empty")
	}
}

func TestGlobrunqgetBatch(t *testing.T) {
	r, _ := newTestRuntime(2, 1)
	pp := r.allp[0]
	gs := testGs(10)
	r.sched.lock.Lock()
	for _, gp := range gs {
		r.globrunqput(gp)
	}
	// With 2 Ps a batch is size/2+1 = 6: one returned, 5 to the local queue.
	gp := r.globrunqget(pp, 0)
	r.sched.lock.Unlock()
	if gp != gs[0] {
		t.Fatalf("globrunqget = goid %d, want 1", gp.goid)
	}
	if n := pp.runqtail.Load() - pp.runqhead.Load(); n != 5 {
		t.Fatalf("local queue has %d, want 5", n)
	}
	if r.sched.runqsize != 4 {
		t.Fatalf("runqsize = %d, want 4", r.sched.runqsize)
	}
}
