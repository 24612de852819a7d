// Package load turns Go source into a type-checked SSA program.
//
// go/packages loads the named packages and their whole dependency closure
// from source. Each standard-library package is one of two kinds (see
// internal/lib): interpreted, whose source goro runs like the program's own,
// or native, whose functions are bound to goro's Go implementations. Native
// packages are parsed without function bodies (type-checking is then cheap)
// and get SSA members but no code; their package initializers do not run.
// Generic functions are instantiated (ssa.InstantiateGenerics).
package load

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
)

// Program is a loaded program.
type Program struct {
	Fset *token.FileSet
	SSA  *ssa.Program
	Main *ssa.Package
	// Packages in dependency order (dependencies first), interpreted and native.
	Packages []*ssa.Package
	// Native reports whether a package is bound natively (no code, no init).
	Native map[*ssa.Package]bool
	// Std reports whether a package is the standard library's.
	Std map[*ssa.Package]bool
	// Sealed is Config.Sealed (nil: no import is sealed): the initializer
	// of a native package sealed whole (Sealed(path, "")) does not run
	// its imports' (vm's nativeInit): a program has their code or not as
	// its other imports decide, and they run its initializers.
	Sealed func(path, imp string) bool
	// Info holds the type-checker's facts of each package built from
	// syntax, for what go/ssa does not keep (the selector of an
	// unsafe.Offsetof in generic code).
	Info map[*ssa.Package]*types.Info
	// BuildInfo is the build information gc's linker would record, as
	// runtime/debug.ParseBuildInfo reads it (buildinfo.go).
	BuildInfo string
	// Embeds are the package variables //go:embed directives fill
	// (embed.go).
	Embeds []Embed
	// deps are the files and directories whose change makes a cached
	// compiled form of the program stale (see cache.go).
	deps []string
}

// Config says how to load.
type Config struct {
	Dir string // working directory for the go command ("" = current)
	// IsNative reports whether a standard-library package path is native.
	IsNative func(path string) bool
	// Sealed reports whether the native package path hands the program
	// no value of a type of its import imp (reflect, runtime: of any;
	// imp "" asks whether that holds of every import of path):
	// then imp is loaded from source only if an interpreted package
	// imports it. The other imports of a native package (os hands out
	// *fs.PathError values) are interpreted: their methods can be called
	// and their variables are initialised. nil: no import is sealed.
	Sealed func(path, imp string) bool
	// KeepBody reports whether the function name (not a method) of the
	// native package path keeps its Go body: it runs interpreted, from
	// source, like a function of an interpreted package (os.CopyFS, which
	// calls the program's fs.FS). nil: none does.
	KeepBody func(path, name string) bool
	// KeepBodies reports whether any function of path keeps its body.
	KeepBodies func(path string) bool
	Env        []string
	// Test loads the test binary of the one package args name, as go test
	// builds it: the package with its _test.go files, its external test
	// package and the generated main (go list -test).
	Test bool
	// SourceUnderTest reports whether a native package runs from source in
	// its own test binary (its test files need its unexported functions
	// and variables; the natives registered for its functions still
	// replace their bodies). nil: none.
	SourceUnderTest func(path string) bool
}

// Error is a load failure: compile errors printed like go build, or a bad
// argument.
type Error struct {
	Msg string
	// Errors are the compile errors Msg prints, each with its position.
	Errors []CompileError
}

// CompileError is one error of the type checker or parser.
type CompileError struct {
	Pos string // file:line:col as go build prints it ("" if none)
	Msg string
}

func (e *Error) Error() string { return e.Msg }

