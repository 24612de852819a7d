package lib

// syscall's other system calls and helpers (syscall.go has the first). A
// call is made on the host with the program's arguments converted: every
// pointer the kernel reads or writes is a host value built here — a
// buffer, a struct copied field by field by name (programStruct,
// hostStruct) — and what the kernel wrote is copied back into the cell
// the program passed, never the cell's own address: goro's values are
// not laid out as gc's. What cannot be made so (a raw system call whose
// arguments may be addresses, Exec, which would replace goro's process)
// is unsupported by name, with the reason.

import (
	"fmt"
	"go/types"
	"reflect"
	"strings"
	"syscall"
	"unsafe"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(syscallxNatives)
}

// syscallxNatives binds these functions by their ssa names (sorted).
var syscallxNatives = map[string]vm.NativeFunc{
	"(*syscall.Cmsghdr).SetLen":         syscall_Cmsghdr_SetLen,
	"(*syscall.Msghdr).SetControllen":   syscall_Msghdr_SetControllen,
	"(*syscall.PtraceRegs).PC":          syscall_PtraceRegs_PC,
	"(*syscall.PtraceRegs).SetPC":       syscall_PtraceRegs_SetPC,
	"syscall.Accept":                    syscall_Accept,
	"syscall.Access":                    syscall_Access,
	"syscall.Acct":                      syscall_Acct,
	"syscall.Adjtimex":                  syscall_Adjtimex,
	"syscall.AllThreadsSyscall":         syscall_AllThreadsSyscall,
	"syscall.AllThreadsSyscall6":        syscall_AllThreadsSyscall6,
	"syscall.AttachLsf":                 syscall_AttachLsf,
	"syscall.BindToDevice":              syscall_BindToDevice,
	"syscall.BytePtrFromString":         syscall_BytePtrFromString,
	"syscall.ByteSliceFromString":       syscall_ByteSliceFromString,
	"syscall.Chroot":                    syscall_Chroot,
	"syscall.CmsgLen":                   syscall_CmsgLen,
	"syscall.CmsgSpace":                 syscall_CmsgSpace,
	"syscall.Creat":                     syscall_Creat,
	"syscall.DetachLsf":                 syscall_DetachLsf,
	"syscall.Dup":                       syscall_Dup,
	"syscall.Dup2":                      syscall_Dup2,
	"syscall.Dup3":                      syscall_Dup3,
	"syscall.EpollCreate":               syscall_EpollCreate,
	"syscall.EpollCreate1":              syscall_EpollCreate1,
	"syscall.EpollCtl":                  syscall_EpollCtl,
	"syscall.EpollWait":                 syscall_EpollWait,
	"syscall.Exec":                      syscall_Exec,
	"syscall.Faccessat":                 syscall_Faccessat,
	"syscall.Fallocate":                 syscall_Fallocate,
	"syscall.Fchdir":                    syscall_Fchdir,
	"syscall.Fchmod":                    syscall_Fchmod,
	"syscall.Fchmodat":                  syscall_Fchmodat,
	"syscall.Fchown":                    syscall_Fchown,
	"syscall.Fchownat":                  syscall_Fchownat,
	"syscall.FcntlFlock":                syscall_FcntlFlock,
	"syscall.Fdatasync":                 syscall_Fdatasync,
	"syscall.Flock":                     syscall_Flock,
	"syscall.ForkExec":                  syscall_ForkExec,
	"syscall.Fstatfs":                   syscall_Fstatfs,
	"syscall.Fsync":                     syscall_Fsync,
	"syscall.Ftruncate":                 syscall_Ftruncate,
	"syscall.Futimes":                   syscall_Futimes,
	"syscall.Futimesat":                 syscall_Futimesat,
	"syscall.Getcwd":                    syscall_Getcwd,
	"syscall.Getdents":                  syscall_Getdents,
	"syscall.Getpgid":                   syscall_Getpgid,
	"syscall.Getpgrp":                   syscall_Getpgrp,
	"syscall.Getpriority":               syscall_Getpriority,
	"syscall.Getrlimit":                 syscall_Getrlimit,
	"syscall.Getrusage":                 syscall_Getrusage,
	"syscall.GetsockoptICMPv6Filter":    syscall_GetsockoptICMPv6Filter,
	"syscall.GetsockoptIPMreq":          syscall_GetsockoptIPMreq,
	"syscall.GetsockoptIPMreqn":         syscall_GetsockoptIPMreqn,
	"syscall.GetsockoptIPv6MTUInfo":     syscall_GetsockoptIPv6MTUInfo,
	"syscall.GetsockoptIPv6Mreq":        syscall_GetsockoptIPv6Mreq,
	"syscall.GetsockoptInet4Addr":       syscall_GetsockoptInet4Addr,
	"syscall.GetsockoptUcred":           syscall_GetsockoptUcred,
	"syscall.Gettid":                    syscall_Gettid,
	"syscall.Gettimeofday":              syscall_Gettimeofday,
	"syscall.Getxattr":                  syscall_Getxattr,
	"syscall.InotifyAddWatch":           syscall_InotifyAddWatch,
	"syscall.InotifyInit":               syscall_InotifyInit,
	"syscall.InotifyInit1":              syscall_InotifyInit1,
	"syscall.InotifyRmWatch":            syscall_InotifyRmWatch,
	"syscall.Ioperm":                    syscall_Ioperm,
	"syscall.Iopl":                      syscall_Iopl,
	"syscall.Klogctl":                   syscall_Klogctl,
	"syscall.Listxattr":                 syscall_Listxattr,
	"syscall.LsfJump":                   syscall_LsfJump,
	"syscall.LsfSocket":                 syscall_LsfSocket,
	"syscall.LsfStmt":                   syscall_LsfStmt,
	"syscall.Mkdirat":                   syscall_Mkdirat,
	"syscall.Mknod":                     syscall_Mknod,
	"syscall.Mknodat":                   syscall_Mknodat,
	"syscall.Mlock":                     syscall_Mlock,
	"syscall.Mlockall":                  syscall_Mlockall,
	"syscall.Mount":                     syscall_Mount,
	"syscall.Munlock":                   syscall_Munlock,
	"syscall.Munlockall":                syscall_Munlockall,
	"syscall.Nanosleep":                 syscall_Nanosleep,
	"syscall.NetlinkRIB":                syscall_NetlinkRIB,
	"syscall.Openat":                    syscall_Openat,
	"syscall.ParseDirent":               syscall_ParseDirent,
	"syscall.ParseNetlinkMessage":       syscall_ParseNetlinkMessage,
	"syscall.ParseNetlinkRouteAttr":     syscall_ParseNetlinkRouteAttr,
	"syscall.ParseSocketControlMessage": syscall_ParseSocketControlMessage,
	"syscall.ParseUnixCredentials":      syscall_ParseUnixCredentials,
	"syscall.ParseUnixRights":           syscall_ParseUnixRights,
	"syscall.Pause":                     syscall_Pause,
	"syscall.PivotRoot":                 syscall_PivotRoot,
	"syscall.Pread":                     syscall_Pread,
	"syscall.PtraceAttach":              syscall_PtraceAttach,
	"syscall.PtraceCont":                syscall_PtraceCont,
	"syscall.PtraceDetach":              syscall_PtraceDetach,
	"syscall.PtraceGetEventMsg":         syscall_PtraceGetEventMsg,
	"syscall.PtraceGetRegs":             syscall_PtraceGetRegs,
	"syscall.PtracePeekData":            syscall_PtracePeekData,
	"syscall.PtracePeekText":            syscall_PtracePeekText,
	"syscall.PtracePokeData":            syscall_PtracePokeData,
	"syscall.PtracePokeText":            syscall_PtracePokeText,
	"syscall.PtraceSetOptions":          syscall_PtraceSetOptions,
	"syscall.PtraceSetRegs":             syscall_PtraceSetRegs,
	"syscall.PtraceSingleStep":          syscall_PtraceSingleStep,
	"syscall.PtraceSyscall":             syscall_PtraceSyscall,
	"syscall.Pwrite":                    syscall_Pwrite,
	"syscall.RawSyscall":                syscall_RawSyscall,
	"syscall.RawSyscall6":               syscall_RawSyscall6,
	"syscall.ReadDirent":                syscall_ReadDirent,
	"syscall.Reboot":                    syscall_Reboot,
	"syscall.Removexattr":               syscall_Removexattr,
	"syscall.Renameat":                  syscall_Renameat,
	"syscall.Seek":                      syscall_Seek,
	"syscall.Select":                    syscall_Select,
	"syscall.Sendfile":                  syscall_Sendfile,
	"syscall.Sendmsg":                   syscall_Sendmsg,
	"syscall.SetLsfPromisc":             syscall_SetLsfPromisc,
	"syscall.Setdomainname":             syscall_Setdomainname,
	"syscall.Setegid":                   syscall_Setegid,
	"syscall.Seteuid":                   syscall_Seteuid,
	"syscall.Setfsgid":                  syscall_Setfsgid,
	"syscall.Setfsuid":                  syscall_Setfsuid,
	"syscall.Setgid":                    syscall_Setgid,
	"syscall.Setgroups":                 syscall_Setgroups,
	"syscall.Sethostname":               syscall_Sethostname,
	"syscall.Setpgid":                   syscall_Setpgid,
	"syscall.Setpriority":               syscall_Setpriority,
	"syscall.Setregid":                  syscall_Setregid,
	"syscall.Setresgid":                 syscall_Setresgid,
	"syscall.Setresuid":                 syscall_Setresuid,
	"syscall.Setreuid":                  syscall_Setreuid,
	"syscall.Setrlimit":                 syscall_Setrlimit,
	"syscall.Setsid":                    syscall_Setsid,
	"syscall.SetsockoptICMPv6Filter":    syscall_SetsockoptICMPv6Filter,
	"syscall.SetsockoptString":          syscall_SetsockoptString,
	"syscall.SetsockoptTimeval":         syscall_SetsockoptTimeval,
	"syscall.Settimeofday":              syscall_Settimeofday,
	"syscall.Setuid":                    syscall_Setuid,
	"syscall.Setxattr":                  syscall_Setxattr,
	"syscall.SlicePtrFromStrings":       syscall_SlicePtrFromStrings,
	"syscall.Socketpair":                syscall_Socketpair,
	"syscall.Splice":                    syscall_Splice,
	"syscall.StartProcess":              syscall_StartProcess,
	"syscall.Statfs":                    syscall_Statfs,
	"syscall.StringBytePtr":             syscall_StringBytePtr,
	"syscall.StringByteSlice":           syscall_StringByteSlice,
	"syscall.StringSlicePtr":            syscall_StringSlicePtr,
	"syscall.Sync":                      syscall_Sync,
	"syscall.SyncFileRange":             syscall_SyncFileRange,
	"syscall.Syscall":                   syscall_Syscall,
	"syscall.Syscall6":                  syscall_Syscall6,
	"syscall.Sysinfo":                   syscall_Sysinfo,
	"syscall.Tee":                       syscall_Tee,
	"syscall.Tgkill":                    syscall_Tgkill,
	"syscall.Time":                      syscall_Time,
	"syscall.Times":                     syscall_Times,
	"syscall.UnixCredentials":           syscall_UnixCredentials,
	"syscall.UnixRights":                syscall_UnixRights,
	"syscall.Unlinkat":                  syscall_Unlinkat,
	"syscall.Unmount":                   syscall_Unmount,
	"syscall.Unshare":                   syscall_Unshare,
	"syscall.Ustat":                     syscall_Ustat,
	"syscall.Utime":                     syscall_Utime,
	"syscall.Utimes":                    syscall_Utimes,
	"syscall.Wait4":                     syscall_Wait4,
}

