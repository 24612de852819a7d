package goro_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goro-dev/goro"
)

// TestLoadCompileError checks what an embedder sees of a program that
// does not compile: a *goro.Error with go build's text and each error's
// position.
func TestLoadCompileError(t *testing.T) {
	dir, err := filepath.Abs("testdata/e2e")
	if err != nil {
		t.Fatal(err)
	}
	_, err = goro.Load(goro.Config{Dir: dir, Env: append(os.Environ(), "GOROCACHE=off")}, "fail_compile.go")
	var ge *goro.Error
	if !errors.As(err, &ge) {
		t.Fatalf("Load: %v (%T), want a *goro.Error", err, err)
	}
	if !strings.HasPrefix(ge.Msg, "# command-line-arguments\n") || len(ge.Errors) != 4 {
		t.Fatalf("Msg %q, %d errors", ge.Msg, len(ge.Errors))
	}
	first := ge.Errors[0]
	if !strings.HasSuffix(first.Pos, "fail_compile.go:7:2") || first.Msg != "declared and not used: x" {
		t.Errorf("first error: %+v", first)
	}
}
