package vm

// Frame layout: how few slots a compiled function's frame takes.
//
// gc's frame for `func f(n int) int { if n == 0 { return 0 }; return
// f(n-1) + 1 }` is 32 bytes, and 10 million of them fit in its 1e9-byte
// stack limit. The compiler (compile.go) gives every SSA value a slot of
// its own and every constant operand a slot in the constant area copied
// into each frame at entry: 9 slots for f. layFrame then rewrites the
// finished code:
//
//  1. Constants leave the frame where an instruction can take them
//     otherwise: an integer that fits 32 bits is the immediate of the
//     fast ops' K forms (SubI s6 s4 #1 → SubIK, the constant on the left
//     of a commutative or comparison op swapped to the right), a constant
//     moved (a phi's edge) is read by Const from the Func's constant
//     table, a constant returned is named in Return's results as ^index,
//     and a branch on a constant (`if race.Enabled`) is a Jump.
//  2. The constants some instruction still reads as a slot stay in the
//     frame's constant area, each value once.
//  3. Values that live within one basic block share slots: a value
//     written in a block before any use there and read nowhere else gets,
//     from a linear scan of the block, a slot free (the last one freed) from
//     its first write to its last use. Everything else keeps a slot of
//     its own: parameters and free variables (at len(consts), in order: a
//     call's arguments and a closure's environment are copied there), a
//     tuple's slots (an instruction writes them from a on), values live
//     across blocks (phis, the Recover block's reads) and pointers whose
//     uintptrs a call takes (they stay alive through it: liveness.go).
//
// What the sharing keeps: a value's slot holds it from its write to its
// last use, and an instruction that parks, faults or calls re-reads its
// operands when it runs again, so they live until it completes. An
// instruction's result may take the slot of an operand it uses for the
// last time only when it reads every operand before it writes (sharesDst:
// arithmetic, moves, and calls, whose results arrive when they return).
// f then takes 2 slots (n, and one its three temporaries share).

import "github.com/goro-dev/goro/internal/rt"

// kForm returns the immediate form of a fast binary operator or of a
// compare-and-branch, or opNop if it has none.
func kForm(o op) op {
	switch {
	case o >= opAddI && o <= opShrU:
		return opAddIK + (o - opAddI)
	case o == opEqlN || o == opNeqN:
		return opEqlNK + (o - opEqlN)
	case o >= opIfLssI && o <= opIfNeqI:
		return opIfLssIK + (o - opIfLssI)
	}
	return opNop
}

// swapped returns the op that computes o with its operands swapped
// (commutative ops themselves, comparisons mirrored), or opNop.
func swapped(o op) op {
	switch o {
	case opAddI, opMulI, opAndN, opOrN, opXorN, opEqlN, opNeqN, opIfEqlI, opIfNeqI:
		return o
	case opLssI, opLssU, opIfLssI:
		return o + (opGtrI - opLssI)
	case opGtrI, opGtrU, opIfGtrI:
		return o - (opGtrI - opLssI)
	case opLeqI, opLeqU, opIfLeqI:
		return o + (opGeqI - opLeqI)
	case opGeqI, opGeqU, opIfGeqI:
		return o - (opGeqI - opLeqI)
	}
	return opNop
}

// sharesDst reports whether instruction in reads all its operands before
// it writes its result, so that the result may take the slot of an
// operand it uses for the last time.
func sharesDst(in *instr) bool {
	switch o := in.op; {
	case o == opMove, o == opConst, o == opNeg, o == opNot, o == opCompl, o == opField, o == opIndex:
		return true
	case o >= opAdd && o <= opGeqF, o >= opAddIK && o <= opNeqNK:
		return true
	case o == opCall, o == opCallClosure, o == opCallInvoke:
		return in.c == callNormal
	}
	return false
}

// checkLayout, set by tests, checks each function's new slots against the
// liveness of its code before they are renamed (n slots, nc of them
// constants; slot maps old to new).
var checkLayout func(f *Func, n, nc int32, slot []int32)

