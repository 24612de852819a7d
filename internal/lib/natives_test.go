package lib

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/goro-dev/goro/internal/vm"
)

// TestNativeNames checks that every native is a named Go function (not a
// closure: profiles and tracebacks name it), and that every name registered
// with vm.RegisterNative is a function or method declared in the standard library of the Go
// running the test, spelled as go/ssa names it (and vm looks it up):
// "pkg/path.F", "(pkg/path.T).M" for a value receiver, "(*pkg/path.T).M"
// for a pointer receiver, "(*pkg/path.T[K, V]).M" for a generic type's
// method. A name that matches nothing is a native that never runs: the
// program silently runs the interpreted body, or reports the function as
// unsupported.
//
// The declarations are read from GOROOT's source files for this GOOS and
// GOARCH (go/build's selection, which is the loader's), parsed without
// function bodies: a declaration without a body (assembly, linkname) is a
// function too.
func TestNativeNames(t *testing.T) {
	names := vm.NativeNames()
	if len(names) < 100 {
		t.Fatalf("only %d natives registered", len(names))
	}
	byPkg := map[string][]string{}
	module := map[string]bool{} // checked by their signatures when bound (vm.ModuleNative)
	for _, name := range vm.ModuleNativeNames() {
		module[name] = true
	}
	for _, name := range names {
		pkg, ok := nativePackage(name)
		if module[name] {
			continue
		}
		if !ok {
			t.Errorf("native %q: not a function or method name as ssa prints it", name)
			continue
		}
		byPkg[pkg] = append(byPkg[pkg], name)
	}
	for _, name := range names {
		// A native is a named function, so that profiles and tracebacks
		// name it: not a closure ("lib.init.func3", "lib.adapt.func1"). A
		// float native is a host function of math's, called from the
		// executor's loop.
		if f := vm.LookupFloatNative(name); f != nil {
			if fn := runtime.FuncForPC(reflect.ValueOf(f).Pointer()).Name(); !strings.HasPrefix(fn, "math.") || strings.Count(fn, ".") != 1 {
				t.Errorf("float native %q is %s, not a function of package math", name, fn)
			}
			continue
		}
		fn := runtime.FuncForPC(reflect.ValueOf(vm.LookupNative(name)).Pointer()).Name()
		short := fn[strings.LastIndex(fn, "/")+1:]
		if !strings.HasPrefix(short, "lib.") || strings.Count(short, ".") != 1 {
			t.Errorf("native %q is %s, not a named function of internal/lib", name, fn)
		}
	}
	std := stdIndex{}
	for pkg, names := range byPkg {
		if _, err := std.pkg(pkg); err != nil {
			t.Errorf("natives %s: package %s: %v", strings.Join(names, ", "), pkg, err)
			continue
		}
		for _, name := range names {
			if std.lookup(name) == nil {
				t.Errorf("native %q: no such function or method in the standard library (%s)", name, pkg)
			}
		}
	}
}

// stdIndex holds the parsed standard packages, by path.
type stdIndex map[string]*stdPkg

type stdPkg struct {
	importPath string
	funcs      map[string]*ast.FuncDecl // by ssa name
	types      map[string]*ast.TypeSpec
	files      map[*ast.TypeSpec]*ast.File
}

func (x stdIndex) pkg(path string) (*stdPkg, error) {
	if p := x[path]; p != nil {
		return p, nil
	}
	p, err := parseStd(path, false)
	if err != nil {
		return nil, err
	}
	x[path] = p
	return p, nil
}

// testPkg returns the declarations of path's internal test files.
func (x stdIndex) testPkg(path string) *stdPkg {
	key := path + " [tests]"
	if p := x[key]; p != nil {
		return p
	}
	p, err := parseStd(path, true)
	if err != nil {
		return nil
	}
	x[key] = p
	return p
}

