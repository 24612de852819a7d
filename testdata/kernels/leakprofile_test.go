//go:build goexperiment.goroutineleakprofile

package kernels

import (
	"fmt"
	"os"
	"runtime/pprof"
	"testing"
	"time"
)

// With GOEXPERIMENT=goroutineleakprofile (Go 1.26), the test binary ends by
// printing Go's goroutine leak profile and fails if it is not empty: the
// "leak profile" column of RESULTS.md.
func TestMain(m *testing.M) {
	code := m.Run()
	time.Sleep(100 * time.Millisecond) // let the tests' goroutines block
	p := pprof.Lookup("goroutineleak")
	p.WriteTo(os.Stderr, 2)
	if n := p.Count(); n > 0 {
		fmt.Fprintf(os.Stderr, "goroutineleak: %d leaked\n", n)
		code = 1
	}
	os.Exit(code)
}
