package goro_test

// The rest of the g (issue 12): profiles goro writes, read by Go's own
// tools; SIGQUIT dumps; stack limits.

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/goro-dev/goro"
)

// TestGoroutineProfileProto runs a program that writes its goroutine
// profile as protobuf (pprof.Lookup("goroutine").WriteTo(f, 0)) and reads
// it with `go tool pprof`: every goroutine counted, the workers' stacks
// and their labels there.
func TestGoroutineProfileProto(t *testing.T) {
	pprof := runProfiled(t, "goroutine.go", "goroutine.pb.gz")
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

// runProfiled runs testdata/g's prog, which writes a profile to the file
// named by its argument, and returns `go tool pprof` over that file.
func runProfiled(t *testing.T, prog, name string) func(args ...string) string {
	dir, err := filepath.Abs(filepath.Join("testdata", "g"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), name)
	res := runGoro(t, dir, 2*time.Minute, goroEnv("GOFLAGS="), true, prog, out)
	if res.err != nil || res.exitCode != 0 {
		t.Fatalf("goro run %s: exit %d, %v\n%s", prog, res.exitCode, res.err, res.stdout)
	}
	return pprofOf(t, out)
}

// pprofOf returns a function running `go tool pprof args... file`.
func pprofOf(t *testing.T, file string) func(args ...string) string {
	return func(args ...string) string {
		cmd := exec.Command("go", append([]string{"tool", "pprof"}, append(args, file)...)...)
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go tool pprof %s: %v\n%s", strings.Join(args, " "), err, b)
		}
		return string(b)
	}
}

// TestHeapProfileProto runs a program that writes its heap profile
// (pprof.WriteHeapProfile: runtime.MemProfile's sampled allocations,
// vm/mprof.go) and reads it with `go tool pprof`: both allocating
// functions among the allocations, the one whose blocks are kept among
// what is in use. (Sampling is random: 200 blocks of 64 KiB at gc's
// default rate leave a function unsampled with odds of about 1e-11.)
func TestHeapProfileProto(t *testing.T) {
	pprof := runProfiled(t, "heap.go", "heap.pb.gz")
	alloc := pprof("-sample_index=alloc_space", "-top")
	for _, want := range []string{"Type: alloc_space", "main.keep", "main.drop"} {
		if !strings.Contains(alloc, want) {
			t.Errorf("go tool pprof -sample_index=alloc_space -top: no %q in\n%s", want, alloc)
		}
	}
	if inuse := pprof("-sample_index=inuse_space", "-top"); !strings.Contains(inuse, "main.keep") {
		t.Errorf("go tool pprof -sample_index=inuse_space -top: no main.keep in\n%s", inuse)
	}

	// goro test -memprofile: the testing package writes the allocs
	// profile after the tests, every allocation sampled at rate 1.
	out := filepath.Join(t.TempDir(), "mem.out")
	cmd := exec.Command(goroBinary(t), "test", "-memprofile", out, "-memprofilerate", "1", "-run", "TestAdd", "./calc")
	cmd.Dir, cmd.Env = filepath.Join("testdata", "gotest"), goroEnv("GOFLAGS=")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("goro test -memprofile: %v\n%s", err, b)
	}
	if top := pprofOf(t, out)("-sample_index=alloc_objects", "-top"); !strings.Contains(top, "Type: alloc_objects") || !strings.Contains(top, "testing.") {
		t.Errorf("goro test -memprofile: the profile's -top lacks the testing package's allocations:\n%s", top)
	}
}

