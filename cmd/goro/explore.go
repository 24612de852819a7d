package main

// goro test -explore N: each selected test under up to N deterministic
// schedules (rt/det.go), until one fails.
//
// The schedules of a test are numbered 0..N-1; schedule i runs under the
// seed base+i (base: -seed, else 1) and the strategy -strategy says
// (random, or pct with -pct-depth d and the number of synchronisation
// points a run of the test passes, measured by one run first). -shard i/n
// runs only the schedules whose number is i mod n, so n runs side by side
// cover exactly the seeds of one. Each schedule is a run of the test binary
// with -test.run=^Test$ from the compiled program (goro.Program.Compile),
// judged by its exit code — a failed test, a panic, a deadlock, a timeout
// (at once: time is virtual) — and by the goroutines it leaves blocked
// (Schedule.Leaks). At a test's first failing schedule exploration of it
// stops: the failure is printed with the seed and the one command that
// replays it. On a terminal, progress goes to stderr as it runs; with
// -json, one event per test goes to stdout.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/goro-dev/goro"
)

// exploreResult is a test's exploration, as -json reports it.
type exploreResult struct {
	Time          time.Time
	Action        string // "explore"
	Package       string
	Test          string
	Strategy      string
	Schedules     int      // run
	Interleavings int      // distinct
	Failed        bool     `json:",omitempty"`
	Seed          *uint64  `json:",omitempty"` // of the failing schedule
	Replay        string   `json:",omitempty"` // the command that replays it
	Output        string   `json:",omitempty"` // what the failing schedule printed
	Seeds         []uint64 // of the schedules run, in order
	Elapsed       float64
}

// explore explores the selected tests of p's test binary and returns the
// binary's exit code as one run would: 0 if every schedule passed, else 1.
func explore(c *testCommand, p goro.Package, prog *goro.Program, out io.Writer, kill time.Duration) int {
	if err := prog.Compile(); err != nil {
		fmt.Fprintf(out, "goro: %v\n", err)
		return 1
	}
	names, err := listTests(c, p, prog)
	if err != nil {
		fmt.Fprintf(out, "goro: listing the tests: %v\n", err)
		return 1
	}
	if len(names) == 0 {
		fmt.Fprintln(out, "testing: warning: no tests to run")
		return 0
	}
	code, failures := 0, 0
	for _, name := range names {
		if !exploreTest(c, p, prog, name, out, kill, failures) {
			code = 1
			failures++
			if c.failfast {
				break
			}
		}
	}
	if code == 0 && !c.json {
		fmt.Fprintln(out, "PASS")
	}
	return code
}

// baseArgs are the test binary's arguments for one test: the command
// line's, less what selects tests and how their output is framed.
func baseArgs(c *testCommand, name string) []string {
	args := []string{}
	for _, a := range c.args {
		f, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch f {
		case "test.run", "test.list", "test.count", "test.bench", "test.v":
			continue
		}
		args = append(args, a)
	}
	// Nothing the replay command would not pass: even -test.count=1 runs
	// other code in testing than no -count, and so another schedule.
	return append(args, "-test.run=^"+regexp.QuoteMeta(name)+"$")
}

// listTests lists the tests, examples and fuzz targets -run selects.
func listTests(c *testCommand, p goro.Package, prog *goro.Program) ([]string, error) {
	pattern := c.run
	if pattern == "" {
		pattern = "."
	}
	var buf bytes.Buffer
	code, err := prog.Run(goro.RunOptions{
		Args:   []string{path.Base(p.ImportPath) + ".test", "-test.list=" + pattern},
		Stdout: &buf, Stderr: &buf, GOMAXPROCS: gomaxprocs(), Seed: 1,
	})
	if err != nil || code != 0 {
		return nil, fmt.Errorf("exit %d %v\n%s", code, err, buf.Bytes())
	}
	var names []string
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(line, "Test") || strings.HasPrefix(line, "Example") || strings.HasPrefix(line, "Fuzz") {
			names = append(names, line)
		}
	}
	return names, nil
}

// runOnce runs one test under one schedule and returns what it printed
// (and the goroutines it leaked) and whether it passed.
func runOnce(c *testCommand, p goro.Package, prog *goro.Program, name string, sched *goro.Schedule, seed uint64, kill time.Duration) ([]byte, bool) {
	var buf, leaks bytes.Buffer
	lw := &lockedWriter{w: &buf}
	sched.Leaks = &leaks
	ctx, cancel := context.Background(), func() {}
	if kill > 0 {
		ctx, cancel = context.WithTimeout(ctx, kill)
	}
	defer cancel()
	code, err := prog.Run(goro.RunOptions{
		Args:       append([]string{path.Base(p.ImportPath) + ".test"}, baseArgs(c, name)...),
		Stdout:     lw,
		Stderr:     lw,
		GOMAXPROCS: gomaxprocs(),
		Seed:       seed,
		Context:    ctx,
		Schedule:   sched,
	})
	if err != nil {
		fmt.Fprintf(lw, "goro: %v\n", err)
		return buf.Bytes(), false
	}
	if sched.Leaked > 0 && code == 0 { // after a failure, blocked goroutines are no news
		reportLeaks(lw, sched.Leaked, leaks.Bytes())
		return buf.Bytes(), false
	}
	return buf.Bytes(), code == 0
}

