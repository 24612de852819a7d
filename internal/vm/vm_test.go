package vm_test

import (
	"bytes"
	"io"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"weak"

	"github.com/goro-dev/goro/internal/lib"
	"github.com/goro-dev/goro/internal/load"
	"github.com/goro-dev/goro/internal/vm"
)

var hotProg *load.Program

func loadHot(tb testing.TB) *load.Program {
	if hotProg == nil {
		p, err := load.Load(load.Config{Dir: "testdata", IsNative: lib.IsNative, Sealed: lib.Sealed}, []string{"hot.go"})
		if err != nil {
			tb.Fatal(err)
		}
		hotProg = p
	}
	return hotProg
}

// run runs the hot program's loop `which` n times and returns the number
// of host allocations it made.
func run(tb testing.TB, which string, n int) uint64 {
	p := loadHot(tb)
	m := vm.New(p, vm.Options{GOMAXPROCS: 1, Stdout: io.Discard, Stderr: io.Discard, Args: []string{"hot", which, strconv.Itoa(n)}})
	return runAllocs(tb, m)
}

// runAllocs runs m and returns the number of host allocations the run
// made.
func runAllocs(tb testing.TB, m *vm.Machine) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	code := m.Run()
	runtime.ReadMemStats(&after)
	if code != 0 {
		tb.Fatalf("%v exited %d", m.Args, code)
	}
	return after.Mallocs - before.Mallocs
}

// TestHotPathsDoNotAllocate checks invariant 7: the allocations of a run do
// not grow with the number of iterations of integer arithmetic, calls,
// field and slice access, channel operations on a ready channel, and
// lookups and updates of present keys in int- and string-keyed maps.
func TestHotPathsDoNotAllocate(t *testing.T) {
	for _, which := range []string{"arith", "call", "field", "chan", "mapint", "mapstr"} {
		small := run(t, which, 1000)
		big := run(t, which, 101000)
		// 100,000 more iterations; allow noise from the host runtime
		// (timers, sysmon) but not one allocation per iteration.
		if big > small+1000 {
			t.Errorf("%s: %d allocations for 100k more iterations (%d vs %d)", which, big-small, big, small)
		}
	}
}

func benchHot(b *testing.B, which string) {
	loadHot(b)
	b.ReportAllocs()
	b.ResetTimer()
	run(b, which, b.N)
}

func BenchmarkArith(b *testing.B) { benchHot(b, "arith") }
func BenchmarkCall(b *testing.B)  { benchHot(b, "call") }
func BenchmarkField(b *testing.B) { benchHot(b, "field") }
func BenchmarkChan(b *testing.B)  { benchHot(b, "chan") }

// BenchmarkMapInt is an update, a lookup and a delete of int keys per op.
func BenchmarkMapInt(b *testing.B) { benchHot(b, "mapint") }

// BenchmarkMapStr is a lookup and an update of string keys per op.
func BenchmarkMapStr(b *testing.B) { benchHot(b, "mapstr") }

// TestHammer runs thousands of goroutines through channels, a mutex, a
// WaitGroup, sleeps and yields at GOMAXPROCS 2 and 4, with several seeds,
// loaded from source and read from the compiled-program cache.
func TestHammer(t *testing.T) {
	p, err := load.Load(load.Config{Dir: "testdata", IsNative: lib.IsNative, Sealed: lib.Sealed}, []string{"hammer.go"})
	if err != nil {
		t.Fatal(err)
	}
	// The same program read back from the compiled-program cache: its
	// functions, types and variables are decoded lazily, by whichever M
	// reaches them first.
	data, err := vm.New(p, vm.Options{Stdout: io.Discard, Stderr: io.Discard}).WriteCache()
	if err != nil {
		t.Fatal(err)
	}
	for _, cached := range []bool{false, true} {
		for _, procs := range []int{2, 4} {
			for seed := uint64(1); seed <= 3; seed++ {
				var out, errb bytes.Buffer
				opt := vm.Options{GOMAXPROCS: procs, Seed: seed, Stdout: &out, Stderr: &errb, Args: []string{"hammer"}}
				var m *vm.Machine
				if cached {
					if m, err = vm.ReadCache(data, opt); err != nil {
						t.Fatal(err)
					}
				} else {
					m = vm.New(p, opt)
				}
				if code := m.Run(); code != 0 || errb.String() != "ok 450015000\n" {
					t.Errorf("cached=%v GOMAXPROCS=%d seed=%d: exit %d, stderr %q", cached, procs, seed, code, errb.String())
				}
			}
		}
	}
}

// BenchmarkFib25 is recursive fib(25) (242,785 calls) per op.
func BenchmarkFib25(b *testing.B) {
	loadHot(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		run(b, "fib", 25)
	}
}

