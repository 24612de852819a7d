package lib

// Sockets. net and internal/poll are interpreted from GOROOT source, as
// gc builds them: net's netFD over internal/poll's FD, whose reads and
// writes are non-blocking system calls and, on EAGAIN, a wait in the
// runtime's network poller (rt/netpoll.go) through the runtime_poll*
// hooks below. What is native is the system-call layer: syscall's socket
// calls (and internal/syscall/unix's), made on the host with the
// program's descriptors — a socket's descriptor is the host's own — and
// its Sockaddr values converted both ways. syscall.Read and Write on a
// descriptor the poller holds never block; on any other they may, and
// hand the P off while they do (lib's blocking).

import (
	"go/types"
	"net"
	"os"
	"syscall"
	"unsafe"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(netNatives)
}

// netNatives binds these functions by their ssa names (sorted).
var netNatives = map[string]vm.NativeFunc{
	"(*syscall.Iovec).SetLen":                      syscall_Iovec_SetLen,
	"internal/poll.runtimeNano":                    time_runtimeNano,
	"net.interfaceAddrTable":                       net_interfaceAddrTable,
	"net.interfaceTable":                           net_interfaceTable,
	"net.newUnixFile":                              net_newUnixFile,
	"internal/poll.writev":                         internal_poll_writev,
	"internal/poll.runtime_Semacquire":             internal_poll_runtime_Semacquire,
	"internal/poll.runtime_Semrelease":             internal_poll_runtime_Semrelease,
	"internal/poll.runtime_isPollServerDescriptor": internal_poll_runtime_isPollServerDescriptor,
	"internal/poll.runtime_pollClose":              internal_poll_runtime_pollClose,
	"internal/poll.runtime_pollOpen":               internal_poll_runtime_pollOpen,
	"internal/poll.runtime_pollReset":              internal_poll_runtime_pollReset,
	"internal/poll.runtime_pollServerInit":         internal_poll_runtime_pollServerInit,
	"internal/poll.runtime_pollSetDeadline":        internal_poll_runtime_pollSetDeadline,
	"internal/poll.runtime_pollUnblock":            internal_poll_runtime_pollUnblock,
	"internal/poll.runtime_pollWait":               internal_poll_runtime_pollWait,
	"internal/poll.runtime_pollWaitCanceled":       internal_poll_runtime_pollWaitCanceled,
	"internal/syscall/unix.Fcntl":                  internal_syscall_unix_Fcntl,
	"internal/syscall/unix.HasNonblockFlag":        internal_syscall_unix_HasNonblockFlag,
	"internal/syscall/unix.IsNonblock":             internal_syscall_unix_IsNonblock,
	"internal/syscall/unix.KernelVersion":          internal_syscall_unix_KernelVersion,
	"internal/syscall/unix.KernelVersionGE":        internal_syscall_unix_KernelVersionGE,
	"internal/syscall/unix.RecvfromInet4":          internal_syscall_unix_RecvfromInet4,
	"internal/syscall/unix.RecvfromInet6":          internal_syscall_unix_RecvfromInet6,
	"internal/syscall/unix.RecvmsgInet4":           internal_syscall_unix_RecvmsgInet4,
	"internal/syscall/unix.RecvmsgInet6":           internal_syscall_unix_RecvmsgInet6,
	"internal/syscall/unix.SendmsgNInet4":          internal_syscall_unix_SendmsgNInet4,
	"internal/syscall/unix.SendmsgNInet6":          internal_syscall_unix_SendmsgNInet6,
	"internal/syscall/unix.SendtoInet4":            internal_syscall_unix_SendtoInet4,
	"internal/syscall/unix.SendtoInet6":            internal_syscall_unix_SendtoInet6,
	"syscall.Accept4":                              syscall_Accept4,
	"syscall.Bind":                                 syscall_Bind,
	"syscall.Close":                                syscall_Close,
	"syscall.CloseOnExec":                          syscall_CloseOnExec,
	"syscall.Connect":                              syscall_Connect,
	"syscall.GetsockoptInt":                        syscall_GetsockoptInt,
	"syscall.Getpeername":                          syscall_Getpeername,
	"syscall.Getsockname":                          syscall_Getsockname,
	"syscall.Listen":                               syscall_Listen,
	"syscall.Read":                                 syscall_Read,
	"syscall.Recvfrom":                             syscall_Recvfrom,
	"syscall.Recvmsg":                              syscall_Recvmsg,
	"syscall.SendmsgN":                             syscall_SendmsgN,
	"syscall.Sendto":                               syscall_Sendto,
	"syscall.SetNonblock":                          syscall_SetNonblock,
	"syscall.SetsockoptByte":                       syscall_SetsockoptByte,
	"syscall.SetsockoptIPMreq":                     syscall_SetsockoptIPMreq,
	"syscall.SetsockoptIPMreqn":                    syscall_SetsockoptIPMreqn,
	"syscall.SetsockoptIPv6Mreq":                   syscall_SetsockoptIPv6Mreq,
	"syscall.SetsockoptInet4Addr":                  syscall_SetsockoptInet4Addr,
	"syscall.SetsockoptInt":                        syscall_SetsockoptInt,
	"syscall.SetsockoptLinger":                     syscall_SetsockoptLinger,
	"syscall.Shutdown":                             syscall_Shutdown,
	"syscall.Socket":                               syscall_Socket,
	"syscall.Unlink":                               syscall_Unlink,
	"syscall.Write":                                syscall_Write,
}

