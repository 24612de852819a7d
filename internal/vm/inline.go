package vm

// Inlining: a call of a small function compiled as the function's body.
//
// An interpreted call costs what its instructions do several times over:
// the arguments and constants copied into a new frame, the frame pushed and
// popped, the result copied back, a safe point. gc inlines the small
// functions users write — getters, setters, value methods on small structs,
// arithmetic helpers — and their cost there is that of their bodies. goro's
// compiler does the same for the functions whose inlining nothing can
// observe: a body of one block (no branches, no loops), at most
// maxInlineInstrs instructions, that calls nothing and cannot panic or
// block. A traceback, a profile, runtime.Callers and a goroutine dump see
// frames only at calls, panics and safe points, and an inlined body has
// none of its own, so what they show is unchanged (gc would show the
// inlined frame; goro never needs to). The instructions are those
// whose operands cannot make them fail: arithmetic but an integer division
// by anything but a non-zero constant or a shift by a signed count not
// known non-negative, comparisons of basic types and pointers, conversions
// between basic types, field selections, composite literals built in
// registers (literal.go), allocations, and loads and stores through
// pointers that cannot be nil: a local variable's, a global's, a field's
// address, or a pointer parameter whose argument at the call site is one
// of those or an element's address (which indexing made or panicked for).
// So `c.add(k)` with `var c counter` inlines, `p.add(k)` with a p that may
// be nil stays a call, and the nil dereference keeps its frame.
//
// At a call site the callee's parameters are its arguments' slots (SSA
// values are never written), its values get slots of their own (layFrame
// then packs them), its instructions are compiled by compiler.instr at the
// call's position, and its results are made in the call's slots (or moved
// there). The caller's frame holds the callee's constants. The call's safe
// point stays (SafePoint, before the body): gc preempts anywhere, goro's
// deterministic schedules switch only at safe points, and the bug kernels
// of testdata/kernels race across calls as small as `approve(bal, n)` —
// without it, exploration stopped finding two of them.
//
// Not yet: bodies with branches, with calls (inlined in turn), or that may
// panic (which needs gc's inline tree in tracebacks: a frame per inlined
// call, printed with "(...)").

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// maxInlineInstrs bounds the bodies inlined (DebugRefs and the Return
// aside): gc's budget of 80 nodes is about this many instructions.
const maxInlineInstrs = 24

// findInlines records the calls of sf to inline and the functions they
// call.
func (c *compiler) findInlines(sf *ssa.Function) {
	for _, b := range sf.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok {
				continue
			}
			g, ok := call.Call.Value.(*ssa.Function)
			if !ok || g == sf {
				continue
			}
			derefs, ok := inlinable(g)
			if !ok {
				continue
			}
			for _, i := range derefs {
				if !nonNil(call.Call.Args[i]) {
					ok = false
				}
			}
			if !ok {
				continue
			}
			if c.inlines == nil {
				c.inlines = map[*ssa.Call]*ssa.Function{}
			}
			c.inlines[call] = g
			known := false
			for _, f := range c.inlined {
				known = known || f == g
			}
			if !known {
				c.inlined = append(c.inlined, g)
			}
		}
	}
}

// bodies returns sf and the functions inlined into it.
func (c *compiler) bodies(sf *ssa.Function) []*ssa.Function {
	return append([]*ssa.Function{sf}, c.inlined...)
}

// inline compiles call as g's body.
func (c *compiler) inline(call *ssa.Call, g *ssa.Function) {
	if c.fields == nil {
		c.fields = map[ssa.Value][]int32{}
	}
	for i, p := range g.Params {
		a := call.Call.Args[i]
		c.slots[p] = c.reg(a)
		c.fields[p] = c.fields[a]
		if c.argOf == nil {
			c.argOf = map[ssa.Value]ssa.Value{}
		}
		c.argOf[p] = a
	}
	c.site, c.siteCallee = call, g
	defer func() { c.site, c.siteCallee = nil, nil }()
	c.emit(instr{op: opSafePoint})
	body := g.Blocks[0]
	ret := body.Instrs[len(body.Instrs)-1].(*ssa.Return)
	for _, in := range body.Instrs {
		if v, ok := in.(ssa.Value); ok {
			c.slots[v] = c.alloc(1)
		}
	}
	// A result the body makes for the Return alone is made in the call's
	// slot.
	dst := c.reg(call)
	for i, r := range ret.Results {
		if in, ok := r.(ssa.Instruction); ok && in.Block() == body && len(*r.Referrers()) == 1 && onlyOnce(ret.Results, r) {
			c.slots[r] = dst + int32(i)
		}
	}
	for _, in := range body.Instrs[:len(body.Instrs)-1] {
		c.instr(body, in)
	}
	for i, r := range ret.Results {
		if s := c.reg(r); s != dst+int32(i) {
			c.emit(instr{op: opMove, a: dst + int32(i), b: s})
		}
	}
	delete(c.fields, call)
	if len(ret.Results) == 1 && c.fields[ret.Results[0]] != nil {
		c.fields[call] = c.fields[ret.Results[0]]
	}
}

