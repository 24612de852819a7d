package kernels

import "testing"

// Results channel too small for its senders: the first answer wins and the
// caller returns; the other replicas block forever on a full channel.

func firstReply(replicas int, buf int) int {
	ch := make(chan int, buf)
	for i := range replicas {
		go func() { ch <- i }()
	}
	return <-ch
}

func TestResultsChanTooSmall(t *testing.T)      { firstReply(3, 1) } // bug: room for one
func TestResultsChanTooSmallFixed(t *testing.T) { firstReply(3, 3) }
