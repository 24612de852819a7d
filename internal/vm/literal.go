package vm

// Composite literals built in a register.
//
// go/ssa builds a struct or array value through memory: `return vec{a.x +
// b.x, a.y + b.y}` is a local Alloc, a FieldAddr and a Store per field,
// and a Load of the whole. Compiled as written that is three host
// allocations for the variable (its cell, its []Value, the slice's
// interface box) and two more for the copy the Load makes, where the value
// needs one []Value. When the variable's address never escapes those
// instructions — every use of the Alloc is a FieldAddr (an IndexAddr with
// a constant index, for an array) used only as a Store's address, or the
// one Load of the whole value, all in the Alloc's block, with every Store
// before the Load — nothing can observe the memory: the Load's value is
// known field by field when the code is compiled (each field's last
// stored value, or its zero). The compiler then emits no Alloc, FieldAddr
// or Store, and the Load becomes opLiteral, which makes the []Value from
// those values' slots (or constants) in one step; a struct or array field
// never stored is made zero when the literal is (a constant would be
// shared by every literal, and as big as the field). Registers are never
// written in place (SSA values are immutable; aggregates are copied when
// they enter memory: storeDeep, and reflect's copied), so a field that is
// itself a struct is shared with the register it came from, as a Load of
// a register would.
//
// This is the scalar replacement of gc's escape analysis in its simplest
// form: the aggregate is never in memory at all. A variable read field
// by field (v.x after v.x = 1), or across blocks, stays in memory.

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// maxLiteralFields bounds the aggregates built in registers: a larger
// array literal names few of its elements, and its zero is better made
// by Type.Zero than slot by slot.
const maxLiteralFields = 64

// literal is an Alloc built in a register: the Load of its whole value
// and, for each field or element, the value it holds there.
type literal struct {
	load *ssa.UnOp
	vals []ssa.Value
}

// findLiterals records the Allocs of sf (c's function or a function
// inlined into it) that are built in registers, and the zero constants
// their unstored fields read.
func (c *compiler) findLiterals(sf *ssa.Function) {
	for _, b := range sf.Blocks {
		for _, in := range b.Instrs {
			a, ok := in.(*ssa.Alloc)
			if !ok || a.Heap || c.spills[a] != nil {
				continue
			}
			lit := registerLiteral(a)
			if lit == nil {
				continue
			}
			if c.literals == nil {
				c.literals = map[ssa.Value]*literal{}
			}
			c.literals[a] = lit
			c.literals[lit.load] = lit
		}
	}
}

// registerLiteral returns a's literal, or nil when a must be a variable
// in memory.
func registerLiteral(a *ssa.Alloc) *literal {
	elem := a.Type().(*types.Pointer).Elem()
	n := 0
	var fieldType func(i int) types.Type
	switch u := elem.Underlying().(type) {
	case *types.Struct:
		n = u.NumFields()
		fieldType = func(i int) types.Type { return u.Field(i).Type() }
	case *types.Array:
		if u.Len() > maxLiteralFields {
			return nil
		}
		n = int(u.Len())
		fieldType = func(int) types.Type { return u.Elem() }
	default:
		return nil
	}
	if n == 0 || n > maxLiteralFields {
		return nil
	}
	// Every use: a field's address that is only stored to, or a load of
	// the whole, all in a's block.
	fieldOf := map[ssa.Value]int{}
	var load *ssa.UnOp
	stores := 0
	for _, r := range *a.Referrers() {
		if r.Block() != a.Block() {
			return nil
		}
		var addr ssa.Value
		switch r := r.(type) {
		case *ssa.FieldAddr:
			fieldOf[r], addr = r.Field, r
		case *ssa.IndexAddr:
			k, ok := r.Index.(*ssa.Const)
			if !ok || r.X != a {
				return nil
			}
			i := k.Int64()
			if i < 0 || i >= int64(n) {
				return nil
			}
			fieldOf[r], addr = int(i), r
		case *ssa.UnOp:
			if r.Op != token.MUL || load != nil {
				return nil
			}
			load = r
			continue
		case *ssa.DebugRef:
			continue
		default:
			return nil
		}
		for _, rr := range *addr.Referrers() {
			switch rr := rr.(type) {
			case *ssa.Store:
				if rr.Addr != addr || rr.Block() != a.Block() {
					return nil
				}
				stores++
			case *ssa.DebugRef:
			default:
				return nil
			}
		}
	}
	if load == nil {
		return nil
	}
	// The stores, in order, up to the load: each field's value there.
	vals := make([]ssa.Value, n)
	for _, in := range a.Block().Instrs {
		if in == ssa.Instruction(load) {
			break
		}
		if st, ok := in.(*ssa.Store); ok {
			if i, ok := fieldOf[st.Addr]; ok {
				if !blankField(st.Addr) { // (blank fields stay zero)
					vals[i] = st.Val
				}
				stores--
			}
		}
	}
	if stores != 0 {
		return nil // a store after the load
	}
	for i, v := range vals {
		if v == nil {
			// A field never stored reads a zero constant; a struct or
			// array field, a zero int in its stead: literalOp makes its
			// zero fresh, so that no constant holds a big aggregate and
			// no two literals share one.
			t := fieldType(i)
			switch t.Underlying().(type) {
			case *types.Struct, *types.Array:
				t = types.Typ[types.Int]
			}
			vals[i] = ssa.NewConst(nil, t)
		}
	}
	return &literal{load: load, vals: vals}
}

// literalPart reports whether in is a FieldAddr, IndexAddr or Store of a
// literal: compiled to nothing.
func (c *compiler) literalPart(in ssa.Instruction) bool {
	if c.literals == nil {
		return false
	}
	switch in := in.(type) {
	case *ssa.FieldAddr:
		return c.literals[in.X] != nil
	case *ssa.IndexAddr:
		return c.literals[in.X] != nil
	case *ssa.Store:
		switch addr := in.Addr.(type) {
		case *ssa.FieldAddr:
			return c.literals[addr.X] != nil
		case *ssa.IndexAddr:
			return c.literals[addr.X] != nil
		}
	}
	return false
}
