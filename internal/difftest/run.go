package difftest

// The runner: programs are run in batches, under gc and under goro, and
// compared.
//
// A batch of K programs is one module in a temporary directory: go.mod, one
// package per program (pNNNN/p.go, package pNNNN, func Main) and main.go,
// which calls the Main of the program whose index is os.Args[1]. gc builds
// the batch once and runs the binary once per program (twice in fact, with
// GOMAXPROCS 1 and 2: a program whose two gc runs differ is a generator bug,
// reported as "flaky" and not compared). goro runs the batch in a worker
// subprocess (this binary re-executed with -worker), which loads the batch
// once and runs each program with its own goro.Program.Run, reporting JSON
// records on its stdout. A worker that dies is restarted after the program
// it was running (a host crash); one that makes no progress for a long time
// is killed (a "hang" difference).
//
// What is compared: the exit code, stdout byte for byte, and the first
// paragraph of stderr (gc's "panic: ..." or "fatal error: ..." up to the
// blank line before the goroutine tracebacks, with pc=0x... masked).
// Every program is either equal, a difference (of a kind: exit, stdout,
// stderr, unsupported, compile, hang, timeout) or a host crash (an
// *goro.InternalError, "goro: internal error" on stderr, or a dead worker).

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
	"path/filepath"
	"regexp"
	"runtime/debug"
	"runtime/metrics"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/goro-dev/goro"
)

// Config says what Run does.
type Config struct {
	N        int           // programs
	Seed     uint64        // the first program's seed; program i has seed Seed+i
	Batch    int           // programs per batch (default 200)
	Out      string        // directory for the reproducers (must exist)
	Minimise bool          // minimise each difference before saving it
	MaxMin   int           // minimise at most this many differences (0: 10)
	Timeout  time.Duration // per program under goro (gc gets 10 s); default 20 s
	// Worker is the command line that starts a goro worker; the runner
	// appends "-worker DIR -from I -to J -timeout D". Default: this
	// executable with no arguments.
	Worker []string
	Log    io.Writer // progress (nil: none)
	// Grace is how much longer than Timeout a worker may stay silent before
	// it is killed and its program counted as a hang (default 60 s).
	Grace time.Duration
	// Generate says what to generate (its Exclude changes the programs).
	Generate Options
	// Corpus, if not empty, are programs to mutate instead (mutate.go):
	// program i is a mutant of Corpus[i % len(Corpus)] by seed Seed+i.
	Corpus [][]byte
}

// program returns program i of the run: generated, or a mutant.
func (c *Config) program(i int) *Prog {
	seed := c.Seed + uint64(i)
	if len(c.Corpus) == 0 {
		return GenerateWith(seed, c.Generate)
	}
	for k := 0; k < len(c.Corpus); k++ {
		if p, ok := Mutate(c.Corpus[(i+k)%len(c.Corpus)], seed); ok {
			return p
		}
	}
	panic("BUG: difftest: nothing in the corpus to mutate")
}

// Result is what one side did with one program.
type Result struct {
	Code     int
	Stdout   []byte
	Stderr   []byte
	Timeout  bool   // killed by its timeout
	Internal bool   // goro: an *goro.InternalError
	Died     bool   // goro: the worker died while running it
	Hung     bool   // goro: the worker stopped making progress
	LoadErr  string // goro: the batch did not load
	Ms       int64  // run time
}

// Diff is a program on which gc and goro differ.
type Diff struct {
	Seed   uint64
	Kind   string // exit, stdout, stderr, unsupported, compile, hang, timeout; crash for a host crash
	Detail string // one line
	GC     Result
	Goro   Result
	Prog   *Prog
	Orig   int    // units of the program before minimising
	File   string // the saved reproducer

	Minimised  bool // Prog is minimised
	Standalone bool // (minimised) the standalone package main shows it too
}

// Summary is the outcome of Run.
type Summary struct {
	Programs int
	Diffs    int // differences, host crashes excluded
	Crashes  int // host crashes
	Flaky    int // programs whose gc runs differ (generator bugs, not compared)
	Skipped  int // programs not run (a generator bug: gc did not compile them)
	Found    []*Diff
	Elapsed  time.Duration
}

