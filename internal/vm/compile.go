package vm

// The compiler: an SSA function to register code (compiler.run), with
// instruction selection (compiler.instr) and the fast paths chosen at
// compile time: fused compare-and-branch (fusable), typed binary
// operators (fastBinop), read-only spills and borrowed receivers
// (borrow.go). The instructions it emits are specified in ops.go.

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/goro-dev/goro/internal/rt"
)

type compiler struct {
	f       *Func
	m       *Machine
	slots   map[ssa.Value]int32
	nslots  int32
	consts  []rt.Value
	wide    []bool // the slots of values that take several (a tuple's)
	code    []instr
	pos     []token.Pos
	curPos  token.Pos
	blockPC []int
	// blockStart is the pc of the block being compiled.
	blockStart int
	// lastField is the value of the last instruction emitted when it is a
	// Field (compiler.field), else nil.
	lastField ssa.Value
	fixups    []fixup
	// spills are parameters spilled to memory only to be read and
	// variables stored once and then only read (readOnlySpill): the
	// memory is never made; reads read the value stored.
	spills map[ssa.Value]ssa.Value // the Alloc and its FieldAddrs
	// literals are Allocs built in registers (literal.go), by the Alloc
	// and by the Load of the whole.
	literals map[ssa.Value]*literal
	// fused are FieldAddrs and IndexAddrs compiled into their one use
	// (findFused).
	fused map[ssa.Value]bool
	// inlines are the calls compiled as the callee's body (inline.go),
	// inlined the functions they call, each once.
	inlines map[*ssa.Call]*ssa.Function
	inlined []*ssa.Function
	// site is the inlined call being compiled, siteCallee its callee.
	site       *ssa.Call
	siteCallee *ssa.Function
	// fields are the slots of the scalar fields' values of register
	// literals and of the values that are one (inline.go field).
	fields map[ssa.Value][]int32
	// phiSlots are the slots of phis: written on every edge into their
	// block (and early, by a value coalesced with one), so no other
	// value may alias one (inline.go field).
	phiSlots map[int32]bool
	// computed are the slots of the BinOps made so far in the block being
	// compiled, by operator and operands (cseKey): a BinOp computed again
	// is not.
	computed map[cseKey]made
	// loaded are the slots of the fields loaded so far in the block being
	// compiled and not written since (loadKey): a field loaded again is
	// not (emit forgets them).
	loaded map[loadKey]made
	// again are the values not made, computed or loaded again (computed,
	// loaded), each with the operandKey of the one made, whose slots are
	// shared.
	again  map[any]any
	shared map[int32]bool
	// argOf maps an inlined callee's parameters to their arguments.
	argOf map[ssa.Value]ssa.Value
	// flat are the calls whose struct result is returned as its fields
	// (flat.go), with their numbers of fields.
	flat map[*ssa.Call]int32
	// lends are the values lent to the calls they are arguments of:
	// struct loads made without a copy, parameters borrowed (borrow.go).
	lends map[ssa.Value]bool
	// lostDefers: the function's deferred calls come only from
	// range-over-func bodies, and go/ssa dropped its RunDefers (lift.go
	// counts the function's own Defers): its Returns run them.
	lostDefers bool
}

type fixup struct {
	pc    int
	field field
	block int
}

func (c *compiler) run() {
	f, sf := c.f, c.f.ssa
	c.findInlines(sf)
	for _, fn := range c.bodies(sf) {
		c.m.locals.note(fn)
	}
	for _, fn := range c.bodies(sf) {
		c.findSpills(fn)
		c.findLiterals(fn)
		c.findFused(fn)
	}
	c.findFlatCalls(sf)
	c.findLends(sf)
	c.lostDefers = lostDefers(sf)
	// Constants first: they are copied into the frame at entry. (Those of
	// the functions inlined too: inline.go.)
	for _, fn := range c.bodies(sf) {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if call, ok := in.(*ssa.Call); ok {
					if off, ok := c.offsetof(call); ok {
						// A constant of the instance (syntax.go).
						c.slots[call] = int32(len(c.consts))
						c.consts = append(c.consts, rt.Value{N: uint64(off)})
						c.nslots++
					}
				}
				var ops [16]*ssa.Value
				for _, op := range in.Operands(ops[:0]) {
					if op == nil || *op == nil {
						continue
					}
					c.constSlot(*op, in)
				}
				if u, ok := in.(*ssa.UnOp); ok && c.literals[u] != nil {
					lit := c.literals[u]
					for _, v := range lit.vals {
						c.constSlot(v, nil) // its unstored fields' zeros
					}
				}
			}
		}
	}
	f.consts = c.consts
	f.constTable = c.consts
	for _, p := range sf.Params {
		c.slots[p] = c.alloc(1)
	}
	f.freeBase = int(c.nslots)
	f.nfree = len(sf.FreeVars)
	for _, fv := range sf.FreeVars {
		c.slots[fv] = c.alloc(1)
	}
	for _, b := range sf.Blocks {
		for _, in := range b.Instrs {
			if v, ok := in.(ssa.Value); ok {
				if _, done := c.slots[v]; done {
					continue // a call made a constant
				}
				if call, ok := v.(*ssa.Call); ok && c.flat[call] > 0 {
					c.flatSlots(call, c.flat[call])
					continue
				}
				n := int32(1)
				if tup, ok := v.Type().(*types.Tuple); ok {
					n = int32(tup.Len())
					if n == 0 {
						n = 1
					}
				}
				c.slots[v] = c.alloc(n)
			}
		}
	}
	c.coalescePhis(sf)
	c.blockPC = make([]int, len(sf.Blocks))
	for _, b := range sf.Blocks {
		c.blockPC[b.Index] = len(c.code)
		c.blockStart = len(c.code)
		c.lastField = nil
		clear(c.computed)
		clear(c.loaded)
		if b == sf.Recover {
			// After a recovered panic the frame returns normally: its
			// remaining deferred calls run first (gc's deferreturn).
			c.curPos = sf.Pos()
			c.emit(instr{op: opRunDefers})
		}
		for _, in := range b.Instrs {
			c.curPos = in.Pos()
			if c.curPos == token.NoPos {
				c.curPos = rangeLoopPos(in)
			}
			if c.curPos == token.NoPos {
				switch in := in.(type) {
				case ssa.Value:
					c.curPos = in.Pos()
				case *ssa.RunDefers:
					// The deferred calls of a return statement run at
					// its line; falling off the end of the body, at the
					// closing brace (as gc places them).
					c.curPos = bodyEnd(sf)
					if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && ret.Pos().IsValid() {
						c.curPos = ret.Pos() // (results are loaded between them)
					}
				case *ssa.Return:
					c.curPos = bodyEnd(sf)
				}
			}
			c.instr(b, in)
		}
	}
	for _, fx := range c.fixups {
		pc := int32(c.blockPC[fx.block])
		switch fx.field {
		case fieldA:
			c.code[fx.pc].a = pc
		case fieldB:
			c.code[fx.pc].b = pc
		case fieldC:
			c.code[fx.pc].c = pc
		case fieldD:
			c.code[fx.pc].d = pc
		}
	}
	f.recoverPC = -1
	if sf.Recover != nil {
		f.recoverPC = c.blockPC[sf.Recover.Index]
	}
	f.code = c.code
	f.pos = c.pos
	f.nslots = int(c.nslots)
	f.borrowLoads()
	f.layFrame(c.wide)
}

// rangeLoopPos returns the position of the range-over-func loop whose
// body in makes (MakeClosure) or whose iterator in calls with it: go/ssa
// gives them none, gc places them at the for statement.
func rangeLoopPos(in ssa.Instruction) token.Pos {
	body := func(v ssa.Value) token.Pos {
		if mc, ok := v.(*ssa.MakeClosure); ok {
			if rs, ok := mc.Fn.(*ssa.Function).Syntax().(*ast.RangeStmt); ok {
				return rs.For
			}
		}
		return token.NoPos
	}
	switch in := in.(type) {
	case *ssa.MakeClosure:
		return body(in)
	case *ssa.Call:
		for _, a := range in.Call.Args {
			if p := body(a); p.IsValid() {
				return p
			}
		}
	}
	return token.NoPos
}

// forward compiles f, declared without a body and //go:linkname'd to
// target, a function of the program that has one (linknameTarget), as a
// call of target that returns its results.
func (c *compiler) forward(target *ssa.Function) {
	f, sf := c.f, c.f.ssa
	args := make([]int32, len(sf.Params))
	for i, p := range sf.Params {
		c.slots[p] = c.alloc(1)
		args[i] = c.slots[p]
	}
	f.freeBase = int(c.nslots)
	n := int32(sf.Signature.Results().Len())
	dst := c.alloc(max(n, 1))
	res := make([]int32, n)
	for i := range res {
		res[i] = dst + int32(i)
	}
	c.curPos = sf.Pos()
	c.emitCall(opCall, dst, 0, &callInfo{fn: c.m.funcOf(target), args: args, deferStack: -1}, false, false)
	c.emit(instr{op: opReturn, x: res})
	f.recoverPC = -1
	f.code, f.pos, f.nslots = c.code, c.pos, int(c.nslots)
}