// The runtime's network poller (rt/netpoll.go), as internal/poll's
// fd_poll_runtime.go declares its hooks.

// internal/poll.runtime_pollServerInit: func runtime_pollServerInit()
func internal_poll_runtime_pollServerInit(t *vm.Thread, a, r []rt.Value) {
	t.Machine().RT.PollServerInit()
}

// internal/poll.runtime_pollOpen: func runtime_pollOpen(fd uintptr) (uintptr, int)
func internal_poll_runtime_pollOpen(t *vm.Thread, a, r []rt.Value) {
	id, errno := t.Machine().RT.PollOpen(int(a[0].N))
	r[0], r[1] = rt.Value{N: uint64(id)}, rt.Value{N: uint64(errno)}
}

// internal/poll.runtime_pollClose: func runtime_pollClose(ctx uintptr)
func internal_poll_runtime_pollClose(t *vm.Thread, a, r []rt.Value) {
	t.Machine().RT.PollClose(uintptr(a[0].N))
}

// internal/poll.runtime_pollWait: func runtime_pollWait(ctx uintptr, mode int) int
func internal_poll_runtime_pollWait(t *vm.Thread, a, r []rt.Value) {
	code, parked := t.Machine().RT.PollWait(t.G(), uintptr(a[0].N), int(a[1].N))
	if parked {
		t.Parked() // run again when the G is woken: ready, timed out or closed
		return
	}
	r[0] = rt.Value{N: uint64(code)}
}

// internal/poll.runtime_pollWaitCanceled: func runtime_pollWaitCanceled(ctx uintptr, mode int) — Windows' only.
func internal_poll_runtime_pollWaitCanceled(t *vm.Thread, a, r []rt.Value) {}

// internal/poll.runtime_pollReset: func runtime_pollReset(ctx uintptr, mode int) int
func internal_poll_runtime_pollReset(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(t.Machine().RT.PollReset(uintptr(a[0].N), int(a[1].N)))}
}

// internal/poll.runtime_pollSetDeadline: func runtime_pollSetDeadline(ctx uintptr, d int64, mode int)
func internal_poll_runtime_pollSetDeadline(t *vm.Thread, a, r []rt.Value) {
	t.Machine().RT.PollSetDeadline(uintptr(a[0].N), int64(a[1].N), int(a[2].N))
}

// internal/poll.runtime_pollUnblock: func runtime_pollUnblock(ctx uintptr)
func internal_poll_runtime_pollUnblock(t *vm.Thread, a, r []rt.Value) {
	t.Machine().RT.PollUnblock(uintptr(a[0].N))
}

// internal/poll.runtime_isPollServerDescriptor: func runtime_isPollServerDescriptor(fd uintptr) bool
func internal_poll_runtime_isPollServerDescriptor(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(t.Machine().RT.IsPollServerDescriptor(int(a[0].N)))
}

// internal/poll.runtime_Semacquire: func runtime_Semacquire(sema *uint32) — fdMutex's.
func internal_poll_runtime_Semacquire(t *vm.Thread, a, r []rt.Value) {
	semacquire(t, a, r, rt.WaitSemacquire, -1)
}

// internal/poll.runtime_Semrelease: func runtime_Semrelease(sema *uint32)
func internal_poll_runtime_Semrelease(t *vm.Thread, a, r []rt.Value) {
	if p := cellOf(t, a[0]); p != nil {
		t.Machine().RT.Semrelease(t.G(), semaddr(p), false)
	}
}

// Sockaddrs: the program's *syscall.SockaddrInet4, SockaddrInet6 and
// SockaddrUnix (as an interface syscall.Sockaddr, or a pointer), to and
// from the host's.

// sockaddrOf returns the host Sockaddr of the program's syscall.Sockaddr
// interface value v, or nil (an address family goro does not convert:
// EAFNOSUPPORT).
func sockaddrOf(t *vm.Thread, v rt.Value) syscall.Sockaddr {
	iv, ok := v.R.(vm.Iface)
	if !ok {
		return nil
	}
	return sockaddrPtr(t, iv.T.String(), iv.V)
}

// sockaddrPtr converts the *syscall.<typ> p to the host's.
func sockaddrPtr(t *vm.Thread, typ string, p rt.Value) syscall.Sockaddr {
	cell, _ := p.R.(*rt.Value)
	if cell == nil {
		return nil
	}
	fs, _ := cell.R.([]rt.Value)
	field := func(st, name string) rt.Value {
		return fs[vm.FieldIndex(t.Machine().LookupType("syscall", st), name)]
	}
	switch typ {
	case "*syscall.SockaddrInet4":
		sa := &syscall.SockaddrInet4{Port: int(field("SockaddrInet4", "Port").N)}
		bytesInto(sa.Addr[:], field("SockaddrInet4", "Addr"))
		return sa
	case "*syscall.SockaddrInet6":
		sa := &syscall.SockaddrInet6{Port: int(field("SockaddrInet6", "Port").N), ZoneId: uint32(field("SockaddrInet6", "ZoneId").N)}
		bytesInto(sa.Addr[:], field("SockaddrInet6", "Addr"))
		return sa
	case "*syscall.SockaddrUnix":
		return &syscall.SockaddrUnix{Name: vm.Str(field("SockaddrUnix", "Name"))}
	}
	return nil
}

