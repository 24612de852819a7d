package kernels

import "testing"

// Missed notification: the worker signals completion with a non-blocking
// send, which is lost if the waiter is not yet receiving.

func runAndWait(buf int) {
	done := make(chan struct{}, buf)
	go func() {
		select {
		case done <- struct{}{}:
		default: // bug (unbuffered): nobody listening yet, the signal is dropped
		}
	}()
	<-done
}

func TestMissedNotify(t *testing.T)      { runAndWait(0) }
func TestMissedNotifyFixed(t *testing.T) { runAndWait(1) }