func (c *compiler) alloc(n int32) int32 {
	s := c.nslots
	c.nslots += n
	if n > 1 {
		for len(c.wide) < int(c.nslots) {
			c.wide = append(c.wide, false)
		}
		for i := s; i < c.nslots; i++ {
			c.wide[i] = true
		}
	}
	return s
}

// constSlot gives constants, globals and functions used as values a slot in
// the constant area.
func (c *compiler) constSlot(v ssa.Value, user ssa.Instruction) {
	if _, ok := c.slots[v]; ok {
		return
	}
	var val rt.Value
	switch v := v.(type) {
	case *ssa.Const:
		val = c.constValue(v)
	case *ssa.Global:
		val = rt.Value{R: c.m.globalCell(v)}
	case *ssa.Function:
		if call, ok := user.(ssa.CallInstruction); ok && call.Common().Value == v && !call.Common().IsInvoke() {
			// A static callee needs no slot, unless also used as an argument.
			used := false
			for _, a := range call.Common().Args {
				if a == v {
					used = true
				}
			}
			if !used {
				return
			}
		}
		val = rt.Value{R: &Closure{Fn: c.m.funcOf(v)}}
	case *ssa.Builtin:
		return
	default:
		return
	}
	c.slots[v] = int32(len(c.consts))
	c.consts = append(c.consts, val)
	c.nslots++
}

// constValue converts an SSA constant to a Value of its type.
func (c *compiler) constValue(k *ssa.Const) rt.Value {
	t := c.m.typeOf(k.Type())
	if k.Value == nil {
		return t.Zero()
	}
	switch t.Kind {
	case KBool:
		if constant.BoolVal(k.Value) {
			return rt.Value{N: 1}
		}
		return rt.Value{}
	case KString:
		return rt.Value{R: constant.StringVal(k.Value)}
	case KFloat32, KFloat64:
		x, _ := constant.Float64Val(constant.ToFloat(k.Value))
		if t.Kind == KFloat32 {
			x = float64(float32(x))
		}
		return rt.Value{N: math.Float64bits(x)}
	case KComplex64, KComplex128:
		re, _ := constant.Float64Val(constant.Real(k.Value))
		im, _ := constant.Float64Val(constant.Imag(k.Value))
		return rt.Value{R: complex(re, im)}
	case KInterface:
		// A constant converted to an interface is a MakeInterface; a
		// constant of interface type is nil.
		return rt.Value{}
	}
	if t.Kind.IsInteger() {
		if t.Kind.IsSigned() {
			x, _ := constant.Int64Val(constant.ToInt(k.Value))
			return rt.Value{N: uint64(x)}
		}
		x, _ := constant.Uint64Val(constant.ToInt(k.Value))
		return rt.Value{N: x}
	}
	if t.Kind == KUnsafePointer || t.Kind == KPointer {
		// unsafe.Pointer(uintptr(c)): the number (view.go).
		if x, _ := constant.Uint64Val(constant.ToInt(k.Value)); x != 0 {
			return rt.Value{R: RawAddr(x)}
		}
		return rt.Value{}
	}
	panic(fmt.Sprintf("BUG: constant %s of type %s", k, t))
}

func (c *compiler) reg(v ssa.Value) int32 {
	s, ok := c.slots[v]
	if !ok {
		panic(fmt.Sprintf("BUG: no slot for %s (%T) in %s", v.Name(), v, c.f.name))
	}
	return s
}

func (c *compiler) emit(in instr) int {
	c.lastField = nil
	c.code = append(c.code, in)
	c.pos = append(c.pos, c.curPos)
	if len(c.loaded) > 0 && !readOnlyOp(in.op) {
		if in.op == opStoreField || in.op >= opAddFieldF && in.op <= opSubFieldI {
			for k := range c.loaded {
				if k.field == in.c {
					delete(c.loaded, k)
				}
			}
		} else {
			clear(c.loaded)
		}
	}
	return len(c.code) - 1
}

// loadKey is a field's load by what it reads: the pointer (as an
// operandKey) and the field's index. A field is a cell of its own, so a
// StoreField of another index writes another cell, whatever the pointers;
// anything else that may write memory forgets every load (emit), as does a
// StoreField through a pointer that may be a view of another struct's
// field (view.go: a struct of one sized field, not a variable's or a
// global's: noView, storeFieldOf) — whose loads are never kept.
type loadKey struct {
	ptr   any
	field int32
}

// storeFieldOf emits the store of field i of the struct ptr points to.
func (c *compiler) storeFieldOf(ptr ssa.Value, i int, val int32, off int64) {
	if !c.noView(ptr) {
		clear(c.loaded)
	}
	c.emit(instr{op: opStoreField, a: c.reg(ptr), b: val, c: int32(i), x: off})
}

// noView reports whether ptr, a pointer to a struct, cannot be a view
// (view.go): the struct has two sized fields or more, or ptr is a
// variable's or a global's address (an inlined callee's parameter is its
// argument).
func (c *compiler) noView(ptr ssa.Value) bool {
	for {
		a, ok := c.argOf[ptr]
		if !ok {
			break
		}
		ptr = a
	}
	switch ptr.(type) {
	case *ssa.Alloc, *ssa.Global:
		return true
	}
	pt, ok := ptr.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	s, ok := pt.Elem().Underlying().(*types.Struct)
	return ok && sizedFields(c.m, s) >= 2
}

// fieldUpdate compiles st, the store of `x.f op= v` (op + or -, of float64s
// or 64-bit integers), as one AddFieldF, SubFieldF, AddFieldI or SubFieldI
// where the LoadField of x.f and the operation were the last two
// instructions emitted, each read only by the next: three dispatches
// become one (nbody's velocities, counters in structs). The operation's
// slot is the op's a, written only on its slow path.
func (c *compiler) fieldUpdate(st *ssa.Store, fa *ssa.FieldAddr) bool {
	bin, ok := st.Val.(*ssa.BinOp)
	if !ok || (bin.Op != token.ADD && bin.Op != token.SUB) || len(*bin.Referrers()) != 1 || !c.noView(fa.X) {
		return false
	}
	k := c.typ(bin.Type()).Kind
	var o, arith op
	switch {
	case k == KFloat64:
		o, arith = opAddFieldF, opAddF
	case k.is64() && k.IsInteger():
		o, arith = opAddFieldI, opAddI
	default:
		return false
	}
	if bin.Op == token.SUB {
		o, arith = o+1, arith+1 // (each Sub follows its Add)
	}
	load := func(v ssa.Value) bool {
		u, ok := v.(*ssa.UnOp)
		if !ok || u.Op != token.MUL || len(*u.Referrers()) != 1 {
			return false
		}
		ufa, ok := u.X.(*ssa.FieldAddr)
		return ok && (ufa == fa || ufa.X == fa.X && ufa.Field == fa.Field)
	}
	var ld, v ssa.Value
	switch {
	case load(bin.X):
		ld, v = bin.X, bin.Y
	case bin.Op == token.ADD && load(bin.Y):
		ld, v = bin.Y, bin.X
	default:
		return false
	}
	n := len(c.code)
	if n-2 < c.blockStart {
		return false
	}
	ldIn, opIn := c.code[n-2], c.code[n-1]
	if c.shared[c.slots[ld]] || c.shared[c.slots[bin]] {
		return false // read as another value too
	}
	if ldIn != (instr{op: opLoadField, a: c.slots[ld], b: c.reg(fa.X), c: int32(fa.Field), x: c.fieldOffset(fa)}) || opIn.op != arith || opIn.a != c.slots[bin] ||
		!(opIn.b == c.slots[ld] && opIn.c == c.reg(v) || bin.Op == token.ADD && opIn.b == c.reg(v) && opIn.c == c.slots[ld]) || c.slots[ld] == c.reg(v) {
		return false
	}
	c.code, c.pos = c.code[:n-2], c.pos[:n-2]
	for k, m := range c.computed {
		if m.slot == c.slots[bin] {
			delete(c.computed, k) // no longer made there
		}
	}
	c.emit(instr{op: o, a: c.slots[bin], b: c.reg(fa.X), c: int32(fa.Field), d: c.reg(v), x: c.fieldOffset(fa)})
	return true
}

// sizedFields is the number of fields of s that take memory.
func sizedFields(m *Machine, s *types.Struct) int {
	n := 0
	for i := range s.NumFields() {
		if m.sizeof(s.Field(i).Type()) > 0 {
			n++
		}
	}
	return n
}

