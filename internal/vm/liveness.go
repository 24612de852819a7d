package vm

// Liveness of a frame's slots: which slots the function's code may still
// read from a given instruction on.
//
// gc's collector scans a stack with the compiler's liveness maps: a
// variable a function no longer uses does not keep its object alive, so
// a finalizer can run while the function is still running (GOROOT/test
// stackobj.go, sync's TestOnceXGC). goro's frames are slots in the G's
// stack, which the host collector scans whole; a slot keeps what it
// holds until the frame returns or overwrites it. So when the program
// asks for a collection (runtime.GC) and before a deadlock is declared,
// the VM clears the slots its liveness says are dead, in every frame of
// the Gs it may touch (ClearDeadStack, ClearDeadStacks).
//
// The analysis is the classic backward dataflow over goro's code, its
// operands read from opTable (the instruction set's contract):
// live-in(pc) = uses(pc) ∪ (live-out(pc) − defs(pc)), live-out(pc) = the
// union of live-in over pc's successors. It errs only one way: every
// slot an instruction may read is a use (fields of kind oSrc and
// oOptSrc, and the slot lists of x: results, bounds, call arguments, the
// defer stack, select's channels and values); a def kills only the one
// slot a names (a call's other results, comma-ok's a+1 stay live); an
// instruction that can panic may continue at the Recover block; a frame
// not suspended at a plain call keeps what its instruction reads; and a
// pointer converted to a uintptr argument stays alive through the call
// (gc's uintptrkeepalive).
// The function's constants are never cleared.

import (
	"math/bits"
	"os"
	"sort"

	"github.com/goro-dev/goro/internal/rt"
)

// stressLiveness (GOROLIVENESS=stress in the environment of goro itself)
// clears the dead slots of a G's frames before every native call, not
// only at runtime.GC: a test of the analysis — a slot it wrongly finds
// dead is cleared where the program still reads it, and the program's
// output changes (the e2e suite runs so in TestLivenessStress).
var stressLiveness = os.Getenv("GOROLIVENESS") == "stress"

// slotSet is a set of slots.
type slotSet []uint64

func newSlotSet(n int) slotSet { return make(slotSet, (n+63)/64) }
func (s slotSet) add(i int32)  { s[i/64] |= 1 << (uint(i) % 64) }
func (s slotSet) del(i int32)  { s[i/64] &^= 1 << (uint(i) % 64) }

// union adds t to s and reports whether s grew.
func (s slotSet) union(t slotSet) bool {
	grew := false
	for i, w := range t {
		if n := s[i] | w; n != s[i] {
			s[i], grew = n, true
		}
	}
	return grew
}

// liveness holds, for each basic block of the code, the slots live at
// its start (in) and end (out) — the live set at a pc is found by going
// back from its block's end (liveAt) —, the slots live wherever the code
// may panic (recover: what the Recover block reads), and those a call
// keeps alive while it runs (keep: pointers whose uintptrs it was
// passed; pinned, for the whole function, those of go and defer calls). Per block, not per pc: a package's init can have 264,000
// instructions and as many slots (nistec's precomputed table).
type liveness struct {
	start   []int // each block's first pc, in order
	in, out []slotSet
	recover slotSet
	keep    map[int]slotSet
	pinned  slotSet // pointers a go or defer call's uintptr arguments hold
}

// slotUses calls use for every slot instruction in may read.
func slotUses(in *instr, use func(int32)) {
	for i, v := range [4]int32{in.a, in.b, in.c, in.d} {
		switch in.op.operand(field(i)) {
		case oSrc:
			use(v)
		case oOptSrc:
			if v >= 0 {
				use(v)
			}
		}
	}
	switch opTable[in.op].x {
	case xSlots:
		for _, s := range in.results() {
			if s >= 0 { // (^i: a constant of the table)
				use(s)
			}
		}
	case xBounds:
		for _, s := range in.bounds() {
			if s >= 0 {
				use(s)
			}
		}
	case xCall:
		ci := in.call()
		for _, s := range ci.args {
			use(s)
		}
		if ci.deferStack >= 0 {
			use(ci.deferStack)
		}
	case xSelect:
		sel := in.sel()
		for _, s := range sel.chans {
			use(s)
		}
		for _, s := range sel.vals {
			if s >= 0 {
				use(s)
			}
		}
	}
}

// writes reports whether instruction in writes slot a whenever it
// completes (a go or defer call's a is no slot it writes).
func writes(in *instr) bool {
	if opTable[in.op].a != oDst {
		return false
	}
	return !isCall(in.op) || in.c == callNormal
}

// falls reports whether execution may go on from instruction in to the
// next one.
func falls(in *instr) bool {
	switch in.op {
	case opJump, opIf, opReturn, opReturnLit, opIncLssI:
		return false
	}
	return !isCompareBranch(in.op)
}

