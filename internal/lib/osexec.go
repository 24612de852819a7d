// package os: processes. An *os.Process is a cell of the program's
// os.Process whose host process lives in the program's table; an
// *os.ProcessState carries the pid and wait status as gc's does. A wait is
// a blocking host call made with the G in _Gsyscall (blocking). os/exec
// runs from source on top of these.
package lib

import (
	"io"
	"os"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(osexecNatives)
}

// osexecNatives binds these functions by their ssa names (sorted).
var osexecNatives = map[string]vm.NativeFunc{
	"internal/syscall/unix.PidFDSendSignal": internal_syscall_unix_PidFDSendSignal,
	"(*os.File).ReadFrom":                   os_File_ReadFrom,
	"(*os.File).WriteTo":                    os_File_WriteTo,
	"(*os.Process).Kill":                    os_Process_Kill,
	"(*os.Process).Release":                 os_Process_Release,
	"(*os.Process).Signal":                  os_Process_Signal,
	"(*os.Process).Wait":                    os_Process_Wait,
	"(*os.Process).WithHandle":              os_Process_WithHandle,
	"(*os.ProcessState).ExitCode":           os_ProcessState_ExitCode,
	"(*os.ProcessState).Exited":             os_ProcessState_Exited,
	"(*os.ProcessState).Pid":                os_ProcessState_Pid,
	"(*os.ProcessState).String":             os_ProcessState_String,
	"(*os.ProcessState).Success":            os_ProcessState_Success,
	"(*os.ProcessState).Sys":                os_ProcessState_Sys,
	"(*os.ProcessState).SysUsage":           os_ProcessState_SysUsage,
	"(*os.ProcessState).SystemTime":         os_ProcessState_SystemTime,
	"(*os.ProcessState).UserTime":           os_ProcessState_UserTime,
	"internal/syscall/unix.Eaccess":         internal_syscall_unix_Eaccess,
	"os.Pipe":                               os_Pipe,
	"os.StartProcess":                       os_StartProcess,
	"syscall.Environ":                       os_Environ,
}

// hostProc is a started child: the host process and the copiers that
// carry its output to program files that are not host files (a Stdout
// the embedder gave as an io.Writer).
type hostProc struct {
	p       *os.Process
	copiers sync.WaitGroup
	state   *os.ProcessState
}

type procKey struct{}

type procTable struct {
	mu    sync.Mutex
	procs map[*rt.Value]*hostProc
}

func procsOf(m *vm.Machine) *procTable {
	s, _ := m.LibState.LoadOrStore(procKey{}, &procTable{procs: map[*rt.Value]*hostProc{}})
	return s.(*procTable)
}

func procOf(t *vm.Thread, v rt.Value) *hostProc {
	p := cellOf(t, v)
	if p == nil {
		return nil
	}
	pt := procsOf(t.Machine())
	pt.mu.Lock()
	defer pt.mu.Unlock()
	return pt.procs[p]
}

// os.Pipe: func Pipe() (r *File, w *File, err error)
func os_Pipe(t *vm.Thread, a, r []rt.Value) {
	pr, pw, err := os.Pipe()
	if err != nil {
		r[0], r[1], r[2] = rt.Value{}, rt.Value{}, osError(t, err)
		return
	}
	r[0], r[1], r[2] = newHostFile(t, pr), newHostFile(t, pw), rt.Value{}
}

// os.StartProcess: func StartProcess(name string, argv []string, attr *ProcAttr) (*Process, error)
func os_StartProcess(t *vm.Thread, a, r []rt.Value) {
	m := t.Machine()
	r[0], r[1] = rt.Value{}, rt.Value{}
	argv := stringSlice(a[1])
	hp := &hostProc{}
	var attr os.ProcAttr
	var parentEnds []*os.File // pipe ends the child got, closed here once it has them
	if p, _ := a[2].R.(*rt.Value); p != nil {
		at := m.LookupType("os", "ProcAttr")
		fs := p.R.([]rt.Value)
		attr.Dir = vm.Str(fs[vm.FieldIndex(at, "Dir")])
		if env := fs[vm.FieldIndex(at, "Env")]; env.R != nil {
			attr.Env = stringSlice(env)
		}
		if sys := fs[vm.FieldIndex(at, "Sys")]; sys.R != nil {
			t.Unsupported("os.StartProcess with a SysProcAttr")
			return
		}
		files, _ := fs[vm.FieldIndex(at, "Files")].R.([]rt.Value)
		for _, fv := range files {
			hf := fileOf(t, fv)
			switch {
			case hf == nil:
				attr.Files = append(attr.Files, nil)
			case hf.f != nil:
				attr.Files = append(attr.Files, hf.f)
			default:
				// A writer of the embedder's: the child writes a pipe
				// whose other end a host goroutine copies to it.
				pr, pw, err := os.Pipe()
				if err != nil {
					r[1] = osError(t, err)
					return
				}
				attr.Files = append(attr.Files, pw)
				parentEnds = append(parentEnds, pw)
				hp.copiers.Add(1)
				go func(w io.Writer) {
					defer hp.copiers.Done()
					defer pr.Close()
					io.Copy(w, pr)
				}(hf.w)
			}
		}
	}
	proc, err := os.StartProcess(vm.Str(a[0]), argv, &attr)
	for _, f := range parentEnds {
		f.Close()
	}
	if err != nil {
		r[1] = osError(t, err)
		return
	}
	hp.p = proc
	r[0] = processValue(m, hp)
}

