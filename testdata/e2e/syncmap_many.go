// Many short-lived sync.Maps: each one's entries go with it (goro keeps them beside the map's cell, weakly).
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	total := 0
	for i := range 20000 {
		var m sync.Map
		m.Store("k", make([]byte, 1024))
		m.Store(i, i)
		v, _ := m.Load(i)
		total += v.(int)
		if i%5000 == 0 {
			runtime.GC()
		}
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Println(total, ms.HeapAlloc < 200<<20)
}
