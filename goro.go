// Package goro runs Go programs on goro's own goroutine runtime.
//
// A host loads a program with Load and runs it with Run:
//
//	prog, err := goro.Load(goro.Config{}, "./examples/pingpong")
//	code := prog.Run(goro.RunOptions{Args: []string{"pingpong"}})
//
// Every goroutine of the program is a goro G scheduled by goro's G/M/P
// scheduler (internal/rt); nothing the program does crashes the host.
package goro

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sync"
	"syscall"

	"github.com/goro-dev/goro/internal/lib"
	"github.com/goro-dev/goro/internal/load"
	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

// Config says how to load a program.
type Config struct {
	Dir string   // directory to resolve packages in ("" = current)
	Env []string // environment of the go command (nil = this process's)
	// Test loads the test binary of the one package args name, as go test
	// builds it (the package with its tests, its external test package and
	// go test's generated main), instead of a main package.
	Test bool
}

// Program is a loaded, type-checked program, or a compiled one: read back
// from goro's cache, or compiled by Compile.
type Program struct {
	cfg  load.Config
	args []string

	mu       sync.Mutex
	p        *load.Program // the program from source (nil once only compiled code is kept)
	compiled []byte        // the program compiled whole, as vm.ReadCacheOver takes it
	base     []byte        // the standard-library image compiled is layered over (vm.CacheBase), or nil
	cached   bool          // compiled was read from goro's cache

	compile sync.Once // the program is compiled whole (Compile, or the first Run with the cache on)
	compErr error
}

// Load loads the program named by args (.go files, a directory or a
// package), as `go run` takes them. An *Error says what is wrong with the
// program (compile errors, formatted like go build). When goro's cache
// holds the program compiled, unchanged since, loading is reading it
// ($GOROCACHE=off turns the cache off).
func Load(cfg Config, args ...string) (_ *Program, err error) {
	defer catchBug(&err)
	lcfg := load.Config{Dir: cfg.Dir, Env: cfg.Env, IsNative: lib.IsNative, Sealed: lib.Sealed, KeepBody: lib.KeepBody, KeepBodies: lib.KeepBodies, Test: cfg.Test, SourceUnderTest: lib.SourceUnderTest}
	if abs, err := filepath.Abs(cmp.Or(lcfg.Dir, ".")); err == nil {
		// The Program's cache key must not move if the host changes its
		// working directory before Run (goro test runs in the package's).
		lcfg.Dir = abs
	}
	if data := load.CacheLookup(lcfg, args); data != nil {
		// An entry a program's first run wrote is layered over the image
		// it was loaded against: usable while the cache keeps that image
		// (images come and go: load.ImageStore).
		key, sum := vm.CacheBase(data)
		var base []byte
		if key != "" {
			base = load.ImageData(lcfg, key)
		}
		if key == "" || vm.ImageIntact(base, sum) {
			return &Program{compiled: data, base: base, cached: true, cfg: lcfg, args: args}, nil
		}
	}
	if p := loadHybrid(lcfg, args); p != nil {
		return p, nil
	}
	return loadSource(lcfg, args)
}

// loadHybrid loads the program against the standard-library image goro's
// cache keeps (internal/vm/image.go), compiles it whole and keeps that in
// the cache: a program never run before starts without parsing,
// type-checking or compiling any of the standard library. It returns nil
// when there is no image, or the program needs what the image lacks (the
// program is then loaded from source).
func loadHybrid(lcfg load.Config, args []string) (p *Program) {
	images := load.Images(lcfg)
	if len(images) == 0 {
		return nil
	}
	debug := func(format string, args ...any) {
		if os.Getenv("GOROCACHEDEBUG") != "" {
			fmt.Fprintf(os.Stderr, "goro: "+format+"\n", args...)
		}
	}
	defer func() {
		// A goro bug on this path: the source path is the reference.
		if r := recover(); r != nil {
			debug("loading from source: internal error: %v", r)
			p = nil
		}
	}()
	var img *vm.Image
	var imgData []byte
	lp, why := load.LoadHybrid(lcfg, args, func(need map[string]bool) load.Image {
		// The smallest image that covers the program: every run of it
		// reads the image its entry is layered over.
		var covering []load.ImageInfo
		for _, info := range images {
			if info.Covers(need) {
				covering = append(covering, info)
			}
		}
		slices.SortStableFunc(covering, func(a, b load.ImageInfo) int { return cmp.Compare(len(a.Pkgs), len(b.Pkgs)) })
		for _, info := range covering {
			data := load.ImageData(lcfg, info.Key)
			if im, err := vm.OpenImage(info.Key, data); err == nil {
				img, imgData = im, data
				return im
			}
		}
		return nil
	})
	if why != "" {
		debug("loading from source: %s", why)
		return nil
	}
	compiled, err := vm.NewHybrid(lp, img).WriteCache()
	if err != nil {
		debug("loading from source: %v", err)
		return nil
	}
	load.CacheStore(lcfg, args, lp, compiled)
	p = &Program{compiled: compiled, base: imgData, cfg: lcfg, args: args}
	p.compile.Do(func() {})
	return p
}