// bytesInto copies the byte array or slice v into b.
func bytesInto(b []byte, v rt.Value) {
	vs, _ := v.R.([]rt.Value)
	for i := range b {
		if i < len(vs) {
			b[i] = byte(vs[i].N)
		}
	}
}

// bytesValues copies b into the byte array or slice v.
func bytesValues(v rt.Value, b []byte) {
	vs, _ := v.R.([]rt.Value)
	for i := range vs {
		if i < len(b) {
			vs[i] = rt.Value{N: uint64(b[i])}
		}
	}
}

// sockaddrValue returns the program's syscall.Sockaddr for the host's sa
// (nil for nil, or a family goro does not convert).
func sockaddrValue(t *vm.Thread, sa syscall.Sockaddr) rt.Value {
	m := t.Machine()
	var st *vm.Type
	switch sa.(type) {
	case *syscall.SockaddrInet4:
		st = m.LookupType("syscall", "SockaddrInet4")
	case *syscall.SockaddrInet6:
		st = m.LookupType("syscall", "SockaddrInet6")
	case *syscall.SockaddrUnix:
		st = m.LookupType("syscall", "SockaddrUnix")
	}
	if st == nil {
		return rt.Value{}
	}
	cell := st.Zero()
	fillSockaddr(st, cell, sa)
	return rt.Value{R: vm.Iface{T: m.TypeOf(types.NewPointer(st.T)), V: rt.Value{R: &cell}}}
}

// fillSockaddr sets the fields of the program's Sockaddr struct value
// cell (of type st) from the host's sa of the same family.
func fillSockaddr(st *vm.Type, cell rt.Value, sa syscall.Sockaddr) {
	fs := cell.R.([]rt.Value)
	set := func(name string, v rt.Value) { fs[vm.FieldIndex(st, name)] = v }
	switch sa := sa.(type) {
	case *syscall.SockaddrInet4:
		set("Port", rt.Value{N: uint64(sa.Port)})
		bytesValues(fs[vm.FieldIndex(st, "Addr")], sa.Addr[:])
	case *syscall.SockaddrInet6:
		set("Port", rt.Value{N: uint64(sa.Port)})
		set("ZoneId", rt.Value{N: uint64(sa.ZoneId)})
		bytesValues(fs[vm.FieldIndex(st, "Addr")], sa.Addr[:])
	case *syscall.SockaddrUnix:
		set("Name", rt.Value{R: sa.Name})
	}
}

// fillSockaddrPtr sets the program's *syscall.SockaddrInet4 (or 6) p from
// the host's sa (internal/syscall/unix's Recvfrom variants).
func fillSockaddrPtr(t *vm.Thread, p rt.Value, sa syscall.Sockaddr) {
	cell, _ := p.R.(*rt.Value)
	if cell == nil || sa == nil {
		return
	}
	name := "SockaddrInet4"
	if _, ok := sa.(*syscall.SockaddrInet6); ok {
		name = "SockaddrInet6"
	}
	fillSockaddr(t.Machine().LookupType("syscall", name), *cell, sa)
}

// errnoResult is a system call's error as the program's: nil, or its
// syscall.Errno.
func errnoResult(t *vm.Thread, err error) rt.Value {
	if err == nil {
		return rt.Value{}
	}
	return errnoValue(t, err)
}

// intErr sets a native's (int, error) results.
func intErr(t *vm.Thread, r []rt.Value, n int, err error) {
	r[0], r[1] = rt.Value{N: uint64(n)}, errnoResult(t, err)
}

// syscall.Socket: func Socket(domain, typ, proto int) (fd int, err error)
func syscall_Socket(t *vm.Thread, a, r []rt.Value) {
	fd, err := syscall.Socket(int(a[0].N), int(a[1].N), int(a[2].N))
	intErr(t, r, fd, err)
}

// saCall runs f with the host Sockaddr of argument i, or gives
// EAFNOSUPPORT for one goro does not convert.
func saCall(t *vm.Thread, v rt.Value, f func(sa syscall.Sockaddr) error) rt.Value {
	sa := sockaddrOf(t, v)
	if sa == nil {
		return errnoResult(t, syscall.EAFNOSUPPORT)
	}
	return errnoResult(t, f(sa))
}

// syscall.Bind: func Bind(fd int, sa Sockaddr) (err error)
func syscall_Bind(t *vm.Thread, a, r []rt.Value) {
	r[0] = saCall(t, a[1], func(sa syscall.Sockaddr) error { return syscall.Bind(int(a[0].N), sa) })
}

