package goro_test

// Profiles goro writes, read by Go's own tools (issue 12).

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestGoroutineProfileProto runs a program that writes its goroutine
// profile as protobuf (pprof.Lookup("goroutine").WriteTo(f, 0)) and reads
// it with `go tool pprof`: every goroutine counted, the workers' stacks
// and their labels there.
func TestGoroutineProfileProto(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "profile"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "goroutine.pb.gz")
	res := runGoro(t, dir, 2*time.Minute, goroEnv("GOFLAGS="), true, "goroutine.go", out)
	if res.err != nil || res.exitCode != 0 {
		t.Fatalf("goro run goroutine.go: exit %d, %v\n%s", res.exitCode, res.err, res.stdout)
	}
	pprof := func(args ...string) string {
		cmd := exec.Command("go", append([]string{"tool", "pprof"}, append(args, out)...)...)
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go tool pprof %s: %v\n%s", strings.Join(args, " "), err, b)
		}
		return string(b)
	}
	top := pprof("-top")
	for _, want := range []string{
		"Type: goroutine",
		"of 6 total",
		"5 83.33% 83.33%          5 83.33%  main.worker",
		"1 16.67%   100%          1 16.67%  runtime/pprof.writeRuntimeProfile",
		"0     0%   100%          1 16.67%  main.main",
	} {
		if !strings.Contains(top, want) {
			t.Errorf("go tool pprof -top: no %q in\n%s", want, top)
		}
	}
	if tags := pprof("-tags"); !strings.Contains(tags, "role: Total 3 of 6") || !strings.Contains(tags, "3 (50.00%): worker") {
		t.Errorf("go tool pprof -tags: want role=worker on 3 goroutines:\n%s", tags)
	}
}