// Package is a package a pattern names (go list's view of it).
type Package struct {
	ImportPath string
	Dir        string // its directory
	TestFiles  int    // its _test.go files (its own and its external test package's)
	Error      string // why the go command cannot list it ("" if it can)
}

// List lists the packages patterns name, as go list (and go test) see them
// with goro's build flags: for a host that runs each one's tests
// (Config.Test). An *Error is the go command's own message.
func List(cfg Config, patterns ...string) (_ []Package, err error) {
	defer catchBug(&err)
	pkgs, err := load.List(load.Config{Dir: cfg.Dir, Env: cfg.Env}, patterns)
	if le, ok := err.(*load.Error); ok {
		return nil, &Error{Msg: le.Msg}
	}
	out := make([]Package, len(pkgs))
	for i, p := range pkgs {
		out[i] = Package(p)
	}
	return out, err
}

// Error is a program that cannot be loaded: compile errors, or arguments
// that name no main package.
type Error struct {
	// Msg is the whole report as go build prints it ("# pkg" headers,
	// one error a line, at most 10).
	Msg string
	// Errors are the compile errors, each with its position (none for a
	// bad argument).
	Errors []CompileError
}

func (e *Error) Error() string { return e.Msg }

// CompileError is one error of the parser or type checker.
type CompileError struct {
	Pos string // file:line:col as go build prints it ("" if none)
	Msg string
}

// InternalError is a bug in goro, not in the program: a host panic in
// loading, compiling, the cache, the executor or the scheduler. The
// program (if it was running) ended with ExitInternalError.
type InternalError struct {
	Msg   string // what goro's code panicked with
	Stack []byte // the host stack where it did
}

func (e *InternalError) Error() string { return "goro: internal error: " + e.Msg }

// ExitInternalError is the exit code of a program that a bug in goro
// stopped (gc's own codes: 2 for a panic or fatal error, the program's for
// os.Exit).
const ExitInternalError = rt.ExitInternalError

// catchBug turns a host panic in goro's own code into an *InternalError.
// It is deferred by every entry point of the package.
func catchBug(err *error) {
	if v := recover(); v != nil {
		*err = &InternalError{Msg: fmt.Sprint(v), Stack: debug.Stack()}
	}
}

func loadSource(lcfg load.Config, args []string) (*Program, error) {
	p, err := load.Load(lcfg, args)
	if le, ok := err.(*load.Error); ok {
		e := &Error{Msg: le.Msg}
		for _, ce := range le.Errors {
			e.Errors = append(e.Errors, CompileError(ce))
		}
		return nil, e
	}
	if err != nil {
		return nil, err
	}
	return &Program{p: p, cfg: lcfg, args: args}, nil
}

// Cached reports whether the program was read from goro's cache of
// compiled programs (rather than loaded from source).
func (p *Program) Cached() bool { return p.cached }

// code returns what the program is now: its source, its compiled code, or
// both.
func (p *Program) code() (*load.Program, []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.p, p.compiled
}

// readCompiled makes a Machine of the program's compiled code.
func (p *Program) readCompiled(compiled []byte, vopt vm.Options) (*vm.Machine, error) {
	p.mu.Lock()
	base := p.base
	p.mu.Unlock()
	return vm.ReadCacheOver(compiled, base, vopt)
}