// syscall.Connect: func Connect(fd int, sa Sockaddr) (err error) — on a
// non-blocking socket, EINPROGRESS; the wait is internal/poll's.
func syscall_Connect(t *vm.Thread, a, r []rt.Value) {
	fd := int(a[0].N)
	r[0] = saCall(t, a[1], func(sa syscall.Sockaddr) (err error) {
		hostCall(t, fd, "a connect", func() { err = syscall.Connect(fd, sa) })
		return err
	})
}

// syscall.Listen: func Listen(s int, n int) (err error)
func syscall_Listen(t *vm.Thread, a, r []rt.Value) {
	r[0] = errnoResult(t, syscall.Listen(int(a[0].N), int(a[1].N)))
}

// syscall.Accept4: func Accept4(fd int, flags int) (nfd int, sa Sockaddr, err error)
func syscall_Accept4(t *vm.Thread, a, r []rt.Value) {
	fd := int(a[0].N)
	var nfd int
	var sa syscall.Sockaddr
	var err error
	readCall(t, fd, "an accept", func() { nfd, sa, err = syscall.Accept4(fd, int(a[1].N)) })
	if err == nil {
		t.Machine().RT.NoteAccepted(nfd)
	}
	r[0], r[1], r[2] = rt.Value{N: uint64(nfd)}, sockaddrValue(t, sa), errnoResult(t, err)
}

// syscall.Getsockname: func Getsockname(fd int) (sa Sockaddr, err error)
func syscall_Getsockname(t *vm.Thread, a, r []rt.Value) {
	sa, err := syscall.Getsockname(int(a[0].N))
	r[0], r[1] = sockaddrValue(t, sa), errnoResult(t, err)
}

// syscall.Getpeername: func Getpeername(fd int) (sa Sockaddr, err error)
func syscall_Getpeername(t *vm.Thread, a, r []rt.Value) {
	sa, err := syscall.Getpeername(int(a[0].N))
	r[0], r[1] = sockaddrValue(t, sa), errnoResult(t, err)
}

// syscall.GetsockoptInt: func GetsockoptInt(fd, level, opt int) (value int, err error)
func syscall_GetsockoptInt(t *vm.Thread, a, r []rt.Value) {
	v, err := syscall.GetsockoptInt(int(a[0].N), int(a[1].N), int(a[2].N))
	intErr(t, r, v, err)
}

// syscall.SetsockoptInt: func SetsockoptInt(fd, level, opt int, value int) (err error)
func syscall_SetsockoptInt(t *vm.Thread, a, r []rt.Value) {
	r[0] = errnoResult(t, syscall.SetsockoptInt(int(a[0].N), int(a[1].N), int(a[2].N), int(a[3].N)))
}

// syscall.SetsockoptByte: func SetsockoptByte(fd, level, opt int, value byte) (err error)
func syscall_SetsockoptByte(t *vm.Thread, a, r []rt.Value) {
	r[0] = errnoResult(t, syscall.SetsockoptByte(int(a[0].N), int(a[1].N), int(a[2].N), byte(a[3].N)))
}

// syscall.SetsockoptInet4Addr: func SetsockoptInet4Addr(fd, level, opt int, value [4]byte) (err error)
func syscall_SetsockoptInet4Addr(t *vm.Thread, a, r []rt.Value) {
	var addr [4]byte
	bytesInto(addr[:], a[3])
	r[0] = errnoResult(t, syscall.SetsockoptInet4Addr(int(a[0].N), int(a[1].N), int(a[2].N), addr))
}

// structArg returns the fields of the struct the pointer v points to
// (nil after a nil dereference's panic).
func structArg(t *vm.Thread, v rt.Value) []rt.Value {
	p := cellOf(t, v)
	if p == nil {
		return nil
	}
	fs, _ := p.R.([]rt.Value)
	return fs
}

// syscall.SetsockoptLinger: func SetsockoptLinger(fd, level, opt int, l *Linger) (err error)
func syscall_SetsockoptLinger(t *vm.Thread, a, r []rt.Value) {
	l := structPtrArg[syscall.Linger](t, a[3], "Linger")
	if l == nil {
		r[0] = errnoResult(t, syscall.EFAULT)
		return
	}
	r[0] = errnoResult(t, syscall.SetsockoptLinger(int(a[0].N), int(a[1].N), int(a[2].N), l))
}

// syscall.SetsockoptIPMreq: func SetsockoptIPMreq(fd, level, opt int, mreq *IPMreq) (err error)
func syscall_SetsockoptIPMreq(t *vm.Thread, a, r []rt.Value) {
	mreq := structPtrArg[syscall.IPMreq](t, a[3], "IPMreq")
	if mreq == nil {
		r[0] = errnoResult(t, syscall.EFAULT)
		return
	}
	r[0] = errnoResult(t, syscall.SetsockoptIPMreq(int(a[0].N), int(a[1].N), int(a[2].N), mreq))
}

// syscall.SetsockoptIPMreqn: func SetsockoptIPMreqn(fd, level, opt int, mreq *IPMreqn) (err error)
func syscall_SetsockoptIPMreqn(t *vm.Thread, a, r []rt.Value) {
	mreq := structPtrArg[syscall.IPMreqn](t, a[3], "IPMreqn")
	if mreq == nil {
		r[0] = errnoResult(t, syscall.EFAULT)
		return
	}
	r[0] = errnoResult(t, syscall.SetsockoptIPMreqn(int(a[0].N), int(a[1].N), int(a[2].N), mreq))
}

