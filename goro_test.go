package goro_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goro-dev/goro"
	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

// TestLoadCompileError checks what an embedder sees of a program that
// does not compile: a *goro.Error with go build's text and each error's
// position.
func TestLoadCompileError(t *testing.T) {
	dir, err := filepath.Abs("testdata/e2e")
	if err != nil {
		t.Fatal(err)
	}
	_, err = goro.Load(goro.Config{Dir: dir, Env: append(os.Environ(), "GOROCACHE=off")}, "fail_compile.go")
	var ge *goro.Error
	if !errors.As(err, &ge) {
		t.Fatalf("Load: %v (%T), want a *goro.Error", err, err)
	}
	if !strings.HasPrefix(ge.Msg, "# command-line-arguments\n") || len(ge.Errors) != 4 {
		t.Fatalf("Msg %q, %d errors", ge.Msg, len(ge.Errors))
	}
	first := ge.Errors[0]
	if first.Pos != "./fail_compile.go:7:2" || first.Msg != "declared and not used: x" {
		t.Errorf("first error: %+v", first)
	}
}

// TestLoadCompileErrorLineDirective checks a compile error under a //line
// directive naming a relative file, in a file below the working
// directory: go build prints the name as the directive wrote it (go/scanner
// had joined it to the file's directory).
func TestLoadCompileErrorLineDirective(t *testing.T) {
	dir := t.TempDir()
	src := "package main\n\n//line sub/x.go:20\nvar a int = \"bogus\"\n\nfunc main() {}\n"
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "main.go"), []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-o", os.DevNull, "sub/main.go")
	cmd.Dir = dir
	want, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatal("go build: no error")
	}
	_, err = goro.Load(goro.Config{Dir: dir, Env: append(os.Environ(), "GOROCACHE=off")}, "sub/main.go")
	var ge *goro.Error
	if !errors.As(err, &ge) {
		t.Fatalf("Load: %v (%T), want a *goro.Error", err, err)
	}
	if ge.Msg != string(want) {
		t.Errorf("goro:\n%s\ngo build:\n%s", ge.Msg, want)
	}
}

// writeProgram writes a one-file main package into a new directory and
// returns the directory.
func writeProgram(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestRunContextKill checks that an embedder kills a program that would
// run forever by cancelling the Run's Context.
func TestRunContextKill(t *testing.T) {
	dir := writeProgram(t, `package main

func spin(n int) int { return n + 1 }

func main() {
	go func() { select {} }()
	for i := 0; ; i = spin(i) {
	}
}
`)
	prog, err := goro.Load(goro.Config{Dir: dir, Env: append(os.Environ(), "GOROCACHE=off")}, "main.go")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	cause := errors.New("enough")
	go func() {
		time.Sleep(50 * time.Millisecond)
		cancel(cause)
	}()
	var stderr bytes.Buffer
	code, err := prog.Run(goro.RunOptions{Args: []string{"spin"}, Stderr: &stderr, Context: ctx, GOMAXPROCS: 2})
	if code != -1 || err != cause {
		t.Fatalf("Run = %d, %v; want -1, %v (stderr %q)", code, err, cause, stderr.String())
	}
}

// TestInternalError checks the boundary around goro's own code: a host
// panic in a native (standing for any bug of goro's) ends the program with
// "goro: internal error", the host stack and the G's frames on its stderr,
// the code goro.ExitInternalError, and an *InternalError for the embedder,
// and the host process lives on.
func TestInternalError(t *testing.T) {
	vm.RegisterNative("command-line-arguments.goroBug", func(t *vm.Thread, args, results []rt.Value) {
		var m map[string]int
		m["x"] = 1 // a host panic: assignment to entry in nil map
	})
	dir := writeProgram(t, `package main

import "fmt"

func goroBug()

func main() {
	fmt.Println("before")
	goroBug()
	fmt.Println("after")
}
`)
	prog, err := goro.Load(goro.Config{Dir: dir, Env: append(os.Environ(), "GOROCACHE=off")}, "main.go")
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code, err := prog.Run(goro.RunOptions{Args: []string{"bug"}, Stdout: &stdout, Stderr: &stderr})
	var ie *goro.InternalError
	if code != goro.ExitInternalError || !errors.As(err, &ie) {
		t.Fatalf("Run = %d, %v (%T); want %d and an *InternalError\n%s", code, err, err, goro.ExitInternalError, stderr.String())
	}
	if !strings.Contains(ie.Msg, "assignment to entry in nil map") || !bytes.Contains(ie.Stack, []byte("goro_test.TestInternalError")) {
		t.Errorf("InternalError %q, stack:\n%s", ie.Msg, ie.Stack)
	}
	if stdout.String() != "before\n" {
		t.Errorf("stdout %q, want %q", stdout.String(), "before\n")
	}
	want := "goro: internal error: assignment to entry in nil map\n"
	if !strings.HasPrefix(stderr.String(), want) || !strings.Contains(stderr.String(), "main.main()") {
		t.Errorf("stderr does not start with %q and show main.main's frame:\n%s", want, stderr.String())
	}
}

// TestMemoryLimit checks goro's counterpart of gc's "out of memory": a
// program that keeps what it allocates, and one that asks for a huge slice
// at once, stop with gc's fatal error and exit 2 — the host lives on.
func TestMemoryLimit(t *testing.T) {
	for _, tc := range []struct{ name, body string }{
		{"grow", `var all [][]int
	for i := 0; ; i++ {
		all = append(all, make([]int, 1<<16))
	}`},
		{"huge", `b := make([]byte, 1<<40) // SSA: a new [1<<40]byte
	println(len(b))`},
		{"huge slice", `n := 40
	b := make([]byte, 1<<n)
	println(len(b))`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeProgram(t, "package main\n\nfunc main() {\n\t"+tc.body+"\n}\n")
			prog, err := goro.Load(goro.Config{Dir: dir, Env: append(os.Environ(), "GOROCACHE=off")}, "main.go")
			if err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			code, err := prog.Run(goro.RunOptions{Args: []string{tc.name}, Stderr: &stderr, MemoryLimit: 512 << 20})
			want := "fatal error: runtime: out of memory\n"
			if code != 2 || err != nil || !strings.HasPrefix(stderr.String(), want) {
				t.Fatalf("Run = %d, %v; stderr:\n%s\nwant exit 2 and %q", code, err, stderr.String(), want)
			}
		})
	}
}

