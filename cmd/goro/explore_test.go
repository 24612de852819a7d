package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The bug kernels (testdata/kernels) under goro test -explore: every bug is
// found and its replay command reproduces it; the fixed versions pass; the
// shards of an exploration cover exactly its seeds. testdata/kernels/
// compare.sh runs the full 1,000 schedules of each and writes the table
// of RESULTS.md.

var (
	goroOnce sync.Once
	goroExe  string
	goroErr  error
)

// goroCmd returns a command running this package's goro (built once) in the
// kernels' directory.
func goroCmd(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	goroOnce.Do(func() {
		dir, err := os.MkdirTemp("", "goro-explore-test-")
		if err != nil {
			goroErr = err
			return
		}
		goroExe = filepath.Join(dir, "goro")
		if out, err := exec.Command("go", "build", "-o", goroExe, ".").CombinedOutput(); err != nil {
			goroErr = &exec.ExitError{Stderr: out}
		}
	})
	if goroErr != nil {
		t.Fatal(goroErr)
	}
	cmd := exec.Command(goroExe, args...)
	cmd.Dir = filepath.Join("..", "..", "testdata", "kernels")
	cmd.Env = append(os.Environ(), "GOFLAGS=")
	return cmd
}

// kernelTests lists the kernels' tests with bugs (fixed: false) or their
// fixed versions.
func kernelTests(t *testing.T, fixed bool) []string {
	out, err := goroCmd(t, "test", "-list", ".", ".").Output()
	if err != nil {
		t.Fatalf("goro test -list: %v\n%s", err, out)
	}
	var names []string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "Test") && strings.HasSuffix(line, "Fixed") == fixed {
			names = append(names, line)
		}
	}
	if len(names) < 25 {
		t.Fatalf("%d kernels, want at least 25:\n%s", len(names), out)
	}
	return names
}

func runPattern(names []string) string { return "^(" + strings.Join(names, "|") + ")$" }

func TestExploreFindsEveryBug(t *testing.T) {
	bugs := kernelTests(t, false)
	out, err := goroCmd(t, "test", "-explore", "1000", "-run", runPattern(bugs), ".").CombinedOutput()
	if err == nil {
		t.Fatalf("exploration of the bugs passed:\n%s", out)
	}
	failed := regexp.MustCompile(`(?m)^--- explore (\w+): schedule \d+ failed \(seed (0x[0-9a-f]+), random\)`)
	replays := regexp.MustCompile(`(?m)^replay: goro test -run '\^(\w+)\$' -seed (0x[0-9a-f]+) \S+$`)
	found := map[string]string{}
	for _, m := range failed.FindAllStringSubmatch(string(out), -1) {
		found[m[1]] = m[2]
	}
	for _, m := range replays.FindAllStringSubmatch(string(out), -1) {
		if found[m[1]] != m[2] {
			t.Errorf("replay command of %s has seed %s, the failure %s", m[1], m[2], found[m[1]])
		}
	}
	for _, name := range bugs {
		if found[name] == "" {
			t.Errorf("%s: bug not found in 1000 schedules", name)
		}
	}
	if t.Failed() {
		t.Logf("output:\n%s", out)
	}
	// Replays reproduce: every bug's replay command fails again; three
	// bugs of different kinds replayed three times print the same.
	for _, name := range bugs {
		n := 1
		if name == "TestABBA" || name == "TestLeakAfterCancel" || name == "TestAddInsideGoroutine" {
			n = 3
		}
		var first string
		for i := range n {
			out, err := goroCmd(t, "test", "-run", "^"+name+"$", "-seed", found[name], ".").CombinedOutput()
			if err == nil {
				t.Fatalf("replay of %s (seed %s) passed:\n%s", name, found[name], out)
			}
			got := regexp.MustCompile(`\d+\.\d+s`).ReplaceAllString(string(out), "T")
			if i == 0 {
				first = got
			} else if got != first {
				t.Errorf("replays of %s differ:\n%s\n---\n%s", name, first, got)
			}
		}
	}
}

func TestExploreFixedPass(t *testing.T) {
	fixed := kernelTests(t, true)
	out, err := goroCmd(t, "test", "-v", "-explore", "10", "-run", runPattern(fixed), ".").CombinedOutput()
	if err != nil {
		t.Fatalf("exploration of the fixed versions failed: %v\n%s", err, out)
	}
	for _, name := range fixed {
		if !strings.Contains(string(out), "--- explore "+name+": 10 schedules (random)") {
			t.Errorf("%s: no report of 10 schedules", name)
		}
	}
}

// TestExploreShards: -shard i/4 over four runs covers exactly the seeds of
// one unsharded run, each once.
func TestExploreShards(t *testing.T) {
	seeds := func(args ...string) []uint64 {
		out, err := goroCmd(t, append([]string{"test", "-json", "-explore", "12", "-run", "^TestABBAFixed$"}, args...)...).Output()
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		var all []uint64
		sc := bufio.NewScanner(strings.NewReader(string(out)))
		for sc.Scan() {
			var ev exploreResult
			if json.Unmarshal(sc.Bytes(), &ev) == nil && ev.Action == "explore" {
				all = append(all, ev.Seeds...)
			}
		}
		return all
	}
	want := seeds(".")
	if len(want) != 12 {
		t.Fatalf("unsharded run: seeds %v, want 12", want)
	}
	var got []uint64
	for i := range 4 {
		got = append(got, seeds("-shard", string(rune('0'+i))+"/4", ".")...)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("shards' seeds %v, want %v", got, want)
	}
}

// TestKernelsDeterministic: the fixed kernels under one seed, twice at
// GOMAXPROCS 1 and 4, print the same (-v: every test's lines), times
// aside. (RESULTS.md records the 20-times run of the bugs' replays.)
func TestKernelsDeterministic(t *testing.T) {
	times := regexp.MustCompile(`\d+\.\d+s`)
	for _, procs := range []string{"1", "4"} {
		var first string
		for i := range 2 {
			cmd := goroCmd(t, "test", "-v", "-seed", "7", "-run", "Fixed$", ".")
			cmd.Env = append(cmd.Env, "GOMAXPROCS="+procs)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("GOMAXPROCS=%s: %v\n%s", procs, err, out)
			}
			got := times.ReplaceAllString(string(out), "T")
			if i == 0 {
				first = got
			} else if got != first {
				t.Errorf("GOMAXPROCS=%s: two runs of seed 7 differ:\n%s\n---\n%s", procs, first, got)
			}
		}
	}
}
