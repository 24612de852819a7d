package vm

// Flat struct results: a small struct returned as its fields.
//
// gc returns a struct of a few words in registers: `func (a vec) add(b
// vec) vec` makes nothing on the heap. goro's struct value is one host
// allocation (newAggregate), so a method returning a vec through an
// interface call — which no inlining can see through — made one per call:
// a quarter of bench/programs/particles' time was spent in those
// allocations and the host collector behind them.
//
// A call is flat (findFlatCalls) when its one result is a struct of flat
// scalar fields (scalarStruct, at most maxFlat) that the caller only ever
// reads a field at a time (onlyFields: Field, a store of the whole as
// StoreFields, an inlined callee's parameter read so). It gets the
// struct's fields' slots, as a tuple's, and its callInfo.flat says how
// many; its Fields read those slots (compiler.field). The frame it lays
// down carries flagFlat: the callee's return writes the fields to the
// caller's slots. The callee is compiled without knowing its callers, so
// the convention is settled at each return, by the returning frame:
//
//   - ReturnLit (returnLit), a struct literal returned: to a flat call,
//     its fields' values are written one by one and no struct is made; to
//     any other call the struct is made as Literal makes it.
//   - Return of any other struct value (a loaded one, another call's):
//     to a flat call, its words are copied out (spread).
//   - A native callee (an interface method bound natively, a method value
//     continued as a call, a CallThen continuation): its result struct is
//     spread into the call's slots when it returns.
//
// So a flat call costs what a call returning k words costs, and neither
// the caller nor the callee decides anything about the other at compile
// time; an interface call whose target is any function at all stays
// correct.

import (
	"go/types"

	"github.com/goro-dev/goro/internal/rt"
	"golang.org/x/tools/go/ssa"
)

// maxFlat is the most fields a flat call's struct may have (each a slot
// of the caller's frame for the whole function).
const maxFlat = 8

// findFlatCalls finds fn's calls whose struct result is returned flat,
// before slots are given (the slot allocation gives each its fields'
// slots).
func (c *compiler) findFlatCalls(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok || c.inlines[call] != nil {
				continue
			}
			if _, ok := call.Call.Value.(*ssa.Builtin); ok {
				continue
			}
			if _, ok := c.slots[call]; ok {
				continue // a constant (syntax.go)
			}
			st, ok := call.Type().Underlying().(*types.Struct)
			if !ok || st.NumFields() > maxFlat || !scalarStruct(st) || !c.onlyFields(call) {
				continue
			}
			if c.flat == nil {
				c.flat = map[*ssa.Call]int32{}
			}
			c.flat[call] = int32(st.NumFields())
		}
	}
}

// flatSlots gives flat call v its fields' slots, consecutive (a tuple's).
func (c *compiler) flatSlots(v *ssa.Call, n int32) {
	base := c.alloc(n)
	c.slots[v] = base
	fs := make([]int32, n)
	for i := range fs {
		fs[i] = base + int32(i)
	}
	if c.fields == nil {
		c.fields = map[ssa.Value][]int32{}
	}
	c.fields[v] = fs
}

// returnsFields reports whether ret, a Return of the function compiled
// (not of a function inlined in it), may return its one result, a
// scalarStruct, from its fields' slots (ReturnLit): its value need not be
// made for it.
func (c *compiler) returnsFields(ret *ssa.Return) bool {
	return ret.Parent() == c.f.ssa && len(ret.Results) == 1 && !c.lostDefers && scalarStruct(ret.Results[0].Type())
}

// returnLit compiles Return ret as a ReturnLit when its result's fields'
// slots are known (compiler.field): a register literal, a flat call's
// result, an inlined call's that is one of these.
func (c *compiler) returnLit(ret *ssa.Return) bool {
	if !c.returnsFields(ret) {
		return false
	}
	v := ret.Results[0]
	fs := c.fields[v]
	if fs == nil {
		return false
	}
	if in, ok := v.(ssa.Instruction); ok && in.Block() != ret.Block() {
		// Fields' slots read in a later block may be phis', written
		// again since: only a flat call's are its own.
		if call, ok := v.(*ssa.Call); !ok || c.flat[call] == 0 {
			return false
		}
	}
	for _, s := range fs {
		if s < 0 {
			return false
		}
	}
	c.emit(instr{op: opReturnLit, t: c.typ(ret.Results[0].Type()), x: fs})
	return true
}

// spread writes the n fields of struct value v to dst, a flat call's
// result slots.
func spread(dst []rt.Value, v rt.Value, n int) {
	ws, _ := v.R.([]rt.Value)
	if ws == nil {
		clear(dst[:n]) // (no struct value is nil; the zero of every flat field is the zero Value)
		return
	}
	copy(dst[:n], ws[:n])
}

// flatWords returns the number of fields flat call the frame is suspended
// at takes its result as (0: it is not flat).
func flatWords(fr *rt.Frame) int {
	f := fr.Fn.(*Func)
	return int(f.code[fr.PC].call().flat)
}
