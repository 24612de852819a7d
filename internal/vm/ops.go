package vm

// The instruction set: the ops, the instruction (instr) and its data, and
// opTable — the contract between the compiler (compile.go), the executor
// (exec.go, slow.go), the compiled-program cache (cache.go) and the
// disassembler (disasm.go).
//
// An instruction is {op, k, a, b, c, d, t, x}. What each op reads from
// each field is written in ONE place, opTable below: for a, b, c and d an
// operand kind (a slot written or read, a jump target, an immediate), for
// k and t what the kind or type is of, and for x the Go type it holds
// (xKind). A field an op does not use is zero (nil): Func.checkCode
// checks every instruction against the table, and the compiler tests run
// it on every function they compile. Slots are frame slots; the constants
// an instruction reads as slots occupy a Func's lowest slots, the others
// are immediates (oImm) or read from its constant table (oConst, and
// Return's ^i): frame.go decides which.
// Comma-ok is always d (TypeAssert, Lookup, Recv): the op then also
// writes the bool to slot a+1.
//
// Adding an op (or changing one's operands):
//  1. ops.go: add the op to the const list (before opCount), and its row
//     to opTable: name, operands, k/t/x and a one-line description. If x
//     holds a Go type no op used before, add an xKind and an accessor on
//     instr, and teach xKind's users below (checkCode) about it.
//  2. compile.go: emit it (compiler.instr, or binop/unop/call/...), setting
//     only the fields its row declares; jump targets through jumpTo with a
//     field constant (fieldA...).
//  3. exec.go (Thread.run: hot ops, in the loop's switch) or slow.go
//     (Thread.slowOp: everything else, reached through the loop's
//     default): execute it, reading x only through instr's accessors.
//  4. cache.go: nothing for a new op whose x is of an existing xKind (the
//     cache encodes every field, and x by the op's xKind:
//     cacheWriter.instr and cacheProgram.instr); a new xKind needs a case
//     in both. Ops are written by number: a change of what is encoded,
//     or an op inserted before others (renumbering them), needs
//     cacheMagic bumped (entries are also keyed by goro's executable).
//  5. disasm.go: nothing for an op of existing operand kinds; a new
//     operand kind or xKind needs a case in disasm.instr or disasm.x.
//  6. compile_test.go: when the op is a fast path, a test that it is
//     emitted (the shape of code that selects it).
//
// TestOpTable checks that every op has a name and a description.

import (
	"fmt"
	"sync/atomic"
)

type op uint8

