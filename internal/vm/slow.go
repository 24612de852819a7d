package vm

// Instructions off the hot path: slicing, conversions, interfaces, maps,
// channels and select.

import (
	"fmt"
	"unsafe"

	"github.com/goro-dev/goro/internal/rt"
)

// slowOp executes in and reports whether execution goes on at the next
// instruction. When it returns false, control moved: a panic started, the
// G parked (t.parked), or the program ends (t.fatal).
func (t *Thread) slowOp(in *instr, regs []rt.Value) bool {
	switch in.op {
	case opSlice:
		return t.slice(in, regs)
	case opIndexAddrZero:
		elems, _ := regs[in.b].R.([]rt.Value)
		if in.k != KSlice {
			p, _ := regs[in.b].R.(*rt.Value)
			if p == nil {
				t.badPointer(regs[in.b])
				return false
			}
			elems, _ = p.R.([]rt.Value)
		}
		n := len(elems)
		if i := int64(regs[in.c].N); uint64(i) >= uint64(n) {
			t.panicIndex(i, n, in.d != 0)
			return false
		}
		regs[in.a] = rt.Value{R: t.m.zeroCell(in.t)}
	case opMakeClosure:
		ci := in.call()
		env := make([]rt.Value, len(ci.args))
		for i, a := range ci.args {
			env[i] = regs[a]
		}
		cl := &Closure{Fn: ci.fn, Env: env}
		t.allocated(int64(8+8*len(ci.args)), unsafe.Pointer(cl)) // gc's closure: the code pointer and the captured words
		regs[in.a] = rt.Value{R: cl}
	case opMakeInterface:
		regs[in.a] = rt.Value{R: Iface{T: in.t, V: regs[in.b]}}
	case opConvert:
		from := in.srcType()
		if from.Kind == KSlice && in.t.Kind == KString && from.Elem.Kind == KInt32 {
			vs, _ := regs[in.b].R.([]rt.Value)
			regs[in.a] = rt.Value{R: runesToString(vs)}
			break
		}
		if in.d != 0 { // onlyCompared: the address, not remembered
			regs[in.a] = rt.Value{N: uint64(HostAddr(regs[in.b].R))} // a cell's, a view's cell's, a RawAddr's number
			break
		}
		v := t.convert(in.k, in.t, regs[in.b])
		if t.fatal {
			return false
		}
		regs[in.a] = v
	case opView:
		v, ok := t.convertView(regs[in.b], in.srcType(), in.t)
		if !ok {
			return false
		}
		regs[in.a] = v
	case opSliceToArrayPointer:
		vs, _ := regs[in.b].R.([]rt.Value)
		if len(vs) < in.t.Len {
			t.panicRuntime(fmt.Sprintf("cannot convert slice with length %d to array or pointer to array with length %d", len(vs), in.t.Len))
			return false
		}
		if vs == nil {
			regs[in.a] = rt.Value{}
			break
		}
		// The array pointer shares the slice's elements: a cell whose R is
		// the slice's first Len elements.
		regs[in.a] = rt.Value{R: &rt.Value{R: vs[:in.t.Len:in.t.Len]}}
	case opTypeAssert:
		return t.typeAssert(in, regs)
	case opMakeSlice:
		n, c := int64(regs[in.b].N), int64(regs[in.c].N)
		et := in.t.Elem
		if msg := makesliceError(et, n, c); msg != "" {
			t.panicRuntime(msg)
			return false
		}
		if !t.m.RT.AllocFits(hostBytes(et, c)) {
			if et.Size == 0 {
				t.Unsupported(string(zeroSizeAlloc(et, c)))
				return false
			}
			t.outOfMemory()
			return false
		}
		vs := make([]rt.Value, n, c)
		var obj unsafe.Pointer
		if c > 0 {
			obj = unsafe.Pointer(unsafe.SliceData(vs))
		}
		t.allocated(c*et.Size, obj)
		if et := in.t.Elem; et.isDeep() {
			for i := range vs[:c] {
				vs[:c][i] = et.Zero()
			}
		}
		regs[in.a] = rt.Value{R: vs}
	case opMakeMap:
		hint := 0
		if in.b >= 0 {
			// make's size only presizes the map; a huge one is ignored.
			if h := int64(regs[in.b].N); h > 0 && h <= 1<<20 {
				hint = int(h)
			}
		}
		mp := newMapSize(in.t, hint)
		t.allocated(48+int64(hint)*(in.t.Key.Size+in.t.Elem.Size), unsafe.Pointer(mp)) // gc's map header, and the entries make presizes
		regs[in.a] = rt.Value{R: mp}
	case opMakeChan:
		n := int64(regs[in.b].N)
		if n < 0 || n > 1<<31 {
			t.panicPlainRT("makechan: size out of range")
			return false
		}
		ch := rt.MakeChanIn(t.gp, int(n), in.t.Elem.Zero())
		t.allocated(96+n*in.t.Elem.Size, unsafe.Pointer(ch)) // gc's hchan and its buffer
		regs[in.a] = rt.Value{R: ch}
	case opLookup:
		return t.lookup(in, regs)
	case opMapUpdate:
		mp, _ := regs[in.a].R.(*Map)
		if mp == nil {
			t.PanicPlain("assignment to entry in nil map")
			t.startPending()
			return false
		}
		if !t.lockWrite(mp) {
			return false
		}
		bad := mp.set(regs[in.b], regs[in.c])
		mp.mu.Unlock()
		if bad != nil {
			t.panicRuntime("hash of unhashable type " + bad.String())
			return false
		}
	case opRange:
		return t.rangeOp(in, regs)
	case opNext:
		return t.next(in, regs)
	case opSend:
		return t.send(in, regs)
	case opRecv:
		return t.recv(in, regs)
	case opSelect:
		return t.selectOp(in, regs)
	case opUnsupported:
		t.Unsupported(in.what())
		return false
	case opPanicRange:
		t.panicRuntime(rangeStateError(in.what(), int64(regs[in.a].N)))
		return false
	default:
		throwf("op %v in slowOp", in.op)
	}
	return true
}