// reportLeaks prints the goroutines a run left blocked.
func reportLeaks(w io.Writer, n int, stacks []byte) {
	s := "s"
	if n == 1 {
		s = ""
	}
	fmt.Fprintf(w, "goroutine leak: %d goroutine%s blocked forever when the test binary ended\n\n%s", n, s, stacks)
}

// exploreTest explores one test and reports whether every schedule passed;
// failures is how many of the package's tests failed before it.
func exploreTest(c *testCommand, p goro.Package, prog *goro.Program, name string, out io.Writer, kill time.Duration, failures int) bool {
	t0 := time.Now()
	base := uint64(1)
	if c.sched.seedSet {
		base = c.sched.seed
	}
	strategy := c.sched.strategy
	var steps int64
	if strategy == "pct" {
		// pct spreads its change points over the synchronisation points
		// of a run: count them on one run first.
		probe := &goro.Schedule{}
		runOnce(c, p, prog, name, probe, base, kill)
		steps = max(probe.SyncPoints, 1)
	}
	res := exploreResult{Action: "explore", Package: p.ImportPath, Test: name, Strategy: strategy, Seeds: []uint64{}}
	hashes := map[uint64]bool{}
	progress := newProgress(c, name)
	for i := c.shard[0]; i < c.explore; i += c.shard[1] {
		seed := base + uint64(i)
		sched := &goro.Schedule{Strategy: strategy, Depth: c.sched.depth, Steps: steps}
		output, ok := runOnce(c, p, prog, name, sched, seed, kill)
		res.Schedules++
		res.Seeds = append(res.Seeds, seed)
		hashes[sched.Hash] = true
		res.Interleavings = len(hashes)
		progress.update(res.Schedules, res.Interleavings, failures, time.Since(t0))
		if ok {
			continue
		}
		progress.clear()
		res.Failed, res.Seed = true, &seed
		res.Replay = replayCommand(c, p, name, seed, strategy, steps)
		if !c.json {
			fmt.Fprintf(out, "--- explore %s: schedule %d failed (seed %#x, %s), after %d schedules\n", name, i, seed, strategy, res.Schedules)
			out.Write(output)
			if len(output) > 0 && output[len(output)-1] != '\n' {
				fmt.Fprintln(out)
			}
			fmt.Fprintf(out, "replay: %s\n", res.Replay)
		} else {
			res.Output = string(output)
		}
		break
	}
	progress.clear()
	res.Elapsed = time.Since(t0).Seconds()
	res.Time = time.Now()
	if c.json {
		b, _ := json.Marshal(res)
		fmt.Fprintf(os.Stdout, "%s\n", b)
	} else if !res.Failed {
		fmt.Fprintf(out, "--- explore %s: %d schedules (%s), %d interleavings, no failure (%.2fs)\n", name, res.Schedules, strategy, res.Interleavings, res.Elapsed)
	}
	return !res.Failed
}

// replayCommand is the goro test command that runs name under the one
// schedule of seed.
func replayCommand(c *testCommand, p goro.Package, name string, seed uint64, strategy string, steps int64) string {
	cmd := fmt.Sprintf("goro test -run '^%s$' -seed %#x", regexp.QuoteMeta(name), seed)
	if strategy == "pct" {
		cmd += fmt.Sprintf(" -strategy pct -pct-depth %d -pct-steps %d", c.sched.depth, steps)
	}
	for _, a := range baseArgs(c, name) {
		f, v, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch f {
		case "test.run", "test.count", "test.paniconexit0":
			continue
		case "test.timeout":
			if v == c.timeout.String() && c.timeout == 10*time.Minute {
				continue
			}
		}
		cmd += " " + shellQuote("-"+strings.TrimPrefix(f, "test.")+"="+v)
	}
	if procs := os.Getenv("GOMAXPROCS"); procs != "" {
		cmd = "GOMAXPROCS=" + procs + " " + cmd
	}
	return cmd + " " + p.ImportPath
}

func shellQuote(s string) string {
	if strings.ContainsAny(s, " '\"$`\\*?[]#~!&;|<>(){}") {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}

// progress shows an exploration's progress on a terminal (stderr).
type progress struct {
	name string
	on   bool
	last time.Time
}

func newProgress(c *testCommand, name string) *progress {
	fi, err := os.Stderr.Stat()
	return &progress{name: name, on: !c.json && err == nil && fi.Mode()&os.ModeCharDevice != 0}
}

func (p *progress) update(n, interleavings, failures int, elapsed time.Duration) {
	if !p.on || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(os.Stderr, "\r\033[K%s: %d schedules, %.0f/s, %d interleavings; %d tests failed so far", p.name, n, float64(n)/elapsed.Seconds(), interleavings, failures)
}

func (p *progress) clear() {
	if p.on && !p.last.IsZero() {
		fmt.Fprint(os.Stderr, "\r\033[K")
		p.last = time.Time{}
	}
}
