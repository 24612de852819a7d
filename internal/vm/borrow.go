package vm

// Borrowed struct arguments: when a struct or array loaded from memory
// need not be copied.
//
// A load of a struct or array copies it (opLoadDeep), so that the register
// keeps the value it read even if the memory changes later. A value-receiver
// method call on an addressable variable, c.get(), loads the receiver only
// to pass it: the copy (an allocation) is most of the call's cost. The copy
// is not needed when nothing can write the memory while the loaded value is
// in use and the value cannot outlive that: the load's only use is an
// argument of a static call that follows it with nothing in between that
// writes memory, blocks or calls, and the callee only reads scalar fields
// of that parameter (directly or through a read-only spill: see
// readOnlySpill) and itself writes no memory, calls nothing and cannot
// block. Such a load is an ordinary load: the callee borrows the caller's
// memory for the duration of a call that cannot change it. (Another
// goroutine writing it at the same time is a data race, whose outcome Go
// does not define.)

import (
	"go/token"
	"go/types"
	"math/bits"
	"slices"

	"github.com/goro-dev/goro/internal/rt"
	"golang.org/x/tools/go/ssa"
)

// readOnlySpill reports whether a is a variable stored once and then only
// read, so that its reads can read the value stored instead: go/ssa spills
// a value receiver or parameter whose fields are selected (t0 = local T
// (c); *t0 = c; t1 = &t0.f; t2 = *t1), and a local struct variable whose
// fields are read (q := m.step(); q.x + q.y) is memory too. When a is
// stored whole once, by a Store after it in its block, loaded from (whole,
// or a field at a time) only where that Store dominates, and used no other
// way, nothing can write the memory between the store and a load — the
// Store follows the Alloc in one block, and every path to a load from a
// new execution of the stored value's instruction passes the Store again
// (the value's definition dominates the Store, which dominates the load) —
// so every load reads what the register holds. It returns the value
// stored.
func readOnlySpill(a *ssa.Alloc) (ssa.Value, bool) {
	if a.Heap || a.Block() == nil {
		return nil, false
	}
	var store *ssa.Store
	var loads []*ssa.UnOp
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != a || store != nil || r.Block() != a.Block() {
				return nil, false
			}
			store = r
		case *ssa.FieldAddr:
			for _, rr := range *r.Referrers() {
				ld, ok := rr.(*ssa.UnOp)
				if !ok || ld.Op != token.MUL {
					return nil, false
				}
				loads = append(loads, ld)
			}
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil, false
			}
			loads = append(loads, r)
		case *ssa.DebugRef:
		default:
			return nil, false
		}
	}
	if store == nil {
		return nil, false
	}
	// The Alloc comes before the Store and no load between them (a scan of
	// the block up to the Store: go/ssa emits the Alloc just before), and
	// the Store's block dominates the other loads'.
	alloc := false
	for _, in := range a.Block().Instrs {
		if in == ssa.Instruction(store) {
			break
		}
		alloc = alloc || in == ssa.Instruction(a)
		if ld, ok := in.(*ssa.UnOp); ok && slices.Contains(loads, ld) {
			return nil, false
		}
	}
	if !alloc {
		return nil, false
	}
	for _, ld := range loads {
		if ld.Block() == a.Parent().Recover {
			return nil, false // reached by a panic from anywhere, the Store's block too
		}
		if ld.Block() != store.Block() && !store.Block().Dominates(ld.Block()) {
			return nil, false
		}
	}
	return store.Val, true
}

// spillDirect reports whether the loads of a read-only spill of v read v's
// slots: a parameter's, or a flat call's fields' (flat.go) — slots no
// other value is ever made in. Any other value's slot may be a phi's,
// written again on a loop's edges before a later load of the variable
// (coalescePhis), so it is moved to the variable's own slot at the store.
func (c *compiler) spillDirect(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Parameter:
		return true
	case *ssa.Call:
		return c.flat[v] > 0
	}
	return false
}

