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
