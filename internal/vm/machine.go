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
	"sync/atomic"

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
	// buildInfo is the build information gc's linker would record
	// (load.Program.BuildInfo; kept by the cache).
	buildInfo string
	// embeds are the program's //go:embed variables (embed.go; kept by
	// the cache), filled as it starts; embedErr, what stopped that.
	embeds   []load.Embed
	embedErr error
	src      source // where functions, variables and types come from (source.go)
	// locals names local types as gc does (types.go localNames).
	locals localNames
	// mprof is the heap profile (mprof.go).
	mprof memProfile
	// image holds the standard packages of a hybrid Machine (image.go).
	image *Image
	RT    *rt.Runtime

	typesMu sync.Mutex
	types   typeutil.Map
	sizes   types.Sizes

	funcsMu sync.Mutex
	funcs   map[*ssa.Function]*Func

	pushesOnce sync.Once
	pushes     map[string]*ssa.Function // linkname pushes by symbol (source.go)

	globalsMu   sync.Mutex
	globals     map[*ssa.Global]*rt.Value // made on first use (globalCell)
	compileOnly bool                      // Options.CompileOnly

	Stdout, Stderr io.Writer
	Args           []string
	Executable     string // os.Executable's answer ("": the host's)
	OwnStdio       bool   // the process's standard files are the program's (Options.OwnStdio)

	errorType *Type // the error interface
	// runtime panic value types
	rtErrorString, rtPlainError, rtTypeAssertion, rtPanicNil *Type

	stderrMu sync.Mutex

	// Traceback is debug.SetTraceback's setting (TracebackSetting's
	// bits), combined with $GOTRACEBACK's when a panic is printed.
	Traceback atomic.Uint32

	// zerobase holds the cell of the zero-size variables of each type
	// (gc's runtime.zerobase): pointers to them compare equal.
	zerobase sync.Map // *Type → *rt.Value

	sitesMu sync.Mutex
	sites   []callerSite
	siteIDs map[callerSite]uintptr

	panicOnce sync.Once
	// panicFn is gopanic's frame while a panic runs deferred calls, as
	// tracebacks show it ("panic({...})"); gopanicFn is the same frame as
	// runtime.Callers names it; goexitCallFn is runtime.Goexit's frame
	// while a Goexit runs them (both names as gc's).
	panicFn, gopanicFn, goexitCallFn *Func
	// goexitFn and mainFn are the runtime frames gc's stacks end with
	// (runtime.goexit; runtime.main below main.main), for Callers and
	// profiles.
	goexitFn, mainFn *Func
	// parkFrames holds, for each native that parks, the frame gc's
	// tracebacks show for it (parkFrame).
	parkFrames sync.Map // *Func → *Func
	// goWraps holds gc's gowrapN frames of go statements (UnstartedFrames).
	goWraps sync.Map // goWrapKey → *Func
	// runtimeFuncs holds RuntimePC's frames, by name.
	runtimeFuncs sync.Map // string → *Func

	// pkgInitDone holds the paths of native packages whose start-up step
	// (RegisterPackageInit) has run.
	pkgInitDone sync.Map

	// LibState holds per-program state of native packages (flag's flags,
	// os's open files), keyed by a package's own key type.
	LibState sync.Map
}

// Options for New.
type Options struct {
	GOMAXPROCS int
	Seed       uint64
	Stdout     io.Writer
	Stderr     io.Writer
	Args       []string // os.Args
	Executable string   // os.Executable's answer ("": the host process's)
	OwnStdio   bool     // closing os.Stdin, Stdout, Stderr closes the process's
	// MemoryLimit bounds the host heap in bytes (rt/mem.go; 0: default).
	MemoryLimit int64
	// Det, if set, asks for a deterministic schedule (rt/det.go).
	Det *rt.DetConfig
	// Trace records an execution trace of the whole run (rt/trace.go).
	Trace bool
	// CompileOnly makes a machine that is never run, only compiled for
	// the cache (WriteCache): its globals are cells without zero values
	// (crypto/internal/fips140/drbg.memory alone, 32 MiB, would take
	// 768 MB as Values).
	CompileOnly bool
}

