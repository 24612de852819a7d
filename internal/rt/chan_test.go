package rt

import (
	"fmt"
	"strings"
	"testing"
)

func valStr(v Value, ok bool) string {
	if v.R != nil {
		return fmt.Sprintf("%v/%v", v.R, ok)
	}
	return fmt.Sprintf("%d/%v", v.N, ok)
}

// Blocked senders on an unbuffered channel are served in the order they
// blocked.
func TestChanUnbufferedSendersFIFO(t *testing.T) {
	forProcs(t, func(t *testing.T, procs int) {
		r, _ := newTestRuntime(procs, 1)
		c := MakeChan(0, Value{})
		var log tlog
		var ops []op
		gs := make([]*G, 3)
		for i := range gs {
			s := newScript(fmt.Sprintf("main.sender%d", i), sendOp(r, c, iv(i+1), nil))
			ops = append(ops, goOp(r, s, &gs[i]), waitParkedOp(&gs[i], waitReasonChanSend))
		}
		for range gs {
			ops = append(ops, recvOp(r, c, func(v Value, ok bool) { log.add("%s", valStr(v, ok)) }))
		}
		runMain(t, r, newScript("main.main", ops...))
		if got, want := log.String(), "1/true 2/true 3/true"; got != want {
			t.Fatalf("received %q, want %q", got, want)
		}
	})
}

// Blocked receivers are served in the order they blocked, and the value
// lands in the receiver's stack slot.
func TestChanUnbufferedReceiversFIFO(t *testing.T) {
	forProcs(t, func(t *testing.T, procs int) {
		r, _ := newTestRuntime(procs, 1)
		c := MakeChan(0, Value{})
		done := MakeChan(3, Value{})
		var log tlog
		var ops []op
		gs := make([]*G, 3)
		for i := range gs {
			i := i
			s := newScript(fmt.Sprintf("main.receiver%d", i),
				recvOp(r, c, func(v Value, ok bool) { log.add("r%d=%s", i, valStr(v, ok)) }),
				sendOp(r, done, iv(i), nil))
			ops = append(ops, goOp(r, s, &gs[i]), waitParkedOp(&gs[i], waitReasonChanReceive))
		}
		for i := range gs {
			ops = append(ops, sendOp(r, c, iv(10*(i+1)), nil))
		}
		for range gs {
			ops = append(ops, recvOp(r, done, nil))
		}
		runMain(t, r, newScript("main.main", ops...))
		got := strings.Fields(log.String())
		want := map[string]bool{"r0=10/true": true, "r1=20/true": true, "r2=30/true": true}
		for _, g := range got {
			if !want[g] {
				t.Fatalf("unexpected receive %q in %q", g, got)
			}
			delete(want, g)
		}
		if len(want) > 0 {
			t.Fatalf("missing receives %v (log %q)", want, got)
		}
	})
}

// A buffered channel queues values in order; a sender blocked on a full
// buffer has its value moved to the tail when a receiver takes the head.
func TestChanBuffered(t *testing.T) {
	forProcs(t, func(t *testing.T, procs int) {
		r, _ := newTestRuntime(procs, 1)
		c := MakeChan(2, Value{})
		var log tlog
		var sender *G
		main := newScript("main.main",
			sendOp(r, c, iv(1), nil),
			sendOp(r, c, iv(2), nil),
			do(func(gp *G) { log.add("len=%d cap=%d", c.Len(), c.Cap()) }),
			goOp(r, newScript("main.sender", sendOp(r, c, iv(3), nil), sendOp(r, c, iv(4), nil)), &sender),
			waitParkedOp(&sender, waitReasonChanSend),
			recvOp(r, c, func(v Value, ok bool) { log.add("%s", valStr(v, ok)) }),
			waitParkedOp(&sender, waitReasonChanSend), // now blocked sending 4
			recvOp(r, c, func(v Value, ok bool) { log.add("%s", valStr(v, ok)) }),
			recvOp(r, c, func(v Value, ok bool) { log.add("%s", valStr(v, ok)) }),
			recvOp(r, c, func(v Value, ok bool) { log.add("%s", valStr(v, ok)) }),
			do(func(gp *G) { log.add("len=%d", c.Len()) }),
		)
		runMain(t, r, main)
		if got, want := log.String(), "len=2 cap=2 1/true 2/true 3/true 4/true len=0"; got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	})
}

