package main

import (
	"fmt"
	"sort"
	"sync"
)

type R struct {
	ID  int
	Val map[string]int
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var out []string
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				s := fmt.Sprintf("%d-%d %+v", i, j, R{i, map[string]int{"x": j, "a": i}})
				mu.Lock()
				out = append(out, s)
				mu.Unlock()
			}
		}(i)
	}
	wg.Wait()
	sort.Strings(out)
	fmt.Println(len(out), out[0], out[len(out)-1])
}
