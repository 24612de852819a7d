package rt

// Loopback settling: TCP between a program's own sockets, reproducible
// under a deterministic schedule.
//
// On Linux a TCP segment on the loopback is handed to the receiving socket
// in the kernel's softirq, which normally runs before the sending system
// call returns but under load is deferred to ksoftirqd: a read just after
// a write may find the bytes or EAGAIN, an accept just after a connect the
// connection or nothing, and the schedule that follows differs with no host
// wait to report it (TestDeterministic/netecho showed it on a loaded CI
// machine). So under a deterministic schedule, before the look whose answer
// depends on it — a read, receive or accept on a polled socket (lib's
// readCall), and the non-blocking poll of the program's sockets
// (findRunnableDet; every socket, since an event for one no G waits on
// yet is still reported later) — the M waits on the host until nothing the program
// itself sent is still on its way to that socket:
//
//   - a connected socket S whose peer P is the program's: the bytes P has
//     sent (tcpi_bytes_acked + SIOCOUTQ - tcpi_notsent_bytes, less P's SYN
//     when P connected) have all reached S (tcpi_bytes_received); FINs
//     count as one byte on both sides, so a shutdown settles too. Bytes P
//     holds unsent the kernel sends soon (autocorking, small queues)
//     unless S's window is full; sent bytes a full S dropped come again
//     after a retransmission time-out. So while S has bytes to read, its
//     queue that stops growing (for settleHeld, or settleStall when bytes
//     are on the wire) is settled: the rest comes once the program reads;
//   - S whose peer the program closed (PollClose records the pair, for a
//     loopback peer): S has left ESTABLISHED (the FIN, after all data,
//     arrived) — for at most settleFin, since no FIN comes when the
//     descriptor lives on elsewhere (a dup, a child's);
//   - a listener L (SO_ACCEPTCONN; TCP or MPTCP, which Go's Listen asks
//     for): no loopback connect of the program is still in SYN_SENT, and
//     every connected socket of the program to L's loopback address (or,
//     for a wildcard L, to a loopback address of its family) on L's port
//     has its accepted end in the program (open or closed), or L is
//     readable (the connection waits in its queue);
//   - a socket waiting to write: it is not a loopback connect in SYN_SENT.
//
// The wait is bounded (settleLimit); past it the schedule reports host
// timing, as any host wait does. Not settled: UDP (the kernel does not
// count a socket's datagrams), a send buffer filling up (whether a write
// gets EAGAIN depends on when the peer's ACKs come back).

import (
	"encoding/binary"
	"net/netip"
	"syscall"
	"time"
	"unsafe"
)

// settleLimit bounds one settling wait. A socket with bytes to read whose
// queue has stopped growing for settleHeld (the peer holds bytes unsent)
// or settleStall (bytes were sent) is full: the rest comes only once the
// program reads.
const (
	settleLimit = 5 * time.Second
	settleHeld  = time.Millisecond
	settleStall = 5 * time.Millisecond
	// settleFin bounds the wait for a closed peer's FIN: none comes when
	// the descriptor lives on elsewhere (TCPConn.File's dup, a child's).
	settleFin = 500 * time.Millisecond
)

// What settling finds on the way to a socket.
const (
	settled = iota
	onTheWire
	heldBack  // by the sender: unsent bytes
	finComing // from a peer the program closed (settleFin bounds it)
)

// Linux TCP states (include/net/tcp_states.h) and ioctls.
const (
	tcpEstablished = 1
	tcpSynSent     = 2
	siocoutq       = 0x5411 // TIOCOUTQ: bytes not yet acknowledged by the peer
	ipprotoMPTCP   = 262
)

// tcpEnd is what settling knows of a polled socket; pd.mu guards it.
type tcpEnd struct {
	kind        int8 // 0: not looked at, 1: TCP, -1: not TCP
	listener    bool
	passive     bool // accepted (its SYN is not counted in tcpi_bytes_acked)
	local, peer netip.AddrPort
}

// tcpInfo is the part of struct tcp_info settling reads.
type tcpInfo struct {
	state        uint8
	counted      bool   // the kernel has the byte counts (Linux 4.6)
	acked, recvd uint64 // tcpi_bytes_acked, tcpi_bytes_received
	notsent      int64  // tcpi_notsent_bytes
	outq         int64  // SIOCOUTQ: written, not yet acknowledged
}

func getTCPInfo(fd int) (tcpInfo, bool) {
	var b [232]byte
	l := uint32(len(b))
	_, _, e := syscall.Syscall6(syscall.SYS_GETSOCKOPT, uintptr(fd), syscall.IPPROTO_TCP, syscall.TCP_INFO, uintptr(unsafe.Pointer(&b[0])), uintptr(unsafe.Pointer(&l)), 0)
	if e != 0 || l < 1 {
		return tcpInfo{}, false
	}
	ti := tcpInfo{state: b[0]}
	if l >= 148 { // Linux 4.6
		ti.counted = true
		ti.acked = binary.LittleEndian.Uint64(b[120:])
		ti.recvd = binary.LittleEndian.Uint64(b[128:])
		ti.notsent = int64(binary.LittleEndian.Uint32(b[144:]))
	}
	var q int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), siocoutq, uintptr(unsafe.Pointer(&q))); e == 0 {
		ti.outq = int64(q)
	}
	return ti, true
}