// New prepares prog to run.
func New(prog *load.Program, opt Options) *Machine {
	m := newMachine(opt)
	m.prog = prog
	m.buildInfo = prog.BuildInfo
	m.src = ssaSource{m}
	m.compileOnly = opt.CompileOnly
	m.init()
	m.embeds = prog.Embeds
	if !m.compileOnly {
		m.embedErr = m.fillEmbeds(prog.Embeds, func(pkg, name string) (*rt.Value, *Type) {
			for _, sp := range prog.Packages {
				if sp.Pkg.Path() != pkg {
					continue
				}
				if g, ok := sp.Members[name].(*ssa.Global); ok {
					return m.globalCell(g), m.typeOf(g.Type().(*types.Pointer).Elem())
				}
			}
			return nil, nil
		})
	}
	return m
}

// globalCell returns the cell of the package-level variable g, made on
// first use — when the first function that names it is compiled, as the
// cache makes its cells when it decodes one: a program pays for the
// variables its code reaches, not for every one of its dependencies'
// (crypto/internal/fips140/drbg.memory, 32 MiB, is 768 MB as Values).
func (m *Machine) globalCell(g *ssa.Global) *rt.Value {
	m.globalsMu.Lock()
	defer m.globalsMu.Unlock()
	if cell := m.globals[g]; cell != nil {
		return cell
	}
	if m.image != nil {
		if cell := m.imageGlobalCell(g); cell != nil {
			m.globals[g] = cell
			return cell
		}
	}
	et := m.typeOf(g.Type().(*types.Pointer).Elem())
	var cell *rt.Value
	if et.Size == 0 {
		cell = m.zeroCell(et) // as gc, zero-size variables share an address
	} else {
		cell = new(rt.Value)
		if !m.compileOnly {
			*cell = et.Zero()
		}
	}
	m.globals[g] = cell
	return cell
}