func (c *Config) defaults() {
	if c.Batch <= 0 {
		c.Batch = 200
	}
	if c.Timeout <= 0 {
		c.Timeout = 20 * time.Second
	}
	if c.Grace <= 0 {
		c.Grace = 60 * time.Second
	}
	if c.MaxMin <= 0 {
		c.MaxMin = 10
	}
	if c.Log == nil {
		c.Log = io.Discard
	}
	if len(c.Worker) == 0 {
		exe, err := os.Executable()
		if err != nil {
			exe = os.Args[0]
		}
		c.Worker = []string{exe}
	}
}

// Run generates cfg.N programs, runs them under gc and goro, and saves
// each difference to cfg.Out.
func Run(cfg Config) (*Summary, error) {
	cfg.defaults()
	start := time.Now()
	sum := &Summary{}
	minimised := map[string]bool{}
	for b := 0; b < cfg.N; b += cfg.Batch {
		n := min(cfg.Batch, cfg.N-b)
		var progs []*Prog
		for i := 0; i < n; i++ {
			progs = append(progs, cfg.program(b+i))
		}
		diffs, err := runBatch(&cfg, progs, sum, func(done int) {
			progress(&cfg, sum, b+done, start)
		})
		if err != nil {
			return sum, err
		}
		for _, d := range diffs {
			if d.Kind == "crash" {
				sum.Crashes++
			} else {
				sum.Diffs++
			}
			d.Orig = len(d.Prog.Units)
			sig := signature(d.Kind, d.Detail)
			if cfg.Minimise && d.Prog.Raw == nil && !minimised[sig] && len(minimised) < cfg.MaxMin {
				minimised[sig] = true
				fmt.Fprintf(cfg.Log, "minimising %d (%s: %s)\n", d.Seed, d.Kind, d.Detail)
				t := time.Now()
				if m := minimiseDiff(&cfg, d); m != nil {
					d = m
				}
				fmt.Fprintf(cfg.Log, "  %d → %d units, %d statements, in %v\n", d.Orig, len(d.Prog.Units), countStmts(d.Prog), time.Since(t).Round(time.Second))
			}
			if err := saveDiff(cfg.Out, d); err != nil {
				return sum, err
			}
			sum.Found = append(sum.Found, d)
			fmt.Fprintf(cfg.Log, "%s %d: %s → %s\n", d.Kind, d.Seed, d.Detail, d.File)
		}
		progress(&cfg, sum, b+n, start)
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

func progress(cfg *Config, sum *Summary, done int, start time.Time) {
	if done%20 != 0 && done != cfg.N {
		return
	}
	el := time.Since(start).Seconds()
	fmt.Fprintf(cfg.Log, "%d/%d programs, %.2f programs/s, %d differences, %d host crashes, %d flaky\n", done, cfg.N, float64(done)/el, sum.Diffs, sum.Crashes, sum.Flaky)
}

func countStmts(p *Prog) int {
	n := 0
	for _, u := range p.Units {
		n += len(u.Body)
	}
	return n
}

// ---- batches ----

// buildEnv is the environment of the go command (gc's builds and goro's
// loads).
func buildEnv() []string {
	return append(cleanEnv(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod", "GOROCACHE=off")
}

// cleanEnv is the environment without the variables that change how a Go
// program runs or is built.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "GOTRACEBACK", "GODEBUG", "GOMAXPROCS", "GOWORK", "GOFLAGS", "GOTOOLCHAIN", "GOROCACHE", "GOGC", "GOMEMLIMIT":
			continue
		}
		env = append(env, kv)
	}
	return env
}

const goMod = "module gorodiff\n\ngo 1.26\n"

func pkgName(i int) string { return fmt.Sprintf("p%04d", i) }

// writeBatch writes the batch module of progs into dir; stub[i] replaces
// program i by an empty one.
func writeBatch(dir string, progs []*Prog, stub map[int]bool) error {
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(goMod), 0o644); err != nil {
		return err
	}
	var imports, mains strings.Builder
	for i, p := range progs {
		name := pkgName(i)
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			return err
		}
		src := []byte("package " + name + "\n\nfunc Main() {}\n")
		if !stub[i] {
			src = p.Source(name, nil)
		}
		if err := os.WriteFile(filepath.Join(dir, name, "p.go"), src, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(&imports, "\t%q\n", "gorodiff/"+name)
		fmt.Fprintf(&mains, "\t%s.Main,\n", name)
	}
	main := "package main\n\nimport (\n\t\"os\"\n\t\"strconv\"\n\n" + imports.String() + ")\n\nvar mains = []func(){\n" + mains.String() + "}\n\nfunc main() {\n\ti, _ := strconv.Atoi(os.Args[1])\n\tmains[i]()\n}\n"
	return os.WriteFile(filepath.Join(dir, "main.go"), []byte(main), 0o644)
}

