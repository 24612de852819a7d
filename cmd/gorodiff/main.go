// Command gorodiff tests goro against gc on random programs: it generates
// -n well-typed, terminating, deterministic Go programs from -seed, runs
// each under gc and under goro (in batches of -batch), and compares their
// exit codes, stdout and panic or fatal error messages. Progress goes to
// stderr; the last line, on stdout, is
//
//	N programs, D differences, C host crashes
//
// and the exit code is 1 if D+C > 0. Each difference is minimised (unless
// -nominimise) and saved to -out as diff-<seed>.go (a standalone program)
// and diff-<seed>.txt (both sides' outputs); host crashes as crash-<seed>.
//
//	go run ./cmd/gorodiff -n 1000 -seed 1 -out DIR
//	go run ./cmd/gorodiff -print 42   # print program 42 and exit
//
// -exclude turns off unit kinds or statement generators (each generated
// statement is preceded by a comment naming its generator, e.g.
// "// control.6"), so that known differences stop hiding others.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/goro-dev/goro/internal/difftest"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "-worker" {
		os.Exit(difftest.WorkerMain(os.Args[1:]))
	}
	n := flag.Int("n", 1000, "number of programs")
	seed := flag.Uint64("seed", 1, "seed of the first program (program i has seed+i)")
	batch := flag.Int("batch", 200, "programs per batch")
	out := flag.String("out", "", "directory for reproducers (default: a new temporary directory)")
	nomin := flag.Bool("nominimise", false, "do not minimise differences")
	maxmin := flag.Int("maxmin", 10, "minimise at most this many differences (one per distinct kind and first line)")
	timeout := flag.Duration("timeout", 20*time.Second, "time limit of a program under goro")
	print := flag.Int64("print", -1, "print the program of this seed and exit")
	mutate := flag.String("mutate", "", "instead of generating programs, mutate those of the `glob` (e.g. 'testdata/e2e/*.go'): integer literals and operators changed at random")
	exclude := flag.String("exclude", "", "comma-separated unit kinds (chan) and statement generators (control.6, end.3) not to generate; changes the programs of the seeds")
	flag.Parse()
	opt := difftest.Options{Exclude: map[string]bool{}}
	for _, x := range strings.Split(*exclude, ",") {
		if x = strings.TrimSpace(x); x != "" {
			opt.Exclude[x] = true
		}
	}

	if *print >= 0 {
		os.Stdout.Write(difftest.GenerateWith(uint64(*print), opt).Source("main", nil))
		return
	}
	if *out == "" {
		d, err := os.MkdirTemp("", "gorodiff-out-")
		if err != nil {
			fmt.Fprintln(os.Stderr, "gorodiff:", err)
			os.Exit(2)
		}
		*out = d
	} else if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gorodiff:", err)
		os.Exit(2)
	}
	fmt.Fprintln(os.Stderr, "gorodiff: reproducers go to", *out)
	var corpus [][]byte
	if *mutate != "" {
		files, err := filepath.Glob(*mutate)
		if err == nil {
			corpus, err = difftest.LoadCorpus(files)
		}
		if err != nil || len(corpus) == 0 {
			fmt.Fprintf(os.Stderr, "gorodiff: -mutate %s: no programs to mutate (%v)\n", *mutate, err)
			os.Exit(2)
		}
		fmt.Fprintf(os.Stderr, "gorodiff: mutating %d of the %d programs of %s\n", len(corpus), len(files), *mutate)
	}
	sum, err := difftest.Run(difftest.Config{
		N:        *n,
		Seed:     *seed,
		Batch:    *batch,
		Out:      *out,
		Minimise: !*nomin,
		MaxMin:   *maxmin,
		Timeout:  *timeout,
		Log:      os.Stderr,
		Generate: opt,
		Corpus:   corpus,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gorodiff:", err)
		os.Exit(2)
	}
	fmt.Fprintf(os.Stderr, "gorodiff: %v, %.2f programs/s, %d flaky and %d skipped programs (gc did not compile them: generator bugs, or mutants), reproducers in %s\n",
		sum.Elapsed.Round(time.Second), float64(sum.Programs)/sum.Elapsed.Seconds(), sum.Flaky, sum.Skipped, *out)
	fmt.Printf("%d programs, %d differences, %d host crashes\n", sum.Programs, sum.Diffs, sum.Crashes)
	if sum.Diffs+sum.Crashes > 0 {
		os.Exit(1)
	}
}
