package vm

// The API natives use: registration (RegisterNative, RegisterInit,
// NativeNames), the Thread methods a native calls to park, yield, panic or
// call back into the program, and the helpers that exist only for natives
// (internal/lib). Nothing in the executor's loop lives here.

import (
	"fmt"
	"go/types"
	"math"
	"sort"
	"sync"
	"unsafe"

	"golang.org/x/tools/go/ssa"

	"github.com/goro-dev/goro/internal/rt"
)

// NativeFunc implements a function in Go. It reads its arguments and
// writes its results (len(results) == number of results). It may park the
// G (an rt call that parks, then t.Parked), in which case it runs again
// when the G resumes, with t.Resuming() true; or panic (t.Panic).
type NativeFunc func(t *Thread, args, results []rt.Value)

var (
	nativesMu sync.Mutex
	natives   = map[string]NativeFunc{}
	// nativeInits set native packages' variables at start-up.
	nativeInits []func(m *Machine)
	// packageInits are native packages' steps of the program's
	// initialization, by package path.
	packageInits = map[string]NativeFunc{}
)

// RegisterNative binds the function or method named as ssa prints it
// ("strings.Index", "(*sync.Mutex).Lock") to f. A name registered twice is
// a bug in internal/lib (one of the two would never run): it panics.
func RegisterNative(name string, f NativeFunc) {
	nativesMu.Lock()
	defer nativesMu.Unlock()
	if _, dup := natives[name]; dup {
		panic("vm: native " + name + " registered twice")
	}
	natives[name] = f
}

// RegisterFloatNatives registers natives of functions of one or two
// float64s that return one (package math's): the executor calls them
// from its loop, with no frame and no argument slice — a call of
// math.Sqrt through the general native route cost ~50 ns, what a native
// that may park, call back or panic needs.
func RegisterFloatNatives(f1 map[string]func(float64) float64, f2 map[string]func(float64, float64) float64) {
	for name, f := range f1 {
		RegisterNative(name, func(t *Thread, a, r []rt.Value) {
			r[0] = rt.Value{N: math.Float64bits(f(math.Float64frombits(a[0].N)))}
		})
		nativesMu.Lock()
		float1s[name] = f
		nativesMu.Unlock()
	}
	for name, f := range f2 {
		RegisterNative(name, func(t *Thread, a, r []rt.Value) {
			r[0] = rt.Value{N: math.Float64bits(f(math.Float64frombits(a[0].N), math.Float64frombits(a[1].N)))}
		})
		nativesMu.Lock()
		float2s[name] = f
		nativesMu.Unlock()
	}
}

var (
	float1s = map[string]func(float64) float64{}
	float2s = map[string]func(float64, float64) float64{}
)

// LookupFloatNative returns the host function a float native registered
// under name calls (a func(float64) float64 or func(float64, float64)
// float64), or nil.
func LookupFloatNative(name string) any {
	nativesMu.Lock()
	defer nativesMu.Unlock()
	if f := float1s[name]; f != nil {
		return f
	}
	if f := float2s[name]; f != nil {
		return f
	}
	return nil
}

// RegisterNatives registers a table of natives: internal/lib has one per
// package or file, name (as ssa prints it) → named Go function.
func RegisterNatives(table map[string]NativeFunc) {
	for name, f := range table {
		RegisterNative(name, f)
	}
}

// ModuleNative is a native for a function of a module outside the
// standard library: it binds only where the function's signature (as
// go/types prints it, parameter names included) is Sig, the one it
// implements — another version of the module may declare it otherwise.
type ModuleNative struct {
	Sig string
	Fn  NativeFunc
}

// moduleSigs holds the signature each module native implements.
var moduleSigs = map[string]string{}

// RegisterModuleNatives registers natives for functions of modules (the
// copies of packages the standard library vendors, whose assembly its
// own natives already implement).
func RegisterModuleNatives(table map[string]ModuleNative) {
	for name, mn := range table {
		RegisterNative(name, mn.Fn)
		nativesMu.Lock()
		moduleSigs[name] = mn.Sig
		nativesMu.Unlock()
	}
}

