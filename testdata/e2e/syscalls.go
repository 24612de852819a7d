// syscalls: package syscall's calls made directly — descriptors, paths,
// structs the kernel fills, sockets and control messages, epoll and
// select, child processes — with only deterministic output.
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

func check(what string, err error) {
	if err != nil {
		fmt.Printf("%s: unexpected error: %v\n", what, err)
	}
}

func errIs(what string, err, want error) {
	fmt.Printf("%s: %v (want %v: %v)\n", what, err, want, errors.Is(err, want))
}

func main() {
	dir, err := os.MkdirTemp("", "goro-syscalls-")
	check("MkdirTemp", err)
	defer os.RemoveAll(dir)

	integers()
	files(dir)
	dirs(dir)
	infos(dir)
	sockets()
	polling()
	children()
	helpers()
}

func integers() {
	fmt.Println("== integers")
	fmt.Println("getpgrp == getpgid(0):", func() bool { g, err := syscall.Getpgid(0); return err == nil && g == syscall.Getpgrp() }())
	prio, err := syscall.Getpriority(syscall.PRIO_PROCESS, 0)
	check("Getpriority", err)
	check("Setpriority", syscall.Setpriority(syscall.PRIO_PROCESS, 0, 20-prio))
	prio2, _ := syscall.Getpriority(syscall.PRIO_PROCESS, 0)
	fmt.Println("priority kept:", prio == prio2)
	fmt.Println("gettid > 0:", syscall.Gettid() > 0)
	check("Tgkill 0", syscall.Tgkill(syscall.Getpid(), syscall.Gettid(), 0))
	check("Unshare 0", syscall.Unshare(0))
	_, err = syscall.Getpgid(-5)
	errIs("Getpgid(-5)", err, syscall.ESRCH)
	_, err = syscall.Dup(9999)
	errIs("Dup(9999)", err, syscall.EBADF)
	errIs("Fchmod(-1)", syscall.Fchmod(-1, 0o600), syscall.EBADF)
	errIs("Fsync(9999)", syscall.Fsync(9999), syscall.EBADF)
	errIs("Ftruncate(-1)", syscall.Ftruncate(-1, 0), syscall.EBADF)
	errIs("Dup3 same fd", syscall.Dup3(1, 1, 0), syscall.EINVAL)
	_, err = syscall.Wait4(-1, nil, syscall.WNOHANG, nil)
	errIs("Wait4 no child", err, syscall.ECHILD)

	var rl syscall.Rlimit
	check("Getrlimit", syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl))
	fmt.Println("rlimit cur <= max, > 0:", rl.Cur <= rl.Max, rl.Cur > 0)
	check("Setrlimit", syscall.Setrlimit(syscall.RLIMIT_NOFILE, &rl))
	var rl2 syscall.Rlimit
	syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl2)
	fmt.Println("rlimit kept:", rl == rl2)
	errIs("Getrlimit bad resource", syscall.Getrlimit(999, &rl2), syscall.EINVAL)

	var ru syscall.Rusage
	check("Getrusage", syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	fmt.Println("rusage maxrss > 0:", ru.Maxrss > 0)
	var si syscall.Sysinfo_t
	check("Sysinfo", syscall.Sysinfo(&si))
	fmt.Println("sysinfo uptime, totalram > 0:", si.Uptime > 0, si.Totalram > 0)
	var tms syscall.Tms
	_, err = syscall.Times(&tms)
	check("Times", err)
	var tt syscall.Time_t
	now, err := syscall.Time(&tt)
	check("Time", err)
	fmt.Println("time stored:", now == tt && now > 1600000000)
	var tv syscall.Timeval
	check("Gettimeofday", syscall.Gettimeofday(&tv))
	fmt.Println("gettimeofday:", tv.Sec >= int64(now), tv.Usec < 1000000)
	var left syscall.Timespec
	check("Nanosleep", syscall.Nanosleep(&syscall.Timespec{Nsec: 1000}, &left))
	errIs("Nanosleep bad", syscall.Nanosleep(&syscall.Timespec{Nsec: -1}, nil), syscall.EINVAL)

	r1, _, e := syscall.Syscall(syscall.SYS_GETPID, 0, 0, 0)
	fmt.Println("raw getpid:", int(r1) == syscall.Getpid(), e == 0)
	_, _, e = syscall.RawSyscall(syscall.SYS_DUP, 9999, 0, 0)
	fmt.Println("raw dup(9999):", e, e == syscall.EBADF)
}

