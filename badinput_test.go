package goro_test

// Bad input: what goro says about arguments and programs it cannot run,
// compared with what `go run` says about the same (issue 14).

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBadInput runs goro and go run on arguments that name no runnable
// program — a missing file, a directory without Go files, a package that
// does not exist, a syntax error, an import that does not exist, a
// package that is not main, a _test.go file — and wants the same message and exit code. A
// program that imports "C" gets goro's own message, naming cgo.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module bad\n\ngo 1.24\n")
	write("syntax.go", "package main\n\nfunc main() {\n\tx :=\n}\n")
	write("imp.go", "package main\n\nimport \"no/such/pkg\"\n\nfunc main() { pkg.X() }\n")
	write("notmain.go", "package foo\n\nfunc F() {}\n")
	write("main_test.go", "package main\n\nfunc main() {}\n") // TestGorootAll found goro loading it: a host panic
	write("empty/README", "no Go here\n")
	write("twoerrs/a.go", "package main\n\nfunc main() {\n\tvar s string = 1\n\tundefined()\n}\n")
	cgo := "package main\n\n// int one(void) { return 1; }\nimport \"C\"\n\nfunc main() { println(C.one()) }\n"
	write("cgo.go", cgo)
	write("cgodir/main.go", cgo)
	// A cgo file its own build tag leaves out (golang.org/x/text's
	// //go:build icu) is not refused: the package builds without it.
	write("tagged/main.go", "package main\n\nfunc main() { println(\"no cgo\") }\n")
	write("tagged/icu.go", "//go:build icu\n\n"+strings.Replace(cgo, "func main()", "func init()", 1))
	// //go:embed directives gc rejects (the type checker does not).
	write("embedbad/t.txt", "x\n")
	write("embedbad/main.go", "package main\n\n//go:embed t.txt\nvar a string = \"init\"\n\n//go:embed t.txt\nvar b, c string\n\n//go:embed t.txt\nfunc main() {\n\t//go:embed t.txt\n\tvar d string\n\tprintln(a, b, c, d)\n}\n")
	write("embedbad2/t.txt", "x\n")
	write("embedbad2/main.go", "package main\n\nimport _ \"embed\"\n\n//go:embed t.txt\nvar a string = \"init\"\n\n//go:embed t.txt\nvar b, c string\n\nfunc main() {\n\t//go:embed t.txt\n\tvar d string\n\tprintln(a, b, c, d)\n}\n")
	env := goroEnv("GOROCACHE=off", "GOFLAGS=")
	for _, args := range [][]string{
		{"nofile.go"},
		{"./empty"},
		{"./nodir"},
		{"no/such/pkg"},
		{"syntax.go"},
		{"imp.go"},
		{"notmain.go"},
		{"main_test.go"},
		{"./twoerrs"},
		{"./tagged"},
		{"./embedbad"},
		{"./embedbad2"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			gocmd := exec.Command("go", append([]string{"run"}, args...)...)
			gocmd.Dir, gocmd.Env = dir, env
			want, _ := gocmd.CombinedOutput()
			wantCode := gocmd.ProcessState.ExitCode()
			got := runGoro(t, dir, time.Minute, env, true, args...)
			if got.exitCode != wantCode || string(got.stdout) != string(want) {
				t.Errorf("goro run %s: exit %d\n%s\ngo run: exit %d\n%s", strings.Join(args, " "), got.exitCode, got.stdout, wantCode, want)
			}
		})
	}
	for _, arg := range []string{"cgo.go", "./cgodir"} {
		got := runGoro(t, dir, time.Minute, env, true, arg)
		want := `.go:4:8: goro: unsupported: cgo (import "C"): goro runs Go code only`
		if got.exitCode != 1 || !strings.Contains(string(got.stdout), want) {
			t.Errorf("goro run %s: exit %d\n%s\nwant exit 1 and %q", arg, got.exitCode, got.stdout, want)
		}
	}
}