// writeStandalone writes p as a standalone module (package main) into dir.
func writeStandalone(dir string, p *Prog) error {
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(goMod), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "main.go"), p.Source("main", nil), 0o644)
}

var badPkg = regexp.MustCompile(`(?m)^# gorodiff/(p[0-9]{4})$|\b(p[0-9]{4})/p\.go:`)

// goBuild builds the module in dir into dir/bin. On failure it returns
// the compiler's output.
func goBuild(dir string) (string, error) {
	cmd := exec.Command("go", "build", "-o", "bin", ".")
	cmd.Dir = dir
	cmd.Env = buildEnv()
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// failedPkgs returns the programs that the go command's output names.
func failedPkgs(out string) map[int]bool {
	bad := map[int]bool{}
	for _, m := range badPkg.FindAllStringSubmatch(out, -1) {
		name := m[1] + m[2]
		if i, err := strconv.Atoi(name[1:]); err == nil {
			bad[i] = true
		}
	}
	return bad
}

// runBatch runs progs under gc and goro and returns their differences.
func runBatch(cfg *Config, progs []*Prog, sum *Summary, tick func(done int)) ([]*Diff, error) {
	dir, err := os.MkdirTemp("", "gorodiff-batch-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	start := time.Now()
	stub := map[int]bool{}
	for {
		if err := writeBatch(dir, progs, stub); err != nil {
			return nil, err
		}
		out, err := goBuild(dir)
		if err == nil {
			break
		}
		bad := failedPkgs(out)
		fresh := 0
		for i := range bad {
			if !stub[i] {
				stub[i] = true
				fresh++
			}
		}
		if fresh == 0 {
			return nil, fmt.Errorf("go build of batch %d: %v\n%s", progs[0].Seed, err, out)
		}
		fmt.Fprintf(cfg.Log, "generator bug: gc rejects %d programs of batch %d:\n%s\n", fresh, progs[0].Seed, headLines(out, 20))
	}
	built := time.Now()
	sum.Skipped += len(stub)
	var idx []int
	for i := range progs {
		if !stub[i] {
			idx = append(idx, i)
		}
	}

	gcRes := runGCAll(filepath.Join(dir, "bin"), idx)
	ran := time.Now()
	goroRes := runGoro(cfg, dir, idx, func(i int) error {
		return os.WriteFile(filepath.Join(dir, pkgName(i), "p.go"), []byte("package "+pkgName(i)+"\n\nfunc Main() {}\n"), 0o644)
	}, tick)
	fmt.Fprintf(cfg.Log, "batch of %d: gc build %v, gc runs %v, goro %v\n", len(progs), built.Sub(start).Round(100*time.Millisecond), ran.Sub(built).Round(100*time.Millisecond), time.Since(ran).Round(100*time.Millisecond))

	var diffs []*Diff
	for _, i := range idx {
		sum.Programs++
		g := gcRes[i]
		if kind, detail := classify(g[0], g[1], goroRes[i]); kind == "crash" && goroRes[i] == nil {
			diffs = append(diffs, &Diff{Seed: progs[i].Seed, Kind: kind, Detail: detail, GC: g[0], Prog: progs[i]})
		} else if kind == "flaky" || kind == "gctimeout" {
			sum.Flaky++
			fmt.Fprintf(cfg.Log, "generator bug: program %d is %s under gc: %s\n", progs[i].Seed, kind, detail)
			saveFlaky(cfg.Out, progs[i], g[0], g[1])
		} else if kind != "" {
			diffs = append(diffs, &Diff{Seed: progs[i].Seed, Kind: kind, Detail: detail, GC: g[0], Goro: *goroRes[i], Prog: progs[i]})
		}
	}
	return diffs, nil
}

// ---- the gc side ----

// runGCAll runs bin for each index twice (GOMAXPROCS 1 and 2), two at a
// time.
func runGCAll(bin string, idx []int) map[int]*[2]Result {
	res := map[int]*[2]Result{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan bool, 2)
	for _, i := range idx {
		sem <- true
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			r := &[2]Result{runGC(bin, i, 1), runGC(bin, i, 2)}
			mu.Lock()
			res[i] = r
			mu.Unlock()
		}()
	}
	wg.Wait()
	return res
}

const gcTimeout = 10 * time.Second

func runGC(bin string, i, procs int) Result {
	ctx, cancel := context.WithTimeout(context.Background(), gcTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, strconv.Itoa(i))
	cmd.Env = append(cleanEnv(), "GOMAXPROCS="+strconv.Itoa(procs))
	var out, errb cappedBuffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.WaitDelay = time.Second
	t := time.Now()
	err := cmd.Run()
	r := Result{Stdout: out.Bytes(), Stderr: errb.Bytes(), Ms: time.Since(t).Milliseconds(), Code: cmd.ProcessState.ExitCode()}
	if ctx.Err() != nil {
		r.Timeout, r.Code = true, -1
	} else if err != nil && r.Code < 0 {
		r.Stderr = append(r.Stderr, "gorodiff: "+err.Error()+"\n"...)
	}
	return r
}

// cappedBuffer is a buffer safe for concurrent writes that keeps the first
// MB written.
type cappedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

const maxOutput = 1 << 20

func (c *cappedBuffer) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if room := maxOutput - c.buf.Len(); room > 0 {
		c.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (c *cappedBuffer) Bytes() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return bytes.Clone(c.buf.Bytes())
}

// ---- the goro side: the worker ----

// record is a line of a worker's output.
type record struct {
	I        int
	Start    bool   `json:",omitempty"` // program I starts
	Loaded   bool   `json:",omitempty"` // the batch is loaded
	LoadErr  string `json:",omitempty"` // the batch did not load
	Code     int
	Stdout   []byte `json:",omitempty"`
	Stderr   []byte `json:",omitempty"`
	Internal bool   `json:",omitempty"`
	Timeout  bool   `json:",omitempty"`
	Ms       int64
	HeapLive uint64 // the worker's live heap after the last GC
}

// WorkerMain is a goro worker's main: args are
// -worker DIR -from I -to J -timeout D. It loads the module in DIR once and
// runs programs I..J-1 of it, writing a JSON record to stdout before and
// after each. It returns the exit code.
func WorkerMain(args []string) int {
	fs := flag.NewFlagSet("gorodiff worker", flag.ContinueOnError)
	dir := fs.String("worker", "", "batch directory")
	from := fs.Int("from", 0, "first program")
	to := fs.Int("to", 1, "end of the programs")
	timeout := fs.Duration("timeout", 20*time.Second, "per program")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	// Only records go to the real stdout.
	enc := json.NewEncoder(os.Stdout)
	os.Stdout = os.Stderr
	// goro's memory limit bounds the worker's whole heap: the loaded batch,
	// the programs run so far and the garbage not yet collected. A soft
	// limit makes the host collect well before the program's limit.
	debug.SetMemoryLimit(3 << 30)
	t := time.Now()
	prog, err := goro.Load(goro.Config{Dir: *dir, Env: buildEnv()}, ".")
	if err != nil {
		var ie *goro.InternalError
		enc.Encode(record{LoadErr: err.Error(), Internal: errors.As(err, &ie)})
		return 0
	}
	enc.Encode(record{Loaded: true, Ms: time.Since(t).Milliseconds()})
	for i := *from; i < *to; i++ {
		enc.Encode(record{I: i, Start: true})
		ctx, cancel := context.WithTimeout(context.Background(), *timeout)
		var out, errb cappedBuffer
		t := time.Now()
		code, err := prog.Run(goro.RunOptions{
			Args:        []string{"bin", strconv.Itoa(i)},
			Stdout:      &out,
			Stderr:      &errb,
			GOMAXPROCS:  2,
			Seed:        uint64(i) + 1,
			MemoryLimit: 8 << 30,
			Context:     ctx,
		})
		cancel()
		var ie *goro.InternalError
		rec := record{I: i, Code: code, Stdout: out.Bytes(), Stderr: errb.Bytes(), Ms: time.Since(t).Milliseconds(), Internal: errors.As(err, &ie), HeapLive: heapLive()}
		if err != nil && !rec.Internal && ctx.Err() != nil {
			rec.Timeout = true
		}
		enc.Encode(rec)
	}
	return 0
}

func heapLive() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 {
		return s[0].Value.Uint64()
	}
	return 0
}