func files(dir string) {
	fmt.Println("== files")
	path := filepath.Join(dir, "f")
	fd, err := syscall.Creat(path, 0o644)
	check("Creat", err)
	check("Access", syscall.Access(path, syscall.F_OK|4)) // R_OK
	errIs("Access missing", syscall.Access(path+".no", syscall.F_OK), syscall.ENOENT)
	check("Faccessat", syscall.Faccessat(-100, path, 2, 0)) // AT_FDCWD, W_OK

	fd2, err := syscall.Dup(fd)
	check("Dup", err)
	n, err := syscall.Write(fd2, []byte("hello, world\n"))
	fmt.Println("write on dup:", n, err)
	n, err = syscall.Pwrite(fd, []byte("HELLO"), 0)
	fmt.Println("pwrite:", n, err)
	check("Fsync", syscall.Fsync(fd))
	check("Fdatasync", syscall.Fdatasync(fd2))
	check("Fchmod", syscall.Fchmod(fd, 0o600))
	check("Close dup", syscall.Close(fd2))

	rfd, err := syscall.Open(path, syscall.O_RDONLY, 0)
	check("Open", err)
	buf := make([]byte, 5)
	n, err = syscall.Pread(rfd, buf, 7)
	fmt.Printf("pread at 7: %d %v %q\n", n, err, buf[:n])
	off, err := syscall.Seek(rfd, -6, 2)
	fmt.Println("seek from end:", off, err)
	n, _ = syscall.Read(rfd, buf)
	fmt.Printf("read after seek: %q\n", buf[:n])
	const fd3 = 100
	check("Dup2", syscall.Dup2(rfd, fd3))
	n, _ = syscall.Pread(fd3, buf, 0)
	fmt.Printf("pread on dup2: %q\n", buf[:n])
	fl, _, e := syscall.Syscall(syscall.SYS_FCNTL, fd3, syscall.F_GETFD, 0)
	fmt.Println("dup2 cloexec:", fl&syscall.FD_CLOEXEC != 0, e == 0)
	check("Dup3", syscall.Dup3(rfd, fd3, syscall.O_CLOEXEC))
	fl, _, e = syscall.Syscall(syscall.SYS_FCNTL, fd3, syscall.F_GETFD, 0)
	fmt.Println("dup3 cloexec:", fl&syscall.FD_CLOEXEC != 0, e == 0)
	syscall.Close(fd3)

	check("Flock", syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB))
	check("Flock un", syscall.Flock(fd, syscall.LOCK_UN))
	lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: 0, Start: 0, Len: 0}
	check("FcntlFlock", syscall.FcntlFlock(uintptr(fd), syscall.F_GETLK, &lk))
	fmt.Println("getlk: unlocked:", lk.Type == syscall.F_UNLCK)

	check("Ftruncate", syscall.Ftruncate(fd, 5))
	var st syscall.Stat_t
	check("Fstat", syscall.Fstat(fd, &st))
	fmt.Printf("size %d mode %o\n", st.Size, st.Mode&0o777)

	// Sendfile from the file into a pipe.
	var p [2]int
	check("Pipe", syscall.Pipe(p[:]))
	var sfoff int64 = 1
	n, err = syscall.Sendfile(p[1], rfd, &sfoff, 3)
	fmt.Println("sendfile:", n, err, "offset now", sfoff)
	n, _ = syscall.Read(p[0], buf)
	fmt.Printf("from pipe: %q\n", buf[:n])
	syscall.Close(p[0])
	syscall.Close(p[1])

	tvs := []syscall.Timeval{{Sec: 1000000000}, {Sec: 1234567890, Usec: 500000}}
	check("Utimes", syscall.Utimes(path, tvs))
	syscall.Stat(path, &st)
	fmt.Println("utimes mtime:", st.Mtim.Sec, st.Mtim.Nsec)
	check("Futimes", syscall.Futimes(fd, []syscall.Timeval{{Sec: 5}, {Sec: 1500000000}}))
	syscall.Fstat(fd, &st)
	fmt.Println("futimes mtime:", st.Mtim.Sec)
	check("Utime", syscall.Utime(path, &syscall.Utimbuf{Actime: 7, Modtime: 1600000000}))
	syscall.Stat(path, &st)
	fmt.Println("utime mtime:", st.Mtim.Sec, "atime:", st.Atim.Sec)
	errIs("Utimes one", syscall.Utimes(path, tvs[:1]), syscall.EINVAL)

	if err := syscall.Setxattr(path, "user.goro", []byte("v1"), 0); err == nil {
		sz, err := syscall.Getxattr(path, "user.goro", nil)
		val := make([]byte, sz)
		n, err2 := syscall.Getxattr(path, "user.goro", val)
		list := make([]byte, 128)
		ln, _ := syscall.Listxattr(path, list)
		ok := err == nil && err2 == nil && string(val[:n]) == "v1" && strings.Contains(string(list[:ln]), "user.goro")
		ok = ok && syscall.Removexattr(path, "user.goro") == nil
		fmt.Println("xattrs consistent:", ok)
	} else {
		fmt.Println("xattrs consistent:", true)
	}
	syscall.Close(fd)
	syscall.Close(rfd)
}

