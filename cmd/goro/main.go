// Command goro runs Go programs on goro's goroutine runtime.
//
//	goro run [-seed N [-strategy random|pct] [-schedtrace FILE]] [-d[=PATTERN]] <file.go... | dir | package> [args...]
//	goro test [go test's flags] [packages] [test binary flags]
//
// Like `go run`: the program's output, exit code and panics are its own;
// compile errors print like go build and exit 1. With -d, goro prints the
// code it would run (the main package's functions, or those whose names
// match the regular expression PATTERN) to stderr instead of running.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"regexp"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"

	"github.com/goro-dev/goro"
)

func usage() {
	fmt.Fprintf(os.Stderr, "usage: goro run [-seed N [-strategy random|pct] [-schedtrace FILE]] [-trace FILE] [-dumpsignal SIG] [-d[=PATTERN]] <file.go... | dir | package> [arguments...]\n       goro test [go test's flags] [packages] [test binary flags]\n")
	os.Exit(2)
}

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	switch os.Args[1] {
	case "run":
		code := run(os.Args[2:])
		os.Exit(code)
	case "test":
		os.Exit(test(os.Args[2:]))
	case "testbin": // the script a test binary re-executes (test.go's testScript)
		os.Exit(testBinary(os.Args[2:]))
	case "help", "-h", "--help":
		usage()
	default:
		fmt.Fprintf(os.Stderr, "goro %s: unknown command\nRun 'goro help' for usage.\n", os.Args[1])
		os.Exit(2)
	}
}

func run(args []string) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	var sf schedFlags
	sf.register(fs)
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of goro itself (load and run) to `file`")
	traceFile := fs.String("trace", "", "write an execution trace of the program (Go's format: go tool trace reads it) to `file`")
	dumpSig := fs.String("dumpsignal", "", "print every goroutine to stderr, the program going on, each time the process gets `signal` (SIGUSR1, SIGUSR2 or SIGHUP)")
	var dis disFlag
	fs.Var(&dis, "d", "print the compiled code of the main package's functions (-d) or of those whose names match `PATTERN` (-d=PATTERN) to stderr, instead of running")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var match func(string) bool
	switch dis {
	case "":
	case "true":
		match = func(name string) bool { return strings.HasPrefix(name, "main.") }
	default:
		re, err := regexp.Compile(string(dis))
		if err != nil {
			fmt.Fprintf(os.Stderr, "goro run: -d: %v\n", err)
			return 2
		}
		match = re.MatchString
	}
	args = fs.Args()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "goro: %v\n", err)
			return 1
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if len(args) == 0 {
		fmt.Fprintf(os.Stderr, "goro run: no go files listed\n")
		return 1
	}
	// Files or one package, then the program's arguments (as go run).
	n := 1
	if strings.HasSuffix(args[0], ".go") {
		for n < len(args) && strings.HasSuffix(args[n], ".go") {
			n++
		}
	}
	// Start-up allocates a lot that lives on (loaded and compiled code, or
	// code decoded from the cache on first call) and little garbage: a
	// lazier host GC saves about a fifth of loading from source, and lets a
	// program read from the cache start with no collection at all. Then
	// the program runs with the host's GOGC and a floor (gc.go).
	gcPercent := debug.SetGCPercent(400)
	prog, err := goro.Load(goro.Config{}, args[:n]...)
	paceGC(gcPercent)
	if err != nil {
		var le *goro.Error
		if errors.As(err, &le) {
			fmt.Fprint(os.Stderr, le.Msg)
			if !strings.HasSuffix(le.Msg, "\n") {
				fmt.Fprintln(os.Stderr)
			}
			return 1
		}
		return fail(err)
	}
	if match != nil {
		if err := prog.Disassemble(os.Stderr, match); err != nil {
			return fail(err)
		}
		return 0
	}
	sched, closeTrace, err := sf.schedule()
	if err != nil {
		fmt.Fprintf(os.Stderr, "goro run: %v\n", err)
		return 2
	}
	defer closeTrace()
	name := strings.TrimSuffix(args[0], ".go")
	opt := goro.RunOptions{Args: append([]string{name}, args[n:]...), Seed: sf.seedOrClock(), GOMAXPROCS: gomaxprocs(), Schedule: sched, Quit: quitSignals(), OwnStdio: true}
	if *traceFile != "" {
		f, err := os.Create(*traceFile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "goro run: %v\n", err)
			return 1
		}
		defer f.Close()
		opt.Trace = f
	}
	if *dumpSig != "" {
		sig, ok := dumpSignals[strings.TrimPrefix(strings.ToUpper(*dumpSig), "SIG")]
		if !ok {
			fmt.Fprintf(os.Stderr, "goro run: -dumpsignal %s: want SIGUSR1, SIGUSR2 or SIGHUP\n", *dumpSig)
			return 2
		}
		opt.Monitor = new(goro.Monitor)
		stop := dumpOn(sig, opt.Monitor)
		defer stop()
	}
	// A bug in goro is reported on the program's stderr by Run itself.
	code, _ := prog.Run(opt)
	return code
}

// dumpSignals are the signals -dumpsignal takes: ones gc gives no meaning
// but the end of the program.
var dumpSignals = map[string]syscall.Signal{"USR1": syscall.SIGUSR1, "USR2": syscall.SIGUSR2, "HUP": syscall.SIGHUP}

// dumpOn prints every goroutine of mo's program to stderr at each sig,
// until stop is called.
func dumpOn(sig os.Signal, mo *goro.Monitor) (stop func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, sig)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-c:
				if mo.Dump(os.Stderr) {
					fmt.Fprintln(os.Stderr) // a blank line after each dump
				}
			case <-done:
				return
			}
		}
	}()
	return func() { signal.Stop(c); close(done) }
}

// quitSignals relays the process's SIGQUIT to the program it runs: as
// under gc, it prints every goroutine and ends the program (RunOptions.Quit)
// — instead of dumping goro's own goroutines, as the host runtime would.
func quitSignals() <-chan os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGQUIT)
	return c
}

// fail reports an error of goro's: a bug (an *InternalError, with its host
// stack and exit code 70) or anything else (exit 1).
func fail(err error) int {
	var ie *goro.InternalError
	if errors.As(err, &ie) {
		fmt.Fprintf(os.Stderr, "%v\n\n%s\n", ie, ie.Stack)
		return goro.ExitInternalError
	}
	fmt.Fprintf(os.Stderr, "goro: %v\n", err)
	return 1
}

// disFlag is -d: "true" when given alone, else the pattern.
type disFlag string

func (d *disFlag) String() string     { return string(*d) }
func (d *disFlag) Set(s string) error { *d = disFlag(s); return nil }
func (d *disFlag) IsBoolFlag() bool   { return true }