// isCompareBranch reports whether o is a fused compare-and-branch.
func isCompareBranch(o op) bool {
	return o >= opIfLssI && o <= opIfNeqI || o >= opIfLssIK && o <= opIfNeqIK
}

// leaders marks the first instruction of each of f's basic blocks: a
// block starts at 0, at a jump target, after a branch or return, and at
// the Recover block. (leaders[len(f.code)] is only a sentinel.)
func (f *Func) leaders() []bool {
	leader := make([]bool, len(f.code)+1)
	leader[0] = true
	for pc := range f.code {
		in := &f.code[pc]
		for i, v := range [4]int32{in.a, in.b, in.c, in.d} {
			if in.op.operand(field(i)) == oPC {
				leader[v] = true
				leader[pc+1] = true
			}
		}
		if !falls(in) {
			leader[pc+1] = true
		}
	}
	if f.recoverPC >= 0 {
		leader[f.recoverPC] = true
	}
	return leader
}

// liveSlots returns f's liveness, computed on first use.
func (f *Func) liveSlots() *liveness {
	if l := f.live.Load(); l != nil {
		return l
	}
	n := len(f.code)
	leader := f.leaders()
	l := &liveness{}
	blockOf := make(map[int]int)
	for pc := 0; pc < n; pc++ {
		if leader[pc] {
			blockOf[pc] = len(l.start)
			l.start = append(l.start, pc)
		}
	}
	nb := len(l.start)
	end := func(b int) int {
		if b+1 < nb {
			return l.start[b+1]
		}
		return n
	}
	addrOf := f.uintptrAddrs()
	// Each block's upward-exposed uses and writes.
	ue, def := make([]slotSet, nb), make([]slotSet, nb)
	l.in, l.out = make([]slotSet, nb), make([]slotSet, nb)
	for b := range nb {
		ue[b], def[b] = newSlotSet(f.nslots), newSlotSet(f.nslots)
		l.in[b], l.out[b] = newSlotSet(f.nslots), newSlotSet(f.nslots)
		for pc := end(b) - 1; pc >= l.start[b]; pc-- {
			in := &f.code[pc]
			if writes(in) {
				ue[b].del(in.a)
				def[b].add(in.a)
			}
			slotUses(in, ue[b].add)
			if p, ok := f.keepAlive(in, addrOf); ok {
				// The call reads the pointers: they live from
				// their making to the call, and through it (keep).
				ue[b].union(p)
				if in.c != callNormal {
					// A go or defer call runs later, with the
					// uintptrs only: the pointers stay for the
					// rest of the function.
					if l.pinned == nil {
						l.pinned = newSlotSet(f.nslots)
					}
					l.pinned.union(p)
				}
				if l.keep == nil {
					l.keep = map[int]slotSet{}
				}
				l.keep[pc] = p
			}
		}
	}
	succs := func(b int, visit func(int)) {
		last := &f.code[end(b)-1]
		for i, v := range [4]int32{last.a, last.b, last.c, last.d} {
			if last.op.operand(field(i)) == oPC {
				visit(blockOf[int(v)])
			}
		}
		if falls(last) && b+1 < nb {
			visit(b + 1)
		}
	}
	if f.name == "testing.tRunner" && f.nparams > 0 {
		// Its *testing.T, which testFail reads from the frame to fail
		// the test that reached something unsupported.
		if l.pinned == nil {
			l.pinned = newSlotSet(f.nslots)
		}
		l.pinned.add(int32(len(f.consts)))
	}
	l.recover = newSlotSet(f.nslots)
	tmp := newSlotSet(f.nslots)
	for changed := true; changed; {
		changed = false
		for b := nb - 1; b >= 0; b-- {
			out := l.out[b]
			succs(b, func(s int) { out.union(l.in[s]) })
			out.union(l.recover) // a panic recovered resumes at the Recover block
			copy(tmp, out)
			for i, w := range def[b] {
				tmp[i] &^= w
			}
			tmp.union(ue[b])
			if l.in[b].union(tmp) {
				changed = true
			}
		}
		if f.recoverPC >= 0 && l.recover.union(l.in[blockOf[f.recoverPC]]) {
			changed = true
		}
	}
	f.live.Store(l)
	return l
}