func dirs(dir string) {
	fmt.Println("== dirs")
	dfd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY, 0)
	check("Open dir", err)
	check("Mkdirat", syscall.Mkdirat(dfd, "sub", 0o755))
	fd, err := syscall.Openat(dfd, "sub/g", syscall.O_CREAT|syscall.O_WRONLY, 0o640)
	check("Openat", err)
	syscall.Close(fd)
	check("Renameat", syscall.Renameat(dfd, "sub/g", dfd, "h"))
	check("Fchmodat", syscall.Fchmodat(dfd, "h", 0o604, 0))
	var st syscall.Stat_t
	syscall.Stat(filepath.Join(dir, "h"), &st)
	fmt.Printf("h mode %o\n", st.Mode&0o777)
	check("Mknod fifo", syscall.Mknod(filepath.Join(dir, "fifo"), syscall.S_IFIFO|0o600, 0))
	syscall.Lstat(filepath.Join(dir, "fifo"), &st)
	fmt.Println("fifo:", st.Mode&syscall.S_IFMT == syscall.S_IFIFO)
	errIs("Unlinkat dir", syscall.Unlinkat(dfd, "sub"), syscall.EISDIR)
	check("Unlinkat", syscall.Unlinkat(dfd, "fifo"))

	buf := make([]byte, 4096)
	var names []string
	for {
		n, err := syscall.ReadDirent(dfd, buf)
		check("ReadDirent", err)
		if n <= 0 {
			break
		}
		_, _, names = syscall.ParseDirent(buf[:n], -1, names)
	}
	slices.Sort(names)
	fmt.Println("dirents:", names)
	few := make([]string, 1, 4)
	few[0] = "x"
	_, count, more := syscall.ParseDirent(buf[:0], -1, few)
	fmt.Println("parse empty:", count, len(more), cap(more))

	wd, _ := os.Getwd()
	check("Fchdir", syscall.Fchdir(dfd))
	cwd := make([]byte, 4096)
	n, err := syscall.Getcwd(cwd)
	check("Getcwd", err)
	real, _ := filepath.EvalSymlinks(dir)
	fmt.Println("getcwd is the dir:", string(cwd[:n-1]) == real, cwd[n-1] == 0)
	_, err = syscall.Getcwd(make([]byte, 2))
	errIs("Getcwd short", err, syscall.ERANGE)
	os.Chdir(wd)
	syscall.Close(dfd)
}

