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
	for _, pkg := range []string{"os", "reflect", "runtime", "runtime/debug", "math", "syscall"} {
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
		interfaceMethods(p, pkg, missing)
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

// interfaceMethods adds to missing the methods of the package's exported
// interfaces that a type of the package implementing them natively lacks
// — a program calls reflect.Type's methods on goro's *rtype, which no
// exported type names: (reflect.Type).Fields for (*reflect.rtype).Fields.
// A type implements an interface when the package's source declares all
// of its exported methods on it.
func interfaceMethods(p *stdPkg, pkg string, missing map[string]bool) {
	native := func(x, m string) bool {
		return vm.LookupNative("(*"+pkg+"."+x+")."+m) != nil || vm.LookupNative("("+pkg+"."+x+")."+m) != nil
	}
	for iname, ts := range p.types {
		it, ok := ts.Type.(*ast.InterfaceType)
		if !ok || !ast.IsExported(iname) {
			continue
		}
		var methods []string
		for _, f := range it.Methods.List {
			if _, ok := f.Type.(*ast.FuncType); ok {
				for _, n := range f.Names {
					if ast.IsExported(n.Name) {
						methods = append(methods, n.Name)
					}
				}
			}
		}
		declared := func(x, m string) bool {
			return p.funcs["(*"+pkg+"."+x+")."+m] != nil || p.funcs["("+pkg+"."+x+")."+m] != nil
		}
		for x := range p.types {
			implements := len(methods) > 0
			for _, m := range methods {
				implements = implements && declared(x, m)
			}
			if !implements {
				continue
			}
			for _, m := range methods {
				if !native(x, m) {
					missing["("+pkg+"."+iname+")."+m+" on "+x] = true
				}
			}
		}
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

	// runtime: goro's runtime errors are runtime.errorString values with
	// gc's texts (%T prints runtime.errorString where gc's says
	// runtime.boundsError); it makes no boundsError or errorAddressString.
	"(runtime.Error).RuntimeError on boundsError", "(runtime.Error).RuntimeError on errorAddressString",
)

func setOf(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}