// processValue makes the program's *os.Process for hp.
func processValue(m *vm.Machine, hp *hostProc) rt.Value {
	pt := m.LookupType("os", "Process")
	cell := new(rt.Value)
	*cell = pt.Zero()
	cell.R.([]rt.Value)[vm.FieldIndex(pt, "Pid")] = rt.Value{N: uint64(hp.p.Pid)}
	tab := procsOf(m)
	tab.mu.Lock()
	tab.procs[cell] = hp
	tab.mu.Unlock()
	return rt.Value{R: cell}
}

// stringSlice reads a []string.
func stringSlice(v rt.Value) []string {
	vs, _ := v.R.([]rt.Value)
	out := make([]string, len(vs))
	for i, s := range vs {
		out[i] = vm.Str(s)
	}
	return out
}

// (*os.Process).Wait: func (p *Process) Wait() (*ProcessState, error)
func os_Process_Wait(t *vm.Thread, a, r []rt.Value) {
	hp := procOf(t, a[0])
	if hp == nil {
		r[0], r[1] = rt.Value{}, osError(t, os.ErrInvalid)
		return
	}
	var st *os.ProcessState
	var err error
	blocking(t, rt.SyscallWait, "a wait for a child process", func() {
		st, err = hp.p.Wait()
		hp.copiers.Wait()
	})
	if err != nil {
		r[0], r[1] = rt.Value{}, osError(t, err)
		return
	}
	hp.state = st
	m := t.Machine()
	stt := m.LookupType("os", "ProcessState")
	cell := new(rt.Value)
	*cell = stt.Zero()
	fs := cell.R.([]rt.Value)
	fs[vm.FieldIndex(stt, "pid")] = rt.Value{N: uint64(st.Pid())}
	fs[vm.FieldIndex(stt, "status")] = rt.Value{N: uint64(st.Sys().(syscall.WaitStatus))}
	r[0], r[1] = rt.Value{R: cell}, rt.Value{}
}

// (*os.Process).WithHandle: func (p *Process) WithHandle(f func(handle uintptr)) error
//
// The host process's pidfd, when the host has one: f is called with it
// after the host's WithHandle returned (the pidfd stays open until the
// process is released or waited for).
func os_Process_WithHandle(t *vm.Thread, a, r []rt.Value) {
	hp := procOf(t, a[0])
	if hp == nil {
		r[0] = osError(t, os.ErrInvalid)
		return
	}
	var handle uintptr
	if err := hp.p.WithHandle(func(h uintptr) { handle = h }); err != nil {
		r[0] = osError(t, err)
		return
	}
	t.CallThen(a[1], []rt.Value{{N: uint64(handle)}}, func(t *vm.Thread, res, out []rt.Value) { out[0] = rt.Value{} })
}

// internal/syscall/unix.PidFDSendSignal: func PidFDSendSignal(pidfd uintptr, s syscall.Signal) error
//
// A pidfd a program holds is the host's (Process.WithHandle's).
func internal_syscall_unix_PidFDSendSignal(t *vm.Thread, a, r []rt.Value) {
	const sysPidfdSendSignal = 424 // linux, every architecture
	if _, _, e := syscall.Syscall(sysPidfdSendSignal, uintptr(a[0].N), uintptr(a[1].N), 0); e != 0 {
		r[0] = errnoValue(t, e)
	}
}

// (*os.Process).Kill: func (p *Process) Kill() error
func os_Process_Kill(t *vm.Thread, a, r []rt.Value) {
	if hp := procOf(t, a[0]); hp != nil {
		r[0] = osError(t, hp.p.Kill())
		return
	}
	r[0] = osError(t, os.ErrInvalid)
}