func onlyOnce(vs []ssa.Value, v ssa.Value) bool {
	n := 0
	for _, x := range vs {
		if x == v {
			n++
		}
	}
	return n == 1
}

// inlinable reports whether calls of g may be compiled as its body, and
// which of its parameters are pointers the body dereferences (a call
// site inlines g only where those arguments cannot be nil).
func inlinable(g *ssa.Function) (derefs []int, ok bool) {
	if len(g.Blocks) != 1 || g.Recover != nil || len(g.FreeVars) > 0 || g.TypeParams().Len() > 0 || isWrapper(g) || g.Name() == "init" {
		return nil, false
	}
	if nativeFor(nativeName(g), g) != nil {
		return nil, false // bound to a native: its body is not what runs
	}
	if noinline(g) {
		return nil, false
	}
	instrs := g.Blocks[0].Instrs
	if _, ok := instrs[len(instrs)-1].(*ssa.Return); !ok {
		return nil, false
	}
	// base reports whether dereferencing p cannot fail, noting the
	// parameter whose argument must not be nil.
	base := func(p ssa.Value) bool {
		switch p := p.(type) {
		case *ssa.Alloc, *ssa.Global, *ssa.FieldAddr:
			// (A FieldAddr's own base is checked at the FieldAddr.)
			return true
		case *ssa.Parameter:
			for i, q := range g.Params {
				if q == p {
					derefs = append(derefs, i)
					return true
				}
			}
		}
		return false
	}
	// What compiles to no instruction: a read-only spill's Alloc and
	// Store, a register literal's Alloc, FieldAddrs and Stores (their
	// loads are compiled as reads of the parameter, and as Literal).
	free := map[ssa.Instruction]bool{}
	for _, in := range instrs {
		a, ok := in.(*ssa.Alloc)
		if !ok {
			continue
		}
		if _, ok := readOnlySpill(a); ok {
			free[a] = true
			for _, r := range *a.Referrers() {
				if _, ok := r.(*ssa.Store); ok {
					free[r] = true
				}
			}
		} else if !a.Heap && registerLiteral(a) != nil {
			free[a] = true
			for _, r := range *a.Referrers() {
				if addr, ok := r.(ssa.Value); ok && r != ssa.Instruction(a) {
					if _, load := r.(*ssa.UnOp); !load {
						free[r] = true
						for _, rr := range *addr.Referrers() {
							free[rr] = true
						}
					}
				}
			}
		}
	}
	n := 0
	for _, in := range instrs[:len(instrs)-1] {
		if _, ok := in.(*ssa.DebugRef); ok {
			continue
		}
		if !free[in] {
			if n++; n > maxInlineInstrs {
				return nil, false
			}
		}
		switch in := in.(type) {
		case *ssa.BinOp:
			if !safeBinOp(in) {
				return nil, false
			}
		case *ssa.UnOp:
			switch in.Op {
			case token.NOT, token.SUB, token.XOR:
			case token.MUL:
				if _, ok := in.Type().Underlying().(*types.Array); ok || !base(in.X) {
					return nil, false // (len(*p) of an array: syntax.go)
				}
			default:
				return nil, false
			}
		case *ssa.Convert:
			if !plainBasic(in.X.Type()) || !plainBasic(in.Type()) {
				return nil, false
			}
		case *ssa.FieldAddr:
			if !base(in.X) {
				return nil, false
			}
		case *ssa.Store:
			if !base(in.Addr) {
				return nil, false
			}
		case *ssa.ChangeType, *ssa.Field, *ssa.Alloc, *ssa.MakeInterface:
		default:
			return nil, false
		}
	}
	return derefs, true
}

// noinline reports whether g's declaration says //go:noinline (gc's
// pragma, which tests of the runtime's behaviour at calls rely on).
func noinline(g *ssa.Function) bool {
	decl, ok := g.Syntax().(*ast.FuncDecl)
	if !ok || decl.Doc == nil {
		return false
	}
	for _, c := range decl.Doc.List {
		if strings.HasPrefix(c.Text, "//go:noinline") {
			return true
		}
	}
	return false
}

