// runtime/debug.ReadGCStats: the collector's figures, quantiles included.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"time"
)

func main() {
	runtime.GC()
	var s debug.GCStats
	s.PauseQuantiles = make([]time.Duration, 5)
	debug.ReadGCStats(&s)
	fmt.Println(s.NumGC > 0, !s.LastGC.IsZero(), len(s.Pause) > 0, len(s.PauseEnd) == len(s.Pause), s.PauseQuantiles[4] >= s.PauseQuantiles[0], s.PauseTotal > 0)
}