// TestSIGQUIT sends SIGQUIT to goro running a program that waits: as
// under gc, the program's goroutines are printed (not goro's own) and it
// exits 2. "ready" is printed just before main blocks, so the signal may
// land while main is still returning from the print: the dump then shows
// goroutine 1 [running], which is right too, and the run is repeated.
func TestSIGQUIT(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "g"))
	if err != nil {
		t.Fatal(err)
	}
	want := `SIGQUIT: quit
PC=0x0 m=0 sigcode=0

goroutine 1 [chan receive]:
main.main()
	$DIR/quit.go:24

goroutine N [chan receive]:
main.worker(...)
	$DIR/quit.go:13
created by main.main in goroutine 1
	$DIR/quit.go:17
`
	var got string
	var code int
	for try := 0; try < 5; try++ {
		got, code = sigquit(t, dir)
		if !strings.HasPrefix(got, "SIGQUIT: quit\nPC=0x0 m=0 sigcode=0\n\ngoroutine 1 [running]:\n") {
			break
		}
		t.Logf("SIGQUIT landed before main blocked; again:\n%s", got)
	}
	if got != want || code != 2 {
		t.Errorf("after SIGQUIT: exit %d, stderr\n%s\nwant exit 2,\n%s", code, got, want)
	}
}

// sigquit runs quit.go, sends it SIGQUIT once it is ready and returns its
// normalized stderr after "ready" and its exit code.
func sigquit(t *testing.T, dir string) (string, int) {
	cmd := exec.Command(goroBinary(t), "run", "quit.go")
	cmd.Dir, cmd.Env = dir, goroEnv("GOFLAGS=")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	r := bufio.NewReader(stderr)
	if line, err := r.ReadString('\n'); line != "ready\n" {
		t.Fatalf("goro run quit.go: %q, %v before ready", line, err)
	}
	cmd.Process.Signal(syscall.SIGQUIT)
	rest, _ := io.ReadAll(r)
	cmd.Wait()
	return normalizeStderr(string(rest), dir, goEnv(t, "GOROOT")), cmd.ProcessState.ExitCode()
}

// TestSetMaxStack: debug.SetMaxStack's previous settings and gc's fatal
// error at the new limit (gc's dump after it shows its runtime's stack,
// which goro has not: the first lines and the exit code are compared).
func TestSetMaxStack(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "g"))
	if err != nil {
		t.Fatal(err)
	}
	res := runGoro(t, dir, 2*time.Minute, goroEnv("GOFLAGS="), false, "maxstack.go")
	if got, want := string(res.stdout), "1000000000\n1048576\n10\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
	want := "runtime: goroutine stack exceeds 65536-byte limit\nfatal error: stack overflow\n\ngoroutine 1 [running]:\nmain.f(...)\n"
	if !strings.HasPrefix(string(res.stderr), want) || res.exitCode != 2 {
		t.Errorf("exit %d, stderr begins\n%s\nwant exit 2 and\n%s", res.exitCode, headLines(string(res.stderr), 6), want)
	}
}

// TestBreakpoint: runtime.Breakpoint traps; with no debugger, gc's
// SIGTRAP ends the program with every goroutine and exit code 2 (gc's
// dump also shows its runtime's goroutines and registers, which goro has
// not: the first lines and the exit code are compared).
func TestBreakpoint(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "g"))
	if err != nil {
		t.Fatal(err)
	}
	res := runGoro(t, dir, 2*time.Minute, goroEnv("GOFLAGS="), false, "breakpoint.go")
	if got, want := string(res.stdout), "before\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
	want := "SIGTRAP: trace trap\nPC=0x0 m=0 sigcode=128\n\ngoroutine 1 [running]:\nmain.main()\n"
	stderr := string(res.stderr)
	if !strings.HasPrefix(stderr, want) || !strings.Contains(stderr, "\nmain.main.func1()") || res.exitCode != 2 {
		t.Errorf("exit %d, stderr\n%s\nwant exit 2, the other goroutine, and first\n%s", res.exitCode, stderr, want)
	}
}

// TestSetCrashOutput: after debug.SetCrashOutput(f), the panic that ends
// the program is reported on stderr and in f, as under gc.
func TestSetCrashOutput(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "g"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "crash.txt")
	res := runGoro(t, dir, 2*time.Minute, goroEnv("GOFLAGS="), false, "crashoutput.go", out)
	want := "panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n"
	file, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(res.stderr), want) || !strings.HasPrefix(string(file), want) || res.exitCode != 2 {
		t.Errorf("exit %d, stderr\n%s\ncrash output file\n%s\nwant exit 2 and both beginning\n%s", res.exitCode, res.stderr, file, want)
	}
}

