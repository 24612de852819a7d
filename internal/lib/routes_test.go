package lib

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/goro-dev/goro/internal/vm"
)

// refusals are the functions of the standard library declared without a
// body that goro gives no route, each with the reason no program reaches
// it under goro. DESIGN.md ("Bodyless functions") lists them too.
var refusals = map[string]string{
	"crypto/internal/boring/bcache.registerCache":  "imported only by the boringcrypto build (GOEXPERIMENT=boringcrypto), which goro does not make",
	"crypto/subtle.setDITDisabled":                 "called only where internal/runtime/sys.DITSupported (arm64's data-independent timing); false on amd64",
	"crypto/subtle.setDITEnabled":                  "called only where internal/runtime/sys.DITSupported (as setDITDisabled)",
	"hash/crc32.castagnoliSSE42":                   "called only when internal/cpu reports SSE4.2; goro's internal/cpu reports no features, so crc32 runs its table code",
	"hash/crc32.castagnoliSSE42Triple":             "called only when internal/cpu reports SSE4.2 (as castagnoliSSE42)",
	"hash/crc32.ieeeCLMUL":                         "called only when internal/cpu reports PCLMULQDQ and SSE4.1 (as castagnoliSSE42)",
	"internal/coverage/cfile.getCovCounterList":    "the counters of a -cover build; goro test has no -cover",
	"net/http.badServeHTTP":                        "never called: declared so that the linker keeps net/http.serverHandler.ServeHTTP for packages that linkname it",
	"net/url.badSetPath":                           "never called: declared so that the linker keeps net/url.(*URL).setPath for packages that linkname it",
	"os.sigpipe":                                   "os runs from source only in its own tests (goro test os); elsewhere os is native and a write to a broken standard output gets the host runtime's SIGPIPE",
	"runtime/metrics.runtime_readMetrics":          "runtime/metrics.Read, its only caller, is a native",
	"runtime/metrics_test.runtime_readMetricNames": "a hook of runtime/metrics' own tests into the runtime's table of names",
	"runtime/pprof.blockevent":                     "a hook of runtime/pprof's own tests into the block profile, which goro does not record",
	"runtime/pprof.readProfile":                    "reads the CPU profile, which runtime.SetCPUProfileRate refuses by name under goro",
}

// TestRoutes enumerates every function of the standard library (this GOOS
// and GOARCH, goro's build tags) that is declared without a Go body —
// assembly, or a body the linker takes from elsewhere — in the packages goro
// interprets (and those native packages that run from source in their own
// tests), their test files included, and fails on any that has no route:
// a native (vm.RegisterNative), a linkname that goro resolves to a Go body
// (vm's linknameTarget: a function pushed under the symbol, or the function
// the symbol names), or a refusal above. The natives packages' own exported
// API is TestNativeAPI's.
func TestRoutes(t *testing.T) {
	if testing.Short() {
		t.Skip("parses the whole standard library (about 2 s)")
	}
	out, err := exec.Command("go", "list", "-e", "-tags", "purego,math_big_pure_go", "std").Output()
	if err != nil {
		t.Fatalf("go list std: %v", err)
	}
	ctxt := build.Default
	ctxt.BuildTags = append(ctxt.BuildTags, "purego", "math_big_pure_go") // the loader's (internal/load goroTags)

	type bodyless struct {
		name, symbol, pos string
	}
	var decls []bodyless
	bodies := map[string]bool{} // symbols of functions with a Go body
	pushes := map[string]bool{} // symbols pushed by a function with a body
	fset := token.NewFileSet()
	pkgs := 0
	for _, path := range strings.Fields(string(out)) {
		if IsNative(path) && !SourceUnderTest(path) {
			continue
		}
		bp, err := ctxt.Import(path, "", 0)
		if err != nil {
			if _, ok := err.(*build.NoGoError); ok {
				continue
			}
			t.Fatalf("%s: %v", path, err)
		}
		pkgs++
		// In a program, a native package's source does not run: its
		// bodies and pushes are no routes.
		interpreted := !IsNative(path)
		for _, files := range [][]string{bp.GoFiles, bp.TestGoFiles, bp.XTestGoFiles} {
			for _, file := range files {
				f, err := parser.ParseFile(fset, filepath.Join(bp.Dir, file), nil, parser.ParseComments|parser.SkipObjectResolution)
				if err != nil {
					t.Fatal(err)
				}
				pkgPath := path
				if strings.HasSuffix(f.Name.Name, "_test") {
					pkgPath += "_test"
				}
				for _, d := range f.Decls {
					fd, ok := d.(*ast.FuncDecl)
					if !ok {
						continue
					}
					symbol, directive := symbolOf(pkgPath, fd)
					if fd.Body != nil {
						bodies[symbol] = bodies[symbol] || interpreted
						pushes[symbol] = pushes[symbol] || interpreted && directive
						continue
					}
					if fd.Recv != nil {
						t.Errorf("%s: method %s declared without a body", fset.Position(fd.Pos()), ssaName(pkgPath, fd))
						continue
					}
					decls = append(decls, bodyless{ssaName(pkgPath, fd), symbol, fset.Position(fd.Pos()).String()})
				}
			}
		}
	}
	if pkgs < 250 {
		t.Fatalf("only %d standard packages found", pkgs)
	}
	used := map[string]bool{}
	routes := map[string]int{}
	for _, d := range decls {
		switch own := d.name; {
		case vm.LookupNative(d.name) != nil:
			routes["native"]++
		case pushes[d.symbol]:
			routes["linkname push"]++
		case d.symbol != own && bodies[d.symbol]:
			routes["linkname pull"]++
		case refusals[d.name] != "":
			used[d.name] = true
			routes["refused"]++
		default:
			t.Errorf("%s: %s has no Go body, no native and no linkname goro resolves (symbol %s): give it a native or list it in refusals with the reason", d.pos, d.name, d.symbol)
		}
	}
	var stale []string
	for name := range refusals {
		if !used[name] {
			stale = append(stale, name)
		}
	}
	sort.Strings(stale)
	for _, name := range stale {
		t.Errorf("refusals lists %s, which has a route now (or no longer exists): remove it", name)
	}
	t.Logf("%d packages, %d functions without a Go body: %v", pkgs, len(decls), routes)
}

// symbolOf returns the linker symbol of fd in package path — what its
// //go:linkname directive names ("//go:linkname local target", directive
// true), or its own: "path.F", "path.T.M", "path.(*T).M" — as vm's
// linknameTarget reads it.
func symbolOf(path string, fd *ast.FuncDecl) (symbol string, directive bool) {
	if fd.Doc != nil {
		for _, c := range fd.Doc.List {
			if f := strings.Fields(c.Text); len(f) == 3 && f[0] == "//go:linkname" && f[1] == fd.Name.Name {
				symbol, directive = f[2], true // the last, as vm's linknameOf
			}
		}
	}
	if directive {
		return symbol, true
	}
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return path + "." + fd.Name.Name, false
	}
	typ := fd.Recv.List[0].Type
	star := false
	if s, ok := typ.(*ast.StarExpr); ok {
		star, typ = true, s.X
	}
	switch x := typ.(type) {
	case *ast.IndexExpr:
		typ = x.X
	case *ast.IndexListExpr:
		typ = x.X
	}
	if star {
		return path + ".(*" + ident(typ) + ")." + fd.Name.Name, false
	}
	return path + "." + ident(typ) + "." + fd.Name.Name, false
}
