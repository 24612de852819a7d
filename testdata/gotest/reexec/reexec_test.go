// Package reexec's test runs its own test binary again, as many of the
// standard library's do (os/exec of os.Executable or os.Args[0] with
// -test.run): under goro test the binary is a script that runs it again.
package reexec

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestChild(t *testing.T) {
	if os.Getenv("REEXEC_CHILD") == "" {
		t.Skip("only as a child")
	}
	os.Stdout.WriteString("child says hello\n")
	os.Exit(7)
}

func TestParent(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, bin := range []string{exe, os.Args[0]} {
		cmd := exec.Command(bin, "-test.run=^TestChild$")
		cmd.Env = append(os.Environ(), "REEXEC_CHILD=1")
		out, err := cmd.Output()
		if got := cmd.ProcessState.ExitCode(); got != 7 {
			t.Errorf("child: exit %d (%v), want 7", got, err)
		}
		if !strings.Contains(string(out), "child says hello") {
			t.Errorf("child's output: %q", out)
		}
	}
}