// TestMapRace runs a program that writes a map from two goroutines at
// once. gc reports it as a fatal error when it sees it; so must goro, and
// its host map must never be written concurrently (which would crash the
// host with the host's own fatal error and stack).
func TestMapRace(t *testing.T) {
	p, err := load.Load(load.Config{Dir: "testdata", IsNative: lib.IsNative, Sealed: lib.Sealed}, []string{"maprace.go"})
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	m := vm.New(p, vm.Options{GOMAXPROCS: 2, Seed: 1, Stdout: &out, Stderr: &errb, Args: []string{"maprace"}})
	code := m.Run()
	stderr := errb.String()
	switch {
	case code == 0 && stderr == "100\n":
		t.Log("the two goroutines never overlapped on this run")
	case code == 2 && strings.HasPrefix(stderr, "fatal error: concurrent map writes\n") && !strings.Contains(stderr, "github.com/goro-dev/goro/internal"):
	default:
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
}

// BenchmarkCachedStart measures a run of a program read from the
// compiled-program cache: decoding what the run uses, package
// initializers, and a tiny main.
func BenchmarkCachedStart(b *testing.B) {
	p, err := load.Load(load.Config{Dir: "testdata", IsNative: lib.IsNative, Sealed: lib.Sealed}, []string{"hello.go"})
	if err != nil {
		b.Fatal(err)
	}
	data, err := vm.New(p, vm.Options{Stdout: io.Discard, Stderr: io.Discard}).WriteCache()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		m, err := vm.ReadCache(data, vm.Options{GOMAXPROCS: 1, Stdout: io.Discard, Stderr: io.Discard, Args: []string{"hello"}})
		if err != nil {
			b.Fatal(err)
		}
		if code := m.Run(); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}

// TestStructLoopHeapBounded runs struct methods called through pointer
// receivers and an interface (testdata/particles.go, issue 7): the
// program's live heap must not grow with the number of steps. It did when
// the executor's scalar fast paths wrote a slot's N and left the R of
// whatever an earlier frame had kept there: each struct stored from such
// a slot kept the one before it alive.
func TestStructLoopHeapBounded(t *testing.T) {
	p, err := load.Load(load.Config{Dir: "testdata", IsNative: lib.IsNative, Sealed: lib.Sealed}, []string{"particles.go"})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	m := vm.New(p, vm.Options{GOMAXPROCS: 1, Stdout: &out, Stderr: &out, Args: []string{"particles", "400"}})
	if code := m.Run(); code != 0 || out.String() != "0.958167\n" {
		t.Fatalf("exit %d, output:\n%s", code, out.String())
	}
}

// TestBlockingReadHandsOffP: a G blocked in a host read enters _Gsyscall and
// its M gives up its P (rt.Entersyscall), so with GOMAXPROCS 1 the G that
// unblocks it still runs (testdata/fiforead.go). Before, the program hung.
func TestBlockingReadHandsOffP(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	p, err := load.Load(load.Config{Dir: "testdata", IsNative: lib.IsNative, Sealed: lib.Sealed}, []string{"fiforead.go"})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	m := vm.New(p, vm.Options{GOMAXPROCS: 1, Stdout: &out, Stderr: &out, Args: []string{"fiforead", fifo}})
	done := make(chan int, 1)
	go func() { done <- m.Run() }()
	select {
	case code := <-done:
		if code != 0 || out.String() != "1 <nil> x\n" {
			t.Fatalf("exit %d, output:\n%s", code, out.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the reader held the only P: the writer never ran")
	}
}

// TestMachineReleased runs a program (testdata/released.go) and checks
// that its Machine is collected afterwards: no table of goro's keeps a
// finished program alive (sync.Cond's notify lists held their cells, and
// so the Machine, until the host process ended: a host that runs programs
// one after another grew by megabytes a program).
func TestMachineReleased(t *testing.T) {
	p, err := load.Load(load.Config{Dir: "testdata", IsNative: lib.IsNative, Sealed: lib.Sealed}, []string{"released.go"})
	if err != nil {
		t.Fatal(err)
	}
	var w weak.Pointer[vm.Machine]
	func() {
		var out bytes.Buffer
		m := vm.New(p, vm.Options{GOMAXPROCS: 2, Stdout: &out, Stderr: &out, Args: []string{"released"}})
		if code := m.Run(); code != 0 || out.String() != "1 context canceled true 104\n" {
			t.Fatalf("exit %d, output:\n%s", code, out.String())
		}
		w = weak.Make(m)
	}()
	for i := 0; i < 10 && w.Value() != nil; i++ {
		runtime.GC() // cleanups run between collections
	}
	if w.Value() != nil {
		t.Fatal("the Machine is still reachable after its program ended")
	}
}