// Load loads the program named by args: .go files, a directory or a
// package pattern, as `go run` takes them.
func Load(cfg Config, args []string) (*Program, error) {
	goroot := runtimeGOROOT()
	isStd := inGOROOT(goroot)
	if len(args) == 0 {
		args = []string{"."}
	}
	wd := workDir(cfg.Dir)
	if err := checkArgs(cfg, args, wd); err != nil {
		return nil, err
	}
	// goro runs Go code only: the standard library's pure-Go variants (net's
	// resolver, os/user), and a program's cgo files are found and refused.
	userCfg := cfg // the build information reports the go command's settings, not goro's
	userCfg.Env = environ(cfg.Env)
	cfg.Env = append(environ(cfg.Env), "CGO_ENABLED=0")
	// The import graph is asked for while go/packages runs its own go list;
	// parsing (the first use of the answer) starts after both.
	var interp map[string]bool
	graphDone := make(chan struct{})
	// A host panic in a goroutine not Load's own (the graph's below,
	// go/packages' parsing) is kept here and re-raised in Load's, inside
	// goro.Load's boundary: elsewhere it would end the host process.
	var bug atomic.Pointer[any]
	reraise := func() {
		if r := bug.Load(); r != nil {
			panic(*r)
		}
	}
	go func() {
		defer close(graphDone)
		defer func() {
			if r := recover(); r != nil {
				bug.CompareAndSwap(nil, &r)
			}
		}()
		interp, _ = interpretedStd(cfg, args)
	}()
	nativePath := func(path string) bool {
		<-graphDone // (go/packages calls this from its own goroutines: no panics here)
		if cfg.IsNative == nil {
			return false
		}
		if interp == nil {
			return cfg.IsNative(path)
		}
		return !interp[path]
	}
	stdPath := func(filename string) string {
		rel, _ := filepath.Rel(filepath.Join(goroot, "src"), filepath.Dir(filename))
		return filepath.ToSlash(rel)
	}
	pcfg := &packages.Config{
		BuildFlags: buildFlags(cfg.Env),
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps |
			packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedTypesSizes |
			packages.NeedModule | packages.NeedEmbedFiles,
		Dir:  cfg.Dir,
		Env:  cfg.Env,
		Fset: token.NewFileSet(),
		ParseFile: func(fset *token.FileSet, filename string, src []byte) (_ *ast.File, err error) {
			defer func() {
				if r := recover(); r != nil {
					bug.CompareAndSwap(nil, &r)
					err = fmt.Errorf("goro: parsing %s: %v", filename, r)
				}
			}()
			mode := parser.AllErrors | parser.ParseComments
			native := false
			if isStd(filename) && !strings.HasSuffix(filename, "_test.go") {
				// (A standard package's test files are the test binary's
				// code, whether the package is native or not.)
				native = nativePath(stdPath(filename))
				if native {
					keep := keepBodyOf(cfg, stdPath(filename))
					mode = parser.SkipObjectResolution
					if f, err := parser.ParseFile(fset, filename, stripBodies(src, keep), mode); err == nil {
						dropBodies(f, keep)
						return f, nil
					}
				}
			}
			if cfg.Test && !strings.HasSuffix(filename, ".go") {
				// go test's generated main, kept in the go command's cache
				// under a hash: gc's positions name it _testmain.go.
				filename = "_testmain.go"
			}
			f, err := parser.ParseFile(fset, filename, src, mode)
			if native && f != nil {
				dropBodies(f, keepBodyOf(cfg, stdPath(filename)))
			}
			return f, err
		},
		Tests: cfg.Test,
	}
	// go/packages (like go run) takes .go file names as one ad-hoc package
	// of just those files.
	patterns := args
	root, err := loadRoot(pcfg, patterns)
	<-graphDone
	reraise()
	if err != nil {
		return nil, err
	}
	if err := listErrors(root, isStd, wd, cgoContext(cfg.Env)); err != nil {
		return nil, err
	}
	packages.Visit([]*packages.Package{root}, nil, func(p *packages.Package) {
		if !isStdPkg(p, isStd) {
			p.Errors = append(p.Errors, embedErrors(p)...)
		}
	})
	if msg, errs := compileErrors(root, isStd, wd); msg != "" {
		if hasSyntaxErrors(root, isStd) {
			// gc's parser words syntax errors its own way (go/parser's
			// differ, and type errors of a broken file follow): the go
			// command reports them.
			if out := goBuildErrors(cfg, args); out != "" {
				msg = out
			}
		}
		return nil, &Error{Msg: msg, Errors: errs}
	}
	if root.Name != "main" {
		return nil, &Error{Msg: fmt.Sprintf("package %s is not a main package", root.PkgPath)}
	}
	order := dependencyOrder(root)
	if findPath(order, "runtime") == nil && len(root.GoFiles) > 0 {
		// gc links the runtime into every program, and goro needs its
		// types (runtime.Error values) even when no package imports it.
		// It must come from the same load as the program: a second load
		// has a types.Package of its own for every package the two share
		// (math/bits, unsafe), and the program's would then have no SSA
		// package. So the root imports it, through a file of its own.
		implicit := filepath.Join(filepath.Dir(root.GoFiles[0]), implicitRuntimeFile)
		pcfg.Overlay = map[string][]byte{implicit: []byte("package " + root.Name + "\n\nimport _ \"runtime\"\n")}
		if strings.HasSuffix(patterns[0], ".go") {
			// Named as the program's files are (go list wants one directory).
			named := filepath.Join(filepath.Dir(patterns[0]), implicitRuntimeFile)
			patterns = append(patterns[:len(patterns):len(patterns)], named)
		}
		root, err = loadRoot(pcfg, patterns)
		reraise()
		if err != nil {
			return nil, err
		}
		order = dependencyOrder(root)
	}

	prog := ssa.NewProgram(root.Fset, ssa.InstantiateGenerics)
	out := &Program{Fset: root.Fset, SSA: prog, Native: map[*ssa.Package]bool{}, Std: map[*ssa.Package]bool{}, Info: map[*ssa.Package]*types.Info{}, Sealed: cfg.Sealed}
	for _, p := range order {
		if p.Types == nil {
			continue
		}
		std := p != root && p.Module == nil && isStdPkg(p, isStd)
		native := std && nativePath(p.PkgPath)
		if native && cfg.Test {
			for _, f := range p.GoFiles {
				if strings.HasSuffix(f, "_test.go") {
					// The package under test is native: its code is the
					// host's, and its own test files (export_test.go's
					// variables and functions) have no package to be
					// part of.
					return nil, &Error{Msg: fmt.Sprintf("goro: unsupported: the tests of %s: goro binds package %s natively, and its own test files (%s) need its internals", p.PkgPath, p.PkgPath, filepath.Base(f))}
				}
			}
		}
		var sp *ssa.Package
		if native && keepsBodies(cfg, p.PkgPath) {
			// Some functions keep their bodies (Config.KeepBody): built
			// from the syntax, whose other functions have none. Its
			// initializer is the natives' still (vm's nativeInit).
			sp = prog.CreatePackage(p.Types, p.Syntax, p.TypesInfo, true)
			out.Native[sp] = true
		} else if native || p.PkgPath == "unsafe" {
			sp = prog.CreatePackage(p.Types, nil, nil, true)
			out.Native[sp] = true
		} else {
			sp = prog.CreatePackage(p.Types, p.Syntax, p.TypesInfo, true)
		}
		if p.TypesInfo != nil {
			out.Info[sp] = p.TypesInfo
		}
		out.Packages = append(out.Packages, sp)
		if !native {
			out.Embeds = append(out.Embeds, embeds(p)...)
		}
		if std {
			out.Std[sp] = true
		}
		if p == root {
			out.Main = sp
		}
	}
	prog.Build()
	out.deps = programDeps(order, isStd, goroot)
	out.BuildInfo = buildInfo(userCfg, goEnvs(userCfg, buildEnvKeys...), root, order)
	return out, nil
}