// jumpTo makes field f of instruction pc (a jump target by opTable) the
// pc of block b, once the blocks are placed.
func (c *compiler) jumpTo(pc int, f field, b *ssa.BasicBlock) {
	if c.code[pc].op.operand(f) != oPC {
		panic(fmt.Sprintf("BUG: field %d of %v is not a jump target", f, c.code[pc].op))
	}
	c.fixups = append(c.fixups, fixup{pc, f, b.Index})
}

// branchTo makes field f of the conditional branch at pc, in block b, go
// to block succ. A branch back to an earlier block closes a loop: it goes
// through a Jump, the instruction whose backward form is a safe point
// (preemption, a deterministic schedule's slice), so that no loop runs
// without one — `for time.Since(t0) < d {}` had none: its condition is
// laid out after its body and branches back to it.
func (c *compiler) branchTo(pc int, f field, b, succ *ssa.BasicBlock) {
	if succ.Index > b.Index {
		c.jumpTo(pc, f, succ)
		return
	}
	j := c.emit(instr{op: opJump})
	c.jumpTo(j, fieldA, succ)
	switch f {
	case fieldB:
		c.code[pc].b = int32(j)
	case fieldC:
		c.code[pc].c = int32(j)
	case fieldD:
		c.code[pc].d = int32(j)
	default:
		panic(fmt.Sprintf("BUG: branch field %d", f))
	}
}

func (c *compiler) typ(t types.Type) *Type { return c.m.typeOf(t) }

// coalescePhis gives a loop's next value the slot of the phi it becomes,
// so that the back edge moves nothing: `i++` is AddIK s2 s2 #1, not AddIK
// s6 s2 #1 and, at the loop's end, Move s2 s6 (a dispatch of every
// loop's seven, in a counting loop that sums). The value v, the phi's
// edge from v's block, may write the phi's slot early when nothing reads
// the phi's old value after v is made: v's block ends in a Jump to the
// phi's block (so the edge is its only way out), no instruction of the
// block after v uses the phi, no phi takes the phi as its value on that
// edge, v's other uses are in its block, and v's op reads its operands
// before it writes (arithmetic, conversions, loads, a call that is not
// inlined). Or v is made in the phi's own block, the loop's header (a
// range loop's j+1, tested against the length there): coalescableInHeader.
// Not in a function that recovers: its Recover block may read the phi.
func (c *compiler) coalescePhis(sf *ssa.Function) {
	for _, h := range sf.Blocks {
		for _, in := range h.Instrs {
			phi, ok := in.(*ssa.Phi)
			if !ok {
				break
			}
			if c.phiSlots == nil {
				c.phiSlots = map[int32]bool{}
			}
			c.phiSlots[c.slots[phi]] = true
			if sf.Recover != nil {
				continue
			}
			// A value made in the header lives through the loop's other
			// blocks: then no other edge's value may share the slot.
			header := slices.IndexFunc(phi.Edges, func(e ssa.Value) bool {
				v, ok := e.(ssa.Instruction)
				return ok && v.Block() == h
			})
			if header >= 0 {
				if c.coalescableInHeader(phi, header, phi.Edges[header]) {
					c.slots[phi.Edges[header]] = c.slots[phi]
					continue
				}
			}
			for i, e := range phi.Edges {
				b := h.Preds[i]
				v, ok := e.(ssa.Instruction)
				if !ok || v.Block() != b || b == h {
					continue
				}
				if _, jump := b.Instrs[len(b.Instrs)-1].(*ssa.Jump); jump && c.coalescable(phi, i, e, b) {
					c.slots[e] = c.slots[phi]
				}
			}
		}
	}
}

// coalescableOp reports whether v's instruction reads its operands before
// it writes its one slot: arithmetic, conversions, loads, a call that is
// not inlined.
func (c *compiler) coalescableOp(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.BinOp, *ssa.UnOp, *ssa.Convert:
	case *ssa.Call:
		if c.inlines[v] != nil || v.Call.Signature().Results().Len() != 1 {
			return false
		}
	default:
		return false
	}
	_, isTuple := v.Type().(*types.Tuple)
	return !isTuple && c.slots[v] >= int32(len(c.consts))
}

// coalescable reports whether v, phi's value on its edge i from block b,
// may be made in phi's slot (coalescePhis).
func (c *compiler) coalescable(phi *ssa.Phi, i int, v ssa.Value, b *ssa.BasicBlock) bool {
	if !c.coalescableOp(v) || c.forwarded(phi) {
		return false
	}
	// v's other uses are in its block, after it (v reaches no other
	// block but through the phi: b's one successor is the phi's), where
	// the phi's slot holds v.
	for _, r := range *v.Referrers() {
		if r != ssa.Instruction(phi) && r.Block() != b {
			return false
		}
	}
	for j, e := range phi.Edges {
		if e == v && j != i {
			return false
		}
	}
	for _, in := range phi.Block().Instrs {
		q, ok := in.(*ssa.Phi)
		if !ok {
			break
		}
		if q.Edges[i] == ssa.Value(phi) {
			return false // phi's old value, moved to another phi
		}
	}
	after := false
	for _, in := range b.Instrs {
		if in == v.(ssa.Instruction) {
			after = true
			continue
		}
		if after {
			var ops [16]*ssa.Value
			for _, op := range in.Operands(ops[:0]) {
				if op != nil && *op == ssa.Value(phi) {
					return false
				}
			}
		}
	}
	return true
}

// forwarded reports whether phi's slot may be read where no instruction
// names phi: as a register literal's field (its Store compiles to nothing;
// the literal's Fields, an inlined callee's, read the slot later), or as
// an inlined callee's parameter (its body's literal, returned, likewise:
// a callee returning a scalar has read it by then). Such a phi's
// next value must not be made in its slot (a review: `t := P{i, 1}; i++;
// g(t)` read i+1).
func (c *compiler) forwarded(phi *ssa.Phi) bool {
	for _, r := range *phi.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Val == ssa.Value(phi) && c.literalPart(r) {
				return true
			}
		case *ssa.Call:
			if c.inlines[r] != nil && isDeep(r.Type()) {
				return true
			}
		}
	}
	return false
}

// coalescableInHeader reports whether v, phi's value on its edge i, made
// in phi's own block (a range loop's j+1, made where j < len is tested),
// may be made in phi's slot: no other edge brings v, and the phi's old
// value is read only by instructions of the block up to v (v itself
// included), none of them a phi (whose read is on an edge, after v).
// v's uses elsewhere see the phi's slot hold v: only the edges into the
// block write it, and each is followed by v made again.
func (c *compiler) coalescableInHeader(phi *ssa.Phi, i int, v ssa.Value) bool {
	if !c.coalescableOp(v) || c.forwarded(phi) {
		return false
	}
	for j, e := range phi.Edges {
		if e == v && j != i {
			return false
		}
	}
	h := phi.Block()
	at := slices.Index(h.Instrs, v.(ssa.Instruction))
	for _, r := range *phi.Referrers() {
		if _, isPhi := r.(*ssa.Phi); isPhi || r.Block() != h || slices.Index(h.Instrs, r) > at {
			return false
		}
	}
	return true
}

// phiMoves emits the moves of the phis of succ for the edge from pred.
func (c *compiler) phiMoves(pred, succ *ssa.BasicBlock) {
	idx := -1
	for i, p := range succ.Preds {
		if p == pred {
			idx = i
		}
	}
	var phis []*ssa.Phi
	for _, in := range succ.Instrs {
		if phi, ok := in.(*ssa.Phi); ok {
			phis = append(phis, phi)
		} else {
			break
		}
	}
	if len(phis) == 0 {
		return
	}
	// Parallel copy: if a phi reads another phi's slot, go through
	// temporaries.
	needTemp := false
	for _, phi := range phis {
		for _, q := range phis {
			if q != phi && c.reg(q) == c.reg(phi.Edges[idx]) {
				needTemp = true
			}
		}
	}
	if !needTemp {
		for _, phi := range phis {
			if a, b := c.reg(phi), c.reg(phi.Edges[idx]); a != b { // (coalescePhis)
				c.emit(instr{op: opMove, a: a, b: b})
			}
		}
		return
	}
	temps := make([]int32, len(phis))
	for i, phi := range phis {
		temps[i] = c.alloc(1)
		c.emit(instr{op: opMove, a: temps[i], b: c.reg(phi.Edges[idx])})
	}
	for i, phi := range phis {
		c.emit(instr{op: opMove, a: c.reg(phi), b: temps[i]})
	}
}

