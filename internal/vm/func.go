package vm

// Func: a compiled function (its code, frame layout and constants, or the
// native that implements it) and how it is compiled or bound on first call.
// The compiler from SSA is in compile.go, the instruction set in ops.go.

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/ssa"

	"github.com/goro-dev/goro/internal/rt"
)

// Func is a function ready to run: code for an interpreted function, or a
// native implementation.
type Func struct {
	ssa  *ssa.Function
	m    *Machine
	name string

	once      sync.Once
	ready     atomic.Bool // compiled: code (or native) and layout are set
	code      []instr
	pos       []token.Pos
	consts    []rt.Value // copied into slots [0, len(consts)) at entry
	nslots    int
	nparams   int
	nresults  int
	freeBase  int // first free-variable slot
	nfree     int
	recoverPC int // start of the Recover block, -1 if none
	native    NativeFunc
	bind      uint8 // how a function without code is bound (bindNative...)
	hidden    bool  // not shown in tracebacks (the entry trampoline)
	// key is the name natives are registered under (ssa's name of the
	// function, or of the generic function an instance comes from).
	key     string
	declPos token.Pos
	targs   []*Type // an instance's type arguments
	// id is the function's number in the compiled-program cache it was
	// read from (its body is decoded on first call).
	id int32
	// file and line place a synthetic function (gopanic's frame).
	file string
	line int
	// argsText, if set, is the argument list tracebacks print after the
	// name (runtime.goexit's "({})").
	argsText string
}

// Name returns the function's name as gc prints it in tracebacks.
func (f *Func) Name() string {
	if f.hidden {
		return ""
	}
	return f.name
}

// HasParams reports whether the function takes parameters.
func (f *Func) HasParams() bool { return f.nparams > 0 }

// ArgsText is the argument list a traceback prints for a synthetic frame
// that has its own ("" for the rest).
func (f *Func) ArgsText() string { return f.argsText }

type goWrapKey struct {
	f *Func
	n int32
}

// UnstartedFrames returns the frames, outermost first, that gc's
// traceback shows for a goroutine that f's go statement at pc created and
// that has not run yet: the function it starts at its first line, or —
// when gc runs the call through a wrapper (compiler.goWrap) — that
// wrapper, f's gowrapN at the go statement, above runtime.goexit. A G
// started another way (a native's) shows its function.
func (f *Func) UnstartedFrames(pc int, start rt.FuncInfo) []rt.Frame {
	n := int32(0)
	if pc >= 0 && pc < len(f.code) {
		if in := &f.code[pc]; in.c == callGo && in.op.operand(fieldD) == oGoWrap {
			n = in.d
		}
	}
	if n == 0 {
		if start == nil {
			return nil
		}
		return []rt.Frame{{Fn: start, PC: -1}}
	}
	m := f.m
	key := goWrapKey{f, n}
	w, ok := m.goWraps.Load(key)
	if !ok {
		wf := &Func{m: m, name: fmt.Sprintf("%s.gowrap%d", f.name, n)}
		wf.once.Do(func() {})
		wf.file, wf.line = f.FileLine(pc)
		w, _ = m.goWraps.LoadOrStore(key, wf)
	}
	m.panicFunc() // makes goexitFn
	return []rt.Frame{{Fn: m.goexitFn}, {Fn: w.(*Func)}}
}

// FileLine returns the source position of instruction pc.
func (f *Func) FileLine(pc int) (string, int) {
	if f.file != "" {
		return f.file, f.line
	}
	var p token.Pos
	if pc >= 0 && pc < len(f.pos) {
		p = f.pos[pc]
	}
	if !p.IsValid() {
		p = f.declPos
	}
	if !p.IsValid() {
		return "?", 0
	}
	return f.m.src.position(p)
}

// ReturnLine returns the source position of the code after the call
// instruction pc (where gc's return address falls), or pc's own if the
// next instruction has none.
func (f *Func) ReturnLine(pc int) (string, int) {
	if pc+1 < len(f.pos) && f.pos[pc+1].IsValid() {
		return f.FileLine(pc + 1)
	}
	return f.FileLine(pc)
}

func (f *Func) String() string { return f.name }

