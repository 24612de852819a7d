package vm_test

// Compiler tests: the code emitted for representative functions
// (testdata/fastpaths.go), so that a fast path that stops firing fails a
// test instead of only slowing programs down; the code of whole programs
// checked against the instruction set's contract (ops.go's opTable); and
// the code read back from the compiled-program cache equal to the code
// compiled from source.

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/goro-dev/goro/internal/lib"
	"github.com/goro-dev/goro/internal/load"
	"github.com/goro-dev/goro/internal/vm"
)

func loadProg(t *testing.T, file string) *load.Program {
	t.Helper()
	p, err := load.Load(load.Config{Dir: "testdata", IsNative: lib.IsNative, Sealed: lib.Sealed}, []string{file})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func quiet() vm.Options { return vm.Options{Stdout: io.Discard, Stderr: io.Discard} }

// fastPathCode is the op sequence expected for functions of
// testdata/fastpaths.go, and what each asserts.
var fastPathCode = []struct {
	fn, ops, why string
}{
	{"main.sumTo", "Const Const Jump IfLssI AddI IncLssI Return", "fused i < n; AddI; the phis' constant edges read the constant table; s and i's next values made in their phis' slots (coalescePhis: no Moves on the back edge); i++ and i < n copied to the back edge as one IncLssI (stepLoop)"},
	{"main.fib", "IfLssIK Return SubIK Call SubIK Call AddI Return", "fused n < 2 and n-1, n-2 with immediates; AddI; static calls"},
	{"main.depth", "IfEqlIK Return SubIK Call AddIK Return", "n == 0, n-1 and +1 with immediates"},
	{"main.wide", "IfGtrIK MulIK AddI Return Return", "10 < x is x > 10; 3*x is x*3; 1<<40 does not fit an immediate"},
	{"main.folded", "Jump CallBuiltin Jump Return", "if tracing (a constant) is a jump"},
	{"main.eq8", "IfEqlI Return Return", "== of int8 fuses"},
	{"main.mulI", "MulI SubI Return", "int64 arithmetic"},
	{"main.addF", "MulF QuoF AddF SubF Return", "float64 arithmetic"},
	{"main.lessF", "LssF Return", "float64 comparison"},
	{"main.lessU", "LssU Return", "uint32 comparison"},
	{"main.geqU", "GeqU Return", "uint comparison"},
	{"main.lessI8", "LssI Return", "int8 comparison"},
	{"main.andN", "AndN OrN AndNotN XorN Return", "bitwise ops of uint8"},
	{"main.shlI", "ShlI Return", "int64 shift left"},
	{"main.shrS", "ShrS Return", "int32 shift right"},
	{"main.shrU", "ShrU Return", "uint16 shift right"},
	{"main.eqN", "EqlN Return", "== of integers compares words"},
	{"main.add8", "Add Return", "int8 + wraps: generic"},
	{"main.quo", "QuoI Return", "64-bit division: fast, its panic on 0 in the op"},
	{"main.quo32", "Quo Return", "narrower division wraps: generic"},
	{"main.toF", "CvtIF Return", "int to float64"},
	{"main.toI", "CvtFI Return", "float64 to int"},
	{"main.shl8", "Shl Return", "int8 << narrows: generic"},
	{"main.point.sum", "Field Field AddI Field AddI Return", "read-only spill of the receiver: no Alloc, Store, FieldAddr, Load"},
	{"main.point.X", "Field Return", "read-only spill"},
	{"main.(*holder).getter", "FieldAddr Load Call Return", "borrowed receiver: Load, not LoadDeep"},
	{"main.getterGlobal", "Load Call Return", "borrowed receiver from a global"},
	{"main.notBorrowed", "FieldAddr Load Call Return", "a callee that writes its receiver gets a copy: the load lends it, and the call copies it as it starts (mutate does not borrow it: borrow.go copyLent)"},
	{"main.point.mutate", "Alloc StoreDeep AddFieldI LoadField Return", "a written spill is made (its field read by LoadField: a FieldAddr fused with its one use; p.x++ one AddFieldI: compiler.fieldUpdate)"},
	{"main.point.plus", "Field Field AddI Field Field AddI ReturnLit", "a struct literal built in a register and returned: its fields are ReturnLit's (flat.go)"},
	{"main.walk", "CallInvoke AddI Return", "a flat call: the result's fields read from the call's slots, no Field"},
	{"main.passOn", "CallInvoke ReturnLit", "a flat call's result returned: its fields are ReturnLit's"},
	{"main.triple", "Literal Return", "an array literal built in a register"},
	{"main.readBack", "Alloc StoreField StoreField StoreField LoadField AddIK StoreField LoadField Return", "a variable read field by field stays in memory (its initial value, a literal, is stored a field at a time)"},
	{"main.(*body).move", "FieldAddr Load FieldAddr Load SafePoint FieldMulF FieldMulF SafePoint FieldAddF FieldAddF FieldAddr StoreField StoreField Return", "scale and add inlined (each call's safe point kept): no vec2 made, none copied (the loads borrow: borrowLoads), the result stored a field at a time; each field read with its operator (fieldArith)"},
	{"main.bump", "Call Return", "a pointer receiver that may be nil: not inlined"},
	{"main.bumpLocal", "Alloc SafePoint LoadField Add StoreField LoadField Return", "a variable's address cannot be nil: inc inlined"},
	{"main.inlines", "Call SafePoint QuoI AddI Return", "x / y may panic: a call; x / 2 cannot: inlined"},
	{"main.tri", "AddI AddIK MulI QuoI AddI AddIK CvtIF QuoF Return", "i+j made once (go/ssa computes it twice: cseKey)"},
	{"main.sumTri", "SafePoint AddI AddIK MulI QuoI AddI AddIK CvtIF QuoF SafePoint AddI AddIK MulI QuoI AddI AddIK CvtIF QuoF AddF Return", "tri inlined twice: each copy computes its own i+j once (j+i is not i+j's)"},
	{"main.pull", "LoadField MulF SubFieldF SubFieldF Store LoadField Return", "b.m loaded once and b.m * k computed once across stores to other fields (loadKey); a.x -= and a.y -= each one SubFieldF (fieldUpdate); b.m loaded again after a store through a *float64"},
	{"main.pairs", "Len Const Const Jump AddIK IfLssI AddIK Move Jump Return Len IfLssI Move Jump LoadIndex LoadIndex MulI AddI Len IncLssI Move Jump", "len(s) is Len, not a builtin call; the inner test is one compare-and-branch though its exit edge moves phis; the inner loop's n and j made in their phis' slots, and the range loop's i+1 in i's where it is tested (coalescableInHeader); the inner loop's back edge is its header's Len and IncLssI, leaving through its exit edge's moves (stepLoop)"},
	{"main.hyp", "MulF MulF AddF Call Return", "math.Sqrt is a static call"},
	{"main.asInt32", "Convert View Return", "an int32 over a uint32's cell: a view"},
	{"main.asUint64", "Convert Move Return", "words that agree: the same pointer"},
	{"main.asCounter", "Convert View Return", "a struct of one sized field over a word: a view"},
	{"main.lowHalf", "Convert View Return", "a word's low half: a view"},
	{"main.wider", "Convert Unsupported Return", "past a word: goro cannot"},
	{"main.countWhile", "Const Jump AddIK Jump Return CallClosure IfLssI Jump Jump", "a loop whose condition branches back goes through a Jump (a safe point)"},
}

// TestFastPaths checks the ops the compiler emits for the shapes of code
// that select its fast paths: fused compare-and-branch (fusable), typed
// binary operators (fastBinop), read-only spills and borrowed receivers
// (borrow.go).
func TestFastPaths(t *testing.T) {
	p := loadProg(t, "fastpaths.go")
	var out bytes.Buffer
	m := vm.New(p, vm.Options{GOMAXPROCS: 1, Stdout: &out, Stderr: &out, Args: []string{"fastpaths"}})
	for _, c := range fastPathCode {
		if got := strings.Join(m.Ops(c.fn), " "); got != c.ops {
			t.Errorf("%s (%s):\n got  %s\n want %s", c.fn, c.why, got, c.ops)
		}
	}
	// What calls and functions say about flat results and lent
	// arguments (flat.go, borrow.go), as the disassembly shows it.
	for _, c := range []struct{ fn, has, why string }{
		{"main.walk", ".step(#1) flat 3", "step's point read a field at a time: a flat call"},
		{"main.notBorrowed", "main.point.mutate(s2) lent 0b1", "h.p loaded without a copy, lent to the call"},
		{"main.point.sum", "borrows 0b1", "sum only reads its receiver's fields: it borrows it"},
		{"main.point.step", "borrows 0b1", "step reads p's fields into its literal"},
		{"main.localArray", "Alloc        s3 local t=[4]int", "its array is only indexed: it does not escape"},
	} {
		var b strings.Builder
		m.Disassemble(&b, func(name string) bool { return name == c.fn })
		if !strings.Contains(b.String(), c.has) {
			t.Errorf("%s: no %q (%s) in\n%s", c.fn, c.has, c.why, b.String())
		}
	}
	var escaping strings.Builder
	m.Disassemble(&escaping, func(name string) bool { return name == "main.escapingArray" })
	if strings.Contains(escaping.String(), "local") {
		t.Errorf("main.escapingArray stores its array in a global, yet it is local:\n%s", escaping.String())
	}
	var mutate strings.Builder
	m.Disassemble(&mutate, func(name string) bool { return name == "main.point.mutate" })
	if strings.Contains(mutate.String(), "borrows") {
		t.Errorf("main.point.mutate writes its receiver, yet borrows it:\n%s", mutate.String())
	}
	if t.Failed() {
		var b strings.Builder
		m.Disassemble(&b, func(name string) bool { return strings.HasPrefix(name, "main.") })
		t.Logf("code:\n%s", b.String())
	}
	// The code computes what gc's does.
	if code := m.Run(); code != 0 || out.String() != "-100\n" {
		t.Errorf("exit %d, output %q; want -100", code, out.String())
	}
}

// TestLiveness checks the slots liveness.go finds live: through a loop
// (main.sumTo's n, s and i at its head, only s at the return), and a
// pointer whose uintptr a call takes, alive through the call only.
func TestLiveness(t *testing.T) {
	p := loadProg(t, "fastpaths.go")
	m := vm.New(p, quiet())
	var b strings.Builder
	m.Disassemble(&b, func(name string) bool { return name == "main.sumTo" || name == "main.passAddr" })
	for _, c := range []struct {
		fn    string
		pc    int
		after bool
		want  string
	}{
		{"main.sumTo", 0, false, "[0]"},      // n
		{"main.sumTo", 3, false, "[0 1 2]"},  // n, s, i at the loop's test
		{"main.sumTo", 5, false, "[0 1 2]"},  // n and the new s and i, made in their phis' slots, at the back edge
		{"main.sumTo", 6, false, "[1]"},      // s, returned
		{"main.passAddr", 1, false, "[1]"},   // the pointer, as an unsafe.Pointer
		{"main.passAddr", 2, false, "[1 2]"}, // its uintptr, the call's argument, and the pointer the call keeps
		{"main.passAddr", 2, true, "[1]"},    // during the call: the pointer kept; not the result's slot, written when the call returns
		{"main.passAddr", 3, false, "[3]"},   // then only the result
	} {
		if got := fmt.Sprint(m.LiveAt(c.fn, c.pc, c.after)); got != c.want {
			t.Errorf("%s pc %d (after %v): live %s, want %s\n%s", c.fn, c.pc, c.after, got, c.want, b.String())
		}
	}
}

// TestFrameLayout checks the slots frames take (frame.go): depth's
// constants leave the frame and its temporaries share one slot; wide's
// constant past 32 bits stays.
func TestFrameLayout(t *testing.T) {
	p := loadProg(t, "fastpaths.go")
	m := vm.New(p, quiet())
	for fn, want := range map[string]string{
		"main.depth": "slots 2 (0 of them constants), constants 1",
		"main.wide":  "slots 3 (1 of them constants), constants 1",
	} {
		var b strings.Builder
		if err := m.Disassemble(&b, func(name string) bool { return name == fn }); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) {
			t.Errorf("%s: want %q in\n%s", fn, want, b.String())
		}
	}
	for _, names := range vm.ImmediateForms() {
		if names[1] != names[0]+"K" {
			t.Errorf("the immediate form of %s is %s", names[0], names[1])
		}
	}
}

