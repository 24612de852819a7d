// pipeline is the classic Go concurrency pattern: a generator feeds a
// squaring stage, work fans out to four workers and fans back in, and a done
// channel lets the consumer stop early without leaking goroutines.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func generate(done <-chan struct{}, nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			select {
			case out <- n:
			case <-done:
				return
			}
		}
	}()
	return out
}

func square(done <-chan struct{}, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			select {
			case out <- n * n:
			case <-done:
				return
			}
		}
	}()
	return out
}

type result struct {
	worker int
	input  int
	output int
}

// process is a worker: it classifies each square and tags it with its id.
func process(done <-chan struct{}, id int, in <-chan int) <-chan result {
	out := make(chan result)
	go func() {
		defer close(out)
		for n := range in {
			r := result{worker: id, input: n, output: n%7 + n/10}
			select {
			case out <- r:
			case <-done:
				return
			}
		}
	}()
	return out
}

func merge(done <-chan struct{}, cs ...<-chan result) <-chan result {
	var wg sync.WaitGroup
	out := make(chan result)
	wg.Add(len(cs))
	for _, c := range cs {
		go func(c <-chan result) {
			defer wg.Done()
			for r := range c {
				select {
				case out <- r:
				case <-done:
					return
				}
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	nums := make([]int, 0, 30)
	for i := 1; i <= 30; i++ {
		nums = append(nums, i)
	}

	// Full run: collect everything, then sort for deterministic output.
	done := make(chan struct{})
	squares := square(done, generate(done, nums...))
	workers := make([]<-chan result, 4)
	for i := range workers {
		workers[i] = process(done, i, squares)
	}
	var results []result
	perWorker := make([]int, 4)
	for r := range merge(done, workers...) {
		results = append(results, r)
		perWorker[r.worker]++
	}
	close(done)
	sort.Slice(results, func(i, j int) bool { return results[i].input < results[j].input })

	sumSquares, sumOut := 0, 0
	for i, r := range results {
		sumSquares += r.input
		sumOut += r.output
		if i < 8 || i >= len(results)-2 {
			fmt.Printf("square %4d -> %3d\n", r.input, r.output)
		} else if i == 8 {
			fmt.Println("...")
		}
	}
	total := 0
	for _, c := range perWorker {
		total += c
	}
	fmt.Println("results:", len(results), "work items counted:", total)
	fmt.Println("sum of squares:", sumSquares, "expected:", 30*31*61/6)
	fmt.Println("sum of outputs:", sumOut)

	// Early stop: take the first 5 squares in generation order, then cancel.
	done2 := make(chan struct{})
	sq := square(done2, generate(done2, nums...))
	var first []int
	for n := range sq {
		first = append(first, n)
		if len(first) == 5 {
			break
		}
	}
	close(done2)
	// Draining after close must terminate: the stages observe done and exit.
	for range sq {
	}
	fmt.Println("first five squares:", first)
}
