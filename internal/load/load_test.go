package load

import (
	"errors"
	"strings"
	"testing"
)

// A native package's own test binary: refused by name, unless the package
// runs from source under test (SourceUnderTest), when its test files and
// unexported functions are part of it.
func TestSourceUnderTest(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks math's test binary from source")
	}
	native := func(path string) bool { return path == "math" }
	cfg := Config{IsNative: native, Test: true}
	_, err := Load(cfg, []string{"math"})
	var le *Error
	if !errors.As(err, &le) || !strings.Contains(le.Msg, "goro binds package math natively") {
		t.Fatalf("math's tests with math native: got %v, want the refusal naming it", err)
	}

	cfg.SourceUnderTest = native
	prog, err := Load(cfg, []string{"math"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range prog.Packages {
		if p.Pkg.Path() != "math" {
			continue
		}
		if prog.Native[p] {
			t.Fatal("math is native in its own test binary")
		}
		if p.Func("exp") == nil || p.Func("exp").Blocks == nil {
			t.Fatal("math's unexported exp (export_test.go's ExpGo) has no body")
		}
		return
	}
	t.Fatal("no package math in its test binary")
}
