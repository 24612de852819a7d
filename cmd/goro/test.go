// goro test: a package's tests on goro, as go test runs them.
//
// The command line is go test's: flags before and after the packages,
// the test binary's flags forwarded as -test.NAME=VALUE (unknown flags
// too, as go test forwards them), -args passing the rest verbatim. Each
// package with test files is loaded as go test builds its test binary
// (goro.Config.Test: the package with its tests, its external test package
// and go test's generated main) and run in the package's directory with
// stdout and stderr as one stream. What is printed around the binary's
// output is go test's: "ok  \tpkg\t0.123s", "FAIL\tpkg\t0.123s",
// "?   \tpkg\t[no test files]", "FAIL\tpkg [build failed]" after the
// compile errors, a last "FAIL" when packages were named and one failed;
// in local directory mode (no packages named) the output streams and an
// exit status is printed after a failure without output of its own. The
// exit code is go test's: 1 when a package failed, else 0. With -json each
// package's stream goes through go's own converter, go tool test2json.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/goro-dev/goro"
)

// testFlag is a flag of go test: forwarded to the test binary, or go
// test's own.
type testFlag struct {
	bool    bool // takes no value (-v, -short); "=false" may be given
	forward bool // passed to the test binary as -test.NAME=VALUE
	// unsupported names why goro test refuses the flag ("" if it does not).
	unsupported string
	goro        bool // goro test's own (schedules and exploration), never forwarded
}

var testFlags = map[string]testFlag{
	"bench":            {forward: true},
	"benchmem":         {bool: true, forward: true},
	"benchtime":        {forward: true},
	"count":            {forward: true},
	"cpu":              {forward: true},
	"failfast":         {bool: true, forward: true},
	"fullpath":         {bool: true, forward: true},
	"list":             {forward: true},
	"parallel":         {forward: true},
	"run":              {forward: true},
	"short":            {bool: true, forward: true},
	"shuffle":          {forward: true},
	"skip":             {forward: true},
	"timeout":          {forward: true},
	"v":                {bool: true, forward: true},
	"fuzztime":         {forward: true},
	"fuzzminimizetime": {forward: true},

	"json":                 {bool: true},
	"seed":                 {goro: true},
	"strategy":             {goro: true},
	"pct-depth":            {goro: true},
	"pct-steps":            {goro: true},
	"schedtrace":           {goro: true},
	"explore":              {goro: true},
	"shard":                {goro: true},
	"fuzz":                 {unsupported: "fuzzing (-fuzz) is not supported yet; the seed corpus runs as tests"},
	"cover":                {bool: true, unsupported: "coverage (-cover) is not supported yet"},
	"covermode":            {unsupported: "coverage (-covermode) is not supported yet"},
	"coverpkg":             {unsupported: "coverage (-coverpkg) is not supported yet"},
	"coverprofile":         {unsupported: "coverage (-coverprofile) is not supported yet"},
	"cpuprofile":           {unsupported: "profiles (-cpuprofile) are not supported yet"},
	"memprofile":           {forward: true},
	"memprofilerate":       {forward: true},
	"blockprofile":         {unsupported: "profiles (-blockprofile) are not supported yet"},
	"blockprofilerate":     {unsupported: "profiles (-blockprofilerate) are not supported yet"},
	"mutexprofile":         {unsupported: "profiles (-mutexprofile) are not supported yet"},
	"mutexprofilefraction": {unsupported: "profiles (-mutexprofilefraction) are not supported yet"},
	"trace":                {forward: true},
	"outputdir":            {unsupported: "-outputdir is not supported yet"},
	"artifacts":            {bool: true, unsupported: "-artifacts is not supported yet"},
	"c":                    {bool: true, unsupported: "goro builds no test binary (-c)"},
	"o":                    {unsupported: "goro builds no test binary (-o)"},
	"exec":                 {unsupported: "goro runs the test itself (-exec)"},
	"race":                 {bool: true, unsupported: "the race detector (-race) is not supported"},
	"msan":                 {bool: true, unsupported: "-msan is not supported"},
	"asan":                 {bool: true, unsupported: "-asan is not supported"},
	"vet":                  {unsupported: "goro test runs no vet checks yet (-vet)"},
	"tags":                 {unsupported: "-tags is not supported yet; set GOFLAGS=-tags=..."},
}