// inGOROOT reports whether a file is one of the standard library's.
func inGOROOT(goroot string) func(filename string) bool {
	src := filepath.Join(goroot, "src") + string(filepath.Separator)
	return func(filename string) bool { return strings.HasPrefix(filename, src) }
}

// checkArgs refuses arguments go run would refuse: .go files mixed with
// other arguments, test files, files that do not exist or import "C".
func checkArgs(cfg Config, args []string, wd string) error {
	if strings.HasSuffix(args[0], ".go") {
		for _, a := range args {
			if !strings.HasSuffix(a, ".go") {
				return &Error{Msg: fmt.Sprintf("named files must all be .go files: %s", a)}
			}
			if !cfg.Test && strings.HasSuffix(a, "_test.go") {
				return &Error{Msg: fmt.Sprintf("go: cannot run *_test.go files (%s)", a)} // go run's words
			}
			name := a
			if !filepath.IsAbs(name) && cfg.Dir != "" {
				name = filepath.Join(cfg.Dir, name)
			}
			if _, err := os.Stat(name); err != nil {
				return &Error{Msg: strings.Replace(err.Error(), name, a, 1)} // go run's words
			}
			if pos, ok := importsC(name); ok {
				return cgoError(wd, pos)
			}
		}
	}
	return nil
}