// layFrame lays out f's frame (the rules at the top of the file). The
// compiler emitted f's code with its constants in slots [0, len(consts))
// and every value in slots of its own after them; wide marks the slots of
// values that take several.
func (f *Func) layFrame(wide []bool) {
	code := f.code
	nc := int32(len(f.consts))
	isConst := func(s int32) bool { return s >= 0 && s < nc }
	imm := func(s int32) (int32, bool) {
		if !isConst(s) {
			return 0, false
		}
		v := f.consts[s]
		if v.R != nil || uint64(int64(int32(v.N))) != v.N {
			return 0, false
		}
		return int32(v.N), true
	}

	// 1. Constants as immediates, Const and Return's ^index.
	for pc := range code {
		in := &code[pc]
		k := kForm(in.op)
		switch {
		case k != opNop && isCompareBranch(in.op):
			if _, ok := imm(in.b); !ok {
				if _, ok := imm(in.a); ok && swapped(in.op) != opNop {
					in.op, in.a, in.b = swapped(in.op), in.b, in.a
				}
			}
			if v, ok := imm(in.b); ok {
				in.op, in.b = kForm(in.op), v
			}
		case k != opNop:
			if _, ok := imm(in.c); !ok {
				if _, ok := imm(in.b); ok && swapped(in.op) != opNop {
					in.op, in.b, in.c = swapped(in.op), in.c, in.b
				}
			}
			if v, ok := imm(in.c); ok && (v >= 0 || k < opShlIK || k > opShrUK) {
				in.op, in.c = kForm(in.op), v
				in.d = 0 // (a shift's signed-count flag: the count is not negative)
			}
		case in.op == opIf && isConst(in.a) && f.consts[in.a].R == nil:
			// A constant condition (`if race.Enabled`): the branch taken.
			to := in.c
			if f.consts[in.a].N != 0 {
				to = in.b
			}
			*in = instr{op: opJump, a: to}
		case in.op == opMove && isConst(in.b):
			in.op = opConst // b: the constant's index, renumbered below
		case opTable[in.op].x == xSlots: // Return, Literal
			rs := in.results()
			for i, r := range rs {
				if isConst(r) {
					rs[i] = ^r
				}
			}
		}
	}

	// 2. The constants: those read as slots first (the frame's), each
	// value once.
	inFrame := make([]bool, nc)
	inTable := make([]bool, nc)
	for pc := range code {
		in := &code[pc]
		slotUses(in, func(s int32) {
			if isConst(s) {
				inFrame[s] = true
			}
		})
		if in.op == opConst {
			inTable[in.b] = true
		}
		if opTable[in.op].x == xSlots {
			for _, r := range in.results() {
				if r < 0 {
					inTable[^r] = true
				}
			}
		}
	}
	type constKey struct {
		n uint64
		r any
	}
	var table []rt.Value
	seen := map[constKey]int32{}
	newConst := make([]int32, nc)
	place := func(s int32) {
		v := f.consts[s]
		var key constKey
		keyed := true
		switch r := v.R.(type) {
		case nil:
			key = constKey{v.N, nil}
		case string, *rt.Value:
			key = constKey{v.N, r}
		default:
			keyed = false
		}
		if keyed {
			if i, ok := seen[key]; ok {
				newConst[s] = i
				return
			}
			seen[key] = int32(len(table))
		}
		newConst[s] = int32(len(table))
		table = append(table, v)
	}
	for s := range nc {
		if inFrame[s] {
			place(s)
		}
	}
	nframe := int32(len(table))
	for s := range nc {
		if inTable[s] && !inFrame[s] {
			place(s)
		}
	}

	// 3. The other slots: which live within one block.
	n := int32(f.nslots)
	fixedEnd := int32(f.freeBase + f.nfree) // parameters and free variables
	const none = -1
	block := make([]int32, n)
	first, last := make([]int32, n), make([]int32, n)
	local := make([]bool, n)
	for s := range block {
		block[s] = none
	}
	multi := make([]bool, n)
	leader := f.leaders()
	b := int32(-1)
	for pc := range code {
		if leader[pc] {
			b++
		}
		in := &code[pc]
		note := func(s int32, write bool) {
			switch {
			case block[s] == none:
				block[s], first[s], local[s] = b, int32(pc), write
			case block[s] != b:
				multi[s] = true
			}
			last[s] = int32(pc)
		}
		slotUses(in, func(s int32) { note(s, false) })
		if writes(in) {
			note(in.a, true)
		}
	}
	for s := range f.keepSlots() {
		multi[s] = true // a pointer kept alive through the call its uintptr is passed to (liveness.go)
	}
	isWide := func(s int32) bool { return s < int32(len(wide)) && wide[s] }
	for s := range n {
		if s < fixedEnd || multi[s] || isWide(s) {
			local[s] = false
		}
	}
	// Fixed and cross-block slots in order after the constants, then the
	// shared ones.
	slot := make([]int32, n)
	next := nframe
	for s := nc; s < n; s++ {
		// (a tuple's slots stay together, read or not)
		if s < fixedEnd || isWide(s) || block[s] != none && !local[s] {
			slot[s] = next
			next++
		}
	}
	localBase := next
	color := make([]int32, n)
	var free []int32 // colors free, the most recently freed last
	ncolors := int32(0)
	released := make([]bool, n)
	release := func(s int32) {
		if !released[s] {
			released[s] = true
			free = append(free, color[s])
		}
	}
	var dying []int32
	for pc := range code {
		in := &code[pc]
		dying = dying[:0]
		slotUses(in, func(s int32) {
			if local[s] && last[s] == int32(pc) {
				dying = append(dying, s)
			}
		})
		share := sharesDst(in)
		if share {
			for _, s := range dying {
				release(s)
			}
		}
		if writes(in) && local[in.a] && first[in.a] == int32(pc) {
			if k := len(free); k > 0 {
				color[in.a], free = free[k-1], free[:k-1]
			} else {
				color[in.a] = ncolors
				ncolors++
			}
		}
		if !share {
			for _, s := range dying {
				release(s)
			}
		}
		if writes(in) && local[in.a] && last[in.a] == int32(pc) {
			release(in.a) // written, never read
		}
	}
	for s := nc; s < n; s++ {
		if local[s] {
			slot[s] = localBase + color[s]
		}
	}
	for s := range nc {
		slot[s] = newConst[s]
	}

	if checkLayout != nil {
		checkLayout(f, n, nc, slot)
	}

	// Rename.
	re := func(s *int32) {
		if *s >= 0 {
			*s = slot[*s]
		}
	}
	hasDst := false
	for pc := range code {
		in := &code[pc]
		for i, p := range [4]*int32{&in.a, &in.b, &in.c, &in.d} {
			switch in.op.operand(field(i)) {
			case oDst:
				hasDst = true
				if writes(in) {
					re(p)
				} else {
					*p = 0 // a go or defer call writes no result
				}
			case oSrc, oOptSrc:
				re(p)
			case oConst:
				*p = newConst[*p]
			}
		}
		switch opTable[in.op].x {
		case xSlots:
			rs := in.results()
			for i, r := range rs {
				if r < 0 {
					rs[i] = ^newConst[^r]
				} else {
					re(&rs[i])
				}
			}
		case xBounds:
			bs := in.bounds()
			for i := range bs {
				re(&bs[i])
			}
			in.x = bs
		case xCall:
			ci := in.call()
			for i := range ci.args {
				re(&ci.args[i])
			}
			re(&ci.deferStack)
		case xSelect:
			sel := in.sel()
			for i := range sel.chans {
				re(&sel.chans[i])
			}
			for i := range sel.vals {
				re(&sel.vals[i])
			}
		}
	}
	f.constTable = table
	f.consts = table[:nframe:nframe]
	f.freeBase = int(nframe) + (f.freeBase - int(nc))
	f.nslots = int(localBase + ncolors)
	if f.nslots == 0 && hasDst {
		f.nslots = 1
	}
}
