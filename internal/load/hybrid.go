package load

// Loading against a standard-library image (vm/image.go): the go command
// lists the program's packages, goro parses and type-checks the program's
// own (those outside GOROOT) with the image as the importer of the
// standard ones, and go/ssa builds the program's packages from syntax and
// the standard ones from their types alone. Nothing of the standard
// library is parsed or type-checked: a program never run before starts in
// the time its own packages take.
//
// Whatever this path does not handle exactly as Load does, it declines
// (LoadHybrid's false), and the caller loads from source: compile errors
// (Load prints them as go build does), test binaries, a standard package
// the image lacks or binds natively where the program needs its code,
// functions declared without body (linkname pulls), the image's generic
// functions and types (the image holds instances only: naming one is a
// type error here).

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
)

// Image is a standard-library image as the loader uses it.
type Image interface {
	// Has reports whether the image has standard package path, and
	// whether its code is Go's (not bound natively).
	Has(path string) (ok, code bool)
	// Import returns the package as go/types sees it.
	Import(path string) (*types.Package, error)
	// FromSource reports whether a program that instantiates the generic
	// functions or types of path may load it from source beside the image.
	FromSource(path string) bool
	// Generics reports whether path, whose code is Go's, declares generic
	// functions or types (which the image leaves out).
	Generics(path string) bool
	// Declares reports whether the image's package path declares name.
	Declares(path, name string) bool
	// SetSource says that the generic types of pkg come from source (pkg
	// is loaded whole from source, or the image's with its generic code
	// added); an error if the image made its own of an instance before.
	SetSource(pkg *types.Package) error
}

