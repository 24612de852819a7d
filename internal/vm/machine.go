// Package vm is goro's executor: it compiles SSA functions to a compact
// register code and runs a G's frames on the G's own stack until the G
// parks, yields or exits.
//
// Value representations (rt.Value is {N uint64; R any}):
//
//	bool, integers     N (signed kinds sign-extended, unsigned zero-extended)
//	float32, float64   N = math.Float64bits (float32 values are held as float64)
//	complex64/128      R = complex128
//	string             R = string (nil = "")
//	pointer            R = *rt.Value (nil = nil pointer)
//	unsafe.Pointer     R = *rt.Value
//	slice              R = []rt.Value (nil = nil slice)
//	array, struct      R = []rt.Value (copied on load and store, built eagerly)
//	map                R = *Map
//	chan               R = *rt.Chan
//	func               R = *Closure
//	interface          R = Iface{T, V} (nil = nil interface)
//	tuple              consecutive registers
//
// Calls never recurse on the host stack: a call pushes an rt.Frame and the
// executor's loop goes on in the callee. What goro does not support yet is
// reported by name when the program reaches it.
package vm

import (
	"fmt"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/goro-dev/goro/internal/load"
	"github.com/goro-dev/goro/internal/rt"
)

// Iface is an interface value: its dynamic type and value.
type Iface struct {
	T *Type
	V rt.Value
}

// Closure is a function value: code and captured variables.
type Closure struct {
	Fn  *Func
	Env []rt.Value
}

// Machine is a loaded program ready to run.
type Machine struct {
	prog *load.Program // the program loaded from source (nil when read from the cache)
	src  source        // where functions, variables and types come from (source.go)
	RT   *rt.Runtime

	typesMu sync.Mutex
	types   typeutil.Map
	sizes   types.Sizes

	funcsMu sync.Mutex
	funcs   map[*ssa.Function]*Func
	globals map[*ssa.Global]*rt.Value

	Stdout, Stderr io.Writer
	Args           []string

	errorType *Type // the error interface
	// runtime panic value types
	rtErrorString, rtPlainError, rtTypeAssertion, rtPanicNil *Type

	stderrMu sync.Mutex

	// zerobase holds the cell of the zero-size variables of each type
	// (gc's runtime.zerobase): pointers to them compare equal.
	zerobase sync.Map // *Type → *rt.Value

	sitesMu sync.Mutex
	sites   []callerSite
	siteIDs map[callerSite]uintptr

	panicOnce sync.Once
	panicFn   *Func

	// LibState holds per-program state of native packages (flag's flags,
	// os's open files), keyed by a package's own key type.
	LibState sync.Map
}

// Go starts a goroutine running closure fn(args...) with no parent (a
// timer's AfterFunc).
func (m *Machine) Go(fn rt.Value, args []rt.Value) {
	cl := fn.R.(*Closure)
	m.RT.Newproc(nil, rt.FrameSite{}, cl.Fn, fn, args)
}

// FieldIndex returns the index of field name in struct type t, or -1.
func FieldIndex(t *Type, name string) int {
	st, ok := t.T.Underlying().(*types.Struct)
	if !ok {
		return -1
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			return i
		}
	}
	return -1
}

// TypeAssertionText is the message of a *runtime.TypeAssertionError.
func (m *Machine) TypeAssertionText(v rt.Value) string { return m.typeAssertionText(v) }

// NativeFunc implements a function in Go. It reads its arguments and
// writes its results (len(results) == number of results). It may park the
// G (t.Park...), in which case it runs again when the G resumes, with
// t.Resuming() true; or panic (t.Panic).
type NativeFunc func(t *Thread, args, results []rt.Value)

var (
	nativesMu sync.Mutex
	natives   = map[string]NativeFunc{}
	// nativeInits set native packages' variables at start-up.
	nativeInits []func(m *Machine)
)

// RegisterNative binds the function or method named as ssa prints it
// ("strings.Index", "(*sync.Mutex).Lock") to f.
func RegisterNative(name string, f NativeFunc) {
	nativesMu.Lock()
	defer nativesMu.Unlock()
	natives[name] = f
}

// RegisterInit adds a start-up hook (e.g. setting os.Args).
func RegisterInit(f func(m *Machine)) { nativeInits = append(nativeInits, f) }