// TestDeepRecursion: 10 million frames of a simple recursive function run
// within the default stack limit, as under gc (whose output this is).
func TestDeepRecursion(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "g"))
	if err != nil {
		t.Fatal(err)
	}
	res := runGoro(t, dir, 3*time.Minute, goroEnv("GOFLAGS="), false, "deep.go")
	if got := string(res.stdout); got != "10000000\n" || res.exitCode != 0 {
		t.Errorf("exit %d, stdout %q, want 10000000; stderr\n%s", res.exitCode, got, headLines(string(res.stderr), 8))
	}
}

// TestExecutionTrace: the traces goro writes — `goro run -trace` of the
// pingpong example, and runtime/trace.Start's of a program with a task, a
// region and a log — are read by Go's own parser (`go tool trace
// -d=parsed`, internal/trace: what golang.org/x/exp/trace is a copy of),
// with the goroutines created, blocking on and unblocked by the channels,
// and the annotations.
func TestExecutionTrace(t *testing.T) {
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	parsed := func(file string) string {
		out, err := exec.Command("go", "tool", "trace", "-d=parsed", file).CombinedOutput()
		if err != nil {
			t.Fatalf("go tool trace -d=parsed %s: %v\n%s", file, err, headLines(string(out), 40))
		}
		return string(out)
	}
	want := func(what, text string, subs ...string) {
		for _, s := range subs {
			if !strings.Contains(text, s) {
				t.Errorf("%s: no %q in the parsed trace:\n%s", what, s, headLines(text, 60))
			}
		}
	}

	pp := filepath.Join(tmp, "pingpong.trace")
	res := runGoro(t, root, 2*time.Minute, goroEnv("GOFLAGS="), true, "-trace", pp, "./examples/pingpong")
	if res.exitCode != 0 || !strings.Contains(string(res.stdout), "last hit by") {
		t.Fatalf("goro run -trace: exit %d\n%s", res.exitCode, res.stdout)
	}
	p := parsed(pp)
	want("pingpong", p,
		"GoID=1 Undetermined->Runnable", "NotExist->Runnable", "main.player @",
		`Running->Waiting Reason="chan receive"`, `Running->Waiting Reason="chan send"`,
		"Waiting->Runnable", "Runnable->Running", "Running->NotExist", "Idle->Running")

	tf := filepath.Join(tmp, "annotated.trace")
	res = runGoro(t, filepath.Join(root, "testdata", "g"), 2*time.Minute, goroEnv("GOFLAGS="), true, "trace.go", tf)
	if res.exitCode != 0 {
		t.Fatalf("goro run trace.go: exit %d\n%s", res.exitCode, res.stdout)
	}
	p = parsed(tf)
	want("runtime/trace", p,
		`TaskBegin`, `Type="pingpong"`, `RegionBegin`, `Type="rally"`, `RegionEnd`,
		`Log`, `Category="score" Message="5"`, `TaskEnd`, "main.main.func1 @",
		`Running->Waiting Reason="chan `, "Running->Syscall")

	// iter.Pull's coroutine goroutine is created blocked.
	pt := filepath.Join(tmp, "pull.trace")
	res = runGoro(t, filepath.Join(root, "testdata", "g"), 2*time.Minute, goroEnv("GOFLAGS="), true, "-trace", pt, "pull.go")
	if res.exitCode != 0 {
		t.Fatalf("goro run -trace pull.go: exit %d\n%s", res.exitCode, res.stdout)
	}
	want("iter.Pull", parsed(pt), "NotExist->Waiting", `Reason="coroutine"`)

	// goro test -trace: the testing package starts runtime/trace itself.
	gt := filepath.Join(tmp, "test.trace")
	cmd := exec.Command(goroBinary(t), "test", "-trace", gt, "./calc")
	cmd.Dir, cmd.Env = filepath.Join(root, "testdata", "gotest"), goroEnv("GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("goro test -trace: %v\n%s", err, out)
	}
	want("goro test -trace", parsed(gt), "testing.tRunner @", "Runnable->Running")
}

