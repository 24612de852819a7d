package lib

// package os: the process's arguments, environment, exit and standard
// files. Files are *os.File cells whose host file lives in a per-program
// table.

import (
	"os"
	"sync"
	"syscall"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

type osKey struct{}

// osState is one program's open files.
type osState struct {
	mu    sync.Mutex
	files map[*rt.Value]*hostFile
}

type hostFile struct {
	name    string
	w       interface{ Write([]byte) (int, error) }
	f       *os.File
	regular uint8 // 0: not yet known, 1: a regular file, 2: not (readKind)
}

func osOf(m *vm.Machine) *osState {
	s, _ := m.LibState.LoadOrStore(osKey{}, &osState{files: map[*rt.Value]*hostFile{}})
	return s.(*osState)
}

// newFile makes an *os.File value for hf.
func newFile(m *vm.Machine, hf *hostFile) rt.Value {
	ft := m.LookupType("os", "File")
	cell := new(rt.Value)
	*cell = ft.Zero()
	st := osOf(m)
	st.mu.Lock()
	st.files[cell] = hf
	st.mu.Unlock()
	return rt.Value{R: cell}
}

func fileOf(t *vm.Thread, v rt.Value) *hostFile {
	p, _ := v.R.(*rt.Value)
	if p == nil {
		return nil
	}
	st := osOf(t.Machine())
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.files[p]
}

func init() {
	vm.RegisterInit(func(m *vm.Machine) {
		// syscall is native, its initializer does not run: its
		// variables that are set there (os's source reads them).
		for i, name := range []string{"Stdin", "Stdout", "Stderr"} {
			if cell := m.Global("syscall", name); cell != nil {
				*cell = rt.Value{N: uint64(i)}
			}
		}
		if cell := m.Global("os", "Args"); cell != nil {
			args := make([]rt.Value, len(m.Args))
			for i, a := range m.Args {
				args[i] = rt.Value{R: a}
			}
			*cell = rt.Value{R: args}
		}
		if cell := m.Global("os", "Stdout"); cell != nil {
			*cell = newFile(m, &hostFile{name: "/dev/stdout", w: m.Stdout})
		}
		if cell := m.Global("os", "Stderr"); cell != nil {
			*cell = newFile(m, &hostFile{name: "/dev/stderr", w: m.Stderr})
		}
		if cell := m.Global("os", "Stdin"); cell != nil {
			*cell = newFile(m, &hostFile{name: "/dev/stdin", f: os.Stdin})
		}
	})
	vm.RegisterNatives(osNatives)
	vm.RegisterPackageInit("os", os_init)
}

// os.init: os's variables that come from the packages it imports, set
// after their initializers ran (os.ErrNotExist is io/fs's ErrNotExist, so
// errors.Is sees them as one; ErrDeadlineExceeded and ErrNoDeadline are
// internal/poll's, the errors a socket's deadline returns).
func os_init(t *vm.Thread, a, r []rt.Value) {
	m := t.Machine()
	set := func(name string, v rt.Value) {
		if c := m.Global("os", name); c != nil && c.R == nil {
			*c = v
		}
	}
	for _, name := range []string{"ErrInvalid", "ErrPermission", "ErrExist", "ErrNotExist", "ErrClosed"} {
		if c := m.Global("io/fs", name); c != nil {
			set(name, *c)
		}
	}
	for _, name := range []string{"ErrDeadlineExceeded", "ErrNoDeadline"} {
		if c := m.Global("internal/poll", name); c != nil && c.R != nil {
			set(name, *c)
		}
	}
	// Without net, internal/poll has no code (lib.sealedImports): gc's
	// errors made here, their methods natives.
	if v, ok := errorStruct(m, "internal/poll", "DeadlineExceededError"); ok {
		set("ErrDeadlineExceeded", v)
	}
	set("ErrNoDeadline", m.NewError("file type does not support deadline"))
	set("ErrProcessDone", m.NewError("os: process already finished"))
	set("ErrNoHandle", m.NewError("os: process handle unavailable"))
}

// (*internal/poll.DeadlineExceededError).Error: func (e *DeadlineExceededError) Error() string
func internal_poll_DeadlineExceededError_Error(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: "i/o timeout"}
}