const (
	opNop op = iota
	// The fast paths below with an immediate operand (frame.go): c (b of
	// the compare-and-branch forms) is the constant itself, sign-extended
	// from 32 bits, not a slot. Each group in the order of the one it
	// mirrors (kForm adds offsets). They are numbered first for the
	// executor's sake: numbered last, the Go compiler spilled the
	// instruction pointer at every dispatch of Thread.run's switch
	// (objdump), and the CPU-bound benchmarks ran ~5% slower; numbered
	// first, they run as fast as before the immediates (fib, methods,
	// closures, spectralnorm: within the noise). (Since Thread.run's loop
	// carries pc alone, the numbering no longer decides its spills.)
	opAddIK
	opSubIK
	opMulIK
	opLssIK
	opLeqIK
	opGtrIK
	opGeqIK
	opLssUK
	opLeqUK
	opGtrUK
	opGeqUK
	opAndNK
	opOrNK
	opXorNK
	opAndNotNK
	opShlIK
	opShrSK
	opShrUK
	opEqlNK
	opNeqNK
	opIfLssIK
	opIfLeqIK
	opIfGtrIK
	opIfGeqIK
	opIfEqlIK
	opIfNeqIK
	// A constant read from the Func's constant table, not the frame.
	opConst

	opMove
	opJump
	opIf
	opReturn
	opPanic
	opRunDefers
	opAlloc
	opLiteral
	opLoad
	opLoadDeep
	opStore
	opStoreDeep
	opLoadField
	opStoreField
	opLoadIndex
	opStoreIndex
	opFieldAddr
	opField
	opIndexAddr
	opIndex
	opSlice
	opCall
	opCallClosure
	opCallInvoke
	opCallBuiltin
	opRecover
	opMakeClosure
	opMakeInterface
	opConvert
	opView
	opSliceToArrayPointer
	opTypeAssert
	opMakeSlice
	opMakeMap
	opMakeChan
	opLookup
	opMapUpdate
	opRange
	opNext
	opSend
	opRecv
	opSelect
	opNeg
	opNot
	opCompl
	opUnsupported
	opPanicRange

	// Binary operators of any kind (the generic arith, shift and equal).
	opAdd
	opSub
	opMul
	opQuo
	opRem
	opAnd
	opOr
	opXor
	opAndNot
	opShl
	opShr
	opLss
	opLeq
	opGtr
	opGeq
	opEql
	opNeq
	opEqlN
	opNeqN

	// Fast paths of binary operators, chosen at compile time (fastBinop,
	// binop). I: 64-bit integers (add, sub, mul, shl) or signed integers
	// of any width (comparisons); U: unsigned integers of any width; N:
	// bitwise operators on any integer kind (sign- or zero-extended words
	// stay so); F: float64. The order within each group follows the
	// generic ops' (fastBinop adds offsets).
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
	opShlI
	opShrS
	opShrU
	opAddF
	opSubF
	opMulF
	opQuoF
	opLssF
	opLeqF
	opGtrF
	opGeqF
	// Division of 64-bit integers, signed (I) and unsigned (U), in the
	// order of opQuo, opRem; and conversions between signed integers
	// and float64.
	opQuoI
	opRemI
	opQuoU
	opRemU
	opCvtIF
	opCvtFI

	// Compare-and-branch on signed integers (fusable).
	opIfLssI
	opIfLeqI
	opIfGtrI
	opIfGeqI
	opIfEqlI
	opIfNeqI

	// An inlined call's safe point (inline.go).
	opSafePoint
	// len of a string or slice.
	opLen
	// A counting loop's back edge (compiler.stepLoop).
	opIncLssI
	// A struct value's float64 field and arithmetic (compiler.fieldArith).
	opFieldAddF
	opFieldSubF
	opFieldRSubF
	opFieldMulF
	// A field updated in place: x.f += v, x.f -= v (compiler.fieldUpdate).
	opAddFieldF
	opSubFieldF
	opAddFieldI
	opSubFieldI
	// A struct literal returned (compiler.returnLit).
	opReturnLit
	// The address of an element of zero size.
	opIndexAddrZero

	opCount // the number of ops; not an op
)

// operand is what one of an instruction's fields a, b, c, d holds.
type operand uint8

const (
	oNone       operand = iota // unused: 0
	oDst                       // a slot written (a tuple: consecutive slots from it)
	oSrc                       // a slot read (a constant kept in the frame is a slot too)
	oOptSrc                    // a slot read, or -1 for none
	oPC                        // a jump target: an index into the Func's code
	oField                     // an immediate: a struct field's index
	oMode                      // an immediate: callNormal, callGo or callDefer
	oCommaOk                   // an immediate: 1 if the op also writes ok to slot a+1
	oSigned                    // an immediate: 1 if the shift count is signed (negative panics)
	oSliceFlags                // an immediate: bit 0 if the slice is make's, new([c]T)[:n] (its bounds errors are makeslice's); bits 1-3 if the low, high, max bounds are unsigned
	oUnsigned                  // an immediate: 1 if the index is unsigned (its bounds error prints it so)
	oCompared                  // an immediate: 1 if the address an unsafe.Pointer converts to is only compared (not remembered)
	oLocal                     // an immediate: 1 if the variable does not escape its function (gc keeps it on the stack: no allocation counted)
	oShift                     // an immediate: 64 less an integer's width in bits
	oSignExt                   // an immediate: 1 if the integer is signed (sign-extended)
	oGoWrap                    // an immediate: N of gc's gowrapN running a go statement's call, 0 for none
	oImm                       // an immediate: an integer operand, sign-extended to 64 bits
	oConst                     // an index into the Func's constant table (constTable)
)

// xKind is the Go type an op keeps in instr.x.
type xKind uint8

const (
	xNone   xKind = iota // x is nil
	xSlots               // []int32: result slots (results); ^i for the constant constTable[i]
	xOffset              // int64: a field's byte offset, the fault address of a nil base (offset)
	xBounds              // [3]int32: slice bounds' slots low, high, max, -1 if absent (bounds)
	xCall                // *callInfo (call)
	xType                // *Type: the operand's static type (srcType)
	xString              // string: what is unsupported, or which range-over-func check failed (what)
	xSelect              // *selectInfo (sel)
)

// opInfo is an op's row of opTable.
type opInfo struct {
	name       string
	a, b, c, d operand
	k, t       string // what the kind (k) or type (t) is of; "" = unused
	optT       bool   // t may be nil
	x          xKind
	doc        string // what the op does, in terms of its fields
}