func sockAddrPort(sa syscall.Sockaddr) netip.AddrPort {
	switch sa := sa.(type) {
	case *syscall.SockaddrInet4:
		return netip.AddrPortFrom(netip.AddrFrom4(sa.Addr), uint16(sa.Port))
	case *syscall.SockaddrInet6:
		return netip.AddrPortFrom(netip.AddrFrom16(sa.Addr).Unmap(), uint16(sa.Port))
	}
	return netip.AddrPort{}
}

// end returns pd's settling facts, looking them up the first time (and
// the peer until the socket has one).
func (pd *PollDesc) end() tcpEnd {
	pd.mu.Lock()
	defer pd.mu.Unlock()
	e := &pd.tcp
	if e.kind == 0 {
		e.kind = -1
		// MPTCP too: Go's Listen asks for it where the kernel has it
		// (its connections fall back to TCP with a TCP peer).
		if p, err := syscall.GetsockoptInt(pd.fd, syscall.SOL_SOCKET, syscall.SO_PROTOCOL); err == nil && (p == syscall.IPPROTO_TCP || p == ipprotoMPTCP) {
			e.kind = 1
		}
		if a, err := syscall.GetsockoptInt(pd.fd, syscall.SOL_SOCKET, syscall.SO_ACCEPTCONN); err == nil && a == 1 {
			e.listener = true
		}
	}
	if e.kind == 1 && !e.local.IsValid() {
		if sa, err := syscall.Getsockname(pd.fd); err == nil {
			e.local = sockAddrPort(sa)
		}
	}
	if e.kind == 1 && !e.peer.IsValid() {
		if sa, err := syscall.Getpeername(pd.fd); err == nil {
			e.peer = sockAddrPort(sa)
		}
	}
	return *e
}

// NoteAccepted records that fd came from accept (under a deterministic
// schedule): its PollDesc, when fd is registered, is a passive end.
func (r *Runtime) NoteAccepted(fd int) {
	if r.det == nil {
		return
	}
	np := &r.netpoll
	np.mu.Lock()
	if np.accepted == nil {
		np.accepted = map[int]bool{}
	}
	np.accepted[fd] = true
	np.mu.Unlock()
}

// SettleRead waits, under a deterministic schedule, until nothing the
// program sent is on its way to fd (a polled socket about to be read or
// accepted from).
func (r *Runtime) SettleRead(fd int) {
	if r.det == nil {
		return
	}
	np := &r.netpoll
	np.mu.Lock()
	pd := np.byfd[fd]
	np.mu.Unlock()
	if pd != nil {
		r.settle(pd, 'r')
	}
}

// settleAll settles every polled socket before the deterministic
// scheduler looks at which are ready: not only those Gs wait on — an
// event for a socket no G waits on (a connection a running G will accept
// next, bytes it will read) is reported by this look or a later one
// depending on when it arrived, and a G then wakes for a readiness it has
// already consumed, or does not.
func (r *Runtime) settleAll() {
	for _, pd := range r.polled() {
		r.settle(pd, 'r')
		r.settle(pd, 'w')
	}
}

// polled returns the registered PollDescs.
func (r *Runtime) polled() []*PollDesc {
	np := &r.netpoll
	np.mu.Lock()
	defer np.mu.Unlock()
	var pds []*PollDesc
	for _, pd := range np.pds {
		if pd != nil {
			pds = append(pds, pd)
		}
	}
	return pds
}

// settle waits until inflight(pd, mode) is settled, at most settleLimit.
func (r *Runtime) settle(pd *PollDesc, mode int) {
	if pd.end().kind != 1 {
		return
	}
	start := time.Now()
	last, since := int32(-1), start
	for {
		st := r.inflight(pd, mode)
		if st == settled {
			return
		}
		now := time.Now()
		if st == finComing && now.Sub(start) > settleFin {
			return
		}
		stall := settleHeld
		if st == onTheWire {
			stall = settleStall
		}
		if q := inq(pd.fd); q != last {
			last, since = q, now
		} else if q > 0 && now.Sub(since) > stall {
			return // the program must read for the rest to come
		}
		if now.Sub(start) > settleLimit {
			r.noteHost("a loopback delivery")
			return
		}
		time.Sleep(20 * time.Microsecond) // the host's softirq work, not the program's time
	}
}

// inq is how many bytes fd has to read (SIOCINQ).
func inq(fd int) int32 {
	var n int32
	syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TIOCINQ, uintptr(unsafe.Pointer(&n)))
	return n
}

