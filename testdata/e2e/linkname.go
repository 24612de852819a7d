// A pull //go:linkname of a function the standard library gives that
// name (time pushes legacyTimeTimeAbs as time.Time.abs, and names
// absClock itself): goro binds the declaration without a body to it.
package main

import (
	"fmt"
	"time"
	_ "unsafe"
)

//go:linkname timeAbs time.Time.abs
func timeAbs(time.Time) uint64

//go:linkname absClock time.absClock
func absClock(uint64) (hour, min, sec int)

func main() {
	tm := time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)
	fmt.Println(timeAbs(tm))
	fmt.Println(absClock(timeAbs(tm)))
}