// syscall.SetsockoptIPv6Mreq: func SetsockoptIPv6Mreq(fd, level, opt int, mreq *IPv6Mreq) (err error)
func syscall_SetsockoptIPv6Mreq(t *vm.Thread, a, r []rt.Value) {
	mreq := structPtrArg[syscall.IPv6Mreq](t, a[3], "IPv6Mreq")
	if mreq == nil {
		r[0] = errnoResult(t, syscall.EFAULT)
		return
	}
	r[0] = errnoResult(t, syscall.SetsockoptIPv6Mreq(int(a[0].N), int(a[1].N), int(a[2].N), mreq))
}

// syscall.Shutdown: func Shutdown(fd int, how int) (err error)
func syscall_Shutdown(t *vm.Thread, a, r []rt.Value) {
	r[0] = errnoResult(t, syscall.Shutdown(int(a[0].N), int(a[1].N)))
}

// syscall.Close: func Close(fd int) (err error)
func syscall_Close(t *vm.Thread, a, r []rt.Value) {
	r[0] = errnoResult(t, syscall.Close(int(a[0].N)))
}

// syscall.SetNonblock: func SetNonblock(fd int, nonblocking bool) (err error)
func syscall_SetNonblock(t *vm.Thread, a, r []rt.Value) {
	r[0] = errnoResult(t, syscall.SetNonblock(int(a[0].N), a[1].N != 0))
}

// syscall.CloseOnExec: func CloseOnExec(fd int)
func syscall_CloseOnExec(t *vm.Thread, a, r []rt.Value) { syscall.CloseOnExec(int(a[0].N)) }

// syscall.Unlink: func Unlink(path string) error
func syscall_Unlink(t *vm.Thread, a, r []rt.Value) {
	r[0] = errnoResult(t, syscall.Unlink(vm.Str(a[0])))
}

// hostCall makes the system call f on fd: at once when fd is
// non-blocking (the poller holds it, or its flags say so: net's sockets
// before they are registered), else as a blocking host call that hands
// the P off (what names it for a deterministic schedule's note).
func hostCall(t *vm.Thread, fd int, what string, f func()) {
	if t.Machine().RT.IsPolled(fd) {
		f()
		return
	}
	if fl, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFL, 0); e == 0 && fl&syscall.O_NONBLOCK != 0 {
		f()
		return
	}
	blocking(t, rt.SyscallWait, what, f)
}

// readCall is hostCall for a read, receive or accept: on a polled socket
// under a deterministic schedule, what the program sent to it over the
// loopback arrives first (rt's SettleRead), so the answer is the seed's.
func readCall(t *vm.Thread, fd int, what string, f func()) {
	t.Machine().RT.SettleRead(fd)
	hostCall(t, fd, what, f)
}

// syscall.Read: func Read(fd int, p []byte) (n int, err error)
func syscall_Read(t *vm.Thread, a, r []rt.Value) {
	dst, _ := a[1].R.([]rt.Value)
	buf := make([]byte, len(dst))
	var n int
	var err error
	fd := int(a[0].N)
	readCall(t, fd, "a read", func() { n, err = syscall.Read(fd, buf) })
	if n > 0 {
		bytesValues(a[1], buf[:n])
	}
	intErr(t, r, n, err)
}

// syscall.Write: func Write(fd int, p []byte) (n int, err error)
func syscall_Write(t *vm.Thread, a, r []rt.Value) {
	buf := vm.ValuesToBytes(a[1])
	var n int
	var err error
	fd := int(a[0].N)
	hostCall(t, fd, "a write", func() { n, err = syscall.Write(fd, buf) })
	intErr(t, r, n, err)
}

// syscall.Recvfrom: func Recvfrom(fd int, p []byte, flags int) (n int, from Sockaddr, err error)
func syscall_Recvfrom(t *vm.Thread, a, r []rt.Value) {
	n, from, err := recvfrom(t, a)
	r[0], r[1], r[2] = rt.Value{N: uint64(n)}, sockaddrValue(t, from), errnoResult(t, err)
}

// recvfrom is the host's Recvfrom into the program's buffer a[1] (fd
// a[0], flags a[2]).
func recvfrom(t *vm.Thread, a []rt.Value) (n int, from syscall.Sockaddr, err error) {
	buf := make([]byte, len(sliceOf(a[1])))
	fd := int(a[0].N)
	readCall(t, fd, "a receive", func() { n, from, err = syscall.Recvfrom(fd, buf, int(a[2].N)) })
	if n > 0 {
		bytesValues(a[1], buf[:n])
	}
	return n, from, err
}

func sliceOf(v rt.Value) []rt.Value {
	vs, _ := v.R.([]rt.Value)
	return vs
}

