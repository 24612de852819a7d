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
