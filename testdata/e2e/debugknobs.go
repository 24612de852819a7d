// runtime/debug's knobs return what was set before, gc's defaults first.
package main

import (
	"fmt"
	"math"
	"runtime/debug"
)

func main() {
	fmt.Println(debug.SetMaxThreads(500), debug.SetMaxThreads(10000))
	fmt.Println(debug.SetPanicOnFault(true), debug.SetPanicOnFault(false))
	fmt.Println(debug.SetMemoryLimit(-1) == math.MaxInt64, debug.SetMemoryLimit(1<<30) == math.MaxInt64, debug.SetMemoryLimit(-1))
	debug.FreeOSMemory()
	fmt.Println("freed")
}