// goCommandError is the go command's own message in a go/packages error
// ("err: exit status 1: stderr: go: go.mod file not found ...").
func goCommandError(err error) string {
	msg := err.Error()
	if _, after, ok := strings.Cut(msg, "stderr: "); ok {
		msg = after
	}
	return strings.TrimSpace(msg)
}

// listErrors reports what the go command found wrong before compiling (a
// package that does not exist, no Go files), as go build does: those
// errors only, without type errors that follow from them. A program's
// files that import "C" are refused here: goro runs Go code only (and
// loads with CGO_ENABLED=0, so those files were left out) — those that
// cgo leaves out, not those other constraints do (golang.org/x/text's
// `//go:build icu` file): cgo is the build context with cgo enabled.
func listErrors(root *packages.Package, isStd func(string) bool, wd string, cgo *build.Context) error {
	cgoErr := error(nil)
	var first string // the go command stops at the first
	packages.Visit([]*packages.Package{root}, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if e.Kind == packages.ListError && first == "" {
				first = strings.TrimPrefix(relPos(wd, e.Error()), "-: ")
			}
		}
		if !isStdPkg(p, isStd) {
			for _, f := range p.IgnoredFiles {
				if cgoErr != nil {
					break
				}
				if match, err := cgo.MatchFile(filepath.Dir(f), filepath.Base(f)); err != nil || !match {
					continue // left out by its build constraints, cgo or not
				}
				if pos, ok := importsC(f); ok {
					cgoErr = cgoError(wd, pos)
				}
			}
		}
	})
	switch {
	case cgoErr != nil:
		return cgoErr
	case first != "":
		return &Error{Msg: first + "\n"}
	}
	return nil
}

// cgoContext is the build context goro loads with, but with cgo enabled:
// the files it matches that goro's load left out are cgo's.
func cgoContext(env []string) *build.Context {
	ctxt := build.Default
	ctxt.CgoEnabled = true
	ctxt.BuildTags = buildTags(env)
	if v, ok := lookupEnv(environ(env), "GOOS"); ok && v != "" {
		ctxt.GOOS = v
	}
	if v, ok := lookupEnv(environ(env), "GOARCH"); ok && v != "" {
		ctxt.GOARCH = v
	}
	return &ctxt
}

// cgoError refuses a file that imports "C" (at pos).
func cgoError(wd, pos string) error {
	return &Error{Msg: relPos(wd, pos) + ": goro: unsupported: cgo (import \"C\"): goro runs Go code only\n"}
}

// importsC returns the position of a file's import "C", if it has one.
func importsC(filename string) (string, bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, nil, parser.ImportsOnly)
	if err != nil {
		return "", false
	}
	for _, imp := range f.Imports {
		if imp.Path.Value == `"C"` {
			return fset.Position(imp.Pos()).String(), true
		}
	}
	return "", false
}