// stepLoop ends block b, whose Jump goes back to the header h of a
// counting loop (`for i := 0; i < n; i++`, `for j := range s`), with
// IncLssI: the step and the condition of the loop copied to its back edge,
// so that an iteration dispatches one instruction for them where the Jump,
// the step and the compare-and-branch took three. The counter i is a phi
// of h whose step i+1 is made in its slot (coalescePhis): either in h,
// before `i+1 < n` (a range loop), or as b's last instruction, emitted
// just before (nothing moved since), which IncLssI replaces. What h
// computes before its step or test (`j < len(s)` reads len(s) there) is
// copied too, at most three instructions that write no memory, branch
// nowhere and, when b steps, do not read i. (Going back to the body is a
// safe point, and so is the exit where it goes back: an enclosing loop's
// start.) The branches leave as h's do, through the moves of h's edges.
// A loop of another shape keeps its Jump.
func (c *compiler) stepLoop(b, h *ssa.BasicBlock) bool {
	ifi, ok := h.Instrs[len(h.Instrs)-1].(*ssa.If)
	if !ok || h.Index > b.Index || c.f.ssa.Recover != nil {
		return false
	}
	cmp, ok := c.fusable(ifi)
	if !ok || cmp.op != opIfLssI {
		return false
	}
	var v ssa.Value // the step
	i, headerSteps := c.loopStep(cmp.bin.X, h)
	if headerSteps {
		v = cmp.bin.X
		headerSteps = v.(ssa.Instruction).Block() == h
	}
	if !headerSteps {
		if i, ok = cmp.bin.X.(*ssa.Phi); !ok || i.Block() != h {
			return false
		}
		v = i.Edges[slices.Index(h.Preds, b)]
		if p, ok := c.loopStep(v, h); !ok || p != i {
			return false
		}
	}
	ctr, y := c.slots[i], c.reg(cmp.bin.Y)
	step := instr{op: opAddI, a: ctr, b: ctr, c: c.reg(v.(*ssa.BinOp).Y)}
	var pre []int
	cmpPC := 0
	for pc := c.blockPC[h.Index]; ; pc++ {
		in := c.code[pc]
		if headerSteps && in == step {
			if c.code[pc+1].op != opIfLssI || c.code[pc+1].a != ctr || c.code[pc+1].b != y {
				return false
			}
			cmpPC = pc + 1
			break
		}
		if isCompareBranch(in.op) {
			if headerSteps || in.op != opIfLssI || in.a != ctr || in.b != y {
				return false
			}
			cmpPC = pc
			break
		}
		readsI := false
		slotUses(&in, func(s int32) { readsI = readsI || s == ctr })
		if len(pre) == 3 || !readOnlyOp(in.op) || in.op == opSafePoint || branches(&in) || (readsI && !headerSteps) {
			return false
		}
		pre = append(pre, pc)
	}
	if !headerSteps && !c.unemitStep(v.(*ssa.BinOp)) {
		return false
	}
	// The copies at the header's positions (a copied load may fault).
	defer func(pos token.Pos) { c.curPos = pos }(c.curPos)
	for _, pc := range pre {
		c.curPos = c.pos[pc]
		c.emit(c.code[pc])
	}
	c.curPos = c.pos[cmpPC]
	pc := c.emit(instr{op: opIncLssI, a: ctr, b: y})
	c.edge(pc, fieldD, h, h.Succs[0]) // (the edges are h's)
	c.edge(pc, fieldC, h, h.Succs[1])
	return true
}

// branches reports whether instruction in has a jump target.
func branches(in *instr) bool {
	for f := fieldA; f <= fieldD; f++ {
		if in.op.operand(f) == oPC {
			return true
		}
	}
	return false
}

// stepBranch ends block b, a loop's body whose If tests `i+1 < n` and goes
// back to the loop's start h (`for i := range n` is laid out so), with
// IncLssI, which b's last instruction, the step, becomes: the counter i is
// a phi of h made in its slot, and no other phi of h moves on the edge.
// The exit is reached as the If reaches it (through its edge's moves).
// (stepLoop's case when the loop's test is at its end.)
func (c *compiler) stepBranch(b *ssa.BasicBlock, ifi *ssa.If) bool {
	h, exit := b.Succs[0], b.Succs[1]
	cmp, ok := c.fusable(ifi)
	if !ok || cmp.op != opIfLssI || h.Index > b.Index || c.f.ssa.Recover != nil {
		return false
	}
	i, ok := c.loopStep(cmp.bin.X, h)
	if !ok {
		return false
	}
	e := slices.Index(h.Preds, b)
	for _, in := range h.Instrs {
		q, ok := in.(*ssa.Phi)
		if !ok {
			break
		}
		if c.slots[q.Edges[e]] != c.slots[q] || (q == i) != (q.Edges[e] == cmp.bin.X) {
			return false // a move on the edge
		}
	}
	if !c.unemitStep(cmp.bin.X.(*ssa.BinOp)) {
		return false
	}
	pc := c.emit(instr{op: opIncLssI, a: c.slots[i], b: c.reg(cmp.bin.Y)})
	c.jumpTo(pc, fieldD, h)
	c.edge(pc, fieldC, b, exit)
	return true
}

// loopStep reports whether v is i+1, i a phi of h (of a 64-bit signed
// integer) and v made in i's slot (coalescePhis).
func (c *compiler) loopStep(v ssa.Value, h *ssa.BasicBlock) (*ssa.Phi, bool) {
	bin, ok := v.(*ssa.BinOp)
	if !ok || bin.Op != token.ADD {
		return nil, false
	}
	one, ok := bin.Y.(*ssa.Const)
	k := c.typ(bin.Type()).Kind
	if !ok || one.Value == nil || one.Int64() != 1 || !k.IsSigned() || !k.is64() {
		return nil, false
	}
	i, ok := bin.X.(*ssa.Phi)
	return i, ok && i.Block() == h && c.slots[v] == c.slots[i]
}

// unemitStep removes the last instruction emitted if it is v, a loop's
// step i+1 made in i's slot, emitted in the block being compiled:
// IncLssI does it.
func (c *compiler) unemitStep(v *ssa.BinOp) bool {
	last := len(c.code) - 1
	if last < c.blockStart || c.code[last] != (instr{op: opAddI, a: c.slots[v], b: c.slots[v], c: c.reg(v.Y)}) {
		return false
	}
	c.code, c.pos = c.code[:last], c.pos[:last]
	return true
}

// cseKey is a BinOp by what it computes: its operator and its operands'
// operandKeys. Within a block, where go/ssa computes the same twice
// (`(i+j)*(i+j+1)`, two inlined calls of one getter), the second is not
// made: its uses read the first's slot, which nothing writes in between
// (SSA values are written once; one made in a phi's slot is not kept).
type cseKey struct {
	op   token.Token
	x, y any
}

// operandKey is what identifies v as an operand: a constant by its type
// and value (go/ssa makes one per use), an inlined callee's parameter as
// its argument, another of its values with the call it is inlined at (a
// callee inlined twice makes its values twice), a value of the function
// as itself.
func (c *compiler) operandKey(v ssa.Value) any {
	if a, ok := c.argOf[v]; ok {
		return c.operandKey(a)
	}
	if k, ok := v.(*ssa.Const); ok {
		exact := "nil"
		if k.Value != nil {
			exact = k.Value.ExactString() // (String shortens strings and rounds floats)
		}
		return [2]string{types.TypeString(k.Type(), nil), exact}
	}
	id := c.identity(v)
	if k, ok := c.again[id]; ok {
		return k
	}
	return id
}

// identity is v, or v with the call it is inlined at when it is a value of
// the callee being inlined.
func (c *compiler) identity(v ssa.Value) any {
	if c.site != nil && v.Parent() == c.siteCallee {
		return inlinedValue{c.site, v}
	}
	return v
}

// made is a value made in the block: its slot and operandKey.
type made struct {
	slot int32
	key  any
}

// madeAgain compiles v, computed or loaded already as m, as m: not made.
func (c *compiler) madeAgain(v ssa.Value, m made) {
	c.slots[v] = m.slot
	if c.shared == nil {
		c.shared = map[int32]bool{}
	}
	c.shared[m.slot] = true
	if c.again == nil {
		c.again = map[any]any{}
	}
	c.again[c.identity(v)] = m.key
}

type inlinedValue struct {
	site *ssa.Call
	v    ssa.Value
}

// edge makes field f of the branch at pc, in block b, go to block succ: a
// successor with phis through its edge's moves and a Jump, the other
// directly (branchTo).
func (c *compiler) edge(pc int, f field, b, succ *ssa.BasicBlock) {
	if !hasPhis(succ) {
		c.branchTo(pc, f, b, succ)
		return
	}
	here := int32(len(c.code))
	switch f {
	case fieldB:
		c.code[pc].b = here
	case fieldC:
		c.code[pc].c = here
	case fieldD:
		c.code[pc].d = here
	}
	c.phiMoves(b, succ)
	j := c.emit(instr{op: opJump})
	c.jumpTo(j, fieldA, succ)
}

func hasPhis(b *ssa.BasicBlock) bool {
	if len(b.Instrs) == 0 {
		return false
	}
	_, ok := b.Instrs[0].(*ssa.Phi)
	return ok
}

func (c *compiler) args(vs []ssa.Value) []int32 {
	out := make([]int32, len(vs))
	for i, v := range vs {
		out[i] = c.reg(v)
	}
	return out
}

