// runtime.GoroutineProfile (every goroutine's stack, resolvable by
// CallersFrames) and MemProfileRecord's methods.
package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
)

func main() {
	block := make(chan bool)
	var started sync.WaitGroup
	for i := 0; i < 3; i++ {
		started.Add(1)
		go func() { started.Done(); <-block }()
	}
	started.Wait() // each has a frame of main's (an unstarted one has none yet)
	n, ok := runtime.GoroutineProfile(nil)
	fmt.Println(n >= 4, ok)
	p := make([]runtime.StackRecord, n+10)
	n, ok = runtime.GoroutineProfile(p)
	fmt.Println(n >= 4, ok)
	mains := 0
	for _, r := range p[:n] {
		frames := runtime.CallersFrames(r.Stack())
		for {
			f, more := frames.Next()
			if strings.HasPrefix(f.Function, "main.") {
				mains++
				break
			}
			if !more {
				break
			}
		}
	}
	fmt.Println(mains >= 4)
	m := runtime.MemProfileRecord{AllocBytes: 100, FreeBytes: 40, AllocObjects: 5, FreeObjects: 2}
	m.Stack0[0] = 1
	fmt.Println(m.InUseBytes(), m.InUseObjects(), len(m.Stack()))
	close(block)
}