// LoadHybrid loads the program named by args with its standard packages
// from the image pick returns for them (need: each standard package of the
// program, true if the program runs its code; nil: no image has them). When
// it cannot, it says why (declined; the caller then calls Load).
func LoadHybrid(cfg Config, args []string, pick func(need map[string]bool) Image) (_ *Program, declined string) {
	if cfg.Test || cfg.IsNative == nil {
		return nil, "a test binary"
	}
	// A host panic here is a reason to load from source, which reports
	// it if it is one of its own too.
	defer func() {
		if r := recover(); r != nil {
			declined = fmt.Sprint("panic: ", r)
		}
	}()
	if len(args) == 0 {
		args = []string{"."}
	}
	wd := workDir(cfg.Dir)
	if checkArgs(cfg, args, wd) != nil {
		return nil, "arguments"
	}
	userCfg := cfg
	userCfg.Env = environ(cfg.Env)
	cfg.Env = append(environ(cfg.Env), "CGO_ENABLED=0")
	// The go command's GOROOT and settings (GOARCH: the program's type
	// sizes; the rest: its build information) are asked for while
	// go/packages runs go list: one process, beside it.
	var env map[string]string
	envDone := make(chan struct{})
	go func() {
		defer close(envDone)
		defer func() { recover() }() // (env stays nil: declined below)
		env = goEnvs(userCfg, append([]string{"GOROOT"}, buildEnvKeys...)...)
	}()
	pcfg := &packages.Config{
		BuildFlags: buildFlags(cfg.Env),
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps |
			packages.NeedModule | packages.NeedEmbedFiles,
		Dir:  cfg.Dir,
		Env:  cfg.Env,
		Fset: token.NewFileSet(),
	}
	root, err := loadRoot(pcfg, args)
	<-envDone
	if env == nil || env["GOROOT"] == "" {
		return nil, "no answer from go env"
	}
	goroot := env["GOROOT"]
	isStd := inGOROOT(goroot)
	if err != nil || listErrors(root, isStd, wd, cgoContext(cfg.Env)) != nil || root.Name != "main" {
		return nil, "the go command's errors, or not a main package"
	}
	sizes := types.SizesFor("gc", env["GOARCH"])
	if sizes == nil {
		return nil, "no type sizes for GOARCH " + env["GOARCH"]
	}
	order := dependencyOrder(root)
	graph := importGraph{pkgs: map[string]graphPkg{}}
	for _, p := range order {
		gp := graphPkg{std: isStdPkg(p, isStd)}
		for _, ip := range p.Imports {
			gp.imports = append(gp.imports, ip.PkgPath)
		}
		slices.Sort(gp.imports)
		graph.pkgs[p.PkgPath] = gp
		graph.order = append(graph.order, p.PkgPath)
	}
	interp := interpreted(cfg, graph, nil)
	if interp == nil {
		return nil, "no import graph"
	}
	need := map[string]bool{"runtime": interp["runtime"]}
	for _, p := range order {
		if p.PkgPath != "unsafe" && isStdPkg(p, isStd) {
			need[p.PkgPath] = interp[p.PkgPath]
		}
	}
	img := pick(need)
	if img == nil {
		return nil, "no image has its standard packages"
	}
	// The program's own packages, parsed (checked below).
	fset := pcfg.Fset
	parsed := map[*packages.Package][]*ast.File{}
	for _, p := range order {
		if !isStdPkg(p, isStd) {
			files, why := parseHybrid(p, fset, isStd, img)
			if why != "" {
				return nil, p.PkgPath + ": " + why
			}
			parsed[p] = files
		}
	}
	// The generic functions and types the program names in standard
	// packages the image left them out of (it holds instances only) come
	// from source: slices, maps, cmp and iter whole, beside the image,
	// where the image allows it (vm/image.go's fromSource); others' added
	// to the image's own package (addGenerics) — with what that code
	// imports from the first kind (crypto/x509's calls slices.SortFunc).
	adds := map[string]bool{}
	for p, files := range parsed {
		for path := range namesLeftOut(p, files, img, isStd, interp) {
			adds[path] = true
		}
	}
	fromSource := map[string]bool{}
	var mark func(p *packages.Package)
	mark = func(p *packages.Package) {
		for _, ip := range p.Imports {
			if !fromSource[ip.PkgPath] && isStdPkg(ip, isStd) && interp[ip.PkgPath] && img.FromSource(ip.PkgPath) {
				fromSource[ip.PkgPath] = true
				mark(ip)
			}
		}
	}
	own := func(p *packages.Package) bool {
		return p.PkgPath != "unsafe" && (!isStdPkg(p, isStd) || fromSource[p.PkgPath])
	}
	for _, p := range order {
		if !isStdPkg(p, isStd) || adds[p.PkgPath] {
			mark(p)
		}
	}
	// Type-checked as go/packages does (Load), dependencies first.
	added := map[string]*generics{}
	for _, p := range order {
		if adds[p.PkgPath] {
			g, why := addGenerics(p, fset, img, isStd, fromSource, sizes)
			if why != "" {
				return nil, p.PkgPath + "'s generic code: " + why
			}
			added[p.PkgPath] = g
			if err := img.SetSource(g.pkg); err != nil {
				return nil, err.Error()
			}
		}
		if !own(p) {
			continue
		}
		files := parsed[p]
		if files == nil {
			var why string
			if files, why = parseHybrid(p, fset, isStd, img); why != "" {
				return nil, p.PkgPath + ": " + why
			}
		}
		if why := checkHybrid(p, files, fset, img, isStd, fromSource, sizes); why != "" {
			return nil, p.PkgPath + ": " + why
		}
		if fromSource[p.PkgPath] {
			if err := img.SetSource(p.Types); err != nil {
				return nil, err.Error()
			}
		}
		if len(embedErrors(p)) > 0 {
			return nil, "embed errors"
		}
	}
	if fset.Base() >= 1<<24 {
		return nil, "too much source" // the image's positions start there (vm/image.go)
	}

	// (Serially: a panic of go/ssa's is then recovered above.)
	prog := ssa.NewProgram(fset, ssa.InstantiateGenerics|ssa.BuildSerially)
	out := &Program{Fset: fset, SSA: prog, Native: map[*ssa.Package]bool{}, Std: map[*ssa.Package]bool{}, Info: map[*ssa.Package]*types.Info{}}
	// The standard packages: those the program imports, the runtime
	// (goro needs its types), and what they import.
	created := map[*types.Package]bool{types.Unsafe: true}
	unsafe := prog.CreatePackage(types.Unsafe, nil, nil, true)
	out.Std[unsafe], out.Native[unsafe] = true, true
	out.Packages = append(out.Packages, unsafe)
	source := map[*types.Package]bool{}
	for _, p := range order {
		if own(p) {
			source[p.Types] = true
		}
	}
	var visit func(tp *types.Package)
	visit = func(tp *types.Package) {
		if created[tp] || source[tp] {
			return
		}
		created[tp] = true
		for _, imp := range tp.Imports() {
			visit(imp)
		}
		var sp *ssa.Package
		switch g := added[tp.Path()]; {
		case g != nil:
			sp = prog.CreatePackage(tp, g.files, g.info, true)
			out.Info[sp] = g.info
		case fromSource[tp.Path()]:
			// The image's copy of a package the program has from source:
			// its initializer is what the image's packages call. The
			// program's code names the source's, importable by path, and
			// the source's alone is among the program's packages (natives
			// and the cache find variables and types by path).
			prog.CreatePackage(tp, nil, nil, false)
			return
		default:
			sp = prog.CreatePackage(tp, nil, nil, true)
		}
		out.Std[sp] = true
		if _, code := img.Has(tp.Path()); !code {
			out.Native[sp] = true
		}
		out.Packages = append(out.Packages, sp)
	}
	stdRoots := []string{"runtime"}
	for _, p := range order {
		if p.PkgPath != "unsafe" && isStdPkg(p, isStd) && !fromSource[p.PkgPath] {
			stdRoots = append(stdRoots, p.PkgPath)
		}
	}
	for _, path := range stdRoots {
		tp, err := img.Import(path)
		if err != nil {
			return nil, err.Error()
		}
		visit(tp)
	}
	for _, p := range order {
		if !own(p) {
			continue
		}
		sp := prog.CreatePackage(p.Types, p.Syntax, p.TypesInfo, true)
		out.Info[sp] = p.TypesInfo
		out.Packages = append(out.Packages, sp)
		if fromSource[p.PkgPath] {
			out.Std[sp] = true
			continue
		}
		out.Embeds = append(out.Embeds, embeds(p)...)
		if p == root {
			out.Main = sp
		}
	}
	prog.Build()
	out.deps = programDeps(order, isStd, goroot)
	out.BuildInfo = buildInfo(userCfg, env, root, order)
	return out, ""
}