func infos(dir string) {
	fmt.Println("== infos")
	var sf syscall.Statfs_t
	check("Statfs", syscall.Statfs(dir, &sf))
	fmt.Println("statfs bsize > 0:", sf.Bsize > 0)
	fd, _ := syscall.Open(dir, syscall.O_RDONLY, 0)
	var sf2 syscall.Statfs_t
	check("Fstatfs", syscall.Fstatfs(fd, &sf2))
	fmt.Println("fstatfs same type:", sf.Type == sf2.Type)
	syscall.Close(fd)
	errIs("Statfs missing", syscall.Statfs(dir+"/nope", &sf), syscall.ENOENT)

	ifd, err := syscall.InotifyInit1(syscall.IN_CLOEXEC)
	check("InotifyInit1", err)
	wd, err := syscall.InotifyAddWatch(ifd, dir, syscall.IN_CREATE)
	check("InotifyAddWatch", err)
	f, _ := os.Create(filepath.Join(dir, "watched"))
	f.Close()
	buf := make([]byte, 4096)
	n, _ := syscall.Read(ifd, buf)
	name := strings.TrimRight(string(buf[syscall.SizeofInotifyEvent:n]), "\x00")
	fmt.Println("inotify event:", n > syscall.SizeofInotifyEvent, name)
	_, err = syscall.InotifyRmWatch(ifd, uint32(wd))
	check("InotifyRmWatch", err)
	syscall.Close(ifd)
}