// net.newUnixFile: func newUnixFile(fd int, name string) *os.File
//
// os's newFile for a socket, linknamed (TCPConn.File, UnixConn.File: the
// descriptor dup'ed for a child process or FileConn): a host file over the
// descriptor, as os.NewFile's.
func net_newUnixFile(t *vm.Thread, a, r []rt.Value) {
	fd := int(int64(a[0].N))
	if fd < 0 {
		panicString(t, "invalid FD")
		return
	}
	r[0] = newHostFile(t, os.NewFile(uintptr(fd), vm.Str(a[1])))
}

// syscall.Sendto: func Sendto(fd int, p []byte, flags int, to Sockaddr) (err error)
func syscall_Sendto(t *vm.Thread, a, r []rt.Value) {
	fd := int(a[0].N)
	r[0] = saCall(t, a[3], func(sa syscall.Sockaddr) (err error) {
		buf := vm.ValuesToBytes(a[1])
		hostCall(t, fd, "a send", func() { err = syscall.Sendto(fd, buf, int(a[2].N), sa) })
		return err
	})
}

// syscall.Recvmsg: func Recvmsg(fd int, p, oob []byte, flags int) (n, oobn int, recvflags int, from Sockaddr, err error)
func syscall_Recvmsg(t *vm.Thread, a, r []rt.Value) {
	n, oobn, flags, from, err := recvmsg(t, a)
	r[0], r[1], r[2], r[3], r[4] = rt.Value{N: uint64(n)}, rt.Value{N: uint64(oobn)}, rt.Value{N: uint64(flags)}, sockaddrValue(t, from), errnoResult(t, err)
}

// recvmsg is the host's Recvmsg into the program's buffers a[1] and a[2]
// (fd a[0], flags a[3]).
func recvmsg(t *vm.Thread, a []rt.Value) (n, oobn, flags int, from syscall.Sockaddr, err error) {
	p, oob := make([]byte, len(sliceOf(a[1]))), make([]byte, len(sliceOf(a[2])))
	fd := int(a[0].N)
	readCall(t, fd, "a receive", func() { n, oobn, flags, from, err = syscall.Recvmsg(fd, p, oob, int(a[3].N)) })
	bytesValues(a[1], p[:max(n, 0)])
	bytesValues(a[2], oob[:max(oobn, 0)])
	return n, oobn, flags, from, err
}

// syscall.SendmsgN: func SendmsgN(fd int, p, oob []byte, to Sockaddr, flags int) (n int, err error)
func syscall_SendmsgN(t *vm.Thread, a, r []rt.Value) {
	var to syscall.Sockaddr
	if a[3].R != nil {
		if to = sockaddrOf(t, a[3]); to == nil {
			intErr(t, r, 0, syscall.EAFNOSUPPORT)
			return
		}
	}
	p, oob := vm.ValuesToBytes(a[1]), vm.ValuesToBytes(a[2])
	var n int
	var err error
	fd := int(a[0].N)
	hostCall(t, fd, "a send", func() { n, err = syscall.SendmsgN(fd, p, oob, to, int(a[4].N)) })
	intErr(t, r, n, err)
}

// internal/syscall/unix's variants with the address as a pointer to a
// SockaddrInet4 or SockaddrInet6 (no allocation of an interface in gc).

// internal/syscall/unix.RecvfromInet4: func RecvfromInet4(fd int, p []byte, flags int, from *syscall.SockaddrInet4) (int, error)
func internal_syscall_unix_RecvfromInet4(t *vm.Thread, a, r []rt.Value) { recvfromInet(t, a, r) }

// internal/syscall/unix.RecvfromInet6: func RecvfromInet6(fd int, p []byte, flags int, from *syscall.SockaddrInet6) (n int, err error)
func internal_syscall_unix_RecvfromInet6(t *vm.Thread, a, r []rt.Value) { recvfromInet(t, a, r) }

func recvfromInet(t *vm.Thread, a, r []rt.Value) {
	n, from, err := recvfrom(t, a)
	fillSockaddrPtr(t, a[3], from)
	intErr(t, r, n, err)
}

// sockaddrArg converts the *syscall.SockaddrInet4 or 6 argument v.
func sockaddrArg(t *vm.Thread, v rt.Value, six bool) syscall.Sockaddr {
	if six {
		return sockaddrPtr(t, "*syscall.SockaddrInet6", v)
	}
	return sockaddrPtr(t, "*syscall.SockaddrInet4", v)
}

// internal/syscall/unix.SendtoInet4: func SendtoInet4(fd int, p []byte, flags int, to *syscall.SockaddrInet4) (err error)
func internal_syscall_unix_SendtoInet4(t *vm.Thread, a, r []rt.Value) { sendtoInet(t, a, r, false) }

// internal/syscall/unix.SendtoInet6: func SendtoInet6(fd int, p []byte, flags int, to *syscall.SockaddrInet6) (err error)
func internal_syscall_unix_SendtoInet6(t *vm.Thread, a, r []rt.Value) { sendtoInet(t, a, r, true) }

func sendtoInet(t *vm.Thread, a, r []rt.Value, six bool) {
	to := sockaddrArg(t, a[3], six)
	buf := vm.ValuesToBytes(a[1])
	var err error
	fd := int(a[0].N)
	hostCall(t, fd, "a send", func() { err = syscall.Sendto(fd, buf, int(a[2].N), to) })
	r[0] = errnoResult(t, err)
}