func (c *compiler) instr(b *ssa.BasicBlock, in ssa.Instruction) {
	switch in := in.(type) {
	case *ssa.DebugRef, *ssa.Phi:
		// Phis are filled by the moves on each incoming edge.
	case *ssa.Jump:
		succ := b.Succs[0]
		c.phiMoves(b, succ)
		if c.stepLoop(b, succ) {
			break
		}
		pc := c.emit(instr{op: opJump})
		c.jumpTo(pc, fieldA, succ)
	case *ssa.If:
		if c.stepBranch(b, in) {
			break
		}
		t, f := b.Succs[0], b.Succs[1]
		var pc int
		tf, ff := fieldB, fieldC
		if cmp, ok := c.fusable(in); ok {
			// Compare and branch in one instruction: a, b operands, c the
			// false target, d the true target; at the comparison's line.
			c.curPos = cmp.bin.Pos()
			pc = c.emit(instr{op: cmp.op, a: c.reg(cmp.bin.X), b: c.reg(cmp.bin.Y)})
			tf = fieldD
		} else {
			pc = c.emit(instr{op: opIf, a: c.reg(in.Cond)})
		}
		c.edge(pc, tf, b, t)
		c.edge(pc, ff, b, f)
	case *ssa.Return:
		if c.lostDefers {
			// What go/ssa's RunDefers would have done: run the deferred
			// calls, then read the named results they may have changed.
			c.emit(instr{op: opRunDefers})
			for _, r := range in.Results {
				if u, ok := r.(*ssa.UnOp); ok && u.Op == token.MUL && u.Block() == b {
					c.unop(u)
				}
			}
		}
		if !c.returnLit(in) {
			c.emit(instr{op: opReturn, x: c.args(in.Results)})
		}
	case *ssa.Panic:
		if jump, check := rangeFuncCheck(in); jump != nil {
			c.emit(instr{op: opPanicRange, a: c.reg(jump), x: check})
			break
		}
		c.emit(instr{op: opPanic, a: c.reg(in.X)})
	case *ssa.RunDefers:
		c.emit(instr{op: opRunDefers})
	case *ssa.Alloc:
		if c.spills[in] != nil {
			return // a read-only spill: never made
		}
		if c.literals[in] != nil {
			return // built in a register, by its Load
		}
		et := c.typ(in.Type().(*types.Pointer).Elem())
		c.emit(instr{op: opAlloc, a: c.reg(in), d: flag(local(in)), t: et})
	case *ssa.BinOp:
		if ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok && ifi.Cond == in {
			if _, ok := c.fusable(ifi); ok {
				return // computed by the If's compare-and-branch
			}
		}
		k := cseKey{in.Op, c.operandKey(in.X), c.operandKey(in.Y)}
		if m, ok := c.computed[k]; ok {
			c.madeAgain(in, m)
			return
		}
		c.binop(in)
		if s := c.slots[in]; !c.phiSlots[s] && s >= int32(len(c.consts)) {
			if c.computed == nil {
				c.computed = map[cseKey]made{}
			}
			c.computed[k] = made{s, c.operandKey(in)}
		}
	case *ssa.UnOp:
		if in.Op == token.MUL && c.notEvaluated(in) {
			return // len(*p), range *p: gc does not load (syntax.go)
		}
		c.unop(in)
	case *ssa.Store:
		if c.spills[in.Addr] != nil {
			// A read-only spill's store: its loads read the value, or
			// the variable's slot it is moved to (spillDirect).
			if !c.spillDirect(in.Val) {
				c.emit(instr{op: opMove, a: c.reg(in.Addr), b: c.reg(in.Val)})
			}
			return
		}
		if c.literalPart(in) {
			return // a literal's field: read by its Load
		}
		if c.fusedAddr(in.Addr) {
			switch addr := in.Addr.(type) {
			case *ssa.FieldAddr:
				if !c.fieldUpdate(in, addr) {
					c.storeFieldOf(addr.X, addr.Field, c.reg(in.Val), c.fieldOffset(addr))
				}
			case *ssa.IndexAddr:
				c.emit(instr{op: opStoreIndex, a: c.reg(addr.X), b: c.reg(addr.Index), c: c.reg(in.Val), d: flag(unsignedIndex(addr.Index))})
			}
			return
		}
		if blankField(in.Addr) {
			// A composite literal's element for a blank field: evaluated,
			// not stored (gc's blank fields stay zero; no other code can
			// name them).
			return
		}
		if c.storeFields(in) {
			return
		}
		et := c.typ(in.Val.Type())
		if et.isDeep() {
			c.emit(instr{op: opStoreDeep, a: c.reg(in.Addr), b: c.reg(in.Val), t: et})
		} else {
			c.emit(instr{op: opStore, a: c.reg(in.Addr), b: c.reg(in.Val)})
		}
	case *ssa.FieldAddr:
		if c.spills[in] != nil {
			return // read by its loads, from the value stored
		}
		if c.literalPart(in) {
			return
		}
		if c.fusedAddr(in) {
			return // LoadField or StoreField, by its one use
		}
		c.emit(instr{op: opFieldAddr, a: c.reg(in), b: c.reg(in.X), c: int32(in.Field), x: c.fieldOffset(in)})
	case *ssa.Field:
		c.field(in, in.X, in.Field)
	case *ssa.IndexAddr:
		if c.literalPart(in) || c.fusedAddr(in) {
			return
		}
		xt := c.typ(in.X.Type())
		et := in.Type().Underlying().(*types.Pointer).Elem()
		if c.m.sizes.Sizeof(et) == 0 {
			c.emit(instr{op: opIndexAddrZero, a: c.reg(in), b: c.reg(in.X), c: c.reg(in.Index), d: flag(unsignedIndex(in.Index)), k: xt.Kind, t: c.typ(et)})
			return
		}
		var remember *Type
		if unsafeUse(in) {
			remember = c.typ(et)
		}
		c.emit(instr{op: opIndexAddr, a: c.reg(in), b: c.reg(in.X), c: c.reg(in.Index), d: flag(unsignedIndex(in.Index)), k: xt.Kind, t: remember})
	case *ssa.Index:
		xt := c.typ(in.X.Type())
		c.emit(instr{op: opIndex, a: c.reg(in), b: c.reg(in.X), c: c.reg(in.Index), d: flag(unsignedIndex(in.Index)), k: xt.Kind})
	case *ssa.Slice:
		xt := c.typ(in.X.Type())
		idx := [3]int32{-1, -1, -1}
		// go/ssa makes make([]T, n, c) with c constant new([c]T)[:n].
		alloc, ok := in.X.(*ssa.Alloc)
		flags := flag(ok && alloc.Comment == "makeslice")
		for i, v := range []ssa.Value{in.Low, in.High, in.Max} {
			if v != nil {
				idx[i] = c.reg(v)
				flags |= flag(unsignedIndex(v)) << (i + 1)
			}
		}
		c.emit(instr{op: opSlice, a: c.reg(in), b: c.reg(in.X), d: flags, k: xt.Kind, x: idx})
	case *ssa.Call:
		if int(c.reg(in)) < len(c.consts) {
			return // made a constant (syntax.go offsetof)
		}
		if g := c.inlines[in]; g != nil {
			c.inline(in, g)
			return
		}
		c.call(in.Common(), c.reg(in), false, false, in)
	case *ssa.Go:
		c.call(in.Common(), 0, true, false, in)
		if n := c.goWrap(in); n > 0 {
			if last := &c.code[len(c.code)-1]; last.c == callGo && last.op.operand(fieldD) == oGoWrap {
				last.d = n
			}
		}
	case *ssa.Defer:
		c.call(in.Common(), 0, false, true, in)
	case *ssa.MakeClosure:
		c.emit(instr{op: opMakeClosure, a: c.reg(in), x: &callInfo{fn: c.m.funcOf(in.Fn.(*ssa.Function)), args: c.args(in.Bindings)}})
	case *ssa.MakeInterface:
		c.emit(instr{op: opMakeInterface, a: c.reg(in), b: c.reg(in.X), t: c.typ(in.X.Type())})
	case *ssa.ChangeInterface:
		c.emit(instr{op: opMove, a: c.reg(in), b: c.reg(in.X)})
	case *ssa.ChangeType:
		c.emit(instr{op: opMove, a: c.reg(in), b: c.reg(in.X)})
	case *ssa.Convert:
		switch how, msg := c.reinterpretation(in); how {
		case reinterpretNo:
			c.emit(instr{op: opUnsupported, x: msg})
			return
		case reinterpretMove:
			c.emit(instr{op: opMove, a: c.reg(in), b: c.reg(in.X)}) // the same cell, seen as T
			return
		case reinterpretView:
			from := in.X.(*ssa.Convert).X
			c.emit(instr{op: opView, a: c.reg(in), b: c.reg(from), t: c.typ(in.Type().Underlying().(*types.Pointer).Elem()), x: c.typ(from.Type().Underlying().(*types.Pointer).Elem())})
			return
		}
		from, to := c.typ(in.X.Type()).Kind, c.typ(in.Type()).Kind
		switch {
		case from.IsSigned() && to == KFloat64:
			c.emit(instr{op: opCvtIF, a: c.reg(in), b: c.reg(in.X)})
			return
		case from.IsFloat() && (to == KInt || to == KInt64):
			c.emit(instr{op: opCvtFI, a: c.reg(in), b: c.reg(in.X)})
			return
		}
		c.emit(instr{op: opConvert, a: c.reg(in), b: c.reg(in.X), d: flag(onlyCompared(in)), k: c.typ(in.X.Type()).Kind, t: c.typ(in.Type()), x: c.typ(in.X.Type())})
	case *ssa.SliceToArrayPointer:
		c.emit(instr{op: opSliceToArrayPointer, a: c.reg(in), b: c.reg(in.X), t: c.typ(in.Type().Underlying().(*types.Pointer).Elem())})
	case *ssa.TypeAssert:
		c.emit(instr{op: opTypeAssert, a: c.reg(in), b: c.reg(in.X), d: flag(in.CommaOk), t: c.typ(in.AssertedType), x: c.typ(in.X.Type())})
	case *ssa.Extract:
		c.emit(instr{op: opMove, a: c.reg(in), b: c.reg(in.Tuple) + int32(in.Index)})
	case *ssa.MakeSlice:
		c.emit(instr{op: opMakeSlice, a: c.reg(in), b: c.reg(in.Len), c: c.reg(in.Cap), t: c.typ(in.Type())})
	case *ssa.MakeMap:
		res := int32(-1)
		if in.Reserve != nil {
			res = c.reg(in.Reserve)
		}
		c.emit(instr{op: opMakeMap, a: c.reg(in), b: res, t: c.typ(in.Type())})
	case *ssa.MakeChan:
		c.emit(instr{op: opMakeChan, a: c.reg(in), b: c.reg(in.Size), t: c.typ(in.Type())})
	case *ssa.Lookup:
		xt := c.typ(in.X.Type())
		if xt.Kind == KString {
			c.emit(instr{op: opIndex, a: c.reg(in), b: c.reg(in.X), c: c.reg(in.Index), d: flag(unsignedIndex(in.Index)), k: KString})
			break
		}
		c.emit(instr{op: opLookup, a: c.reg(in), b: c.reg(in.X), c: c.reg(in.Index), d: flag(in.CommaOk), k: xt.Kind, t: xt})
	case *ssa.MapUpdate:
		c.emit(instr{op: opMapUpdate, a: c.reg(in.Map), b: c.reg(in.Key), c: c.reg(in.Value)})
	case *ssa.Range:
		xt := c.typ(in.X.Type())
		c.emit(instr{op: opRange, a: c.reg(in), b: c.reg(in.X), k: xt.Kind, t: xt})
	case *ssa.Next:
		c.emit(instr{op: opNext, a: c.reg(in), b: c.reg(in.Iter)})
	case *ssa.Send:
		c.emit(instr{op: opSend, a: c.reg(in.Chan), b: c.reg(in.X)})
	case *ssa.Select:
		c.selectInstr(in)
	case *ssa.MultiConvert:
		c.emit(instr{op: opUnsupported, x: "conversion between type parameters (MultiConvert)"})
	default:
		c.emit(instr{op: opUnsupported, x: fmt.Sprintf("SSA instruction %T", in)})
	}
}