// Conversions.

// sint is the int argument v (sign-extended in N).
func sint(v rt.Value) int { return int(int64(v.N)) }

// errResult sets a native's only result, an error.
func errResult(t *vm.Thread, r []rt.Value, err error) { r[0] = errnoResult(t, err) }

// int64Err sets a native's (int64, error) results.
func int64Err(t *vm.Thread, r []rt.Value, n int64, err error) {
	r[0], r[1] = rt.Value{N: uint64(n)}, errnoResult(t, err)
}

// byteValues is the program's []byte of the host's b (nil for nil), of
// b's length and capacity.
func byteValues(b []byte) rt.Value {
	if b == nil {
		return rt.Value{}
	}
	vs := make([]rt.Value, len(b), cap(b))
	for i, c := range b {
		vs[i].N = uint64(c)
	}
	return rt.Value{R: vs}
}

// hostBuf is a host buffer as long as the program's []byte v, for the
// kernel to fill (nil for an empty one, as the program's would be).
func hostBuf(v rt.Value) []byte {
	if n := len(sliceOf(v)); n > 0 {
		return make([]byte, n)
	}
	return nil
}

// fillBuf copies the first n bytes the kernel wrote into buf back into
// the program's []byte v.
func fillBuf(v rt.Value, buf []byte, n int) {
	if n > 0 {
		bytesValues(v, buf[:min(n, len(buf))])
	}
}

// syscallType is the program's syscall.<name>.
func syscallType(t *vm.Thread, name string) *vm.Type {
	return t.Machine().LookupType("syscall", name)
}

// structIn returns a host copy of the struct of syscall.<typ> the
// program's pointer v points to, and the cell to copy the kernel's answer
// back into (structOut): nil, nil for a nil pointer, which the kernel
// answers as under gc (EFAULT, or "none" where nil means that). ok is
// false after a pointer goro has no cell of the struct for (a View, an
// address made from an integer) is reported unsupported.
func structIn[T any](t *vm.Thread, v rt.Value, typ string) (h *T, cell *rt.Value, ok bool) {
	cell, ok = t.PlainCell(v, "syscall."+typ+" argument")
	if !ok || cell == nil {
		return nil, nil, ok
	}
	h = new(T)
	programStruct(syscallType(t, typ), *cell, reflect.ValueOf(h).Elem())
	return h, cell, true
}

// structOut copies the host struct h back into the program's cell (from
// structIn; nothing for nil).
func structOut[T any](t *vm.Thread, cell *rt.Value, typ string, h *T) {
	if cell != nil && h != nil {
		hostStruct(syscallType(t, typ), *cell, reflect.ValueOf(h).Elem())
	}
}

// newStruct is a pointer to a new syscall.<typ> holding the host's *h (a
// nil pointer for nil).
func newStruct[T any](t *vm.Thread, typ string, h *T) rt.Value {
	if h == nil {
		return rt.Value{}
	}
	st := syscallType(t, typ)
	cell := st.Zero()
	hostStruct(st, cell, reflect.ValueOf(h).Elem())
	return rt.Value{R: &cell}
}

// structsIn returns host copies of the program's []syscall.<typ> v.
func structsIn[T any](t *vm.Thread, v rt.Value, typ string) []T {
	vs := sliceOf(v)
	if vs == nil {
		return nil
	}
	st := syscallType(t, typ)
	hs := make([]T, len(vs))
	for i, e := range vs {
		programStruct(st, e, reflect.ValueOf(&hs[i]).Elem())
	}
	return hs
}

// intCell returns the cell of the program's pointer to an integer v (nil
// for a nil pointer; ok false after reporting one goro has no cell for).
func intCell(t *vm.Thread, v rt.Value, what string) (*rt.Value, bool) {
	return t.PlainCell(v, what)
}

// subslice is the part of the program's []byte v that part is of host
// (a host copy of v's bytes), sharing v's elements as gc's result shares
// the argument's (a parsed message's Data): the same offset, length and
// capacity; a copy if v holds no elements goro can share.
func subslice(v rt.Value, host, part []byte) rt.Value {
	if part == nil {
		return rt.Value{}
	}
	vs := sliceOf(v)
	if cap(part) == 0 || len(host) == 0 {
		return byteValues(part)
	}
	off := int(uintptr(unsafe.Pointer(unsafe.SliceData(part))) - uintptr(unsafe.Pointer(unsafe.SliceData(host))))
	if vs == nil || off < 0 || off+len(part) > len(vs) || len(vs) != len(host) {
		return byteValues(part)
	}
	if off+cap(part) == cap(host) {
		return rt.Value{R: vs[off : off+len(part)]} // to v's capacity, as gc's
	}
	return rt.Value{R: vs[off : off+len(part) : off+cap(part)]}
}

// nonblocking reports whether a call on fd returns at once: the runtime
// poller holds it, or its flags say non-blocking (hostCall's test).
func nonblocking(t *vm.Thread, fd int) bool {
	if t.Machine().RT.IsPolled(fd) {
		return true
	}
	fl, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFL, 0)
	return e == 0 && fl&syscall.O_NONBLOCK != 0
}

// twoFdCall makes f, a call that may wait on either of two descriptors
// (a splice, a sendfile): at once when both are non-blocking, else as a
// blocking host call.
func twoFdCall(t *vm.Thread, fd1, fd2 int, what string, f func()) {
	if nonblocking(t, fd1) && nonblocking(t, fd2) {
		f()
		return
	}
	blocking(t, rt.SyscallWait, what, f)
}

// Descriptors.

// syscall.Dup: func Dup(oldfd int) (fd int, err error)
func syscall_Dup(t *vm.Thread, a, r []rt.Value) {
	fd, err := syscall.Dup(sint(a[0]))
	intErr(t, r, fd, err)
}

// syscall.Dup2: func Dup2(oldfd int, newfd int) (err error)
func syscall_Dup2(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Dup2(sint(a[0]), sint(a[1])))
}

// syscall.Dup3: func Dup3(oldfd int, newfd int, flags int) (err error)
func syscall_Dup3(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Dup3(sint(a[0]), sint(a[1]), sint(a[2])))
}

// syscall.Fsync: func Fsync(fd int) (err error)
func syscall_Fsync(t *vm.Thread, a, r []rt.Value) {
	var err error
	blocking(t, rt.SyscallShort, "an fsync", func() { err = syscall.Fsync(sint(a[0])) })
	errResult(t, r, err)
}

// syscall.Fdatasync: func Fdatasync(fd int) (err error)
func syscall_Fdatasync(t *vm.Thread, a, r []rt.Value) {
	var err error
	blocking(t, rt.SyscallShort, "an fdatasync", func() { err = syscall.Fdatasync(sint(a[0])) })
	errResult(t, r, err)
}

// syscall.Sync: func Sync()
func syscall_Sync(t *vm.Thread, a, r []rt.Value) {
	blocking(t, rt.SyscallShort, "a sync", syscall.Sync)
}

// syscall.SyncFileRange: func SyncFileRange(fd int, off int64, n int64, flags int) (err error)
func syscall_SyncFileRange(t *vm.Thread, a, r []rt.Value) {
	var err error
	blocking(t, rt.SyscallShort, "a sync_file_range", func() {
		err = syscall.SyncFileRange(sint(a[0]), int64(a[1].N), int64(a[2].N), sint(a[3]))
	})
	errResult(t, r, err)
}

// syscall.Flock: func Flock(fd int, how int) (err error) — without
// LOCK_NB it waits for the lock.
func syscall_Flock(t *vm.Thread, a, r []rt.Value) {
	fd, how := sint(a[0]), sint(a[1])
	var err error
	if how&syscall.LOCK_NB != 0 {
		err = syscall.Flock(fd, how)
	} else {
		blocking(t, rt.SyscallWait, "a flock", func() { err = syscall.Flock(fd, how) })
	}
	errResult(t, r, err)
}

// syscall.FcntlFlock: func FcntlFlock(fd uintptr, cmd int, lk *Flock_t) error
func syscall_FcntlFlock(t *vm.Thread, a, r []rt.Value) {
	lk, cell, ok := structIn[syscall.Flock_t](t, a[2], "Flock_t")
	if !ok {
		return
	}
	fd, cmd := uintptr(a[0].N), sint(a[1])
	var err error
	const fOFDSetlkw = 38 // F_OFD_SETLKW
	if cmd == syscall.F_SETLKW || cmd == fOFDSetlkw {
		blocking(t, rt.SyscallWait, "a lock wait", func() { err = syscall.FcntlFlock(fd, cmd, lk) })
	} else {
		err = syscall.FcntlFlock(fd, cmd, lk)
	}
	structOut(t, cell, "Flock_t", lk)
	errResult(t, r, err)
}

// syscall.Fchmod: func Fchmod(fd int, mode uint32) (err error)
func syscall_Fchmod(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Fchmod(sint(a[0]), uint32(a[1].N)))
}

// syscall.Fchown: func Fchown(fd int, uid int, gid int) (err error)
func syscall_Fchown(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Fchown(sint(a[0]), sint(a[1]), sint(a[2])))
}

// syscall.Fchdir: func Fchdir(fd int) (err error)
func syscall_Fchdir(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.Fchdir(sint(a[0]))) }

// syscall.Ftruncate: func Ftruncate(fd int, length int64) (err error)
func syscall_Ftruncate(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Ftruncate(sint(a[0]), int64(a[1].N)))
}

// syscall.Fallocate: func Fallocate(fd int, mode uint32, off int64, len int64) (err error)
func syscall_Fallocate(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Fallocate(sint(a[0]), uint32(a[1].N), int64(a[2].N), int64(a[3].N)))
}

// syscall.Seek: func Seek(fd int, offset int64, whence int) (off int64, err error)
func syscall_Seek(t *vm.Thread, a, r []rt.Value) {
	off, err := syscall.Seek(sint(a[0]), int64(a[1].N), sint(a[2]))
	int64Err(t, r, off, err)
}

// syscall.Pread: func Pread(fd int, p []byte, offset int64) (n int, err error)
func syscall_Pread(t *vm.Thread, a, r []rt.Value) {
	fd, buf := sint(a[0]), hostBuf(a[1])
	var n int
	var err error
	hostCall(t, fd, "a pread", func() { n, err = syscall.Pread(fd, buf, int64(a[2].N)) })
	fillBuf(a[1], buf, n)
	intErr(t, r, n, err)
}