// binRow is the row of a binary operator a = b op c that reads nothing
// else; the generic ones read k too.
func binRow(name, doc string) opInfo {
	return opInfo{name: name, a: oDst, b: oSrc, c: oSrc, doc: doc}
}

func binRowK(name, doc string) opInfo {
	i := binRow(name, doc)
	i.k = "the operands"
	return i
}

func ifRow(name, doc string) opInfo {
	return opInfo{name: name, a: oSrc, b: oSrc, c: oPC, d: oPC, doc: doc}
}

// fieldArithRow is the row of a Field and a float64 operator fused.
func fieldArithRow(name, doc string) opInfo {
	return opInfo{name: name, a: oDst, b: oSrc, c: oField, d: oSrc, doc: doc + " (float64s; b a struct value: a Field and the operator fused, compiler.fieldArith)"}
}

// fieldUpdateRow is the row of a field's update in place through a pointer.
func fieldUpdateRow(name, op, kind string) opInfo {
	return opInfo{name: name, a: oDst, b: oSrc, c: oField, d: oSrc, x: xOffset, doc: "a = b.field[c] " + op + " d; b.field[c] = a, through pointer b (" + kind + "; a LoadField, the operation and a StoreField fused: compiler.fieldUpdate)"}
}

// immRow and ifImmRow are the rows of the immediate forms.
func immRow(name, doc string) opInfo {
	return opInfo{name: name, a: oDst, b: oSrc, c: oImm, doc: doc + "; c is an immediate"}
}

func ifImmRow(name, doc string) opInfo {
	return opInfo{name: name, a: oSrc, b: oImm, c: oPC, d: oPC, doc: doc + "; b is an immediate"}
}

