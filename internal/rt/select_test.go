package rt

import (
	"fmt"
	"strings"
	"testing"
)

// With every case ready, select chooses uniformly at random, and the
// choices depend only on the seed.
func TestSelectUniform(t *testing.T) {
	const (
		ncase = 4
		iters = 8000
	)
	run := func(seed uint64) (counts [ncase]int, seq []int) {
		r, _ := newTestRuntime(1, seed)
		chans := make([]*Chan, ncase)
		cases := make([]Scase, ncase)
		for i := range chans {
			chans[i] = MakeChan(1, Value{})
			cases[i] = Scase{C: chans[i], Dir: SelectRecv}
		}
		main := newScript("main.main", do(func(gp *G) {
			for _, c := range chans {
				r.Chansend(gp, c, iv(1), false)
			}
			for i := 0; i < iters; i++ {
				chosen, recvOK, done, err := r.Selectgo(gp, cases, true)
				if !done || !recvOK || err != nil {
					t.Errorf("select: %d %v %v %v", chosen, recvOK, done, err)
					return
				}
				counts[chosen]++
				seq = append(seq, chosen)
				r.Chansend(gp, chans[chosen], iv(1), false)
			}
		}))
		runMain(t, r, main)
		return
	}
	counts, seq1 := run(7)
	for i, n := range counts {
		if n < iters/ncase*85/100 || n > iters/ncase*115/100 {
			t.Errorf("case %d chosen %d times of %d: %v", i, n, iters, counts)
		}
	}
	_, seq2 := run(7)
	if fmt.Sprint(seq1) != fmt.Sprint(seq2) {
		t.Errorf("same seed, different choices")
	}
	_, seq3 := run(8)
	if fmt.Sprint(seq1) == fmt.Sprint(seq3) {
		t.Errorf("different seeds, same choices")
	}
}

func TestSelectDefault(t *testing.T) {
	r, _ := newTestRuntime(1, 1)
	var log tlog
	c := MakeChan(0, Value{})
	cases := []Scase{{C: c, Dir: SelectRecv}, {C: nil, Dir: SelectSend, Elem: &Value{N: 1}}, {C: c, Dir: SelectSend, Elem: &Value{N: 2}}}
	main := newScript("main.main",
		selectOp(r, cases, false, func(gp *G, chosen int, recvOK bool, err error) {
			log.add("%d %v %v", chosen, recvOK, err)
		}),
		selectOp(r, nil, false, func(gp *G, chosen int, recvOK bool, err error) {
			log.add("%d", chosen)
		}),
	)
	runMain(t, r, main)
	if got, want := log.String(), "-1 false <nil> -1"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if c.recvq.first != nil || c.sendq.first != nil {
		t.Fatal("non-blocking select left sudogs on the channel")
	}
}

// A blocked select is woken by a send on one of its channels; it leaves no
// sudog on the others.
func TestSelectWokenBySend(t *testing.T) {
	forProcs(t, func(t *testing.T, procs int) {
		r, _ := newTestRuntime(procs, 1)
		var log tlog
		c1, c2, c3 := MakeChan(0, Value{}), MakeChan(0, Value{}), MakeChan(0, Value{})
		done := MakeChan(1, Value{})
		cases := []Scase{
			{C: c1, Dir: SelectRecv, Elem: &Value{}},
			{C: nil, Dir: SelectRecv, Elem: &Value{}},
			{C: c2, Dir: SelectRecv, Elem: &Value{}},
			{C: c3, Dir: SelectSend, Elem: &Value{N: 9}},
		}
		var sel *G
		selector := newScript("main.selector",
			selectOp(r, cases, true, func(gp *G, chosen int, recvOK bool, err error) {
				log.add("chosen=%d ok=%v err=%v v=%d", chosen, recvOK, err, gp.Exec.(*script).selVals[chosen].N)
			}),
			sendOp(r, done, iv(1), nil))
		main := newScript("main.main",
			goOp(r, selector, &sel),
			waitParkedOp(&sel, waitReasonSelect),
			sendOp(r, c2, iv(42), nil),
			recvOp(r, done, nil),
			do(func(gp *G) {
				for i, c := range []*Chan{c1, c2, c3} {
					c.lock.Lock()
					if c.recvq.first != nil || c.sendq.first != nil {
						t.Errorf("sudog left on channel c%d", i+1)
					}
					c.lock.Unlock()
				}
			}),
		)
		runMain(t, r, main)
		if got, want := log.String(), "chosen=2 ok=true err=<nil> v=42"; got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	})
}

