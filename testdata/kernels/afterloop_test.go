package kernels

import (
	"testing"
	"time"
)

// time.After in a loop: the deadline is made anew on every iteration, so a
// stream of events that never ends keeps it from ever firing.

func drain(events <-chan int, stop chan<- struct{}, fixed bool) int {
	n := 0
	deadline := time.After(50 * time.Millisecond)
	for {
		if !fixed {
			deadline = time.After(50 * time.Millisecond) // bug: restarts the deadline
		}
		select {
		case <-events:
			n++
		case <-deadline:
			close(stop)
			return n
		}
	}
}

func testAfterLoop(t *testing.T, fixed bool) {
	events, stop := make(chan int), make(chan struct{})
	go func() {
		for {
			select {
			case events <- 1:
				time.Sleep(10 * time.Millisecond)
			case <-stop:
				return
			}
		}
	}()
	if n := drain(events, stop, fixed); n == 0 {
		t.Fatal("no events")
	}
}

func TestTimeAfterInLoop(t *testing.T)      { testAfterLoop(t, false) }
func TestTimeAfterInLoopFixed(t *testing.T) { testAfterLoop(t, true) }