// testQuit is the process's SIGQUIT, relayed to each test binary in turn
// (one channel for the whole command).
var testQuit = sync.OnceValue(quitSignals)

// testCommand is goro test's command line, parsed.
type testCommand struct {
	pkgs    []string // as named (none: local directory mode)
	args    []string // for the test binary, -test.NAME=VALUE and the rest
	timeout time.Duration
	verbose bool // -v or -list: a passing package's output is shown
	bench   bool // -bench: output streams
	json    bool // -json: go test's events (test2json's)

	sched    schedFlags // -seed and friends: a deterministic schedule (sched.go)
	explore  int        // -explore N: each test under up to N schedules (explore.go)
	shard    [2]int     // -shard i/n: the seeds of the exploration whose index is i mod n
	run      string     // -run's value ("" if not given)
	failfast bool
	profile  string // the flag of a file the test binary writes (-trace, -memprofile): one package only
}

// parseTestArgs parses go test's command line (cmd/go's testFlags).
func parseTestArgs(args []string) (*testCommand, error) {
	c := &testCommand{timeout: 10 * time.Minute, shard: [2]int{0, 1}}
	sfs := flag.NewFlagSet("test", flag.ContinueOnError)
	sfs.SetOutput(io.Discard)
	c.sched.register(sfs)
	timeoutSet := false
	var explicit []string
	inPkgs, pkgsDone, afterBareFlag := false, false, false
	for len(args) > 0 {
		arg := args[0]
		if arg == "--" {
			explicit = append(explicit, args...)
			break
		}
		if !strings.HasPrefix(arg, "-") || arg == "-" {
			if pkgsDone && !inPkgs {
				if afterBareFlag {
					// Perhaps the value of an unknown flag before it.
					explicit = append(explicit, arg)
					args = args[1:]
					afterBareFlag = false
					continue
				}
				explicit = append(explicit, args...)
				break
			}
			inPkgs, pkgsDone = true, true
			c.pkgs = append(c.pkgs, arg)
			args = args[1:]
			continue
		}
		inPkgs, afterBareFlag = false, false
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if name == "args" {
			explicit = append(explicit, args[1:]...)
			break
		}
		short := strings.TrimPrefix(name, "test.")
		f, known := testFlags[short]
		if name == "json" {
			c.json = value != "false"
			args = args[1:]
			continue
		}
		if !known {
			// Forwarded as it is, as go test does; what follows may be
			// its value.
			pkgsDone = true
			explicit = append(explicit, arg)
			afterBareFlag = !hasValue
			args = args[1:]
			continue
		}
		args = args[1:]
		if !hasValue {
			if f.bool {
				value = "true"
			} else {
				if len(args) == 0 {
					return nil, fmt.Errorf("flag needs an argument: -%s", name)
				}
				value, args = args[0], args[1:]
			}
		}
		if f.unsupported != "" {
			return nil, errors.New(f.unsupported)
		}
		if f.goro {
			if err := c.goroFlag(sfs, name, value); err != nil {
				return nil, err
			}
			continue
		}
		switch short {
		case "timeout":
			d, err := time.ParseDuration(value)
			if err != nil {
				return nil, fmt.Errorf("invalid value %q for flag -timeout: parse error", value)
			}
			c.timeout, timeoutSet = d, true
			value = d.String()
		case "v":
			c.verbose = value == "true"
		case "list":
			c.verbose = true
		case "bench":
			c.bench = value != ""
		case "run":
			c.run = value
		case "failfast":
			c.failfast = value == "true"
		case "trace", "memprofile":
			// The test binary runs in its package's directory; the file
			// goes where go test puts it, relative to where it was run.
			if abs, err := filepath.Abs(value); err == nil {
				value = abs
			}
			c.profile = "-" + short
		}
		explicit = append(explicit, "-test."+short+"="+value)
	}
	c.args = []string{"-test.paniconexit0"}
	if c.json {
		// The binary frames its output for test2json (^V before its
		// own lines).
		c.args = append(c.args, "-test.v=test2json")
	}
	if c.timeout > 0 && !timeoutSet {
		c.args = append(c.args, "-test.timeout="+c.timeout.String())
	}
	c.args = append(c.args, explicit...)
	if c.explore > 0 && c.sched.schedtrace != "" {
		return nil, errors.New("-schedtrace traces one run: give -seed without -explore")
	}
	return c, nil
}

