package goro_test

// End-to-end tests: run testdata/e2e programs under `goro run` and compare with gc's golden output.

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The goro binary is built once per test process, the first time a test needs it, into a
// temporary directory that TestMain removes. A build failure fails every test that needs the
// binary, with the compiler's output, rather than being skipped.
var (
	goroTmpDir    string
	goroBuildOnce sync.Once
	goroBinPath   string
	goroBuildErr  error
)

var e2eTimeout = flag.Duration("goro.timeout", 60*time.Second, "per-program time limit for e2e and conformance runs")

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "goro-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "creating temp dir:", err)
		os.Exit(1)
	}
	goroTmpDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// goroBinary returns the path of the goro command built from ./cmd/goro, failing t if it
// does not build.
func goroBinary(t *testing.T) string {
	t.Helper()
	goroBuildOnce.Do(func() {
		exe := filepath.Join(goroTmpDir, "goro")
		cmd := exec.Command("go", "build", "-o", exe, "./cmd/goro")
		out, err := cmd.CombinedOutput()
		if err != nil {
			goroBuildErr = fmt.Errorf("go build ./cmd/goro: %v\n%s", err, out)
			return
		}
		goroBinPath = exe
	})
	if goroBuildErr != nil {
		t.Fatal(goroBuildErr)
	}
	return goroBinPath
}

// goroEnv is the environment for a program run: the test's own, without settings that change
// the runtime's output, plus extra.
func goroEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "GOTRACEBACK", "GODEBUG", "GOMAXPROCS", "GOFLAGS", "GOEXPERIMENT":
			continue
		}
		env = append(env, kv)
	}
	return append(env, extra...)
}

// runResult is what one program run produced.
type runResult struct {
	stdout, stderr []byte // with combined output, both hold it
	exitCode       int
	timedOut       bool
	truncated      bool  // the program wrote more than maxOutput bytes; the rest was dropped
	err            error // a failure to start or wait for the process, not the program's exit
}

// maxOutput bounds how much of each output stream a test keeps, so that a runaway program
// cannot exhaust the test's memory.
const maxOutput = 4 << 20

// cappedBuffer is an io.Writer that keeps the first maxOutput bytes written to it.
type cappedBuffer struct {
	buf       bytes.Buffer
	truncated bool
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if room := maxOutput - c.buf.Len(); len(p) > room {
		c.buf.Write(p[:max(room, 0)])
		c.truncated = true
		return len(p), nil
	}
	return c.buf.Write(p)
}

// runGoro runs `goro run args...` in dir with a time limit. With combined, stdout and stderr
// go to one stream, as the GOROOT/test driver collects them.
func runGoro(t *testing.T, dir string, timeout time.Duration, env []string, combined bool, args ...string) runResult {
	t.Helper()
	exe := goroBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, append([]string{"run"}, args...)...)
	cmd.Dir = dir
	cmd.Env = env
	stdout, stderr := new(cappedBuffer), new(cappedBuffer)
	if combined {
		stderr = stdout
	}
	cmd.Stdout = stdout // the same writer for both makes os/exec share one pipe
	cmd.Stderr = stderr
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	res := runResult{
		stdout:    stdout.buf.Bytes(),
		stderr:    stderr.buf.Bytes(),
		truncated: stdout.truncated || stderr.truncated,
	}
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		res.timedOut = true
		res.exitCode = -1
	case err == nil:
	case errors.As(err, &exitErr):
		res.exitCode = exitErr.ExitCode() // -1 when killed by a signal
		if res.exitCode < 0 {
			res.err = fmt.Errorf("goro was killed: %v", err)
		}
	default:
		res.exitCode = -1
		res.err = err
	}
	return res
}

// e2ePrograms returns testdata/e2e's absolute path and its programs.
func e2ePrograms(t *testing.T) (dir string, files []string) {
	return goldenPrograms(t, "e2e")
}

// goldenPrograms returns testdata/<sub>'s absolute path and its programs.
func goldenPrograms(t *testing.T, sub string) (dir string, files []string) {
	dir, err := filepath.Abs(filepath.Join("testdata", sub))
	if err != nil {
		t.Fatal(err)
	}
	files, err = filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no programs in testdata/" + sub)
	}
	return dir, files
}

func TestE2E(t *testing.T) {
	runGoldenPrograms(t, "e2e")
}

// TestEveryday runs testdata/everyday: realistic small programs, one per area of the
// standard library a user reaches for (issue 9's corpus), against gc's output.
func TestEveryday(t *testing.T) {
	runGoldenPrograms(t, "everyday")
}

// livenessStress turns on TestLivenessStress.
var livenessStress = flag.Bool("goro.liveness", false, "TestLivenessStress: run the e2e and everyday programs with GOROLIVENESS=stress")