// gcName turns ssa's function names into gc's: main.main$1 → main.main.func1,
// (*main.T).M → main.(*T).M, main.T.M$bound → main.T.M-fm.
func gcName(sf *ssa.Function) string {
	name := sf.Name()
	var parts []string
	for fn := sf; fn != nil; fn = fn.Parent() {
		parts = append(parts, fn.Name())
		if fn.Parent() == nil {
			name = fn.Name()
		}
	}
	_ = name
	// Outermost function name with receiver.
	outer := sf
	for outer.Parent() != nil {
		outer = outer.Parent()
	}
	// An instance of a generic function is named as gc names every one
	// of them: its type parameters as "[...]" (main.gen[...],
	// main.(*S[...]).m).
	generic := false
	if o := outer.Origin(); o != nil {
		outer, generic = o, true
	}
	base := outer.Name()
	recv := outer.Signature.Recv()
	if generic && recv == nil {
		base += "[...]"
	}
	thunk := false
	if _, ok := outer.Object().(*types.Func); ok && recv == nil && outer.Pkg == nil && outer.Signature.Params().Len() > 0 {
		// A method expression's thunk (T.Method$thunk, (*T).Method$thunk):
		// gc names it by the receiver type the expression names.
		recv, thunk = outer.Signature.Params().At(0), true
	}
	if recv != nil {
		rt := recv.Type()
		ptr := ""
		if p, ok := rt.(*types.Pointer); ok {
			rt = p.Elem()
			ptr = "*"
		}
		tn := types.TypeString(rt, func(*types.Package) string { return "" })
		if n, ok := rt.(*types.Named); ok && n.TypeParams().Len() > 0 {
			tn = n.Obj().Name() + "[...]"
		}
		if ptr != "" {
			base = "(" + ptr + tn + ")." + base
		} else {
			base = tn + "." + base
		}
	}
	pkg := ""
	if outer.Pkg != nil {
		pkg = outer.Pkg.Pkg.Path()
		if outer.Pkg.Pkg.Name() == "main" {
			pkg = "main"
		}
	} else if outer.Object() != nil && outer.Object().Pkg() != nil {
		pkg = outer.Object().Pkg().Path()
		if thunk && outer.Object().Pkg().Name() == "main" {
			pkg = "main"
		}
	}
	s := base
	// Closures: ssa names them outer$1, outer$1$2.
	if sf.Parent() != nil {
		nested := sf.Name()
		if i := strings.Index(nested, "$"); i >= 0 {
			idx := strings.Split(nested[i+1:], "$")
			s += ".func" + idx[0]
			for _, n := range idx[1:] {
				s += "." + n
			}
		}
	} else if i := strings.Index(base, "$"); i >= 0 {
		switch base[i+1:] {
		case "bound":
			s = base[:i] + "-fm"
		default:
			s = base[:i]
		}
	}
	if pkg != "" {
		return pkg + "." + s
	}
	return s
}

// nativeName is the key natives are registered under.
func nativeName(sf *ssa.Function) string {
	if o := sf.Origin(); o != nil {
		sf = o
	}
	return sf.String()
}

// ensure compiles f once.
func (f *Func) ensure() {
	if !f.ready.Load() {
		f.once.Do(f.compile)
		f.ready.Store(true)
	}
}

func (f *Func) compile() { f.m.src.body(f) }

// How a function without code of its own is bound.
const (
	bindNone        = iota
	bindRegistered  // the native registered under its key
	bindEmptyInit   // a native package's initializer: natives set its variables
	bindUnsupported // neither Go code nor a native: reported when called
	bindPackageInit // a native package's start-up step (RegisterPackageInit; key: its path)
)

func (f *Func) bindNative(b uint8) {
	f.bind = b
	switch b {
	case bindRegistered:
		nativesMu.Lock()
		f.native = natives[f.key]
		nativesMu.Unlock()
		if f.native != nil {
			return
		}
		f.bind = bindUnsupported
	case bindEmptyInit:
		f.native = func(t *Thread, args, results []rt.Value) {}
		return
	case bindPackageInit:
		nativesMu.Lock()
		step := packageInits[f.key]
		nativesMu.Unlock()
		if step != nil {
			// Once per program, as an initializer's init$guard: every
			// importer's initializer calls the package's.
			key := f.key
			f.native = func(t *Thread, args, results []rt.Value) {
				if _, done := t.m.pkgInitDone.LoadOrStore(key, true); !done {
					step(t, args, results)
				}
			}
			return
		}
		f.bind = bindUnsupported
	}
	name := f.key
	f.native = func(t *Thread, args, results []rt.Value) {
		t.Unsupported(fmt.Sprintf("function %s (no Go implementation in goro yet)", name))
	}
}
