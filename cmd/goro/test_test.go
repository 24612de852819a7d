package main

import (
	"slices"
	"testing"
	"time"
)

// TestParseTestArgs checks goro test's command line against go test's
// rules (cmd/go's testFlags): flags before and after the packages, test
// flags forwarded as -test.NAME=VALUE, unknown flags forwarded as given,
// -args and what follows verbatim, the default timeout injected.
func TestParseTestArgs(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		pkgs    []string
		binary  []string
		timeout time.Duration
		verbose bool
		err     string
	}{
		{args: nil, binary: []string{"-test.paniconexit0", "-test.timeout=10m0s"}, timeout: 10 * time.Minute},
		{args: []string{"-v", "./...", "-run", "TestX"}, pkgs: []string{"./..."},
			binary: []string{"-test.paniconexit0", "-test.timeout=10m0s", "-test.v=true", "-test.run=TestX"}, timeout: 10 * time.Minute, verbose: true},
		{args: []string{"-timeout=2s", "a", "b", "-count", "3"}, pkgs: []string{"a", "b"},
			binary: []string{"-test.paniconexit0", "-test.timeout=2s", "-test.count=3"}, timeout: 2 * time.Second},
		{args: []string{"./withmain", "-greeting=hi"}, pkgs: []string{"./withmain"},
			binary: []string{"-test.paniconexit0", "-test.timeout=10m0s", "-greeting=hi"}, timeout: 10 * time.Minute},
		{args: []string{"./p", "-custom", "value", "-short"}, pkgs: []string{"./p"},
			binary: []string{"-test.paniconexit0", "-test.timeout=10m0s", "-custom", "value", "-test.short=true"}, timeout: 10 * time.Minute},
		{args: []string{"./p", "-args", "-v", "x"}, pkgs: []string{"./p"},
			binary: []string{"-test.paniconexit0", "-test.timeout=10m0s", "-v", "x"}, timeout: 10 * time.Minute},
		{args: []string{"-test.v", "-test.run=A", "."}, pkgs: []string{"."},
			binary: []string{"-test.paniconexit0", "-test.timeout=10m0s", "-test.v=true", "-test.run=A"}, timeout: 10 * time.Minute, verbose: true},
		{args: []string{"-timeout", "0", "."}, pkgs: []string{"."}, binary: []string{"-test.paniconexit0", "-test.timeout=0s"}},
		{args: []string{"-json", "./p", "-run", "X"}, pkgs: []string{"./p"},
			binary: []string{"-test.paniconexit0", "-test.v=test2json", "-test.timeout=10m0s", "-test.run=X"}, timeout: 10 * time.Minute},
		{args: []string{"-cover", "."}, err: "coverage (-cover) is not supported yet"},
		// -trace's file is where go test puts it, whatever directory the binary runs in.
		{args: []string{"-trace", "/tmp/t.out", "."}, pkgs: []string{"."},
			binary: []string{"-test.paniconexit0", "-test.timeout=10m0s", "-test.trace=/tmp/t.out"}, timeout: 10 * time.Minute},
		{args: []string{"-run"}, err: "flag needs an argument: -run"},
		{args: []string{"-timeout", "soon"}, err: `invalid value "soon" for flag -timeout: parse error`},
		// goro's own flags are never forwarded.
		{args: []string{"-explore", "50", "-shard=1/4", "-strategy", "pct", "-seed", "0x10", "./p", "-run", "X"}, pkgs: []string{"./p"},
			binary: []string{"-test.paniconexit0", "-test.timeout=10m0s", "-test.run=X"}, timeout: 10 * time.Minute},
		{args: []string{"-explore", "0"}, err: `invalid value "0" for flag -explore: want a number of schedules`},
		{args: []string{"-shard", "4/4"}, err: `invalid value "4/4" for flag -shard: want i/n with 0 <= i < n`},
		{args: []string{"-strategy", "dfs"}, err: `invalid value "dfs" for flag -strategy: want random or pct`},
		{args: []string{"-seed", "x"}, err: `invalid value "x" for flag -seed: not a seed: "x"`},
		{args: []string{"-explore", "5", "-seed", "1", "-schedtrace", "f"}, err: "-schedtrace traces one run: give -seed without -explore"},
	} {
		c, err := parseTestArgs(tc.args)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%q: error %v, want %q", tc.args, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.args, err)
			continue
		}
		if !slices.Equal(c.pkgs, tc.pkgs) || !slices.Equal(c.args, tc.binary) || c.timeout != tc.timeout || c.verbose != tc.verbose {
			t.Errorf("%q:\n got pkgs %q binary %q timeout %v verbose %v\nwant pkgs %q binary %q timeout %v verbose %v",
				tc.args, c.pkgs, c.args, c.timeout, c.verbose, tc.pkgs, tc.binary, tc.timeout, tc.verbose)
		}
	}
}
