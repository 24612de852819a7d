package goro_test

// The standard-library image (internal/vm/image.go): a program never run before loads
// against it, and what that path declines loads from source.

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/goro-dev/goro"
)

// TestStdImage runs testdata/e2e/stdimage.go as a program never run before, in a cache
// holding an image of its standard packages: it must load against the image (goro says
// nothing of loading from source under GOROCACHEDEBUG) and match gc's output. Programs
// the image path declines — one that instantiates a generic function of a package goro
// binds natively (reflect.TypeFor), one that dot-imports an image package, one that does
// not compile — load from source instead, with gc's results.
func TestStdImage(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "e2e"))
	if err != nil {
		t.Fatal(err)
	}
	goroot := goEnv(t, "GOROOT")
	goroBinary(t)
	cache := stdImage(t, "stdimage", []string{filepath.Join(dir, "stdimage.go")})
	env := goroEnv("GOFLAGS=", "GOROCACHE="+cache, "GOROCACHEDEBUG=1")

	res := runGoro(t, dir, *e2eTimeout, env, false, "stdimage.go")
	if strings.Contains(string(res.stderr), "goro: loading from source") {
		t.Errorf("stdimage.go did not load against the image:\n%s", headLines(string(res.stderr), 5))
	}
	code, err := strconv.Atoi(strings.TrimSpace(readGolden(t, dir, "stdimage.exitcode")))
	if err != nil {
		t.Fatal(err)
	}
	checkE2E(t, "stdimage.go (image)", res, readGolden(t, dir, "stdimage.stdout"), readGolden(t, dir, "stdimage.stderr"), code, dir, goroot)

	tmp := t.TempDir()
	for _, tc := range []struct{ name, src, why string }{
		{"typefor.go", "package main\n\nimport (\n\t\"fmt\"\n\t\"reflect\"\n)\n\nfunc main() {\n\tfmt.Println(reflect.TypeFor[[]int]())\n}\n",
			"undefined: reflect.TypeFor"},
		{"dot.go", "package main\n\nimport (\n\t\"fmt\"\n\t. \"sync/atomic\"\n)\n\ntype Pointer struct{ X int64 }\n\nfunc main() {\n\tvar n Int64\n\tn.Add(2)\n\tfmt.Println(Pointer{n.Load()})\n}\n",
			"a dot-import of sync/atomic"},
		{"bad.go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(undefinedName)\n}\n",
			"undefined: undefinedName"},
	} {
		if err := os.WriteFile(filepath.Join(tmp, tc.name), []byte(tc.src), 0o666); err != nil {
			t.Fatal(err)
		}
		// gc's answer, from go run itself.
		gorun := exec.Command("go", "run", tc.name)
		gorun.Dir, gorun.Env = tmp, goroEnv("GOFLAGS=")
		var gout, gerr strings.Builder
		gorun.Stdout, gorun.Stderr = &gout, &gerr
		wantCode := 0
		if err := gorun.Run(); err != nil {
			ee, ok := err.(*exec.ExitError)
			if !ok {
				t.Fatal(err)
			}
			wantCode = ee.ExitCode()
		}
		res := runGoro(t, tmp, *e2eTimeout, env, false, tc.name)
		stderr, debug := splitDebug(string(res.stderr))
		if !strings.Contains(debug, "goro: loading from source") || !strings.Contains(debug, tc.why) {
			t.Errorf("%s: want goro to load it from source (%s); its notes:\n%s", tc.name, tc.why, debug)
		}
		res.stderr = []byte(stderr)
		checkE2E(t, tc.name+" (declined)", res, gout.String(), gerr.String(), wantCode, tmp, goroot)
	}
}

// splitDebug separates GOROCACHEDEBUG's notes from the rest of a run's stderr.
func splitDebug(stderr string) (rest, debug string) {
	var r, d strings.Builder
	for _, line := range strings.SplitAfter(stderr, "\n") {
		if strings.HasPrefix(line, "goro: loading from source") {
			d.WriteString(line)
		} else {
			r.WriteString(line)
		}
	}
	return r.String(), d.String()
}

// TestLayeredEntry checks the entry a program's first run writes against an image: it is
// layered over the image (the program's own code, a few KB, not the image's MBs), later
// runs read it with the image, and once the cache no longer holds that image the entry
// is not used: the program loads again, with the same output.
func TestLayeredEntry(t *testing.T) {
	cache := t.TempDir()
	env := goroEnv("GOFLAGS=", "GOROCACHE="+cache)
	program := func(src string) string {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module m\n\ngo 1.26\n"), 0o666); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	run := func(dir string) (out string, cached bool) {
		t.Helper()
		prog, err := goro.Load(goro.Config{Dir: dir, Env: env}, ".")
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if code, err := prog.Run(goro.RunOptions{Args: []string{"m"}, Stdout: &b, Stderr: &b}); code != 0 || err != nil {
			t.Fatalf("exit %d, %v:\n%s", code, err, b.String())
		}
		return b.String(), prog.Cached()
	}
	files := func() map[string]int64 {
		sizes := map[string]int64{}
		filepath.Walk(cache, func(path string, fi os.FileInfo, err error) error {
			if err == nil && fi.Mode().IsRegular() {
				sizes[path] = fi.Size()
			}
			return nil
		})
		return sizes
	}
	// From source: writes the image of fmt's and strings' closure.
	run(program("package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc main() { fmt.Println(strings.ToUpper(\"image\")) }\n"))
	images := files()

	// Never run before: loaded against the image. Its own types' methods are called
	// by the image's code (fmt calls String), its code calls the image's.
	dir := program(`package main

import (
	"fmt"
	"strings"
)

type point struct{ x, y int }

func (p point) String() string { return fmt.Sprintf("(%d,%d)", p.x, p.y) }

func main() {
	ps := []fmt.Stringer{point{1, 2}, point{3, 4}}
	fmt.Println(ps, strings.Repeat("ab", 2))
}
`)
	const want = "[(1,2) (3,4)] abab\n"
	for i, wantCached := range []bool{false, true} {
		if out, cached := run(dir); out != want || cached != wantCached {
			t.Fatalf("run %d: got %q (cached %v), want %q (cached %v)", i+1, out, cached, want, wantCached)
		}
	}
	for path, size := range files() {
		if _, ok := images[path]; !ok && size > 64<<10 {
			t.Errorf("the program's entry %s has %d bytes: not layered over the image", filepath.Base(path), size)
		}
	}
	// The image goes (as the oldest of too many would): the entry is stale.
	for path, size := range images {
		if size > 64<<10 {
			os.Remove(path)
		}
	}
	for i, wantCached := range []bool{false, true} {
		if out, cached := run(dir); out != want || cached != wantCached {
			t.Fatalf("run %d without the image: got %q (cached %v), want %q (cached %v)", i+1, out, cached, want, wantCached)
		}
	}
}