// goroFlag sets one of goro test's own flags.
func (c *testCommand) goroFlag(sfs *flag.FlagSet, name, value string) error {
	switch name {
	case "explore":
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 {
			return fmt.Errorf("invalid value %q for flag -explore: want a number of schedules", value)
		}
		c.explore = n
	case "shard":
		i, n, ok := strings.Cut(value, "/")
		si, err1 := strconv.Atoi(i)
		sn, err2 := strconv.Atoi(n)
		if !ok || err1 != nil || err2 != nil || sn < 1 || si < 0 || si >= sn {
			return fmt.Errorf("invalid value %q for flag -shard: want i/n with 0 <= i < n", value)
		}
		c.shard = [2]int{si, sn}
	default:
		if err := sfs.Set(name, value); err != nil {
			return fmt.Errorf("invalid value %q for flag -%s: %v", value, name, err)
		}
		if name == "strategy" && value != "random" && value != "pct" {
			return fmt.Errorf("invalid value %q for flag -strategy: want random or pct", value)
		}
	}
	return nil
}

// test runs goro test and returns its exit code.
func test(args []string) int {
	c, err := parseTestArgs(args)
	if err != nil {
		fmt.Fprintf(os.Stderr, "goro test: %v\n", err)
		return 2
	}
	patterns := c.pkgs
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	pkgs, err := goro.List(goro.Config{}, patterns...)
	if err != nil {
		var le *goro.Error
		if errors.As(err, &le) {
			fmt.Fprintln(os.Stderr, le.Msg)
			return 1
		}
		return fail(err)
	}
	if c.profile != "" && len(pkgs) > 1 {
		fmt.Fprintf(os.Stderr, "cannot use %s flag with multiple packages\n", c.profile)
		return 1
	}
	stream := len(c.pkgs) == 0 || c.bench
	failed := false
	for _, p := range pkgs {
		var w io.Writer = os.Stdout
		var conv *jsonConverter
		if c.json {
			if conv, err = newJSONConverter(p.ImportPath); err != nil {
				return fail(err)
			}
			w = conv
		}
		ok, build := testPackage(c, p, stream, w)
		if conv != nil {
			if err := conv.close(build); err != nil {
				return fail(err)
			}
		}
		failed = failed || !ok
	}
	if !failed {
		return 0
	}
	if len(c.pkgs) != 0 && !c.json {
		fmt.Println("FAIL")
	}
	return 1
}

