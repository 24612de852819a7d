package goro_test

// Tests of the e2e stderr normalization against gc's golden files and goro's traceback format.

import (
	"path/filepath"
	"strings"
	"testing"
)

// goroStyle rewrites gc's golden stderr the way goro prints tracebacks — frames as
// "pkg.func(...)" or "pkg.func()", every position with " +0x0", other goroutine ids and
// deadlock blocks in another order — and checks that normalization makes the two equal.
func TestNormalizeStderr(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "e2e"))
	if err != nil {
		t.Fatal(err)
	}
	goroot := goEnv(t, "GOROOT")
	for _, name := range []string{"fail_deadlock", "fail_panic_sprintf", "fail_panic_repanic", "fail_nilderef", "fail_goroutine_panic"} {
		gc := readGolden(t, dir, name+".stderr")
		goro := goroStyle(gc)
		if name == "fail_deadlock" {
			// Swap the last two goroutine blocks and renumber them.
			blocks := strings.Split(strings.TrimSuffix(goro, "\n"), "\n\n")
			n := len(blocks)
			blocks[n-1], blocks[n-2] = blocks[n-2], blocks[n-1]
			goro = strings.Join(blocks, "\n\n") + "\n"
		}
		if a, b := normalizeStderr(gc, dir, goroot), normalizeStderr(goro, dir, goroot); a != b {
			t.Errorf("%s: normalized outputs differ (-gc +goro):\n%s", name, lineDiff(a, b))
		}
	}
	// Normalization must not hide real differences.
	gc := readGolden(t, dir, "fail_index.stderr")
	bad := strings.Replace(gc, "with length 3", "with length 4", 1)
	if normalizeStderr(gc, dir, goroot) == normalizeStderr(bad, dir, goroot) {
		t.Error("normalization hid a changed panic message")
	}
	bad = strings.Replace(gc, "fail_index.go:13", "fail_index.go:12", 1)
	if normalizeStderr(gc, dir, goroot) == normalizeStderr(bad, dir, goroot) {
		t.Error("normalization hid a changed line number")
	}
}

// goroStyle converts gc traceback text to goro's frame format.
func goroStyle(s string) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		switch {
		case strings.HasPrefix(line, "\t"):
			if j := strings.Index(line, " +0x"); j >= 0 {
				line = line[:j]
			}
			if strings.Contains(line, ".go:") {
				line += " +0x0"
			}
		case i+1 < len(lines) && strings.HasPrefix(lines[i+1], "\t") && strings.HasSuffix(line, ")") && !strings.HasPrefix(line, "created by "):
			if open := matchingParen(line); open > 0 && open < len(line)-2 {
				line = line[:open] + "(...)"
			}
		}
		line = strings.ReplaceAll(line, "goroutine 19", "goroutine 6")
		line = strings.ReplaceAll(line, "goroutine 20", "goroutine 5")
		line = strings.ReplaceAll(line, "goroutine 17", "goroutine 3")
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}