// opTable is the instruction set's contract: for each op, which fields it
// uses and what they hold.
var opTable = [opCount]opInfo{
	opNop:        {name: "Nop", doc: "nothing"},
	opMove:       {name: "Move", a: oDst, b: oSrc, doc: "a = b"},
	opJump:       {name: "Jump", a: oPC, doc: "goto a (a backward jump is a preemption safe point)"},
	opIf:         {name: "If", a: oSrc, b: oPC, c: oPC, doc: "if a { goto b } else { goto c }"},
	opReturn:     {name: "Return", x: xSlots, doc: "return x... (runs this frame's pending defers first)"},
	opPanic:      {name: "Panic", a: oSrc, doc: "panic(a)"},
	opRunDefers:  {name: "RunDefers", doc: "run this frame's deferred calls, then go on"},
	opAlloc:      {name: "Alloc", a: oDst, d: oLocal, t: "the variable", doc: "a = new(t); d: it does not escape (not counted as an allocation: compiler.local)"},
	opLiteral:    {name: "Literal", a: oDst, t: "the struct or array", x: xSlots, doc: "a = the value of type t whose fields (elements) are x's slots (^i: the constant constTable[i]; a struct or array field read as R == nil is made zero), built in a register (literal.go)"},
	opLoad:       {name: "Load", a: oDst, b: oSrc, doc: "a = *b (a scalar, or a struct or array borrowed: borrow.go)"},
	opLoadDeep:   {name: "LoadDeep", a: oDst, b: oSrc, t: "*b", doc: "a = copy of *b (struct, array)"},
	opStore:      {name: "Store", a: oSrc, b: oSrc, doc: "*a = b"},
	opStoreDeep:  {name: "StoreDeep", a: oSrc, b: oSrc, t: "b", doc: "copy b into *a in place (struct, array)"},
	opLoadField:  {name: "LoadField", a: oDst, b: oSrc, c: oField, x: xOffset, doc: "a = b.field[c] through pointer b (FieldAddr and Load fused: compile.go findFused); a scalar"},
	opStoreField: {name: "StoreField", a: oSrc, b: oSrc, c: oField, x: xOffset, doc: "a.field[c] = b through pointer a (FieldAddr and Store fused); a scalar"},
	opFieldAddr:  {name: "FieldAddr", a: oDst, b: oSrc, c: oField, x: xOffset, doc: "a = &b.field[c]"},
	opField:      {name: "Field", a: oDst, b: oSrc, c: oField, doc: "a = b.field[c]"},
	opLoadIndex:  {name: "LoadIndex", a: oDst, b: oSrc, c: oSrc, d: oUnsigned, doc: "a = b[c] of slice b (IndexAddr and Load fused); a scalar; d: c is unsigned"},
	opStoreIndex: {name: "StoreIndex", a: oSrc, b: oSrc, c: oSrc, d: oUnsigned, doc: "a[b] = c of slice a (IndexAddr and Store fused); a scalar; d: b is unsigned"},
	opIndexAddr:  {name: "IndexAddr", a: oDst, b: oSrc, c: oSrc, d: oUnsigned, k: "b: slice or pointer to array", t: "the elements' type, when a is used through unsafe: a remembers them", optT: true, doc: "a = &b[c]; d: c is unsigned"},
	opIndex:      {name: "Index", a: oDst, b: oSrc, c: oSrc, d: oUnsigned, k: "b: string or array", doc: "a = b[c]; d: c is unsigned"},
	opSlice:      {name: "Slice", a: oDst, b: oSrc, d: oSliceFlags, k: "b: string, slice or pointer to array", x: xBounds, doc: "a = b[x[0]:x[1]:x[2]]; d: bit 0, it is make([]T, n, c) with c constant; bits 1-3, x[0..2] are unsigned"},
	opCall:       {name: "Call", a: oDst, c: oMode, d: oGoWrap, x: xCall, doc: "a... = x.fn(x.args...), or go/defer it (c); d: gc's gowrapN of a go; x.flat > 0: the struct result's fields in a... (callInfo.flat)"},
	opCallClosure: {name: "CallClosure", a: oDst, b: oSrc, c: oMode, d: oGoWrap, x: xCall,
		doc: "a... = b(x.args...), or go/defer it (c); d: gc's gowrapN of a go; x.flat > 0: the struct result's fields in a... (callInfo.flat)"},
	opCallInvoke: {name: "CallInvoke", a: oDst, b: oSrc, c: oMode, d: oGoWrap, x: xCall,
		doc: "a... = b.(x.method)(x.args...), or go/defer it (c); d: gc's gowrapN of a go; x.flat > 0: the struct result's fields in a... (callInfo.flat)"},
	opCallBuiltin: {name: "CallBuiltin", a: oDst, c: oMode, d: oGoWrap, x: xCall,
		doc: "a... = x.builtin(x.args...), or go/defer it (c); d: gc's gowrapN of a go"},
	opRecover:             {name: "Recover", a: oDst, doc: "a = recover()"},
	opMakeClosure:         {name: "MakeClosure", a: oDst, x: xCall, doc: "a = closure of x.fn over x.args"},
	opMakeInterface:       {name: "MakeInterface", a: oDst, b: oSrc, t: "b", doc: "a = interface{t, b}"},
	opConvert:             {name: "Convert", a: oDst, b: oSrc, d: oCompared, k: "b", t: "a", x: xType, doc: "a = t(b), b of type x; d: an unsafe.Pointer's address that is only compared, so not remembered for a conversion back"},
	opView:                {name: "View", a: oDst, b: oSrc, t: "*a's element", x: xType, doc: "a = (*t)(unsafe.Pointer(b)), b a pointer to x whose cells t does not share: the cell seen as t (view.go)"},
	opSliceToArrayPointer: {name: "SliceToArrayPointer", a: oDst, b: oSrc, t: "*a", doc: "a = (*t)(b)"},
	opTypeAssert: {name: "TypeAssert", a: oDst, b: oSrc, d: oCommaOk, t: "the asserted type", x: xType,
		doc: "a = b.(t), b of static type x; d: comma-ok"},
	opMakeSlice: {name: "MakeSlice", a: oDst, b: oSrc, c: oSrc, t: "a", doc: "a = make(t, b, c)"},
	opMakeMap:   {name: "MakeMap", a: oDst, b: oOptSrc, t: "a", doc: "a = make(t, b)"},
	opMakeChan:  {name: "MakeChan", a: oDst, b: oSrc, t: "a", doc: "a = make(t, b)"},
	opLookup: {name: "Lookup", a: oDst, b: oSrc, c: oSrc, d: oCommaOk, k: "b: a map (a string's index is Index)", t: "b",
		doc: "a = b[c]; d: comma-ok"},
	opMapUpdate:   {name: "MapUpdate", a: oSrc, b: oSrc, c: oSrc, doc: "a[b] = c"},
	opRange:       {name: "Range", a: oDst, b: oSrc, k: "b: string or map", t: "b", doc: "a = iterator over b"},
	opNext:        {name: "Next", a: oDst, b: oSrc, doc: "a, a+1, a+2 = ok, key, value of iterator b"},
	opSend:        {name: "Send", a: oSrc, b: oSrc, doc: "a <- b"},
	opRecv:        {name: "Recv", a: oDst, b: oSrc, d: oCommaOk, doc: "a = <-b; d: comma-ok"},
	opSelect:      {name: "Select", a: oDst, x: xSelect, doc: "a, a+1, a+2... = index, recvOK, received values of select x"},
	opNeg:         {name: "Neg", a: oDst, b: oSrc, k: "b", doc: "a = -b"},
	opNot:         {name: "Not", a: oDst, b: oSrc, doc: "a = !b"},
	opCompl:       {name: "Compl", a: oDst, b: oSrc, k: "b", doc: "a = ^b"},
	opUnsupported: {name: "Unsupported", x: xString, doc: "end the program: goro cannot do x yet"},
	opPanicRange:  {name: "PanicRange", a: oSrc, x: xString, doc: "panic with gc's runtime error for a range-over-func loop whose state (go/ssa's jump) is a, at check x (\"yield\": a yield function called when not ready; \"resume\": an iterator that swallowed the body's panic)"},

	opAdd:    binRowK("Add", "a = b + c"),
	opSub:    binRowK("Sub", "a = b - c"),
	opMul:    binRowK("Mul", "a = b * c"),
	opQuo:    binRowK("Quo", "a = b / c (an integer c of 0 panics)"),
	opRem:    binRowK("Rem", "a = b % c (an integer c of 0 panics)"),
	opAnd:    binRowK("And", "a = b & c"),
	opOr:     binRowK("Or", "a = b | c"),
	opXor:    binRowK("Xor", "a = b ^ c"),
	opAndNot: binRowK("AndNot", "a = b &^ c"),
	opShl:    {name: "Shl", a: oDst, b: oSrc, c: oSrc, d: oSigned, k: "b", doc: "a = b << c; d: the count is signed"},
	opShr:    {name: "Shr", a: oDst, b: oSrc, c: oSrc, d: oSigned, k: "b", doc: "a = b >> c; d: the count is signed"},
	opLss:    binRowK("Lss", "a = b < c"),
	opLeq:    binRowK("Leq", "a = b <= c"),
	opGtr:    binRowK("Gtr", "a = b > c"),
	opGeq:    binRowK("Geq", "a = b >= c"),
	opEql:    {name: "Eql", a: oDst, b: oSrc, c: oSrc, t: "the operands", doc: "a = b == c (uncomparable dynamic types panic)"},
	opNeq:    {name: "Neq", a: oDst, b: oSrc, c: oSrc, t: "the operands", doc: "a = b != c (uncomparable dynamic types panic)"},
	opEqlN:   binRow("EqlN", "a = b == c, comparing N (integers, bools)"),
	opNeqN:   binRow("NeqN", "a = b != c, comparing N (integers, bools)"),

	opAddI:    binRow("AddI", "a = b + c (64-bit integers)"),
	opSubI:    binRow("SubI", "a = b - c (64-bit integers)"),
	opMulI:    binRow("MulI", "a = b * c (64-bit integers)"),
	opLssI:    binRow("LssI", "a = b < c (signed integers)"),
	opLeqI:    binRow("LeqI", "a = b <= c (signed integers)"),
	opGtrI:    binRow("GtrI", "a = b > c (signed integers)"),
	opGeqI:    binRow("GeqI", "a = b >= c (signed integers)"),
	opLssU:    binRow("LssU", "a = b < c (unsigned integers)"),
	opLeqU:    binRow("LeqU", "a = b <= c (unsigned integers)"),
	opGtrU:    binRow("GtrU", "a = b > c (unsigned integers)"),
	opGeqU:    binRow("GeqU", "a = b >= c (unsigned integers)"),
	opAndN:    binRow("AndN", "a = b & c (integers)"),
	opOrN:     binRow("OrN", "a = b | c (integers)"),
	opXorN:    binRow("XorN", "a = b ^ c (integers)"),
	opAndNotN: binRow("AndNotN", "a = b &^ c (integers)"),
	opShlI:    {name: "ShlI", a: oDst, b: oSrc, c: oSrc, d: oSigned, doc: "a = b << c (64-bit integers); d: the count is signed"},
	opShrS:    {name: "ShrS", a: oDst, b: oSrc, c: oSrc, d: oSigned, doc: "a = b >> c (signed integers: arithmetic shift); d: the count is signed"},
	opShrU:    {name: "ShrU", a: oDst, b: oSrc, c: oSrc, d: oSigned, doc: "a = b >> c (unsigned integers); d: the count is signed"},
	opAddF:    binRow("AddF", "a = b + c (float64)"),
	opSubF:    binRow("SubF", "a = b - c (float64)"),
	opMulF:    binRow("MulF", "a = b * c (float64)"),
	opQuoF:    binRow("QuoF", "a = b / c (float64)"),
	opLssF:    binRow("LssF", "a = b < c (float64)"),
	opLeqF:    binRow("LeqF", "a = b <= c (float64)"),
	opGtrF:    binRow("GtrF", "a = b > c (float64)"),
	opGeqF:    binRow("GeqF", "a = b >= c (float64)"),
	opQuoI:    {name: "QuoI", a: oDst, b: oSrc, c: oSrc, doc: "a = b / c (64-bit signed integers; c == 0 panics)"},
	opRemI:    {name: "RemI", a: oDst, b: oSrc, c: oSrc, doc: "a = b % c (64-bit signed integers; c == 0 panics)"},
	opQuoU:    {name: "QuoU", a: oDst, b: oSrc, c: oSrc, doc: "a = b / c (64-bit unsigned integers; c == 0 panics)"},
	opRemU:    {name: "RemU", a: oDst, b: oSrc, c: oSrc, doc: "a = b % c (64-bit unsigned integers; c == 0 panics)"},
	opCvtIF:   {name: "CvtIF", a: oDst, b: oSrc, doc: "a = float64(b) (b a signed integer of any width)"},
	opCvtFI:   {name: "CvtFI", a: oDst, b: oSrc, doc: "a = int64(b) (b a float64 or float32; a an int or int64)"},

	opIfLssI: ifRow("IfLssI", "if a < b { goto d } else { goto c } (signed integers)"),
	opIfLeqI: ifRow("IfLeqI", "if a <= b { goto d } else { goto c } (signed integers)"),
	opIfGtrI: ifRow("IfGtrI", "if a > b { goto d } else { goto c } (signed integers)"),
	opIfGeqI: ifRow("IfGeqI", "if a >= b { goto d } else { goto c } (signed integers)"),
	opIfEqlI: ifRow("IfEqlI", "if a == b { goto d } else { goto c } (signed integers)"),
	opIfNeqI: ifRow("IfNeqI", "if a != b { goto d } else { goto c } (signed integers)"),

	opSafePoint:     {name: "SafePoint", doc: "the safe point of an inlined call: preemption, a deterministic schedule's switch"},
	opLen:           {name: "Len", a: oDst, b: oSrc, doc: "a = len(b), b a string or slice (CallBuiltin len for the other kinds)"},
	opFieldAddF:     fieldArithRow("FieldAddF", "a = b.field[c] + d"),
	opFieldSubF:     fieldArithRow("FieldSubF", "a = b.field[c] - d"),
	opFieldRSubF:    fieldArithRow("FieldRSubF", "a = d - b.field[c]"),
	opFieldMulF:     fieldArithRow("FieldMulF", "a = b.field[c] * d"),
	opAddFieldF:     fieldUpdateRow("AddFieldF", "+", "float64"),
	opSubFieldF:     fieldUpdateRow("SubFieldF", "-", "float64"),
	opAddFieldI:     fieldUpdateRow("AddFieldI", "+", "64-bit integers"),
	opSubFieldI:     fieldUpdateRow("SubFieldI", "-", "64-bit integers"),
	opReturnLit:     {name: "ReturnLit", t: "the struct", x: xSlots, doc: "return the struct of type t whose fields are x's slots (^i: the constant constTable[i]): made as Literal makes it, or, to a flat call (callInfo.flat), its fields written to the caller's result slots and no struct made (compiler.returnLit)"},
	opIndexAddrZero: {name: "IndexAddrZero", a: oDst, b: oSrc, c: oSrc, d: oUnsigned, k: "b: slice or pointer to array", t: "the elements' type (of size 0)", doc: "a = &b[c], an element of zero size: the one zero cell of type t, as gc's elements of size 0 share one address; d: c is unsigned"},
	opIncLssI:       {name: "IncLssI", a: oSrc, b: oSrc, c: oPC, d: oPC, doc: "a++ (a is written too); if a < b { goto d } else { goto c } (64-bit signed integers): a counting loop's back edge, its condition and step copied there; going to d, or back to c, is a safe point, as a backward Jump"},

	opAddIK:    immRow("AddIK", "a = b + c (64-bit integers)"),
	opSubIK:    immRow("SubIK", "a = b - c (64-bit integers)"),
	opMulIK:    immRow("MulIK", "a = b * c (64-bit integers)"),
	opLssIK:    immRow("LssIK", "a = b < c (signed integers)"),
	opLeqIK:    immRow("LeqIK", "a = b <= c (signed integers)"),
	opGtrIK:    immRow("GtrIK", "a = b > c (signed integers)"),
	opGeqIK:    immRow("GeqIK", "a = b >= c (signed integers)"),
	opLssUK:    immRow("LssUK", "a = b < c (unsigned integers)"),
	opLeqUK:    immRow("LeqUK", "a = b <= c (unsigned integers)"),
	opGtrUK:    immRow("GtrUK", "a = b > c (unsigned integers)"),
	opGeqUK:    immRow("GeqUK", "a = b >= c (unsigned integers)"),
	opAndNK:    immRow("AndNK", "a = b & c (integers)"),
	opOrNK:     immRow("OrNK", "a = b | c (integers)"),
	opXorNK:    immRow("XorNK", "a = b ^ c (integers)"),
	opAndNotNK: immRow("AndNotNK", "a = b &^ c (integers)"),
	opShlIK:    {name: "ShlIK", a: oDst, b: oSrc, c: oImm, doc: "a = b << c (64-bit integers); c is an immediate count"},
	opShrSK:    {name: "ShrSK", a: oDst, b: oSrc, c: oImm, doc: "a = b >> c (signed integers: arithmetic shift); c is an immediate count"},
	opShrUK:    {name: "ShrUK", a: oDst, b: oSrc, c: oImm, doc: "a = b >> c (unsigned integers); c is an immediate count"},
	opEqlNK:    immRow("EqlNK", "a = b == c, comparing N (integers, bools)"),
	opNeqNK:    immRow("NeqNK", "a = b != c, comparing N (integers, bools)"),
	opIfLssIK:  ifImmRow("IfLssIK", "if a < b { goto d } else { goto c } (signed integers)"),
	opIfLeqIK:  ifImmRow("IfLeqIK", "if a <= b { goto d } else { goto c } (signed integers)"),
	opIfGtrIK:  ifImmRow("IfGtrIK", "if a > b { goto d } else { goto c } (signed integers)"),
	opIfGeqIK:  ifImmRow("IfGeqIK", "if a >= b { goto d } else { goto c } (signed integers)"),
	opIfEqlIK:  ifImmRow("IfEqlIK", "if a == b { goto d } else { goto c } (signed integers)"),
	opIfNeqIK:  ifImmRow("IfNeqIK", "if a != b { goto d } else { goto c } (signed integers)"),
	opConst:    {name: "Const", a: oDst, b: oConst, doc: "a = constTable[b]"},
}