// findSpills records the read-only spills of sf (c's function or a
// function inlined into it).
func (c *compiler) findSpills(sf *ssa.Function) {
	for _, b := range sf.Blocks {
		for _, in := range b.Instrs {
			a, ok := in.(*ssa.Alloc)
			if !ok {
				continue
			}
			v, ok := readOnlySpill(a)
			if !ok {
				continue
			}
			if c.spills == nil {
				c.spills = map[ssa.Value]ssa.Value{}
			}
			c.spills[a] = v
			for _, r := range *a.Referrers() {
				if fa, ok := r.(*ssa.FieldAddr); ok {
					c.spills[fa] = v
				}
			}
		}
	}
}

// maxBorrowCallee bounds the size of the callees analysed: the small
// getters this is for, at a bounded cost to compiling.
const maxBorrowCallee = 64

// borrowable reports whether the deep load ld can skip its copy.
func borrowable(ld *ssa.UnOp) bool {
	refs := ld.Referrers()
	if refs == nil || len(*refs) != 1 {
		return false
	}
	call, ok := (*refs)[0].(*ssa.Call)
	if !ok || call.Block() != ld.Block() {
		return false
	}
	cc := call.Common()
	callee, ok := cc.Value.(*ssa.Function)
	if !ok || cc.IsInvoke() {
		return false
	}
	param := -1
	for i, a := range cc.Args {
		if a == ld {
			if param >= 0 {
				return false // passed twice
			}
			param = i
		}
	}
	if param < 0 || param >= len(callee.Params) {
		return false
	}
	// Nothing between the load and the call may write memory or let
	// another goroutine run.
	instrs := ld.Block().Instrs
	i := 0
	for instrs[i] != ld {
		i++
	}
	for _, in := range instrs[i+1:] {
		if in == call {
			break
		}
		if !pureInstr(in) {
			return false
		}
	}
	return readsOnly(callee, param)
}

// readsOnly reports whether fn writes no memory, calls nothing, cannot
// block, and uses parameter i only to read scalar fields (directly, or
// through a read-only spill).
func readsOnly(fn *ssa.Function, i int) bool {
	if i >= len(fn.Params) || !writesNothing(fn) {
		return false
	}
	return readsScalars(fn.Params[i])
}

// writesNothing reports whether fn writes no memory, calls nothing and
// cannot block (a read-only spill's store writes nothing: it is never
// made).
func writesNothing(fn *ssa.Function) bool {
	if len(fn.Blocks) == 0 || fn.Recover != nil {
		return false
	}
	if registeredNative(fn) {
		return false // natives may treat their arguments as their own
	}
	n := 0
	for _, b := range fn.Blocks {
		n += len(b.Instrs)
	}
	if n > maxBorrowCallee {
		return false
	}
	// Read-only spills are reads of their parameters, not memory.
	spill := map[ssa.Instruction]ssa.Value{}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if a, ok := in.(*ssa.Alloc); ok {
				if v, ok := readOnlySpill(a); ok {
					spill[a] = v
					for _, r := range *a.Referrers() {
						spill[r] = v
					}
				}
			}
		}
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in.(type) {
			case *ssa.Return, *ssa.Jump, *ssa.If, *ssa.Panic, *ssa.Phi:
				continue
			}
			if spill[in] == nil && !pureInstr(in) {
				return false
			}
		}
	}
	return true
}