func TestChanNonBlocking(t *testing.T) {
	r, _ := newTestRuntime(1, 1)
	c := MakeChan(1, Value{})
	var log tlog
	main := newScript("main.main", do(func(gp *G) {
		var v Value
		sel, _, done := r.Chanrecv(gp, c, &v, false)
		log.add("recv-empty sel=%v done=%v", sel, done)
		sent, done, err := r.Chansend(gp, c, iv(7), false)
		log.add("send sent=%v done=%v err=%v", sent, done, err)
		sent, done, err = r.Chansend(gp, c, iv(8), false)
		log.add("send-full sent=%v done=%v err=%v", sent, done, err)
		sel, ok, done := r.Chanrecv(gp, c, &v, false)
		log.add("recv sel=%v ok=%v v=%d", sel, ok, v.N)
		sel, ok, done = r.Chanrecv(gp, c, nil, false)
		log.add("recv-nil-dst sel=%v", sel)
	}))
	runMain(t, r, main)
	want := "recv-empty sel=false done=true send sent=true done=true err=<nil> send-full sent=false done=true err=<nil> recv sel=true ok=true v=7 recv-nil-dst sel=false"
	if got := log.String(); got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

func TestChanCloseSemantics(t *testing.T) {
	forProcs(t, func(t *testing.T, procs int) {
		r, _ := newTestRuntime(procs, 1)
		zero := Value{R: "zero"}
		c := MakeChan(0, zero)
		b := MakeChan(2, zero)
		unbuf := MakeChan(0, zero)
		done := MakeChan(10, Value{})
		var log tlog
		var rcv1, rcv2, snd *G
		recvScript := func(name string) *script {
			return newScript(name,
				recvOp(r, c, func(v Value, ok bool) { log.add("%s:%s", name, valStr(v, ok)) }),
				sendOp(r, done, iv(1), nil))
		}
		sendScript := newScript("main.snd",
			sendOp(r, unbuf, iv(5), func(err error) { log.add("snd:%v", err) }),
			sendOp(r, done, iv(1), nil))
		main := newScript("main.main",
			goOp(r, recvScript("r1"), &rcv1),
			goOp(r, recvScript("r2"), &rcv2),
			goOp(r, sendScript, &snd),
			waitParkedOp(&rcv1, waitReasonChanReceive),
			waitParkedOp(&rcv2, waitReasonChanReceive),
			waitParkedOp(&snd, waitReasonChanSend),
			do(func(gp *G) {
				if err := r.Closechan(gp, c); err != nil {
					t.Errorf("close: %v", err)
				}
				if err := r.Closechan(gp, unbuf); err != nil {
					t.Errorf("close: %v", err)
				}
			}),
			recvOp(r, done, nil), recvOp(r, done, nil), recvOp(r, done, nil),
			do(func(gp *G) {
				log.add("close-closed:%v", r.Closechan(gp, c))
				log.add("close-nil:%v", r.Closechan(gp, nil))
				_, _, err := r.Chansend(gp, c, iv(1), true)
				log.add("send-closed:%v", err)
				_, _, err = r.Chansend(gp, c, iv(1), false)
				log.add("nbsend-closed:%v", err)
				// Buffered data is received before the zero values.
				r.Chansend(gp, b, iv(1), false)
				r.Chansend(gp, b, iv(2), false)
				r.Closechan(gp, b)
				for i := 0; i < 3; i++ {
					var v Value
					sel, ok, done := r.Chanrecv(gp, b, &v, false)
					log.add("b:%v/%s/%v", sel, valStr(v, ok), done)
				}
			}),
		)
		runMain(t, r, main)
		got := log.String()
		for _, want := range []string{"r1:zero/false", "r2:zero/false", "snd:send on closed channel",
			"close-closed:close of closed channel close-nil:close of nil channel send-closed:send on closed channel nbsend-closed:send on closed channel b:true/1/true/true b:true/2/true/true b:true/zero/false/true"} {
			if !strings.Contains(got, want) {
				t.Errorf("log lacks %q:\n%s", want, got)
			}
		}
		if _, ok := r.Closechan(nil, nil).(PlainError); !ok {
			t.Errorf("close of nil channel is not a PlainError")
		}
	})
}

func TestChanNil(t *testing.T) {
	r, _ := newTestRuntime(1, 1)
	var log tlog
	main := newScript("main.main", do(func(gp *G) {
		sent, done, err := r.Chansend(gp, nil, iv(1), false)
		log.add("send %v %v %v", sent, done, err)
		sel, ok, done := r.Chanrecv(gp, nil, nil, false)
		log.add("recv %v %v %v", sel, ok, done)
		log.add("len %d cap %d", (*Chan)(nil).Len(), (*Chan)(nil).Cap())
	}))
	runMain(t, r, main)
	if got, want := log.String(), "send false true <nil> recv false false true len 0 cap 0"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// Blocking on a nil channel parks forever: with nothing else to run, the
// program deadlocks with gc's message.
func TestChanNilBlocksForever(t *testing.T) {
	for _, send := range []bool{false, true} {
		r, stderr := newTestRuntime(2, 1)
		var o op
		reason := "chan receive (nil chan)"
		if send {
			o = sendOp(r, nil, iv(1), nil)
			reason = "chan send (nil chan)"
		} else {
			o = recvOp(r, nil, nil)
		}
		code := runMain(t, r, newScript("main.main", o))
		if code != 2 || !strings.Contains(stderr.String(), "goroutine 1 ["+reason+"]:") {
			t.Fatalf("exit %d, stderr:\n%s", code, stderr)
		}
	}
}

// Many Gs pass tokens along a pipeline of unbuffered and buffered
// channels, at GOMAXPROCS 2.
func TestChanHammerPipeline(t *testing.T) {
	const (
		stages = 2000
		tokens = 5
	)
	r, _ := newTestRuntime(2, 42)
	chans := make([]*Chan, stages+1)
	for i := range chans {
		chans[i] = MakeChan(i%3, Value{})
	}
	var ops []op
	for i := 0; i < stages; i++ {
		in, out := chans[i], chans[i+1]
		var sops []op
		for k := 0; k < tokens; k++ {
			sops = append(sops, recvOp(r, in, nil), func(gp *G, resumed bool) opResult {
				v := gp.Exec.(*script).recvBuf
				v.N++
				return sendOp(r, out, v, nil)(gp, resumed)
			})
		}
		ops = append(ops, goOp(r, newScript(fmt.Sprintf("main.stage%d", i), sops...), nil))
	}
	var sum uint64
	feeder := newScript("main.feeder", repeat(tokens, func(k int) []op {
		return []op{sendOp(r, chans[0], iv(k*1000000), nil)}
	})...)
	ops = append(ops, goOp(r, feeder, nil))
	ops = append(ops, repeat(tokens, func(int) []op {
		return []op{recvOp(r, chans[stages], func(v Value, ok bool) { sum += v.N })}
	})...)
	code := runMain(t, r, newScript("main.main", ops...))
	if code != 0 {
		t.Fatalf("exit code %d", code)
	}
	want := uint64(0)
	for k := 0; k < tokens; k++ {
		want += uint64(k*1000000 + stages)
	}
	if sum != want {
		t.Fatalf("sum = %d, want %d", sum, want)
	}
}

// Channel operations that complete at once do not allocate (DESIGN.md
// invariant 7), nor do selects once the G's scratch has grown.
func TestChanReadyOpsDoNotAllocate(t *testing.T) {
	r, _ := newTestRuntime(1, 1)
	gp := &G{}
	c := MakeChan(4, Value{})
	d := MakeChan(4, Value{})
	var v Value
	cases := []Scase{{C: c, Dir: SelectRecv, Elem: &v}, {C: d, Dir: SelectSend, Elem: &Value{N: 3}}, {C: nil, Dir: SelectRecv}}
	allocs := testing.AllocsPerRun(100, func() {
		r.Chansend(gp, c, Value{N: 1}, true)
		r.Chansend(gp, c, Value{N: 2}, false)
		r.Chanrecv(gp, c, &v, true)
		r.Chanrecv(gp, c, nil, false)
		r.Chanrecv(gp, c, &v, false) // empty: not selected
		chosen, _, _, _ := r.Selectgo(gp, cases, false)
		if chosen == 1 {
			r.Chanrecv(gp, d, nil, false)
		}
		_ = c.Len() + c.Cap()
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per run", allocs)
	}
}
