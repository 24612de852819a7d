package goro_test

// The standard library's own tests as goro's measure (issue 10): with
// -goro.std, TestStdTests runs `go test -json -short` and `goro test -v
// -short` on each package of stdPackages and compares them test by test:
// a test passes under goro when it passes natively. It writes the table
// to testdata/std/RESULTS.md (-goro.stdout changes where) and fails if a
// package does not run to completion under goro (a hang or a host crash).
//
//	go test -run TestStdTests -goro.std -timeout 3h
//	go test -run TestStdTests -goro.std -goro.stdpkgs=strings,sort

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var (
	stdFlag    = flag.Bool("goro.std", false, "run TestStdTests: the standard library's tests under go test and goro test")
	stdPkgs    = flag.String("goro.stdpkgs", "", "comma-separated packages for TestStdTests (default: stdPackages)")
	stdOut     = flag.String("goro.stdout", filepath.Join("testdata", "std", "RESULTS.md"), "where TestStdTests writes its table")
	stdTimeout = flag.Duration("goro.stdtimeout", 5*time.Minute, "go test -timeout for each package under goro test (native: 10m)")
)

// stdPackages is issue 10's list.
var stdPackages = []string{
	"strings", "bytes", "strconv", "sort", "slices", "maps", "errors", "unicode/utf8", "unicode/utf16",
	"container/heap", "container/list", "container/ring", "bufio", "io", "path", "path/filepath",
	"regexp", "regexp/syntax", "text/template", "text/tabwriter", "html", "html/template",
	"encoding/json", "encoding/base64", "encoding/hex", "encoding/csv", "encoding/binary", "encoding/xml",
	"math", "math/bits", "math/big", "math/rand/v2", "hash/crc32", "hash/fnv", "crypto/sha256",
	"crypto/md5", "compress/gzip", "archive/tar", "archive/zip", "context", "sync", "sync/atomic",
	"time", "iter", "net/url", "log", "log/slog", "flag", "fmt", "os", "testing/fstest",
}

// stdResult is one package's outcome on one side: each top-level test's
// (and example's) result, and why the run ended early, if it did.
type stdResult struct {
	tests   map[string]string // name → pass, fail, skip
	reasons map[string]string // a failed test → its first line of output
	order   []string
	end     string // how the binary ended when not by itself: unsupported, internal error, timeout
	elapsed time.Duration
}

