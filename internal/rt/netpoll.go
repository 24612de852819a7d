package rt

// The network poller, after gc's netpoll.go and netpoll_epoll.go.
//
// internal/poll runs from source; its runtime_poll* hooks (lib/net.go)
// land here. A socket is opened non-blocking and registered, edge
// triggered, with the program's epoll instance; its PollDesc records, for
// reading and for writing, the G parked waiting (rg, wg) or that readiness
// came with no G waiting (rready, wready: gc's pdReady), the deadlines
// (rd, wd: 0 none, -1 passed) and their timers. A G whose read or write
// would block (EAGAIN) parks in PollWait with gc's wait reason "IO wait"
// and holds no M and no P: a thousand Gs blocked on a thousand sockets
// cost no thread each.
//
// Who waits in epoll_wait: one host goroutine per program (netpollLoop),
// which readies Gs as their sockets become ready (gc's Ms call netpoll
// from findRunnable and sysmon instead; a host goroutine blocked in a
// system call is the host's M, so the effect is the same: one thread
// waits for every socket). Under a deterministic schedule there is no such
// goroutine: the one M polls without blocking before virtual time moves,
// and blocks in epoll_wait itself only when nothing else can happen, so
// readiness enters the schedule only where the M looks (det.go).
//
// Invariants: a PollDesc's fields change under its mu; a G is parked on at
// most one mode of one PollDesc, and the waker that takes it off (the
// poller, a deadline's timer, PollUnblock) is the one that readies it. The
// park commits with mu's unlock (gc's park_m), so a waker always finds
// the G _Gwaiting. A G parked here is not a deadlock (checkdead): as under
// gc, a program whose Gs all wait on the network waits with them.

import (
	"cmp"
	"net/netip"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
)

// Poll error codes, as internal/poll's pollErr* constants.
const (
	pollNoError        = 0
	pollErrClosing     = 1
	pollErrTimeout     = 2
	pollErrNotPollable = 3
)

// PollDesc is the runtime half of one polled descriptor.
type PollDesc struct {
	fd int
	id uintptr // internal/poll's runtimeCtx: index in netpoll.pds

	mu             sync.Mutex
	closing        bool
	rg, wg         *G   // the G parked to read, to write
	rready, wready bool // ready with no G parked
	everr          bool // the descriptor reported an error (EPOLLERR)
	rd, wd         int64
	rt, wt         *Timer
	tcp            tcpEnd // loopback settling (netpoll_det.go)
}

type netpoll struct {
	once    sync.Once
	initErr error
	epfd    int
	evfd    int // an eventfd that interrupts epoll_wait (netpollBreak)

	mu      sync.Mutex
	pds     []*PollDesc // by id; pds[0] is unused (ctx 0 is "not polled")
	byfd    map[int]*PollDesc
	free    []uintptr
	waiters atomic.Int32 // Gs parked in PollWait
	loop    bool         // netpollLoop runs

	// Under a deterministic schedule (netpoll_det.go): descriptors accept
	// returned, not yet registered; the address pairs (local, peer) of
	// TCP sockets the program closed.
	accepted map[int]bool
	closed   map[[2]netip.AddrPort]bool
}