// TestLivenessStress runs the golden programs with every G's dead slots cleared before
// each native call (vm/liveness.go's stress mode), not only at runtime.GC: a slot the
// analysis wrongly takes for dead is then cleared where the program still reads it, and
// its output differs from gc's. Behind a flag (about two minutes).
func TestLivenessStress(t *testing.T) {
	if !*livenessStress {
		t.Skip("-goro.liveness not set")
	}
	for _, sub := range []string{"e2e", "everyday"} {
		t.Run(sub, func(t *testing.T) { runGoldenProgramsEnv(t, sub, []string{"source"}, "GOROLIVENESS=stress") })
	}
}

// runGoldenPrograms runs every program of testdata/<sub> under goro, from source and
// from the compiled-program cache, and compares each run with the golden files
// regen.sh wrote from `go run`.
func runGoldenPrograms(t *testing.T, sub string) {
	runGoldenProgramsEnv(t, sub, []string{"first", "cache"})
}

// stdImportPath matches the import paths of standard packages.
var stdImportPath = regexp.MustCompile(`^[a-z0-9]+(/[a-z0-9]+)*$`)

// stdImage prepares a cache directory for the programs of testdata/<sub> to share: it
// holds the standard-library image (internal/vm/image.go) of every standard package they
// import, written by running a program that imports them all. A program's first run in
// it is then what a new program's is on a user's machine: loaded against the image, or
// from source where that path declines (compile errors, the standard library's generics).
func stdImage(t *testing.T, sub string, files []string) string {
	cache := filepath.Join(goroTmpDir, "cache", sub+"-shared")
	imports := map[string]bool{}
	for _, file := range files {
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
		if err != nil {
			continue // a program whose golden output is a syntax error
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			// A standard package a program may import: not internal, not cmd's.
			first, _, _ := strings.Cut(path, "/")
			if stdImportPath.MatchString(path) && first != "cmd" && !slices.Contains(strings.Split(path, "/"), "internal") {
				imports[path] = true
			}
		}
	}
	// Those that build here (simd/archsimd needs its GOEXPERIMENT).
	list := exec.Command("go", append([]string{"list", "-e", "-f", "{{if not .Error}}{{.ImportPath}}{{end}}"}, slices.Sorted(maps.Keys(imports))...)...)
	list.Env = goroEnv("GOFLAGS=")
	out, err := list.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var src strings.Builder
	src.WriteString("package main\n\nimport (\n")
	for _, path := range strings.Fields(string(out)) {
		fmt.Fprintf(&src, "\t_ %q\n", path)
	}
	src.WriteString(")\n\nfunc main() {}\n")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src.String()), 0o666); err != nil {
		t.Fatal(err)
	}
	res := runGoro(t, dir, *e2eTimeout, goroEnv("GOFLAGS=", "GOROCACHE="+cache), true, "main.go")
	if res.err != nil || res.exitCode != 0 {
		t.Errorf("the program importing every standard package of testdata/%s failed (its programs run from source): exit %d, %v\n%s", sub, res.exitCode, res.err, res.stdout)
	}
	return cache
}

// runGoldenProgramsEnv is runGoldenPrograms in the given modes, with more environment.
func runGoldenProgramsEnv(t *testing.T, sub string, modes []string, extraEnv ...string) {
	dir, files := goldenPrograms(t, sub)
	goroot := goEnv(t, "GOROOT")
	goroBinary(t) // build before the subtests start, so a failure is reported once
	shared := ""
	if slices.Contains(modes, "first") {
		shared = stdImage(t, sub, files)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".go")
		t.Run(name, func(t *testing.T) {
			t.Parallel() // at most GOMAXPROCS at a time: the programs are small
			wantOut := readGolden(t, dir, name+".stdout")
			wantErr := readGolden(t, dir, name+".stderr")
			wantCode, err := strconv.Atoi(strings.TrimSpace(readGolden(t, dir, name+".exitcode")))
			if err != nil {
				t.Fatalf("bad %s.exitcode: %v", name, err)
			}

			// Each program runs twice: first as a program never run
			// before ("first": loaded against the suite's standard-library
			// image, or from source where that declines; "source": from
			// source, in a cache of its own), compiled whole, written to
			// the cache and run as compiled; then read back from that
			// cache. Both runs must match gc's output. (Functions compiled
			// as first called, the cache off, are run by difftest,
			// goro_test and the fuzz target.)
			cache := filepath.Join(goroTmpDir, "cache", sub, name)
			if len(extraEnv) > 0 {
				cache = filepath.Join(goroTmpDir, "cache", sub+"-env", name)
			}
			if shared != "" {
				cache = shared
			}
			for _, mode := range modes {
				env := append(append(goroEnv("GOFLAGS=", "GOROCACHE="+cache), e2eEnv(t, file)...), extraEnv...)
				res := runGoro(t, dir, *e2eTimeout, env, false, name+".go")
				checkE2E(t, name+".go ("+mode+")", res, wantOut, wantErr, wantCode, dir, goroot)
				if mode != "cache" && !strings.HasPrefix(wantErr, "# ") { // a program that compiles
					if entries, _ := filepath.Glob(filepath.Join(cache, "*", "*")); len(entries) == 0 {
						t.Errorf("goro run %s.go left no compiled program in GOROCACHE", name)
					}
				}
			}
		})
	}
}