// runGoro runs the programs idx of the module in dir under goro, in
// worker subprocesses, restarting a worker after a program that killed
// it or hung it. A program that goro cannot load is replaced by stub (if
// not nil) before the others are run again.
func runGoro(cfg *Config, dir string, idx []int, stub func(i int) error, tick func(done int)) map[int]*Result {
	res := map[int]*Result{}
	sort.Ints(idx)
	for len(idx) > 0 {
		before := len(res)
		done := runWorker(cfg, dir, idx[0], idx[len(idx)-1]+1, res, func() { tick(len(res)) })
		var rest []int
		for _, i := range idx {
			if r := res[i]; r == nil {
				rest = append(rest, i)
			} else if r.LoadErr != "" && stub != nil {
				if err := stub(i); err != nil {
					panic(err)
				}
			}
		}
		if len(rest) == 0 {
			break
		}
		if done || len(res) == before {
			msg := "gorodiff: the worker ended before running the program\n"
			if len(res) == before {
				msg = "gorodiff: no worker could run the batch\n"
			}
			for _, i := range rest {
				res[i] = &Result{Died: true, Stderr: []byte(msg)}
			}
			break
		}
		idx = rest
	}
	return res
}

// runWorker runs one worker on programs from..to-1 and fills res. It
// returns false if the worker died or hung before the end (res then has
// the program it was running, as a crash or hang).
func runWorker(cfg *Config, dir string, from, to int, res map[int]*Result, tick func()) bool {
	args := append(append([]string(nil), cfg.Worker[1:]...), "-worker", dir, "-from", strconv.Itoa(from), "-to", strconv.Itoa(to), "-timeout", cfg.Timeout.String())
	cmd := exec.Command(cfg.Worker[0], args...)
	var errb tailBuffer
	cmd.Stderr = &errb
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		panic(err)
	}
	if err := cmd.Start(); err != nil {
		for i := from; i < to; i++ {
			res[i] = &Result{Died: true, Stderr: []byte("gorodiff: cannot start a worker: " + err.Error() + "\n")}
		}
		return true
	}
	recs := make(chan record)
	finish := func() {
		for range recs {
		}
		cmd.Wait()
	}
	go func() {
		defer close(recs)
		dec := json.NewDecoder(bufio.NewReader(stdout))
		for {
			var r record
			if err := dec.Decode(&r); err != nil {
				return
			}
			recs <- r
		}
	}()
	// A program gets its timeout plus a generous margin; loading a batch
	// gets five minutes.
	limit := 5 * time.Minute
	timer := time.NewTimer(limit)
	defer timer.Stop()
	current := -1
	loaded := false
	for {
		select {
		case r, ok := <-recs:
			if !ok {
				finish()
				if !loaded || current >= 0 {
					// It died loading or running a program.
					i := current
					if i < 0 {
						i = from
					}
					msg := "gorodiff: the goro worker died"
					if !loaded {
						msg += " loading the batch"
					}
					res[i] = &Result{Died: true, Code: cmd.ProcessState.ExitCode(), Stderr: []byte(msg + ": " + cmd.ProcessState.String() + "\n" + errb.String())}
					return false
				}
				return true
			}
			switch {
			case r.Loaded:
				loaded = true
				fmt.Fprintf(cfg.Log, "goro loaded the batch in %v\n", time.Duration(r.Ms)*time.Millisecond)
			case r.LoadErr != "":
				// Blame the programs the message names; else the first.
				loaded = true
				bad := failedPkgs(r.LoadErr)
				if len(bad) == 0 {
					bad[from] = true
				}
				for i := range bad {
					res[i] = &Result{LoadErr: r.LoadErr, Internal: r.Internal, Code: 1, Stderr: []byte(r.LoadErr)}
				}
				finish()
				return false
			case r.Start:
				current = r.I
				limit = cfg.Timeout + cfg.Grace
			default:
				res[r.I] = &Result{Code: r.Code, Stdout: r.Stdout, Stderr: r.Stderr, Internal: r.Internal, Timeout: r.Timeout, Ms: r.Ms}
				if r.I%50 == 49 {
					fmt.Fprintf(cfg.Log, "goro worker: live heap %d MB after program %d\n", r.HeapLive>>20, r.I)
				}
				current = -1
				tick()
			}
			timer.Reset(limit)
		case <-timer.C:
			cmd.Process.Kill()
			finish()
			i := current
			if i < 0 {
				i = from
			}
			res[i] = &Result{Hung: true, Code: -1, Stderr: []byte(fmt.Sprintf("gorodiff: the goro worker made no progress for %v\n%s", limit, errb.String()))}
			return false
		}
	}
}