// PollServerInit starts the poller (internal/poll's runtime_pollServerInit).
func (r *Runtime) PollServerInit() {
	np := &r.netpoll
	np.once.Do(func() {
		np.epfd, np.evfd = -1, -1
		epfd, err := syscall.EpollCreate1(syscall.EPOLL_CLOEXEC)
		if err != nil {
			np.initErr = err
			return
		}
		evfd, _, e := syscall.Syscall(syscall.SYS_EVENTFD2, 0, syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
		if e != 0 {
			syscall.Close(epfd)
			np.initErr = e
			return
		}
		ev := syscall.EpollEvent{Events: syscall.EPOLLIN, Fd: 0}
		if err := syscall.EpollCtl(epfd, syscall.EPOLL_CTL_ADD, int(evfd), &ev); err != nil {
			syscall.Close(epfd)
			syscall.Close(int(evfd))
			np.initErr = err
			return
		}
		np.epfd, np.evfd = epfd, int(evfd)
		np.pds = []*PollDesc{nil}
		if r.det == nil {
			np.loop = true
			go r.netpollLoop()
		}
	})
}

// IsPollServerDescriptor reports whether fd is the poller's own.
func (r *Runtime) IsPollServerDescriptor(fd int) bool {
	np := &r.netpoll
	np.mu.Lock()
	started := np.pds != nil
	np.mu.Unlock()
	return started && fd >= 0 && (fd == np.epfd || fd == np.evfd)
}

// PollOpen registers fd (non-blocking) with the poller and returns its
// PollDesc's id, or the errno epoll_ctl gave (a regular file: EPERM, and
// internal/poll then does blocking I/O on it).
func (r *Runtime) PollOpen(fd int) (uintptr, syscall.Errno) {
	np := &r.netpoll
	r.PollServerInit()
	if np.initErr != nil {
		if e, ok := np.initErr.(syscall.Errno); ok {
			return 0, e
		}
		return 0, syscall.ENOSYS
	}
	np.mu.Lock()
	var id uintptr
	if n := len(np.free); n > 0 {
		id, np.free = np.free[n-1], np.free[:n-1]
	} else {
		id = uintptr(len(np.pds))
		np.pds = append(np.pds, nil)
	}
	pd := &PollDesc{fd: fd, id: id}
	pd.tcp.passive = np.accepted[fd]
	delete(np.accepted, fd)
	np.pds[id] = pd
	if np.byfd == nil {
		np.byfd = map[int]*PollDesc{}
	}
	np.byfd[fd] = pd
	np.mu.Unlock()
	ev := syscall.EpollEvent{Events: syscall.EPOLLIN | syscall.EPOLLOUT | syscall.EPOLLRDHUP | -syscall.EPOLLET, Fd: int32(id)}
	if err := syscall.EpollCtl(np.epfd, syscall.EPOLL_CTL_ADD, fd, &ev); err != nil {
		np.mu.Lock()
		np.pds[id] = nil
		delete(np.byfd, fd)
		np.free = append(np.free, id)
		np.mu.Unlock()
		return 0, err.(syscall.Errno)
	}
	return id, 0
}

// pd returns the PollDesc of id, nil if there is none.
func (r *Runtime) pd(id uintptr) *PollDesc {
	np := &r.netpoll
	np.mu.Lock()
	defer np.mu.Unlock()
	if id == 0 || id >= uintptr(len(np.pds)) {
		return nil
	}
	return np.pds[id]
}

// PollClose unregisters id's descriptor (before internal/poll closes it).
func (r *Runtime) PollClose(id uintptr) {
	pd := r.pd(id)
	if pd == nil {
		return
	}
	np := &r.netpoll
	pd.mu.Lock()
	if !pd.closing {
		pd.mu.Unlock()
		throw("runtime: close polldesc w/o unblock")
	}
	if pd.rg != nil || pd.wg != nil {
		pd.mu.Unlock()
		throw("runtime: blocked write on closing polldesc")
	}
	pd.mu.Unlock()
	if r.det != nil {
		r.settleClosed(pd)
	}
	syscall.EpollCtl(np.epfd, syscall.EPOLL_CTL_DEL, pd.fd, nil)
	np.mu.Lock()
	np.pds[id] = nil
	if np.byfd[pd.fd] == pd {
		delete(np.byfd, pd.fd)
	}
	np.free = append(np.free, id)
	np.mu.Unlock()
}

// IsPolled reports whether fd is registered with the poller (so it is
// non-blocking, and a system call on it never blocks).
func (r *Runtime) IsPolled(fd int) bool {
	np := &r.netpoll
	np.mu.Lock()
	defer np.mu.Unlock()
	return np.byfd[fd] != nil
}

// check is gc's netpollcheckerr. pd.mu is held.
func (pd *PollDesc) check(mode int) int {
	if pd.closing {
		return pollErrClosing
	}
	if mode == 'r' && pd.rd < 0 || mode == 'w' && pd.wd < 0 {
		return pollErrTimeout
	}
	if mode == 'r' && pd.everr {
		return pollErrNotPollable
	}
	return pollNoError
}

// PollReset prepares id for a read or a write (internal/poll's
// runtime_pollReset): readiness seen before is forgotten, since the
// system call that follows will see it.
func (r *Runtime) PollReset(id uintptr, mode int) int {
	pd := r.pd(id)
	if pd == nil {
		return pollErrClosing
	}
	pd.mu.Lock()
	defer pd.mu.Unlock()
	if code := pd.check(mode); code != pollNoError {
		return code
	}
	if mode == 'r' {
		pd.rready = false
	} else if mode == 'w' {
		pd.wready = false
	}
	return pollNoError
}

// PollWait waits until id is ready for mode ('r' or 'w'), its deadline
// passes or it is closed, and returns the poll error code. When it
// returns parked, gp is parked (the executor returns EvPark) and the
// native calls PollWait again when gp runs.
func (r *Runtime) PollWait(gp *G, id uintptr, mode int) (code int, parked bool) {
	pd := r.pd(id)
	if pd == nil {
		return pollErrClosing, false
	}
	pd.mu.Lock()
	if code := pd.check(mode); code != pollNoError {
		pd.mu.Unlock()
		return code, false
	}
	ready, wait := &pd.rready, &pd.rg
	if mode == 'w' {
		ready, wait = &pd.wready, &pd.wg
	}
	if *ready {
		*ready = false
		pd.mu.Unlock()
		return pollNoError, false
	}
	if *wait != nil {
		pd.mu.Unlock()
		throw("runtime: netpoll: double wait")
	}
	*wait = gp
	r.netpoll.waiters.Add(1)
	r.gopark(gp, pd.mu.Unlock, waitReasonIOWait)
	return pollNoError, true
}

// take takes the G parked on pd for mode off it, marking the mode ready
// if ready. pd.mu is held.
func (r *Runtime) take(pd *PollDesc, mode int, ready bool) *G {
	var gp *G
	if mode == 'r' {
		gp, pd.rg = pd.rg, nil
		pd.rready = pd.rready || ready
	} else {
		gp, pd.wg = pd.wg, nil
		pd.wready = pd.wready || ready
	}
	if gp != nil {
		r.netpoll.waiters.Add(-1)
	}
	return gp
}

// readyAll readies the Gs taken off a PollDesc (after its mu is released).
func (r *Runtime) readyAll(gps ...*G) {
	for _, gp := range gps {
		if gp != nil {
			r.goready(gp, nil)
		}
	}
}

// PollSetDeadline sets id's deadline for mode ('r', 'w' or 'r'+'w') to d
// nanoseconds from now (internal/poll passes time.Until of the deadline;
// 0: none; negative: passed), waking a G parked for a mode whose deadline
// passed (gc's poll_runtime_pollSetDeadline).
func (r *Runtime) PollSetDeadline(id uintptr, d int64, mode int) {
	pd := r.pd(id)
	if pd == nil {
		return
	}
	if d > 0 {
		d += r.clock.nanotime()
		if d <= 0 { // overflow: the latest deadline there is
			d = 1<<63 - 1
		}
	}
	pd.mu.Lock()
	if pd.closing {
		pd.mu.Unlock()
		return
	}
	var gps [2]*G
	if mode == 'r' || mode == 'r'+'w' {
		pd.rd = d
		gps[0] = r.deadline(pd, 'r', d)
	}
	if mode == 'w' || mode == 'r'+'w' {
		pd.wd = d
		gps[1] = r.deadline(pd, 'w', d)
	}
	pd.mu.Unlock()
	r.readyAll(gps[:]...)
}

// deadline (re)arms pd's timer for mode at d, or takes the parked G off
// when d has passed. pd.mu is held.
func (r *Runtime) deadline(pd *PollDesc, mode int, d int64) *G {
	tp := &pd.rt
	if mode == 'w' {
		tp = &pd.wt
	}
	if *tp != nil {
		r.StopTimer(*tp)
	}
	switch {
	case d < 0:
		return r.take(pd, mode, false)
	case d > 0:
		if *tp == nil {
			*tp = NewTimer(func(arg any, seq uint64, _ int64) { r.deadlineFired(pd, mode, seq) }, nil)
		}
		r.ResetTimer(*tp, d, 0)
	}
	return nil
}

// deadlineFired is a deadline timer's function: unless the deadline was
// changed since it fired (seq), it passes and the G waiting is woken.
func (r *Runtime) deadlineFired(pd *PollDesc, mode int, seq uint64) {
	pd.mu.Lock()
	tp, d := pd.rt, &pd.rd
	if mode == 'w' {
		tp, d = pd.wt, &pd.wd
	}
	if pd.closing || tp == nil || tp.t.seq.Load() != seq {
		pd.mu.Unlock()
		return
	}
	*d = -1
	gp := r.take(pd, mode, false)
	pd.mu.Unlock()
	r.readyAll(gp)
}

// PollUnblock marks id closing and wakes its waiters (before
// internal/poll closes the descriptor).
func (r *Runtime) PollUnblock(id uintptr) {
	pd := r.pd(id)
	if pd == nil {
		return
	}
	pd.mu.Lock()
	if pd.closing {
		pd.mu.Unlock()
		throw("runtime: unblock on closing polldesc")
	}
	pd.closing = true
	for _, t := range []*Timer{pd.rt, pd.wt} {
		if t != nil {
			r.StopTimer(t)
		}
	}
	rg, wg := r.take(pd, 'r', false), r.take(pd, 'w', false)
	pd.mu.Unlock()
	r.readyAll(rg, wg)
}

// netpollWaiters reports whether a G is parked on the network.
func (r *Runtime) netpollWaiters() bool { return r.netpoll.waiters.Load() > 0 }

// netpollLoop waits for every descriptor of the program until it exits.
func (r *Runtime) netpollLoop() {
	defer r.catchBug(nil)
	for !r.exiting.Load() {
		r.netpollOnce(-1)
	}
	r.netpollDone()
}

// netpollOnce waits up to timeout milliseconds (-1: until an event, 0:
// not at all) and readies the Gs whose descriptors are ready. It reports
// how many it readied.
func (r *Runtime) netpollOnce(timeout int) int {
	np := &r.netpoll
	var events [128]syscall.EpollEvent
	n, err := syscall.EpollWait(np.epfd, events[:], timeout)
	if err != nil {
		return 0
	}
	woken := 0
	evs := events[:n]
	if r.det != nil {
		// The kernel lists ready descriptors in the order they became
		// ready, which is the host's timing; the Gs they ready join the
		// deterministic run queue in the order of their PollDescs.
		slices.SortFunc(evs, func(a, b syscall.EpollEvent) int { return cmp.Compare(a.Fd, b.Fd) })
	}
	for _, ev := range evs {
		if ev.Fd == 0 { // netpollBreak
			var buf [8]byte
			syscall.Read(np.evfd, buf[:])
			continue
		}
		pd := r.pd(uintptr(ev.Fd))
		if pd == nil {
			continue
		}
		read := ev.Events&(syscall.EPOLLIN|syscall.EPOLLRDHUP|syscall.EPOLLHUP|syscall.EPOLLERR) != 0
		write := ev.Events&(syscall.EPOLLOUT|syscall.EPOLLHUP|syscall.EPOLLERR) != 0
		pd.mu.Lock()
		pd.everr = ev.Events == syscall.EPOLLERR // gc's setEventErr: each event sets or clears it
		var rg, wg *G
		if read {
			rg = r.take(pd, 'r', true)
		}
		if write {
			wg = r.take(pd, 'w', true)
		}
		pd.mu.Unlock()
		if rg != nil || wg != nil {
			if r.det != nil && timeout != 0 {
				// Readiness found by a look that does not wait is where
				// the schedule looks; one that waited came when the
				// host's timing said.
				r.noteHost("a network wait")
			}
			r.readyAll(rg, wg)
			woken++
		}
	}
	return woken
}

// netpollBreak interrupts an epoll_wait (the program is exiting).
func (r *Runtime) netpollBreak() {
	np := &r.netpoll
	if np.evfd < 0 || np.pds == nil {
		return
	}
	one := [8]byte{1}
	syscall.Write(np.evfd, one[:])
}

// netpollDone closes the poller and the descriptors still registered: a
// host that embeds goro keeps running after the program, and its sockets
// end with it.
func (r *Runtime) netpollDone() {
	np := &r.netpoll
	np.mu.Lock()
	for id, pd := range np.pds {
		if pd != nil {
			syscall.Close(pd.fd)
			np.pds[id] = nil
			delete(np.byfd, pd.fd)
		}
	}
	np.mu.Unlock()
	syscall.Close(np.epfd)
	syscall.Close(np.evfd)
}