// testPackage runs the tests of p, writing what go test writes for it to
// w, and reports whether they passed; build is the test binary's name
// (go list's ID) when it did not build.
func testPackage(c *testCommand, p goro.Package, stream bool, w io.Writer) (ok bool, build string) {
	if p.Error != "" {
		fmt.Fprintln(os.Stderr, p.Error)
		fmt.Fprintf(w, "FAIL\t%s [setup failed]\n", p.ImportPath)
		return false, ""
	}
	if p.TestFiles == 0 {
		fmt.Fprintf(w, "?   \t%s\t[no test files]\n", p.ImportPath)
		return true, ""
	}
	prog, err := goro.Load(goro.Config{Test: true}, p.ImportPath)
	if err != nil {
		var le *goro.Error
		if !errors.As(err, &le) {
			fail(err)
		} else if c.json {
			buildOutputJSON(buildID(le.Msg, p.ImportPath), le.Msg)
		} else {
			fmt.Fprint(os.Stderr, le.Msg)
			if !strings.HasSuffix(le.Msg, "\n") {
				fmt.Fprintln(os.Stderr)
			}
		}
		fmt.Fprintf(w, "FAIL\t%s [build failed]\n", p.ImportPath)
		id := p.ImportPath + " [" + p.ImportPath + ".test]"
		if le != nil {
			id = buildID(le.Msg, id)
		}
		return false, id
	}

	// The binary runs in the package's directory, its stdout and stderr
	// one stream: to the terminal, or kept until it is known whether it
	// is shown.
	var buf bytes.Buffer
	var out io.Writer = &buf
	live := stream || c.verbose || c.json // shown as it comes
	if stream {
		out = w
	} else if live {
		out = io.MultiWriter(w, &buf) // and kept
	}
	lw := &lockedWriter{w: out}
	restore, err := enterDir(p.Dir)
	if err != nil {
		return fail(err) == 0, ""
	}
	ctx, cancel := context.Background(), func() {}
	kill := time.Duration(0)
	if c.timeout > 0 {
		// go test's last-ditch alarm for a binary the timeout did not end.
		kill = c.timeout + time.Minute
		ctx, cancel = context.WithTimeout(ctx, kill)
	}
	t0 := time.Now()
	var code int
	if c.explore > 0 {
		code = explore(c, p, prog, lw, kill)
	} else {
		sched, closeTrace, serr := c.sched.schedule()
		if serr != nil {
			restore()
			cancel()
			fmt.Fprintf(os.Stderr, "goro test: %v\n", serr)
			return false, ""
		}
		var leaks bytes.Buffer
		if sched != nil {
			sched.Leaks = &leaks
		}
		script, rm := testScript(p)
		code, err = prog.Run(goro.RunOptions{
			Args:       append([]string{script}, c.args...),
			Executable: script,
			Stdout:     lw,
			Stderr:     lw,
			GOMAXPROCS: gomaxprocs(),
			Seed:       c.sched.seedOrClock(),
			Context:    ctx,
			Schedule:   sched,
			Quit:       testQuit(),
		})
		closeTrace()
		rm()
		if sched != nil && sched.Leaked > 0 && err == nil && code == 0 {
			reportLeaks(lw, sched.Leaked, leaks.Bytes())
			code = 1
		}
	}
	elapsed := fmt.Sprintf("%.3fs", time.Since(t0).Seconds())
	cancel()
	restore()
	output := buf.Bytes()
	var ie *goro.InternalError
	if code == 0 && err == nil {
		norun := ""
		if bytes.HasPrefix(output, []byte("testing: warning: no tests to run\n")) || bytes.Contains(output, []byte("\ntesting: warning: no tests to run\n")) {
			norun = " [no tests to run]"
		}
		if !live {
			output = nil // a passing package's output is not shown
		}
		w.Write(shown(output, live))
		fmt.Fprintf(w, "ok  \t%s\t%s%s\n", p.ImportPath, elapsed, norun)
		return true, ""
	}
	w.Write(shown(output, live))
	killed := err != nil && !errors.As(err, &ie) // (a bug in goro is reported on the binary's stderr by Run)
	if killed {
		fmt.Fprintf(w, "*** Test killed: ran too long (%v).\n", kill)
	}
	switch {
	case killed:
		fmt.Fprintln(w, "signal: killed")
	case len(output) == 0:
		// No output of its own kept: the exit status says why it failed.
		fmt.Fprintf(w, "exit status %d\n", code)
	case !bytes.HasSuffix(output, []byte("\n")):
		fmt.Fprintln(w)
	}
	prefix := ""
	if c.json {
		prefix = "\x16" // test2json's framing: the package's own result line
	}
	fmt.Fprintf(w, "%sFAIL\t%s\t%s\n", prefix, p.ImportPath, elapsed)
	return false, ""
}

// shown is what of the kept output is still to print: none if it went to
// the terminal as it came.
func shown(output []byte, printed bool) []byte {
	if printed {
		return nil
	}
	return output
}

// enterDir makes dir the working directory (and $PWD), as go test runs a
// test binary, and returns what restores the old one.
func enterDir(dir string) (func(), error) {
	old, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	pwd, hadPWD := os.LookupEnv("PWD")
	if err := os.Chdir(dir); err != nil {
		return nil, err
	}
	os.Setenv("PWD", dir)
	return func() {
		os.Chdir(old)
		if hadPWD {
			os.Setenv("PWD", pwd)
		} else {
			os.Unsetenv("PWD")
		}
	}, nil
}

// lockedWriter serialises the writes of the binary's stdout and stderr.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// buildID is the name go test gives a test binary that did not build: the
// first "# pkg [pkg.test]" header of the compile errors (or def).
func buildID(msg, def string) string {
	if h, ok := strings.CutPrefix(msg, "# "); ok {
		h, _, _ = strings.Cut(h, "\n")
		return h
	}
	return def
}

