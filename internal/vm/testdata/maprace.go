// Two goroutines write one map without a lock: a data race that gc reports
// as "fatal error: concurrent map writes", and that must never corrupt or
// crash the host.
package main

import "sync"

func main() {
	m := map[int]int{}
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000000; i++ {
				m[i%100] = i
			}
		}()
	}
	wg.Wait()
	println(len(m))
}
