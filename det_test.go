package goro_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/goro-dev/goro"
)

// TestDeterministic runs the e2e programs under a deterministic schedule
// twice with the same seed, at GOMAXPROCS 1 (random) and 4 (pct): stdout,
// stderr, exit code and the interleaving (Schedule.Hash) must be the same. A program
// whose run waits on the host (a child process, a signal) says so through
// Schedule.Note and is not compared; hostInput lists the programs whose
// path depends on what the host hands them. (DESIGN.md records a 20-times
// run of all of them.)
func TestDeterministic(t *testing.T) {
	dir, files := e2ePrograms(t)
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".go")
		t.Run(name, func(t *testing.T) {
			if why := hostInput[name]; why != "" {
				t.Skip(why)
			}
			if src, err := os.ReadFile(file); err != nil {
				t.Fatal(err)
			} else if !*detAll && !concurrent.Match(src) {
				t.Skip("sequential (-goro.detall runs it)")
			} else if processState.Match(src) {
				// In-process runs side by side share the process's
				// working directory and environment.
				t.Skip("changes the process's working directory or environment")
			}
			t.Parallel()
			prog, err := goro.Load(goro.Config{Dir: dir, Env: goroEnv("GOFLAGS=")}, name+".go")
			if err != nil {
				t.Skip("does not build (a compile-error program)")
			}
			if err := prog.Compile(); err != nil {
				t.Fatal(err)
			}
			h := fnv.New64a()
			h.Write([]byte(name))
			seed := h.Sum64()
			for _, procs := range []int{1, 4} {
				strategy := "random"
				if procs == 4 {
					strategy = "pct"
				}
				var first string
				for i := range *detRuns {
					got, host := runDet(t, prog, name, seed, procs, strategy)
					if host {
						t.Skip("waits on the host: not reproducible by design")
					}
					if i == 0 {
						first = got
					} else if got != first {
						t.Fatalf("GOMAXPROCS=%d %s seed %#x: two runs differ:\n%s", procs, strategy, seed, lineDiff(first, got))
					}
				}
			}
		})
	}
}

var (
	detRuns = flag.Int("goro.detruns", 2, "TestDeterministic: runs of each program at each GOMAXPROCS")
	detAll  = flag.Bool("goro.detall", false, "TestDeterministic: every e2e program, not only those with goroutines, channels, sync or timers")
)

// concurrent matches the programs whose schedule can show: by default
// TestDeterministic runs only those (a fifth of the e2e programs), to keep
// the package's tests inside go test's 10 minutes.
var concurrent = regexp.MustCompile(`go func|go [a-zA-Z_.]+\(|chan |time\.|sync\.|select`)

// hostInput lists e2e programs whose run depends on data from the host,
// which a seed does not fix: the same seed and the same inputs give the
// same run, these programs' inputs differ from run to run.
var hostInput = map[string]string{
	"syncmap_many": "reads the host heap's statistics (runtime.ReadMemStats)",
}

var processState = regexp.MustCompile(`\b(Chdir|Setenv|Unsetenv|Clearenv)\(`)

// runDet runs prog under the schedule of seed and returns everything
// observable about the run, and whether the host's timing entered it.
func runDet(t *testing.T, prog *goro.Program, name string, seed uint64, procs int, strategy string) (string, bool) {
	var out, errb bytes.Buffer
	host := false
	s := &goro.Schedule{Strategy: strategy, Steps: 200, Note: func(string) { host = true }}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	code, err := prog.Run(goro.RunOptions{Args: []string{name}, Stdout: &out, Stderr: &errb, GOMAXPROCS: procs, Seed: seed, Schedule: s, Context: ctx})
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	return fmt.Sprintf("exit %d, %d picks, %d sync points, hash %#x\n--- stdout\n%s--- stderr\n%s", code, s.Picks, s.SyncPoints, s.Hash, out.String(), errb.String()), host
}
