// A pull //go:linkname of a function the standard library gives that
// name (time pushes legacyTimeTimeAbs as time.Time.abs, and names
// absClock itself): goro binds the declaration without a body to it. And
// a push within the main package, which gc's linker spells main.
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

//go:linkname impl main.hidden
func impl(a, b int) int { return a*b + 2 }

//go:linkname hidden
func hidden(a, b int) int

func main() {
	fmt.Println(hidden(4, 10), impl(2, 0))
	tm := time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)
	fmt.Println(timeAbs(tm))
	fmt.Println(absClock(timeAbs(tm)))
}