// (*os.Process).Signal: func (p *Process) Signal(sig Signal) error
func os_Process_Signal(t *vm.Thread, a, r []rt.Value) {
	hp := procOf(t, a[0])
	iv, ok := a[1].R.(vm.Iface)
	if hp == nil || !ok || iv.T.String() != "syscall.Signal" {
		r[0] = osError(t, os.ErrInvalid)
		return
	}
	r[0] = osError(t, hp.p.Signal(syscall.Signal(iv.V.N)))
}

// (*os.Process).Release: func (p *Process) Release() error
func os_Process_Release(t *vm.Thread, a, r []rt.Value) {
	if p := cellOf(t, a[0]); p != nil {
		tab := procsOf(t.Machine())
		tab.mu.Lock()
		hp := tab.procs[p]
		delete(tab.procs, p)
		tab.mu.Unlock()
		if hp != nil {
			r[0] = osError(t, hp.p.Release())
		}
	}
}

// A program's *os.ProcessState holds gc's fields: pid and the wait status.

func waitStatus(t *vm.Thread, v rt.Value) (pid int, ws syscall.WaitStatus, ok bool) {
	p := cellOf(t, v)
	if p == nil {
		return 0, 0, false
	}
	stt := t.Machine().LookupType("os", "ProcessState")
	fs := p.R.([]rt.Value)
	return int(fs[vm.FieldIndex(stt, "pid")].N), syscall.WaitStatus(fs[vm.FieldIndex(stt, "status")].N), true
}

// (*os.ProcessState).ExitCode: func (p *ProcessState) ExitCode() int
func os_ProcessState_ExitCode(t *vm.Thread, a, r []rt.Value) {
	if a[0].R == nil {
		r[0] = rt.Value{N: ^uint64(0)} // -1, as gc for a nil state
		return
	}
	if _, ws, ok := waitStatus(t, a[0]); ok {
		r[0] = rt.Value{N: uint64(int64(ws.ExitStatus()))}
	}
}

// (*os.ProcessState).Exited: func (p *ProcessState) Exited() bool
func os_ProcessState_Exited(t *vm.Thread, a, r []rt.Value) {
	if _, ws, ok := waitStatus(t, a[0]); ok {
		r[0] = boolV(ws.Exited())
	}
}

// (*os.ProcessState).Success: func (p *ProcessState) Success() bool
func os_ProcessState_Success(t *vm.Thread, a, r []rt.Value) {
	if _, ws, ok := waitStatus(t, a[0]); ok {
		r[0] = boolV(ws.ExitStatus() == 0)
	}
}

// (*os.ProcessState).Pid: func (p *ProcessState) Pid() int
func os_ProcessState_Pid(t *vm.Thread, a, r []rt.Value) {
	if pid, _, ok := waitStatus(t, a[0]); ok {
		r[0] = rt.Value{N: uint64(pid)}
	}
}

// (*os.ProcessState).String: func (p *ProcessState) String() string
func os_ProcessState_String(t *vm.Thread, a, r []rt.Value) {
	if a[0].R == nil {
		r[0] = rt.Value{R: "<nil>"}
		return
	}
	if _, ws, ok := waitStatus(t, a[0]); ok {
		r[0] = rt.Value{R: processStateString(ws)}
	}
}

// processStateString is gc's (*os.ProcessState).String of a wait status.
func processStateString(status syscall.WaitStatus) string {
	res := ""
	switch {
	case status.Exited():
		code := status.ExitStatus()
		res = "exit status " + strconv.Itoa(code)
	case status.Signaled():
		res = "signal: " + status.Signal().String()
	case status.Stopped():
		res = "stop signal: " + status.StopSignal().String()
		if status.StopSignal() == syscall.SIGTRAP && status.TrapCause() != 0 {
			res += " (trap " + strconv.Itoa(status.TrapCause()) + ")"
		}
	case status.Continued():
		res = "continued"
	}
	if status.CoreDump() {
		res += " (core dumped)"
	}
	return res
}

// (*os.ProcessState).Sys: func (p *ProcessState) Sys() any
func os_ProcessState_Sys(t *vm.Thread, a, r []rt.Value) {
	if _, ws, ok := waitStatus(t, a[0]); ok {
		if wt := t.Machine().LookupType("syscall", "WaitStatus"); wt != nil {
			r[0] = rt.Value{R: vm.Iface{T: wt, V: rt.Value{N: uint64(ws)}}}
		}
	}
}

// (*os.ProcessState).SysUsage: func (p *ProcessState) SysUsage() any
//
// goro does not keep the child's rusage: nil (SystemTime and UserTime
// are then 0).
func os_ProcessState_SysUsage(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{} }

// (*os.ProcessState).SystemTime: func (p *ProcessState) SystemTime() time.Duration
func os_ProcessState_SystemTime(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(time.Duration(0))}
}

