package vm

// Where a Machine's program comes from: go/ssa built from Go source
// (ssaSource, below) or an entry of the compiled-program cache
// (cacheProgram, cache.go). The executor and the natives ask the source
// for what they name at run time — the entry functions, a package-level
// variable or named type by name, a method of a dynamic type, a position,
// a function's code — and never test which kind of source they have.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/goro-dev/goro/internal/load"
	"github.com/goro-dev/goro/internal/rt"
)

// source is a program as the executor reads it. Every method may be
// called by several Ms at once.
type source interface {
	// entry returns the main package's initializer (nil if none) and
	// main.main (nil if undeclared).
	entry() (init, main *Func)
	// global returns the cell of package-level variable pkgpath.name, or nil.
	global(pkgpath, name string) *rt.Value
	// lookupType returns the runtime type of pkgpath.name, or nil.
	lookupType(pkgpath, name string) *Type
	// method returns the implementation of method name for values of
	// dynamic type t, or nil.
	method(t *Type, name string) *Func
	// position returns the file and line of p.
	position(p token.Pos) (file string, line int)
	// body sets f's code (or binds it to its native); Func.ensure calls it
	// once per function.
	body(f *Func)
	// matchFuncs returns the program's functions whose names (as tracebacks
	// print them) match, in no particular order (the disassembler).
	matchFuncs(match func(name string) bool) []*Func
	// globalNames names the cells of package-level variables
	// ("pkgpath.name"; the disassembler).
	globalNames() map[*rt.Value]string
}

// ssaSource is a program loaded from source: the Machine's SSA program,
// compiled function by function on first call.
type ssaSource struct{ m *Machine }

func (s ssaSource) entry() (init, main *Func) {
	mp := s.m.prog.Main
	if f := mp.Func("init"); f != nil {
		init = s.m.funcOf(f)
	}
	if f := mp.Func("main"); f != nil {
		main = s.m.funcOf(f)
	}
	return init, main
}

func (s ssaSource) global(pkgpath, name string) *rt.Value {
	for _, p := range s.m.prog.Packages {
		if p.Pkg.Path() == pkgpath {
			if g, ok := p.Members[name].(*ssa.Global); ok {
				return s.m.globalCell(g)
			}
		}
	}
	return nil
}

func (s ssaSource) lookupType(pkgpath, name string) *Type {
	for _, p := range s.m.prog.Packages {
		if p.Pkg.Path() == pkgpath {
			if obj := p.Pkg.Scope().Lookup(name); obj != nil {
				return s.m.typeOf(obj.Type())
			}
		}
	}
	return nil
}

func (s ssaSource) method(t *Type, name string) *Func {
	prog := s.m.prog.SSA
	ms := prog.MethodSets.MethodSet(t.T)
	for i := 0; i < ms.Len(); i++ {
		sel := ms.At(i)
		if sel.Obj().Name() == name {
			if sf := prog.MethodValue(sel); sf != nil {
				return s.m.funcOf(sf)
			}
			return nil
		}
	}
	return nil
}

func (s ssaSource) position(p token.Pos) (string, int) {
	if file, line, ok := s.m.imagePosition(p); ok {
		return file, line
	}
	pos := s.m.prog.Fset.Position(p)
	return load.LineFilename(pos.Filename, s.m.prog.Fset.PositionFor(p, false).Filename), pos.Line
}

// body binds f to its native if one is registered (or it has no Go
// body), and compiles it otherwise.
func (s ssaSource) body(f *Func) {
	sf := f.ssa
	if sf == nil {
		if s.m.image != nil && s.m.image.owns(f) {
			s.m.image.c.body(f) // the image's (image.go)
		}
		return
	}
	nf := nativeFor(f.key, sf)
	switch {
	case nf != nil:
		f.bindNative(bindRegistered)
	case sf.Name() == "init" && sf.Signature.Recv() == nil && sf.Parent() == nil && (len(sf.Blocks) == 0 || s.m.prog.Native[sf.Pkg]):
		// A native package's initializer (built from its syntax when some
		// of its functions keep their bodies: load.Config.KeepBody) does
		// not run: its natives set its variables.
		s.nativeInit(f)
	case len(sf.Blocks) == 0:
		if target := s.m.linknameTarget(sf); target != nil {
			c := &compiler{f: f, m: f.m, slots: map[ssa.Value]int32{}}
			c.forward(target)
			return
		}
		f.bindNative(bindUnsupported)
	default:
		c := &compiler{f: f, m: f.m, slots: map[ssa.Value]int32{}}
		c.run()
	}
}