// internal/syscall/unix.RecvmsgInet4: func RecvmsgInet4(fd int, p, oob []byte, flags int, from *syscall.SockaddrInet4) (n, oobn int, recvflags int, err error)
func internal_syscall_unix_RecvmsgInet4(t *vm.Thread, a, r []rt.Value) { recvmsgInet(t, a, r) }

// internal/syscall/unix.RecvmsgInet6: func RecvmsgInet6(fd int, p, oob []byte, flags int, from *syscall.SockaddrInet6) (n, oobn int, recvflags int, err error)
func internal_syscall_unix_RecvmsgInet6(t *vm.Thread, a, r []rt.Value) { recvmsgInet(t, a, r) }

func recvmsgInet(t *vm.Thread, a, r []rt.Value) {
	n, oobn, flags, from, err := recvmsg(t, a)
	fillSockaddrPtr(t, a[4], from)
	r[0], r[1], r[2], r[3] = rt.Value{N: uint64(n)}, rt.Value{N: uint64(oobn)}, rt.Value{N: uint64(flags)}, errnoResult(t, err)
}

// internal/syscall/unix.SendmsgNInet4: func SendmsgNInet4(fd int, p, oob []byte, to *syscall.SockaddrInet4, flags int) (n int, err error)
func internal_syscall_unix_SendmsgNInet4(t *vm.Thread, a, r []rt.Value) { sendmsgNInet(t, a, r, false) }

// internal/syscall/unix.SendmsgNInet6: func SendmsgNInet6(fd int, p, oob []byte, to *syscall.SockaddrInet6, flags int) (n int, err error)
func internal_syscall_unix_SendmsgNInet6(t *vm.Thread, a, r []rt.Value) { sendmsgNInet(t, a, r, true) }

func sendmsgNInet(t *vm.Thread, a, r []rt.Value, six bool) {
	var to syscall.Sockaddr
	if a[3].R != nil {
		to = sockaddrArg(t, a[3], six)
	}
	p, oob := vm.ValuesToBytes(a[1]), vm.ValuesToBytes(a[2])
	var n int
	var err error
	fd := int(a[0].N)
	hostCall(t, fd, "a send", func() { n, err = syscall.SendmsgN(fd, p, oob, to, int(a[4].N)) })
	intErr(t, r, n, err)
}

// internal/syscall/unix.Fcntl: func Fcntl(fd int, cmd int, arg int) (int, error)
func internal_syscall_unix_Fcntl(t *vm.Thread, a, r []rt.Value) {
	v, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(a[0].N), uintptr(a[1].N), uintptr(a[2].N))
	if e != 0 {
		intErr(t, r, -1, e)
		return
	}
	intErr(t, r, int(v), nil)
}

// internal/syscall/unix.IsNonblock: func IsNonblock(fd int) (nonblocking bool, err error)
func internal_syscall_unix_IsNonblock(t *vm.Thread, a, r []rt.Value) {
	fl, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(a[0].N), syscall.F_GETFL, 0)
	if e != 0 {
		r[0], r[1] = boolV(false), errnoResult(t, e)
		return
	}
	r[0], r[1] = boolV(fl&syscall.O_NONBLOCK != 0), rt.Value{}
}

// internal/syscall/unix.HasNonblockFlag: func HasNonblockFlag(flag int) bool
func internal_syscall_unix_HasNonblockFlag(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(int(a[0].N)&syscall.O_NONBLOCK != 0)
}

// internal/syscall/unix.KernelVersion: func KernelVersion() (major, minor int)
func internal_syscall_unix_KernelVersion(t *vm.Thread, a, r []rt.Value) {
	major, minor := kernelVersion()
	r[0], r[1] = rt.Value{N: uint64(major)}, rt.Value{N: uint64(minor)}
}

// internal/syscall/unix.KernelVersionGE: func KernelVersionGE(x, y int) bool
func internal_syscall_unix_KernelVersionGE(t *vm.Thread, a, r []rt.Value) {
	major, minor := kernelVersion()
	x, y := int(a[0].N), int(a[1].N)
	r[0] = boolV(major > x || major == x && minor >= y)
}

// kernelVersion is the host kernel's major and minor version (0, 0 if
// unknown), as internal/syscall/unix reads it.
func kernelVersion() (major, minor int) {
	var u syscall.Utsname
	if syscall.Uname(&u) != nil {
		return 0, 0
	}
	var vals [2]int
	i := 0
	for _, c := range u.Release {
		if c >= '0' && c <= '9' {
			vals[i] = vals[i]*10 + int(c-'0')
			continue
		}
		if i++; i == len(vals) || c != '.' {
			break
		}
	}
	return vals[0], vals[1]
}

// (*syscall.Iovec).SetLen: func (iov *Iovec) SetLen(length int)
func syscall_Iovec_SetLen(t *vm.Thread, a, r []rt.Value) {
	if fs := structArg(t, a[0]); fs != nil {
		fs[vm.FieldIndex(t.Machine().LookupType("syscall", "Iovec"), "Len")] = rt.Value{N: a[1].N}
	}
}