func sockets() {
	fmt.Println("== sockets")
	sp, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	check("Socketpair", err)
	syscall.Write(sp[0], []byte("ping"))
	buf := make([]byte, 16)
	n, _ := syscall.Read(sp[1], buf)
	fmt.Printf("socketpair: %q\n", buf[:n])

	uc, err := syscall.GetsockoptUcred(sp[0], syscall.SOL_SOCKET, syscall.SO_PEERCRED)
	check("GetsockoptUcred", err)
	fmt.Println("peer cred is us:", int(uc.Pid) == syscall.Getpid(), int(uc.Uid) == syscall.Getuid())
	check("SetsockoptTimeval", syscall.SetsockoptTimeval(sp[1], syscall.SOL_SOCKET, syscall.SO_RCVTIMEO, &syscall.Timeval{Sec: 2}))

	// Pass a pipe's read end over the socket pair.
	var p [2]int
	syscall.Pipe(p[:])
	rights := syscall.UnixRights(p[0])
	fmt.Println("rights len:", len(rights), syscall.CmsgSpace(4), syscall.CmsgLen(4))
	check("Sendmsg", syscall.Sendmsg(sp[0], []byte("x"), rights, nil, 0))
	oob := make([]byte, syscall.CmsgSpace(4))
	n, oobn, _, _, err := syscall.Recvmsg(sp[1], buf, oob, 0)
	check("Recvmsg", err)
	msgs, err := syscall.ParseSocketControlMessage(oob[:oobn])
	check("ParseSocketControlMessage", err)
	fmt.Println("control messages:", n, len(msgs), msgs[0].Header.Level == syscall.SOL_SOCKET, msgs[0].Header.Type == syscall.SCM_RIGHTS, len(msgs[0].Data))
	fds, err := syscall.ParseUnixRights(&msgs[0])
	check("ParseUnixRights", err)
	syscall.Write(p[1], []byte("through the passed fd"))
	n, _ = syscall.Read(fds[0], buf[:16])
	fmt.Printf("passed fd reads: %q\n", buf[:n])
	oob[syscall.CmsgLen(0)] ^= 0xff // Data shares oob's bytes
	fmt.Println("data shares the buffer:", msgs[0].Data[0] == oob[syscall.CmsgLen(0)])
	_, err = syscall.ParseUnixCredentials(&msgs[0])
	errIs("ParseUnixCredentials of rights", err, syscall.EINVAL)
	for _, fd := range []int{p[0], p[1], fds[0], sp[0], sp[1]} {
		syscall.Close(fd)
	}

	cred := syscall.UnixCredentials(&syscall.Ucred{Pid: 1, Uid: 2, Gid: 3})
	cm, _ := syscall.ParseSocketControlMessage(cred)
	c, err := syscall.ParseUnixCredentials(&cm[0])
	fmt.Println("credentials round trip:", *c, err)

	// TCP on the loopback: Accept.
	ls, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	check("Socket", err)
	check("Bind", syscall.Bind(ls, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}))
	check("Listen", syscall.Listen(ls, 1))
	sa, _ := syscall.Getsockname(ls)
	cs, _ := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	check("Connect", syscall.Connect(cs, sa))
	as, from, err := syscall.Accept(ls)
	check("Accept", err)
	_, isInet4 := from.(*syscall.SockaddrInet4)
	fmt.Println("accepted from inet4:", isInet4)
	syscall.Write(cs, []byte("tcp"))
	n, _ = syscall.Read(as, buf)
	fmt.Printf("tcp: %q\n", buf[:n])
	for _, fd := range []int{as, cs, ls} {
		syscall.Close(fd)
	}
	us, _ := syscall.Socket(syscall.AF_INET, syscall.SOCK_DGRAM, 0)
	addr, err := syscall.GetsockoptInet4Addr(us, syscall.IPPROTO_IP, syscall.IP_MULTICAST_IF)
	fmt.Println("multicast if:", addr, err)
	syscall.Close(us)
	_, _, err = syscall.Accept(9999)
	errIs("Accept(9999)", err, syscall.EBADF)

	if rib, err := syscall.NetlinkRIB(syscall.RTM_GETLINK, syscall.AF_UNSPEC); err == nil {
		ms, err := syscall.ParseNetlinkMessage(rib)
		found := false
		for i := range ms {
			if ms[i].Header.Type != syscall.RTM_NEWLINK {
				continue
			}
			attrs, _ := syscall.ParseNetlinkRouteAttr(&ms[i])
			for _, a := range attrs {
				if a.Attr.Type == syscall.IFLA_IFNAME && strings.TrimRight(string(a.Value), "\x00") == "lo" {
					found = true
				}
			}
		}
		fmt.Println("netlink finds lo:", err == nil && found)
	} else {
		fmt.Println("netlink finds lo:", true)
	}
}

func polling() {
	fmt.Println("== polling")
	var p [2]int
	syscall.Pipe(p[:])
	epfd, err := syscall.EpollCreate1(syscall.EPOLL_CLOEXEC)
	check("EpollCreate1", err)
	check("EpollCtl", syscall.EpollCtl(epfd, syscall.EPOLL_CTL_ADD, p[0], &syscall.EpollEvent{Events: syscall.EPOLLIN, Fd: int32(p[0])}))
	events := make([]syscall.EpollEvent, 4)
	n, err := syscall.EpollWait(epfd, events, 0)
	fmt.Println("epoll before write:", n, err)
	syscall.Write(p[1], []byte("!"))
	n, err = syscall.EpollWait(epfd, events, 5000)
	fmt.Println("epoll after write:", n, err, events[0].Fd == int32(p[0]), events[0].Events&syscall.EPOLLIN != 0)
	errIs("EpollCtl again", syscall.EpollCtl(epfd, syscall.EPOLL_CTL_ADD, p[0], &syscall.EpollEvent{Events: syscall.EPOLLIN}), syscall.EEXIST)
	check("EpollCtl del", syscall.EpollCtl(epfd, syscall.EPOLL_CTL_DEL, p[0], nil))
	syscall.Close(epfd)
	epfd2, err := syscall.EpollCreate(1)
	check("EpollCreate", err)
	syscall.Close(epfd2)

	var rset syscall.FdSet
	rset.Bits[p[0]/64] |= 1 << (uint(p[0]) % 64)
	tv := syscall.Timeval{Sec: 5}
	n, err = syscall.Select(p[0]+1, &rset, nil, nil, &tv)
	fmt.Println("select:", n, err, rset.Bits[p[0]/64]&(1<<(uint(p[0])%64)) != 0)
	syscall.Close(p[0])
	syscall.Close(p[1])
}