// hasSyntaxErrors reports whether a program's package failed to parse.
func hasSyntaxErrors(root *packages.Package, isStd func(string) bool) bool {
	found := false
	packages.Visit([]*packages.Package{root}, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			found = found || e.Kind == packages.ParseError && !isStdPkg(p, isStd)
		}
	})
	return found
}

// goBuildErrors returns what `go build` prints for a program that does not
// compile ("" if it compiles, or cannot be asked).
func goBuildErrors(cfg Config, args []string) string {
	cmd := exec.Command("go", append(append([]string{"build", "-o", os.DevNull}, buildFlags(cfg.Env)...), args...)...)
	cmd.Dir, cmd.Env = cfg.Dir, cfg.Env
	out, err := cmd.CombinedOutput()
	if err == nil {
		return ""
	}
	return string(out)
}

// implicitRuntimeFile is the file through which a program that does not
// reach the runtime imports it (an overlay: it is never written).
const implicitRuntimeFile = "goro_implicit_runtime.go"

// loadRoot loads the one package patterns name, with its dependencies.
func loadRoot(pcfg *packages.Config, patterns []string) (*packages.Package, error) {
	pkgs, err := packages.Load(pcfg, patterns...)
	if err != nil {
		return nil, &Error{Msg: goCommandError(err)}
	}
	if pcfg.Tests {
		// The package, its test variants and the test main: the root is
		// the main (none: the package has no test files).
		var mains []*packages.Package
		for _, p := range pkgs {
			if p.Name == "main" && strings.HasSuffix(p.ID, ".test") {
				mains = append(mains, p)
			}
		}
		if len(mains) != 1 {
			return nil, &Error{Msg: fmt.Sprintf("goro test: %d test binaries named; name one package", len(mains))}
		}
		return mains[0], nil
	}
	if len(pkgs) != 1 {
		var names []string
		for _, p := range pkgs {
			names = append(names, p.PkgPath)
		}
		return nil, &Error{Msg: fmt.Sprintf("goro run: %d packages named (%s); name exactly one main package", len(pkgs), strings.Join(names, ", "))}
	}
	return pkgs[0], nil
}

// dependencyOrder lists root and the packages it imports, dependencies
// first (imports in path order).
func dependencyOrder(root *packages.Package) []*packages.Package {
	var order []*packages.Package
	seen := map[*packages.Package]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		for _, path := range paths {
			visit(p.Imports[path])
		}
		order = append(order, p)
	}
	visit(root)
	return order
}

// programDeps lists what the program's load read outside GOROOT, and what
// stands for GOROOT (see cache.go).
func programDeps(pkgs []*packages.Package, isStd func(string) bool, goroot string) []string {
	deps := stdDeps(goroot)
	seen := map[string]bool{}
	add := func(path string) {
		if path != "" && !seen[path] {
			seen[path] = true
			deps = append(deps, path)
		}
	}
	for _, p := range pkgs {
		if isStdPkg(p, isStd) {
			continue
		}
		for _, files := range [][]string{p.GoFiles, p.OtherFiles, p.EmbedFiles, p.IgnoredFiles} {
			for _, f := range files {
				if filepath.Base(f) == implicitRuntimeFile || !strings.HasSuffix(f, ".go") {
					// (Not a file of the program's: goro's, or go test's
					// generated main, rewritten by every go list -test and
					// made from the test files, which are deps.)
					continue
				}
				add(f)
				if p.PkgPath != "command-line-arguments" {
					add(filepath.Dir(f)) // a file added to the package
				}
			}
		}
		if p.Module != nil && p.Module.GoMod != "" {
			add(p.Module.GoMod)
			add(strings.TrimSuffix(p.Module.GoMod, ".mod") + ".sum")
		}
	}
	return deps
}

func findPath(pkgs []*packages.Package, path string) *packages.Package {
	for _, p := range pkgs {
		if p.PkgPath == path {
			return p
		}
	}
	return nil
}