// syscall.Pwrite: func Pwrite(fd int, p []byte, offset int64) (n int, err error)
func syscall_Pwrite(t *vm.Thread, a, r []rt.Value) {
	fd, buf := sint(a[0]), vm.ValuesToBytes(a[1])
	var n int
	var err error
	hostCall(t, fd, "a pwrite", func() { n, err = syscall.Pwrite(fd, buf, int64(a[2].N)) })
	intErr(t, r, n, err)
}

// syscall.Getdents: func Getdents(fd int, buf []byte) (n int, err error)
func syscall_Getdents(t *vm.Thread, a, r []rt.Value) {
	buf := hostBuf(a[1])
	var n int
	var err error
	blocking(t, rt.SyscallShort, "a getdents", func() { n, err = syscall.Getdents(sint(a[0]), buf) })
	fillBuf(a[1], buf, n)
	intErr(t, r, n, err)
}

// syscall.ReadDirent: func ReadDirent(fd int, buf []byte) (n int, err error)
func syscall_ReadDirent(t *vm.Thread, a, r []rt.Value) { syscall_Getdents(t, a, r) }

// syscall.ParseDirent: func ParseDirent(buf []byte, max int, names []string) (consumed int, count int, newnames []string)
//
// newnames is append(names, ...) as gc's: the names go into names' array
// while it has room, and a grown array has gc's capacity (the host's
// append of the same []string).
func syscall_ParseDirent(t *vm.Thread, a, r []rt.Value) {
	vs := sliceOf(a[2])
	names := make([]string, len(vs), cap(vs))
	for i, v := range vs {
		names[i] = vm.Str(v)
	}
	consumed, count, nn := syscall.ParseDirent(vm.ValuesToBytes(a[0]), sint(a[1]), names)
	out := a[2]
	if len(nn) > len(vs) {
		// The names that fit in names' array go there, as gc's append
		// writes them before it grows the slice.
		full := vs[:cap(vs)]
		for i := len(vs); i < len(nn) && i < cap(vs); i++ {
			full[i] = rt.Value{R: nn[i]}
		}
		if cap(nn) == cap(vs) {
			out = rt.Value{R: full[:len(nn)]}
		} else {
			ns := make([]rt.Value, len(nn), cap(nn))
			copy(ns, vs)
			for i := len(vs); i < len(nn); i++ {
				ns[i] = rt.Value{R: nn[i]}
			}
			out = rt.Value{R: ns}
		}
	}
	r[0], r[1], r[2] = rt.Value{N: uint64(consumed)}, rt.Value{N: uint64(count)}, out
}

// syscall.Sendfile: func Sendfile(outfd int, infd int, offset *int64, count int) (written int, err error)
func syscall_Sendfile(t *vm.Thread, a, r []rt.Value) {
	cell, ok := intCell(t, a[2], "syscall.Sendfile's offset")
	if !ok {
		return
	}
	var off *int64
	if cell != nil {
		o := int64(cell.N)
		off = &o
	}
	outfd, infd := sint(a[0]), sint(a[1])
	var n int
	var err error
	twoFdCall(t, outfd, infd, "a sendfile", func() { n, err = syscall.Sendfile(outfd, infd, off, sint(a[3])) })
	if cell != nil {
		cell.N = uint64(*off)
	}
	intErr(t, r, n, err)
}

// syscall.Splice: func Splice(rfd int, roff *int64, wfd int, woff *int64, len int, flags int) (n int64, err error)
func syscall_Splice(t *vm.Thread, a, r []rt.Value) {
	rcell, ok := intCell(t, a[1], "syscall.Splice's roff")
	if !ok {
		return
	}
	wcell, ok := intCell(t, a[3], "syscall.Splice's woff")
	if !ok {
		return
	}
	var roff, woff *int64
	if rcell != nil {
		o := int64(rcell.N)
		roff = &o
	}
	if wcell != nil {
		o := int64(wcell.N)
		woff = &o
	}
	rfd, wfd := sint(a[0]), sint(a[2])
	var n int64
	var err error
	twoFdCall(t, rfd, wfd, "a splice", func() { n, err = syscall.Splice(rfd, roff, wfd, woff, sint(a[4]), sint(a[5])) })
	if rcell != nil {
		rcell.N = uint64(*roff)
	}
	if wcell != nil {
		wcell.N = uint64(*woff)
	}
	int64Err(t, r, n, err)
}

// syscall.Tee: func Tee(rfd int, wfd int, len int, flags int) (n int64, err error)
func syscall_Tee(t *vm.Thread, a, r []rt.Value) {
	rfd, wfd := sint(a[0]), sint(a[1])
	var n int64
	var err error
	twoFdCall(t, rfd, wfd, "a tee", func() { n, err = syscall.Tee(rfd, wfd, sint(a[2]), sint(a[3])) })
	int64Err(t, r, n, err)
}

// Paths, relative to a directory descriptor or not.

// syscall.Access: func Access(path string, mode uint32) (err error)
func syscall_Access(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Access(vm.Str(a[0]), uint32(a[1].N)))
}

// syscall.Faccessat: func Faccessat(dirfd int, path string, mode uint32, flags int) (err error)
func syscall_Faccessat(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Faccessat(sint(a[0]), vm.Str(a[1]), uint32(a[2].N), sint(a[3])))
}

// syscall.Fchmodat: func Fchmodat(dirfd int, path string, mode uint32, flags int) error
func syscall_Fchmodat(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Fchmodat(sint(a[0]), vm.Str(a[1]), uint32(a[2].N), sint(a[3])))
}

// syscall.Fchownat: func Fchownat(dirfd int, path string, uid int, gid int, flags int) (err error)
func syscall_Fchownat(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Fchownat(sint(a[0]), vm.Str(a[1]), sint(a[2]), sint(a[3]), sint(a[4])))
}

// syscall.Unlinkat: func Unlinkat(dirfd int, path string) error
func syscall_Unlinkat(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Unlinkat(sint(a[0]), vm.Str(a[1])))
}

// syscall.Mkdirat: func Mkdirat(dirfd int, path string, mode uint32) (err error)
func syscall_Mkdirat(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Mkdirat(sint(a[0]), vm.Str(a[1]), uint32(a[2].N)))
}

// syscall.Mknod: func Mknod(path string, mode uint32, dev int) (err error)
func syscall_Mknod(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Mknod(vm.Str(a[0]), uint32(a[1].N), sint(a[2])))
}

// syscall.Mknodat: func Mknodat(dirfd int, path string, mode uint32, dev int) (err error)
func syscall_Mknodat(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Mknodat(sint(a[0]), vm.Str(a[1]), uint32(a[2].N), sint(a[3])))
}

// syscall.Renameat: func Renameat(olddirfd int, oldpath string, newdirfd int, newpath string) (err error)
func syscall_Renameat(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Renameat(sint(a[0]), vm.Str(a[1]), sint(a[2]), vm.Str(a[3])))
}

// syscall.Creat: func Creat(path string, mode uint32) (fd int, err error)
func syscall_Creat(t *vm.Thread, a, r []rt.Value) {
	var fd int
	var err error
	blocking(t, rt.SyscallWait, "an open", func() { fd, err = syscall.Creat(vm.Str(a[0]), uint32(a[1].N)) }) // a FIFO's open waits for its other end
	intErr(t, r, fd, err)
}

// syscall.Openat: func Openat(dirfd int, path string, flags int, mode uint32) (fd int, err error)
func syscall_Openat(t *vm.Thread, a, r []rt.Value) {
	var fd int
	var err error
	blocking(t, rt.SyscallWait, "an open", func() {
		fd, err = syscall.Openat(sint(a[0]), vm.Str(a[1]), sint(a[2]), uint32(a[3].N))
	})
	intErr(t, r, fd, err)
}

// syscall.Chroot: func Chroot(path string) (err error) — the host
// process's root, as Chdir's directory is its.
func syscall_Chroot(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.Chroot(vm.Str(a[0]))) }

// syscall.Acct: func Acct(path string) (err error)
func syscall_Acct(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.Acct(vm.Str(a[0]))) }

// syscall.PivotRoot: func PivotRoot(newroot string, putold string) (err error)
func syscall_PivotRoot(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.PivotRoot(vm.Str(a[0]), vm.Str(a[1])))
}

// syscall.Mount: func Mount(source string, target string, fstype string, flags uintptr, data string) (err error)
func syscall_Mount(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Mount(vm.Str(a[0]), vm.Str(a[1]), vm.Str(a[2]), uintptr(a[3].N), vm.Str(a[4])))
}

// syscall.Unmount: func Unmount(target string, flags int) (err error)
func syscall_Unmount(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Unmount(vm.Str(a[0]), sint(a[1])))
}

// syscall.Getcwd: func Getcwd(buf []byte) (n int, err error)
func syscall_Getcwd(t *vm.Thread, a, r []rt.Value) {
	buf := hostBuf(a[0])
	n, err := syscall.Getcwd(buf)
	fillBuf(a[0], buf, n)
	intErr(t, r, n, err)
}

// syscall.Getxattr: func Getxattr(path string, attr string, dest []byte) (sz int, err error)
func syscall_Getxattr(t *vm.Thread, a, r []rt.Value) {
	buf := hostBuf(a[2])
	n, err := syscall.Getxattr(vm.Str(a[0]), vm.Str(a[1]), buf)
	if buf != nil {
		fillBuf(a[2], buf, n)
	}
	intErr(t, r, n, err)
}

// syscall.Listxattr: func Listxattr(path string, dest []byte) (sz int, err error)
func syscall_Listxattr(t *vm.Thread, a, r []rt.Value) {
	buf := hostBuf(a[1])
	n, err := syscall.Listxattr(vm.Str(a[0]), buf)
	if buf != nil {
		fillBuf(a[1], buf, n)
	}
	intErr(t, r, n, err)
}

// syscall.Setxattr: func Setxattr(path string, attr string, data []byte, flags int) (err error)
func syscall_Setxattr(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Setxattr(vm.Str(a[0]), vm.Str(a[1]), vm.ValuesToBytes(a[2]), sint(a[3])))
}

// syscall.Removexattr: func Removexattr(path string, attr string) (err error)
func syscall_Removexattr(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Removexattr(vm.Str(a[0]), vm.Str(a[1])))
}

// timevalsIn returns the host copies of the program's []Timeval v.
func timevalsIn(t *vm.Thread, v rt.Value) []syscall.Timeval {
	return structsIn[syscall.Timeval](t, v, "Timeval")
}

// syscall.Utimes: func Utimes(path string, tv []Timeval) (err error)
func syscall_Utimes(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Utimes(vm.Str(a[0]), timevalsIn(t, a[1])))
}

// syscall.Futimes: func Futimes(fd int, tv []Timeval) (err error)
func syscall_Futimes(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Futimes(sint(a[0]), timevalsIn(t, a[1])))
}