// Disassemble writes the code goro runs for the program's functions whose
// names (as tracebacks print them: main.f, main.(*T).M, main.f.func1)
// match, one instruction a line (internal/vm/disasm.go), in source order.
// A program read from goro's cache shows the code decoded from it.
func (p *Program) Disassemble(w io.Writer, match func(name string) bool) (err error) {
	defer catchBug(&err)
	vopt := vm.Options{Stdout: io.Discard, Stderr: io.Discard}
	src, compiled := p.code()
	if src == nil {
		m, err := p.readCompiled(compiled, vopt)
		if err != nil {
			return err
		}
		return m.Disassemble(w, match)
	}
	return vm.New(src, vopt).Disassemble(w, match)
}

// RunOptions says how to run a program.
type RunOptions struct {
	Args []string // os.Args (Args[0] is the program name)
	// Executable is what os.Executable returns ("": goro's own path):
	// goro test gives a test binary a script that runs it again, so that
	// a test that runs its own binary (os/exec of testenv.Executable)
	// runs itself under goro.
	Executable string
	// OwnStdio says the program's standard files are the process's own
	// (goro run, a test binary run by itself): closing os.Stdout closes
	// descriptor 1, as under gc. Otherwise closing them does nothing to
	// the host's.
	OwnStdio   bool
	Stdout     io.Writer
	Stderr     io.Writer
	GOMAXPROCS int    // 0: the number of CPUs, or $GOMAXPROCS
	Seed       uint64 // seed of the runtime's random choices
	// MemoryLimit bounds the memory the program may take, in bytes of the
	// host's heap (0: half of the machine's memory). A program over it
	// stops with gc's "fatal error: runtime: out of memory" (exit 2). The
	// host heap is the process's: programs run side by side share it.
	MemoryLimit int64
	// Context, when done, kills the program: its goroutines stop at their
	// next safe point and Run returns. nil: the program runs until it ends.
	Context context.Context
	// Schedule, if set, runs the program under a deterministic schedule
	// chosen by Seed: the same seed gives the same run (output and
	// interleaving), as long as no host call's timing enters it.
	Schedule *Schedule
	// Quit, if set, delivers the signals that end the program as they end
	// a gc program — SIGQUIT — unless the program asked for them itself
	// (signal.Notify): every goroutine is printed on Stderr, as gc prints
	// them ("SIGQUIT: quit" and the goroutines), and the program exits 2.
	// goro run and goro test pass the process's SIGQUIT here.
	Quit <-chan os.Signal
	// Monitor, if set, watches the program while it runs (its goroutines,
	// from another host goroutine).
	Monitor *Monitor
	// Trace, if set, receives an execution trace of the whole run in Go's
	// format (what runtime/trace.Start writes; `go tool trace` reads it),
	// written when the program has ended.
	Trace io.Writer
}

// Schedule is a deterministic schedule: one goroutine runs at a time (the
// program still sees its GOMAXPROCS), each choice of the scheduler comes
// from the seed — which goroutine runs next, after how many calls and loop
// iterations it is preempted, whether it yields at a channel operation,
// lock or atomic — and time is virtual: it stands still while a goroutine
// can run and jumps to the next timer when none can.
type Schedule struct {
	Strategy string    // "random" (the default) or "pct" (probabilistic concurrency testing)
	Depth    int       // pct: the bug depth d it aims at (0: 3)
	Steps    int64     // pct: how many synchronisation points a run passes, roughly (0: 1000)
	Trace    io.Writer // if set, every scheduling decision, one per line
	// Note, if set, receives the one-line note a run prints on its stderr
	// when a host call's timing enters the schedule.
	Note func(string)

	// Leaks, if set, receives after the program has ended the stacks of
	// the goroutines still blocked then on a channel, a select or a sync
	// primitive — nothing could ever wake them — as Go 1.26's goroutine
	// leak profile prints them ("goroutine 7 [chan send (leaked)]:").
	Leaks io.Writer

	// Set by Run: scheduling decisions, synchronisation points passed,
	// a hash of the sequence of goroutines run (equal hashes, equal
	// interleavings), and the number of leaked goroutines (with Leaks).
	Picks, SyncPoints int64
	Hash              uint64
	Leaked            int
	stats             rt.DetStats
}

