package lib

import (
	"go/ast"
	"sort"
	"strings"
	"testing"

	"github.com/goro-dev/goro/internal/vm"
)

// TestNativeAPI walks the exported functions and methods of the packages
// goro binds natively and that programs import (issue 9: "native packages
// are whole"): each must have a native — the package's bodies are not
// loaded, so one without is `goro: unsupported` when called. What has
// none yet is listed in notYet, and the test fails both on a function
// missing from the list (new API, or a native lost) and on one listed that
// now has a native (the list is kept exact). Variables and constants are
// not walked: constants need no code, and the variables natives set are
// checked where they are set (os.go, TestRuntimeVars).
func TestNativeAPI(t *testing.T) {
	std := stdIndex{}
	missing := map[string]bool{}
	for _, pkg := range []string{"os", "reflect", "runtime", "runtime/debug", "math"} {
		p, err := std.pkg(pkg)
		if err != nil {
			t.Fatal(err)
		}
		for name, fd := range p.funcs {
			if !ast.IsExported(fd.Name.Name) || fd.Recv != nil && !ast.IsExported(recvTypeName(name, pkg)) {
				continue
			}
			if vm.LookupNative(name) == nil && (fd.Recv != nil || !KeepBody(pkg, fd.Name.Name)) {
				missing[name] = true
			}
		}
	}
	var added, stale []string
	for name := range missing {
		if !notYet[name] {
			added = append(added, name)
		}
	}
	for name := range notYet {
		if !missing[name] {
			stale = append(stale, name)
		}
	}
	sort.Strings(added)
	sort.Strings(stale)
	if len(added) > 0 {
		t.Errorf("exported functions of native packages without a native (add one, or list them in notYet):\n\t%s", strings.Join(added, "\n\t"))
	}
	if len(stale) > 0 {
		t.Errorf("listed in notYet but implemented (or gone from the library): take them off the list:\n\t%s", strings.Join(stale, "\n\t"))
	}
}

// recvTypeName is the name of the receiver type of method name (as ssa
// names it) in package pkg, without type arguments.
func recvTypeName(name, pkg string) string {
	recv := strings.TrimPrefix(name[1:strings.Index(name, ")")], "*")
	recv = recv[len(pkg)+1:]
	if i := strings.Index(recv, "["); i >= 0 {
		recv = recv[:i]
	}
	return recv
}

// notYet are the exported functions of native packages without a native
// (2026-12-02), by what they need.
var notYet = setOf(

	// reflect: values made or read through memory goro's cells are not
	// (NewAt, SliceAt, SetPointer, InterfaceData), iterators (Fields,
	// Methods), and a field search calling a program's func.
	"(reflect.Value).FieldByNameFunc", "(reflect.Value).Fields", "(reflect.Value).InterfaceData",
	"(reflect.Value).Methods", "(reflect.Value).SetPointer", "reflect.NewAt", "reflect.SliceAt",
	// runtime: a breakpoint trap.
	"runtime.Breakpoint",
	// runtime/debug: crash output, heap dumps.
	"runtime/debug.SetCrashOutput", "runtime/debug.WriteHeapDump",
)

func setOf(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}