func (s ssaSource) matchFuncs(match func(string) bool) []*Func {
	var fs []*Func
	for sf := range ssautil.AllFunctions(s.m.prog.SSA) {
		if generic(sf) || isWrapper(sf) {
			continue // only its instances run; wrappers are generated
		}
		if match(gcName(sf)) {
			fs = append(fs, s.m.funcOf(sf))
		}
	}
	return fs
}

func (s ssaSource) globalNames() map[*rt.Value]string {
	names := map[*rt.Value]string{}
	s.m.globalsMu.Lock()
	defer s.m.globalsMu.Unlock()
	for g, cell := range s.m.globals { // those made so far: the others no code names
		name := g.Name()
		if g.Pkg != nil {
			name = g.Pkg.Pkg.Path() + "." + name
		}
		if old := names[cell]; old == "" || name < old {
			names[cell] = name // zero-size variables share a cell
		}
	}
	return names
}

// nativeInit gives a native package's initializer its code: the
// initializers of the interpreted packages it reaches through native
// packages not sealed whole (in dependency order), then the start-up steps of those native
// packages, itself last (RegisterPackageInit). Natives set the rest of
// their variables when the Machine is made (RegisterInit).
func (s ssaSource) nativeInit(f *Func) {
	prog := s.m.prog
	var seq, steps []*Func
	seen := map[*types.Package]bool{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		sp := prog.SSA.Package(p)
		if sp == nil {
			return
		}
		if !prog.Native[sp] {
			if init := sp.Func("init"); init != nil {
				seq = append(seq, s.m.funcOf(init))
			}
			return
		}
		// A package sealed whole (reflect) hands the program nothing of its
		// imports': if the program has their code, its other imports run
		// their initializers. So an image written for a program that has
		// unicode's code does not run unicode's tables' initializer in one
		// that has reflect's unicode only. (os, whose one sealed import is
		// internal/poll, reads poll's variables once poll's initializer ran:
		// it still runs it.)
		sealedWhole := prog.Sealed != nil && prog.Sealed(p.Path(), "")
		for _, q := range p.Imports() {
			if qp := prog.SSA.Package(q); sealedWhole && (qp == nil || !prog.Native[qp]) {
				continue
			}
			visit(q)
		}
		nativesMu.Lock()
		_, ok := packageInits[p.Path()]
		nativesMu.Unlock()
		if ok {
			step := &Func{m: s.m, name: p.Path() + ".init", key: p.Path()}
			step.once.Do(func() {})
			step.bindNative(bindPackageInit)
			steps = append(steps, step)
		}
	}
	visit(f.ssa.Pkg.Pkg)
	if len(seq)+len(steps) == 0 {
		f.bindNative(bindEmptyInit)
		return
	}
	f.callSeq(append(seq, steps...))
}

// callSeq makes f's code a call of each of seq in turn (functions without
// parameters or results), then a return.
func (f *Func) callSeq(seq []*Func) {
	f.code = nil
	for _, g := range seq {
		f.code = append(f.code, instr{op: opCall, a: 0, x: &callInfo{fn: g}})
	}
	f.code = append(f.code, instr{op: opReturn, x: []int32{}})
	f.pos = make([]token.Pos, len(f.code))
	f.nslots = 1
	f.recoverPC = -1
}