func isStdPkg(p *packages.Package, isStd func(string) bool) bool {
	if p.Dir != "" {
		return isStd(filepath.Join(p.Dir, "x.go"))
	}
	for _, f := range p.GoFiles {
		return isStd(f)
	}
	return true
}

// compileErrors formats the errors of the program's packages as go build
// does: file:line:col: message, relative to the working directory.
func compileErrors(root *packages.Package, isStd func(string) bool, wd string) (string, []CompileError) {
	var b strings.Builder
	var all []CompileError
	n := 0
	packages.Visit([]*packages.Package{root}, nil, func(p *packages.Package) {
		std := isStdPkg(p, isStd)
		var lines []string
		// go build lists errors in source order, each with the lines that
		// continue it (go/types' "\tother declaration of X") below it.
		var groups [][]packages.Error
		for _, e := range p.Errors {
			if strings.HasPrefix(e.Msg, "\t") && len(groups) > 0 {
				groups[len(groups)-1] = append(groups[len(groups)-1], e)
			} else {
				groups = append(groups, []packages.Error{e})
			}
		}
		sort.SliceStable(groups, func(i, j int) bool { return posLess(groups[i][0].Pos, groups[j][0].Pos) })
		// A //line directive's file is printed as it names it, not
		// relative to wd.
		names := lineNames(p)
		rel := func(msg string) string {
			if file, rest, ok := strings.Cut(msg, ":"); ok && names[file] != "" {
				return names[file] + ":" + rest
			}
			return relPos(wd, msg)
		}
		for _, g := range groups {
			if std && g[0].Kind == packages.TypeError {
				// Native packages are type-checked without bodies; their
				// complaints (unused imports) are not the program's.
				continue
			}
			e := g[0]
			line := rel(e.Error())
			for _, c := range g[1:] {
				line += "\n\t" + goroot(rel(c.Pos)) + ": " + strings.TrimPrefix(c.Msg, "\t")
			}
			lines = append(lines, line)
			all = append(all, CompileError{Pos: rel(e.Pos), Msg: e.Msg})
		}
		if len(lines) > 0 {
			if p.PkgPath != "" && p.Name != "" {
				// A test variant is named as go test names it: its ID,
				// "pkg [pkg.test]".
				fmt.Fprintf(&b, "# %s\n", cmp.Or(testVariant(p.ID), p.PkgPath))
			}
			for _, l := range lines {
				if n < 10 {
					b.WriteString(l + "\n")
				}
				n++
			}
			if n > 10 {
				b.WriteString("too many errors\n")
			}
		}
	})
	return b.String(), all
}

// LineFilename is the file name gc records for a position whose file is
// adjusted (a //line directive's name, or file itself when there is none).
// gc keeps a directive's name as written and calls an empty one "??";
// go/scanner joins a relative one to the directory of the file it is in
// (raw) and cleans it, which this undoes but for the cleaning: a directive
// naming an absolute path in that directory is shown relative, and
// "a/../b.go" as "b.go" (go/token keeps no other trace of the name written).
func LineFilename(adjusted, raw string) string {
	switch {
	case adjusted == raw:
		return adjusted
	case adjusted == "":
		return "??"
	}
	if rel, ok := strings.CutPrefix(adjusted, filepath.Dir(raw)+string(filepath.Separator)); ok {
		return rel
	}
	return adjusted
}

// lineNames maps the file names of p's type errors that //line directives
// gave (as go/scanner joined them) to the names gc prints (LineFilename).
func lineNames(p *packages.Package) map[string]string {
	var names map[string]string
	for _, te := range p.TypeErrors {
		if te.Fset == nil || !te.Pos.IsValid() {
			continue
		}
		adjusted := te.Fset.Position(te.Pos).Filename
		if raw := te.Fset.PositionFor(te.Pos, false).Filename; adjusted != raw {
			if names == nil {
				names = map[string]string{}
			}
			names[adjusted] = LineFilename(adjusted, raw)
		}
	}
	return names
}