// safeBinOp reports whether op cannot panic: an integer division by a
// non-zero constant, a shift by an unsigned or constant non-negative
// count, a comparison of values whose == cannot panic.
func safeBinOp(op *ssa.BinOp) bool {
	switch op.Op {
	case token.QUO, token.REM:
		if isInteger(op.Type()) {
			k, ok := op.Y.(*ssa.Const)
			return ok && k.Value != nil && k.Int64() != 0
		}
	case token.SHL, token.SHR:
		if isSigned(op.Y.Type()) {
			k, ok := op.Y.(*ssa.Const)
			return ok && k.Value != nil && k.Int64() >= 0
		}
	case token.EQL, token.NEQ:
		switch u := op.X.Type().Underlying().(type) {
		case *types.Basic:
			return u.Kind() != types.UnsafePointer
		case *types.Pointer, *types.Chan:
			return true
		}
		return false
	}
	return true
}

// plainBasic reports whether t is a basic type other than unsafe.Pointer
// (whose conversions are reinterpretations: view.go).
func plainBasic(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() != types.UnsafePointer && b.Kind() != types.UntypedNil
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func isSigned(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0 && b.Info()&types.IsUnsigned == 0
}

// nonNil reports whether v, a call's argument, cannot be a nil pointer:
// the address of a variable, a field or an element (a nil base panicked
// before it was made).
func nonNil(v ssa.Value) bool {
	switch v.(type) {
	case *ssa.Alloc, *ssa.Global, *ssa.FieldAddr, *ssa.IndexAddr:
		return true
	}
	return false
}

// field compiles v, field i of the struct value x (a Field, or a read of
// a read-only spill's field). When the slot of that field's value is known
// (x is a register literal, literal.go — or a parameter or result of an
// inlined call that is one), v is that slot if v is used only in its own
// block and the slot is no phi's, else a Move of it. (A phi's slot is
// written again on the loop's edge, and by the value coalesced with the
// phi before that: `a, b = P{b, a}.x, P{b, a}.y` aliased b's and a's
// slots, and the edge's moves read a slot already written.) A literal whose every use is such a read is
// never made (unused): the scalar replacement of a small struct passed
// to, made by and returned from inlined methods (`p.vel.add(a.scale(dt))`
// makes one vec, not three). A struct or array field stays a Field (a
// literal makes a field never stored zero itself).
func (c *compiler) field(v, x ssa.Value, i int) {
	if fs := c.fields[x]; fs != nil && fs[i] >= 0 {
		local := true
		for _, r := range *v.Referrers() {
			local = local && r.Block() == v.(ssa.Instruction).Block()
		}
		if local && !c.phiSlots[fs[i]] {
			c.slots[v] = fs[i]
		} else {
			c.emit(instr{op: opMove, a: c.reg(v), b: fs[i]})
		}
		return
	}
	c.emit(instr{op: opField, a: c.reg(v), b: c.reg(x), c: int32(i)})
	c.lastField = v
}

// literalFields records the slots of lit's scalar fields' values (-1 for
// a struct or array field) as the fields of its load.
func (c *compiler) literalFields(load *ssa.UnOp, lit *literal) {
	fs := make([]int32, len(lit.vals))
	for i, v := range lit.vals {
		fs[i] = -1
		if !isDeep(fieldTypeOf(load.Type(), i)) {
			fs[i] = c.reg(v)
		}
	}
	if c.fields == nil {
		c.fields = map[ssa.Value][]int32{}
	}
	c.fields[load] = fs
}

// fieldTypeOf returns the type of field (or element) i of aggregate t.
func fieldTypeOf(t types.Type, i int) types.Type {
	switch u := t.Underlying().(type) {
	case *types.Struct:
		return u.Field(i).Type()
	case *types.Array:
		return u.Elem()
	}
	return t
}

// onlyFields reports whether every use of v reads a scalar field of it
// whose value field knows: a Field, a read of its read-only spill, the
// same of the parameter of an inlined call it is an argument of, or of
// the value of the inlined call compiled now, which v is the result of.
// The uses of a value an instruction makes must be in its block (and so
// compiled after it: the blocks of a function are not compiled in an
// order that dominance would give).
func (c *compiler) onlyFields(v ssa.Value) bool {
	for _, r := range *v.Referrers() {
		if in, ok := v.(ssa.Instruction); ok && r.Block() != in.Block() {
			if _, ok := r.(*ssa.DebugRef); !ok {
				return false
			}
		}
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Field:
			if isDeep(r.Type()) {
				return false
			}
		case *ssa.Store:
			if r.Val != v {
				return false
			}
			a, ok := r.Addr.(*ssa.Alloc)
			if !ok || c.spills[a] == nil {
				if !scalarStruct(v.Type()) || c.literalPart(r) || c.fusedAddr(r.Addr) {
					return false
				}
				continue // stored a field at a time (storeFields)
			}
			if c.spills[a] != v || !spillReadsScalars(a) {
				return false
			}
			switch v := v.(type) {
			case *ssa.Parameter:
			case *ssa.Call: // (a flat call's: its slots are its own)
				if c.inlines[v] != nil {
					return false
				}
			default:
				return false // a variable's value is read from its own slot (spillDirect)
			}
		case *ssa.Call:
			g := c.inlines[r]
			if g == nil {
				return false
			}
			for i, a := range r.Call.Args {
				if a == v && !c.onlyFields(g.Params[i]) {
					return false
				}
			}
		case *ssa.Return:
			if c.returnsFields(r) {
				continue // the function's own Return: a ReturnLit (flat.go)
			}
			if c.site == nil || r.Parent() != c.siteCallee || len(r.Results) != 1 || !c.onlyFields(c.site) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// scalarStruct reports whether t is a struct whose fields are all scalar
// (none a struct or array).
func scalarStruct(t types.Type) bool {
	st, ok := t.Underlying().(*types.Struct)
	if !ok || st.NumFields() == 0 {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if isDeep(st.Field(i).Type()) {
			return false
		}
	}
	return true
}

// storeFields compiles the store of a struct whose fields' values field
// knows as a StoreField of each: no value of the whole is made.
func (c *compiler) storeFields(st *ssa.Store) bool {
	fs := c.fields[st.Val]
	if fs == nil || !scalarStruct(st.Val.Type()) {
		return false
	}
	s := st.Val.Type().Underlying().(*types.Struct)
	vars := make([]*types.Var, s.NumFields())
	for i := range vars {
		vars[i] = s.Field(i)
	}
	offs := c.m.sizes.Offsetsof(vars)
	for i, f := range fs {
		c.storeFieldOf(st.Addr, i, f, offs[i])
	}
	return true
}

// borrowLoads turns into plain loads the deep loads (LoadDeep: a copy of
// a struct or array) whose copy nothing can tell from the memory it was
// read from: read only by Fields of scalar fields (alone or fused with an
// operator: fieldArith), in the load's basic
// block, with nothing between the load and its last read that writes
// memory, calls or blocks — the inlined methods' receivers (`p.pos.add(v)`
// reads p.pos's three fields). The register then shares the memory's
// []Value for those reads, as borrow.go's callee does for a call.
func (f *Func) borrowLoads() {
	code := f.code
	reads := map[int32][]int{}
	for pc := range code {
		if code[pc].op == opLoadDeep {
			reads[code[pc].a] = nil
		}
	}
	if len(reads) == 0 {
		return
	}
	for pc := range code {
		slotUses(&code[pc], func(s int32) {
			if rs, ok := reads[s]; ok {
				reads[s] = append(rs, pc)
			}
		})
	}
	leader := f.leaders()
	for pc := range code {
		ld := &code[pc]
		if ld.op != opLoadDeep || ld.t.Kind != KStruct || len(reads[ld.a]) == 0 {
			continue
		}
		ok := true
		last := pc
		for _, r := range reads[ld.a] {
			in := &code[r]
			field := in.op == opField || in.op >= opFieldAddF && in.op <= opFieldMulF && in.d != ld.a
			ok = ok && r > pc && field && in.b == ld.a && !ld.t.Fields[in.c].isDeep()
			last = max(last, r)
		}
		for q := pc + 1; ok && q <= last; q++ {
			ok = !leader[q] && readOnlyOp(code[q].op)
		}
		if ok {
			ld.op, ld.t = opLoad, nil
		}
	}
}

// readOnlyOp reports whether o writes no memory, calls nothing and cannot
// block.
func readOnlyOp(o op) bool {
	switch {
	case o > opNop && o <= opNeqNK, o >= opAdd && o <= opCvtFI:
		return true
	}
	switch o {
	case opConst, opMove, opLiteral, opLoad, opLoadDeep, opLoadField, opLoadIndex,
		opFieldAddr, opField, opIndexAddr, opIndex, opNeg, opNot, opCompl, opLen,
		opFieldAddF, opFieldSubF, opFieldRSubF, opFieldMulF:
		return true
	case opSafePoint:
		// Another goroutine may run there, but a write of its to the
		// memory read is a data race (no synchronisation of this
		// goroutine's comes between): gc keeps fields loaded in registers
		// across its preemption points too.
		return true
	}
	return false
}