// (*internal/poll.DeadlineExceededError).Timeout: func (e *DeadlineExceededError) Timeout() bool
func internal_poll_DeadlineExceededError_Timeout(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(true) }

// (*internal/poll.DeadlineExceededError).Temporary: func (e *DeadlineExceededError) Temporary() bool
func internal_poll_DeadlineExceededError_Temporary(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(true) }

// os's runtime hooks, reached when os runs from source (its own tests:
// lib's sourceUnderTest).

// os.runtime_args: func runtime_args() []string
func os_runtime_args(t *vm.Thread, a, r []rt.Value) {
	args := make([]rt.Value, len(t.Machine().Args))
	for i, s := range t.Machine().Args {
		args[i] = rt.Value{R: s}
	}
	r[0] = rt.Value{R: args}
}

// os.runtime_beforeExit: func runtime_beforeExit(exitCode int) — gc
// flushes race and coverage data; goro has none to flush.
func os_runtime_beforeExit(t *vm.Thread, a, r []rt.Value) {}

// os.checkClonePidfd: func checkClonePidfd() error — goro's processes
// are the host's os.Process (lib/osexec.go), without pidfds.
func os_checkClonePidfd(t *vm.Thread, a, r []rt.Value) {
	r[0] = errnoValue(t, syscall.ENOSYS)
}

// os.checkPidfd: func checkPidfd() error — whether the host's pidfds
// work: Process.WithHandle hands out the host's (lib/osexec.go).
func os_checkPidfd(t *vm.Thread, a, r []rt.Value) {
	const sysPidfdOpen = 434 // linux, every architecture
	fd, _, e := syscall.Syscall(sysPidfdOpen, uintptr(os.Getpid()), 0, 0)
	if e != 0 {
		r[0] = osError(t, os.NewSyscallError("pidfd_open", e))
		return
	}
	syscall.Close(int(fd))
}

// os.ignoreSIGSYS: func ignoreSIGSYS() — for checkClonePidfd, not called.
func os_ignoreSIGSYS(t *vm.Thread, a, r []rt.Value) {}

// os.restoreSIGSYS: func restoreSIGSYS()
func os_restoreSIGSYS(t *vm.Thread, a, r []rt.Value) {}

// osNatives binds these functions by their ssa names (sorted).
var osNatives = map[string]vm.NativeFunc{
	"os.runtime_args":       os_runtime_args,
	"os.runtime_beforeExit": os_runtime_beforeExit,
	"os.checkClonePidfd":    os_checkClonePidfd,
	"os.checkPidfd":         os_checkPidfd,
	"os.ignoreSIGSYS":       os_ignoreSIGSYS,
	"os.restoreSIGSYS":      os_restoreSIGSYS,
	"(*internal/poll.DeadlineExceededError).Error":     internal_poll_DeadlineExceededError_Error,
	"(*internal/poll.DeadlineExceededError).Temporary": internal_poll_DeadlineExceededError_Temporary,
	"(*internal/poll.DeadlineExceededError).Timeout":   internal_poll_DeadlineExceededError_Timeout,
	"(*os.File).Name":        os_File_Name,
	"(*os.File).Sync":        os_File_Sync,
	"(*os.File).Write":       os_File_Write,
	"(*os.File).WriteString": os_File_WriteString,
	"os.Exit":                os_Exit,
	"os.Getenv":              os_Getenv,
	"os.Getegid":             os_Getegid,
	"os.Geteuid":             os_Geteuid,
	"os.Getgid":              os_Getgid,
	"os.Getpid":              os_Getpid,
	"os.IsPathSeparator":     os_IsPathSeparator,
	"os.Getppid":             os_Getppid,
	"os.Getuid":              os_Getuid,
	"os.LookupEnv":           os_LookupEnv,
}