// startPending starts a panic raised with t.Panic inside the loop.
func (t *Thread) startPending() {
	v := *t.pending
	t.pending = nil
	t.gopanic(v)
}

func (t *Thread) panicPlainRT(msg string) {
	t.PanicPlain(msg)
	t.startPending()
}

// boundName is what gc's slice bounds errors call the bound a slice
// expression exceeds: a slice's capacity, a string's or an array's length
// (gc's compiler knows an array's capacity is its length: panicSliceAlen).
func boundName(k Kind) string {
	if k == KSlice {
		return "capacity"
	}
	return "length"
}

func (t *Thread) slice(in *instr, regs []rt.Value) bool {
	idx := in.bounds()
	x := regs[in.b]
	var length, capacity int
	var vs []rt.Value
	var s string
	switch in.k {
	case KString:
		s = str(x)
		length, capacity = len(s), len(s)
	case KSlice:
		vs, _ = x.R.([]rt.Value)
		length, capacity = len(vs), cap(vs)
	case KPointer:
		p, _ := x.R.(*rt.Value)
		if p == nil {
			t.badPointer(x)
			return false
		}
		vs = p.R.([]rt.Value)
		length, capacity = len(vs), len(vs)
	}
	// A bound is its word and whether it is negative: a signed one read
	// as such; an unsigned one past the int range is never negative, only
	// too large (gc prints it unsigned).
	type bound struct {
		u   uint64
		neg bool
	}
	lob, hib, maxb := bound{}, bound{u: uint64(length)}, bound{u: uint64(capacity)}
	for i, b := range []*bound{&lob, &hib, &maxb} {
		if idx[i] >= 0 {
			u := regs[idx[i]].N
			*b = bound{u, !in.unsignedBound(i) && int64(u) < 0}
		}
	}
	show := func(b bound) string {
		if b.neg {
			return fmt.Sprint(int64(b.u))
		}
		return fmt.Sprint(b.u)
	}
	over := func(b bound, n uint64) bool { return !b.neg && b.u > n }
	// gc's bounds errors, checked right to left (runtime/error.go; a
	// negative index is reported alone: boundsNegErrorFmts).
	if idx[2] >= 0 {
		switch {
		case maxb.neg:
			t.panicRuntime(fmt.Sprintf("slice bounds out of range [::%s]", show(maxb)))
			return false
		case over(maxb, uint64(capacity)):
			t.panicRuntime(fmt.Sprintf("slice bounds out of range [::%s] with %s %d", show(maxb), boundName(in.k), capacity))
			return false
		case hib.neg:
			t.panicRuntime(fmt.Sprintf("slice bounds out of range [:%s:]", show(hib)))
			return false
		case over(hib, maxb.u):
			t.panicRuntime(fmt.Sprintf("slice bounds out of range [:%s:%s]", show(hib), show(maxb)))
			return false
		}
	} else if in.isMake() && (hib.neg || over(hib, uint64(capacity))) {
		// make([]T, n, c) with c constant: gc's makeslice checks n (a
		// n past maxAlloc aside, n's sign tells which).
		if hib.neg {
			t.panicRuntime("makeslice: len out of range")
		} else {
			t.panicRuntime("makeslice: cap out of range")
		}
		return false
	} else if hib.neg {
		t.panicRuntime(fmt.Sprintf("slice bounds out of range [:%s]", show(hib)))
		return false
	} else if over(hib, uint64(capacity)) || (in.k == KString && over(hib, uint64(length))) {
		t.panicRuntime(fmt.Sprintf("slice bounds out of range [:%s] with %s %d", show(hib), boundName(in.k), capacity))
		return false
	}
	if lob.neg {
		if idx[2] >= 0 {
			t.panicRuntime(fmt.Sprintf("slice bounds out of range [%s::]", show(lob)))
		} else {
			t.panicRuntime(fmt.Sprintf("slice bounds out of range [%s:]", show(lob)))
		}
		return false
	}
	if over(lob, hib.u) {
		if idx[2] >= 0 {
			t.panicRuntime(fmt.Sprintf("slice bounds out of range [%s:%s:]", show(lob), show(hib)))
		} else {
			t.panicRuntime(fmt.Sprintf("slice bounds out of range [%s:%s]", show(lob), show(hib)))
		}
		return false
	}
	lo, hi, max := int(lob.u), int(hib.u), int(maxb.u)
	if in.k == KString {
		regs[in.a] = rt.Value{R: s[lo:hi]}
		return true
	}
	if vs == nil {
		regs[in.a] = rt.Value{}
		return true
	}
	regs[in.a] = rt.Value{R: vs[lo:hi:max]}
	return true
}