func (o op) String() string {
	if o < opCount && opTable[o].name != "" {
		return opTable[o].name
	}
	return fmt.Sprintf("op(%d)", uint8(o))
}

// instr is one VM instruction; opTable says which fields each op uses.
type instr struct {
	op         op
	k          Kind
	a, b, c, d int32
	t          *Type
	x          any
}

// Fields of an instruction, for jump fix-ups (compiler.jumpTo).
type field uint8

const (
	fieldA field = iota
	fieldB
	fieldC
	fieldD
)

// operand returns what field f of op o holds.
func (o op) operand(f field) operand {
	i := &opTable[o]
	return [4]operand{i.a, i.b, i.c, i.d}[f]
}

// Typed views of x; each is a plain type assertion (inlined in the loop).

func (in *instr) call() *callInfo  { return in.x.(*callInfo) }
func (in *instr) results() []int32 { return in.x.([]int32) }
func (in *instr) bounds() [3]int32 { return in.x.([3]int32) }
func (in *instr) offset() int64    { return in.x.(int64) }
func (in *instr) srcType() *Type   { return in.x.(*Type) }
func (in *instr) sel() *selectInfo { return in.x.(*selectInfo) }
func (in *instr) what() string     { return in.x.(string) }

// commaOk reports whether a TypeAssert, Lookup or Recv also writes ok.
func (in *instr) commaOk() bool { return in.d != 0 }