// syscall.Futimesat: func Futimesat(dirfd int, path string, tv []Timeval) (err error)
func syscall_Futimesat(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Futimesat(sint(a[0]), vm.Str(a[1]), timevalsIn(t, a[2])))
}

// syscall.Utime: func Utime(path string, buf *Utimbuf) (err error)
func syscall_Utime(t *vm.Thread, a, r []rt.Value) {
	buf, _, ok := structIn[syscall.Utimbuf](t, a[1], "Utimbuf")
	if ok {
		errResult(t, r, syscall.Utime(vm.Str(a[0]), buf))
	}
}

// syscall.Statfs: func Statfs(path string, buf *Statfs_t) (err error)
func syscall_Statfs(t *vm.Thread, a, r []rt.Value) {
	buf, cell, ok := structIn[syscall.Statfs_t](t, a[1], "Statfs_t")
	if !ok {
		return
	}
	err := syscall.Statfs(vm.Str(a[0]), buf)
	if err == nil {
		structOut(t, cell, "Statfs_t", buf)
	}
	errResult(t, r, err)
}

// syscall.Fstatfs: func Fstatfs(fd int, buf *Statfs_t) (err error)
func syscall_Fstatfs(t *vm.Thread, a, r []rt.Value) {
	buf, cell, ok := structIn[syscall.Statfs_t](t, a[1], "Statfs_t")
	if !ok {
		return
	}
	err := syscall.Fstatfs(sint(a[0]), buf)
	if err == nil {
		structOut(t, cell, "Statfs_t", buf)
	}
	errResult(t, r, err)
}

// syscall.Ustat: func Ustat(dev int, ubuf *Ustat_t) (err error)
func syscall_Ustat(t *vm.Thread, a, r []rt.Value) {
	buf, cell, ok := structIn[syscall.Ustat_t](t, a[1], "Ustat_t")
	if !ok {
		return
	}
	err := syscall.Ustat(sint(a[0]), buf)
	if err == nil {
		structOut(t, cell, "Ustat_t", buf)
	}
	errResult(t, r, err)
}

// Inotify.

// syscall.InotifyInit: func InotifyInit() (fd int, err error)
func syscall_InotifyInit(t *vm.Thread, a, r []rt.Value) {
	fd, err := syscall.InotifyInit()
	intErr(t, r, fd, err)
}

// syscall.InotifyInit1: func InotifyInit1(flags int) (fd int, err error)
func syscall_InotifyInit1(t *vm.Thread, a, r []rt.Value) {
	fd, err := syscall.InotifyInit1(sint(a[0]))
	intErr(t, r, fd, err)
}

// syscall.InotifyAddWatch: func InotifyAddWatch(fd int, pathname string, mask uint32) (watchdesc int, err error)
func syscall_InotifyAddWatch(t *vm.Thread, a, r []rt.Value) {
	wd, err := syscall.InotifyAddWatch(sint(a[0]), vm.Str(a[1]), uint32(a[2].N))
	intErr(t, r, wd, err)
}

// syscall.InotifyRmWatch: func InotifyRmWatch(fd int, watchdesc uint32) (success int, err error)
func syscall_InotifyRmWatch(t *vm.Thread, a, r []rt.Value) {
	n, err := syscall.InotifyRmWatch(sint(a[0]), uint32(a[1].N))
	intErr(t, r, n, err)
}

// Epoll and select: the program's own descriptors, waited on in the host.

// syscall.EpollCreate: func EpollCreate(size int) (fd int, err error)
func syscall_EpollCreate(t *vm.Thread, a, r []rt.Value) {
	fd, err := syscall.EpollCreate(sint(a[0]))
	intErr(t, r, fd, err)
}

// syscall.EpollCreate1: func EpollCreate1(flag int) (fd int, err error)
func syscall_EpollCreate1(t *vm.Thread, a, r []rt.Value) {
	fd, err := syscall.EpollCreate1(sint(a[0]))
	intErr(t, r, fd, err)
}

// syscall.EpollCtl: func EpollCtl(epfd int, op int, fd int, event *EpollEvent) (err error)
func syscall_EpollCtl(t *vm.Thread, a, r []rt.Value) {
	ev, _, ok := structIn[syscall.EpollEvent](t, a[3], "EpollEvent")
	if ok {
		errResult(t, r, syscall.EpollCtl(sint(a[0]), sint(a[1]), sint(a[2]), ev))
	}
}

// syscall.EpollWait: func EpollWait(epfd int, events []EpollEvent, msec int) (n int, err error)
func syscall_EpollWait(t *vm.Thread, a, r []rt.Value) {
	vs := sliceOf(a[1])
	evs := make([]syscall.EpollEvent, len(vs))
	epfd, msec := sint(a[0]), sint(a[2])
	var n int
	var err error
	if msec == 0 {
		n, err = syscall.EpollWait(epfd, evs, 0)
	} else {
		blocking(t, rt.SyscallWait, "an epoll wait", func() { n, err = syscall.EpollWait(epfd, evs, msec) })
	}
	st := syscallType(t, "EpollEvent")
	for i := 0; i < n && i < len(vs); i++ {
		hostStruct(st, vs[i], reflect.ValueOf(&evs[i]).Elem())
	}
	intErr(t, r, n, err)
}

// syscall.Select: func Select(nfd int, r *FdSet, w *FdSet, e *FdSet, timeout *Timeval) (n int, err error)
func syscall_Select(t *vm.Thread, a, r []rt.Value) {
	var sets [3]*syscall.FdSet
	var cells [3]*rt.Value
	for i := range sets {
		var ok bool
		if sets[i], cells[i], ok = structIn[syscall.FdSet](t, a[1+i], "FdSet"); !ok {
			return
		}
	}
	tv, tcell, ok := structIn[syscall.Timeval](t, a[4], "Timeval")
	if !ok {
		return
	}
	var n int
	var err error
	if tv != nil && tv.Sec == 0 && tv.Usec == 0 {
		n, err = syscall.Select(sint(a[0]), sets[0], sets[1], sets[2], tv)
	} else {
		blocking(t, rt.SyscallWait, "a select", func() { n, err = syscall.Select(sint(a[0]), sets[0], sets[1], sets[2], tv) })
	}
	for i := range sets {
		structOut(t, cells[i], "FdSet", sets[i])
	}
	structOut(t, tcell, "Timeval", tv)
	intErr(t, r, n, err)
}

// Processes, sessions and credentials: the host process's, which is the
// program's.

// syscall.Getpgid: func Getpgid(pid int) (pgid int, err error)
func syscall_Getpgid(t *vm.Thread, a, r []rt.Value) {
	pgid, err := syscall.Getpgid(sint(a[0]))
	intErr(t, r, pgid, err)
}

// syscall.Getpgrp: func Getpgrp() (pid int)
func syscall_Getpgrp(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(syscall.Getpgrp())} }

// syscall.Setpgid: func Setpgid(pid int, pgid int) (err error)
func syscall_Setpgid(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Setpgid(sint(a[0]), sint(a[1])))
}

// syscall.Setsid: func Setsid() (pid int, err error)
func syscall_Setsid(t *vm.Thread, a, r []rt.Value) {
	pid, err := syscall.Setsid()
	intErr(t, r, pid, err)
}

// syscall.Getpriority: func Getpriority(which int, who int) (prio int, err error)
func syscall_Getpriority(t *vm.Thread, a, r []rt.Value) {
	prio, err := syscall.Getpriority(sint(a[0]), sint(a[1]))
	intErr(t, r, prio, err)
}

// syscall.Setpriority: func Setpriority(which int, who int, prio int) (err error)
func syscall_Setpriority(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Setpriority(sint(a[0]), sint(a[1]), sint(a[2])))
}

// syscall.Gettid: func Gettid() (tid int) — the host thread of the M
// running the goroutine.
func syscall_Gettid(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(syscall.Gettid())} }

// syscall.Tgkill: func Tgkill(tgid int, tid int, sig Signal) (err error)
func syscall_Tgkill(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Tgkill(sint(a[0]), sint(a[1]), syscall.Signal(sint(a[2]))))
}

// syscall.Unshare: func Unshare(flags int) (err error) — on the calling
// goroutine's host thread, as gc's (a program locks it first).
func syscall_Unshare(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.Unshare(sint(a[0]))) }

// syscall.Setuid: func Setuid(uid int) (err error) — on all the host's
// threads, as gc's.
func syscall_Setuid(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.Setuid(sint(a[0]))) }

// syscall.Setgid: func Setgid(gid int) (err error)
func syscall_Setgid(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.Setgid(sint(a[0]))) }

// syscall.Seteuid: func Seteuid(euid int) (err error)
func syscall_Seteuid(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.Seteuid(sint(a[0]))) }

// syscall.Setegid: func Setegid(egid int) (err error)
func syscall_Setegid(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.Setegid(sint(a[0]))) }

// syscall.Setreuid: func Setreuid(ruid, euid int) (err error)
func syscall_Setreuid(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Setreuid(sint(a[0]), sint(a[1])))
}

// syscall.Setregid: func Setregid(rgid, egid int) (err error)
func syscall_Setregid(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Setregid(sint(a[0]), sint(a[1])))
}

// syscall.Setresuid: func Setresuid(ruid, euid, suid int) (err error)
func syscall_Setresuid(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Setresuid(sint(a[0]), sint(a[1]), sint(a[2])))
}

// syscall.Setresgid: func Setresgid(rgid, egid, sgid int) (err error)
func syscall_Setresgid(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Setresgid(sint(a[0]), sint(a[1]), sint(a[2])))
}

// syscall.Setfsuid: func Setfsuid(uid int) (err error)
func syscall_Setfsuid(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.Setfsuid(sint(a[0]))) }

// syscall.Setfsgid: func Setfsgid(gid int) (err error)
func syscall_Setfsgid(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.Setfsgid(sint(a[0]))) }

// syscall.Setgroups: func Setgroups(gids []int) (err error)
func syscall_Setgroups(t *vm.Thread, a, r []rt.Value) {
	vs := sliceOf(a[0])
	gids := make([]int, len(vs))
	for i, v := range vs {
		gids[i] = sint(v)
	}
	errResult(t, r, syscall.Setgroups(gids))
}

// syscall.Sethostname: func Sethostname(p []byte) (err error)
func syscall_Sethostname(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Sethostname(vm.ValuesToBytes(a[0])))
}

// syscall.Setdomainname: func Setdomainname(p []byte) (err error)
func syscall_Setdomainname(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Setdomainname(vm.ValuesToBytes(a[0])))
}

// syscall.Getrlimit: func Getrlimit(resource int, rlim *Rlimit) (err error)
func syscall_Getrlimit(t *vm.Thread, a, r []rt.Value) {
	rl, cell, ok := structIn[syscall.Rlimit](t, a[1], "Rlimit")
	if !ok {
		return
	}
	err := syscall.Getrlimit(sint(a[0]), rl)
	if err == nil {
		structOut(t, cell, "Rlimit", rl)
	}
	errResult(t, r, err)
}

