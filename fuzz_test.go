package goro_test

// The fuzz target of the loader and the VM: program text in, any outcome
// but a bug of goro's out. A program may fail to compile, panic, deadlock,
// run out of its memory or time: those are the program's. A host panic (in
// loading, compiling, the cache or the executor: an *InternalError) or a
// crash of the test process is goro's, and a failure.
//
// The committed corpus is testdata/fuzz/FuzzProgram; CI fuzzes for a few
// seconds (.ci/run), and `go test ./...` runs the corpus.

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/goro-dev/goro"
)

func FuzzProgram(f *testing.F) {
	f.Fuzz(func(t *testing.T, src string) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
		env := append(os.Environ(), "GOROCACHE=off", "GOFLAGS=")
		prog, err := goro.Load(goro.Config{Dir: dir, Env: env}, "main.go")
		var ie *goro.InternalError
		if errors.As(err, &ie) {
			t.Fatalf("%v\n%s", ie, ie.Stack)
		}
		if err != nil {
			return // the program's own error
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_, err = prog.Run(goro.RunOptions{
			Args: []string{"fuzz"}, Stdout: io.Discard, Stderr: io.Discard,
			GOMAXPROCS: 2, Seed: 1, MemoryLimit: 256 << 20, Context: ctx,
		})
		if errors.As(err, &ie) {
			t.Fatalf("%v\n%s", ie, ie.Stack)
		}
	})
}