func (c *compiler) selectInstr(in *ssa.Select) {
	si := &selectInfo{block: in.Blocking}
	for _, st := range in.States {
		si.chans = append(si.chans, c.reg(st.Chan))
		if st.Dir == types.SendOnly {
			si.vals = append(si.vals, c.reg(st.Send))
			si.dirs = append(si.dirs, rt.SelectSend)
			si.elems = append(si.elems, nil)
		} else {
			si.vals = append(si.vals, -1)
			si.dirs = append(si.dirs, rt.SelectRecv)
			si.elems = append(si.elems, c.typ(st.Chan.Type().Underlying().(*types.Chan).Elem()))
		}
	}
	c.emit(instr{op: opSelect, a: c.reg(in), x: si})
}

func (c *compiler) binop(in *ssa.BinOp) {
	xt := c.typ(in.X.Type())
	a, x, y := c.reg(in), c.reg(in.X), c.reg(in.Y)
	k := xt.Kind
	switch in.Op {
	case token.EQL, token.NEQ:
		op := opEql
		if in.Op == token.NEQ {
			op = opNeq
		}
		if k.IsInteger() || k == KBool {
			c.emit(instr{op: op + opEqlN - opEql, a: a, b: x, c: y})
			return
		}
		c.emit(instr{op: op, a: a, b: x, c: y, t: xt})
		return
	case token.SHL, token.SHR:
		signedCount := flag(c.typ(in.Y.Type()).Kind.IsSigned())
		switch {
		case in.Op == token.SHL && k.is64():
			c.emit(instr{op: opShlI, a: a, b: x, c: y, d: signedCount})
		case in.Op == token.SHR && k.IsSigned():
			c.emit(instr{op: opShrS, a: a, b: x, c: y, d: signedCount})
		case in.Op == token.SHR && k.IsUnsigned():
			c.emit(instr{op: opShrU, a: a, b: x, c: y, d: signedCount})
		default:
			op := opShl
			if in.Op == token.SHR {
				op = opShr
			}
			c.emit(instr{op: op, a: a, b: x, c: y, k: k, d: signedCount})
		}
		return
	}
	ops := map[token.Token]op{
		token.ADD: opAdd, token.SUB: opSub, token.MUL: opMul, token.QUO: opQuo, token.REM: opRem,
		token.AND: opAnd, token.OR: opOr, token.XOR: opXor, token.AND_NOT: opAndNot,
		token.LSS: opLss, token.LEQ: opLeq, token.GTR: opGtr, token.GEQ: opGeq,
	}
	op, ok := ops[in.Op]
	if !ok {
		panic("BUG: binop " + in.Op.String())
	}
	if fop := fastBinop(op, k); fop != op {
		if !c.fieldArith(in, fop) {
			c.emit(instr{op: fop, a: a, b: x, c: y})
		}
		return
	}
	c.emit(instr{op: op, a: a, b: x, c: y, k: k})
}

// fieldArith compiles in, a float64 +, - or * (fop) one of whose operands
// is a field of a struct value read only by it and extracted by the last
// instruction emitted (a Field: of a call's result, a borrowed load), as
// one FieldAddF, FieldSubF, FieldRSubF or FieldMulF: two dispatches become
// one where vector methods' results are taken apart.
func (c *compiler) fieldArith(in *ssa.BinOp, fop op) bool {
	if fop != opAddF && fop != opSubF && fop != opMulF {
		return false
	}
	n := len(c.code)
	if c.lastField == nil || n-1 < c.blockStart {
		return false
	}
	last := c.code[n-1]
	// extracted: v, read only by in, is the value the last instruction
	// emitted made, a Field (of a value, or a read-only spill's load).
	extracted := func(v ssa.Value) bool {
		_, again := c.again[c.identity(v)]
		return v == c.lastField && len(*v.Referrers()) == 1 && !again && last.op == opField && last.a == c.slots[v]
	}
	o, other := opFieldAddF, in.Y
	switch {
	case extracted(in.X):
		if fop == opSubF {
			o = opFieldSubF
		}
	case extracted(in.Y):
		other = in.X
		if fop == opSubF {
			o = opFieldRSubF // the field on the right
		}
	default:
		return false
	}
	if fop == opMulF {
		o = opFieldMulF
	}
	if c.reg(other) == last.a {
		return false // (the field is both operands)
	}
	c.code, c.pos = c.code[:n-1], c.pos[:n-1]
	c.emit(instr{op: o, a: c.reg(in), b: last.b, c: last.c, d: c.reg(other)})
	return true
}

// fastBinop returns the fast-path variant of binary operator o on kind k,
// or o.
func fastBinop(o op, k Kind) op {
	cmp := o == opLss || o == opLeq || o == opGtr || o == opGeq
	switch {
	case k.is64() && (o == opAdd || o == opSub || o == opMul):
		return o + opAddI - opAdd
	case k.IsInteger() && (o == opAnd || o == opOr || o == opXor || o == opAndNot):
		return o + opAndN - opAnd
	case k.IsSigned() && cmp:
		return o + opLssI - opLss
	case k.IsUnsigned() && cmp:
		return o + opLssU - opLss
	case k == KFloat64 && (o == opAdd || o == opSub || o == opMul || o == opQuo):
		return o + opAddF - opAdd
	case k == KFloat64 && cmp:
		return o + opLssF - opLss
	case k.is64() && k.IsSigned() && (o == opQuo || o == opRem):
		return o + opQuoI - opQuo
	case k.is64() && k.IsUnsigned() && (o == opQuo || o == opRem):
		return o + opQuoU - opQuo
	}
	return o
}

