package difftest

// The runner: programs are run in batches, under gc and under goro, and
// compared.
//
// A batch of K programs is one module in a temporary directory: go.mod, a
// package of up to perPackage programs (gNNN/pNNNN.go, each program's
// top-level names prefixed pNNNN_, its entry MainpNNNN_; a mutant is a
// package of its own) and main.go, which calls the entry of the program
// whose index is os.Args[1]. gc builds the batch once and runs the binary
// once per program (twice in fact, with GOMAXPROCS 1 and 2: a program whose
// two gc runs differ is a generator bug, reported as "flaky" and not
// compared). goro runs the batch in a worker subprocess (this binary
// re-executed with -worker), which loads the batch once, runs one program
// in sourceEvery from source, then compiles the batch whole
// (goro.Program.Compile) and runs every program from that, each with its
// own Run, reporting JSON records on its stdout. A worker that dies is
// restarted after the program it was running (a host crash); one that
// makes no progress for a long time is killed (a "hang" difference).
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
	// appends "-worker DIR -run I,J,... -timeout D [-source]". Default: this
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
	// Source is goro's run of the program from source, when it ran that
	// way too (Result itself is the run from the compiled program).
	Source *Result
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
// each difference to cfg.Out. gc builds the next batch while goro runs
// this one: the two sides then share the machine's cores instead of
// taking turns.
func Run(cfg Config) (*Summary, error) {
	cfg.defaults()
	start := time.Now()
	sum := &Summary{}
	minimised := map[string]bool{}
	builds := make(chan *built, 1)
	stop := make(chan bool)
	defer close(stop)
	go func() {
		defer close(builds)
		for b := 0; b < cfg.N; b += cfg.Batch {
			var progs []*Prog
			for i := 0; i < min(cfg.Batch, cfg.N-b); i++ {
				progs = append(progs, cfg.program(b+i))
			}
			bt := buildBatch(&cfg, progs)
			bt.first = b
			select {
			case builds <- bt:
			case <-stop:
				bt.remove()
				return
			}
			if bt.err != nil {
				return
			}
		}
	}()
	for bt := range builds {
		if bt.err != nil {
			return sum, bt.err
		}
		b, n := bt.first, len(bt.progs)
		diffs := runBatch(&cfg, bt, sum, func(done int) {
			progress(&cfg, sum, b+done, start)
		})
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

// A batch puts up to perPackage generated programs in one package, one
// file each, their top-level names prefixed (Prog.source): gc's build of a
// batch costs about a package's compilation per package, whatever its
// size, and goro's load a little per package. A mutant is a package of
// its own.
const perPackage = 25

// layout says where each program of a batch is: its package (a directory
// of the batch's module), its file in it, its prefix and its entry.
type layout struct {
	pkg    []string
	prefix []string
}

func newLayout(progs []*Prog) *layout {
	l := &layout{}
	n, group := 0, -1
	for i, p := range progs {
		if p.Raw != nil || n == 0 || n == perPackage {
			group, n = group+1, 0
		}
		n++
		l.pkg = append(l.pkg, fmt.Sprintf("g%03d", group))
		prefix := ""
		if p.Raw == nil {
			prefix = progName(i) + "_"
		}
		l.prefix = append(l.prefix, prefix)
	}
	return l
}

func progName(i int) string { return fmt.Sprintf("p%04d", i) }

func (l *layout) file(dir string, i int) string {
	return filepath.Join(dir, l.pkg[i], progName(i)+".go")
}

// stub is the source of program i replaced by one that does nothing.
func (l *layout) stub(i int) []byte {
	return []byte("package " + l.pkg[i] + "\n\nfunc Main" + l.prefix[i] + "() {}\n")
}

// writeBatch writes the batch module of progs into dir; stub[i] replaces
// program i by an empty one.
func writeBatch(dir string, progs []*Prog, stub map[int]bool) error {
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(goMod), 0o644); err != nil {
		return err
	}
	l := newLayout(progs)
	var imports, mains strings.Builder
	for i, p := range progs {
		if i == 0 || l.pkg[i] != l.pkg[i-1] {
			if err := os.MkdirAll(filepath.Join(dir, l.pkg[i]), 0o755); err != nil {
				return err
			}
			fmt.Fprintf(&imports, "\t%q\n", "gorodiff/"+l.pkg[i])
		}
		src := l.stub(i)
		if !stub[i] {
			src = p.source(l.pkg[i], l.prefix[i], nil)
		}
		if err := os.WriteFile(l.file(dir, i), src, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(&mains, "\t%s.Main%s,\n", l.pkg[i], l.prefix[i])
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

var (
	badFile = regexp.MustCompile(`\b(p[0-9]{4})\.go:`)
	badPkg  = regexp.MustCompile(`(?m)^# gorodiff/(g[0-9]{3})$|\bgorodiff/(g[0-9]{3})\b`)
)

// goBuild builds the module in dir into dir/bin. On failure it returns
// the compiler's output.
//
// The generated packages are compiled without inlining or DWARF, and the
// compiler runs without its garbage collector: gc's compilation is most of
// a batch's cost (an average program is ~850 lines of straight-line code,
// which gc compiles at ~4,000 lines a CPU second), and these settings take
// more than half of it off (a batch of 200: 28 → 13 s of CPU; -c=1
// because the go command already compiles two packages at once). The optimiser
// stays on: what it decides is observable (-N makes a nil dereference of
// p.B fault at address 0x0, not 0x8).
func goBuild(dir string) (string, error) {
	cmd := exec.Command("go", "build", "-gcflags=gorodiff/...=-l -dwarf=false -c=1", "-ldflags=-s -w", "-o", "bin", ".")
	cmd.Dir = dir
	cmd.Env = append(buildEnv(), "GOGC=off")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// failedPkgs returns the programs that the go command's (or goro's)
// output names: by their files, or all the programs of the packages it
// names when it names no file.
func failedPkgs(out string, l *layout) map[int]bool {
	bad := map[int]bool{}
	for _, m := range badFile.FindAllStringSubmatch(out, -1) {
		if i, err := strconv.Atoi(m[1][1:]); err == nil && (l == nil || i < len(l.pkg)) {
			bad[i] = true
		}
	}
	if len(bad) > 0 || l == nil {
		return bad
	}
	for _, m := range badPkg.FindAllStringSubmatch(out, -1) {
		for i, pkg := range l.pkg {
			if pkg == m[1]+m[2] {
				bad[i] = true
			}
		}
	}
	return bad
}

// sourceEvery says which programs goro also runs from source: those of
// a batch whose index is a multiple. The others run only compiled whole
// (goro.Program.Compile, what goro's cache holds and a second goro run
// reads), which starts in milliseconds; from source, each run compiles
// the functions it calls (fmt's among them) again.
const sourceEvery = 10

// built is a batch gc has built (or failed to build: err) in dir.
type built struct {
	progs []*Prog
	first int // the index of progs[0] in the run
	dir   string
	stub  map[int]bool // programs gc rejected (generator bugs), replaced by empty ones
	took  time.Duration
	err   error
}

func (bt *built) remove() {
	if bt.dir != "" {
		os.RemoveAll(bt.dir)
	}
}

// buildBatch writes progs as a batch module and builds it with gc,
// replacing the programs gc rejects by empty ones.
func buildBatch(cfg *Config, progs []*Prog) *built {
	bt := &built{progs: progs, stub: map[int]bool{}}
	start := time.Now()
	bt.dir, bt.err = os.MkdirTemp("", "gorodiff-batch-")
	for bt.err == nil {
		if bt.err = writeBatch(bt.dir, progs, bt.stub); bt.err != nil {
			break
		}
		out, err := goBuild(bt.dir)
		if err == nil {
			break
		}
		bad := failedPkgs(out, newLayout(progs))
		fresh := 0
		for i := range bad {
			if !bt.stub[i] {
				bt.stub[i] = true
				fresh++
			}
		}
		if fresh == 0 {
			bt.err = fmt.Errorf("go build of batch %d: %v\n%s", progs[0].Seed, err, out)
			break
		}
		fmt.Fprintf(cfg.Log, "generator bug: gc rejects %d programs of batch %d:\n%s\n", fresh, progs[0].Seed, headLines(out, 20))
	}
	if bt.err != nil {
		bt.remove()
	}
	bt.took = time.Since(start)
	return bt
}

// runBatch runs a built batch under gc and goro, removes it, and returns
// its differences.
func runBatch(cfg *Config, bt *built, sum *Summary, tick func(done int)) []*Diff {
	defer bt.remove()
	progs, dir, stub := bt.progs, bt.dir, bt.stub
	start := time.Now()
	sum.Skipped += len(stub)
	var idx []int
	for i := range progs {
		if !stub[i] {
			idx = append(idx, i)
		}
	}

	gcRes := runGCAll(filepath.Join(dir, "bin"), idx)
	ran := time.Now()
	l := newLayout(progs)
	var sample []int
	for _, i := range idx {
		if i%sourceEvery == 0 {
			sample = append(sample, i)
		}
	}
	goroRes := runGoro(cfg, dir, idx, sample, l, func(i int) error {
		return os.WriteFile(l.file(dir, i), l.stub(i), 0o644)
	}, tick)
	fmt.Fprintf(cfg.Log, "batch of %d: gc build %v (beside the previous batch's runs), gc runs %v, goro %v\n", len(progs), bt.took.Round(100*time.Millisecond), ran.Sub(start).Round(100*time.Millisecond), time.Since(ran).Round(100*time.Millisecond))

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
	return diffs
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
	Source   bool   `json:",omitempty"` // program I runs (ran) from source
}

// job is a program to run under goro, compiled whole or from source.
type job struct {
	i      int
	source bool
}

func (j job) String() string {
	if j.source {
		return "s" + strconv.Itoa(j.i)
	}
	return strconv.Itoa(j.i)
}

// WorkerMain is a goro worker's main: args are
// -worker DIR -run J,J,... -timeout D, where a job J is a program's index,
// run compiled whole (goro.Program.Compile), or s and the index, run from
// source (those come first). It loads the module in DIR once, runs the
// jobs writing a JSON record to stdout before and after each, and
// returns the exit code.
func WorkerMain(args []string) int {
	fs := flag.NewFlagSet("gorodiff worker", flag.ContinueOnError)
	dir := fs.String("worker", "", "batch directory")
	list := fs.String("run", "", "the jobs (comma-separated indexes; sI: program I from source)")
	timeout := fs.Duration("timeout", 20*time.Second, "per program")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var jobs []job
	for _, f := range strings.Split(*list, ",") {
		src := strings.HasPrefix(f, "s")
		i, err := strconv.Atoi(strings.TrimPrefix(f, "s"))
		if err != nil || src && len(jobs) > 0 && !jobs[len(jobs)-1].source {
			fmt.Fprintf(os.Stderr, "gorodiff worker: bad -run %q\n", *list)
			return 2
		}
		jobs = append(jobs, job{i, src})
	}
	// Only records go to the real stdout.
	enc := json.NewEncoder(os.Stdout)
	os.Stdout = os.Stderr
	// goro's memory limit bounds the worker's whole heap: the loaded batch,
	// the programs run so far and the garbage not yet collected. A soft
	// limit makes the host collect well before the program's limit.
	debug.SetMemoryLimit(3 << 30)
	// The worker's live heap is small (~25 MB: the loaded batch) and its
	// programs allocate fast; collecting at 5× it instead of 2× takes a
	// third of the worker's CPU time off (a batch of 200: 9.1 → 6.3 s).
	debug.SetGCPercent(400)
	t := time.Now()
	prog, err := goro.Load(goro.Config{Dir: *dir, Env: buildEnv()}, ".")
	if err != nil {
		var ie *goro.InternalError
		enc.Encode(record{LoadErr: err.Error(), Internal: errors.As(err, &ie)})
		return 0
	}
	enc.Encode(record{Loaded: true, Ms: time.Since(t).Milliseconds()})
	compiled := false
	for _, j := range jobs {
		if !j.source && !compiled {
			compiled = true
			if err := prog.Compile(); err != nil {
				// It still runs, from source (a program with type
				// parameters at run time): not a difference.
				fmt.Fprintf(os.Stderr, "gorodiff worker: the batch is not compiled whole: %v\n", err)
			}
		}
		enc.Encode(record{I: j.i, Source: j.source, Start: true})
		ctx, cancel := context.WithTimeout(context.Background(), *timeout)
		var out, errb cappedBuffer
		t := time.Now()
		code, err := prog.Run(goro.RunOptions{
			Args:        []string{"bin", strconv.Itoa(j.i)},
			Stdout:      &out,
			Stderr:      &errb,
			GOMAXPROCS:  2,
			Seed:        uint64(j.i) + 1,
			MemoryLimit: 8 << 30,
			Context:     ctx,
		})
		cancel()
		var ie *goro.InternalError
		rec := record{I: j.i, Source: j.source, Code: code, Stdout: out.Bytes(), Stderr: errb.Bytes(), Ms: time.Since(t).Milliseconds(), Internal: errors.As(err, &ie), HeapLive: heapLive()}
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

// runGoro runs the programs idx of the module in dir under goro, compiled
// whole, and those of sample also from source first (Result.Source), in
// worker subprocesses, restarting a worker after a program that killed it
// or hung it. A program that goro cannot load is replaced by stub (if not
// nil) before the others are run again.
func runGoro(cfg *Config, dir string, idx, sample []int, l *layout, stub func(i int) error, tick func(done int)) map[int]*Result {
	var jobs []job
	for _, i := range sample {
		jobs = append(jobs, job{i, true})
	}
	for _, i := range idx {
		jobs = append(jobs, job{i, false})
	}
	res := map[job]*Result{}
	for len(jobs) > 0 {
		before := len(res)
		done := runWorker(cfg, dir, l, jobs, res, func() { tick(len(res)) })
		var rest []job
		for _, j := range jobs {
			if r := res[j]; r == nil {
				rest = append(rest, j)
			} else if r.LoadErr != "" && stub != nil {
				if err := stub(j.i); err != nil {
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
			for _, j := range rest {
				res[j] = &Result{Died: true, Stderr: []byte(msg)}
			}
			break
		}
		jobs = rest
	}
	out := map[int]*Result{}
	for _, i := range idx {
		out[i] = res[job{i, false}]
		if r := res[job{i, true}]; r != nil && r != out[i] {
			out[i].Source = r
		}
	}
	return out
}

// runWorker runs one worker on jobs and fills res. It returns false if the
// worker died or hung before the end (res then has the job it was
// running, as a crash or hang).
func runWorker(cfg *Config, dir string, l *layout, jobs []job, res map[job]*Result, tick func()) bool {
	list := make([]string, len(jobs))
	for k, j := range jobs {
		list[k] = j.String()
	}
	args := append(append([]string(nil), cfg.Worker[1:]...), "-worker", dir, "-run", strings.Join(list, ","), "-timeout", cfg.Timeout.String())
	from := jobs[0]
	cmd := exec.Command(cfg.Worker[0], args...)
	var errb tailBuffer
	cmd.Stderr = &errb
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		panic(err)
	}
	if err := cmd.Start(); err != nil {
		for _, j := range jobs {
			res[j] = &Result{Died: true, Stderr: []byte("gorodiff: cannot start a worker: " + err.Error() + "\n")}
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
	var current *job
	loaded := false
	for {
		select {
		case r, ok := <-recs:
			if !ok {
				finish()
				if !loaded || current != nil {
					// It died loading or running a program.
					j := from
					if current != nil {
						j = *current
					}
					msg := "gorodiff: the goro worker died"
					if !loaded {
						msg += " loading the batch"
					}
					res[j] = &Result{Died: true, Code: cmd.ProcessState.ExitCode(), Stderr: []byte(msg + ": " + cmd.ProcessState.String() + "\n" + errb.String())}
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
				bad := failedPkgs(r.LoadErr, l)
				if len(bad) == 0 {
					bad[from.i] = true
				}
				for i := range bad {
					lr := &Result{LoadErr: r.LoadErr, Internal: r.Internal, Code: 1, Stderr: []byte(r.LoadErr)}
					res[job{i, false}], res[job{i, true}] = lr, lr
				}
				finish()
				return false
			case r.Start:
				current = &job{r.I, r.Source}
				limit = cfg.Timeout + cfg.Grace
			default:
				res[job{r.I, r.Source}] = &Result{Code: r.Code, Stdout: r.Stdout, Stderr: r.Stderr, Internal: r.Internal, Timeout: r.Timeout, Ms: r.Ms}
				if r.I%50 == 49 && !r.Source {
					fmt.Fprintf(cfg.Log, "goro worker: live heap %d MB after program %d\n", r.HeapLive>>20, r.I)
				}
				current = nil
				tick()
			}
			timer.Reset(limit)
		case <-timer.C:
			cmd.Process.Kill()
			finish()
			j := from
			if current != nil {
				j = *current
			}
			res[j] = &Result{Hung: true, Code: -1, Stderr: []byte(fmt.Sprintf("gorodiff: the goro worker made no progress for %v\n%s", limit, errb.String()))}
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
	kind, detail = compareRun(g, r)
	if kind == "" && r.Source != nil {
		if kind, detail = compareRun(g, *r.Source); kind != "" {
			detail = "from source: " + detail
		}
	}
	return kind, detail
}

// compareRun compares gc's run g with one goro run r.
func compareRun(g, r Result) (kind, detail string) {
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