// TestComparedAddresses checks that a pointer's address that is only
// compared (slices' overlaps) is not remembered for a conversion back,
// and that one converted back (internal/abi.NoEscape) is.
func TestComparedAddresses(t *testing.T) {
	p := loadProg(t, "fastpaths.go")
	m := vm.New(p, quiet())
	for fn, want := range map[string]int{"main.overlaps": 4, "main.noEscape": 0} {
		var b strings.Builder
		if err := m.Disassemble(&b, func(name string) bool { return name == fn }); err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(b.String(), " compared"); got != want || !strings.Contains(b.String(), "Convert") {
			t.Errorf("%s: %d conversions marked compared, want %d, in\n%s", fn, got, want, b.String())
		}
	}
}

// TestMathNativesDirect checks that math's functions of the common shapes
// (float64 → float64, (float64, float64) → float64, float64 → bool,
// float64 → (float64, float64)) are natives called without reflection
// (lib/math.go's adapt): the direct natives allocate nothing, a
// reflect.Call allocates at every call. Which native a function gets is
// decided when lib registers it, not in the emitted code, so the test
// looks at what the calls cost: the allocations of a run must not grow
// with the number of calls.
func TestMathNativesDirect(t *testing.T) {
	p := loadProg(t, "fastpaths.go")
	var b strings.Builder
	if err := vm.New(p, quiet()).Disassemble(&b, func(name string) bool { return name == "main.mathShapes" }); err != nil {
		t.Fatal(err)
	}
	for _, call := range []string{"math.Modf(", "math.IsNaN(", "math.Max(", "math.Sqrt("} {
		if !strings.Contains(b.String(), call) || !strings.Contains(b.String(), "Call         s") {
			t.Errorf("no static call of %s in\n%s", call, b.String())
		}
	}
	allocs := func(n string) uint64 {
		m := vm.New(p, vm.Options{GOMAXPROCS: 1, Stdout: io.Discard, Stderr: io.Discard, Args: []string{"fastpaths", "math", n}})
		return runAllocs(t, m)
	}
	small, big := allocs("1000"), allocs("101000")
	// 4 math calls per iteration: 400,000 more calls.
	if big > small+1000 {
		t.Errorf("math natives: %d allocations for 400k more calls (%d vs %d): not called directly", big-small, big, small)
	}
}