// relPos makes the absolute file name that starts a message relative to
// wd, the go command's working directory, as go build prints it: the
// file's directory is written as its shortest name ("./a.go" in wd,
// "sub/a.go" below it, "../x/a.go" beside it).
// goroot writes a position in GOROOT as go build does: $GOROOT/src/...
func goroot(pos string) string {
	if rest, ok := strings.CutPrefix(pos, runtimeGOROOT()+string(filepath.Separator)); ok {
		return "$GOROOT" + string(filepath.Separator) + rest
	}
	return pos
}

func relPos(wd, msg string) string {
	file, rest, ok := strings.Cut(msg, ":")
	if !ok || !filepath.IsAbs(file) || wd == "" {
		return msg
	}
	dir := filepath.Dir(file)
	if rel, err := filepath.Rel(wd, dir); err == nil && len(rel) < len(dir) {
		return rel + string(filepath.Separator) + filepath.Base(file) + ":" + rest
	}
	return msg
}

// workDir is the go command's working directory for a load in dir.
func workDir(dir string) string {
	wd, err := os.Getwd()
	switch {
	case dir == "":
		return wd
	case filepath.IsAbs(dir) || err != nil:
		return dir
	}
	return filepath.Join(wd, dir)
}

// runtimeGOROOT returns the GOROOT the go command uses.
func runtimeGOROOT() string {
	if r := os.Getenv("GOROOT"); r != "" {
		return r
	}
	out, err := goEnv("GOROOT")
	if err == nil && out != "" {
		return out
	}
	return "/usr/local/go"
}

// posLess orders "file:line:col" positions by file, then line and column
// numerically.
func posLess(a, b string) bool {
	pa, pb := strings.Split(a, ":"), strings.Split(b, ":")
	if len(pa) != 3 || len(pb) != 3 {
		return a < b
	}
	if pa[0] != pb[0] {
		return pa[0] < pb[0]
	}
	for i := 1; i < 3; i++ {
		x, _ := strconv.Atoi(pa[i])
		y, _ := strconv.Atoi(pb[i])
		if x != y {
			return x < y
		}
	}
	return false
}

// interpretedStd returns the standard packages that run from source: those
// the policy does not make native and that an interpreted package, or a
// native package that is not sealed, imports. A package reached only
// through sealed native packages (unicode through reflect, the runtime's
// own internal packages) has no code that can run, so it is loaded like a
// native one: without bodies, initializer or SSA code.
// It asks `go list -deps` for the import graph (about 25 ms).
// It also returns the architecture the go command builds for.
func interpretedStd(cfg Config, args []string) (_ map[string]bool, goarch string) {
	if cfg.IsNative == nil {
		return nil, ""
	}
	list := []string{"list", "-e", "-deps", "-f", "{{.ImportPath}}\t{{.Standard}}\t{{join .Imports \",\"}}\t{{context.GOARCH}}"}
	if cfg.Test {
		list = append(list, "-test")
	}
	list = append(list, buildFlags(cfg.Env)...)
	cmd := exec.Command("go", append(list, args...)...)
	cmd.Dir = cfg.Dir
	cmd.Env = cfg.Env
	data, err := cmd.Output()
	graph := importGraph{pkgs: map[string]graphPkg{}}
	underTest := map[string]bool{} // native packages whose test binary this is, run from source
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			continue
		}
		// A test variant ("strings [strings.test]") is its package.
		variant := func(path string) string { path, _, _ = strings.Cut(path, " ["); return path }
		if path, ok := strings.CutSuffix(f[0], " ["+variant(f[0])+".test]"); ok && cfg.SourceUnderTest != nil && cfg.SourceUnderTest(path) {
			underTest[path] = true
		}
		f[0] = variant(f[0])
		p := graphPkg{std: f[1] == "true"}
		if len(f) > 2 && f[2] != "" {
			for _, imp := range strings.Split(f[2], ",") {
				p.imports = append(p.imports, variant(imp))
			}
		}
		graph.pkgs[f[0]] = p
		graph.order = append(graph.order, f[0])
		if len(f) > 3 {
			goarch = f[3]
		}
	}
	if err != nil {
		return nil, goarch // no graph: the policy alone decides
	}
	return interpreted(cfg, graph, underTest), goarch
}