// syscall.Setrlimit: func Setrlimit(resource int, rlim *Rlimit) error
func syscall_Setrlimit(t *vm.Thread, a, r []rt.Value) {
	rl, _, ok := structIn[syscall.Rlimit](t, a[1], "Rlimit")
	if !ok {
		return
	}
	errResult(t, r, syscall.Setrlimit(sint(a[0]), rl))
}

// syscall.Getrusage: func Getrusage(who int, rusage *Rusage) (err error)
func syscall_Getrusage(t *vm.Thread, a, r []rt.Value) {
	ru, cell, ok := structIn[syscall.Rusage](t, a[1], "Rusage")
	if !ok {
		return
	}
	err := syscall.Getrusage(sint(a[0]), ru)
	if err == nil {
		structOut(t, cell, "Rusage", ru)
	}
	errResult(t, r, err)
}

// syscall.Sysinfo: func Sysinfo(info *Sysinfo_t) (err error)
func syscall_Sysinfo(t *vm.Thread, a, r []rt.Value) {
	si, cell, ok := structIn[syscall.Sysinfo_t](t, a[0], "Sysinfo_t")
	if !ok {
		return
	}
	err := syscall.Sysinfo(si)
	if err == nil {
		structOut(t, cell, "Sysinfo_t", si)
	}
	errResult(t, r, err)
}

// syscall.Times: func Times(tms *Tms) (ticks uintptr, err error)
func syscall_Times(t *vm.Thread, a, r []rt.Value) {
	tms, cell, ok := structIn[syscall.Tms](t, a[0], "Tms")
	if !ok {
		return
	}
	ticks, err := syscall.Times(tms)
	if err == nil {
		structOut(t, cell, "Tms", tms)
	}
	r[0], r[1] = rt.Value{N: uint64(ticks)}, errnoResult(t, err)
}

// syscall.Time: func Time(t *Time_t) (tt Time_t, err error)
func syscall_Time(t *vm.Thread, a, r []rt.Value) {
	cell, ok := intCell(t, a[0], "syscall.Time's argument")
	if !ok {
		return
	}
	tt, err := syscall.Time(nil)
	if err == nil && cell != nil {
		cell.N = uint64(tt)
	}
	int64Err(t, r, int64(tt), err)
}

// syscall.Gettimeofday: func Gettimeofday(tv *Timeval) (err error)
func syscall_Gettimeofday(t *vm.Thread, a, r []rt.Value) {
	tv, cell, ok := structIn[syscall.Timeval](t, a[0], "Timeval")
	if !ok {
		return
	}
	err := syscall.Gettimeofday(tv) // nil: the vDSO's gettimeofday skips it, as gc's
	if err == nil {
		structOut(t, cell, "Timeval", tv)
	}
	errResult(t, r, err)
}

// syscall.Settimeofday: func Settimeofday(tv *Timeval) (err error)
func syscall_Settimeofday(t *vm.Thread, a, r []rt.Value) {
	tv, _, ok := structIn[syscall.Timeval](t, a[0], "Timeval")
	if ok {
		errResult(t, r, syscall.Settimeofday(tv))
	}
}

// syscall.Adjtimex: func Adjtimex(buf *Timex) (state int, err error)
func syscall_Adjtimex(t *vm.Thread, a, r []rt.Value) {
	tx, cell, ok := structIn[syscall.Timex](t, a[0], "Timex")
	if !ok {
		return
	}
	state, err := syscall.Adjtimex(tx)
	if err == nil {
		structOut(t, cell, "Timex", tx)
	}
	intErr(t, r, state, err)
}

// syscall.Nanosleep: func Nanosleep(time *Timespec, leftover *Timespec) (err error)
func syscall_Nanosleep(t *vm.Thread, a, r []rt.Value) {
	ts, _, ok := structIn[syscall.Timespec](t, a[0], "Timespec")
	if !ok {
		return
	}
	left, lcell, ok := structIn[syscall.Timespec](t, a[1], "Timespec")
	if !ok {
		return
	}
	var err error
	blocking(t, rt.SyscallWait, "a nanosleep", func() { err = syscall.Nanosleep(ts, left) })
	structOut(t, lcell, "Timespec", left)
	errResult(t, r, err)
}

// syscall.Pause: func Pause() (err error) — until a signal reaches the
// host thread, as gc's.
func syscall_Pause(t *vm.Thread, a, r []rt.Value) {
	var err error
	blocking(t, rt.SyscallWait, "a pause", func() { err = syscall.Pause() })
	errResult(t, r, err)
}

// syscall.Wait4: func Wait4(pid int, wstatus *WaitStatus, options int, rusage *Rusage) (wpid int, err error)
func syscall_Wait4(t *vm.Thread, a, r []rt.Value) {
	wcell, ok := intCell(t, a[1], "syscall.Wait4's wstatus")
	if !ok {
		return
	}
	ru, rcell, ok := structIn[syscall.Rusage](t, a[3], "Rusage")
	if !ok {
		return
	}
	var ws syscall.WaitStatus
	pid, options := sint(a[0]), sint(a[2])
	var wpid int
	var err error
	if options&syscall.WNOHANG != 0 {
		wpid, err = syscall.Wait4(pid, &ws, options, ru)
	} else {
		blocking(t, rt.SyscallWait, "a wait for a child process", func() { wpid, err = syscall.Wait4(pid, &ws, options, ru) })
	}
	if wcell != nil {
		wcell.N = uint64(ws)
	}
	if err == nil {
		structOut(t, rcell, "Rusage", ru)
	}
	intErr(t, r, wpid, err)
}

// syscall.Reboot: func Reboot(cmd int) (err error)
func syscall_Reboot(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.Reboot(sint(a[0]))) }

// syscall.Ioperm: func Ioperm(from int, num int, on int) (err error)
func syscall_Ioperm(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.Ioperm(sint(a[0]), sint(a[1]), sint(a[2])))
}

// syscall.Iopl: func Iopl(level int) (err error)
func syscall_Iopl(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.Iopl(sint(a[0]))) }

// syscall.Klogctl: func Klogctl(typ int, buf []byte) (n int, err error)
func syscall_Klogctl(t *vm.Thread, a, r []rt.Value) {
	buf := hostBuf(a[1])
	n, err := syscall.Klogctl(sint(a[0]), buf)
	if buf != nil {
		fillBuf(a[1], buf, n)
	}
	intErr(t, r, n, err)
}

// syscall.Mlockall: func Mlockall(flags int) (err error) — the whole host
// process, the program's values with it.
func syscall_Mlockall(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.Mlockall(sint(a[0]))) }

// syscall.Munlockall: func Munlockall() (err error)
func syscall_Munlockall(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.Munlockall()) }

// syscall.Mlock: func Mlock(b []byte) (err error)
//
// goro's bytes are cells, not pages it can lock: mlock fails as on a
// kernel without it, with ENOSYS, as Mmap does (runtime.go), and so does
// Munlock.
func syscall_Mlock(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.ENOSYS) }

// syscall.Munlock: func Munlock(b []byte) (err error)
func syscall_Munlock(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.ENOSYS) }

// Ptrace: requests on another process, made from the goroutine's host
// thread (the tracer is a thread: a program locks its goroutine to it
// with runtime.LockOSThread, as under gc). Registers and words are
// copied through host values.

// syscall.PtraceAttach: func PtraceAttach(pid int) (err error)
func syscall_PtraceAttach(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.PtraceAttach(sint(a[0])))
}

// syscall.PtraceDetach: func PtraceDetach(pid int) (err error)
func syscall_PtraceDetach(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.PtraceDetach(sint(a[0])))
}

// syscall.PtraceCont: func PtraceCont(pid int, signal int) (err error)
func syscall_PtraceCont(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.PtraceCont(sint(a[0]), sint(a[1])))
}

// syscall.PtraceSyscall: func PtraceSyscall(pid int, signal int) (err error)
func syscall_PtraceSyscall(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.PtraceSyscall(sint(a[0]), sint(a[1])))
}

// syscall.PtraceSingleStep: func PtraceSingleStep(pid int) (err error)
func syscall_PtraceSingleStep(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.PtraceSingleStep(sint(a[0])))
}

// syscall.PtraceSetOptions: func PtraceSetOptions(pid int, options int) (err error)
func syscall_PtraceSetOptions(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.PtraceSetOptions(sint(a[0]), sint(a[1])))
}

// syscall.PtraceGetEventMsg: func PtraceGetEventMsg(pid int) (msg uint, err error)
func syscall_PtraceGetEventMsg(t *vm.Thread, a, r []rt.Value) {
	msg, err := syscall.PtraceGetEventMsg(sint(a[0]))
	r[0], r[1] = rt.Value{N: uint64(msg)}, errnoResult(t, err)
}

// syscall.PtraceGetRegs: func PtraceGetRegs(pid int, regsout *PtraceRegs) (err error)
func syscall_PtraceGetRegs(t *vm.Thread, a, r []rt.Value) {
	regs, cell, ok := structIn[syscall.PtraceRegs](t, a[1], "PtraceRegs")
	if !ok {
		return
	}
	err := syscall.PtraceGetRegs(sint(a[0]), regs)
	if err == nil {
		structOut(t, cell, "PtraceRegs", regs)
	}
	errResult(t, r, err)
}

// syscall.PtraceSetRegs: func PtraceSetRegs(pid int, regs *PtraceRegs) (err error)
func syscall_PtraceSetRegs(t *vm.Thread, a, r []rt.Value) {
	regs, _, ok := structIn[syscall.PtraceRegs](t, a[1], "PtraceRegs")
	if ok {
		errResult(t, r, syscall.PtraceSetRegs(sint(a[0]), regs))
	}
}

// ptracePeek reads the tracee's memory at a[1] into the program's a[2].
func ptracePeek(t *vm.Thread, a, r []rt.Value, f func(int, uintptr, []byte) (int, error)) {
	buf := hostBuf(a[2])
	n, err := f(sint(a[0]), uintptr(a[1].N), buf)
	fillBuf(a[2], buf, n)
	intErr(t, r, n, err)
}

// syscall.PtracePeekData: func PtracePeekData(pid int, addr uintptr, out []byte) (count int, err error)
func syscall_PtracePeekData(t *vm.Thread, a, r []rt.Value) {
	ptracePeek(t, a, r, syscall.PtracePeekData)
}

// syscall.PtracePeekText: func PtracePeekText(pid int, addr uintptr, out []byte) (count int, err error)
func syscall_PtracePeekText(t *vm.Thread, a, r []rt.Value) {
	ptracePeek(t, a, r, syscall.PtracePeekText)
}

// syscall.PtracePokeData: func PtracePokeData(pid int, addr uintptr, data []byte) (count int, err error)
func syscall_PtracePokeData(t *vm.Thread, a, r []rt.Value) {
	n, err := syscall.PtracePokeData(sint(a[0]), uintptr(a[1].N), vm.ValuesToBytes(a[2]))
	intErr(t, r, n, err)
}