// A blocked select's send case completes when a receiver comes.
func TestSelectSendCase(t *testing.T) {
	forProcs(t, func(t *testing.T, procs int) {
		r, _ := newTestRuntime(procs, 1)
		var log tlog
		c1, c2 := MakeChan(0, Value{}), MakeChan(0, Value{})
		done := MakeChan(1, Value{})
		cases := []Scase{{C: c1, Dir: SelectRecv, Elem: &Value{}}, {C: c2, Dir: SelectSend, Elem: &Value{N: 77}}}
		var sel *G
		selector := newScript("main.selector",
			selectOp(r, cases, true, func(gp *G, chosen int, recvOK bool, err error) {
				log.add("chosen=%d err=%v", chosen, err)
			}),
			sendOp(r, done, iv(1), nil))
		main := newScript("main.main",
			goOp(r, selector, &sel),
			waitParkedOp(&sel, waitReasonSelect),
			recvOp(r, c2, func(v Value, ok bool) { log.add("got=%s", valStr(v, ok)) }),
			recvOp(r, done, nil),
		)
		runMain(t, r, main)
		got := log.String()
		if !strings.Contains(got, "chosen=1 err=<nil>") || !strings.Contains(got, "got=77/true") {
			t.Fatalf("log %q", got)
		}
	})
}

// Closing a channel wakes a select blocked on it: a receive case reports
// recvOK=false with the zero value; a send case panics.
func TestSelectWokenByClose(t *testing.T) {
	forProcs(t, func(t *testing.T, procs int) {
		for _, dir := range []int{SelectRecv, SelectSend} {
			r, _ := newTestRuntime(procs, 1)
			var log tlog
			c1, c2 := MakeChan(0, Value{R: "zero"}), MakeChan(0, Value{})
			done := MakeChan(1, Value{})
			cases := []Scase{{C: c2, Dir: SelectRecv, Elem: &Value{}}, {C: c1, Dir: dir, Elem: &Value{N: 5}}}
			var sel *G
			selector := newScript("main.selector",
				selectOp(r, cases, true, func(gp *G, chosen int, recvOK bool, err error) {
					log.add("chosen=%d ok=%v err=%v", chosen, recvOK, err)
					if dir == SelectRecv {
						log.add("v=%v", gp.Exec.(*script).selVals[chosen].R)
					}
				}),
				sendOp(r, done, iv(1), nil))
			main := newScript("main.main",
				goOp(r, selector, &sel),
				waitParkedOp(&sel, waitReasonSelect),
				do(func(gp *G) { r.Closechan(gp, c1) }),
				recvOp(r, done, nil),
			)
			runMain(t, r, main)
			want := "chosen=1 ok=false err=<nil> v=zero"
			if dir == SelectSend {
				want = "chosen=1 ok=false err=send on closed channel"
			}
			if got := log.String(); got != want {
				t.Errorf("dir %d: got %q, want %q", dir, got, want)
			}
			if c2.recvq.first != nil {
				t.Errorf("sudog left on c2")
			}
		}
	})
}

// A select with a send and a receive case on the same channel, and one
// blocked on the same channel twice, lock it once and are woken properly.
func TestSelectSameChannel(t *testing.T) {
	forProcs(t, func(t *testing.T, procs int) {
		r, _ := newTestRuntime(procs, 3)
		var log tlog
		c := MakeChan(0, Value{})
		done := MakeChan(1, Value{})
		cases := []Scase{{C: c, Dir: SelectRecv, Elem: &Value{}}, {C: c, Dir: SelectRecv, Elem: &Value{}}, {C: c, Dir: SelectSend, Elem: &Value{N: 1}}}
		var sel *G
		selector := newScript("main.selector",
			selectOp(r, cases, true, func(gp *G, chosen int, recvOK bool, err error) {
				log.add("chosen=%d v=%d", chosen, gp.Exec.(*script).selVals[chosen].N)
			}),
			sendOp(r, done, iv(1), nil))
		main := newScript("main.main",
			goOp(r, selector, &sel),
			waitParkedOp(&sel, waitReasonSelect),
			sendOp(r, c, iv(8), nil),
			recvOp(r, done, nil),
		)
		runMain(t, r, main)
		got := log.String()
		if got != "chosen=0 v=8" && got != "chosen=1 v=8" {
			t.Fatalf("got %q", got)
		}
		if c.recvq.first != nil || c.sendq.first != nil {
			t.Fatal("sudogs left on c")
		}
	})
}

