// The instruction set. Operands a, b, c are frame slots unless noted; k is
// the operand kind, t a type.
package vm

import "sync/atomic"

type op uint8

const (
	opNop           op = iota
	opMove             // a = b
	opJump             // goto a (a preemption safe point when a jumps back)
	opIf               // if a { goto b } else { goto c }
	opReturn           // return x.([]int32)...
	opPanic            // panic(a)
	opRunDefers        // run this frame's deferred calls, then go on
	opAlloc            // a = new(t)
	opLoad             // a = *b
	opLoadDeep         // a = copy(*b) (struct, array)
	opStore            // *a = b
	opStoreDeep        // copy b into *a in place
	opFieldAddr        // a = &b.field[c]
	opField            // a = b.field[c]
	opIndexAddr        // a = &b[c] (k: slice or pointer to array)
	opIndex            // a = b[c] (array value)
	opSlice            // a = b[x[0]:x[1]:x[2]] (k: string, slice, pointer to array)
	opCall             // a.. = x.fn(args) (c: normal, go, defer)
	opCallClosure      // a.. = b(args)
	opCallInvoke       // a.. = b.x.method(args)
	opCallBuiltin      // a.. = x.builtin(args)
	opRecover          // a = recover()
	opMakeClosure      // a = closure of x.fn over x.args
	opMakeInterface    // a = interface{t, b}
	opConvert          // a = t(b), b of kind k
	opSliceToArrayPointer
	opTypeAssert  // a = b.(t); c: comma-ok
	opMakeSlice   // a = make(t, b, c)
	opMakeMap     // a = make(t, b) (b = -1: no hint)
	opMakeChan    // a = make(t, b)
	opLookup      // a = b[c] (map or string; x: comma-ok)
	opMapUpdate   // a[b] = c
	opRange       // a = range iterator over b
	opNext        // a.. = next(b)
	opSend        // a <- b
	opRecv        // a = <-b; c: comma-ok
	opSelect      // a.. = select x
	opNeg         // a = -b
	opNot         // a = !b
	opCompl       // a = ^b
	opUnsupported // report x as unsupported

	// Binary operators: a = b op c, of kind k.
	opAdd
	opSub
	opMul
	opQuo
	opRem
	opAnd
	opOr
	opXor
	opAndNot
	opShl // x: kind of c
	opShr
	opLss
	opLeq
	opGtr
	opGeq
	opEql // generic equality of type t
	opNeq
	opEqlN // equality of N (integers, bools)
	opNeqN
	// Fast paths. I: 64-bit integers (add, sub, mul, shl) or signed
	// integers of any width (comparisons); U: unsigned integers of any
	// width; N: bitwise operators on any integer kind (sign- or
	// zero-extended words stay so); F: float64.
	opAddI
	opSubI
	opMulI
	opLssI
	opLeqI
	opGtrI
	opGeqI
	opLssU
	opLeqU
	opGtrU
	opGeqU
	opAndN
	opOrN
	opXorN
	opAndNotN
	opShlI // d: the count's kind is signed (a negative count panics)
	opShrS // signed x of any width (arithmetic shift); d as opShlI
	opShrU // unsigned x of any width; d as opShlI
	opAddF
	opSubF
	opMulF
	opQuoF
	opLssF
	opLeqF
	opGtrF
	opGeqF

	// Compare-and-branch on int/int64: if a op b { goto d } else { goto c }.
	opIfLssI
	opIfLeqI
	opIfGtrI
	opIfGeqI
	opIfEqlI
	opIfNeqI
)

// instr is one VM instruction. Operands a, b, c are frame slots unless an
// op says otherwise; k is a value kind, t a type, x op-specific data.
type instr struct {
	op         op
	k          Kind
	a, b, c, d int32
	t          *Type
	x          any
}

// callInfo is the x of call instructions.
type callInfo struct {
	fn         *Func   // static callee (opCall)
	method     string  // opCallInvoke
	args       []int32 // argument slots
	builtin    string
	argTypes   []*Type // builtins: the static types of the arguments
	deferStack int32   // defer: slot of the ssa:deferstack() value, or -1
	// cache is an invoke's inline cache: the method found for the first
	// dynamic type seen here.
	cache atomic.Pointer[invokeCache]
}

type invokeCache struct {
	t  *Type
	fn *Func
}

// invokeTarget returns the method ci.method of dynamic type t, from the
// call site's cache when t is the type it first saw.
func (ci *callInfo) invokeTarget(t *Type) *Func {
	if c := ci.cache.Load(); c != nil && c.t == t {
		return c.fn
	}
	fn := t.method(ci.method)
	if fn != nil && ci.cache.Load() == nil {
		ci.cache.Store(&invokeCache{t, fn})
	}
	return fn
}

type selectInfo struct {
	chans []int32 // channel slots
	vals  []int32 // send value slots (-1 for receives)
	dirs  []int
	block bool
	elems []*Type // received element types (for zero values)
}

const (
	callNormal = 0
	callGo     = 1
	callDefer  = 2
)
