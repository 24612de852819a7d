package goro_test

// End-to-end tests of goro test: the cases of testdata/gotest/cases run
// with goro test and compared with go test's goldens (regen.sh).

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestGoTest(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the testing package's closure for each case")
	}
	root, err := filepath.Abs(filepath.Join("testdata", "gotest"))
	if err != nil {
		t.Fatal(err)
	}
	cases, err := os.ReadFile(filepath.Join(root, "cases"))
	if err != nil {
		t.Fatal(err)
	}
	goroot := goEnv(t, "GOROOT")
	exe := goroBinary(t)
	for _, line := range strings.Split(string(cases), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		name, dir, args := f[0], filepath.Join(root, f[1]), f[2:]
		t.Run(name, func(t *testing.T) {
			t.Parallel() // each case a goro test of its own (GOMAXPROCS at a time)
			wantOut := readGolden(t, root, filepath.Join("golden", name+".stdout"))
			wantErr := readGolden(t, root, filepath.Join("golden", name+".stderr"))
			wantCode, err := strconv.Atoi(strings.TrimSpace(readGolden(t, root, filepath.Join("golden", name+".exitcode"))))
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 4**e2eTimeout)
			defer cancel()
			cmd := exec.CommandContext(ctx, exe, append([]string{"test"}, args...)...)
			cmd.Dir = dir
			cmd.Env = goroEnv()
			var stdout, stderr cappedBuffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err = cmd.Run()
			code := 0
			if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatalf("goro test: %v", err)
			}
			var report strings.Builder
			if code != wantCode {
				report.WriteString("exit code: got " + strconv.Itoa(code) + ", want " + strconv.Itoa(wantCode) + "\n")
			}
			for _, s := range []struct{ what, want, got string }{
				{"stdout", wantOut, stdout.buf.String()},
				{"stderr", wantErr, stderr.buf.String()},
			} {
				w, g := normalizeGoTest(s.want, root, goroot), normalizeGoTest(s.got, root, goroot)
				if w != g {
					report.WriteString(s.what + " differs after normalization (-want +got):\n" + lineDiff(w, g))
				}
			}
			if report.Len() > 0 {
				t.Errorf("goro test %s (in %s; goldens from go test, see testdata/gotest/regen.sh):\n%s", strings.Join(args, " "), f[1], report.String())
			}
		})
	}
}

var (
	goTestTimeRE  = regexp.MustCompile(`(^|[^0-9.])[0-9]+\.[0-9]+s\b|()\(cached\)`)
	goTestDurRE   = regexp.MustCompile(`\(([0-9]+(\.[0-9]+)?(ns|µs|ms|s|m))+\)`)
	goTestBenchRE = regexp.MustCompile(`(?m)^(Benchmark\S+)\s.*$`)
	goTestCPURE   = regexp.MustCompile(`(?m)^cpu: .*$`)
	goTestJSONRE  = regexp.MustCompile(`"Time":"[^"]*"|"Elapsed":[0-9.]+`)
	// goTestDirRE matches the module's directory where the goldens were
	// made (the checkout may have moved since).
	goTestDirRE = regexp.MustCompile(`(?m)^\t\S*/testdata/gotest/`)
)

// normalizeGoTest makes go test's output and goro test's comparable: times
// become T, a benchmark's figures and the CPU's name go, and tracebacks
// are normalized as the e2e tests' (normalizeStderr).
func normalizeGoTest(s, dir, goroot string) string {
	s = goTestJSONRE.ReplaceAllStringFunc(s, func(m string) string { return m[:strings.Index(m, ":")+1] + "T" })
	s = goTestTimeRE.ReplaceAllString(s, "${1}T")
	s = goTestDurRE.ReplaceAllString(s, "(T)")
	s = goTestBenchRE.ReplaceAllString(s, "$1 ...")
	s = goTestCPURE.ReplaceAllString(s, "cpu: ...")
	s = goTestDirRE.ReplaceAllString(s, "\t"+dir+"/")
	return normalizeStderr(s, dir, goroot)
}

// TestGoTestUnsupported: a test that reaches something goro cannot do yet
// (here a slice of math.MaxInt zero-size elements) fails with the
// unsupported feature named at the line that reached it, its deferred
// calls run, and the tests after it still run (gc passes all three).
func TestGoTestUnsupported(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the testing package's closure")
	}
	cmd := exec.Command(goroBinary(t), "test", "-v", ".")
	cmd.Dir = filepath.Join("testdata", "unsupported")
	cmd.Env = goroEnv()
	out, err := cmd.CombinedOutput()
	if ee := (*exec.ExitError)(nil); !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("goro test: %v, want exit status 1\n%s", err, out)
	}
	for _, want := range []string{
		"goro: unsupported: 9223372036854775807 elements of the zero-size type struct {}",
		"    zerosize_test.go:15: goro: unsupported: 9223372036854775807 elements of the zero-size type struct {}",
		"    zerosize_test.go:14: deferred call ran\n--- FAIL: TestZeroSize",
		"    zerosize_test.go:20: still running\n--- PASS: TestAfter",
		"    zerosize_test.go:25: goro: unsupported: 9223372036854775806 elements of the zero-size type struct {}",
		"--- FAIL: TestAfterGC",
		"    zerosize_test.go:32: goroutine ran\n--- PASS: TestGoroutine",
		"\nFAIL\texample.com/unsupported\t",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
