// A heap profile (TestHeapProfileProto): 200 blocks of 64 KiB allocated by
// keep, kept; 200 more by drop, dropped; the profile written as protobuf
// to the file named by the first argument.
package main

import (
	"os"
	"runtime"
	"runtime/pprof"
)

var kept [][]byte

func keep() {
	for range 200 {
		kept = append(kept, make([]byte, 64<<10))
	}
}

var sink []byte

func drop() {
	for range 200 {
		sink = make([]byte, 64<<10)
	}
	sink = nil
}

func main() {
	keep()
	drop()
	runtime.GC()
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		panic(err)
	}
	f.Close()
}