func (c *compiler) unop(in *ssa.UnOp) {
	a, x := c.reg(in), c.reg(in.X)
	switch in.Op {
	case token.MUL:
		if c.fusedAddr(in.X) {
			switch addr := in.X.(type) {
			case *ssa.FieldAddr:
				k := loadKey{c.operandKey(addr.X), int32(addr.Field)}
				if m, ok := c.loaded[k]; ok {
					c.madeAgain(in, m)
					return
				}
				c.emit(instr{op: opLoadField, a: a, b: c.reg(addr.X), c: int32(addr.Field), x: c.fieldOffset(addr)})
				if !c.phiSlots[a] && c.noView(addr.X) { // (a view's load is not kept)
					if c.loaded == nil {
						c.loaded = map[loadKey]made{}
					}
					c.loaded[k] = made{a, c.operandKey(in)}
				}
			case *ssa.IndexAddr:
				c.emit(instr{op: opLoadIndex, a: a, b: c.reg(addr.X), c: c.reg(addr.Index), d: flag(unsignedIndex(addr.Index))})
			}
			return
		}
		if lit := c.literals[in]; lit != nil {
			c.literalFields(in, lit)
			if c.onlyFields(in) {
				return // its fields are read from their values (field)
			}
			vals := make([]int32, len(lit.vals))
			for i, v := range lit.vals {
				vals[i] = c.reg(v)
			}
			c.emit(instr{op: opLiteral, a: a, t: c.typ(in.Type()), x: vals})
			return
		}
		if p := c.spills[in.X]; p != nil {
			// A read of a read-only spill reads the value stored (a
			// register, never written: readOnlySpill), or the variable's
			// slot it was moved to.
			fa, isField := in.X.(*ssa.FieldAddr)
			if !c.spillDirect(p) {
				p = in.X
				if isField {
					p = fa.X
				}
			}
			if isField {
				c.field(in, p, fa.Field)
			} else {
				c.emit(instr{op: opMove, a: a, b: c.reg(p)})
			}
			return
		}
		et := c.typ(in.Type())
		copied := et.isDeep() && !borrowable(in)
		if copied && c.lendable(in) {
			if c.lends == nil {
				c.lends = map[ssa.Value]bool{}
			}
			c.lends[in] = true
			copied = false // lent to the call (borrow.go)
		}
		if copied {
			c.emit(instr{op: opLoadDeep, a: a, b: x, t: et})
		} else {
			c.emit(instr{op: opLoad, a: a, b: x})
		}
	case token.ARROW:
		c.emit(instr{op: opRecv, a: a, b: x, d: flag(in.CommaOk)})
	case token.SUB:
		c.emit(instr{op: opNeg, a: a, b: x, k: c.typ(in.Type()).Kind})
	case token.NOT:
		c.emit(instr{op: opNot, a: a, b: x})
	case token.XOR:
		c.emit(instr{op: opCompl, a: a, b: x, k: c.typ(in.Type()).Kind})
	default:
		panic("BUG: unop " + in.Op.String())
	}
}

// call compiles a call, go or defer statement.
func (c *compiler) call(cc *ssa.CallCommon, dst int32, isGo, isDefer bool, in ssa.Instruction) {
	ci := &callInfo{args: c.args(cc.Args), deferStack: -1}
	if call, ok := in.(*ssa.Call); ok {
		ci.flat = c.flat[call]
		c.lendArgs(ci, cc)
	}
	if d, ok := in.(*ssa.Defer); ok && d.DeferStack != nil {
		ci.deferStack = c.reg(d.DeferStack)
	}
	var op op
	switch fn := cc.Value.(type) {
	case *ssa.Builtin:
		if fn.Name() == "len" && !isGo && !isDefer {
			switch c.typ(cc.Args[0].Type()).Kind {
			case KString, KSlice:
				c.emit(instr{op: opLen, a: dst, b: c.reg(cc.Args[0])})
				return
			}
		}
		ci.builtin = fn.Name()
		if v, ok := in.(ssa.Value); ok {
			ci.unused = len(*v.Referrers()) == 0
		}
		for _, a := range cc.Args {
			ci.argTypes = append(ci.argTypes, c.typ(a.Type()))
		}
		op = opCallBuiltin
		if fn.Name() == "recover" && !isGo && !isDefer {
			c.emit(instr{op: opRecover, a: dst})
			return
		}
	case *ssa.Function:
		if cc.IsInvoke() {
			panic("BUG: invoke of function")
		}
		ci.fn = c.m.funcOf(fn)
		op = opCall
	default:
		if cc.IsInvoke() {
			ci.method = cc.Method.Name()
			op = opCallInvoke
			c.emitCall(op, dst, c.reg(cc.Value), ci, isGo, isDefer)
			return
		}
		op = opCallClosure
		c.emitCall(op, dst, c.reg(cc.Value), ci, isGo, isDefer)
		return
	}
	c.emitCall(op, dst, 0, ci, isGo, isDefer)
}

// emitCall emits a call of mode go, defer or normal; fnSlot is the
// closure or interface value called (0 for static and builtin calls).
func (c *compiler) emitCall(op op, dst, fnSlot int32, ci *callInfo, isGo, isDefer bool) {
	mode := int32(callNormal)
	if isGo {
		mode = callGo
	} else if isDefer {
		mode = callDefer
	}
	c.emit(instr{op: op, a: dst, b: fnSlot, c: mode, x: ci})
}

// goWrap returns N when gc runs go statement g through a wrapper of its
// own, gowrapN of the enclosing function — a call with arguments (a
// receiver counts), results, an interface method, a builtin or an
// instance of a generic function (gc's escape.goDeferStmt: only a call of
// a function value with neither runs as it is) — and 0 when it does not.
// gc numbers the wrappers of one function's go and defer statements
// together (deferwrapN, gowrapN), in source order — those of its
// range-over-func bodies among them. An unstarted
// goroutine's traceback shows the wrapper (Func.UnstartedFrames).
func (c *compiler) goWrap(g *ssa.Go) int32 {
	wraps := func(cc *ssa.CallCommon) bool {
		_, builtin := cc.Value.(*ssa.Builtin)
		if fn := cc.StaticCallee(); fn != nil && len(fn.TypeArgs()) > 0 {
			return true
		}
		return cc.IsInvoke() || builtin || len(cc.Args) > 0 || cc.Signature().Results().Len() > 0
	}
	if !wraps(g.Common()) {
		return 0
	}
	n := int32(0)
	var count func(fn *ssa.Function)
	count = func(fn *ssa.Function) {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				var cc *ssa.CallCommon
				switch o := in.(type) {
				case *ssa.Go:
					cc = o.Common()
				case *ssa.Defer:
					cc = o.Common()
				default:
					continue
				}
				if wraps(cc) && in.Pos() <= g.Pos() {
					n++
				}
			}
		}
		for _, a := range fn.AnonFuncs {
			if isRangeBody(a) {
				count(a) // numbered in the range body's parent (gc's RangeParent)
			}
		}
	}
	count(rangeParent(c.f.ssa))
	return n
}

// unsignedIndex reports whether index v is of an unsigned type: gc's
// bounds errors print it as unsigned (index out of range
// [18446744073709551615] with length 3, where a signed -1 prints alone).
// local reports whether variable a does not escape its function, as gc's
// escape analysis would keep it on its stack (no allocation in
// runtime.MemStats' Mallocs or testing.AllocsPerRun): go/ssa's locals
// (not Heap), and a heap one whose address is only loaded from, stored
// to, or offset to a field or element that in turn only is (`t :=
// &T{}; t.x = 1; return t.x`). Anything else — an argument, a stored
// value, an interface, a result, a phi, a closure's capture — escapes.
func local(a *ssa.Alloc) bool {
	if !a.Heap {
		return true
	}
	var onlyAccessed func(v ssa.Value) bool
	onlyAccessed = func(v ssa.Value) bool {
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.DebugRef:
			case *ssa.UnOp:
				if r.Op != token.MUL {
					return false
				}
			case *ssa.Store:
				if r.Val == v {
					return false
				}
			case *ssa.FieldAddr:
				if !onlyAccessed(r) {
					return false
				}
			case *ssa.IndexAddr:
				if !onlyAccessed(r) {
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	return onlyAccessed(a)
}

// unsafeUse reports whether element address v is converted to
// unsafe.Pointer or handed to unsafe.String or unsafe.Slice where it is
// made: such an IndexAddr remembers the elements around it (madePtrs), so
// that unsafe.String, Slice and Add can reach them (`unsafe.String(&b[0],
// len(b))`, `unsafe.Add(unsafe.Pointer(&a[1]), -1)`).
func unsafeUse(v ssa.Value) bool {
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.Convert:
			if isUnsafePointer(r.Type()) {
				return true
			}
		case *ssa.Call:
			if b, ok := r.Call.Value.(*ssa.Builtin); ok && (b.Name() == "String" || b.Name() == "Slice") {
				return true
			}
		}
	}
	return false
}