// TestUnsafeUnsupported checks that unsafe.Pointer conversions goro's
// values cannot represent are reported by name — never a made-up value or
// a nil pointer panic in the program's name (issue 14). The first is the
// issue's: a [16]byte seen as a struct. testdata/e2e/unsafeviews.go has
// the conversions that work.
func TestUnsafeUnsupported(t *testing.T) {
	for _, tc := range []struct{ name, decls, body, want string }{
		{"bytes as struct", "type S struct {\n\tX int32\n\tY int32\n\tZ int64\n}",
			"var sBuf [16]byte\n\ts := (*S)(unsafe.Pointer(&sBuf[0]))\n\ts.X = 2\n\tprintln(s.X)",
			"goro: unsupported: converting *uint8 to *main.S through unsafe.Pointer"},
		{"float32 bits", "", "f := float32(1.5)\n\tprintln(*(*uint32)(unsafe.Pointer(&f)))",
			"goro: unsupported: converting *float32 to *uint32 through unsafe.Pointer"},
		{"wider", "", "u := uint32(1)\n\tprintln(*(*uint64)(unsafe.Pointer(&u)))",
			"goro: unsupported: converting *uint32 to *uint64 through unsafe.Pointer"},
		{"atomic on part of a word", "", "u := uint64(1)\n\tprintln(atomic.AddUint32((*uint32)(unsafe.Pointer(&u)), 1))",
			"goro: unsupported: an atomic operation on part of a uint64"},
		{"unsafe.Add", "", "a := [2]int{1, 2}\n\tprintln(*(*int)(unsafe.Add(unsafe.Pointer(&a[0]), 16)))",
			"goro: unsupported: unsafe.Add past the elements of the array"},
		{"uintptr arithmetic", "type P struct{ A, B int }", "p := &P{1, 2}\n\tb := (*int)(unsafe.Pointer(uintptr(unsafe.Pointer(p)) + unsafe.Offsetof(p.B)))\n\tprintln(*b)",
			"goro: unsupported: dereferencing 0x"},
		{"reflect through a view", "type W struct {\n\t_ struct{}\n\tn int32\n}",
			"u := uint32(5)\n\tw := (*W)(unsafe.Pointer(&u))\n\tprintln(reflect.ValueOf(w).Elem().Field(1).Int())",
			"goro: unsupported: reflect.Value.Elem of a *main.W that sees memory of another type"},
		{"opaque struct view", "type S struct{ A, B int64 }\n\nfunc view(p unsafe.Pointer) *S { return (*S)(p) }",
			"var b [16]byte\n\tprintln(view(unsafe.Pointer(&b)).B)",
			"goro: unsupported: converting unsafe.Pointer to *main.S over memory of another type"},
		{"opaque string header", "func word(p unsafe.Pointer) uintptr { return *(*uintptr)(p) }",
			"s := \"hello\"\n\tprintln(word(unsafe.Pointer(&s)) != 0)",
			"goro: unsupported: converting unsafe.Pointer to *uintptr over memory of another type"},
		// Not unsafe, but memory gc's layout does not need (slices' TestConcat_too_large).
		{"zero-size elements", "", "s := make([]struct{}, 1<<62+int(unsafe.Sizeof(0)))\n\tprintln(len(s))",
			"goro: unsupported: 4611686018427387912 elements of the zero-size type struct {}"},
		{"zero-size array", "", "p := new([1 << 62]struct{})\n\tprintln(len(p), unsafe.Sizeof(*p))",
			"goro: unsupported: 4611686018427387904 elements of the zero-size type struct {}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			imports := "import \"unsafe\"\n"
			for _, pkg := range []string{"reflect", "sync/atomic"} {
				if strings.Contains(tc.body, path.Base(pkg)+".") {
					imports = "import (\n\t\"" + pkg + "\"\n\t\"unsafe\"\n)\n"
				}
			}
			src := "package main\n\n" + imports + "\n" + tc.decls + "\n\nfunc main() {\n\t" + tc.body + "\n}\n"
			dir := writeProgram(t, src)
			prog, err := goro.Load(goro.Config{Dir: dir, Env: append(os.Environ(), "GOROCACHE=off")}, "main.go")
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			code, err := prog.Run(goro.RunOptions{Args: []string{"unsafe"}, Stdout: &stdout, Stderr: &stderr})
			if code != 2 || err != nil || !strings.HasPrefix(stderr.String(), tc.want) || stdout.Len() > 0 {
				t.Errorf("Run = %d, %v; stdout %q; stderr:\n%s\nwant exit 2 and stderr starting %q", code, err, stdout.String(), stderr.String(), tc.want)
			}
		})
	}
}