// signedCount reports whether a shift's count is of a signed kind.
func (in *instr) signedCount() bool { return in.d != 0 }

// isMake reports whether a Slice is make's (go/ssa's new([c]T)[:n]).
func (in *instr) isMake() bool { return in.d&1 != 0 }

// unsignedBound reports whether slice bound i (0 low, 1 high, 2 max) is of
// an unsigned type.
func (in *instr) unsignedBound(i int) bool { return in.d&(2<<i) != 0 }

// callInfo is the x of call instructions and MakeClosure.
type callInfo struct {
	fn         *Func   // static callee (opCall), closure's function (opMakeClosure)
	method     string  // opCallInvoke
	args       []int32 // argument slots
	builtin    string
	argTypes   []*Type // builtins: the static types of the arguments
	unused     bool    // builtins: the result is not used (unsafe.String and Slice only check)
	deferStack int32   // defer: slot of the ssa:deferstack() value, or -1
	// flat is, for a call whose one result is a struct of flat scalar
	// fields, read only a field at a time, that number of fields: the
	// callee returns them to slots a... (its frame's flagFlat), and no
	// struct value is made (compiler.flatCalls). 0: an ordinary call.
	flat int32
	// lent are the arguments lent to the callee (borrow.go), bit k for
	// its parameter k (an interface method's receiver is its 0), and
	// lentT their types: those the callee does not borrow are copied
	// when the call starts (copyLent).
	lent  uint64
	lentT []*Type
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

// selectInfo is the x of opSelect.
type selectInfo struct {
	chans []int32 // channel slots
	vals  []int32 // send value slots (-1 for receives)
	dirs  []int
	block bool
	elems []*Type // received element types (for zero values)
}

// Call modes (c of the call ops).
const (
	callNormal = 0
	callGo     = 1
	callDefer  = 2
)

// checkCode checks f's code against opTable: every field an op does not
// use is zero, x holds the Go type its xKind says, jump targets are in
// the code and slots in the frame. It returns the first violation.
func (f *Func) checkCode() error {
	for pc := range f.code {
		in := &f.code[pc]
		if in.op >= opCount {
			return fmt.Errorf("%s pc %d: unknown %v", f.name, pc, in.op)
		}
		info := &opTable[in.op]
		bad := func(format string, args ...any) error {
			return fmt.Errorf("%s pc %d (%v): %s", f.name, pc, in.op, fmt.Sprintf(format, args...))
		}
		for i, v := range [4]int32{in.a, in.b, in.c, in.d} {
			name := string("abcd"[i])
			switch in.op.operand(field(i)) {
			case oNone:
				if v != 0 {
					return bad("%s = %d, unused by the op", name, v)
				}
			case oDst, oSrc:
				if v < 0 || int(v) >= f.nslots {
					return bad("%s = %d, not a slot (%d slots)", name, v, f.nslots)
				}
			case oOptSrc:
				if v < -1 || int(v) >= f.nslots {
					return bad("%s = %d, not a slot or -1", name, v)
				}
			case oPC:
				if v < 0 || int(v) >= len(f.code) {
					return bad("%s = %d, not a pc of the code", name, v)
				}
				if int(v) <= pc && in.op != opJump && in.op != opIncLssI {
					// Every loop has a safe point (compiler.branchTo).
					return bad("%s = %d goes back: only Jump may (its backward form is a safe point)", name, v)
				}
			case oMode:
				if v != callNormal && v != callGo && v != callDefer {
					return bad("%s = %d, not a call mode", name, v)
				}
			case oCommaOk, oSigned, oUnsigned, oCompared, oLocal:
				if v != 0 && v != 1 {
					return bad("%s = %d, not a flag", name, v)
				}
			case oSliceFlags:
				if v < 0 || v > 15 {
					return bad("%s = %d, not slice flags", name, v)
				}
			case oGoWrap:
				if v < 0 || v > 0 && in.c != callGo {
					return bad("%s = %d: a gowrap index only on a go", name, v)
				}
			case oConst:
				if v < 0 || int(v) >= len(f.constTable) {
					return bad("%s = %d, not a constant (%d)", name, v, len(f.constTable))
				}
			}
		}
		if info.k == "" && in.k != 0 {
			return bad("k = %d, unused by the op", in.k)
		}
		if info.t == "" && in.t != nil {
			return bad("t = %s, unused by the op", in.t)
		}
		if info.t != "" && in.t == nil && !info.optT {
			return bad("t missing")
		}
		var ok bool
		switch info.x {
		case xNone:
			ok = in.x == nil
		case xSlots:
			var rs []int32
			rs, ok = in.x.([]int32)
			for _, r := range rs {
				if r >= 0 && int(r) >= f.nslots || r < 0 && int(^r) >= len(f.constTable) {
					return bad("result %d is neither a slot nor a constant", r)
				}
			}
		case xOffset:
			_, ok = in.x.(int64)
		case xBounds:
			_, ok = in.x.([3]int32)
		case xCall:
			_, ok = in.x.(*callInfo)
		case xType:
			_, ok = in.x.(*Type)
		case xString:
			_, ok = in.x.(string)
		case xSelect:
			_, ok = in.x.(*selectInfo)
		}
		if !ok {
			return bad("x is %T", in.x)
		}
	}
	return nil
}