// TestCodeContract checks every instruction of whole programs — the main
// packages of the test programs and the standard library code hello
// world interprets (fmt, strconv, unicode/utf8, ...) — against opTable:
// fields an op does not use are zero, x holds the type its row says, jump
// targets and slots are in range. It checks the code compiled from source
// and the code read back from the compiled-program cache.
func TestCodeContract(t *testing.T) {
	all := func(string) bool { return true }
	for _, file := range []string{"hello.go", "fastpaths.go", "hammer.go"} {
		p := loadProg(t, file)
		m := vm.New(p, quiet())
		if err := m.CheckCode(all); err != nil {
			t.Errorf("%s: %v", file, err)
		}
		data, err := vm.New(p, quiet()).WriteCache()
		if err != nil {
			t.Fatal(err)
		}
		cm, err := vm.ReadCache(data, quiet())
		if err != nil {
			t.Fatal(err)
		}
		if err := cm.CheckCode(all); err != nil {
			t.Errorf("%s from the cache: %v", file, err)
		}
	}
}

// TestFrameLayoutSound compiles whole programs — the main packages of
// the test programs and the standard library code hello world interprets
// — with every function's frame layout (frame.go) checked against the
// liveness of its code before renaming: values live at once never share
// a slot.
func TestFrameLayoutSound(t *testing.T) {
	all := func(string) bool { return true }
	for _, file := range []string{"hello.go", "fastpaths.go", "hammer.go", "stackmove.go", "particles.go"} {
		p := loadProg(t, file)
		done := vm.CheckFrameLayouts()
		err := vm.New(p, quiet()).CheckCode(all)
		bad := done()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for i, b := range bad {
			if i == 20 {
				t.Errorf("%s: %d more", file, len(bad)-i)
				break
			}
			t.Errorf("%s: %s", file, b)
		}
	}
}

