package lib_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestFmt runs each testdata/fmt/NAME.go under goro and compares its
// standard output with NAME.out, written by gc (`go run NAME.go > NAME.out`).
// The programs exercise fmt interpreted from GOROOT source over goro's
// native reflect, internal/fmtsort and errors (through reflectlite).
func TestFmt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs goro")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(t.TempDir(), "goro")
	build := exec.Command("go", "build", "-o", exe, "./cmd/goro")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/goro: %v\n%s", err, out)
	}
	dir := filepath.Join(root, "testdata", "fmt")
	progs, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(progs) == 0 {
		t.Fatalf("no programs in %s (%v)", dir, err)
	}
	for _, prog := range progs {
		name := strings.TrimSuffix(filepath.Base(prog), ".go")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want, err := os.ReadFile(filepath.Join(dir, name+".out"))
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(exe, "run", name+".go")
			cmd.Dir = dir
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				if _, ok := err.(*exec.ExitError); !ok {
					t.Fatal(err)
				}
			}
			if got := stdout.Bytes(); !bytes.Equal(got, want) {
				t.Errorf("stdout differs from %s.out\n%s\nstderr:\n%s", name, lineDiff(string(want), string(got)), stderr.Bytes())
			}
		})
	}
}

// lineDiff lists the lines that differ between want and got.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
		}
	}
	return b.String()
}