// tailBuffer keeps the last 64 KB written.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > 64<<10 {
		t.buf = t.buf[len(t.buf)-64<<10:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}

// ---- comparison ----

var pcRE = regexp.MustCompile(`pc=0x[0-9a-f]+`)

// firstParagraph is stderr up to its first blank line, pc=0x... masked.
func firstParagraph(b []byte) string {
	s := string(b)
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i+1]
	}
	return pcRE.ReplaceAllString(s, "pc=?")
}

// classify compares the gc runs g1 and g2 of a program with goro's run r:
// "" if they agree, else the kind of difference and a one-line detail.
// The kinds "flaky" (g1 and g2 differ) and "gctimeout" are generator bugs.
func classify(g1, g2 Result, r *Result) (kind, detail string) {
	if g1.Timeout || g2.Timeout {
		return "gctimeout", "gc did not finish in " + gcTimeout.String()
	}
	if g1.Code != g2.Code || !bytes.Equal(g1.Stdout, g2.Stdout) || firstParagraph(g1.Stderr) != firstParagraph(g2.Stderr) {
		return "flaky", "GOMAXPROCS=1 and 2 differ: " + firstDiff(g1, g2)
	}
	if r == nil {
		return "crash", "no result from goro"
	}
	return compare(g1, *r)
}