// os.Exit: func Exit(code int)
func os_Exit(t *vm.Thread, a, r []rt.Value) { t.Exit(int(int32(a[0].N))) }

// os.Getenv: func Getenv(key string) string
func os_Getenv(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: os.Getenv(vm.Str(a[0]))} }

// os.LookupEnv: func LookupEnv(key string) (string, bool)
func os_LookupEnv(t *vm.Thread, a, r []rt.Value) {
	v, ok := os.LookupEnv(vm.Str(a[0]))
	r[0], r[1] = rt.Value{R: v}, boolV(ok)
}

// os.Getpid: func Getpid() int
func os_Getpid(t *vm.Thread, a, r []rt.Value) { r[0] = intV(os.Getpid()) }

// os.IsPathSeparator: func IsPathSeparator(c uint8) bool — '/' on Unix.
func os_IsPathSeparator(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(a[0].N == '/') }

// os.Getppid, Getuid, Geteuid, Getgid, Getegid: the host process's ids.
func os_Getppid(t *vm.Thread, a, r []rt.Value) { r[0] = intV(os.Getppid()) }
func os_Getuid(t *vm.Thread, a, r []rt.Value)  { r[0] = intV(os.Getuid()) }
func os_Geteuid(t *vm.Thread, a, r []rt.Value) { r[0] = intV(os.Geteuid()) }
func os_Getgid(t *vm.Thread, a, r []rt.Value)  { r[0] = intV(os.Getgid()) }
func os_Getegid(t *vm.Thread, a, r []rt.Value) { r[0] = intV(os.Getegid()) }

// (*os.File).Write: func (f *File) Write(b []byte) (n int, err error)
func os_File_Write(t *vm.Thread, a, r []rt.Value) { writeFile(t, a, r, vm.ValuesToBytes(a[1])) }

// (*os.File).WriteString: func (f *File) WriteString(s string) (n int, err error)
func os_File_WriteString(t *vm.Thread, a, r []rt.Value) { writeFile(t, a, r, []byte(vm.Str(a[1]))) }

// (*os.File).Name: func (f *File) Name() string
func os_File_Name(t *vm.Thread, a, r []rt.Value) {
	if cellOf(t, a[0]) == nil {
		return // a nil *File: gc's nil dereference
	}
	if hf := fileOf(t, a[0]); hf != nil {
		r[0] = rt.Value{R: hf.name}
	}
}

// (*os.File).Sync: func (f *File) Sync() error
func os_File_Sync(t *vm.Thread, a, r []rt.Value) {
	hf := fileOf(t, a[0])
	switch {
	case hf == nil:
		r[0] = osError(t, os.ErrInvalid)
	case hf.f != nil && hf.f != os.Stdout && hf.f != os.Stderr && hf.f != os.Stdin:
		r[0] = osError(t, hf.f.Sync())
	default:
		r[0] = rt.Value{}
	}
}

// writeFile is (*os.File).Write of b.
func writeFile(t *vm.Thread, a, r []rt.Value, b []byte) {
	hf := fileOf(t, a[0])
	if hf == nil {
		r[0], r[1] = rt.Value{}, osError(t, os.ErrInvalid) // a nil *File, as gc's
		return
	}
	if hf.w == nil && hf.f == nil {
		t.Unsupported("writing to this *os.File")
		return
	}
	var n int
	var err error
	if hf.f != nil {
		blocking(t, rt.SyscallShort, "", func() { n, err = hf.f.Write(b) }) // a pipe may be full
	} else {
		n, err = hf.w.Write(b)
	}
	r[0], r[1] = rt.Value{N: uint64(n)}, osError(t, err)
}

func boolV(b bool) rt.Value {
	if b {
		return rt.Value{N: 1}
	}
	return rt.Value{}
}
