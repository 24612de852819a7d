// package os/signal is interpreted; these are its hooks into the runtime.
// The host process's signal handling serves the program: a signal the
// program enables is relayed (host os/signal) to a channel that
// signal_recv, called by os/signal's watcher goroutine, receives from as
// a blocking host call (the G in _Gsyscall, its P handed off), as gc's
// watcher blocks in the runtime. A host embedding goro shares its
// process's signals with the programs it runs.
package lib

import (
	"os"
	ossignal "os/signal"
	"sync"
	"syscall"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(signalNatives)
}

// signalNatives binds these functions by their ssa names (sorted).
var signalNatives = map[string]vm.NativeFunc{
	"(syscall.Signal).Signal":         syscall_Signal_Signal,
	"(syscall.Signal).String":         syscall_Signal_String,
	"(syscall.WaitStatus).Continued":  syscall_WaitStatus_Continued,
	"(syscall.WaitStatus).CoreDump":   syscall_WaitStatus_CoreDump,
	"(syscall.WaitStatus).ExitStatus": syscall_WaitStatus_ExitStatus,
	"(syscall.WaitStatus).Exited":     syscall_WaitStatus_Exited,
	"(syscall.WaitStatus).Signal":     syscall_WaitStatus_Signal,
	"(syscall.WaitStatus).Signaled":   syscall_WaitStatus_Signaled,
	"(syscall.WaitStatus).StopSignal": syscall_WaitStatus_StopSignal,
	"(syscall.WaitStatus).Stopped":    syscall_WaitStatus_Stopped,
	"(syscall.WaitStatus).TrapCause":  syscall_WaitStatus_TrapCause,
	"os.FindProcess":                  os_FindProcess,
	"os/signal.signalWaitUntilIdle":   os_signal_signalWaitUntilIdle,
	"os/signal.signal_disable":        os_signal_signal_disable,
	"os/signal.signal_enable":         os_signal_signal_enable,
	"os/signal.signal_ignore":         os_signal_signal_ignore,
	"os/signal.signal_ignored":        os_signal_signal_ignored,
	"os/signal.signal_recv":           os_signal_signal_recv,
	"syscall.Kill":                    syscall_Kill,
}

type signalKey struct{}

// signalState is a program's relay of host signals.
type signalState struct {
	mu      sync.Mutex
	c       chan os.Signal
	ignored map[syscall.Signal]bool
	enabled map[syscall.Signal]bool // relayed to the program (signal.Notify)
}

func signalsOf(m *vm.Machine) *signalState {
	s, _ := m.LibState.LoadOrStore(signalKey{}, &signalState{c: make(chan os.Signal, 64), ignored: map[syscall.Signal]bool{}, enabled: map[syscall.Signal]bool{}})
	return s.(*signalState)
}

// os/signal.signal_enable: func signal_enable(uint32)
func os_signal_signal_enable(t *vm.Thread, a, r []rt.Value) {
	st := signalsOf(t.Machine())
	sig := syscall.Signal(a[0].N)
	st.mu.Lock()
	delete(st.ignored, sig)
	st.enabled[sig] = true
	st.mu.Unlock()
	ossignal.Notify(st.c, sig)
}

// os/signal.signal_disable: func signal_disable(uint32)
func os_signal_signal_disable(t *vm.Thread, a, r []rt.Value) {
	st := signalsOf(t.Machine())
	sig := syscall.Signal(a[0].N)
	st.mu.Lock()
	delete(st.enabled, sig)
	// Stop relaying sig to the program, and only that: ossignal.Reset
	// would also drop what goro itself asked for (SIGQUIT's dump).
	ossignal.Stop(st.c)
	for s := range st.enabled {
		ossignal.Notify(st.c, s)
	}
	st.mu.Unlock()
}

// SignalEnabled reports whether m's program asked for sig (signal.Notify)
// or ignores it: then the program, not the runtime, decides what sig does.
func SignalEnabled(m *vm.Machine, sig syscall.Signal) bool {
	st := signalsOf(m)
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.enabled[sig] || st.ignored[sig]
}