// lookup returns the declaration of the function or method named as ssa
// names it, or of the method a promoted-method wrapper calls ("(T).M" for
// M of a field embedded in struct T: ssa names the wrapper so), or nil.
func (x stdIndex) lookup(name string) *ast.FuncDecl {
	pkg, ok := nativePackage(name)
	if !ok {
		return nil
	}
	p, err := x.pkg(pkg)
	if err != nil {
		return nil
	}
	if fd := p.funcs[name]; fd != nil {
		return fd
	}
	if tp := x.testPkg(pkg); tp != nil && tp.funcs[name] != nil {
		return tp.funcs[name]
	}
	if !strings.HasPrefix(name, "(") {
		return nil
	}
	recv, method, _ := strings.Cut(name[1:], ").")
	recv = strings.TrimPrefix(recv, "*")
	if strings.Contains(recv, "[") {
		return nil
	}
	return x.promoted(p, recv[len(pkg)+1:], method, 0)
}

// promoted finds method among the methods of the fields embedded in the
// struct type named typeName of p.
func (x stdIndex) promoted(p *stdPkg, typeName, method string, depth int) *ast.FuncDecl {
	ts := p.types[typeName]
	if ts == nil || depth > 4 {
		return nil
	}
	st, ok := ts.Type.(*ast.StructType)
	if !ok {
		return nil
	}
	for _, f := range st.Fields.List {
		if len(f.Names) > 0 {
			continue
		}
		typ := f.Type
		if s, ok := typ.(*ast.StarExpr); ok {
			typ = s.X
		}
		epkg, ename := p, ""
		switch e := typ.(type) {
		case *ast.Ident:
			ename = e.Name
		case *ast.SelectorExpr:
			path := importPath(p.files[ts], ident(e.X))
			q, err := x.pkg(path)
			if err != nil {
				continue
			}
			epkg, ename = q, e.Sel.Name
		default:
			continue
		}
		for _, n := range []string{"(", "(*"} {
			if fd := epkg.funcs[n+epkg.path()+"."+ename+")."+method]; fd != nil {
				return fd
			}
		}
		if fd := x.promoted(epkg, ename, method, depth+1); fd != nil {
			return fd
		}
	}
	return nil
}

func (p *stdPkg) path() string { return p.importPath }

// importPath returns the path of the package file imports as name.
func importPath(f *ast.File, name string) string {
	for _, is := range f.Imports {
		path := strings.Trim(is.Path.Value, `"`)
		if is.Name != nil && is.Name.Name == name || is.Name == nil && path[strings.LastIndex(path, "/")+1:] == name {
			return path
		}
	}
	return ""
}

// nativePackage returns the package path of a function or method name as
// ssa prints it.
func nativePackage(name string) (string, bool) {
	if strings.HasPrefix(name, "(") {
		recv, _, ok := strings.Cut(name[1:], ")")
		if !ok {
			return "", false
		}
		recv = strings.TrimPrefix(recv, "*")
		recv, _, _ = strings.Cut(recv, "[")
		i := strings.LastIndex(recv, ".")
		if i < 0 {
			return "", false
		}
		return recv[:i], true
	}
	slash := strings.LastIndex(name, "/")
	i := strings.Index(name[slash+1:], ".")
	if i < 0 {
		return "", false
	}
	return name[:slash+1+i], true
}