// buildOutputJSON writes compile errors as go test -json does: a
// build-output event a line, then build-fail.
func buildOutputJSON(id, msg string) {
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	type event struct {
		ImportPath string
		Action     string
		Output     string `json:",omitempty"`
	}
	for _, line := range strings.SplitAfter(strings.TrimSuffix(msg, "\n")+"\n", "\n") {
		if line != "" {
			enc.Encode(event{id, "build-output", line})
		}
	}
	enc.Encode(event{ImportPath: id, Action: "build-fail"})
}

// jsonConverter turns a package's go test output into go test -json's
// events through go's own converter, go tool test2json (-t: with times).
type jsonConverter struct {
	cmd   *exec.Cmd
	in    io.WriteCloser
	out   io.ReadCloser
	lines chan string
}

func newJSONConverter(pkg string) (*jsonConverter, error) {
	cmd := exec.Command("go", "tool", "test2json", "-t", "-p", pkg)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("go tool test2json: %v", err)
	}
	c := &jsonConverter{cmd: cmd, in: in, out: out, lines: make(chan string)}
	go func() {
		defer close(c.lines)
		sc := bufio.NewScanner(out)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
	}()
	return c, nil
}

func (c *jsonConverter) Write(p []byte) (int, error) { return c.in.Write(p) }

// close ends the package's events; build, if not "", is the test binary
// that did not build, named on the package's fail event as go test does
// (FailedBuild).
func (c *jsonConverter) close(build string) error {
	c.in.Close()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for line := range c.lines {
			if build != "" && strings.Contains(line, `"Action":"fail"`) && !strings.Contains(line, `"Test":`) && strings.HasSuffix(line, "}") {
				b, _ := json.Marshal(build)
				line = line[:len(line)-1] + `,"FailedBuild":` + string(b) + "}"
			}
			fmt.Println(line)
		}
	}()
	<-done
	return c.cmd.Wait()
}

// testScript writes the test binary of p as a script that runs it again
// under goro (a test that runs its own binary — os/exec of
// testenv.Executable or os.Args[0], as os's, flag's and testing/synctest's
// do — runs itself), and returns its path and a function that removes
// it. Without a place to write it, the name go test's binaries have.
func testScript(p goro.Package) (string, func()) {
	name := path.Base(p.ImportPath) + ".test"
	exe, err := os.Executable()
	if err != nil {
		return name, func() {}
	}
	dir, err := os.MkdirTemp("", "goro-test-")
	if err != nil {
		return name, func() {}
	}
	script := filepath.Join(dir, name)
	text := "#!/bin/sh\nexec " + shellQuote(exe) + " testbin " + shellQuote(script) + " " + shellQuote(p.Dir) + " " + shellQuote(p.ImportPath) + " \"$@\"\n"
	if err := os.WriteFile(script, []byte(text), 0o755); err != nil {
		os.RemoveAll(dir)
		return name, func() {}
	}
	return script, func() { os.RemoveAll(dir) }
}

// testBinary is `goro testbin SCRIPT DIR IMPORTPATH ARGS...`, what
// testScript's script runs: the test binary of the package IMPORTPATH in
// DIR with ARGS, as the binary go test builds runs when executed itself
// (no summary line of go test's), its Executable SCRIPT.
func testBinary(args []string) int {
	if len(args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: goro testbin SCRIPT DIR IMPORTPATH [ARGS...]")
		return 2
	}
	script, dir, pkg := args[0], args[1], args[2]
	prog, err := goro.Load(goro.Config{Dir: dir, Test: true}, pkg)
	if err != nil {
		var le *goro.Error
		if errors.As(err, &le) {
			fmt.Fprint(os.Stderr, le.Msg)
			return 1
		}
		return fail(err)
	}
	code, err := prog.Run(goro.RunOptions{
		Args:       append([]string{script}, args[3:]...),
		Executable: script,
		OwnStdio:   true,
		GOMAXPROCS: gomaxprocs(),
		Quit:       testQuit(),
	})
	if err != nil {
		return fail(err)
	}
	return code
}