// TestMonitor watches a running program through goro.Monitor: every
// goroutine with its state, stack, creation site, labels, sampled CPU
// time and bytes allocated, and a dump that leaves the program running.
func TestMonitor(t *testing.T) {
	t.Setenv("GODEBUG", "gorocpu=1,goroalloc=1")
	dir, err := filepath.Abs(filepath.Join("testdata", "g"))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := goro.Load(goro.Config{Dir: dir, Env: goroEnv("GOFLAGS=")}, "monitor.go")
	if err != nil {
		t.Fatal(err)
	}
	mo := new(goro.Monitor)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		prog.Run(goro.RunOptions{Monitor: mo, Context: ctx, GOMAXPROCS: 2, Stdout: io.Discard, Stderr: io.Discard})
	}()
	defer func() { cancel(); <-done }()
	byFunc := map[string]goro.Goroutine{}
	deadline := time.Now().Add(time.Minute)
	// Settled: compute has run a while and the three others wait (a G just
	// started may be seen running, its thread descheduled on a loaded machine).
	settled := func() bool {
		if len(byFunc) < 4 || byFunc["main.compute"].CPU < 20*time.Millisecond {
			return false
		}
		for f, g := range byFunc {
			if f != "main.compute" && (g.State == "running" || g.State == "runnable") {
				return false
			}
		}
		return true
	}
	for !settled() {
		if time.Now().After(deadline) {
			t.Fatalf("goroutines seen: %+v", byFunc)
		}
		time.Sleep(10 * time.Millisecond)
		byFunc = map[string]goro.Goroutine{}
		for _, g := range mo.Goroutines() {
			if len(g.Stack) > 0 && (g.State != "runnable" || g.Stack[0].Func == "main.compute") {
				byFunc[g.Stack[len(g.Stack)-1].Func] = g
			}
		}
	}
	if g := byFunc["main.main"]; g.ID != 1 || g.State != "chan receive" || g.CreatedBy != nil || g.Stack[0].Line != 32 {
		t.Errorf("main: %+v", g)
	}
	if g := byFunc["main.blocked"]; g.State != "chan receive" || g.ParentID != 1 || g.CreatedBy == nil || g.CreatedBy.Func != "main.main" || g.CreatedBy.Line != 23 || g.Allocated != 1<<20 {
		t.Errorf("blocked: %+v", g)
	}
	if g := byFunc["main.main.func1.1"]; g.State != "sync.Mutex.Lock" || g.Labels["job"] != "locked" {
		t.Errorf("the labelled goroutine: %+v", g)
	}
	var b strings.Builder
	if !mo.Dump(&b) {
		t.Fatal("Dump: no program running")
	}
	for _, want := range []string{"goroutine 1 [chan receive, cpu ", "main.blocked(...)", "created by main.main in goroutine 1", "[sync.Mutex.Lock, cpu ", ", alloc 1048576 bytes]:"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("Dump: no %q in\n%s", want, b.String())
		}
	}
	if mo.Goroutines() == nil {
		t.Error("the program stopped after a dump")
	}
}

// TestProfileTraceHammer: goroutine profiles (each a stop of the world)
// taken from three goroutines at once while eight others run on four Ps,
// all under an execution trace that Go's parser must accept.
func TestProfileTraceHammer(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "g"))
	if err != nil {
		t.Fatal(err)
	}
	tf := filepath.Join(t.TempDir(), "hammer.trace")
	res := runGoro(t, dir, 3*time.Minute, goroEnv("GOFLAGS="), true, "hammer.go", tf)
	if res.exitCode != 0 || string(res.stdout) != "ok true\n" {
		t.Fatalf("goro run hammer.go: exit %d\n%s", res.exitCode, res.stdout)
	}
	if out, err := exec.Command("go", "tool", "trace", "-d=parsed", tf).CombinedOutput(); err != nil {
		t.Fatalf("go tool trace -d=parsed: %v\n%s", err, headLines(string(out), 20))
	}
}