// uintptrAddrs returns, for each slot holding pointers as uintptrs, the
// slots of those pointers. A pointer converted to a uintptr argument
// stays alive through the call (gc's uintptrkeepalive:
// syscall.Syscall(..., uintptr(p))), also when the argument is variadic:
// stored into the array a slice of which the call takes. Every slot
// involved is written once, in code order (layFrame gives none of them a
// shared slot: keepSlots).
func (f *Func) uintptrAddrs() map[int32][]int32 {
	addrOf := map[int32][]int32{}
	elemOf := map[int32]int32{} // IndexAddr's slot → its array's
	for pc := range f.code {
		switch in := &f.code[pc]; {
		case in.op == opConvert && (in.k == KUnsafePointer || in.k == KPointer) && in.t.Kind.IsInteger():
			addrOf[in.a] = []int32{in.b}
		case in.op == opIndexAddr && in.k == KPointer:
			elemOf[in.a] = in.b
		case in.op == opStore:
			if base, ok := elemOf[in.a]; ok && len(addrOf[in.b]) > 0 {
				addrOf[base] = append(addrOf[base], addrOf[in.b]...)
			}
		case in.op == opSlice:
			if ps := addrOf[in.b]; len(ps) > 0 {
				addrOf[in.a] = ps
			}
		}
	}
	return addrOf
}

// keepSlots returns the slots uintptrAddrs reads its answer from: the
// pointers, the uintptrs, and the arrays, elements and slices of a
// variadic argument that carry them.
func (f *Func) keepSlots() map[int32]bool {
	keep := map[int32]bool{}
	for s, ps := range f.uintptrAddrs() {
		keep[s] = true
		for _, p := range ps {
			keep[p] = true
		}
	}
	for pc := range f.code {
		// An element's address whose array carries uintptrs.
		if in := &f.code[pc]; in.op == opIndexAddr && in.k == KPointer && keep[in.b] {
			keep[in.a] = true
		}
	}
	return keep
}

// keepAlive returns the pointers call instruction in keeps alive while it
// runs: those whose uintptrs are its arguments.
func (f *Func) keepAlive(in *instr, addrOf map[int32][]int32) (slotSet, bool) {
	if !isCall(in.op) {
		return nil, false
	}
	var keep slotSet
	slotUses(in, func(s int32) {
		for _, p := range addrOf[s] {
			if keep == nil {
				keep = newSlotSet(f.nslots)
			}
			keep.add(p)
		}
	})
	return keep, keep != nil
}

// liveAt returns the slots live before instruction pc (after, with
// after), going back from the end of pc's block.
func (l *liveness) liveAt(f *Func, pc int, after bool) slotSet {
	b := sort.Search(len(l.start), func(i int) bool { return l.start[i] > pc }) - 1
	end := len(f.code)
	if b+1 < len(l.start) {
		end = l.start[b+1]
	}
	live := append(slotSet(nil), l.out[b]...)
	for j := end - 1; j > pc || j == pc && !after; j-- {
		in := &f.code[j]
		if writes(in) {
			live.del(in.a)
		}
		slotUses(in, live.add)
		if k := l.keep[j]; k != nil {
			live.union(k)
		}
	}
	if after && writes(&f.code[pc]) {
		// The call's result slot: what it holds now is overwritten
		// when the call returns, before anything reads it.
		live.del(f.code[pc].a)
	}
	live.union(l.recover)
	if l.pinned != nil {
		live.union(l.pinned)
	}
	if after {
		if k := l.keep[pc]; k != nil {
			live.union(k)
		}
	}
	return live
}

// isCall reports whether op calls a function whose return resumes the
// frame after the instruction.
func isCall(o op) bool {
	return o == opCall || o == opCallClosure || o == opCallInvoke || o == opCallBuiltin
}

// clearDeadSlots zeroes the slots of gp's frames that their code no
// longer reads. parked: gp's innermost call re-runs when gp resumes (a
// native that parked re-collects its arguments), so its reads stay live.
func clearDeadSlots(gp *rt.G, frames []rt.Frame, parked bool) {
	for i := range frames {
		f, _ := frames[i].Fn.(*Func)
		if f == nil || f.native != nil || len(f.code) == 0 {
			continue
		}
		pc := frames[i].PC
		if pc < 0 || pc >= len(f.code) || frames[i].FP+f.nslots > len(gp.Stk) {
			continue
		}
		// Suspended at a plain call (the callee returns into it, or it
		// is the innermost frame calling a native that is running
		// now): what the call reads was taken; what follows it counts.
		atCall := isCall(f.code[pc].op)
		if i+1 < len(frames) {
			atCall = atCall && frames[i+1].Aux&^(dstMask|flagFlat) == 0
		} else {
			atCall = atCall && !parked
		}
		live := f.liveSlots().liveAt(f, pc, atCall)
		slots := gp.Stk[frames[i].FP : frames[i].FP+f.nslots]
		for w, word := range live {
			dead := ^word
			for dead != 0 {
				b := bits.TrailingZeros64(dead)
				dead &^= 1 << uint(b)
				s := w*64 + b
				if s >= len(slots) {
					break
				}
				if s >= len(f.consts) {
					slots[s] = rt.Value{}
				}
			}
		}
	}
}