// compare compares gc's run g with goro's run r.
func compare(g, r Result) (kind, detail string) {
	switch {
	case r.Internal && r.LoadErr != "":
		return "crash", "goro.Load: " + firstLine(r.LoadErr)
	case r.LoadErr != "":
		return "compile", "goro.Load: " + firstLine(r.LoadErr)
	case r.Died:
		return "crash", "worker died: " + firstLine(string(r.Stderr))
	case r.Hung:
		return "hang", "worker made no progress"
	case r.Internal || bytes.Contains(r.Stderr, []byte("goro: internal error")):
		return "crash", internalLine(r.Stderr)
	case bytes.Contains(r.Stderr, []byte("goro: unsupported:")):
		return "unsupported", lineWith(r.Stderr, "goro: unsupported:")
	case r.Timeout:
		return "timeout", fmt.Sprintf("goro did not finish in time (gc: %d ms)", g.Ms)
	case g.Code != r.Code:
		return "exit", fmt.Sprintf("exit code gc %d, goro %d: %s", g.Code, r.Code, firstDiff(g, r))
	}
	if d := firstDiff(g, r); d != "" {
		if !bytes.Equal(g.Stdout, r.Stdout) {
			return "stdout", d
		}
		return "stderr", d
	}
	return "", ""
}

