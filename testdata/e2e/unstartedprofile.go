//e2e:env GOMAXPROCS=1

// A goroutine profile taken before the goroutines a program started have
// run (one P, main never yields): gc shows the function a go statement
// starts, but not the gowrapN wrapper a call with arguments runs through
// (only runtime.goexit, which the text form does not print).
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"sort"
	"strings"
)

func work(x int) { select {} }

func main() {
	go work(1)
	go func() { select {} }()
	var b bytes.Buffer
	pprof.Lookup("goroutine").WriteTo(&b, 1)
	var records []string
	for _, line := range strings.Split(b.String(), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) >= 2 && f[1] == "@":
			records = append(records, "record:")
		case len(f) >= 3 && f[0] == "#":
			records[len(records)-1] += " " + f[2][:strings.LastIndex(f[2], "+")]
		}
	}
	sort.Strings(records)
	fmt.Println(strings.Join(records, "\n"))
}