// syscall.PtracePokeText: func PtracePokeText(pid int, addr uintptr, data []byte) (count int, err error)
func syscall_PtracePokeText(t *vm.Thread, a, r []rt.Value) {
	n, err := syscall.PtracePokeText(sint(a[0]), uintptr(a[1].N), vm.ValuesToBytes(a[2]))
	intErr(t, r, n, err)
}

// (*syscall.PtraceRegs).PC: func (r *PtraceRegs) PC() uint64
func syscall_PtraceRegs_PC(t *vm.Thread, a, r []rt.Value) {
	if fs := structArg(t, a[0]); fs != nil {
		r[0] = rt.Value{N: fs[vm.FieldIndex(syscallType(t, "PtraceRegs"), "Rip")].N}
	}
}

// (*syscall.PtraceRegs).SetPC: func (r *PtraceRegs) SetPC(pc uint64)
func syscall_PtraceRegs_SetPC(t *vm.Thread, a, r []rt.Value) {
	if fs := structArg(t, a[0]); fs != nil {
		fs[vm.FieldIndex(syscallType(t, "PtraceRegs"), "Rip")] = rt.Value{N: a[1].N}
	}
}

// Child processes.

// procAttrIn converts the program's *syscall.ProcAttr v to the host's (nil
// for nil); ok false after reporting what goro cannot convert.
func procAttrIn(t *vm.Thread, v rt.Value) (attr *syscall.ProcAttr, pidfd *rt.Value, ok bool) {
	cell, ok := t.PlainCell(v, "syscall.ProcAttr argument")
	if !ok || cell == nil {
		return nil, nil, ok
	}
	at := syscallType(t, "ProcAttr")
	fs := cell.R.([]rt.Value)
	attr = &syscall.ProcAttr{Dir: vm.Str(fs[vm.FieldIndex(at, "Dir")])}
	if env := fs[vm.FieldIndex(at, "Env")]; env.R != nil {
		attr.Env = stringSlice(env)
	}
	if files := sliceOf(fs[vm.FieldIndex(at, "Files")]); files != nil {
		attr.Files = make([]uintptr, len(files))
		for i, f := range files {
			attr.Files[i] = uintptr(f.N)
		}
	}
	sys := fs[vm.FieldIndex(at, "Sys")]
	if sys.R == nil {
		return attr, nil, true
	}
	scell, ok := t.PlainCell(sys, "syscall.SysProcAttr argument")
	if !ok {
		return nil, nil, false
	}
	attr.Sys = new(syscall.SysProcAttr)
	st := syscallType(t, "SysProcAttr")
	if !programValue(t, st, *scell, reflect.ValueOf(attr.Sys).Elem()) {
		return nil, nil, false
	}
	sfs := scell.R.([]rt.Value)
	if attr.Sys.PidFD != nil {
		pidfd, _ = sfs[vm.FieldIndex(st, "PidFD")].R.(*rt.Value)
	}
	return attr, pidfd, true
}

// programValue converts the program's value v of type ft into the
// settable host value h, deeply (booleans, integers, strings, slices,
// arrays, structs and pointers to them: a SysProcAttr); false after
// reporting a pointer goro has no cell for.
func programValue(t *vm.Thread, ft *vm.Type, v rt.Value, h reflect.Value) bool {
	switch h.Kind() {
	case reflect.Bool:
		h.SetBool(v.N != 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.SetInt(int64(v.N))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.SetUint(v.N)
	case reflect.String:
		h.SetString(vm.Str(v))
	case reflect.Slice:
		vs, ok := v.R.([]rt.Value)
		if !ok {
			return true // nil
		}
		s := reflect.MakeSlice(h.Type(), len(vs), len(vs))
		for i := range vs {
			if !programValue(t, ft.Elem, vs[i], s.Index(i)) {
				return false
			}
		}
		h.Set(s)
	case reflect.Array:
		vs, _ := v.R.([]rt.Value)
		for i := 0; i < h.Len() && i < len(vs); i++ {
			if !programValue(t, ft.Elem, vs[i], h.Index(i)) {
				return false
			}
		}
	case reflect.Pointer:
		cell, ok := t.PlainCell(v, "a "+ft.String()+" argument")
		if !ok {
			return false
		}
		if cell == nil {
			return true
		}
		p := reflect.New(h.Type().Elem())
		if !programValue(t, ft.Elem, *cell, p.Elem()) {
			return false
		}
		h.Set(p)
	case reflect.Struct:
		fs, _ := v.R.([]rt.Value)
		for i := 0; i < h.NumField(); i++ {
			k := vm.FieldIndex(ft, h.Type().Field(i).Name)
			if k < 0 || k >= len(fs) || !h.Field(i).CanSet() {
				continue
			}
			if !programValue(t, ft.Fields[k], fs[k], h.Field(i)) {
				return false
			}
		}
	}
	return true
}

// startProcess runs the host's syscall.StartProcess with the program's
// arguments (ForkExec's too): the child gets the host descriptors the
// program names.
func startProcess(t *vm.Thread, a []rt.Value) (pid int, handle uintptr, err error, ok bool) {
	attr, pidfd, ok := procAttrIn(t, a[2])
	if !ok {
		return 0, 0, nil, false
	}
	pid, handle, err = syscall.StartProcess(vm.Str(a[0]), stringSlice(a[1]), attr)
	if pidfd != nil {
		pidfd.N = uint64(int64(*attr.Sys.PidFD))
	}
	return pid, handle, err, true
}

// syscall.ForkExec: func ForkExec(argv0 string, argv []string, attr *ProcAttr) (pid int, err error)
func syscall_ForkExec(t *vm.Thread, a, r []rt.Value) {
	if pid, _, err, ok := startProcess(t, a); ok {
		intErr(t, r, pid, err)
	}
}

// syscall.StartProcess: func StartProcess(argv0 string, argv []string, attr *ProcAttr) (pid int, handle uintptr, err error)
func syscall_StartProcess(t *vm.Thread, a, r []rt.Value) {
	if pid, handle, err, ok := startProcess(t, a); ok {
		r[0], r[1], r[2] = rt.Value{N: uint64(pid)}, rt.Value{N: uint64(handle)}, errnoResult(t, err)
	}
}

// syscall.Exec: func Exec(argv0 string, argv []string, envv []string) (err error)
func syscall_Exec(t *vm.Thread, a, r []rt.Value) {
	t.Unsupported("syscall.Exec (it would replace goro's own process, and every program it runs, with " + fmt.Sprintf("%q", vm.Str(a[0])) + "; start a child with os/exec instead)")
}

// Raw system calls. Their arguments are uintptrs that may be addresses
// of the program's values, which goro's are not (a cell is no memory laid
// out as gc's): a trap is made only when the kernel reads every argument
// as an integer (intTrap); any other is unsupported, by trap number.

// intTrap reports whether the system call trap takes only integers (a1,
// a2: its first arguments, which fcntl's integer commands are told by).
func intTrap(trap, a2 uintptr) bool {
	switch trap {
	case syscall.SYS_GETPID, syscall.SYS_GETPPID, syscall.SYS_GETTID, syscall.SYS_GETUID,
		syscall.SYS_GETEUID, syscall.SYS_GETGID, syscall.SYS_GETEGID, syscall.SYS_GETPGRP,
		syscall.SYS_GETPGID, syscall.SYS_SETPGID, syscall.SYS_GETSID, syscall.SYS_SETSID,
		syscall.SYS_CLOSE, syscall.SYS_DUP, syscall.SYS_DUP2, syscall.SYS_DUP3,
		syscall.SYS_FSYNC, syscall.SYS_FDATASYNC, syscall.SYS_SYNC,
		syscall.SYS_FLOCK, syscall.SYS_FCHMOD, syscall.SYS_FCHOWN, syscall.SYS_FCHDIR,
		syscall.SYS_FTRUNCATE, syscall.SYS_FALLOCATE, syscall.SYS_FADVISE64,
		syscall.SYS_SYNC_FILE_RANGE, syscall.SYS_LSEEK, syscall.SYS_KILL, syscall.SYS_TKILL,
		syscall.SYS_TGKILL, syscall.SYS_SCHED_YIELD, syscall.SYS_UMASK,
		syscall.SYS_GETPRIORITY, syscall.SYS_SETPRIORITY, syscall.SYS_EPOLL_CREATE,
		syscall.SYS_EPOLL_CREATE1, syscall.SYS_EVENTFD, syscall.SYS_EVENTFD2,
		syscall.SYS_INOTIFY_INIT, syscall.SYS_INOTIFY_INIT1, syscall.SYS_INOTIFY_RM_WATCH,
		syscall.SYS_SOCKET, syscall.SYS_LISTEN, syscall.SYS_SHUTDOWN:
		return true
	case syscall.SYS_FCNTL:
		switch a2 {
		case syscall.F_DUPFD, syscall.F_DUPFD_CLOEXEC, syscall.F_GETFD, syscall.F_SETFD,
			syscall.F_GETFL, syscall.F_SETFL, syscall.F_GETOWN, syscall.F_SETOWN,
			syscall.F_GETSIG, syscall.F_SETSIG, syscall.F_GETLEASE, syscall.F_SETLEASE,
			syscall.F_NOTIFY, 1031, 1032, 1033, 1034: // F_SETPIPE_SZ, F_GETPIPE_SZ, F_ADD_SEALS, F_GET_SEALS
			return true
		}
	}
	return false
}

// setidTrap reports whether trap sets the process's credentials: what
// AllThreadsSyscall is for (on every thread, all integers).
func setidTrap(trap uintptr) bool {
	switch trap {
	case syscall.SYS_SETUID, syscall.SYS_SETGID, syscall.SYS_SETREUID, syscall.SYS_SETREGID,
		syscall.SYS_SETRESUID, syscall.SYS_SETRESGID, syscall.SYS_SETFSUID, syscall.SYS_SETFSGID:
		return true
	}
	return false
}

// blockingTrap reports whether an integer trap may wait for long.
func blockingTrap(trap, a2 uintptr) bool {
	switch trap {
	case syscall.SYS_FLOCK:
		return a2&syscall.LOCK_NB == 0
	case syscall.SYS_FSYNC, syscall.SYS_FDATASYNC, syscall.SYS_SYNC, syscall.SYS_SYNC_FILE_RANGE:
		return true
	}
	return false
}

// rawSyscall is the native of syscall.<name>: n arguments after the trap
// (3 or 6); raw: no entersyscall (RawSyscall's); all: AllThreadsSyscall's.
func rawSyscall(t *vm.Thread, a, r []rt.Value, name string, raw, all bool) {
	trap := uintptr(a[0].N)
	var args [6]uintptr
	for i := 1; i < len(a) && i <= 6; i++ {
		args[i-1] = uintptr(a[i].N)
	}
	if !intTrap(trap, args[1]) && !(all && setidTrap(trap)) {
		t.Unsupported(fmt.Sprintf("%s of trap %d (its arguments may be addresses of the program's values, which goro's are not laid out as gc's for the kernel to read or write; only traps taking integers are made — use syscall's function for the call instead)", name, trap))
		return
	}
	var r1, r2 uintptr
	var errno syscall.Errno
	call := func() {
		switch {
		case all:
			r1, r2, errno = syscall.AllThreadsSyscall6(trap, args[0], args[1], args[2], args[3], args[4], args[5])
		case raw:
			r1, r2, errno = syscall.RawSyscall6(trap, args[0], args[1], args[2], args[3], args[4], args[5])
		default:
			r1, r2, errno = syscall.Syscall6(trap, args[0], args[1], args[2], args[3], args[4], args[5])
		}
	}
	if !raw && !all && blockingTrap(trap, args[1]) {
		blocking(t, rt.SyscallWait, "a system call", call)
	} else {
		call()
	}
	r[0], r[1], r[2] = rt.Value{N: uint64(r1)}, rt.Value{N: uint64(r2)}, rt.Value{N: uint64(errno)}
}

// syscall.Syscall: func Syscall(trap, a1, a2, a3 uintptr) (r1, r2 uintptr, err Errno)
func syscall_Syscall(t *vm.Thread, a, r []rt.Value) {
	rawSyscall(t, a, r, "syscall.Syscall", false, false)
}

// syscall.Syscall6: func Syscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2 uintptr, err Errno)
func syscall_Syscall6(t *vm.Thread, a, r []rt.Value) {
	rawSyscall(t, a, r, "syscall.Syscall6", false, false)
}

// syscall.RawSyscall: func RawSyscall(trap, a1, a2, a3 uintptr) (r1, r2 uintptr, err Errno)
func syscall_RawSyscall(t *vm.Thread, a, r []rt.Value) {
	rawSyscall(t, a, r, "syscall.RawSyscall", true, false)
}

// syscall.RawSyscall6: func RawSyscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2 uintptr, err Errno)
func syscall_RawSyscall6(t *vm.Thread, a, r []rt.Value) {
	rawSyscall(t, a, r, "syscall.RawSyscall6", true, false)
}

// syscall.AllThreadsSyscall: func AllThreadsSyscall(trap, a1, a2, a3 uintptr) (r1, r2 uintptr, err Errno)
// — on every host thread (the host's: ENOTSUP where cgo is linked, as
// gc's).
func syscall_AllThreadsSyscall(t *vm.Thread, a, r []rt.Value) {
	rawSyscall(t, a, r, "syscall.AllThreadsSyscall", false, true)
}

// syscall.AllThreadsSyscall6: func AllThreadsSyscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2 uintptr, err Errno)
func syscall_AllThreadsSyscall6(t *vm.Thread, a, r []rt.Value) {
	rawSyscall(t, a, r, "syscall.AllThreadsSyscall6", false, true)
}

// Sockets (net.go has the calls net makes).

// syscall.Accept: func Accept(fd int) (nfd int, sa Sockaddr, err error)
func syscall_Accept(t *vm.Thread, a, r []rt.Value) {
	fd := sint(a[0])
	var nfd int
	var sa syscall.Sockaddr
	var err error
	readCall(t, fd, "an accept", func() { nfd, sa, err = syscall.Accept(fd) })
	if err == nil {
		t.Machine().RT.NoteAccepted(nfd)
	}
	r[0], r[1], r[2] = rt.Value{N: uint64(nfd)}, sockaddrValue(t, sa), errnoResult(t, err)
}

// syscall.Socketpair: func Socketpair(domain, typ, proto int) (fd [2]int, err error)
func syscall_Socketpair(t *vm.Thread, a, r []rt.Value) {
	fds, err := syscall.Socketpair(sint(a[0]), sint(a[1]), sint(a[2]))
	r[0] = rt.Value{R: []rt.Value{{N: uint64(fds[0])}, {N: uint64(fds[1])}}}
	r[1] = errnoResult(t, err)
}

// syscall.Sendmsg: func Sendmsg(fd int, p, oob []byte, to Sockaddr, flags int) (err error)
func syscall_Sendmsg(t *vm.Thread, a, r []rt.Value) {
	var to syscall.Sockaddr
	if a[3].R != nil {
		if to = sockaddrOf(t, a[3]); to == nil {
			errResult(t, r, syscall.EAFNOSUPPORT)
			return
		}
	}
	p, oob := vm.ValuesToBytes(a[1]), vm.ValuesToBytes(a[2])
	fd := sint(a[0])
	var err error
	hostCall(t, fd, "a send", func() { err = syscall.Sendmsg(fd, p, oob, to, sint(a[4])) })
	errResult(t, r, err)
}

// syscall.BindToDevice: func BindToDevice(fd int, device string) (err error)
func syscall_BindToDevice(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.BindToDevice(sint(a[0]), vm.Str(a[1])))
}

