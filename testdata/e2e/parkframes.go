// Goroutines parked inside the runtime show, innermost, the runtime
// function gc parks them in — sync.runtime_SemacquireMutex,
// sync.runtime_SemacquireWaitGroup, time.Sleep, sync.runtime_notifyListWait
// — at its line of gc's runtime source.
//
//e2e:env GOTRACEBACK=all
package main

import (
	"runtime"
	"strings"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { mu.Lock() }()
	go func() { wg.Wait() }()
	go func() { time.Sleep(time.Hour) }()
	go func() { select {} }()
	go func() { c := sync.NewCond(&sync.Mutex{}); c.L.Lock(); c.Wait() }()
	var rw sync.RWMutex
	rw.Lock()
	go func() { rw.RLock() }()
	buf := make([]byte, 1<<16)
	for {
		s := string(buf[:runtime.Stack(buf, true)])
		n := 0
		for _, w := range []string{"[sync.Mutex.Lock]", "[sync.WaitGroup.Wait]", "[sleep]", "[select (no cases)]", "[sync.Cond.Wait]", "[sync.RWMutex.RLock]"} {
			if strings.Contains(s, w) {
				n++
			}
		}
		if n == 6 {
			break
		}
		runtime.Gosched()
	}
	panic("stop")
}