// detConfig is s as rt takes it.
func (s *Schedule) detConfig() (*rt.DetConfig, error) {
	if s == nil {
		return nil, nil
	}
	c := &rt.DetConfig{Depth: s.Depth, Steps: s.Steps, Trace: s.Trace, Note: s.Note, Stats: &s.stats}
	switch s.Strategy {
	case "", "random":
		c.Strategy = rt.StrategyRandom
	case "pct":
		c.Strategy = rt.StrategyPCT
	default:
		return nil, fmt.Errorf("unknown schedule strategy %q (want random or pct)", s.Strategy)
	}
	return c, nil
}

// Run runs the program to completion and returns its exit code. A program
// loaded from source is first compiled whole into goro's cache (on its
// first Run, when the cache is on), its source dropped, and every Run
// starts from the compiled code, as Compile's do; with the cache off (or
// for a program goro cannot compile whole) Runs compile from source as
// they go. A Program may be run many times, one after another or side by
// side: each Run is a machine of its own.
//
// The error is nil when the program ended by itself (whatever its exit
// code). It is an *InternalError (also reported on the program's stderr,
// with the code ExitInternalError) when a bug in goro stopped it, and the
// Context's cause (with the code -1) when the Context killed it.
func (p *Program) Run(opt RunOptions) (code int, err error) {
	stderr := opt.Stderr
	if stderr == nil {
		stderr = os.Stderr
	}
	defer func() {
		// (recover is called here, by the deferred function itself: in
		// catchBug it would not stop the panic.)
		if v := recover(); v != nil {
			err = &InternalError{Msg: fmt.Sprint(v), Stack: debug.Stack()}
		}
		if ie, ok := err.(*InternalError); ok && code != ExitInternalError {
			fmt.Fprintf(stderr, "%v\n\n%s\n", ie, ie.Stack)
			code = ExitInternalError
		}
	}()
	det, err := opt.Schedule.detConfig()
	if err != nil {
		return 2, err
	}
	if s := opt.Schedule; s != nil {
		defer func() { s.Picks, s.SyncPoints, s.Hash = s.stats.Picks, s.stats.Steps, s.stats.Hash }()
	}
	vopt := vm.Options{
		GOMAXPROCS:  opt.GOMAXPROCS,
		Seed:        opt.Seed,
		Stdout:      opt.Stdout,
		Stderr:      opt.Stderr,
		Args:        opt.Args,
		Executable:  opt.Executable,
		OwnStdio:    opt.OwnStdio,
		MemoryLimit: opt.MemoryLimit,
		Det:         det,
		Trace:       opt.Trace != nil,
	}
	src, compiled := p.code()
	if compiled != nil {
		if m, err := p.readCompiled(compiled, vopt); err == nil {
			return run(m, opt)
		}
		// Unreadable (a goro bug): run from source after all.
		if src == nil {
			sp, err := loadSource(p.cfg, p.args)
			if err != nil {
				fmt.Fprintf(stderr, "goro: %v\n", err)
				return 1, nil
			}
			src = sp.p
		}
		return run(vm.New(src, vopt), opt)
	}
	if load.CacheDir(p.cfg.Env) != "" {
		// The first Run compiles the whole program for the cache (and for
		// the Runs after it), and runs the compiled code as they will:
		// the source's syntax trees, types and SSA (hundreds of MB for
		// net/http) are dropped, so the host's collector does not mark
		// them at every collection of the run (GOROOT/test's gc2.go, 800
		// runtime.GC calls: 25 s with them held, 0.5 s without).
		data, err := p.compileWhole(true)
		if err == nil {
			load.CacheStore(p.cfg, p.args, src, data)
			if m, err := vm.ReadCache(data, vopt); err == nil {
				return run(m, opt)
			}
		} else if os.Getenv("GOROCACHEDEBUG") != "" {
			fmt.Fprintln(os.Stderr, err)
		}
	}
	return run(vm.New(src, vopt), opt)
}