// inflight reports what the program sent is still on its way to pd, for
// mode ('r': a read or accept; 'w': a write or connect).
func (r *Runtime) inflight(pd *PollDesc, mode int) int {
	me := pd.end()
	if mode == 'w' {
		return wire(r.connecting(pd))
	}
	if me.listener {
		for _, c := range r.polled() {
			if r.connecting(c) {
				return onTheWire
			}
		}
		return wire(r.unaccepted(pd, me))
	}
	ti, ok := getTCPInfo(pd.fd)
	if !ok {
		return settled
	}
	if !me.peer.IsValid() {
		return settled
	}
	for _, p := range r.polled() {
		pe := p.end()
		if p == pd || pe.kind != 1 || pe.local != me.peer || pe.peer != me.local {
			continue
		}
		pi, ok := getTCPInfo(p.fd)
		if !ok || pi.outq == 0 { // all acknowledged: all received
			return settled
		}
		wire, held := pending(pe, pi, ti)
		switch {
		case wire > 0:
			return onTheWire
		case held > 0:
			return heldBack
		}
		return settled
	}
	np := &r.netpoll
	key := [2]netip.AddrPort{me.peer, me.local}
	np.mu.Lock()
	defer np.mu.Unlock()
	if !np.closed[key] {
		return settled
	}
	if ti.state != tcpEstablished {
		delete(np.closed, key) // the FIN came
		return settled
	}
	return finComing
}

func wire(b bool) int {
	if b {
		return onTheWire
	}
	return settled
}

// connecting reports whether c is a loopback connect not yet answered.
func (r *Runtime) connecting(c *PollDesc) bool {
	ce := c.end()
	if ce.kind != 1 || !ce.local.Addr().IsLoopback() {
		return false
	}
	ti, ok := getTCPInfo(c.fd)
	return ok && ti.state == tcpSynSent
}

// unaccepted reports whether a connection of the program to listener l is
// neither accepted nor waiting in l's queue (l is not readable).
func (r *Runtime) unaccepted(l *PollDesc, le tcpEnd) bool {
	pds := r.polled()
	np := &r.netpoll
	for _, c := range pds {
		ce := c.end()
		if c == l || ce.kind != 1 || !ce.peer.IsValid() || ce.peer.Port() != le.local.Port() || !toListener(ce.peer.Addr(), le.local.Addr()) {
			continue
		}
		accepted := false
		for _, a := range pds {
			if ae := a.end(); a != c && ae.local == ce.peer && ae.peer == ce.local {
				accepted = true
				break
			}
		}
		np.mu.Lock()
		accepted = accepted || np.closed[[2]netip.AddrPort{ce.peer, ce.local}]
		np.mu.Unlock()
		if !accepted && !readable(l.fd) {
			return true
		}
	}
	return false
}

// toListener reports whether a connection of the program to loopback
// address to may be one a listener bound to addr accepts: the same
// address, or a wildcard of its family (an IPv6 one takes IPv4 too). A
// connection elsewhere — another process on the same port of another
// address — is not the listener's.
func toListener(to, addr netip.Addr) bool {
	switch {
	case !to.IsLoopback():
		return false
	case !addr.IsUnspecified():
		return to == addr
	case addr.Is4():
		return to.Is4()
	}
	return true
}

// pending is how many bytes (a FIN counting one) peer p, whose TCP_INFO is
// pi, has sent that its other end, whose TCP_INFO is ti, has not received
// (wire), and how many p holds written but unsent. When the kernel does
// not count bytes, wire is what p has sent not yet acknowledged.
func pending(pe tcpEnd, pi, ti tcpInfo) (wire, held int64) {
	if !pi.counted || !ti.counted {
		return pi.outq, 0
	}
	sent := int64(pi.acked) + pi.outq - pi.notsent
	if !pe.passive {
		sent-- // the SYN the connect sent is in tcpi_bytes_acked
	}
	return sent - int64(ti.recvd), pi.notsent
}

// readable reports whether fd has something to read now.
func readable(fd int) bool {
	const pollIn = 0x1
	fds := [1]pollFd{{fd: int32(fd), events: pollIn}}
	n, _, _ := syscall.Syscall(syscall.SYS_POLL, uintptr(unsafe.Pointer(&fds[0])), 1, 0)
	return int(n) == 1 && fds[0].revents&pollIn != 0
}

// pollFd is struct pollfd.
type pollFd struct {
	fd              int32
	events, revents int16
}

// maxClosed bounds the closed pairs kept (settleClosed).
const maxClosed = 4096

// settleClosed records, as pd's socket is about to be closed, that its
// peer's end will see its FIN, and forgets the peer's own close.
func (r *Runtime) settleClosed(pd *PollDesc) {
	e := pd.end()
	if e.kind != 1 || !e.peer.IsValid() || !e.peer.Addr().IsLoopback() {
		return // a peer elsewhere is not the program's
	}
	np := &r.netpoll
	np.mu.Lock()
	if np.closed == nil || len(np.closed) >= maxClosed {
		np.closed = map[[2]netip.AddrPort]bool{} // pairs never looked at again (peers of other processes)
	}
	delete(np.closed, [2]netip.AddrPort{e.peer, e.local})
	np.closed[[2]netip.AddrPort{e.local, e.peer}] = true
	np.mu.Unlock()
}