// TestCacheKeepsCode checks that the compiled-program cache writes every
// field of every instruction: the disassembly of each function of the main
// package read back from the cache is its disassembly compiled from
// source. (The cache holds the functions the program can reach: not those
// inlined at every call.)
func TestCacheKeepsCode(t *testing.T) {
	mainPkg := func(name string) bool { return strings.HasPrefix(name, "main.") }
	for _, file := range []string{"fastpaths.go", "hammer.go", "hot.go"} {
		p := loadProg(t, file)
		var src, cached strings.Builder
		if err := vm.New(p, quiet()).Disassemble(&src, mainPkg); err != nil {
			t.Fatal(err)
		}
		data, err := vm.New(p, quiet()).WriteCache()
		if err != nil {
			t.Fatal(err)
		}
		m, err := vm.ReadCache(data, quiet())
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Disassemble(&cached, mainPkg); err != nil {
			t.Fatal(err)
		}
		srcFuncs := map[string]string{}
		for _, f := range strings.Split(src.String(), "\n\n") {
			srcFuncs[strings.Fields(f + " x")[0]] = f
		}
		for _, f := range strings.Split(cached.String(), "\n\n") {
			if name := strings.Fields(f + " x")[0]; srcFuncs[name] != f {
				t.Errorf("%s: %s from the cache differs:\nsource:\n%s\ncache:\n%s", file, name, srcFuncs[name], f)
			}
		}
		if !strings.Contains(src.String(), "main.main ") {
			t.Errorf("%s: no main.main in\n%s", file, src.String())
		}
	}
}