// syscall.SetsockoptString: func SetsockoptString(fd, level, opt int, s string) (err error)
func syscall_SetsockoptString(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.SetsockoptString(sint(a[0]), sint(a[1]), sint(a[2]), vm.Str(a[3])))
}

// syscall.SetsockoptTimeval: func SetsockoptTimeval(fd, level, opt int, tv *Timeval) (err error)
func syscall_SetsockoptTimeval(t *vm.Thread, a, r []rt.Value) {
	tv := structPtrArg[syscall.Timeval](t, a[3], "Timeval")
	if tv == nil {
		errResult(t, r, syscall.EFAULT)
		return
	}
	errResult(t, r, syscall.SetsockoptTimeval(sint(a[0]), sint(a[1]), sint(a[2]), tv))
}

// syscall.SetsockoptICMPv6Filter: func SetsockoptICMPv6Filter(fd, level, opt int, filter *ICMPv6Filter) error
func syscall_SetsockoptICMPv6Filter(t *vm.Thread, a, r []rt.Value) {
	f := structPtrArg[syscall.ICMPv6Filter](t, a[3], "ICMPv6Filter")
	if f == nil {
		errResult(t, r, syscall.EFAULT)
		return
	}
	errResult(t, r, syscall.SetsockoptICMPv6Filter(sint(a[0]), sint(a[1]), sint(a[2]), f))
}

// sockoptStruct sets the (*T, error) results of a Getsockopt of a
// struct: a new syscall.<typ>, as gc's (which returns it on error too).
func sockoptStruct[T any](t *vm.Thread, r []rt.Value, typ string, h *T, err error) {
	r[0], r[1] = newStruct(t, typ, h), errnoResult(t, err)
}

// syscall.GetsockoptICMPv6Filter: func GetsockoptICMPv6Filter(fd, level, opt int) (*ICMPv6Filter, error)
func syscall_GetsockoptICMPv6Filter(t *vm.Thread, a, r []rt.Value) {
	h, err := syscall.GetsockoptICMPv6Filter(sint(a[0]), sint(a[1]), sint(a[2]))
	sockoptStruct(t, r, "ICMPv6Filter", h, err)
}

// syscall.GetsockoptIPMreq: func GetsockoptIPMreq(fd, level, opt int) (*IPMreq, error)
func syscall_GetsockoptIPMreq(t *vm.Thread, a, r []rt.Value) {
	h, err := syscall.GetsockoptIPMreq(sint(a[0]), sint(a[1]), sint(a[2]))
	sockoptStruct(t, r, "IPMreq", h, err)
}

// syscall.GetsockoptIPMreqn: func GetsockoptIPMreqn(fd, level, opt int) (*IPMreqn, error)
func syscall_GetsockoptIPMreqn(t *vm.Thread, a, r []rt.Value) {
	h, err := syscall.GetsockoptIPMreqn(sint(a[0]), sint(a[1]), sint(a[2]))
	sockoptStruct(t, r, "IPMreqn", h, err)
}

// syscall.GetsockoptIPv6MTUInfo: func GetsockoptIPv6MTUInfo(fd, level, opt int) (*IPv6MTUInfo, error)
func syscall_GetsockoptIPv6MTUInfo(t *vm.Thread, a, r []rt.Value) {
	h, err := syscall.GetsockoptIPv6MTUInfo(sint(a[0]), sint(a[1]), sint(a[2]))
	sockoptStruct(t, r, "IPv6MTUInfo", h, err)
}

// syscall.GetsockoptIPv6Mreq: func GetsockoptIPv6Mreq(fd, level, opt int) (*IPv6Mreq, error)
func syscall_GetsockoptIPv6Mreq(t *vm.Thread, a, r []rt.Value) {
	h, err := syscall.GetsockoptIPv6Mreq(sint(a[0]), sint(a[1]), sint(a[2]))
	sockoptStruct(t, r, "IPv6Mreq", h, err)
}

// syscall.GetsockoptUcred: func GetsockoptUcred(fd, level, opt int) (*Ucred, error)
func syscall_GetsockoptUcred(t *vm.Thread, a, r []rt.Value) {
	h, err := syscall.GetsockoptUcred(sint(a[0]), sint(a[1]), sint(a[2]))
	sockoptStruct(t, r, "Ucred", h, err)
}

// syscall.GetsockoptInet4Addr: func GetsockoptInet4Addr(fd, level, opt int) (value [4]byte, err error)
func syscall_GetsockoptInet4Addr(t *vm.Thread, a, r []rt.Value) {
	v, err := syscall.GetsockoptInet4Addr(sint(a[0]), sint(a[1]), sint(a[2]))
	r[0] = rt.Value{R: []rt.Value{{N: uint64(v[0])}, {N: uint64(v[1])}, {N: uint64(v[2])}, {N: uint64(v[3])}}}
	r[1] = errnoResult(t, err)
}

// Linux socket filters (deprecated in syscall for golang.org/x/net/bpf).

// syscall.LsfSocket: func LsfSocket(ifindex, proto int) (int, error)
func syscall_LsfSocket(t *vm.Thread, a, r []rt.Value) {
	fd, err := syscall.LsfSocket(sint(a[0]), sint(a[1]))
	intErr(t, r, fd, err)
}

// syscall.SetLsfPromisc: func SetLsfPromisc(name string, m bool) error
func syscall_SetLsfPromisc(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.SetLsfPromisc(vm.Str(a[0]), a[1].N != 0))
}

// syscall.AttachLsf: func AttachLsf(fd int, i []SockFilter) error
func syscall_AttachLsf(t *vm.Thread, a, r []rt.Value) {
	errResult(t, r, syscall.AttachLsf(sint(a[0]), structsIn[syscall.SockFilter](t, a[1], "SockFilter")))
}

// syscall.DetachLsf: func DetachLsf(fd int) error
func syscall_DetachLsf(t *vm.Thread, a, r []rt.Value) { errResult(t, r, syscall.DetachLsf(sint(a[0]))) }

// syscall.LsfStmt: func LsfStmt(code, k int) *SockFilter
func syscall_LsfStmt(t *vm.Thread, a, r []rt.Value) {
	r[0] = newStruct(t, "SockFilter", syscall.LsfStmt(sint(a[0]), sint(a[1])))
}

// syscall.LsfJump: func LsfJump(code, k, jt, jf int) *SockFilter
func syscall_LsfJump(t *vm.Thread, a, r []rt.Value) {
	r[0] = newStruct(t, "SockFilter", syscall.LsfJump(sint(a[0]), sint(a[1]), sint(a[2]), sint(a[3])))
}