// importGraph is an import graph: each package's kind and imports, by
// path; order lists them.
type importGraph struct {
	pkgs  map[string]graphPkg
	order []string
}

type graphPkg struct {
	std     bool // a standard package
	imports []string
}

// interpreted returns the standard packages of graph that run from source
// (interpretedStd); underTest are native ones whose test binary this is,
// from source too. Without a package of the program's own (none in the
// graph), nil: the policy alone decides.
func interpreted(cfg Config, graph importGraph, underTest map[string]bool) map[string]bool {
	out := map[string]bool{}
	var queue []string
	for _, path := range graph.order {
		if !graph.pkgs[path].std {
			queue = append(queue, path)
		}
	}
	if len(queue) == 0 {
		return nil
	}
	seen := map[string]bool{}
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		if seen[path] {
			continue
		}
		seen[path] = true
		p := graph.pkgs[path]
		if p.std && cfg.IsNative(path) && !underTest[path] {
			for _, imp := range p.imports {
				if cfg.Sealed == nil || !cfg.Sealed(path, imp) {
					queue = append(queue, imp)
				}
			}
			continue
		}
		// (A package go list does not call standard may still live in
		// GOROOT: a standard package's external tests, strings_test.)
		out[path] = true
		queue = append(queue, p.imports...)
	}
	return out
}

// dropBodies removes the function bodies of a native package's file,
// but those of the functions keep names (Config.KeepBody).
func dropBodies(f *ast.File, keep func(name string) bool) {
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && (fd.Recv != nil || !keep(fd.Name.Name)) {
			fd.Body = nil
		}
	}
}

// keepsBodies reports whether a function of the native package path
// keeps its body.
func keepsBodies(cfg Config, path string) bool {
	if cfg.KeepBody == nil || cfg.KeepBodies == nil {
		return false
	}
	return cfg.KeepBodies(path)
}

// keepBodyOf is cfg.KeepBody for the package path.
func keepBodyOf(cfg Config, path string) func(name string) bool {
	return func(name string) bool { return cfg.KeepBody != nil && cfg.KeepBody(path, name) }
}

// testVariant returns id if it is that of a test variant of a package
// ("pkg [pkg.test]"), else "".
func testVariant(id string) string {
	if strings.HasSuffix(id, ".test]") {
		return id
	}
	return ""
}

// Package is a package a pattern names, as go list reports it.
type Package struct {
	ImportPath string
	Dir        string
	TestFiles  int    // _test.go files, of the package and of its external test package
	Error      string // go list's error for the package ("" if none)
}

// List lists the packages patterns name (go list -e), with the build
// flags and environment of a load.
func List(cfg Config, patterns []string) ([]Package, error) {
	env := append(environ(cfg.Env), "CGO_ENABLED=0")
	args := append([]string{"list", "-e", "-f", "{{.ImportPath}}\t{{.Dir}}\t{{len .TestGoFiles}}\t{{len .XTestGoFiles}}\t{{if .Error}}{{.Error}}{{end}}"}, buildFlags(env)...)
	cmd := exec.Command("go", append(append(args, "--"), patterns...)...)
	cmd.Dir = cfg.Dir
	cmd.Env = env
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, &Error{Msg: msg}
	}
	var pkgs []Package
	for _, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		f := strings.SplitN(line, "\t", 5)
		if len(f) < 5 {
			continue
		}
		t, _ := strconv.Atoi(f[2])
		x, _ := strconv.Atoi(f[3])
		pkgs = append(pkgs, Package{ImportPath: f[0], Dir: f[1], TestFiles: t + x, Error: f[4]})
	}
	return pkgs, nil
}