// os/signal.signal_ignore: func signal_ignore(uint32)
func os_signal_signal_ignore(t *vm.Thread, a, r []rt.Value) {
	st := signalsOf(t.Machine())
	sig := syscall.Signal(a[0].N)
	st.mu.Lock()
	st.ignored[sig] = true
	st.mu.Unlock()
	ossignal.Ignore(sig)
}

// os/signal.signal_ignored: func signal_ignored(uint32) bool
func os_signal_signal_ignored(t *vm.Thread, a, r []rt.Value) {
	st := signalsOf(t.Machine())
	st.mu.Lock()
	r[0] = boolV(st.ignored[syscall.Signal(a[0].N)])
	st.mu.Unlock()
}

// os/signal.signal_recv: func signal_recv() uint32
func os_signal_signal_recv(t *vm.Thread, a, r []rt.Value) {
	st := signalsOf(t.Machine())
	var sig os.Signal
	blocking(t, rt.SyscallDurable, "a signal", func() { sig = <-st.c })
	if s, ok := sig.(syscall.Signal); ok {
		r[0] = rt.Value{N: uint64(s)}
	}
}

// os/signal.signalWaitUntilIdle: func signalWaitUntilIdle()
//
// gc waits until its queue of signals is drained to the watcher; the
// relay channel has no such state to wait for.
func os_signal_signalWaitUntilIdle(t *vm.Thread, a, r []rt.Value) {}

// syscall.Kill: func Kill(pid int, sig Signal) (err error)
func syscall_Kill(t *vm.Thread, a, r []rt.Value) {
	r[0] = errnoValue(t, syscall.Kill(int(int64(a[0].N)), syscall.Signal(a[1].N)))
}

// os.FindProcess: func FindProcess(pid int) (*Process, error)
func os_FindProcess(t *vm.Thread, a, r []rt.Value) {
	p, err := os.FindProcess(int(int64(a[0].N)))
	if err != nil {
		r[0], r[1] = rt.Value{}, osError(t, err)
		return
	}
	r[0], r[1] = processValue(t.Machine(), &hostProc{p: p}), rt.Value{}
}

// (syscall.Signal).String: func (s Signal) String() string
func syscall_Signal_String(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: syscall.Signal(a[0].N).String()}
}

// (syscall.Signal).Signal: func (s Signal) Signal()
func syscall_Signal_Signal(t *vm.Thread, a, r []rt.Value) {}

// syscall.WaitStatus's methods read the host's.

// (syscall.WaitStatus).Exited: func (w WaitStatus) Exited() bool
func syscall_WaitStatus_Exited(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(syscall.WaitStatus(a[0].N).Exited())
}

// (syscall.WaitStatus).ExitStatus: func (w WaitStatus) ExitStatus() int
func syscall_WaitStatus_ExitStatus(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(int64(syscall.WaitStatus(a[0].N).ExitStatus()))}
}

// (syscall.WaitStatus).Signaled: func (w WaitStatus) Signaled() bool
func syscall_WaitStatus_Signaled(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(syscall.WaitStatus(a[0].N).Signaled())
}

// (syscall.WaitStatus).Signal: func (w WaitStatus) Signal() Signal
func syscall_WaitStatus_Signal(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(syscall.WaitStatus(a[0].N).Signal())}
}

// (syscall.WaitStatus).CoreDump: func (w WaitStatus) CoreDump() bool
func syscall_WaitStatus_CoreDump(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(syscall.WaitStatus(a[0].N).CoreDump())
}

// (syscall.WaitStatus).Stopped: func (w WaitStatus) Stopped() bool
func syscall_WaitStatus_Stopped(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(syscall.WaitStatus(a[0].N).Stopped())
}

// (syscall.WaitStatus).Continued: func (w WaitStatus) Continued() bool
func syscall_WaitStatus_Continued(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(syscall.WaitStatus(a[0].N).Continued())
}

// (syscall.WaitStatus).StopSignal: func (w WaitStatus) StopSignal() Signal
func syscall_WaitStatus_StopSignal(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(syscall.WaitStatus(a[0].N).StopSignal())}
}

// (syscall.WaitStatus).TrapCause: func (w WaitStatus) TrapCause() int
func syscall_WaitStatus_TrapCause(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(int64(syscall.WaitStatus(a[0].N).TrapCause()))}
}