// internal/poll.writev: func writev(fd int, iovecs []syscall.Iovec) (uintptr, error)
//
// Its only caller, (*FD).Writev (net.Buffers), sets each Iovec's Base to
// &chunk[0] of a []byte and its Len to at most len(chunk): goro's pointer
// to an element is the address of its Value in the slice's backing array,
// so the Len Values from it are the chunk's bytes, all within that array.
func internal_poll_writev(t *vm.Thread, a, r []rt.Value) {
	it := t.Machine().LookupType("syscall", "Iovec")
	base, length := vm.FieldIndex(it, "Base"), vm.FieldIndex(it, "Len")
	var bufs [][]byte
	for _, iov := range sliceOf(a[1]) {
		fs := iov.R.([]rt.Value)
		p, _ := fs[base].R.(*rt.Value)
		n := int(fs[length].N)
		if p == nil || n == 0 {
			continue
		}
		b := make([]byte, n)
		for i, v := range unsafe.Slice(p, n) {
			b[i] = byte(v.N)
		}
		bufs = append(bufs, b)
	}
	var n int
	var err error
	fd := int(a[0].N)
	hostCall(t, fd, "a write", func() {
		for {
			if n, err = writev(fd, bufs); err != syscall.EINTR {
				return
			}
		}
	})
	if err != nil {
		r[0], r[1] = rt.Value{N: uint64(max(n, 0))}, errnoResult(t, err)
		return
	}
	r[0], r[1] = rt.Value{N: uint64(n)}, rt.Value{}
}

// writev is the host's writev(2) of bufs.
func writev(fd int, bufs [][]byte) (int, error) {
	iov := make([]syscall.Iovec, len(bufs))
	for i, b := range bufs {
		iov[i].Base = &b[0]
		iov[i].SetLen(len(b))
	}
	var p unsafe.Pointer
	if len(iov) > 0 {
		p = unsafe.Pointer(&iov[0])
	}
	n, _, e := syscall.Syscall(syscall.SYS_WRITEV, uintptr(fd), uintptr(p), uintptr(len(iov)))
	if e != 0 {
		return int(n), e
	}
	return int(n), nil
}

// The interface table: gc's net reads it from netlink messages viewed
// through unsafe casts of their bytes, which goro's values are not; these
// two natives replace the readers with the host's answers.

// net.interfaceTable: func interfaceTable(ifindex int) ([]Interface, error)
func net_interfaceTable(t *vm.Thread, a, r []rt.Value) {
	var ifs []net.Interface
	var err error
	if i := int(a[0].N); i > 0 {
		var ifi *net.Interface
		if ifi, err = net.InterfaceByIndex(i); err == nil {
			ifs = []net.Interface{*ifi}
		}
	} else {
		ifs, err = net.Interfaces()
	}
	if err != nil {
		r[0], r[1] = rt.Value{}, t.Machine().NewError(err.Error())
		return
	}
	it := t.Machine().LookupType("net", "Interface")
	vs := make([]rt.Value, len(ifs))
	for k, ifi := range ifs {
		v := it.Zero()
		fs := v.R.([]rt.Value)
		set := func(name string, x rt.Value) { fs[vm.FieldIndex(it, name)] = x }
		set("Index", rt.Value{N: uint64(ifi.Index)})
		set("MTU", rt.Value{N: uint64(ifi.MTU)})
		set("Name", rt.Value{R: ifi.Name})
		set("HardwareAddr", vm.BytesToValues(ifi.HardwareAddr))
		set("Flags", rt.Value{N: uint64(ifi.Flags)})
		vs[k] = v
	}
	r[0], r[1] = rt.Value{R: vs}, rt.Value{}
}

// net.interfaceAddrTable: func interfaceAddrTable(ifi *Interface) ([]Addr, error)
func net_interfaceAddrTable(t *vm.Thread, a, r []rt.Value) {
	m := t.Machine()
	var addrs []net.Addr
	var err error
	if p, _ := a[0].R.(*rt.Value); p != nil {
		var ifi *net.Interface
		index := p.R.([]rt.Value)[vm.FieldIndex(m.LookupType("net", "Interface"), "Index")].N
		if ifi, err = net.InterfaceByIndex(int(index)); err == nil {
			addrs, err = ifi.Addrs()
		}
	} else {
		addrs, err = net.InterfaceAddrs()
	}
	if err != nil {
		r[0], r[1] = rt.Value{}, m.NewError(err.Error())
		return
	}
	nt := m.LookupType("net", "IPNet")
	ptr := m.TypeOf(types.NewPointer(nt.T))
	var vs []rt.Value
	for _, addr := range addrs {
		ipn, ok := addr.(*net.IPNet)
		if !ok {
			continue
		}
		cell := nt.Zero()
		fs := cell.R.([]rt.Value)
		fs[vm.FieldIndex(nt, "IP")] = vm.BytesToValues(ipn.IP)
		fs[vm.FieldIndex(nt, "Mask")] = vm.BytesToValues(ipn.Mask)
		vs = append(vs, rt.Value{R: vm.Iface{T: ptr, V: rt.Value{R: &cell}}})
	}
	r[0], r[1] = rt.Value{R: vs}, rt.Value{}
}