// linknameTarget returns the function with a body that sf, declared
// without one, is linked to, as gc's linker links symbols, or nil. Its
// symbol is what a //go:linkname directive above its declaration names
// (a "pull": time's tests reach time.Time.abs, time/tzdata registers with
// time), or its own name (`//go:linkname f` or none: the body is
// elsewhere). A function with a body that a directive of its own gives
// that symbol ("push": testing's testingSynctestTest, crypto/sha3's
// sha3Unwrap for crypto/internal/fips140hash) is the target wherever it
// is; otherwise the symbol names it: "pkg/path.F", "pkg/path.T.M" (a
// value receiver's method), "pkg/path.(*T).M".
func (m *Machine) linknameTarget(sf *ssa.Function) *ssa.Function {
	if sf.Pkg == nil || sf.Signature.Recv() != nil {
		return nil // (a method without a body is no linkname's)
	}
	symbol, ok := linknameOf(sf)
	if !ok {
		symbol = sf.Pkg.Pkg.Path() + "." + sf.Name()
		if sf.Pkg.Pkg.Name() == "main" {
			symbol = "main." + sf.Name() // gc's linker spells the main package so
		}
	}
	prog := m.prog.SSA
	target := m.pushed(symbol)
	if target == nil {
		path, name := symbol, ""
		slash := strings.LastIndex(path, "/")
		dot := strings.Index(path[slash+1:], ".")
		if dot < 0 {
			return nil
		}
		path, name = path[:slash+1+dot], path[slash+2+dot:]
		pkg := prog.ImportedPackage(path)
		if pkg == nil || pkg == sf.Pkg && name == sf.Name() {
			return nil
		}
		if tname, method, ok := strings.Cut(name, "."); ok {
			ptr := strings.HasPrefix(tname, "(*") && strings.HasSuffix(tname, ")")
			tname = strings.TrimSuffix(strings.TrimPrefix(tname, "(*"), ")")
			obj, _ := pkg.Pkg.Scope().Lookup(tname).(*types.TypeName)
			if obj == nil {
				return nil
			}
			T := obj.Type()
			if ptr {
				T = types.NewPointer(T)
			}
			if sel := prog.MethodSets.MethodSet(T).Lookup(pkg.Pkg, method); sel != nil {
				target = prog.MethodValue(sel)
			}
		} else {
			target = pkg.Func(name)
		}
	}
	if target == nil || len(target.Blocks) == 0 || !types.Identical(target.Signature, sf.Signature) && !sameParams(target.Signature, sf.Signature) {
		return nil
	}
	if std := m.prog.Std; !std[sf.Pkg] && std[target.Pkg] && internalPath(target.Pkg.Pkg.Path()) {
		// A program's pull into an internal package of the standard
		// library: there natives may trust their only callers (bigmod's
		// and subtle's view the cells those callers checked), so goro
		// does not link it — the function is unsupported, by name.
		return nil
	}
	return target
}

// internalPath reports whether path is, or is inside, an internal
// package.
func internalPath(path string) bool {
	return path == "internal" || strings.HasPrefix(path, "internal/") || strings.Contains(path, "/internal/") || strings.HasSuffix(path, "/internal")
}

// pushed returns the function of the program with a body whose own
// //go:linkname directive gives it the name symbol ("push" linknames:
// time's legacyTimeTimeAbs is time.Time.abs for the packages that pull
// that name), or nil. The index of every package's pushes is made once.
func (m *Machine) pushed(symbol string) *ssa.Function {
	m.pushesOnce.Do(func() {
		m.pushes = map[string]*ssa.Function{}
		for _, pkg := range m.prog.SSA.AllPackages() {
			for _, mem := range pkg.Members {
				if fn, ok := mem.(*ssa.Function); ok && len(fn.Blocks) > 0 {
					if symbol, ok := linknameOf(fn); ok {
						m.pushes[symbol] = fn
					}
				}
			}
		}
	})
	return m.pushes[symbol]
}

// linknameOf returns the symbol a `//go:linkname name symbol` directive
// above fn's declaration gives it (the last, as gc's), if there is one.
func linknameOf(fn *ssa.Function) (symbol string, ok bool) {
	decl, _ := fn.Syntax().(*ast.FuncDecl)
	if decl == nil || decl.Doc == nil {
		return "", false
	}
	for _, cm := range decl.Doc.List {
		if f := strings.Fields(cm.Text); len(f) == 3 && f[0] == "//go:linkname" && f[1] == fn.Name() {
			symbol, ok = f[2], true
		}
	}
	return symbol, ok
}

// sameParams reports whether a method's signature, its receiver first,
// is that of a function: a linknamed method's local declaration.
func sameParams(method, fn *types.Signature) bool {
	if method.Recv() == nil {
		return false
	}
	vars := []*types.Var{method.Recv()}
	for i := 0; i < method.Params().Len(); i++ {
		vars = append(vars, method.Params().At(i))
	}
	return types.Identical(types.NewSignatureType(nil, nil, nil, types.NewTuple(vars...), method.Results(), method.Variadic()), fn)
}