// TestExitStatus checks that Run returns what a process's exit status
// keeps of os.Exit's code, its low 8 bits, as gc's program's would be seen
// (found by gorodiff -mutate: os.Exit(256) is 0, os.Exit(-1) is 255).
func TestExitStatus(t *testing.T) {
	for code, want := range map[string]int{"256": 0, "259": 3, "-1": 255, "2147483647": 255} {
		dir := writeProgram(t, "package main\n\nimport \"os\"\n\nfunc main() { os.Exit("+code+") }\n")
		prog, err := goro.Load(goro.Config{Dir: dir, Env: append(os.Environ(), "GOROCACHE=off")}, "main.go")
		if err != nil {
			t.Fatal(err)
		}
		if got, err := prog.Run(goro.RunOptions{Args: []string{"exit"}}); got != want || err != nil {
			t.Errorf("os.Exit(%s): Run = %d, %v; want %d", code, got, err, want)
		}
	}
}

// TestCompile checks a Program compiled whole by Compile: Runs after it
// (one after another and side by side) print what the run from source
// printed, Disassemble still shows the code, and a second Compile is a
// no-op.
func TestCompile(t *testing.T) {
	dir := writeProgram(t, `package main

import (
	"fmt"
	"os"
	"strings"
)

type shape interface{ area() float64 }

type rect struct{ w, h float64 }

func (r rect) area() float64 { return r.w * r.h }

func main() {
	shapes := []shape{rect{2, 3}, rect{1.5, 4}}
	total := 0.0
	for _, s := range shapes {
		total += s.area()
	}
	c := make(chan string)
	go func() { c <- strings.Repeat("ab", 3) }()
	fmt.Println(os.Args[1], total, <-c)
}
`)
	prog, err := goro.Load(goro.Config{Dir: dir, Env: append(os.Environ(), "GOROCACHE=off")}, "main.go")
	if err != nil {
		t.Fatal(err)
	}
	run := func(arg string) string {
		var out, errb bytes.Buffer
		if code, err := prog.Run(goro.RunOptions{Args: []string{"p", arg}, Stdout: &out, Stderr: &errb, GOMAXPROCS: 2}); code != 0 || err != nil {
			t.Errorf("Run = %d, %v; stderr %q", code, err, errb.String())
		}
		return out.String()
	}
	if got := run("source"); got != "source 12 ababab\n" {
		t.Fatalf("from source: %q", got)
	}
	for range 2 {
		if err := prog.Compile(); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan string)
	for _, arg := range []string{"a", "b"} {
		go func() { done <- run(arg) }()
	}
	if got := <-done + <-done; got != "a 12 ababab\nb 12 ababab\n" && got != "b 12 ababab\na 12 ababab\n" {
		t.Errorf("compiled, side by side: %q", got)
	}
	var dis strings.Builder
	if err := prog.Disassemble(&dis, func(name string) bool { return name == "main.rect.area" }); err != nil || !strings.Contains(dis.String(), "main.rect.area") {
		t.Errorf("Disassemble after Compile: %v\n%s", err, dis.String())
	}
	if prog.Cached() {
		t.Error("Cached() after Compile: the program was not read from the cache")
	}
}
