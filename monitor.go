package goro

// Monitor: a host's view of a running program's goroutines — every
// goroutine with its state, how long it has waited, its stack, where it
// was started, its profiler labels and the CPU time it has used — read
// with the program's world stopped for a moment (rt.Snapshot), as a
// goroutine profile is.

import (
	"io"
	"sync"
	"time"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

// Monitor watches the program a Run was given it in (RunOptions.Monitor),
// from any host goroutine, while that Run lasts.
type Monitor struct {
	mu sync.Mutex
	m  *vm.Machine
}

// Goroutine is one goroutine of a running program.
type Goroutine struct {
	ID, ParentID uint64
	// State is what a traceback header says: the wait reason of a
	// blocked goroutine ("chan receive", "sync.Mutex.Lock", "select",
	// "sleep", ...), or "runnable", "running", "syscall".
	State   string
	Waiting time.Duration // how long it has been blocked
	Stack   []Frame       // innermost first
	// CreatedBy is the go statement that started it (nil for the main
	// goroutine and those the runtime starts, as a timer's function).
	CreatedBy *Frame
	Labels    map[string]string // runtime/pprof labels
	// CPU is the time it has been seen running: sampled every 5 ms (the
	// runtime charges each look's interval to the goroutines running),
	// so short bursts may not count and a long computation does.
	CPU time.Duration
	// Allocated is the bytes it has allocated, in the sizes of the
	// program's types (gc's): new and escaping variables, make's slices,
	// maps (gc's header and the entries make
	// presizes) and channels, append's growth, closures and
	// strings it concatenates. A map's growth after make, and what the
	// host allocates for goro's own bookkeeping, are not counted.
	Allocated      int64
	LockedToThread bool
}

// Frame is a function's place in a stack.
type Frame struct {
	Func string // as tracebacks name it: main.worker, main.(*T).M
	File string
	Line int
}

func (mo *Monitor) attach(m *vm.Machine) {
	mo.mu.Lock()
	mo.m = m
	mo.mu.Unlock()
}

func (mo *Monitor) running() *vm.Machine {
	mo.mu.Lock()
	defer mo.mu.Unlock()
	return mo.m
}

// Goroutines returns the program's goroutines in ID order, nil when no
// program runs.
func (mo *Monitor) Goroutines() []Goroutine {
	m := mo.running()
	if m == nil {
		return nil
	}
	var out []Goroutine
	for _, g := range m.RT.Snapshot() {
		gr := Goroutine{
			ID: g.Goid, ParentID: g.ParentGoid, State: g.Status,
			Waiting: time.Duration(g.WaitNanos), CPU: time.Duration(g.CPUNanos), Allocated: g.AllocBytes,
			LockedToThread: g.LockedToThread,
		}
		for i := len(g.Frames) - 1; i >= 0; i-- {
			if f := g.Frames[i]; f.Fn != nil && f.Fn.Name() != "" {
				gr.Stack = append(gr.Stack, frameOf(f.Fn, f.PC))
			}
		}
		if g.Created.Fn != nil {
			f := frameOf(g.Created.Fn, g.Created.PC)
			gr.CreatedBy = &f
		}
		if g.Labels != nil {
			gr.Labels = map[string]string{}
			for _, kv := range g.Labels.List {
				gr.Labels[kv.Key] = kv.Value
			}
		}
		out = append(out, gr)
	}
	return out
}

func frameOf(fn rt.FuncInfo, pc int) Frame {
	file, line := fn.FileLine(pc)
	return Frame{Func: fn.Name(), File: file, Line: line}
}

// Dump prints every goroutine of the program to w as a traceback prints
// them (a SIGQUIT dump that does not end the program); it reports whether
// a program was running.
func (mo *Monitor) Dump(w io.Writer) bool {
	m := mo.running()
	if m == nil {
		return false
	}
	m.RT.Dump(w)
	return true
}