func children() {
	fmt.Println("== children")
	var p [2]int
	syscall.Pipe(p[:])
	attr := &syscall.ProcAttr{
		Env:   []string{"GREETING=hi"},
		Files: []uintptr{0, uintptr(p[1]), 2},
	}
	pid, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", "echo $GREETING from child; exit 3"}, attr)
	check("ForkExec", err)
	syscall.Close(p[1])
	var ws syscall.WaitStatus
	var ru syscall.Rusage
	wpid, err := syscall.Wait4(pid, &ws, 0, &ru)
	fmt.Println("wait4:", wpid == pid, err, ws.Exited(), ws.ExitStatus())
	buf := make([]byte, 64)
	n, _ := syscall.Read(p[0], buf)
	fmt.Printf("child said: %q\n", buf[:n])
	syscall.Close(p[0])

	pid, _, err = syscall.StartProcess("/bin/sh", []string{"sh", "-c", "kill -TERM $$"}, &syscall.ProcAttr{Sys: &syscall.SysProcAttr{Setpgid: true}})
	check("StartProcess", err)
	syscall.Wait4(pid, &ws, 0, nil)
	fmt.Println("signaled:", ws.Signaled(), ws.Signal())
	_, err = syscall.ForkExec("/nonexistent/prog", nil, nil)
	errIs("ForkExec missing", err, syscall.ENOENT)
}

func helpers() {
	fmt.Println("== helpers")
	b, err := syscall.ByteSliceFromString("abc")
	fmt.Println("ByteSliceFromString:", b, len(b), cap(b), err)
	_, err = syscall.ByteSliceFromString("a\x00b")
	errIs("ByteSliceFromString NUL", err, syscall.EINVAL)
	bp, err := syscall.BytePtrFromString("xyz")
	fmt.Println("BytePtrFromString:", string(rune(*bp)), err)
	_, err = syscall.BytePtrFromString("\x00")
	errIs("BytePtrFromString NUL", err, syscall.EINVAL)
	ps, err := syscall.SlicePtrFromStrings([]string{"one", "two"})
	fmt.Println("SlicePtrFromStrings:", len(ps), string(rune(*ps[0])), string(rune(*ps[1])), ps[2] == nil, err)
	fmt.Println("StringByteSlice:", syscall.StringByteSlice("hi"))
	fmt.Println("StringBytePtr:", *syscall.StringBytePtr("Q"))
	sp := syscall.StringSlicePtr([]string{"a"})
	fmt.Println("StringSlicePtr:", len(sp), *sp[0], sp[1] == nil)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		syscall.StringByteSlice("bad\x00")
	}()

	fmt.Println("LsfStmt:", *syscall.LsfStmt(syscall.BPF_RET|syscall.BPF_K, 0xffff))
	fmt.Println("LsfJump:", *syscall.LsfJump(syscall.BPF_JMP|syscall.BPF_JEQ|syscall.BPF_K, 0x800, 1, 2))
	var regs syscall.PtraceRegs
	regs.SetPC(0x401000)
	fmt.Printf("PtraceRegs PC: %#x %#x\n", regs.PC(), regs.Rip)
	var h syscall.Cmsghdr
	h.SetLen(24)
	var m syscall.Msghdr
	m.SetControllen(64)
	fmt.Println("SetLen, SetControllen:", h.Len, m.Controllen)
	var tx syscall.Timex
	_, err = syscall.Adjtimex(&tx)
	fmt.Println("adjtimex read:", err == nil || err == syscall.EPERM)
}