// readsScalars reports whether parameter p is used only to read scalar
// fields (directly, or through its read-only spill).
func readsScalars(p *ssa.Parameter) bool {
	for _, r := range *p.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Field:
			if isDeep(r.Type()) {
				return false // a part that would alias the caller's memory
			}
		case *ssa.Store:
			// The spill of p: its loads must read scalar fields only.
			a, ok := r.Addr.(*ssa.Alloc)
			if !ok {
				return false
			}
			if v, ok := readOnlySpill(a); !ok || v != p || !spillReadsScalars(a) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// spillReadsScalars reports whether the read-only spill at addr is read
// only a scalar field at a time (never loaded whole, no field of struct or
// array type).
func spillReadsScalars(addr ssa.Value) bool {
	for _, ar := range *addr.Referrers() {
		switch ar := ar.(type) {
		case *ssa.Store, *ssa.DebugRef:
		case *ssa.FieldAddr:
			for _, ld := range *ar.Referrers() {
				if isDeep(ld.(*ssa.UnOp).Type()) {
					return false
				}
			}
		default:
			return false // the whole value, loaded
		}
	}
	return true
}

func isDeep(T types.Type) bool {
	switch T.Underlying().(type) {
	case *types.Struct, *types.Array:
		return true
	}
	return false
}

// pureInstr reports whether in neither writes memory nor calls, blocks or
// allocates memory another instruction could write through.
func pureInstr(in ssa.Instruction) bool {
	switch in := in.(type) {
	case *ssa.DebugRef, *ssa.BinOp, *ssa.Field, *ssa.FieldAddr, *ssa.Index, *ssa.IndexAddr,
		*ssa.Convert, *ssa.ChangeType, *ssa.ChangeInterface, *ssa.Extract, *ssa.MakeInterface,
		*ssa.Slice, *ssa.Lookup, *ssa.TypeAssert:
		return true
	case *ssa.UnOp:
		return in.Op != token.ARROW
	}
	return false
}

// Lent arguments: borrowing decided at the call.
//
// borrowable needs a static callee that reads only; an interface method,
// a closure or a callee that calls on is known only when the call runs.
// So each function says which of its struct parameters it can borrow
// (Func.borrows, from lentParam): it uses the parameter only to read
// scalar fields, to pass it to calls or to inlined callees that read
// only, all in its entry block before anything that may write memory,
// call or block (a call that takes the parameter may be that first one:
// arguments are taken when it starts). A load whose one use is an argument
// of a call, with nothing in between that may write memory (lendable), is
// then an ordinary load, and the argument is lent (callInfo.lent): when
// the call runs, the arguments the callee does not borrow are copied then
// (copyLent) — a native callee never borrows. A parameter a function
// borrows is lent in turn to the calls it is passed to: the memory it
// shows is unchanged until the first of them starts.

// lentParam reports whether fn can borrow its struct parameter p
// (lentParam's rule above).
func (c *compiler) lentParam(fn *ssa.Function, p *ssa.Parameter) bool {
	if _, ok := p.Type().Underlying().(*types.Struct); !ok || len(fn.Blocks) == 0 {
		return false
	}
	uses := map[ssa.Instruction]bool{}
	for _, r := range *p.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
			continue
		case *ssa.Field:
			if isDeep(r.Type()) {
				return false // a part that would alias the caller's memory
			}
		case *ssa.Store:
			a, ok := r.Addr.(*ssa.Alloc)
			if !ok || c.spills[a] != ssa.Value(p) || !spillReadsScalars(a) {
				return false
			}
			for _, ar := range *a.Referrers() {
				if fa, ok := ar.(*ssa.FieldAddr); ok {
					for _, ld := range *fa.Referrers() {
						uses[ld] = true
					}
				}
			}
		case *ssa.Call:
			if r.Call.Value == ssa.Value(p) {
				return false
			}
			if g := c.inlines[r]; g != nil {
				for i, a := range r.Call.Args {
					if a == ssa.Value(p) && (!c.inlinedWritesNothing(g) || !readsScalars(g.Params[i])) {
						return false
					}
				}
			} else if _, ok := r.Call.Value.(*ssa.Builtin); ok {
				return false
			}
		default:
			return false
		}
		uses[r] = true
	}
	left := len(uses)
	for _, in := range fn.Blocks[0].Instrs {
		if left == 0 {
			return true
		}
		if uses[in] {
			left--
		}
		if !c.lendsThrough(in) {
			return left == 0 // (a use that is a call: its arguments are taken first)
		}
	}
	return left == 0
}