func (t *Thread) typeAssert(in *instr, regs []rt.Value) bool {
	x := regs[in.b]
	iv, isIface := x.R.(Iface)
	commaOk := in.commaOk()
	ok := false
	if isIface {
		if in.t.Kind == KInterface {
			ok = iv.T.implements(in.t)
		} else {
			ok = iv.T == in.t
		}
	}
	var result rt.Value
	if ok {
		if in.t.Kind == KInterface {
			result = x
		} else {
			result = iv.V
		}
	} else if !commaOk {
		t.typeAssertPanic(in, iv, isIface)
		return false
	} else if in.t.Kind != KInterface {
		result = in.t.Zero()
	}
	regs[in.a] = result
	if commaOk {
		regs[in.a+1] = rt.Value{N: b2n(ok)}
	}
	return true
}

// typeAssertPanic raises gc's *runtime.TypeAssertionError.
func (t *Thread) typeAssertPanic(in *instr, iv Iface, isIface bool) {
	src := in.srcType()
	var msg string
	switch {
	case !isIface && in.t.Kind == KInterface:
		msg = fmt.Sprintf("interface conversion: interface is nil, not %s", in.t) // gc's assertE2I
	case !isIface:
		msg = fmt.Sprintf("interface conversion: %s is nil, not %s", src, in.t)
	case in.t.Kind == KInterface:
		missing := ""
		for _, name := range methodNames(in.t) {
			if iv.T.method(name) == nil {
				missing = name
				break
			}
		}
		msg = fmt.Sprintf("interface conversion: %s is not %s: missing method %s", iv.T, in.t, missing)
	default:
		if iv.T.String() == in.t.String() {
			msg = fmt.Sprintf("interface conversion: %s is %s, not %s (types from different scopes)", src, iv.T, in.t)
		} else {
			msg = fmt.Sprintf("interface conversion: %s is %s, not %s", src, iv.T, in.t)
		}
	}
	t.gopanic(t.m.typeAssertionError(msg))
}

func (t *Thread) lookup(in *instr, regs []rt.Value) bool {
	commaOk := in.commaOk()
	mp, _ := regs[in.b].R.(*Map)
	var v rt.Value
	found := false
	if mp != nil {
		var bad *Type
		if !t.lockRead(mp) {
			return false
		}
		v, found, bad = mp.get(regs[in.c])
		mp.mu.RUnlock()
		if bad != nil {
			t.panicRuntime("hash of unhashable type " + bad.String())
			return false
		}
	} else if bad := ifaceIncomparable(in.t.Key, regs[in.c]); bad != nil {
		t.panicRuntime("hash of unhashable type " + bad.String())
		return false
	}
	if !found {
		v = in.t.Elem.Zero()
	}
	regs[in.a] = v
	if commaOk {
		regs[in.a+1] = rt.Value{N: b2n(found)}
	}
	return true
}

// ---- channels ----