// sigquitText is what gc prints first when SIGQUIT ends a program.
const sigquitText = "SIGQUIT: quit\nPC=0x0 m=0 sigcode=0"

// Compile compiles the whole program now, as goro's cache keeps it, and
// keeps only that: every later Run starts from the compiled code (a few
// milliseconds) instead of compiling functions as they are first called,
// and the source's syntax trees and SSA are no longer held. It is for a
// host that runs one program many times. A program goro cannot compile
// whole (one that needs type parameters at run time) stays as it was and
// still runs; Compile then says why. It must not be called while the
// program runs.
func (p *Program) Compile() (err error) {
	defer catchBug(&err)
	_, err = p.compileWhole(true)
	return err
}

// compileWhole compiles the program whole once, on a machine of its own
// (nothing of it is shared with a run); drop forgets the source then.
func (p *Program) compileWhole(drop bool) ([]byte, error) {
	src, _ := p.code()
	p.compile.Do(func() {
		if src == nil {
			return // read from the cache
		}
		defer catchBug(&p.compErr)
		m := vm.New(src, vm.Options{Stdout: io.Discard, Stderr: io.Discard, CompileOnly: true})
		data, err := m.WriteCache()
		if err == nil && !p.cfg.Test && load.CacheDir(p.cfg.Env) != "" {
			writeImage(p.cfg, src, m)
		}
		p.mu.Lock()
		p.compiled, p.compErr = data, err
		p.mu.Unlock()
	})
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.compErr == nil && drop {
		p.p = nil
	}
	return p.compiled, p.compErr
}

// writeImage keeps the standard packages of src, compiled by m, as a
// standard-library image, unless one kept already covers them: the next
// program never run before that needs no others loads against it
// (loadHybrid).
func writeImage(cfg load.Config, src *load.Program, m *vm.Machine) {
	pkgs := map[string]bool{}
	for _, sp := range src.Packages {
		if src.Std[sp] && sp.Pkg.Path() != "unsafe" {
			pkgs[sp.Pkg.Path()] = !src.Native[sp]
		}
	}
	for _, info := range load.Images(cfg) {
		if info.Covers(pkgs) {
			return
		}
	}
	data, err := m.WriteImage()
	if err != nil {
		if os.Getenv("GOROCACHEDEBUG") != "" {
			fmt.Fprintln(os.Stderr, err)
		}
		return
	}
	load.ImageStore(cfg, pkgs, data)
}

// run runs m until the program ends or ctx kills it.
func run(m *vm.Machine, opt RunOptions) (int, error) {
	ctx, sched := opt.Context, opt.Schedule
	if ctx == nil {
		ctx = context.Background()
	}
	if opt.Quit != nil {
		go func() {
			for {
				select {
				case sig := <-opt.Quit:
					if s, ok := sig.(syscall.Signal); ok && !lib.SignalEnabled(m, s) {
						m.RT.SignalDump(sigquitText, nil)
						return
					}
				case <-m.RT.Done():
					return
				}
			}
		}()
	}
	killed, kill := false, make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		killed = m.RT.Exit(-1)
		close(kill)
	})
	if mo := opt.Monitor; mo != nil {
		mo.attach(m)
		defer mo.attach(nil)
	}
	code := m.Run()
	if opt.Trace != nil {
		if _, err := opt.Trace.Write(m.RT.TraceOutput()); err != nil {
			fmt.Fprintf(m.Stderr, "goro: writing the trace: %v\n", err)
		}
	}
	if !stop() && ctx.Err() != nil {
		<-kill // it ran (or runs): did it end the program?
	}
	if s := sched; s != nil && s.Leaks != nil && m.RT.Bug() == nil && !killed {
		s.Leaked = m.RT.Leaked(s.Leaks)
	}
	if b := m.RT.Bug(); b != nil {
		return ExitInternalError, &InternalError{Msg: b.Msg, Stack: b.Stack}
	}
	if killed {
		return -1, context.Cause(ctx)
	}
	return code & 0xff, nil // what a process's exit status keeps of os.Exit's code
}