// ModuleNativeNames lists the natives RegisterModuleNatives registered.
func ModuleNativeNames() []string {
	nativesMu.Lock()
	defer nativesMu.Unlock()
	var names []string
	for name := range moduleSigs {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// nativeFor returns the native for sf (key: its native name), nil if none
// is registered or a module native's signature is not sf's.
func nativeFor(key string, sf *ssa.Function) NativeFunc {
	nativesMu.Lock()
	defer nativesMu.Unlock()
	if sig, ok := moduleSigs[key]; ok && (sf == nil || types.TypeString(sf.Signature, nil) != sig) {
		return nil
	}
	return natives[key]
}

// LookupNative returns the native registered for name, or nil.
func LookupNative(name string) NativeFunc {
	nativesMu.Lock()
	defer nativesMu.Unlock()
	return natives[name]
}

// NativeNames returns the registered names, sorted (internal/lib's test
// checks that each is a function or method of the standard library).
func NativeNames() []string {
	nativesMu.Lock()
	defer nativesMu.Unlock()
	names := make([]string, 0, len(natives))
	for name := range natives {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// RegisterInit adds a start-up hook (e.g. setting os.Args). Hooks run
// when the Machine is made, before any package initializer.
func RegisterInit(f func(m *Machine)) { nativeInits = append(nativeInits, f) }

// RegisterPackageInit makes f the last step of native package path's
// initializer, which first runs the initializers of the interpreted
// packages it imports (directly or through other native packages): f may
// read their variables (os.ErrNotExist is io/fs's ErrNotExist). It runs
// once per program, like an initializer.
func RegisterPackageInit(path string, f NativeFunc) {
	nativesMu.Lock()
	defer nativesMu.Unlock()
	if _, dup := packageInits[path]; dup {
		panic("BUG: package init of " + path + " registered twice")
	}
	packageInits[path] = f
}

// CallThen makes the native call closure fn(args...) as an interpreted
// call; when it returns, k runs with its results and the native's own
// result slots (out), and may call CallThen again. The native's call
// completes when a continuation returns without calling CallThen. A
// native uses it to call back into the program without host recursion
// (sync.Map.Range calling its function). The call's frame is laid down
// over the native's argument slots: a continuation must not read the
// native's args (copy what it needs before calling CallThen).
func (t *Thread) CallThen(fn rt.Value, args []rt.Value, k func(t *Thread, results, out []rt.Value)) {
	a := t.x()
	a.thenFn, a.thenArgs, a.thenK = fn, args, k
}

// SyncFrames saves the G's frames where rt reads them (tracebacks,
// profiles) — done at every park and yield, and by natives before a host
// call that can last.
func (t *Thread) SyncFrames() { t.syncFrames() }

// G returns the thread's goroutine.
func (t *Thread) G() *rt.G { return t.gp }

// Machine returns the thread's machine.
func (t *Thread) Machine() *Machine { return t.m }

// Resuming reports whether the current native is being re-executed after
// the G parked in it.
func (t *Thread) Resuming() bool { return t.resuming }

// RecvBuf is where a native's channel receive (rt.Runtime.Chanrecv) puts
// the value: in the Thread, not the G's stack, so that it survives a park.
// The native takes it on resume and clears it.
func (t *Thread) RecvBuf() *rt.Value { return &t.recvBuf }

// Parked tells the executor that the native parked the G (through an rt
// call that parks); it runs again when the G resumes.
func (t *Thread) Parked() { t.parked = true }

// Yield asks the executor to yield after the native returns (Gosched).
func (t *Thread) Yield() { t.yield = true }

// Goexit ends the G as runtime.Goexit does, once its defers have run.
func (t *Thread) Goexit() {
	p := &rt.Panic{Goexit: true, Link: t.gp.Panics()}
	t.gp.SetPanics(p)
	t.pending = &rt.Value{} // marker: unwind without a value
}

// Panic makes the native's call panic with the interface value v.
func (t *Thread) Panic(v rt.Value) { t.pending = &v }

// PanicRuntime panics with a runtime.Error whose Error() is "runtime error: " + msg.
func (t *Thread) PanicRuntime(msg string) { t.Panic(t.m.RuntimeError(msg)) }

// AllocBytes checks an allocation of n bytes that a native makes for the
// program, as gc's makeslice of a []byte would: a length that cannot be
// allocated (negative, overflowed, past maxAlloc) panics with "makeslice:
// len out of range", one over the memory limit ends the program (out of
// memory). It reports whether the native may allocate.
func (t *Thread) AllocBytes(n int) bool {
	if n < 0 || n > maxAlloc {
		t.PanicRuntime("makeslice: len out of range")
		return false
	}
	if !t.m.RT.AllocFits(uint64(n)) {
		t.outOfMemory()
		return false
	}
	return true
}

// PanicPlain panics with a runtime.Error printed without a prefix.
func (t *Thread) PanicPlain(msg string) {
	t.Panic(rt.Value{R: Iface{T: t.m.rtPlainError, V: rt.Value{R: msg}}})
}

// Fatal ends the program with gc's "fatal error: msg" and the traceback of
// every goroutine (sync's "unlock of unlocked mutex", for one).
func (t *Thread) Fatal(msg string) {
	t.syncFrames()
	t.fatal = true
	t.m.RT.Fatal(msg, t.gp)
}

// TailCall makes the native's call continue as a call of closure fn with
// args: fn's results become the native's results (sync.Pool.Get calling
// New).
func (t *Thread) TailCall(fn rt.Value, args []rt.Value) {
	a := t.x()
	a.tailFn, a.tailArgs = fn, args
}

// Exit ends the program with code (os.Exit).
func (t *Thread) Exit(code int) {
	t.fatal = true
	t.m.RT.Exit(code)
}

// Signalled ends the program as a fatal signal text ends gc's (its text
// and every goroutine, exit code 2): runtime.Breakpoint's SIGTRAP.
func (t *Thread) Signalled(text string) {
	t.syncFrames()
	t.fatal = true
	t.m.RT.SignalDump(text, t.gp)
}

// Unsupported ends the program: goro cannot do what it was asked yet. In
// a test's goroutine it fails that test instead (testFail), so that the
// test binary's other tests still run.
func (t *Thread) Unsupported(what string) {
	t.syncFrames()
	fmt.Fprintf(t.m.Stderr, "goro: unsupported: %s\n", what)
	t.m.RT.Traceback(t.m.Stderr, t.gp, false)
	t.fatal = true
	if t.testFail("goro: unsupported: " + what) {
		return
	}
	t.m.RT.Exit(2)
}

// testFail arranges for the G, a test's (running testing.tRunner), to
// call its *testing.T's Fatal with msg once it has left the operation
// that cannot go on: the test fails with msg, its deferred calls run, and
// the test binary goes on with the next test, as after any t.Fatal. It
// reports false for other Gs, and for a test that failed so before (its
// Fatal reached something goro cannot do either).
func (t *Thread) testFail(msg string) bool {
	if t.aux != nil && t.aux.testFailed {
		return false
	}
	m := t.m
	for i := len(t.frames) - 1; i >= 0; i-- {
		f, _ := t.frames[i].Fn.(*Func)
		if f == nil || f.name != "testing.tRunner" || f.nparams < 1 {
			continue
		}
		// (*testing.common).Fatal itself, on the T's embedded common, so
		// that the message names the line that stopped. (Its parameter
		// slot stays live for this: liveness.go pins it.)
		tt, ct := m.LookupType("testing", "T"), m.LookupType("testing", "common")
		tcell, _ := t.gp.Stk[t.frames[i].FP+len(f.consts)].R.(*rt.Value)
		if tt == nil || ct == nil || tcell == nil {
			return false
		}
		fs, _ := tcell.R.([]rt.Value)
		k := FieldIndex(tt, "common")
		fatal := m.typeOf(types.NewPointer(ct.T)).method("Fatal")
		if fatal == nil || k < 0 || k >= len(fs) {
			return false
		}
		recv := rt.Value{R: &fs[k]}
		arg := rt.Value{R: Iface{T: m.typeOf(types.Typ[types.String]), V: rt.Value{R: msg}}}
		a := t.x()
		a.testFailed = true
		a.testFatal = rt.Value{R: &Closure{Fn: fatal}}
		a.testFatalArgs = []rt.Value{recv, {R: []rt.Value{arg}}}
		return true
	}
	return false
}

// Go starts a goroutine running closure fn(args...) with no parent (a
// timer's AfterFunc).
func (m *Machine) Go(fn rt.Value, args []rt.Value) { m.GoFrom(rt.FrameSite{}, fn, args) }

// GoFrom is Go with the creation site tracebacks show ("created by ...").
func (m *Machine) GoFrom(site rt.FrameSite, fn rt.Value, args []rt.Value) {
	cl := fn.R.(*Closure)
	m.RT.Newproc(nil, site, cl.Fn, fn, args)
}

// GoFromTimer is GoFrom for a firing of the runtime timer tm (AfterFunc):
// the goroutine is in tm's synctest bubble, if it has one.
func (m *Machine) GoFromTimer(tm *rt.Timer, site rt.FrameSite, fn rt.Value, args []rt.Value) {
	cl := fn.R.(*Closure)
	m.RT.NewprocTimer(tm, site, cl.Fn, fn, args)
}

// Go starts a goroutine running closure fn(args...) created by t's G at
// its current call (internal/synctest.Run's), and returns it.
func (t *Thread) Go(fn rt.Value, args []rt.Value) *rt.G {
	cl := fn.R.(*Closure)
	top := t.frames[len(t.frames)-1]
	t.syncFrames() // the creator's stack (GODEBUG=tracebackancestors)
	return t.m.RT.Newproc(t.gp, rt.FrameSite{Fn: top.Fn, PC: top.PC}, cl.Fn, fn, args)
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

// RuntimeError returns a runtime.Error value with gc's text "runtime
// error: msg" (a runtime.errorString).
func (m *Machine) RuntimeError(msg string) rt.Value {
	return rt.Value{R: Iface{T: m.rtErrorString, V: rt.Value{R: msg}}}
}

// NewError returns an error value (an *errors.errorString) with text msg.
func (m *Machine) NewError(msg string) rt.Value {
	et := m.LookupType("errors", "errorString")
	if et == nil {
		return rt.Value{R: Iface{T: m.rtPlainError, V: rt.Value{R: msg}}}
	}
	cell := &rt.Value{R: []rt.Value{{R: msg}}}
	return rt.Value{R: Iface{T: m.typeOf(types.NewPointer(et.T)), V: rt.Value{R: cell}}}
}

// NewCoro makes a coroutine running closure fn(args...), created by t's
// goroutine at its current instruction.
func (m *Machine) NewCoro(t *Thread, fn rt.Value, args []rt.Value) *rt.Coro {
	cl := fn.R.(*Closure)
	top := t.frames[len(t.frames)-1]
	t.syncFrames() // the creator's stack (traces, GODEBUG=tracebackancestors)
	return m.RT.NewCoro(t.gp, rt.FrameSite{Fn: top.Fn, PC: top.PC}, cl.Fn, fn, args)
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
	return t.m.framePCs(t.frames, skip, t.gp == t.m.RT.MainG())
}

// RuntimePC returns a pc of gc's runtime function name, placed as
// runtimeFrame places it (file of $GOROOT/src/runtime, the function whose
// first line starts with decl, the line in it starting with at): a frame
// goro does not run but gc's stacks show (runtime.Callers' own).
func (m *Machine) RuntimePC(name, file, decl, at string) uintptr {
	f, ok := m.runtimeFuncs.Load(name)
	if !ok {
		f, _ = m.runtimeFuncs.LoadOrStore(name, m.runtimeFrame(name, file, decl, at, 0))
	}
	return m.sitePC(f.(*Func), 0)
}

// framePCs returns the pcs of frames (outermost first, as a G keeps them)
// innermost first, the first skip of them left out, as runtime.Callers
// lists them: the executor's hidden frames are not shown, nor wrappers
// (rt.ElideWrapper), gopanic's is
// runtime.gopanic, and the stack ends as gc's do, in runtime.main (the
// main goroutine's) and runtime.goexit.
func (m *Machine) framePCs(frames []rt.Frame, skip int, main bool) []uintptr {
	m.panicFunc()
	var pcs []uintptr
	add := func(f *Func, pc int) {
		if skip > 0 {
			skip--
		} else {
			pcs = append(pcs, m.sitePC(f, pc))
		}
	}
	for i := len(frames) - 1; i >= 0; i-- {
		switch f, ok := frames[i].Fn.(*Func); {
		case !ok || f.hidden || f.goWrap || f == m.goexitFn:
			// (An unstarted G's frames: gc's profiles show neither its
			// gowrapN nor more than the one goexit added below.)
		case f.wrapper && rt.ElideWrapper(frames, i):
		case f == m.panicFn:
			add(m.gopanicFn, 0)
		default:
			add(f, frames[i].PC)
		}
	}
	if main {
		add(m.mainFn, 0)
	}
	add(m.goexitFn, 0)
	return pcs
}

// GoroutineStack is one goroutine of a goroutine profile.
type GoroutineStack struct {
	PCs    []uintptr // innermost first, as runtime.Callers
	Labels *rt.Labels
}

// GoroutineProfile returns every live goroutine's stack, t's first, from
// one snapshot (rt.GoroutineProfile); with leaked, the leaked ones only.
func (t *Thread) GoroutineProfile(leaked bool) []GoroutineStack {
	t.syncFrames()
	recs := t.m.RT.GoroutineProfile(t.gp, leaked)
	out := make([]GoroutineStack, len(recs))
	for i, rec := range recs {
		out[i] = GoroutineStack{PCs: t.m.framePCs(rec.Frames, 0, rec.Main), Labels: rec.Labels}
	}
	return out
}

// PCStartLine returns the line of the declaration of pc's function (gc's
// funcInfo.startLine), 0 for an unknown pc.
func (m *Machine) PCStartLine(pc uintptr) int {
	m.sitesMu.Lock()
	defer m.sitesMu.Unlock()
	if pc == 0 || int(pc) > len(m.sites) {
		return 0
	}
	f := m.sites[pc-1].fn
	if f.file != "" || !f.declPos.IsValid() {
		return f.line
	}
	_, line := f.m.src.position(f.declPos)
	return line
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

// FuncEntry returns the entry pc of the function of the func value fn
// (reflect's Value.Pointer, as gc's code pointer: the same for every
// closure of one function literal), 0 for nil. Its line is the
// function's declaration's.
func (m *Machine) FuncEntry(fn rt.Value) uintptr {
	cl, _ := fn.R.(*Closure)
	if cl == nil || cl.Fn == nil {
		return 0
	}
	return m.sitePC(cl.Fn, -1)
}

// PCEntry returns the entry pc of the function pc is in (a pc from
// Callers or FuncEntry), false for one goro did not hand out.
func (m *Machine) PCEntry(pc uintptr) (uintptr, bool) {
	m.sitesMu.Lock()
	if pc == 0 || int(pc) > len(m.sites) {
		m.sitesMu.Unlock()
		return 0, false
	}
	f := m.sites[pc-1].fn
	m.sitesMu.Unlock()
	return m.sitePC(f, -1), true
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

// CopyDeep returns a copy of v of type t that shares no []Value with it
// (structs and arrays; other values are returned as they are).
func CopyDeep(t *Type, v rt.Value) rt.Value { return copyDeep(t, v) }

// StoreDeep stores v into the cell p of type t, in place for structs and
// arrays so that pointers to their parts see the new value.
func StoreDeep(t *Type, p *rt.Value, v rt.Value) { storeDeep(t, p, v) }

// Equal reports whether x == y for values of the comparable type t.
func Equal(t *Type, x, y rt.Value) bool { return equal(t, x, y) }

// Incomparable reports whether == on values of t panics (slices, maps,
// funcs, or structs and arrays holding them).
func (t *Type) Incomparable() bool { return t.incomparable() }

// Method returns the implementation of method name for values of dynamic
// type t, or nil.
func (t *Type) Method(name string) *Func { return t.method(name) }

// Implements reports whether values of t satisfy interface type it.
func (t *Type) Implements(it *Type) bool { return t.implements(it) }

// Type returns the map's type.
func (m *Map) Type() *Type {
	if m == nil {
		return nil
	}
	return m.t
}

// NewNativeClosure returns a func value that runs f (reflect.Swapper,
// reflect.MakeFunc): each call gets its arguments as a native does.
func (m *Machine) NewNativeClosure(name string, nparams, nresults int, f NativeFunc) rt.Value {
	fn := &Func{m: m, name: name, nparams: nparams, nresults: nresults, native: f}
	fn.once.Do(func() {})
	return rt.Value{R: &Closure{Fn: fn}}
}

// NewTaggedNativeClosure is NewNativeClosure with a tag ClosureTag reads
// back (reflect.MakeFunc's function, for Value.Call). Like gc's
// makeFuncStub, it is a wrapper to recover: the call it makes with
// CallThen, deferred, may recover a panic.
func (m *Machine) NewTaggedNativeClosure(name string, nparams, nresults int, f NativeFunc, tag any) rt.Value {
	v := m.NewNativeClosure(name, nparams, nresults, f)
	v.R.(*Closure).Env = []rt.Value{{R: tag}, {R: tagMarker}}
	v.R.(*Closure).Fn.recoverThrough = true
	return v
}

// ClosureTag returns the tag of a func value made by
// NewTaggedNativeClosure, or nil.
func ClosureTag(fn rt.Value) any {
	cl, _ := fn.R.(*Closure)
	if cl == nil || len(cl.Env) != 2 || cl.Env[1].R != tagMarker {
		return nil
	}
	return cl.Env[0].R
}

// MethodClosure returns a func value calling f (a method implementation
// from Type.Method) with recv as its first argument (a method value). Its
// Env holds the receiver and f, for BoundMethod.
func (m *Machine) MethodClosure(f *Func, recv rt.Value) rt.Value {
	nres, nparams := f.nresults, f.nparams
	method := rt.Value{R: &Closure{Fn: f}}
	v := m.NewNativeClosure(f.name+"-fm", nparams-1, nres, func(t *Thread, args, results []rt.Value) {
		all := make([]rt.Value, 0, len(args)+1)
		all = append(all, recv)
		all = append(all, args...)
		t.TailCall(method, all)
	})
	cl := v.R.(*Closure)
	cl.Env = []rt.Value{recv, method, {R: boundMarker}}
	return v
}

// BoundMethod unpacks a func value made by MethodClosure: the method
// (a func value taking the receiver first) and the receiver.
func BoundMethod(fn rt.Value) (method, recv rt.Value, ok bool) {
	cl, _ := fn.R.(*Closure)
	if cl == nil || len(cl.Env) != 3 || cl.Env[2].R != boundMarker {
		return rt.Value{}, rt.Value{}, false
	}
	return cl.Env[1], cl.Env[0], true
}

// HostAddr returns a stable address for a reference value's object: the
// host address of the cell, slice array, map, channel or closure (the host
// heap does not move). 0 for nil.
func HostAddr(r any) uintptr {
	switch x := r.(type) {
	case *rt.Value:
		return uintptr(unsafe.Pointer(x))
	case *View:
		return uintptr(unsafe.Pointer(x.Cell))
	case RawAddr:
		return uintptr(x)
	case []rt.Value:
		if cap(x) == 0 {
			if x == nil {
				return 0
			}
			return uintptr(unsafe.Pointer(&zerobase))
		}
		return uintptr(unsafe.Pointer(&x[:1][0]))
	case *Map:
		return uintptr(unsafe.Pointer(x))
	case *rt.Chan:
		return uintptr(unsafe.Pointer(x))
	case *Closure:
		return uintptr(unsafe.Pointer(x))
	case *Type:
		return uintptr(unsafe.Pointer(x))
	}
	return 0
}

// CalleeTypeArgs returns the type arguments of the instance of a generic
// function whose native is running, when it was called statically
// (reflect.TypeFor[T]): natives of generic functions are shared by their
// instances. nil if unknown.
func (t *Thread) CalleeTypeArgs() []*Type {
	if len(t.frames) == 0 {
		return nil
	}
	fr := t.frames[len(t.frames)-1]
	f, _ := fr.Fn.(*Func)
	if f == nil || fr.PC < 0 || fr.PC >= len(f.code) {
		return nil
	}
	in := &f.code[fr.PC]
	if in.op != opCall {
		return nil
	}
	ci := in.call()
	if ci.fn == nil || len(ci.fn.targs) == 0 {
		return nil
	}
	return ci.fn.targs
}

// BytesToValues returns the slice Value of a []byte.
func BytesToValues(b []byte) rt.Value {
	if b == nil {
		return rt.Value{}
	}
	return rt.Value{R: bytesToValues(b)}
}

// ValuesToBytes returns the bytes of a []byte Value.
func ValuesToBytes(v rt.Value) []byte {
	vs, _ := v.R.([]rt.Value)
	b := make([]byte, len(vs))
	for i := range vs {
		b[i] = byte(vs[i].N)
	}
	return b
}

// Str returns the string held by v.
func Str(v rt.Value) string { return str(v) }

// Float64 returns the Value of a float64.
func Float64(f float64) rt.Value { return fval(KFloat64, f) }

// EqualInterfaces reports whether two interface values are equal (==).
func EqualInterfaces(x, y rt.Value) bool {
	a, aok := x.R.(Iface)
	b, bok := y.R.(Iface)
	if !aok || !bok {
		return aok == bok
	}
	return a.T == b.T && equal(a.T, a.V, b.V)
}

// AppendString is append(s, x...) for a []byte s (natives that append
// text, as strconv.AppendInt).
func AppendString(s rt.Value, x string) rt.Value { return appendString(s, x) }

// AppendBytes is append(s, x...) for a []byte s and host bytes x.
func AppendBytes(s rt.Value, x []byte) rt.Value { return appendString(s, x) }

var tagMarker = new(byte)

// boundMarker marks the Env of MethodClosure's closures (natives do not
// read their Env).
var boundMarker = new(byte)

// zerobase is the address of zero-sized allocations (gc's runtime.zerobase).
var zerobase rt.Value

// ZeroBase is the cell standing for the data of empty non-nil slices.
var ZeroBase = &zerobase

// HashKey returns a comparable host value standing for v of type t (two
// values are == exactly when their keys are), or the incomparable dynamic
// type found inside it: what a map of goro's hashes.
func HashKey(t *Type, v rt.Value) (key any, bad *Type) { return hashKey(t, v) }

// UncomparablePair returns the uncomparable dynamic type that makes x == y
// panic for values of t, or nil.
func UncomparablePair(t *Type, x, y rt.Value) *Type { return uncomparablePair(t, x, y) }

// ClearDeadStack zeroes the G's stack above its innermost frame — the
// slots of calls that have returned — and the slots of its frames that
// their code no longer reads (liveness.go), which the host's collector
// would otherwise take for live references (runtime.GC: what a returned
// function made, or a running one no longer uses, dies, as under gc).
func (t *Thread) ClearDeadStack() {
	clearAbove(t.gp, t.frames)
	clearDeadSlots(t.gp, t.frames, false)
}

// ClearDeadStacks does ClearDeadStack for the Gs parked now, when every G
// is (before a deadlock is declared): a parked G's call re-collects its
// arguments when it runs again, so nothing above its frames is needed.
func (m *Machine) ClearDeadStacks() {
	for _, gp := range m.RT.WaitingGs() {
		if t, _ := gp.Exec.(*Thread); t != nil {
			clearAbove(gp, t.frames)
			clearDeadSlots(gp, t.frames, true)
		}
	}
}

func clearAbove(gp *rt.G, frames []rt.Frame) {
	top := 0
	if n := len(frames); n > 0 {
		f, _ := frames[n-1].Fn.(*Func)
		if f == nil {
			return
		}
		top = frames[n-1].FP + f.nslots
	}
	if top < len(gp.Stk) {
		clear(gp.Stk[top:])
	}
}
