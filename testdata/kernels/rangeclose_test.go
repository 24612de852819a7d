package kernels

import (
	"sync"
	"testing"
)

// Range over a channel nobody closes: the consumer goroutine ranges over
// the jobs channel and the producer forgets to close it after the last job.

func consume(jobs []int, closeIt bool) int {
	ch := make(chan int)
	var mu sync.Mutex
	got := 0
	go func() {
		for j := range ch { // bug (no close): waits after the last job forever
			mu.Lock()
			got += j
			mu.Unlock()
		}
	}()
	for _, j := range jobs {
		ch <- j
	}
	if closeIt {
		close(ch)
	}
	mu.Lock()
	defer mu.Unlock()
	return got
}

func TestRangeWithoutClose(t *testing.T)      { consume([]int{1, 2}, false) }
func TestRangeWithoutCloseFixed(t *testing.T) { consume([]int{1, 2}, true) }
