package difftest

// Tests of the generator (deterministic, seeds differ, programs compile
// with gc), of a small differential run through the real runner (no host
// crashes), and of the minimiser (a synthetic difference shrinks to the
// unit that causes it).

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/goro-dev/goro"
)

// TestMain lets the test binary serve as a goro worker.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "-worker" {
		if os.Getenv("GORODIFF_FAKE_WORKER") != "" {
			fakeWorker(os.Args[1:])
		}
		os.Exit(WorkerMain(os.Args[1:]))
	}
	os.Exit(m.Run())
}

func TestGenerateDeterministic(t *testing.T) {
	for seed := uint64(0); seed < 50; seed++ {
		a, b := Generate(seed).Source("main", nil), Generate(seed).Source("main", nil)
		if !bytes.Equal(a, b) {
			t.Fatalf("seed %d: two generations differ", seed)
		}
		if c := Generate(seed+1000).Source("main", nil); bytes.Equal(a, c) {
			t.Fatalf("seeds %d and %d give the same program", seed, seed+1000)
		}
	}
}

// TestGenerateKinds checks that every unit kind is generated.
func TestGenerateKinds(t *testing.T) {
	seen := map[string]bool{}
	for seed := uint64(0); seed < 200; seed++ {
		for _, u := range Generate(seed).Units {
			seen[u.Kind] = true
		}
	}
	for _, k := range append(KindNames(), "end") {
		if !seen[k] {
			t.Errorf("no unit of kind %s in 200 programs", k)
		}
	}
}

// TestGeneratedTypeCheck type-checks 200 generated programs with go/types
// (gc builds programs in TestDifferential; GORODIFF_GCBUILD=1 builds
// these 200 with gc as well).
func TestGeneratedTypeCheck(t *testing.T) {
	fset := token.NewFileSet()
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	var progs []*Prog
	for seed := uint64(0); seed < 200; seed++ {
		p := Generate(seed)
		progs = append(progs, p)
		src := p.Source("main", nil)
		f, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if _, err := conf.Check("main", fset, []*ast.File{f}, nil); err != nil {
			t.Errorf("seed %d: %v", seed, err)
		}
	}
	if os.Getenv("GORODIFF_GCBUILD") == "" {
		return
	}
	dir := t.TempDir()
	if err := writeBatch(dir, progs, nil); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if out, err := goBuild(dir); err != nil {
		t.Fatalf("go build: %v\n%s", err, headLines(out, 40))
	}
	t.Logf("go build of 200 programs: %v", time.Since(start))
}

