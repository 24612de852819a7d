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
	"io"

	"github.com/goro-dev/goro/internal/lib"
	"github.com/goro-dev/goro/internal/load"
	"github.com/goro-dev/goro/internal/vm"
)

// Config says how to load a program.
type Config struct {
	Dir string   // directory to resolve packages in ("" = current)
	Env []string // environment of the go command (nil = this process's)
}

// Program is a loaded, type-checked program.
type Program struct {
	p *load.Program
}

// Load loads the program named by args (.go files, a directory or a
// package), as `go run` takes them. A *load.Error says what is wrong with
// the program (compile errors, formatted like go build).
func Load(cfg Config, args ...string) (*Program, error) {
	p, err := load.Load(load.Config{Dir: cfg.Dir, Env: cfg.Env, IsNative: lib.IsNative}, args)
	if err != nil {
		return nil, err
	}
	return &Program{p}, nil
}

// RunOptions says how to run a program.
type RunOptions struct {
	Args       []string // os.Args (Args[0] is the program name)
	Stdout     io.Writer
	Stderr     io.Writer
	GOMAXPROCS int    // 0: the number of CPUs, or $GOMAXPROCS
	Seed       uint64 // seed of the runtime's random choices
}

// Run runs the program to completion and returns its exit code.
func (p *Program) Run(opt RunOptions) int {
	m := vm.New(p.p, vm.Options{
		GOMAXPROCS: opt.GOMAXPROCS,
		Seed:       opt.Seed,
		Stdout:     opt.Stdout,
		Stderr:     opt.Stderr,
		Args:       opt.Args,
	})
	return m.Run()
}