func (t *Thread) send(in *instr, regs []rt.Value) bool {
	gp, r := t.gp, t.m.RT
	if t.resuming {
		t.resuming = false
		if err := r.ChansendDone(gp); err != nil {
			t.panicPlainRT(err.Error())
			return false
		}
		return true
	}
	if r.YieldBefore(gp) {
		t.yieldBefore = true
		return false
	}
	c, _ := regs[in.a].R.(*rt.Chan)
	_, done, err := r.Chansend(gp, c, regs[in.b], true)
	if err != nil {
		t.panicPlainRT(err.Error())
		return false
	}
	if !done {
		t.parked = true
		return false
	}
	return true
}

func (t *Thread) recv(in *instr, regs []rt.Value) bool {
	gp, r := t.gp, t.m.RT
	commaOk := in.commaOk()
	if t.resuming {
		t.resuming = false
		ok := r.ChanrecvDone(gp)
		regs[in.a] = t.recvBuf
		t.recvBuf = rt.Value{}
		if commaOk {
			regs[in.a+1] = rt.Value{N: b2n(ok)}
		}
		return true
	}
	if r.YieldBefore(gp) {
		t.yieldBefore = true
		return false
	}
	c, _ := regs[in.b].R.(*rt.Chan)
	// The value arrives in the Thread, not the stack: a parked G's stack
	// has no pointers into it and can be shrunk.
	_, ok, done := r.Chanrecv(gp, c, &t.recvBuf, true)
	if !done {
		t.parked = true
		return false
	}
	regs[in.a] = t.recvBuf
	t.recvBuf = rt.Value{}
	if commaOk {
		regs[in.a+1] = rt.Value{N: b2n(ok)}
	}
	return true
}

// selectOp runs a select. Its result tuple is (index, recvOK, values of
// the receive cases in order).
func (t *Thread) selectOp(in *instr, regs []rt.Value) bool {
	si := in.sel()
	a := t.x()
	gp, r := t.gp, t.m.RT
	var chosen int
	var recvOK bool
	if t.resuming {
		t.resuming = false
		var err error
		chosen, recvOK, err = r.SelectDone(gp, a.selCases)
		a.selCases = nil
		if err != nil {
			t.panicPlainRT(err.Error())
			return false
		}
	} else {
		if r.YieldBefore(gp) {
			t.yieldBefore = true
			return false
		}
		// Scratch space kept in the Thread: a select does not allocate.
		n := len(si.chans)
		if cap(a.selScratch) < n {
			a.selScratch = make([]rt.Scase, n)
			a.selVals = make([]rt.Value, n)
		}
		cases := a.selScratch[:n]
		nrecv := 0
		for i := range si.chans {
			c, _ := regs[si.chans[i]].R.(*rt.Chan)
			cases[i] = rt.Scase{C: c, Dir: si.dirs[i]}
			if si.dirs[i] == rt.SelectSend {
				a.selVals[i] = regs[si.vals[i]]
				cases[i].Elem = &a.selVals[i]
			} else {
				cases[i].Elem = &a.selVals[i] // copied to the register when chosen
				nrecv++
			}
		}
		var done bool
		var err error
		chosen, recvOK, done, err = r.Selectgo(gp, cases, si.block)
		if err != nil {
			t.panicPlainRT(err.Error())
			return false
		}
		if !done {
			a.selCases = cases
			t.parked = true
			return false
		}
	}
	regs[in.a] = rt.Value{N: uint64(int64(chosen))}
	regs[in.a+1] = rt.Value{N: b2n(recvOK)}
	// The chosen receive case's value; the others hold zero values.
	nrecv := 0
	for i := range si.chans {
		if si.dirs[i] == rt.SelectRecv {
			if i == chosen {
				regs[int(in.a)+2+nrecv] = a.selVals[i]
			} else {
				regs[int(in.a)+2+nrecv] = si.elems[i].Zero()
			}
			nrecv++
		}
	}
	clear(a.selVals[:len(si.chans)])
	return true
}

// rangeStateError is gc's runtime error (runtime/panic.go panicrangestate)
// for a range-over-func loop in go/ssa's state jump — 0 ready, -1 busy
// (the body is running, or panicked), -2 done (the iterator returned), ≥ 1
// exited (the body broke out of the loop) — found at check ("yield": the
// yield function was called when not ready; "resume": the iterator
// returned while the body was busy, so it swallowed the body's panic).
func rangeStateError(check string, jump int64) string {
	switch {
	case check == "resume":
		return "range function recovered a loop body panic and did not resume panicking"
	case jump == -1:
		return "range function continued iteration after loop body panic"
	case jump == -2:
		return "range function continued iteration after whole loop exit"
	}
	return "range function continued iteration after function for loop body returned false"
}