// Socket control messages and netlink: parsed by the host's code from a
// copy of the program's bytes; the Data of each message shares the
// program's bytes as gc's does (subslice).

// syscall.CmsgLen: func CmsgLen(datalen int) int
func syscall_CmsgLen(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(syscall.CmsgLen(sint(a[0])))}
}

// syscall.CmsgSpace: func CmsgSpace(datalen int) int
func syscall_CmsgSpace(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(syscall.CmsgSpace(sint(a[0])))}
}

// (*syscall.Cmsghdr).SetLen: func (cmsg *Cmsghdr) SetLen(length int)
func syscall_Cmsghdr_SetLen(t *vm.Thread, a, r []rt.Value) {
	if fs := structArg(t, a[0]); fs != nil {
		fs[vm.FieldIndex(syscallType(t, "Cmsghdr"), "Len")] = rt.Value{N: a[1].N}
	}
}

// (*syscall.Msghdr).SetControllen: func (msghdr *Msghdr) SetControllen(length int)
func syscall_Msghdr_SetControllen(t *vm.Thread, a, r []rt.Value) {
	if fs := structArg(t, a[0]); fs != nil {
		fs[vm.FieldIndex(syscallType(t, "Msghdr"), "Controllen")] = rt.Value{N: a[1].N}
	}
}

// syscall.UnixRights: func UnixRights(fds ...int) []byte
func syscall_UnixRights(t *vm.Thread, a, r []rt.Value) {
	vs := sliceOf(a[0])
	fds := make([]int, len(vs))
	for i, v := range vs {
		fds[i] = sint(v)
	}
	r[0] = byteValues(syscall.UnixRights(fds...))
}

// syscall.UnixCredentials: func UnixCredentials(ucred *Ucred) []byte
func syscall_UnixCredentials(t *vm.Thread, a, r []rt.Value) {
	cell := cellOf(t, a[0]) // nil: gc's nil dereference, panicking
	if cell == nil {
		return
	}
	var uc syscall.Ucred
	programStruct(syscallType(t, "Ucred"), *cell, reflect.ValueOf(&uc).Elem())
	r[0] = byteValues(syscall.UnixCredentials(&uc))
}

// socketControlMessageIn returns the host copy of the program's
// *SocketControlMessage v (nil after the nil dereference's panic).
func socketControlMessageIn(t *vm.Thread, v rt.Value) *syscall.SocketControlMessage {
	fs := structArg(t, v)
	if fs == nil {
		return nil
	}
	st := syscallType(t, "SocketControlMessage")
	m := new(syscall.SocketControlMessage)
	programStruct(st, *cellOf(t, v), reflect.ValueOf(m).Elem())
	m.Data = vm.ValuesToBytes(fs[vm.FieldIndex(st, "Data")])
	return m
}

// syscall.ParseUnixRights: func ParseUnixRights(m *SocketControlMessage) ([]int, error)
func syscall_ParseUnixRights(t *vm.Thread, a, r []rt.Value) {
	m := socketControlMessageIn(t, a[0])
	if m == nil {
		return
	}
	fds, err := syscall.ParseUnixRights(m)
	var out rt.Value
	if fds != nil {
		vs := make([]rt.Value, len(fds), cap(fds))
		for i, fd := range fds {
			vs[i] = rt.Value{N: uint64(fd)}
		}
		out = rt.Value{R: vs}
	}
	r[0], r[1] = out, errnoResult(t, err)
}

// syscall.ParseUnixCredentials: func ParseUnixCredentials(m *SocketControlMessage) (*Ucred, error)
func syscall_ParseUnixCredentials(t *vm.Thread, a, r []rt.Value) {
	m := socketControlMessageIn(t, a[0])
	if m == nil {
		return
	}
	uc, err := syscall.ParseUnixCredentials(m)
	r[0], r[1] = newStruct(t, "Ucred", uc), errnoResult(t, err)
}

// parsedMessages is the program's slice of syscall.<typ> for the host's
// msgs (a slice of structs of a header field and a []byte field named
// data): each header copied, each data the part of the program's bytes
// b (host: their copy) the host's is of host.
func parsedMessages(t *vm.Thread, typ, data string, msgs reflect.Value, b rt.Value, host []byte) rt.Value {
	if msgs.IsNil() {
		return rt.Value{}
	}
	st := syscallType(t, typ)
	di := vm.FieldIndex(st, data)
	vs := make([]rt.Value, msgs.Len(), msgs.Cap())
	for i := range vs {
		m := msgs.Index(i)
		vs[i] = st.Zero()
		hostStruct(st, vs[i], m)
		vs[i].R.([]rt.Value)[di] = subslice(b, host, m.FieldByName(data).Bytes())
	}
	for i := len(vs); i < cap(vs); i++ {
		vs[:cap(vs)][i] = st.Zero()
	}
	return rt.Value{R: vs}
}

// syscall.ParseSocketControlMessage: func ParseSocketControlMessage(b []byte) ([]SocketControlMessage, error)
func syscall_ParseSocketControlMessage(t *vm.Thread, a, r []rt.Value) {
	host := vm.ValuesToBytes(a[0])
	msgs, err := syscall.ParseSocketControlMessage(host)
	r[0], r[1] = parsedMessages(t, "SocketControlMessage", "Data", reflect.ValueOf(msgs), a[0], host), errnoResult(t, err)
}

// syscall.ParseNetlinkMessage: func ParseNetlinkMessage(b []byte) ([]NetlinkMessage, error)
func syscall_ParseNetlinkMessage(t *vm.Thread, a, r []rt.Value) {
	host := vm.ValuesToBytes(a[0])
	msgs, err := syscall.ParseNetlinkMessage(host)
	r[0], r[1] = parsedMessages(t, "NetlinkMessage", "Data", reflect.ValueOf(msgs), a[0], host), errnoResult(t, err)
}

// syscall.ParseNetlinkRouteAttr: func ParseNetlinkRouteAttr(m *NetlinkMessage) ([]NetlinkRouteAttr, error)
func syscall_ParseNetlinkRouteAttr(t *vm.Thread, a, r []rt.Value) {
	fs := structArg(t, a[0])
	if fs == nil {
		return
	}
	st := syscallType(t, "NetlinkMessage")
	var m syscall.NetlinkMessage
	programStruct(st, *cellOf(t, a[0]), reflect.ValueOf(&m).Elem())
	data := fs[vm.FieldIndex(st, "Data")]
	m.Data = vm.ValuesToBytes(data)
	attrs, err := syscall.ParseNetlinkRouteAttr(&m)
	r[0], r[1] = parsedMessages(t, "NetlinkRouteAttr", "Value", reflect.ValueOf(attrs), data, m.Data), errnoResult(t, err)
}

// syscall.NetlinkRIB: func NetlinkRIB(proto, family int) ([]byte, error)
func syscall_NetlinkRIB(t *vm.Thread, a, r []rt.Value) {
	var b []byte
	var err error
	blocking(t, rt.SyscallShort, "a netlink request", func() { b, err = syscall.NetlinkRIB(sint(a[0]), sint(a[1])) })
	r[0], r[1] = byteValues(b), errnoResult(t, err)
}

// NUL-terminated strings: the program's own []byte, and pointers to its
// elements (cells goro's unsafe.Slice reads back as the bytes).

// byteSliceType is the program's []byte.
func byteSliceType(t *vm.Thread) *vm.Type {
	return t.Machine().TypeOf(types.NewSlice(types.Typ[types.Byte]))
}

// cString is s NUL-terminated as the program's []byte, or false if s
// holds a NUL.
func cString(s string) (rt.Value, bool) {
	if strings.IndexByte(s, 0) >= 0 {
		return rt.Value{}, false
	}
	return byteValues(append([]byte(s), 0)[: len(s)+1 : len(s)+1]), true
}

// syscall.ByteSliceFromString: func ByteSliceFromString(s string) ([]byte, error)
func syscall_ByteSliceFromString(t *vm.Thread, a, r []rt.Value) {
	b, ok := cString(vm.Str(a[0]))
	if !ok {
		r[0], r[1] = rt.Value{}, errnoResult(t, syscall.EINVAL)
		return
	}
	r[0], r[1] = b, rt.Value{}
}

// syscall.StringByteSlice: func StringByteSlice(s string) []byte
func syscall_StringByteSlice(t *vm.Thread, a, r []rt.Value) {
	b, ok := cString(vm.Str(a[0]))
	if !ok {
		panicString(t, "syscall: string with NUL passed to StringByteSlice")
		return
	}
	r[0] = b
}

// syscall.BytePtrFromString: func BytePtrFromString(s string) (*byte, error)
func syscall_BytePtrFromString(t *vm.Thread, a, r []rt.Value) {
	b, ok := cString(vm.Str(a[0]))
	if !ok {
		r[0], r[1] = rt.Value{}, errnoResult(t, syscall.EINVAL)
		return
	}
	r[0], r[1] = vm.SliceData(byteSliceType(t), b), rt.Value{}
}

// syscall.StringBytePtr: func StringBytePtr(s string) *byte
func syscall_StringBytePtr(t *vm.Thread, a, r []rt.Value) {
	b, ok := cString(vm.Str(a[0]))
	if !ok {
		panicString(t, "syscall: string with NUL passed to StringByteSlice")
		return
	}
	r[0] = vm.SliceData(byteSliceType(t), b)
}

// syscall.StringSlicePtr: func StringSlicePtr(ss []string) []*byte
func syscall_StringSlicePtr(t *vm.Thread, a, r []rt.Value) {
	ss := stringSlice(a[0])
	bb := make([]rt.Value, len(ss)+1)
	for i, s := range ss {
		b, ok := cString(s)
		if !ok {
			panicString(t, "syscall: string with NUL passed to StringByteSlice")
			return
		}
		bb[i] = vm.SliceData(byteSliceType(t), b)
	}
	r[0] = rt.Value{R: bb}
}

// syscall.SlicePtrFromStrings: func SlicePtrFromStrings(ss []string) ([]*byte, error)
//
// As gc's: the strings NUL-terminated one after another in one []byte,
// and a pointer to each one's first byte (and a nil one after them).
func syscall_SlicePtrFromStrings(t *vm.Thread, a, r []rt.Value) {
	ss := stringSlice(a[0])
	n := 0
	for _, s := range ss {
		if strings.IndexByte(s, 0) >= 0 {
			r[0], r[1] = rt.Value{}, errnoResult(t, syscall.EINVAL)
			return
		}
		n += len(s) + 1
	}
	b := make([]rt.Value, n)
	bb := make([]rt.Value, len(ss)+1)
	bt := byteSliceType(t)
	n = 0
	for i, s := range ss {
		bb[i] = vm.SliceData(bt, rt.Value{R: b[n:]})
		for j := 0; j < len(s); j++ {
			b[n+j].N = uint64(s[j])
		}
		n += len(s) + 1
	}
	r[0], r[1] = rt.Value{R: bb}, rt.Value{}
}