// Options for New.
type Options struct {
	GOMAXPROCS int
	Seed       uint64
	Stdout     io.Writer
	Stderr     io.Writer
	Args       []string // os.Args
}

// New prepares prog to run.
func New(prog *load.Program, opt Options) *Machine {
	m := newMachine(opt)
	m.prog = prog
	m.src = ssaSource{m}
	for _, p := range prog.Packages {
		for _, mem := range p.Members {
			if g, ok := mem.(*ssa.Global); ok {
				et := m.typeOf(g.Type().(*types.Pointer).Elem())
				if et.Size == 0 {
					m.globals[g] = m.zeroCell(et) // as gc, zero-size variables share an address
					continue
				}
				cell := new(rt.Value)
				*cell = et.Zero()
				m.globals[g] = cell
			}
		}
	}
	m.init()
	return m
}

func newMachine(opt Options) *Machine {
	m := &Machine{
		funcs:   map[*ssa.Function]*Func{},
		globals: map[*ssa.Global]*rt.Value{},
		Stdout:  opt.Stdout,
		Stderr:  opt.Stderr,
		Args:    opt.Args,
		sizes:   types.SizesFor("gc", "amd64"),
	}
	if m.Stdout == nil {
		m.Stdout = os.Stdout
	}
	if m.Stderr == nil {
		m.Stderr = os.Stderr
	}
	m.RT = rt.New(m, rt.Config{GOMAXPROCS: opt.GOMAXPROCS, Seed: opt.Seed, Stderr: m.Stderr})
	return m
}

// init finds the types the executor itself makes values of and runs the
// natives' start-up hooks.
func (m *Machine) init() {
	m.errorType = m.typeOf(types.Universe.Lookup("error").Type())
	m.rtErrorString = m.runtimeType("errorString")
	m.rtPlainError = m.runtimeType("plainError")
	m.rtTypeAssertion = m.typeOf(types.NewPointer(m.runtimeType("TypeAssertionError").T))
	m.rtPanicNil = m.typeOf(types.NewPointer(m.runtimeType("PanicNilError").T))
	for _, f := range nativeInits {
		f(m)
	}
}

func (m *Machine) runtimeType(name string) *Type {
	t := m.LookupType("runtime", name)
	if t == nil {
		panic("BUG: runtime." + name + " not found")
	}
	return t
}

// Global returns the cell of package-level variable pkgpath.name, or nil.
func (m *Machine) Global(pkgpath, name string) *rt.Value {
	return m.src.global(pkgpath, name)
}

// TypeOf returns the runtime type of T.
func (m *Machine) TypeOf(T types.Type) *Type { return m.typeOf(T) }

// LookupType returns the runtime type of the named type pkgpath.name, or nil.
func (m *Machine) LookupType(pkgpath, name string) *Type {
	return m.src.lookupType(pkgpath, name)
}

// Run runs the program's package initializers and main.main, and returns
// the exit code.
func (m *Machine) Run() int {
	init, main := m.src.entry()
	if main == nil {
		fmt.Fprintf(m.Stderr, "function main is undeclared in the main package\n")
		return 1
	}
	var seq []*Func
	if init != nil {
		seq = append(seq, init)
	}
	seq = append(seq, main)
	entry := m.entryFunc(seq)
	return m.RT.Main(rt.Value{R: &Closure{Fn: entry}})
}

// funcOf returns the Func for an SSA function (compiled lazily on first call).
func (m *Machine) funcOf(sf *ssa.Function) *Func {
	m.funcsMu.Lock()
	defer m.funcsMu.Unlock()
	if f, ok := m.funcs[sf]; ok {
		return f
	}
	f := &Func{ssa: sf, m: m, name: gcName(sf), key: nativeName(sf), declPos: sf.Pos()}
	f.nparams = len(sf.Params)
	f.nresults = sf.Signature.Results().Len()
	for _, ta := range sf.TypeArgs() {
		f.targs = append(f.targs, m.typeOf(ta))
	}
	m.funcs[sf] = f
	return f
}