func unsignedIndex(v ssa.Value) bool {
	b, ok := v.Type().Underlying().(*types.Basic)
	return ok && b.Info()&types.IsUnsigned != 0
}

// flag is an immediate flag operand (oCommaOk, oSigned, oMake).
func flag(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

type fusedCmp struct {
	op  op
	bin *ssa.BinOp
}

// fusable reports whether the If's condition is an integer comparison
// computed just before it in the same block and used only by it; the
// comparison then need not be materialized.
func (c *compiler) fusable(in *ssa.If) (fusedCmp, bool) {
	bin, ok := in.Cond.(*ssa.BinOp)
	if !ok || bin.Block() != in.Block() {
		return fusedCmp{}, false
	}
	if refs := bin.Referrers(); refs == nil || len(*refs) != 1 {
		return fusedCmp{}, false
	}
	instrs := in.Block().Instrs
	if len(instrs) < 2 || instrs[len(instrs)-2] != bin {
		return fusedCmp{}, false
	}
	k := c.typ(bin.X.Type()).Kind
	if !k.IsSigned() {
		return fusedCmp{}, false
	}
	ops := map[token.Token]op{token.LSS: opIfLssI, token.LEQ: opIfLeqI, token.GTR: opIfGtrI, token.GEQ: opIfGeqI, token.EQL: opIfEqlI, token.NEQ: opIfNeqI}
	o, ok := ops[bin.Op]
	return fusedCmp{o, bin}, ok
}

// onlyCompared reports whether in converts an unsafe.Pointer to an integer
// that, through arithmetic, only ever reaches comparisons: slices'
// overlaps check (&a[0] <= &b[len(b)-1]+size-1), sync.Cond's copy check.
// Such an address need not be remembered for a conversion back to a
// pointer (arith.go's addrs), which costs a weak pointer and a cleanup on
// the cell — quadratic over many elements of one array, as gc keeps them
// in a sorted list per span.
func onlyCompared(in *ssa.Convert) bool {
	if b, ok := in.X.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.UnsafePointer {
		return false
	}
	var uses func(v ssa.Value, depth int) bool
	uses = func(v ssa.Value, depth int) bool {
		refs := v.Referrers()
		if refs == nil || depth > 8 {
			return false
		}
		for _, r := range *refs {
			bin, ok := r.(*ssa.BinOp)
			if !ok {
				return false
			}
			switch bin.Op {
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
				// A bool: the address goes no further.
			default:
				// A number made from the address (x^0 is still it).
				if !uses(bin, depth+1) {
					return false
				}
			}
		}
		return true
	}
	return uses(in, 0)
}

// reinterpretation judges a conversion unsafe.Pointer → *T whose pointer
// was just made from a *S (known): S's cells read as T's (sameCells), or
// one cell is seen as another type (a View), or msg says why the
// conversion cannot mean under goro what it means under gc. Of a pointer
// whose origin is not known here, the conversion checks the cell when it
// runs (fitsCell).
func (c *compiler) reinterpretation(in *ssa.Convert) (how reinterpret, msg string) {
	to, ok := in.Type().Underlying().(*types.Pointer)
	if !ok || !isUnsafePointer(in.X.Type()) {
		return reinterpretRuntime, ""
	}
	from, ok := in.X.(*ssa.Convert)
	if !ok {
		return reinterpretRuntime, ""
	}
	fp, ok := from.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return reinterpretRuntime, ""
	}
	s, t := c.typ(fp.Elem()), c.typ(to.Elem())
	if sameCells(s, t) {
		return reinterpretMove, ""
	}
	if _, ok := viewPointer(nil, s, t); ok {
		return reinterpretView, ""
	}
	return reinterpretNo, fmt.Sprintf("converting %s to %s through unsafe.Pointer (goro does not reinterpret memory of one type as another)", c.typ(from.X.Type()), c.typ(in.Type()))
}

// reinterpret is how a conversion unsafe.Pointer → *T compiles.
type reinterpret int

const (
	reinterpretRuntime reinterpret = iota // origin unknown: opConvert checks the cell (fitsCell)
	reinterpretMove                       // the cells agree: the same pointer
	reinterpretView                       // the cell seen as T (opView, view.go)
	reinterpretNo                         // goro cannot: opUnsupported
)

func isUnsafePointer(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.UnsafePointer
}

// rangeFuncCheck recognises the panics go/ssa builds into range-over-func
// loops (builder.go buildYieldFunc, buildYieldResume): a constant string
// of its own, in a block entered when the loop's jump variable failed a
// comparison. gc panics there with runtime errors that depend on the
// loop's state, so goro does too (opPanicRange): it returns the jump
// value compared, and which check it is.
func rangeFuncCheck(in *ssa.Panic) (jump ssa.Value, check string) {
	mi, ok := in.X.(*ssa.MakeInterface)
	if !ok {
		return nil, ""
	}
	k, ok := mi.X.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return nil, ""
	}
	switch constant.StringVal(k.Value) {
	case "yield function called after range loop exit":
		check = "yield"
	case "iterator call did not preserve panic":
		check = "resume"
	default:
		return nil, ""
	}
	b := in.Block()
	if len(b.Preds) != 1 || len(b.Preds[0].Instrs) == 0 {
		return nil, ""
	}
	cond, ok := b.Preds[0].Instrs[len(b.Preds[0].Instrs)-1].(*ssa.If)
	if !ok {
		return nil, ""
	}
	cmp, ok := cond.Cond.(*ssa.BinOp)
	if !ok {
		return nil, ""
	}
	return cmp.X, check
}

// lostDefers reports whether sf takes its defer stack for range-over-func
// bodies (ssa:deferstack) but has no RunDefers: go/ssa's lift removes them
// from a function without Defers of its own, so the bodies' deferred calls
// would run only after the results were read.
func lostDefers(sf *ssa.Function) bool {
	stack := false
	for _, b := range sf.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.RunDefers:
				return false
			case *ssa.Call:
				if bi, ok := in.Call.Value.(*ssa.Builtin); ok && bi.Name() == "ssa:deferstack" {
					stack = true
				}
			}
		}
	}
	return stack
}

// bodyEnd is the position of the closing brace of sf's body, if sf has
// syntax (NoPos for wrappers and synthetic functions).
func bodyEnd(sf *ssa.Function) token.Pos {
	switch s := sf.Syntax().(type) {
	case *ast.FuncDecl:
		if s.Body != nil {
			return s.Body.Rbrace
		}
	case *ast.FuncLit:
		return s.Body.Rbrace
	}
	return token.NoPos
}

// fieldOffset is the offset of fa's field in its struct (gc's layout:
// fault addresses of nil dereferences, unsafe.Offsetof).
func (c *compiler) fieldOffset(fa *ssa.FieldAddr) int64 {
	st := fa.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	var fields []*types.Var
	for i := 0; i < st.NumFields(); i++ {
		fields = append(fields, st.Field(i))
	}
	return c.m.sizes.Offsetsof(fields)[fa.Field]
}

// findFused records the FieldAddrs and slice IndexAddrs compiled into
// their one use, the next instruction: a load of the field or element
// (LoadField, LoadIndex) or a store to it (StoreField, StoreIndex), of a
// scalar (or other word-sized) value. The pair is one dispatch and makes
// no pointer to the field or element. Only when adjacent: the nil or
// bounds check and the access then happen together, with nothing
// observable between, as they would apart.
func (c *compiler) findFused(sf *ssa.Function) {
	for _, b := range sf.Blocks {
		for i, in := range b.Instrs {
			if i+1 == len(b.Instrs) {
				break
			}
			var addr ssa.Value
			switch in := in.(type) {
			case *ssa.FieldAddr:
				if c.spills[in] != nil || blankField(in) {
					continue
				}
				addr = in
			case *ssa.IndexAddr:
				if c.typ(in.X.Type()).Kind != KSlice {
					continue
				}
				addr = in
			default:
				continue
			}
			refs := addr.Referrers()
			if refs == nil || len(*refs) != 1 || (*refs)[0] != b.Instrs[i+1] || c.literalPart(in) {
				continue
			}
			ok := false
			switch u := b.Instrs[i+1].(type) {
			case *ssa.UnOp:
				ok = u.Op == token.MUL && !c.typ(u.Type()).isDeep()
			case *ssa.Store:
				ok = u.Addr == addr && u.Val != addr && !c.typ(u.Val.Type()).isDeep()
			}
			if ok {
				if c.fused == nil {
					c.fused = map[ssa.Value]bool{}
				}
				c.fused[addr] = true
			}
		}
	}
}

// fusedAddr reports whether addr is compiled into its one use (findFused).
func (c *compiler) fusedAddr(addr ssa.Value) bool { return c.fused[addr] }

// blankField reports whether addr is the address of a struct field
// named _.
func blankField(addr ssa.Value) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	return ok && st.Field(fa.Field).Name() == "_"
}
