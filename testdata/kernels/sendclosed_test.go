package kernels

import (
	"sync"
	"testing"
)

// Send on a closed channel: the collector closes the results channel when
// the first batch of workers is done, but a late worker still sends.

func collect(n int, fixed bool) int {
	results := make(chan int, n)
	var first, all sync.WaitGroup
	for i := range n {
		all.Add(1)
		if i < n-1 {
			first.Add(1)
		}
		go func() {
			defer all.Done()
			if i < n-1 {
				defer first.Done()
			}
			results <- i
		}()
	}
	if fixed {
		all.Wait()
	} else {
		first.Wait() // bug: the last worker may not have sent yet
	}
	close(results)
	sum := 0
	for v := range results {
		sum += v
	}
	all.Wait()
	return sum
}

func TestSendOnClosed(t *testing.T)      { collect(3, false) }
func TestSendOnClosedFixed(t *testing.T) { collect(3, true) }