// TestDifferential runs 20 programs through the real runner: goro must not
// crash on any, nor differ from gc (every difference found so far is
// fixed; these 20 showed several of them before).
func TestDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("runs goro on 20 programs")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	var log bytes.Buffer
	sum, err := Run(Config{N: 20, Seed: 1000, Batch: 20, Out: out, Worker: []string{exe}, Log: &log, Timeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d programs, %d differences, %d host crashes, %d flaky, %d skipped\n%s", sum.Programs, sum.Diffs, sum.Crashes, sum.Flaky, sum.Skipped, log.String())
	if sum.Programs+sum.Skipped != 20 {
		t.Errorf("%d programs run, %d skipped, want 20", sum.Programs, sum.Skipped)
	}
	if sum.Crashes > 0 || sum.Diffs > 0 || sum.Flaky > 0 || sum.Skipped > 0 {
		t.Errorf("%d host crashes, %d differences, %d flaky programs, %d skipped programs; want none", sum.Crashes, sum.Diffs, sum.Flaky, sum.Skipped)
	}
}

// TestMinimise plants a unit that prints a marker in a generated program and
// checks that the minimiser, with a compare function flagging the marker in
// gc's output, reduces the program to that unit and its one statement.
func TestMinimise(t *testing.T) {
	if testing.Short() {
		t.Skip("builds dozens of programs with gc")
	}
	p := Generate(7)
	if len(p.Units) > 8 {
		p.Units = p.Units[:8]
	}
	for _, u := range p.Units {
		u.Ends = false
	}
	marker := &Unit{N: 99, Kind: "marker", Body: []string{`fmt.Println("before")`, `fmt.Println("MARK" + "ER")`, `fmt.Println("after")`}}
	p.Units = append(p.Units[:3], append([]*Unit{marker}, p.Units[3:]...)...)
	markerDiff := func(gc, goro Result) string {
		if bytes.Contains(gc.Stdout, []byte("MARKER")) {
			return "stdout"
		}
		return ""
	}
	builds := 0
	test := func(q *Prog) bool {
		dir := t.TempDir()
		if err := writeStandalone(dir, q); err != nil {
			t.Fatal(err)
		}
		builds++
		if _, err := goBuild(dir); err != nil {
			return false
		}
		r := runGC(filepath.Join(dir, "bin"), 0, 2)
		return markerDiff(r, Result{}) != ""
	}
	if !test(p) {
		t.Fatal("the planted program shows no difference")
	}
	m := Minimise(p, test)
	t.Logf("%d checks", builds)
	if len(m.Units) != 1 || m.Units[0].Kind != "marker" || len(m.Units[0].Body) != 1 || !strings.Contains(m.Units[0].Body[0], "MARK") {
		t.Errorf("minimised to:\n%s", m.Source("main", nil))
	}
}

// fakeWorker is a worker that answers "ok" for every program but program 1,
// where it dies ($GORODIFF_FAKE_WORKER=die) or stops answering (=hang).
func fakeWorker(args []string) {
	fs := flag.NewFlagSet("fake", flag.ExitOnError)
	fs.String("worker", "", "")
	list := fs.String("run", "", "")
	fs.Duration("timeout", 0, "")
	fs.Parse(args)
	enc := json.NewEncoder(os.Stdout)
	enc.Encode(record{Loaded: true})
	for _, f := range strings.Split(*list, ",") {
		src := strings.HasPrefix(f, "s")
		i, _ := strconv.Atoi(strings.TrimPrefix(f, "s"))
		enc.Encode(record{I: i, Source: src, Start: true})
		if i == 1 {
			fmt.Fprintln(os.Stderr, "fake worker: program 1 kills me")
			if os.Getenv("GORODIFF_FAKE_WORKER") == "hang" {
				time.Sleep(time.Hour)
			}
			os.Exit(9)
		}
		enc.Encode(record{I: i, Source: src, Stdout: []byte("ok\n")})
	}
	os.Exit(0)
}

// TestWorkerDeath checks that a worker that dies or hangs on a program
// costs that program only: it is a crash or a hang, and a new worker runs
// the others, from source (1, 2) and compiled.
func TestWorkerDeath(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{"die", "hang"} {
		t.Setenv("GORODIFF_FAKE_WORKER", mode)
		cfg := Config{Worker: []string{exe}, Timeout: 100 * time.Millisecond, Grace: time.Second}
		cfg.defaults()
		res := runGoro(&cfg, t.TempDir(), []int{0, 1, 2, 3}, []int{1, 2}, nil, nil, func(int) {})
		ok := Result{Stdout: []byte("ok\n")}
		for _, i := range []int{0, 2, 3} {
			if kind, detail := compare(ok, *res[i]); kind != "" {
				t.Errorf("%s: program %d: %s: %s", mode, i, kind, detail)
			}
		}
		if res[2].Source == nil || res[0].Source != nil {
			t.Errorf("%s: program 2 from source: %v, program 0: %v, want a result for 2 only", mode, res[2].Source, res[0].Source)
		}
		want := map[string]string{"die": "crash", "hang": "hang"}[mode]
		if kind, detail := compare(ok, *res[1]); kind != want {
			t.Errorf("%s: program 1: %s (%s), want %s", mode, kind, detail, want)
		}
	}
}

// TestFound runs the reproducers of the differences gorodiff has found
// (testdata/found: one per root cause, each fixed since) under gc and goro
// and wants no difference: they are regression tests.
func TestFound(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs each reproducer with gc and goro")
	}
	files, err := filepath.Glob("testdata/found/*.go")
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := filepath.Glob("testdata/found/*/go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		files = append(files, filepath.Dir(d))
	}
	if len(files) < 7 {
		t.Fatalf("only %d reproducers in testdata/found", len(files))
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			dir, arg := filepath.Dir(path), filepath.Base(path)
			if !strings.HasSuffix(path, ".go") {
				dir, arg = path, "."
			}
			dir, err := filepath.Abs(dir)
			if err != nil {
				t.Fatal(err)
			}
			bin := filepath.Join(t.TempDir(), "bin")
			build := exec.Command("go", "build", "-o", bin, arg)
			build.Dir = dir
			if out, err := build.CombinedOutput(); err != nil {
				t.Fatalf("go build: %v\n%s", err, out)
			}
			g := runGC(bin, -1, 2)
			prog, err := goro.Load(goro.Config{Dir: dir, Env: append(os.Environ(), "GOROCACHE=off")}, arg)
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			code, err := prog.Run(goro.RunOptions{Args: []string{"bin"}, Stdout: &stdout, Stderr: &stderr, GOMAXPROCS: 2, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			r := Result{Code: code, Stdout: stdout.Bytes(), Stderr: stderr.Bytes()}
			if kind, detail := compare(g, r); kind != "" {
				t.Errorf("%s: %s", kind, detail)
			}
		})
	}
}

// TestMutate checks the mutator on the e2e corpus: the corpus keeps
// programs that can join a batch, a mutant differs from its program and
// is deterministic in its seed, and as a batch package it has Main.
func TestMutate(t *testing.T) {
	files, err := filepath.Glob("../../testdata/e2e/*.go")
	if err != nil {
		t.Fatal(err)
	}
	corpus, err := LoadCorpus(files)
	if err != nil {
		t.Fatal(err)
	}
	if len(corpus) < 20 {
		t.Fatalf("only %d of %d e2e programs fit a batch", len(corpus), len(files))
	}
	for i, src := range corpus[:20] {
		p, ok := Mutate(src, uint64(i))
		if !ok {
			continue
		}
		q, _ := Mutate(src, uint64(i))
		if !bytes.Equal(p.Raw, q.Raw) {
			t.Errorf("program %d: two mutants of one seed differ", i)
		}
		if bytes.Equal(p.Raw, src) {
			t.Errorf("program %d: the mutant is the program", i)
		}
		if s := p.Source("p0001", nil); !bytes.Contains(s, []byte("package p0001")) || !bytes.Contains(s, []byte("func Main()")) {
			t.Errorf("program %d: as a batch package:\n%s", i, s)
		}
	}
}
