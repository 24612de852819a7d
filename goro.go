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
	"fmt"
	"io"
	"os"

	"github.com/goro-dev/goro/internal/lib"
	"github.com/goro-dev/goro/internal/load"
	"github.com/goro-dev/goro/internal/vm"
)

// Config says how to load a program.
type Config struct {
	Dir string   // directory to resolve packages in ("" = current)
	Env []string // environment of the go command (nil = this process's)
}

// Program is a loaded, type-checked program, or a compiled one read back
// from goro's cache.
type Program struct {
	p      *load.Program
	cached []byte // the compiled program from the cache (load.CacheLookup)
	cfg    load.Config
	args   []string
}

// Load loads the program named by args (.go files, a directory or a
// package), as `go run` takes them. An *Error says what is wrong with the
// program (compile errors, formatted like go build). When goro's cache
// holds the program compiled, unchanged since, loading is reading it
// ($GOROCACHE=off turns the cache off).
func Load(cfg Config, args ...string) (*Program, error) {
	lcfg := load.Config{Dir: cfg.Dir, Env: cfg.Env, IsNative: lib.IsNative, Sealed: lib.Sealed}
	if data := load.CacheLookup(lcfg, args); data != nil {
		return &Program{cached: data, cfg: lcfg, args: args}, nil
	}
	return loadSource(lcfg, args)
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
func (p *Program) Cached() bool { return p.cached != nil }

// Disassemble writes the code goro runs for the program's functions whose
// names (as tracebacks print them: main.f, main.(*T).M, main.f.func1)
// match, one instruction a line (internal/vm/disasm.go), in source order.
// A program read from goro's cache shows the code decoded from it.
func (p *Program) Disassemble(w io.Writer, match func(name string) bool) error {
	vopt := vm.Options{Stdout: io.Discard, Stderr: io.Discard}
	if p.cached != nil {
		m, err := vm.ReadCache(p.cached, vopt)
		if err != nil {
			return err
		}
		return m.Disassemble(w, match)
	}
	return vm.New(p.p, vopt).Disassemble(w, match)
}

// RunOptions says how to run a program.
type RunOptions struct {
	Args       []string // os.Args (Args[0] is the program name)
	Stdout     io.Writer
	Stderr     io.Writer
	GOMAXPROCS int    // 0: the number of CPUs, or $GOMAXPROCS
	Seed       uint64 // seed of the runtime's random choices
}

// Run runs the program to completion and returns its exit code. A program
// loaded from source is first compiled whole into goro's cache.
func (p *Program) Run(opt RunOptions) int {
	vopt := vm.Options{
		GOMAXPROCS: opt.GOMAXPROCS,
		Seed:       opt.Seed,
		Stdout:     opt.Stdout,
		Stderr:     opt.Stderr,
		Args:       opt.Args,
	}
	if p.cached != nil {
		if m, err := vm.ReadCache(p.cached, vopt); err == nil {
			return m.Run()
		}
		// Unreadable (a goro bug): load from source after all.
		src, err := loadSource(p.cfg, p.args)
		if err != nil {
			stderr := opt.Stderr
			if stderr == nil {
				stderr = os.Stderr
			}
			fmt.Fprintf(stderr, "goro: %v\n", err)
			return 1
		}
		p = src
	}
	if load.CacheDir(p.cfg.Env) != "" {
		// A machine of its own compiles the whole program for the cache,
		// so that nothing of it is shared with the run.
		if data, err := vm.New(p.p, vm.Options{Stdout: io.Discard, Stderr: io.Discard}).WriteCache(); err != nil {
			if os.Getenv("GOROCACHEDEBUG") != "" {
				fmt.Fprintln(os.Stderr, err)
			}
		} else {
			load.CacheStore(p.cfg, p.args, p.p, data)
		}
	}
	return vm.New(p.p, vopt).Run()
}