// e2eEnv returns the variables a program's `//e2e:env KEY=VALUE...` lines
// set for its run (regen.sh sets them for gc's).
func e2eEnv(t *testing.T, file string) []string {
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var env []string
	for _, line := range strings.Split(string(src), "\n") {
		if rest, ok := strings.CutPrefix(line, "//e2e:env "); ok {
			env = append(env, strings.Fields(rest)...)
		}
	}
	return env
}

// checkE2E compares a run's output and exit code with gc's.
func checkE2E(t *testing.T, what string, res runResult, wantOut, wantErr string, wantCode int, dir, goroot string) {
	t.Helper()
	if res.err != nil {
		t.Errorf("running goro: %v", res.err)
	}
	if res.timedOut {
		t.Errorf("goro run %s did not finish within %v", what, *e2eTimeout)
	}
	if res.truncated {
		t.Errorf("goro run %s wrote more than %d bytes to stdout or stderr; the rest was dropped", what, maxOutput)
	}
	var report strings.Builder
	if res.exitCode != wantCode && !res.timedOut {
		fmt.Fprintf(&report, "exit code: got %d, want %d\n", res.exitCode, wantCode)
	}
	if got := string(res.stdout); got != wantOut {
		fmt.Fprintf(&report, "stdout differs (-want +got):\n%s", lineDiff(wantOut, got))
	}
	gotErrN := normalizeStderr(string(res.stderr), dir, goroot)
	wantErrN := normalizeStderr(wantErr, dir, goroot)
	if gotErrN != wantErrN {
		fmt.Fprintf(&report, "stderr differs after normalization (-want +got):\n%s", lineDiff(wantErrN, gotErrN))
		fmt.Fprintf(&report, "raw stderr from goro:\n%s", indent(headLines(string(res.stderr), 100)))
	}
	if report.Len() > 0 {
		t.Errorf("goro run %s (golden files from gc, see testdata/e2e/regen.sh):\n%s", what, report.String())
	}
}

func readGolden(t *testing.T, dir, file string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatalf("missing golden file (run testdata/e2e/regen.sh): %v", err)
	}
	return string(b)
}

var (
	goEnvMu    sync.Mutex
	goEnvCache = map[string]string{}
)

// goEnv returns `go env key`.
func goEnv(t *testing.T, key string) string {
	t.Helper()
	goEnvMu.Lock()
	defer goEnvMu.Unlock()
	if v, ok := goEnvCache[key]; ok {
		return v
	}
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", key, err)
	}
	v := strings.TrimSpace(string(out))
	goEnvCache[key] = v
	return v
}

var (
	pcOffsetRE  = regexp.MustCompile(` \+0x[0-9a-f]+$`)
	sigPCRE     = regexp.MustCompile(`\bpc=0x[0-9a-f]+`)
	goroutineRE = regexp.MustCompile(`\bgoroutine ([0-9]+)\b`)
	// e2eDirRE matches the directory of a golden file's frames wherever the
	// golden files were generated (the checkout may have moved since).
	e2eDirRE = regexp.MustCompile(`(?m)^\t\S*/testdata/(e2e|everyday)/`)
)