func newMachine(opt Options) *Machine {
	m := &Machine{
		funcs:      map[*ssa.Function]*Func{},
		globals:    map[*ssa.Global]*rt.Value{},
		Stdout:     opt.Stdout,
		Stderr:     opt.Stderr,
		Args:       opt.Args,
		Executable: opt.Executable,
		OwnStdio:   opt.OwnStdio,
		sizes:      types.SizesFor("gc", "amd64"),
	}
	if m.Stdout == nil {
		m.Stdout = os.Stdout
	}
	if m.Stderr == nil {
		m.Stderr = os.Stderr
	}
	m.RT = rt.New(m, rt.Config{GOMAXPROCS: opt.GOMAXPROCS, Seed: opt.Seed, Stderr: m.Stderr, MemoryLimit: opt.MemoryLimit, Det: opt.Det, GODEBUG: os.Getenv("GODEBUG"), Trace: opt.Trace})
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

// Run runs the program's package initializers and main.main, and returns
// the exit code.
func (m *Machine) Run() int {
	if m.embedErr != nil {
		fmt.Fprintf(m.Stderr, "goro: %v\n", m.embedErr)
		return 1
	}
	init, main := m.src.entry()
	if main == nil {
		fmt.Fprintf(m.Stderr, "function main is undeclared in the main package\n")
		return 1
	}
	var seq []*Func
	if init != nil {
		seq = append(seq, init)
	}
	started := &Func{m: m, name: "runtime.mainStarted", hidden: true}
	started.once.Do(func() {})
	started.native = func(t *Thread, _, _ []rt.Value) { t.m.RT.MainStarted() }
	seq = append(seq, started, main)
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
	if m.image != nil {
		if f := m.imageFunc(sf); f != nil {
			m.funcs[sf] = f
			return f
		}
	}
	f := &Func{ssa: sf, m: m, name: gcName(sf), key: nativeName(sf), declPos: sf.Pos(), wrapper: isWrapper(sf)}
	if sf.Parent() != nil && isRangeBody(sf) {
		f.wrapBase = gcName(rangeParent(sf))
	}
	f.nparams = len(sf.Params)
	f.nresults = sf.Signature.Results().Len()
	for _, ta := range sf.TypeArgs() {
		f.targs = append(f.targs, m.typeOf(ta))
	}
	m.funcs[sf] = f
	return f
}

// panicFunc is the frame tracebacks show for gopanic while deferred calls
// run: "panic({...})" at the line of $GOROOT/src/runtime/panic.go where gc
// calls deferred functions.
func (m *Machine) panicFunc() *Func {
	m.panicOnce.Do(func() {
		m.panicFn = m.runtimeFrame("panic", "panic.go", "func gopanic(", "fn()", 0)
		m.panicFn.nparams = 1
		m.gopanicFn = m.runtimeFrame("runtime.gopanic", "panic.go", "func gopanic(", "fn()", 0)
		m.goexitCallFn = m.runtimeFrame("runtime.Goexit", "panic.go", "func Goexit()", "fn()", 0)
		m.mainFn = m.runtimeFrame("runtime.main", "proc.go", "func main()", "fn()", 0)
		m.goexitFn = m.runtimeFrame("runtime.goexit", "asm_amd64.s", "TEXT runtime·goexit(SB)", "", 1)
		m.goexitFn.argsText = "({})" // as gc prints it below an unstarted goroutine's wrapper
	})
	return m.panicFn
}

// parkSites places the natives that park a G where gc's runtime
// implements them: the file, the first line of the implementation and
// the call in it that parks (what a traceback of the waiting G shows).
var parkSites = map[string]struct{ file, decl, at string }{
	"internal/sync.runtime_SemacquireMutex": {"sema.go", "func internal_sync_runtime_SemacquireMutex(", "semacquire1("},
	"sync.runtime_Semacquire":               {"sema.go", "func sync_runtime_Semacquire(", "semacquire1("},
	"sync.runtime_SemacquireRWMutexR":       {"sema.go", "func sync_runtime_SemacquireRWMutexR(", "semacquire1("},
	"sync.runtime_SemacquireRWMutex":        {"sema.go", "func sync_runtime_SemacquireRWMutex(", "semacquire1("},
	"sync.runtime_SemacquireWaitGroup":      {"sema.go", "func sync_runtime_SemacquireWaitGroup(", "semacquire1("},
	"sync.runtime_notifyListWait":           {"sema.go", "func notifyListWait(", "goparkunlock("},
	"time.Sleep":                            {"time.go", "func timeSleep(", "gopark(resetForSleep,"}, // not the bubble's (synctest)
}

// parkFrame returns the frame a G parked in native f shows in tracebacks
// and profiles, as gc shows its runtime function of that name (nil: none;
// the natives gc implements under "runtime." are hidden there too).
func (m *Machine) parkFrame(f *Func) *Func {
	if pf, ok := m.parkFrames.Load(f); ok {
		return pf.(*Func)
	}
	var pf *Func
	if site, ok := parkSites[f.key]; ok {
		pf = m.runtimeFrame(f.name, site.file, site.decl, site.at, 0)
		pf.nparams = 1 // each takes arguments: "(...)"
	}
	m.parkFrames.Store(f, pf)
	return pf
}

// runtimeFrame makes a function of gc's runtime that goro shows in stacks
// but does not run, placed where gc's is: in $GOROOT/src/runtime/file, at
// the first line that starts with at (trimmed) inside the function whose first
// line starts with decl, or the line below decl if at is "".
func (m *Machine) runtimeFrame(name, file, decl, at string, below int) *Func {
	f := &Func{m: m, name: name}
	f.once.Do(func() {})
	goroot := os.Getenv("GOROOT")
	if goroot == "" {
		goroot = runtime.GOROOT()
	}
	f.file = filepath.Join(goroot, "src", "runtime", file)
	data, err := os.ReadFile(f.file)
	if err != nil {
		return f
	}
	in := false
	for i, l := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(l, decl):
			in = true
			if at == "" {
				f.line = i + 1 + below
				return f
			}
		case in && strings.HasPrefix(l, "}"):
			return f
		case in && strings.HasPrefix(strings.TrimSpace(l), at):
			f.line = i + 1
			return f
		}
	}
	return f
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

// BuildInfo returns the program's build information as
// runtime/debug.ParseBuildInfo reads it ("" if none).
func (m *Machine) BuildInfo() string { return m.buildInfo }