// firstDiff describes the first differing line of stdout, else of stderr's
// first paragraph ("" if none).
func firstDiff(a, b Result) string {
	if d := lineDiff(string(a.Stdout), string(b.Stdout)); d != "" {
		return "stdout " + d
	}
	if d := lineDiff(firstParagraph(a.Stderr), firstParagraph(b.Stderr)); d != "" {
		return "stderr " + d
	}
	return ""
}

// lineDiff describes the first line where a and b differ.
func lineDiff(a, b string) string {
	if a == b {
		return ""
	}
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; ; i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y || i >= len(la) || i >= len(lb) {
			return fmt.Sprintf("line %d: %s vs %s", i+1, clip(strconv.Quote(x)), clip(strconv.Quote(y)))
		}
	}
}

func clip(s string) string {
	if len(s) > 100 {
		return s[:100] + "…"
	}
	return s
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return clip(s)
}

func lineWith(b []byte, sub string) string {
	for _, l := range strings.Split(string(b), "\n") {
		if i := strings.Index(l, sub); i >= 0 {
			return clip(l[i:])
		}
	}
	return ""
}

func internalLine(b []byte) string {
	if l := lineWith(b, "goro: internal error"); l != "" {
		return l
	}
	return "goro: internal error: " + firstLine(string(b))
}

func headLines(s string, n int) string {
	ls := strings.SplitN(s, "\n", n+1)
	if len(ls) > n {
		ls = ls[:n]
	}
	return strings.Join(ls, "\n")
}

// ---- saving ----

// saveDiff writes d's program as diff-<seed>.go and both sides' outputs
// as diff-<seed>.txt; crashes are named crash-<seed>.
func saveDiff(out string, d *Diff) error {
	base := "diff-"
	if d.Kind == "crash" {
		base = "crash-"
	}
	base = filepath.Join(out, base+strconv.FormatUint(d.Seed, 10))
	d.File = base + ".go"
	if err := os.WriteFile(d.File, d.Prog.Source("main", nil), 0o644); err != nil {
		return err
	}
	if d.Minimised && !d.Standalone {
		if err := os.WriteFile(base+".p0000.go", d.Prog.Source("p0000", nil), 0o644); err != nil {
			return err
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "seed %d: %s: %s\n", d.Seed, d.Kind, d.Detail)
	fmt.Fprintf(&b, "units %d of %d, kinds %s\n", len(d.Prog.Units), d.Orig, unitKinds(d.Prog))
	if d.Minimised {
		if d.Standalone {
			b.WriteString("minimised; the standalone program (.go) shows the difference\n")
		} else {
			b.WriteString("minimised as package p0000 of module gorodiff (.p0000.go), called from main; the standalone program (.go) does NOT show the difference\n")
		}
	}
	writeSide(&b, "gc", d.GC)
	writeSide(&b, "goro", d.Goro)
	return os.WriteFile(base+".txt", []byte(b.String()), 0o644)
}

func unitKinds(p *Prog) string {
	var ks []string
	for _, u := range p.Units {
		ks = append(ks, u.Kind)
	}
	return strings.Join(ks, " ")
}

func writeSide(b *strings.Builder, name string, r Result) {
	fmt.Fprintf(b, "\n==== %s: exit %d", name, r.Code)
	for _, f := range []struct {
		on   bool
		what string
	}{{r.Timeout, "timeout"}, {r.Internal, "internal error"}, {r.Died, "worker died"}, {r.Hung, "hung"}} {
		if f.on {
			b.WriteString(", " + f.what)
		}
	}
	fmt.Fprintf(b, ", %d ms\n---- stdout\n%s---- stderr\n%s", r.Ms, r.Stdout, r.Stderr)
}

func saveFlaky(out string, p *Prog, a, b Result) {
	base := filepath.Join(out, "flaky-"+strconv.FormatUint(p.Seed, 10))
	os.WriteFile(base+".go", p.Source("main", nil), 0o644)
	var s strings.Builder
	writeSide(&s, "gc GOMAXPROCS=1", a)
	writeSide(&s, "gc GOMAXPROCS=2", b)
	os.WriteFile(base+".txt", []byte(s.String()), 0o644)
}