// parseHybrid parses package p — the program's, or a standard one loaded
// from source beside the image — and says what LoadHybrid declines in
// it ("": nothing).
func parseHybrid(p *packages.Package, fset *token.FileSet, isStd func(string) bool, img Image) ([]*ast.File, string) {
	var files []*ast.File
	std := isStdPkg(p, isStd)
	for _, name := range p.GoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.AllErrors|parser.ParseComments)
		if err != nil {
			return nil, "syntax errors"
		}
		for _, imp := range f.Imports {
			if imp.Name == nil || imp.Name.Name != "." {
				continue
			}
			// The image's scopes lack generic and constraint names: a
			// dot-import could not conflict with them as go build finds.
			path, _ := strconv.Unquote(imp.Path.Value)
			if ip := p.Imports[path]; ip != nil && isStdPkg(ip, isStd) && !img.FromSource(ip.PkgPath) {
				return nil, "a dot-import of " + path
			}
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body == nil && !std {
				// A linkname pull, or assembly (a standard package's are
				// natives, as when loaded from source).
				return nil, "a function without body"
			}
		}
		files = append(files, f)
	}
	return files, ""
}

// namesLeftOut returns the standard packages whose Go code declares names
// that the program's package p (its files) names and the image left out:
// their generic functions and types (addGenerics adds them).
func namesLeftOut(p *packages.Package, files []*ast.File, img Image, isStd func(string) bool, interp map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, f := range files {
		local := map[string]string{} // an import's name in f → its path
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			ip := p.Imports[path]
			if ip == nil || !isStdPkg(ip, isStd) || !interp[ip.PkgPath] || !img.Generics(ip.PkgPath) || img.FromSource(ip.PkgPath) {
				continue
			}
			name := ip.Name
			if imp.Name != nil {
				name = imp.Name.Name
			}
			local[name] = ip.PkgPath
		}
		if len(local) == 0 {
			continue
		}
		// (A variable of an import's name only adds a package for nothing.)
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok {
					if path, ok := local[id.Name]; ok && !img.Declares(path, sel.Sel.Name) {
						out[path] = true
					}
				}
			}
			return true
		})
	}
	return out
}

// checkHybrid type-checks package p (its imports done) from its files, as
// go/packages would, and says what LoadHybrid declines in it ("":
// nothing).
func checkHybrid(p *packages.Package, files []*ast.File, fset *token.FileSet, img Image, isStd func(string) bool, fromSource map[string]bool, sizes types.Sizes) string {
	failed := ""
	tc := &types.Config{
		Importer: hybridImporter(p, img, isStd, fromSource),
		Error: func(err error) {
			if failed == "" {
				failed = err.Error()
			}
		},
		Sizes: sizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	info := newInfo()
	pkg := types.NewPackage(p.PkgPath, p.Name)
	if err := types.NewChecker(tc, fset, pkg, info).Files(files); err != nil || failed != "" {
		return cmp.Or(failed, fmt.Sprint(err))
	}
	p.Fset, p.Syntax, p.Types, p.TypesInfo = fset, files, pkg, info
	return ""
}

// hybridImporter imports for package p: a standard package from the image,
// unless it is loaded from source (fromSource), and the program's own as
// checked before. (A failure reaches the checker's Error as "could not
// import".)
func hybridImporter(p *packages.Package, img Image, isStd func(string) bool, fromSource map[string]bool) types.Importer {
	return importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		ip := p.Imports[path]
		switch {
		case ip == nil:
			return nil, &Error{Msg: "no package " + path}
		case isStdPkg(ip, isStd) && !fromSource[ip.PkgPath]:
			return img.Import(ip.PkgPath)
		case ip.Types == nil:
			return nil, &Error{Msg: "no types for " + path}
		}
		return ip.Types, nil
	})
}