// normalizeStderr rewrites a program's stderr so that gc's and goro's can be compared:
//   - the absolute path of the program's directory becomes $DIR, GOROOT becomes $GOROOT;
//   - pc offsets (" +0x1d") at the ends of frame position lines are dropped;
//   - a non-empty argument list of a frame line ("main.f(0xc000012345, 0x3)") becomes "(...)";
//     an empty one ("main.main()") stays as it is;
//   - the pc in a "[signal SIGSEGV: ... pc=0x47a75c]" line becomes pc=PC;
//   - goroutine ids other than 1 become N: gc hands them out in per-P batches, so they vary
//     from run to run on a multi-core machine;
//   - in a deadlock report, the goroutine blocks after the first block (the fatal error line)
//     are sorted, since the order of goroutines in the dump is not specified.
func normalizeStderr(s, dir, goroot string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, d := range pathVariants(dir) {
		s = strings.ReplaceAll(s, d+string(filepath.Separator), "$DIR/")
	}
	s = e2eDirRE.ReplaceAllString(s, "\t$$DIR/")
	if goroot != "" {
		for _, d := range pathVariants(goroot) {
			s = strings.ReplaceAll(s, d+string(filepath.Separator), "$GOROOT/")
		}
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if strings.HasPrefix(line, "\t") {
			lines[i] = pcOffsetRE.ReplaceAllString(line, "")
			continue
		}
		// A frame line is a function name and argument list followed by a tab-indented
		// position line.
		if i+1 < len(lines) && strings.HasPrefix(lines[i+1], "\t") && strings.HasSuffix(line, ")") &&
			!strings.HasPrefix(line, "created by ") && !strings.HasPrefix(line, "panic: ") {
			if open := matchingParen(line); open > 0 && open < len(line)-2 {
				line = line[:open] + "(...)"
			}
		}
		line = sigPCRE.ReplaceAllString(line, "pc=PC")
		line = goroutineRE.ReplaceAllStringFunc(line, func(m string) string {
			if m == "goroutine 1" {
				return m
			}
			return "goroutine N"
		})
		lines[i] = line
	}
	s = strings.Join(lines, "\n")
	if strings.Contains(s, "all goroutines are asleep - deadlock!") {
		trailingNL := strings.HasSuffix(s, "\n")
		blocks := strings.Split(strings.TrimSuffix(s, "\n"), "\n\n")
		if len(blocks) > 2 {
			slices.Sort(blocks[1:])
		}
		s = strings.Join(blocks, "\n\n")
		if trailingNL {
			s += "\n"
		}
	}
	return s
}

// matchingParen returns the index of the '(' matching the ')' that ends line, or -1.
func matchingParen(line string) int {
	depth := 0
	for i := len(line) - 1; i >= 0; i-- {
		switch line[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// pathVariants returns p and, if different, p with symbolic links resolved.
func pathVariants(p string) []string {
	vs := []string{p}
	if r, err := filepath.EvalSymlinks(p); err == nil && r != p {
		vs = append(vs, r)
	}
	return vs
}

// headLines returns the first n lines of s, noting how many were left out.
func headLines(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) <= n {
		return s
	}
	return strings.Join(lines[:n], "") + fmt.Sprintf("... (%d more lines)\n", len(lines)-n)
}

func indent(s string) string {
	if s == "" {
		return "\t(empty)\n"
	}
	s = strings.TrimSuffix(s, "\n")
	return "\t" + strings.ReplaceAll(s, "\n", "\n\t") + "\n"
}

// lineDiff returns a line diff of want and got: common lines prefixed "  ", lines only in
// want "- ", lines only in got "+ ". A missing final newline is shown as a marker line.
func lineDiff(want, got string) string {
	a, b := diffLines(want), diffLines(got)
	// Longest common subsequence table; outputs are small.
	n, m := len(a), len(b)
	if n*m > 4_000_000 {
		return fmt.Sprintf("- (%d lines)\n+ (%d lines)\n(too large to diff)\n", n, m)
	}
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out strings.Builder
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			fmt.Fprintf(&out, "  %s\n", a[i])
			i++
			j++
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			fmt.Fprintf(&out, "- %s\n", a[i])
			i++
		default:
			fmt.Fprintf(&out, "+ %s\n", b[j])
			j++
		}
	}
	return out.String()
}

func diffLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	if lines[len(lines)-1] == "" {
		return lines[:len(lines)-1]
	}
	lines[len(lines)-1] += "⏎(no newline at end)"
	return lines
}

// TestModuleNatives runs a module that requires golang.org/x/sys, whose
// cpu package (imported by golang.org/x/crypto) declares assembly
// functions: they bind to the natives of the standard library's vendored
// copy (vm.ModuleNative). It needs the module, from the module cache or
// the proxy: without either it is skipped, saying so.
func TestModuleNatives(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "modules", "xsyscpu"))
	if err != nil {
		t.Fatal(err)
	}
	dl := exec.Command("go", "mod", "download", "golang.org/x/sys")
	dl.Dir, dl.Env = dir, goroEnv("GOFLAGS=")
	if out, err := dl.CombinedOutput(); err != nil {
		t.Skipf("golang.org/x/sys is not available: %v\n%s", err, out)
	}
	res := runGoro(t, dir, 2*time.Minute, goroEnv("GOFLAGS="), true, ".")
	if res.exitCode != 0 || string(res.stdout) != "initialized: true\n" {
		t.Errorf("goro run (x/sys/cpu): exit %d\n%s", res.exitCode, res.stdout)
	}
}