// select {} and a select over only nil channels block forever.
func TestSelectBlockForever(t *testing.T) {
	for _, tc := range []struct {
		cases  []Scase
		reason string
	}{
		{nil, "select (no cases)"},
		{[]Scase{{C: nil, Dir: SelectRecv}}, "select"},
	} {
		r, stderr := newTestRuntime(1, 1)
		main := newScript("main.main", selectOp(r, tc.cases, true, func(*G, int, bool, error) {
			t.Errorf("select returned")
		}))
		code := runMain(t, r, main)
		if code != 2 || !strings.Contains(stderr.String(), "goroutine 1 ["+tc.reason+"]:") {
			t.Errorf("exit %d, stderr:\n%s", code, stderr)
		}
	}
}

// Many selectors and senders contend on shared channels; some channels are
// closed while selects wait on them. Every value sent is received once.
func TestSelectHammer(t *testing.T) {
	const (
		nchan   = 8
		senders = 200
		per     = 10
		recvs   = 100
	)
	r, _ := newTestRuntime(2, 99)
	chans := make([]*Chan, nchan)
	for i := range chans {
		chans[i] = MakeChan(i%2, Value{})
	}
	quit := MakeChan(0, Value{})
	done := MakeChan(recvs, Value{})
	var sum [recvs]uint64
	var ops []op
	for i := 0; i < recvs; i++ {
		i := i
		cases := make([]Scase, 0, nchan+1)
		for k := 0; k < 3; k++ {
			cases = append(cases, Scase{C: chans[(i+k*3)%nchan], Dir: SelectRecv, Elem: &Value{}})
		}
		cases = append(cases, Scase{C: quit, Dir: SelectRecv, Elem: &Value{}})
		// Each receiver loops until quit is closed: an op that re-runs.
		s := &script{name: "main.receiver"}
		s.ops = []op{
			func(gp *G, resumed bool) opResult {
				var chosen int
				res := selectOp(r, cases, true, func(gp *G, c int, recvOK bool, err error) {
					chosen = c
					if c != len(cases)-1 {
						sum[i] += gp.Exec.(*script).selVals[c].N
					}
				})(gp, resumed)
				if res == opPark {
					return opPark
				}
				if chosen == len(cases)-1 {
					return opNext
				}
				return opYieldRetry
			},
			sendOp(r, done, iv(1), nil),
		}
		ops = append(ops, goOp(r, s, nil))
	}
	senderDone := MakeChan(senders, Value{})
	for i := 0; i < senders; i++ {
		i := i
		var sops []op
		for k := 0; k < per; k++ {
			sops = append(sops, sendOp(r, chans[(i+k)%nchan], iv(1), nil))
		}
		sops = append(sops, sendOp(r, senderDone, iv(1), nil))
		ops = append(ops, goOp(r, newScript("main.sender", sops...), nil))
	}
	ops = append(ops, repeat(senders, func(int) []op { return []op{recvOp(r, senderDone, nil)} })...)
	ops = append(ops, do(func(gp *G) { r.Closechan(gp, quit) }))
	ops = append(ops, repeat(recvs, func(int) []op { return []op{recvOp(r, done, nil)} })...)
	// Receivers may have quit with values still buffered.
	var rest uint64
	ops = append(ops, do(func(gp *G) {
		for _, c := range chans {
			var v Value
			for {
				if sel, _, _ := r.Chanrecv(gp, c, &v, false); !sel {
					break
				}
				rest += v.N
			}
		}
	}))
	code := runMain(t, r, newScript("main.main", ops...))
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	total := rest
	for _, s := range sum {
		total += s
	}
	if total != senders*per {
		t.Fatalf("received %d values, want %d", total, senders*per)
	}
}

// sortLockorder orders cases by channel address, by insertion for small selects
// and by heap sort for large ones, with duplicates (a channel in two cases).
func TestSortLockorder(t *testing.T) {
	rnd := uint64(12345)
	next := func() uint64 { rnd ^= rnd << 13; rnd ^= rnd >> 7; rnd ^= rnd << 17; return rnd }
	for n := 0; n <= 40; n++ {
		for trial := 0; trial < 20; trial++ {
			cases := make([]Scase, n)
			order := make([]uint16, n)
			for i := range cases {
				if k := next() % uint64(n+1); k < uint64(i) && i > 0 {
					cases[i].C = cases[k].C // a channel in two cases
				} else {
					cases[i].C = &Chan{}
				}
				order[i] = uint16(i)
			}
			sortLockorder(cases, order)
			seen := make([]bool, n)
			for i, o := range order {
				if seen[o] {
					t.Fatalf("n=%d: case %d twice in %v", n, o, order)
				}
				seen[o] = true
				if i > 0 && sortkey(cases[order[i-1]].C) > sortkey(cases[o].C) {
					t.Fatalf("n=%d: not sorted at %d: %v", n, i, order)
				}
			}
		}
	}
}