func TestStdTests(t *testing.T) {
	if !*stdFlag {
		t.Skip("the standard library's tests run with -goro.std")
	}
	pkgs := stdPackages
	if *stdPkgs != "" {
		pkgs = strings.Split(*stdPkgs, ",")
	}
	exe := goroBinary(t)
	var table, details strings.Builder
	totalNative, totalGoro := 0, 0
	for _, pkg := range pkgs {
		native := runStdNative(t, pkg)
		goro := runStdGoro(t, exe, pkg)
		passN, passG := 0, 0
		var failed, notRun []string
		for _, name := range native.order {
			if native.tests[name] != "pass" {
				continue
			}
			passN++
			if goro.tests[name] == "pass" {
				passG++
				continue
			}
			why := goro.reasons[name]
			switch {
			case goro.tests[name] == "skip":
				why = "skipped under goro: " + why
			case goro.tests[name] == "":
				notRun = append(notRun, "`"+name+"`")
				continue
			}
			failed = append(failed, fmt.Sprintf("- `%s`: %s", name, why))
		}
		if len(notRun) > 0 {
			failed = append(failed, fmt.Sprintf("- not run (%d), the binary having ended: %s", len(notRun), strings.Join(notRun, ", ")))
		}
		totalNative += passN
		totalGoro += passG
		pct := 100.0
		if passN > 0 {
			pct = 100 * float64(passG) / float64(passN)
		}
		end := goro.end
		if end == "" || len(notRun) == 0 && !strings.HasPrefix(end, "panic: test timed out") {
			end = "ran to completion"
		}
		fmt.Fprintf(&table, "| %s | %d | %d | %.0f%% | %s | %s |\n", pkg, passN, passG, pct, goro.elapsed.Round(time.Second), mdCell(end))
		if len(failed) > 0 {
			fmt.Fprintf(&details, "\n### %s\n\n%s\n", pkg, strings.Join(failed, "\n"))
		}
		if strings.Contains(goro.end, "internal error") || strings.HasPrefix(goro.end, "killed") {
			t.Errorf("%s: goro test did not run to completion: %s", pkg, goro.end)
		}
		t.Logf("%s: %d of %d passing tests pass under goro (%s)", pkg, passG, passN, end)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# The standard library's tests under goro test\n\n")
	fmt.Fprintf(&b, "Written by `go test -run TestStdTests -goro.std` (stdtests_test.go): each package's tests run with\n")
	fmt.Fprintf(&b, "`go test -json -short` and with `goro test -v -short -timeout %v`; a test counts when it passes natively,\n", *stdTimeout)
	fmt.Fprintf(&b, "and passes under goro when goro test reports it passed. Top-level tests and examples; subtests are part of their test.\n\n")
	pct := 0.0
	if totalNative > 0 {
		pct = 100 * float64(totalGoro) / float64(totalNative)
	}
	fmt.Fprintf(&b, "**%d of %d natively passing tests pass under goro (%.1f%%).**\n\n", totalGoro, totalNative, pct)
	fmt.Fprintf(&b, "| package | pass natively | pass under goro | | goro's time | how goro's run ended |\n|---|---|---|---|---|---|\n")
	b.WriteString(table.String())
	b.WriteString("\n## Failures under goro (first line of each test's output)\n")
	b.WriteString(details.String())
	if err := os.MkdirAll(filepath.Dir(*stdOut), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*stdOut, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d of %d natively passing tests pass under goro (%.1f%%); table in %s", totalGoro, totalNative, pct, *stdOut)
}

func mdCell(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ") }

// runStdNative runs go test -json on pkg.
func runStdNative(t *testing.T, pkg string) *stdResult {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "test", "-json", "-short", "-count=1", pkg)
	cmd.Env = goroEnv()
	out, _ := cmd.Output()
	res := &stdResult{tests: map[string]string{}, reasons: map[string]string{}}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var ev struct{ Action, Test string }
		if json.Unmarshal(sc.Bytes(), &ev) != nil || ev.Test == "" || strings.Contains(ev.Test, "/") {
			continue
		}
		switch ev.Action {
		case "pass", "fail", "skip":
			if _, seen := res.tests[ev.Test]; !seen {
				res.order = append(res.order, ev.Test)
			}
			res.tests[ev.Test] = ev.Action
		}
	}
	if len(res.tests) == 0 {
		t.Logf("%s: no test results from go test:\n%s", pkg, headLines(string(out), 20))
	}
	return res
}

var (
	stdResultRE = regexp.MustCompile(`^--- (PASS|FAIL|SKIP): (\S+) \(`)
	stdHeaderRE = regexp.MustCompile(`^=== (?:RUN|CONT|NAME|PAUSE)\s+(\S+)`)
)

// runStdGoro runs goro test -v on pkg and reads its results.
func runStdGoro(t *testing.T, exe, pkg string) *stdResult {
	ctx, cancel := context.WithTimeout(context.Background(), *stdTimeout+2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, "test", "-v", "-short", "-count=1", "-timeout="+stdTimeout.String(), pkg)
	cmd.Env = goroEnv()
	cmd.Dir = os.TempDir()
	var out cappedBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	cmd.Run()
	res := &stdResult{tests: map[string]string{}, reasons: map[string]string{}, elapsed: time.Since(start)}
	if ctx.Err() != nil {
		res.end = "killed: no end after " + (*stdTimeout + 2*time.Minute).String()
	}
	lines := strings.Split(out.buf.String(), "\n")
	// With -v a test's log comes between its "=== RUN" (or CONT, NAME)
	// line and its "--- FAIL" line.
	first := map[string]string{}
	current := ""
	for i, line := range lines {
		if m := stdHeaderRE.FindStringSubmatch(line); m != nil {
			current, _, _ = strings.Cut(m[1], "/")
		} else if s := strings.TrimSpace(line); s != "" && strings.HasPrefix(line, "    ") && current != "" && first[current] == "" && !strings.HasPrefix(s, "--- ") {
			first[current] = s
		}
		if m := stdResultRE.FindStringSubmatch(line); m != nil {
			name := m[2]
			res.order = append(res.order, name)
			res.tests[name] = strings.ToLower(m[1])
			if m[1] != "PASS" && first[name] != "" {
				res.reasons[name] = first[name]
			} else if m[1] != "PASS" {
				for _, next := range lines[i+1:] {
					if s := strings.TrimSpace(next); s != "" && strings.HasPrefix(next, "    ") && !strings.HasPrefix(s, "--- ") {
						res.reasons[name] = s
						break
					}
					if !strings.HasPrefix(next, "    ") {
						break
					}
				}
				if res.reasons[name] == "" {
					res.reasons[name] = "(no output)"
				}
			}
			continue
		}
		// The last such line: an unsupported operation in a test's
		// goroutine fails that test and the binary goes on, so only the
		// last can have ended it.
		switch {
		case strings.HasPrefix(line, "goro: unsupported:"), strings.HasPrefix(line, "goro: internal error:"),
			strings.HasPrefix(line, "panic: "), strings.HasPrefix(line, "fatal error: "):
			res.end = line
		}
	}
	for name, why := range res.reasons {
		if why == "(no output)" && res.end != "" {
			res.reasons[name] = res.end
		}
	}
	return res
}