// importerFunc is a types.Importer.
type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// generics is what addGenerics adds to an image package.
type generics struct {
	pkg   *types.Package // the image's
	files []*ast.File    // its generic declarations, and declarations of the rest
	info  *types.Info
}

// addGenerics adds the generic functions and types of the standard
// package p, which the image leaves out, to the image's package from p's
// source: its files, cut down to those declarations (and the methods of
// those types), are type-checked into the image's package itself, so
// their code names the image's own types, functions and variables (sync's
// OnceValue its Once, atomic.Pointer its LoadPointer and noCopy). For
// go/ssa, which builds a package's members from syntax, the package's
// other declarations are added as declarations without body or value that
// stand for the image's objects (vm's imageFunc resolves them).
func addGenerics(p *packages.Package, fset *token.FileSet, img Image, isStd func(string) bool, fromSource map[string]bool, sizes types.Sizes) (*generics, string) {
	tp, err := img.Import(p.PkgPath)
	if err != nil {
		return nil, err.Error()
	}
	// What the image left out: generic functions and types, and the
	// constraints they name (math/rand/v2's intType).
	scope := tp.Scope()
	left := func(name string) bool { return name != "_" && scope.Lookup(name) == nil }
	var parsed []*ast.File
	for _, name := range p.GoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.AllErrors|parser.ParseComments)
		if err != nil {
			return nil, "syntax errors"
		}
		parsed = append(parsed, f)
	}
	var files []*ast.File
	for _, f := range parsed {
		var decls []ast.Decl
		kept := false
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				switch d.Tok {
				case token.IMPORT:
					decls = append(decls, d)
				case token.TYPE:
					var specs []ast.Spec
					for _, spec := range d.Specs {
						if left(spec.(*ast.TypeSpec).Name.Name) {
							specs = append(specs, spec)
						}
					}
					if len(specs) > 0 {
						gd := *d
						gd.Specs = specs
						decls = append(decls, &gd)
						kept = true
					}
				}
			case *ast.FuncDecl:
				if d.Recv == nil && left(d.Name.Name) && d.Name.Name != "init" || d.Recv != nil && left(recvBase(d.Recv)) {
					decls = append(decls, d)
					kept = true
				}
			}
		}
		if kept {
			cut := *f
			cut.Decls = decls
			files = append(files, &cut)
		}
	}
	failed := ""
	conf := &types.Config{
		Importer: hybridImporter(p, img, isStd, fromSource),
		Sizes:    sizes,
		Error: func(err error) {
			// (The cut-down files' imports may go unused: a soft error.)
			if te, ok := err.(types.Error); ok && te.Soft {
				return
			}
			if failed == "" {
				failed = err.Error()
			}
		},
	}
	info := newInfo()
	types.NewChecker(conf, fset, tp, info).Files(files)
	if failed != "" {
		return nil, failed
	}
	declared := map[types.Object]bool{}
	for _, obj := range info.Defs {
		declared[obj] = true
	}
	var stubs []ast.Decl
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if declared[obj] {
			continue
		}
		id := ast.NewIdent(name)
		info.Defs[id] = obj
		switch obj.(type) {
		case *types.Const:
			stubs = append(stubs, &ast.GenDecl{Tok: token.CONST, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{id}}}})
		case *types.Var:
			stubs = append(stubs, &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{id}}}})
		case *types.TypeName:
			stubs = append(stubs, &ast.GenDecl{Tok: token.TYPE, Specs: []ast.Spec{&ast.TypeSpec{Name: id}}})
		case *types.Func:
			stubs = append(stubs, &ast.FuncDecl{Name: id, Type: &ast.FuncType{Params: &ast.FieldList{}}})
		}
	}
	files = append(files, &ast.File{Name: ast.NewIdent(tp.Name()), Decls: stubs})
	return &generics{tp, files, info}, ""
}

// recvBase is the name of a method's receiver base type (T of *T[P]).
func recvBase(recv *ast.FieldList) string {
	if len(recv.List) == 0 {
		return ""
	}
	t := recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// newInfo makes the type checker's record of everything, as go/packages
// asks for it (NeedTypesInfo).
func newInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}