// lendsThrough reports whether memory lent is unchanged across in: it
// neither writes memory nor calls, blocks or allocates memory another
// instruction could write through, once compiled (a read-only spill's or
// a register literal's Alloc and Stores are never made; an inlined
// callee that writes nothing).
func (c *compiler) lendsThrough(in ssa.Instruction) bool {
	switch in := in.(type) {
	case *ssa.Alloc:
		return c.spills[in] != nil || c.literals[in] != nil
	case *ssa.Store:
		return c.spills[in.Addr] != nil || c.literalPart(in)
	case *ssa.Call:
		g := c.inlines[in]
		return g != nil && c.inlinedWritesNothing(g)
	}
	return pureInstr(in)
}

// inlinedWritesNothing reports whether g, a callee inlined (one block,
// no calls), writes no memory once compiled.
func (c *compiler) inlinedWritesNothing(g *ssa.Function) bool {
	for _, in := range g.Blocks[0].Instrs {
		switch in.(type) {
		case *ssa.Return:
			continue
		}
		if !c.lendsThrough(in) {
			return false
		}
	}
	return true
}

// findLends records which of the function's struct parameters it borrows
// (Func.borrows, and c.lends for the calls it lends them to).
func (c *compiler) findLends(sf *ssa.Function) {
	for i, p := range sf.Params {
		if i < 64 && c.lentParam(sf, p) {
			c.f.borrows |= 1 << i
			if c.lends == nil {
				c.lends = map[ssa.Value]bool{}
			}
			c.lends[p] = true
		}
	}
}

// lendable reports whether struct load ld need not copy: its one use is
// an argument of a call that is not inlined, in its block, with nothing
// in between that may write memory (the call lends it: copyLent).
func (c *compiler) lendable(ld *ssa.UnOp) bool {
	if _, ok := ld.Type().Underlying().(*types.Struct); !ok {
		return false
	}
	refs := *ld.Referrers()
	if len(refs) != 1 {
		return false
	}
	call, ok := refs[0].(*ssa.Call)
	if !ok || call.Block() != ld.Block() || c.inlines[call] != nil || call.Call.Value == ssa.Value(ld) {
		return false
	}
	switch fn := call.Call.Value.(type) {
	case *ssa.Builtin:
		return false
	case *ssa.Function:
		if len(fn.Blocks) == 0 || registeredNative(fn) {
			// A native would copy it anyway — and one that parks runs
			// its call again, after other goroutines may have written
			// the memory: it gets the copy made at the load.
			return false
		}
	}
	n := 0
	for _, a := range call.Call.Args {
		if a == ssa.Value(ld) {
			n++
		}
	}
	if n != 1 {
		return false
	}
	instrs := ld.Block().Instrs
	i := 0
	for instrs[i] != ssa.Instruction(ld) {
		i++
	}
	for _, in := range instrs[i+1:] {
		if in == ssa.Instruction(call) {
			return true
		}
		if !c.lendsThrough(in) {
			return false
		}
	}
	return false
}

// lendArgs marks the arguments of call ci that are lent: loads lendable
// made without a copy, and parameters the function borrows. Their bits
// and types are in the callee's numbering of parameters (an interface
// method's receiver is its first).
func (c *compiler) lendArgs(ci *callInfo, cc *ssa.CallCommon) {
	first := 0
	if cc.IsInvoke() {
		first = 1
	}
	for j, a := range cc.Args {
		k := first + j
		if !c.lends[a] || k >= 64 {
			continue
		}
		if ci.lentT == nil {
			ci.lentT = make([]*Type, first+len(cc.Args))
		}
		ci.lent |= 1 << k
		ci.lentT[k] = c.typ(a.Type())
	}
}

// registeredNative reports whether fn is bound to a native.
func registeredNative(fn *ssa.Function) bool {
	nativesMu.Lock()
	defer nativesMu.Unlock()
	return natives[nativeName(fn)] != nil
}

// copyLent copies the parameters need names (lent to a callee that does
// not borrow them) in params, the callee's.
func copyLent(params []rt.Value, lentT []*Type, need uint64) {
	for need != 0 {
		k := bits.TrailingZeros64(need)
		need &^= 1 << k
		params[k] = copyDeep(lentT[k], params[k])
	}
}
