package vm_test

import (
	"bytes"
	"testing"

	"github.com/goro-dev/goro/internal/lib"
	"github.com/goro-dev/goro/internal/load"
	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

// TestStackMovesWhileParked runs a channel- and select-heavy program with
// stack poisoning on: every park moves the parking G's stack and poisons
// the old slots (the rule at the top of rt/stack.go), so a value delivered
// into, or read from, a stack slot across a park would arrive as poison or
// make rt throw.
func TestStackMovesWhileParked(t *testing.T) {
	was := rt.SetPoisonStacks(true)
	defer rt.SetPoisonStacks(was)
	p, err := load.Load(load.Config{Dir: "testdata", IsNative: lib.IsNative, Sealed: lib.Sealed}, []string{"stackmove.go"})
	if err != nil {
		t.Fatal(err)
	}
	for _, procs := range []int{1, 2} {
		var out, errb bytes.Buffer
		m := vm.New(p, vm.Options{GOMAXPROCS: procs, Seed: 1, Stdout: &out, Stderr: &errb, Args: []string{"stackmove"}})
		if code := m.Run(); code != 0 || out.String() != "4501500 4501500 9003000 0\n" {
			t.Errorf("GOMAXPROCS=%d: exit %d, stdout %q, stderr %.2000s", procs, code, out.String(), errb.String())
		}
	}
}