// parseStd parses the standard package path's declarations (tests: those
// of its internal test files; a path x_test is x's external tests).
func parseStd(path string, tests bool) (*stdPkg, error) {
	ctxt := build.Default
	ctxt.BuildTags = append(ctxt.BuildTags, "purego", "math_big_pure_go") // the loader's (internal/load goroTags)
	// A native may bind a function of a package's tests (a hook they
	// linkname from the runtime): the internal test files are part of the
	// package, the external ones (package x_test) a package of their own.
	dir, xtest := strings.CutSuffix(path, "_test")
	bp, err := ctxt.Import(dir, "", 0)
	if err != nil {
		return nil, err
	}
	files := append(bp.GoFiles, bp.CgoFiles...)
	switch {
	case xtest:
		files = bp.XTestGoFiles
	case tests:
		files = bp.TestGoFiles
	}
	if !bp.Goroot {
		return nil, &build.NoGoError{Dir: bp.Dir}
	}
	fset := token.NewFileSet()
	p := &stdPkg{
		importPath: path,
		funcs:      map[string]*ast.FuncDecl{},
		types:      map[string]*ast.TypeSpec{},
		files:      map[*ast.TypeSpec]*ast.File{},
	}
	inits := 0
	for _, file := range files {
		f, err := parser.ParseFile(fset, filepath.Join(bp.Dir, file), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name == "init" {
					// go/ssa numbers a package's init functions in file
					// order: pkg.init#1, pkg.init#2...
					inits++
					p.funcs[path+".init#"+strconv.Itoa(inits)] = d
					p.funcs[path+".init"] = d // (and the package's initializer is pkg.init)
					continue
				}
				p.funcs[ssaName(path, d)] = d
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok {
						p.types[ts.Name.Name] = ts
						p.files[ts] = f
					}
				}
			}
		}
	}
	return p, nil
}

// ssaName is the name go/ssa gives the function or method fd of package
// path (for a generic one, its origin's name).
func ssaName(path string, fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return path + "." + fd.Name.Name
	}
	typ := fd.Recv.List[0].Type
	star := ""
	if s, ok := typ.(*ast.StarExpr); ok {
		star, typ = "*", s.X
	}
	var params []string
	switch x := typ.(type) {
	case *ast.IndexExpr:
		typ, params = x.X, []string{ident(x.Index)}
	case *ast.IndexListExpr:
		typ = x.X
		for _, i := range x.Indices {
			params = append(params, ident(i))
		}
	}
	targs := ""
	if len(params) > 0 {
		targs = "[" + strings.Join(params, ", ") + "]"
	}
	return "(" + star + path + "." + ident(typ) + targs + ")." + fd.Name.Name
}

func ident(e ast.Expr) string {
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return "?"
}

// TestRuntimeVars finds the variables of the standard library (this GOOS
// and GOARCH) that gc's linker takes from the runtime — `//go:linkname v
// runtime.w` on a var declared without a value, outside the runtime's own
// and native packages — and checks that runtimeVars gives each its value:
// left alone, such a variable is nil under goro (math/bits.Div64 panicked
// with nil, where gc panics with a runtime error).
func TestRuntimeVars(t *testing.T) {
	goroot := runtime.GOROOT()
	src := filepath.Join(goroot, "src")
	found := map[string]bool{}
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			if rel == "cmd" || rel == "vendor" || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		pkg := filepath.ToSlash(filepath.Dir(rel))
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || IsNative(pkg) {
			return nil
		}
		if ok, err := build.Default.MatchFile(filepath.Dir(path), d.Name()); err != nil || !ok {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR || gd.Doc == nil {
				continue
			}
			for _, c := range gd.Doc.List {
				fields := strings.Fields(c.Text)
				if len(fields) == 3 && fields[0] == "//go:linkname" && strings.HasPrefix(fields[2], "runtime.") {
					for _, spec := range gd.Specs {
						vs := spec.(*ast.ValueSpec)
						if len(vs.Values) == 0 && len(vs.Names) == 1 && vs.Names[0].Name == fields[1] {
							found[pkg+"."+fields[1]] = true
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) == 0 {
		t.Fatal("found no variable linknamed to the runtime (math/bits has two)")
	}
	for name := range found {
		if _, ok := runtimeVars[name]; !ok {
			t.Errorf("%s is linknamed to the runtime and has no value in runtimeVars", name)
		}
	}
	for name := range runtimeVars {
		if !found[name] {
			t.Errorf("runtimeVars has %s, which this Go does not linkname to the runtime", name)
		}
	}
}