// (*os.ProcessState).UserTime: func (p *ProcessState) UserTime() time.Duration
func os_ProcessState_UserTime(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(time.Duration(0))}
}

// internal/syscall/unix.Eaccess: func Eaccess(path string, mode uint32) error
func internal_syscall_unix_Eaccess(t *vm.Thread, a, r []rt.Value) {
	const atFDCWD, atEaccess = -0x64, 0x200
	r[0] = errnoValue(t, syscall.Faccessat(atFDCWD, vm.Str(a[0]), uint32(a[1].N), atEaccess))
}

// Copying between a host file and a program's io.Reader or io.Writer
// (io.Copy takes these methods when it finds them): a loop of host reads
// or writes, and calls of the program's Read or Write method through
// CallThen.

// methodCall returns the func value and receiver to call method name of
// the interface value v, or false if v is nil.
func methodCall(v rt.Value, name string) (fn, recv rt.Value, ok bool) {
	iv, isIface := v.R.(vm.Iface)
	if !isIface {
		return rt.Value{}, rt.Value{}, false
	}
	f := iv.T.Method(name)
	if f == nil {
		return rt.Value{}, rt.Value{}, false
	}
	return rt.Value{R: &vm.Closure{Fn: f}}, iv.V, true
}

// copyEnds returns the host file a[0] and the method (Read or Write) to
// call on the program's reader or writer a[1]; false after setting the
// results (an invalid file) or panicking (a nil interface), as gc's.
func copyEnds(t *vm.Thread, a, r []rt.Value, method string) (hf *hostFile, fn, recv rt.Value, ok bool) {
	if hf = hostFileArg(t, a[0], r); hf == nil {
		return nil, fn, recv, false
	}
	if fn, recv, ok = methodCall(a[1], method); !ok {
		t.PanicRuntime("invalid memory address or nil pointer dereference")
	}
	return hf, fn, recv, ok
}

// (*os.File).WriteTo: func (f *File) WriteTo(w io.Writer) (n int64, err error)
func os_File_WriteTo(t *vm.Thread, a, r []rt.Value) {
	hf, write, recv, ok := copyEnds(t, a, r, "Write")
	if !ok {
		return
	}
	buf := make([]byte, 32<<10)
	var total int64
	var asked int
	var next func(t *vm.Thread, res, out []rt.Value)
	readMore := func(t *vm.Thread, out []rt.Value) {
		var n int
		var err error
		blocking(t, hf.readKind(), "a read of "+hf.name, func() { n, err = hf.f.Read(buf) })
		if n > 0 {
			asked = n
			t.CallThen(write, []rt.Value{recv, vm.BytesToValues(buf[:n])}, next)
			return
		}
		if err == io.EOF {
			err = nil
		}
		out[0], out[1] = rt.Value{N: uint64(total)}, osError(t, err)
	}
	next = func(t *vm.Thread, res, out []rt.Value) { // res: Write's (n int, err error)
		n := int(res[0].N)
		total += int64(n)
		switch {
		case res[1].R != nil:
			out[0], out[1] = rt.Value{N: uint64(total)}, res[1]
		case n != asked:
			out[0], out[1] = rt.Value{N: uint64(total)}, *t.Machine().Global("io", "ErrShortWrite")
		default:
			readMore(t, out)
		}
	}
	readMore(t, r)
}

// (*os.File).ReadFrom: func (f *File) ReadFrom(r io.Reader) (n int64, err error)
func os_File_ReadFrom(t *vm.Thread, a, r []rt.Value) {
	hf, read, recv, ok := copyEnds(t, a, r, "Read")
	if !ok {
		return
	}
	var total int64
	buf := rt.Value{R: make([]rt.Value, 32<<10)}
	eof := t.Machine().Global("io", "EOF")
	var next func(t *vm.Thread, res, out []rt.Value)
	next = func(t *vm.Thread, res, out []rt.Value) { // res: Read's (n int, err error)
		n := int(res[0].N)
		if n > 0 {
			b := vm.ValuesToBytes(rt.Value{R: buf.R.([]rt.Value)[:n]})
			var werr error
			blocking(t, rt.SyscallShort, "", func() { _, werr = hf.f.Write(b) })
			if werr != nil {
				out[0], out[1] = rt.Value{N: uint64(total)}, osError(t, werr)
				return
			}
			total += int64(n)
		}
		if res[1].R != nil {
			err := res[1]
			if eof != nil && vm.EqualInterfaces(err, *eof) {
				err = rt.Value{}
			}
			out[0], out[1] = rt.Value{N: uint64(total)}, err
			return
		}
		t.CallThen(read, []rt.Value{recv, buf}, next)
	}
	t.CallThen(read, []rt.Value{recv, buf}, next)
}
