package rt

import (
	"syscall"
	"testing"
	"time"
)

// A deadline is internal/poll's time.Until of it: relative to now, on
// the runtime's clock (gc's poll_runtime_pollSetDeadline adds nanotime);
// negative has passed. An EPOLLERR clears with the next event.
func TestPollDeadline(t *testing.T) {
	r, _ := newTestRuntime(1, 1)
	r.clock.init()
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fds[0])
	defer syscall.Close(fds[1])
	id, errno := r.PollOpen(fds[0])
	if errno != 0 {
		t.Fatal(errno)
	}
	defer func() { r.PollUnblock(id); r.PollClose(id) }()
	time.Sleep(20 * time.Millisecond) // the clock has moved on since start
	r.PollSetDeadline(id, int64(10*time.Millisecond), 'r')
	if code := r.PollReset(id, 'r'); code != pollNoError {
		t.Fatalf("a deadline 10ms ahead, 20ms after start: PollReset = %d, want no error (the deadline is relative)", code)
	}
	pd := r.pd(id)
	if now := r.clock.nanotime(); pd.rd <= now {
		t.Errorf("read deadline %d is not after now %d", pd.rd, now)
	}
	r.PollSetDeadline(id, -1, 'r'+'w')
	if code := r.PollReset(id, 'w'); code != pollErrTimeout {
		t.Errorf("a passed deadline: PollReset = %d, want %d", code, pollErrTimeout)
	}
	r.PollSetDeadline(id, 0, 'r'+'w')
	if code := r.PollReset(id, 'r'); code != pollNoError {
		t.Errorf("no deadline: PollReset = %d", code)
	}
}

// Settling's accounting of a loopback TCP pair: at rest nothing is
// pending either way (the connect's SYN is in the active end's
// tcpi_bytes_acked, not the passive end's), after writes and a shutdown
// too; what settle waited for is all readable.
func TestSettlePending(t *testing.T) {
	l, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(l)
	if err := syscall.Bind(l, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Listen(l, 1); err != nil {
		t.Fatal(err)
	}
	la, _ := syscall.Getsockname(l)
	c, _ := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	defer syscall.Close(c)
	if err := syscall.Connect(c, la); err != nil {
		t.Fatal(err)
	}
	s, _, err := syscall.Accept(l)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(s)
	r, _ := newTestRuntime(1, 1)
	cpd, spd := &PollDesc{fd: c}, &PollDesc{fd: s}
	spd.tcp.passive = true
	check := func(what string) {
		t.Helper()
		for _, p := range [][2]*PollDesc{{cpd, spd}, {spd, cpd}} {
			pi, _ := getTCPInfo(p[0].fd)
			ti, _ := getTCPInfo(p[1].fd)
			if wire, held := pending(p[0].end(), pi, ti); wire != 0 || held != 0 {
				t.Errorf("%s: %d bytes on the wire, %d held, from fd %d (the passive end: %v)", what, wire, held, p[0].fd, p[0].tcp.passive)
			}
			if r.inflight(p[1], 'r') != settled {
				t.Errorf("%s: in flight to fd %d", what, p[1].fd)
			}
		}
	}
	settled := func(fd, want int) {
		t.Helper()
		if n := inq(fd); int(n) != want {
			t.Errorf("fd %d: %d bytes to read, want %d", fd, n, want)
		}
	}
	r.netpoll.pds = []*PollDesc{nil, cpd, spd}
	check("connected")
	syscall.Write(c, []byte("hello"))
	r.settle(spd, 'r')
	settled(s, 5)
	syscall.Write(s, []byte("abc"))
	r.settle(cpd, 'r')
	settled(c, 3)
	time.Sleep(50 * time.Millisecond) // the ACKs
	check("after writes")
	syscall.Shutdown(c, syscall.SHUT_WR)
	r.settle(spd, 'r')
	if ti, _ := getTCPInfo(s); ti.state == tcpEstablished {
		t.Errorf("settled after the peer's shutdown, the socket is still ESTABLISHED")
	}
	time.Sleep(50 * time.Millisecond)
	check("after a shutdown")
}