// fset returns the program's file set.
// NewError returns an error value (an *errors.errorString) with text msg.
func (m *Machine) NewError(msg string) rt.Value {
	et := m.LookupType("errors", "errorString")
	if et == nil {
		return rt.Value{R: Iface{T: m.rtPlainError, V: rt.Value{R: msg}}}
	}
	cell := &rt.Value{R: []rt.Value{{R: msg}}}
	return rt.Value{R: Iface{T: m.typeOf(types.NewPointer(et.T)), V: rt.Value{R: cell}}}
}

// panicFunc is the frame tracebacks show for gopanic while deferred calls
// run: "panic({...})" at the line of $GOROOT/src/runtime/panic.go where gc
// calls deferred functions.
func (m *Machine) panicFunc() *Func {
	m.panicOnce.Do(func() {
		f := &Func{m: m, name: "panic", nparams: 1}
		f.once.Do(func() {})
		f.file, f.line = gopanicSite()
		m.panicFn = f
	})
	return m.panicFn
}

func gopanicSite() (string, int) {
	goroot := os.Getenv("GOROOT")
	if goroot == "" {
		goroot = runtime.GOROOT()
	}
	file := filepath.Join(goroot, "src", "runtime", "panic.go")
	data, err := os.ReadFile(file)
	if err != nil {
		return file, 0
	}
	lines := strings.Split(string(data), "\n")
	in := false
	for i, l := range lines {
		if strings.HasPrefix(l, "func gopanic(") {
			in = true
		} else if in && strings.HasPrefix(l, "}") {
			break
		} else if in && strings.TrimSpace(l) == "fn()" {
			return file, i + 1
		}
	}
	return file, 0
}

// NewCoro makes a coroutine running closure fn(args...), created by t's
// goroutine at its current instruction.
func (m *Machine) NewCoro(t *Thread, fn rt.Value, args []rt.Value) *rt.Coro {
	cl := fn.R.(*Closure)
	top := t.frames[len(t.frames)-1]
	return m.RT.NewCoro(t.gp, rt.FrameSite{Fn: top.Fn, PC: top.PC}, cl.Fn, fn, args)
}

// zeroCell returns the shared cell of zero-size type t. (gc shares one
// address among all types; goro's cells hold a type's shape, [1]struct{}
// being a one-element array, so it shares one per type.)
func (m *Machine) zeroCell(t *Type) *rt.Value {
	if c, ok := m.zerobase.Load(t); ok {
		return c.(*rt.Value)
	}
	z := t.Zero()
	c, _ := m.zerobase.LoadOrStore(t, &z)
	return c.(*rt.Value)
}

// CallerPC is the program counter the runtime package hands out for frame
// pc of fn: an index into the machine's table of call sites (1-based).
type callerSite struct {
	fn *Func
	pc int
}

// Callers returns the call stack of t's goroutine, innermost first,
// skipping skip frames (runtime.Callers' and runtime.Caller's view).
func (t *Thread) Callers(skip int) []uintptr {
	m := t.m
	var pcs []uintptr
	for i := len(t.frames) - 1; i >= 0; i-- {
		f, ok := t.frames[i].Fn.(*Func)
		if !ok || f.hidden || f == m.panicFn {
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		pcs = append(pcs, m.sitePC(f, t.frames[i].PC))
	}
	return pcs
}

func (m *Machine) sitePC(f *Func, pc int) uintptr {
	m.sitesMu.Lock()
	defer m.sitesMu.Unlock()
	k := callerSite{f, pc}
	if id, ok := m.siteIDs[k]; ok {
		return id
	}
	if m.siteIDs == nil {
		m.siteIDs = map[callerSite]uintptr{}
	}
	m.sites = append(m.sites, k)
	id := uintptr(len(m.sites)) // never 0
	m.siteIDs[k] = id
	return id
}

// PCInfo returns the function name, file and line of a pc from Callers.
func (m *Machine) PCInfo(pc uintptr) (name, file string, line int, ok bool) {
	m.sitesMu.Lock()
	defer m.sitesMu.Unlock()
	if pc == 0 || int(pc) > len(m.sites) {
		return "", "", 0, false
	}
	s := m.sites[pc-1]
	file, line = s.fn.FileLine(s.pc)
	return s.fn.name, file, line, true
}

// StackText formats t's goroutine's stack (all: every goroutine's) as
// runtime.Stack does.
func (t *Thread) StackText(all bool) string {
	t.syncFrames()
	return t.m.RT.Stack(t.gp, all)
}
