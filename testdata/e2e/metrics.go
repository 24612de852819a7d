// runtime/metrics as the scheduler sees it: goroutine counts by state and
// goroutines created (as differences: gc also counts its own system
// goroutines), gomaxprocs, the runnable-to-running latency histogram in
// gc's buckets, the time spent waiting on a contended sync.Mutex, and an
// unknown name. Memory metrics exist and are non-zero.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
)

var names = []string{
	"/sched/goroutines:goroutines",
	"/sched/goroutines-created:goroutines",
	"/sched/goroutines/waiting:goroutines",
	"/sched/goroutines/running:goroutines",
	"/sched/gomaxprocs:threads",
	"/sched/latencies:seconds",
	"/sync/mutex/wait/total:seconds",
	"/memory/classes/total:bytes",
	"/gc/heap/allocs:bytes",
	"/no/such/metric:things",
}

func read() []metrics.Sample {
	s := make([]metrics.Sample, len(names))
	for i := range s {
		s[i].Name = names[i]
	}
	metrics.Read(s)
	return s
}

func main() {
	debug.SetGCPercent(-1) // no collection starts gc's mark workers midway
	runtime.GOMAXPROCS(2)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				mu.Lock()
				runtime.Gosched()
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	// One wait on the mutex for certain: a goroutine blocks in Lock until
	// main, which holds it, sees it blocked.
	mu.Lock()
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		mu.Unlock()
	}()
	sbuf := make([]byte, 1<<16)
	for !strings.Contains(string(sbuf[:runtime.Stack(sbuf, true)]), "[sync.Mutex.Lock]") {
		runtime.Gosched()
	}
	mu.Unlock()
	wg.Wait()

	before := read()
	ch := make(chan int)
	for range 3 {
		go func() { <-ch }()
	}
	buf := make([]byte, 1<<16)
	for strings.Count(string(buf[:runtime.Stack(buf, true)]), "[chan receive]") < 3 {
		runtime.Gosched()
	}
	after := read()
	for i, s := range after {
		switch s.Value.Kind() {
		case metrics.KindUint64:
			switch {
			case strings.HasPrefix(s.Name, "/sched/goroutines"):
				fmt.Println(s.Name, "+", s.Value.Uint64()-before[i].Value.Uint64())
			case strings.HasPrefix(s.Name, "/sched/"):
				fmt.Println(s.Name, s.Value.Uint64())
			default:
				fmt.Println(s.Name, s.Value.Uint64() > 0)
			}
		case metrics.KindFloat64:
			fmt.Println(s.Name, s.Value.Float64() > 0)
		case metrics.KindFloat64Histogram:
			h := s.Value.Float64Histogram()
			var n uint64
			for _, c := range h.Counts {
				n += c
			}
			fmt.Println(s.Name, len(h.Buckets), h.Buckets[1], h.Buckets[len(h.Buckets)-2], n > 0)
		case metrics.KindBad:
			fmt.Println(s.Name, "KindBad")
		}
	}
	close(ch)
	all := metrics.All()
	fmt.Println(len(all) > 80, all[0].Name)
}
