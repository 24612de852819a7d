// pull uses iter.Pull (a coroutine: its goroutine is created blocked), for
// an execution trace (g_test.go).
package main

import (
	"fmt"
	"iter"
)

func main() {
	seq := func(yield func(int) bool) {
		for i := 0; i < 3; i++ {
			if !yield(i) {
				return
			}
		}
	}
	next, stop := iter.Pull(iter.Seq[int](seq))
	defer stop()
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Println(v)
	}
}
