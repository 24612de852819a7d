package vm

// The standard-library image: the standard packages of a program compiled
// once and kept, so that a program never run before starts without
// parsing, type-checking or compiling them (issue 13's cold start).
//
// WriteImage writes, in the compiled-program cache's format (cache.go),
// every function, method, variable and named type of a loaded program's
// standard packages — not only what that program reaches — and, per
// package, its declarations: each constant (type and value), type, alias,
// variable and function by name, its imports, its initializer, and whether
// goro binds it natively. Generic functions and types are left out: only
// instances exist in compiled code.
//
// OpenImage reads it back, and the Image is then three things at once:
//   - an importer (Import): go/types packages whose objects are the
//     image's own types, so that a program's packages type-check against
//     exactly the types the image's code was compiled with (one identity
//     for fmt.Stringer, whoever names it);
//   - the code of those packages for a Machine (NewHybrid) whose program's
//     own packages come from SSA: a function or method of an image package
//     (go/ssa makes it a function without body, "from type information"),
//     a package variable or a method table of an image type is the image's;
//   - positions of the image's code, which a hybrid Machine tells from its
//     FileSet's by their range (the image's start at 1<<posLineBits).
//
// Generic code comes from source (load.LoadHybrid): a package that nothing
// would make two of (fromSource: slices, maps, cmp, iter) whole, beside the
// image; another's generic declarations added into the image's package.
// SetSource then makes the image's instances of their generic types from
// the source's, so that both are one type.
//
// A hybrid Machine is only ever compiled (WriteCache): the program entry it
// writes is layered over the image (cacheWriter.over: the image's records
// keep their ids, the program's own follow), and a run reads both
// (ReadCacheOver). Nothing of the image is shared between two Machines.

import (
	"encoding/binary"
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"io"
	"strings"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/goro-dev/goro/internal/load"
	"github.com/goro-dev/goro/internal/rt"
)

// Declaration kinds of an image package.
const (
	declConst = iota
	declType
	declAlias
	declVar
	declFunc
)

// exports roots every function and method of the program's standard
// packages and writes their declarations.
func (w *cacheWriter) exports() enc {
	var e enc
	var pkgs []*ssa.Package
	for _, p := range w.m.prog.Packages {
		if w.m.prog.Std[p] && p.Pkg != types.Unsafe {
			pkgs = append(pkgs, p)
		}
	}
	written := writtenGlobals(w.m.prog.SSA)
	e.u(uint64(len(pkgs)))
	for _, p := range pkgs {
		e.u(uint64(w.pkgID(p.Pkg)))
		e.bool(w.m.prog.Native[p])
		e.bool(!w.m.prog.Native[p] && fromSource(p, written))
		e.bool(!w.m.prog.Native[p] && declaresGenerics(p.Pkg))
		imps := p.Pkg.Imports()
		e.u(uint64(len(imps)))
		for _, imp := range imps {
			e.s(imp.Path())
		}
		init := -1
		if f := p.Func("init"); f != nil {
			init = w.funcID(w.m.funcOf(f))
		}
		e.i(int64(init))
		// Functions the scope does not name: methods come with their
		// types' method tables, init#N and closures with their callers.
		scope := p.Pkg.Scope()
		var decls enc
		n := 0
		for _, name := range scope.Names() {
			switch obj := scope.Lookup(name).(type) {
			case *types.Const:
				if obj.Val().Kind() == constant.Unknown {
					continue
				}
				decls.u(declConst)
				decls.s(name)
				decls.u(uint64(w.typeID(obj.Type())))
				constValue(&decls, obj.Val())
			case *types.TypeName:
				T := obj.Type()
				if a, ok := T.(*types.Alias); ok {
					if a.TypeParams().Len() > 0 {
						continue
					}
					decls.u(declAlias)
					decls.s(name)
					decls.u(uint64(w.typeID(types.Unalias(T))))
					break
				}
				if n, ok := T.(*types.Named); ok && n.TypeParams().Len() > 0 {
					continue // generic: only its instances are compiled
				}
				if it, ok := T.Underlying().(*types.Interface); ok && !it.IsMethodSet() {
					continue // a constraint
				}
				decls.u(declType)
				decls.s(name)
				decls.u(uint64(w.typeID(T)))
			case *types.Var:
				g := p.Var(name)
				if g == nil {
					continue
				}
				decls.u(declVar)
				decls.s(name)
				decls.u(uint64(w.typeID(obj.Type())))
			case *types.Func:
				sig := obj.Type().(*types.Signature)
				f := p.Func(name)
				if sig.TypeParams().Len() > 0 || f == nil {
					continue
				}
				decls.u(declFunc)
				decls.s(name)
				decls.u(uint64(w.typeID(sig)))
				decls.u(uint64(w.funcID(w.m.funcOf(f))))
			default:
				continue
			}
			n++
		}
		e.u(uint64(n))
		e.b = append(e.b, decls.b...)
	}
	return e
}

// fromSource reports whether a program that instantiates the generic
// functions or types of p may load it from source beside the image
// (load.LoadHybrid): it declares some, and nothing whose identity or
// state would then be two, the image's and the source's — no exported
// type that is not generic, no exported variable, and no unexported one
// that its code does more with than read (iter's goexitPanicValue is only
// compared with: each copy of Pull compares with its own).
func fromSource(p *ssa.Package, written map[*ssa.Global]bool) bool {
	generic := false
	scope := p.Pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Var:
			if obj.Exported() || written[p.Var(name)] {
				return false
			}
		case *types.TypeName:
			switch T := obj.Type().(type) {
			case *types.Alias:
				generic = generic || T.TypeParams().Len() > 0
			case *types.Named:
				if T.TypeParams().Len() > 0 {
					generic = true
				} else if obj.Exported() {
					if it, ok := T.Underlying().(*types.Interface); !ok || it.IsMethodSet() {
						return false
					}
				}
			}
		case *types.Func:
			generic = generic || obj.Type().(*types.Signature).TypeParams().Len() > 0
		}
	}
	return generic
}

// declaresGenerics reports whether pkg declares generic functions or types
// (which the image leaves out).
func declaresGenerics(pkg *types.Package) bool {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.TypeName:
			switch T := obj.Type().(type) {
			case *types.Alias:
				if T.TypeParams().Len() > 0 {
					return true
				}
			case *types.Named:
				if T.TypeParams().Len() > 0 {
					return true
				}
			}
		case *types.Func:
			if obj.Type().(*types.Signature).TypeParams().Len() > 0 {
				return true
			}
		}
	}
	return false
}

// writtenGlobals returns the package variables that some code other than
// their package's initializer does more with than load.
func writtenGlobals(prog *ssa.Program) map[*ssa.Global]bool {
	written := map[*ssa.Global]bool{}
	var ops []*ssa.Value
	for fn := range ssautil.AllFunctions(prog) {
		if fn.Synthetic == "package initializer" {
			continue
		}
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if u, ok := in.(*ssa.UnOp); ok && u.Op == token.MUL {
					continue // a load
				}
				for _, op := range in.Operands(ops[:0]) {
					if g, ok := (*op).(*ssa.Global); ok {
						written[g] = true
					}
				}
			}
		}
	}
	return written
}

// constValue writes a constant's value exactly.
func constValue(e *enc, v constant.Value) {
	e.u(uint64(v.Kind()))
	switch v.Kind() {
	case constant.Bool:
		e.bool(constant.BoolVal(v))
	case constant.String:
		e.s(constant.StringVal(v))
	case constant.Int:
		e.s(v.ExactString())
	case constant.Float:
		e.s(constant.Num(v).ExactString())
		e.s(constant.Denom(v).ExactString())
	case constant.Complex:
		constValue(e, constant.Real(v))
		constValue(e, constant.Imag(v))
	}
}

// constValue reads what constValue wrote.
func (d *dec) constValue() constant.Value {
	switch k := constant.Kind(d.u()); k {
	case constant.Bool:
		return constant.MakeBool(d.bool())
	case constant.String:
		return constant.MakeString(d.s())
	case constant.Int:
		return constant.MakeFromLiteral(d.s(), token.INT, 0)
	case constant.Float:
		num := constant.MakeFromLiteral(d.s(), token.INT, 0)
		den := constant.MakeFromLiteral(d.s(), token.INT, 0)
		return constant.ToFloat(constant.BinaryOp(num, token.QUO, den))
	case constant.Complex:
		re := d.constValue()
		return constant.BinaryOp(re, token.ADD, constant.MakeImag(d.constValue()))
	}
	panic(errCorrupt)
}

// global registers a package-level variable of the program.
func (w *cacheWriter) global(name string, cell *rt.Value, T types.Type) {
	if _, ok := w.cells[cell]; !ok {
		w.cells[cell] = w.nGlobals + len(w.globals)
	}
	w.globals = append(w.globals, cacheGlobal{name, cell, T})
	w.typeID(T)
}

// imageGlobal returns the id of a variable of the image that the image's
// code names but the program's packages do not: the image's own, in the
// entry's base (a hybrid Machine's writer).
func (w *cacheWriter) imageGlobal(cell *rt.Value) (int, bool) {
	if w.base == nil {
		return 0, false
	}
	c := w.base.c
	c.mu.Lock()
	defer c.mu.Unlock()
	id, ok := c.cellIDs[cell]
	return id, ok
}

// imageMethodTable reports whether the entry's base has the method table
// of T (a hybrid Machine's writer): then it is not written again.
func (w *cacheWriter) imageMethodTable(T types.Type) bool {
	if w.base == nil {
		return false
	}
	t := w.m.typeOf(T)
	w.base.c.mu.Lock()
	defer w.base.c.mu.Unlock()
	_, ok := w.base.c.mtab(t)
	return ok
}

// over makes w write an entry layered over im (a hybrid Machine's
// writer): the image's records are not written again, the entry's own
// ids start after the image's.
func (w *cacheWriter) over(im *Image) {
	c := im.c
	c.mu.Lock()
	defer c.mu.Unlock()
	w.base = im
	w.nPkgs, w.nFiles, w.nTypes, w.nFuncs, w.nGlobals = len(c.pkgs), len(c.files), c.typeRecs.n, c.funcRecs.n, len(c.cells)
	w.basePkgs = make(map[*types.Package]int, len(c.pkgs))
	for i, p := range c.pkgs {
		w.basePkgs[p] = i + 1
	}
}

// baseTypeID returns the id of T in the entry's base, if the image has it:
// a type decoded from it, or an instance of a generic type of its
// packages (made by the program from the generic source: the image's,
// made from the same source since SetSource, is identical).
func (w *cacheWriter) baseTypeID(T types.Type) (int, bool) {
	if w.base == nil {
		return 0, false
	}
	c := w.base.c
	c.mu.Lock()
	defer c.mu.Unlock()
	if id, ok := c.typeIDs[T]; ok {
		return id, true
	}
	n, ok := T.(*types.Named)
	if !ok || n.TypeArgs().Len() == 0 || n.Obj().Pkg() == nil {
		return 0, false
	}
	if w.instances == nil {
		w.instances = map[string]int{}
		for id := 0; id < c.typeRecs.n; id++ {
			d := c.typeRecs.rec(id)
			if d.u() != tNamed {
				continue
			}
			pkg := c.pkg(d)
			if name := d.s(); pkg != nil && d.n() > 0 {
				w.instances[pkg.Path()+"."+name] = id
			}
		}
	}
	id, ok := w.instances[n.Obj().Pkg().Path()+"."+w.m.namedName(n)]
	if !ok || !types.Identical(c.typ(id), T) {
		return 0, false
	}
	return id, true
}

// Image is a standard-library image read back (OpenImage). It is used by
// one load and one Machine (NewHybrid), one after the other.
type Image struct {
	key   string // its name in goro's cache
	sum   uint32 // its checksum
	c     *cacheProgram
	pkgs  map[string]*imagePkg
	byPkg map[*types.Package]*imagePkg
}

// imagePkg is a package of an image.
type imagePkg struct {
	pkg    *types.Package
	native bool
	source bool // a program may load it from source (fromSource)
	// generics: its Go code declares generic functions or types (left
	// out; a program may add them from source: load.LoadHybrid).
	generics bool
	imports  []string
	init     int
	decls    []imageDecl
	funcs    map[string]int // function ids by name
	names    map[string]bool
	done     bool // its scope is filled
}

// imageDecl is a declaration of an image package.
type imageDecl struct {
	kind int
	name string
	typ  int
	val  constant.Value
}

// OpenImage reads what WriteImage wrote, kept in goro's cache as key.
func OpenImage(key string, data []byte) (im *Image, err error) {
	c, err := openCache(data, nil)
	if err != nil {
		return nil, err
	}
	defer recoverAs(&err)
	c.cellIDs = map[*rt.Value]int{}
	c.typeIDs = map[types.Type]int{}
	im = &Image{key: key, sum: binary.LittleEndian.Uint32(data), c: c, pkgs: map[string]*imagePkg{}, byPkg: map[*types.Package]*imagePkg{}}
	d := c.exports
	for n := d.n(); n > 0; n-- {
		ip := &imagePkg{pkg: c.pkg(d), funcs: map[string]int{}}
		if ip.pkg == nil {
			panic(errCorrupt)
		}
		ip.native = d.bool()
		ip.source = d.bool()
		ip.generics = d.bool()
		for k := d.n(); k > 0; k-- {
			ip.imports = append(ip.imports, d.s())
		}
		ip.init = int(d.i())
		if ip.init >= 0 {
			ip.funcs["init"] = ip.init
		}
		for k := d.n(); k > 0; k-- {
			decl := imageDecl{kind: int(d.u()), name: d.s(), typ: d.n()}
			switch decl.kind {
			case declConst:
				decl.val = d.constValue()
			case declFunc:
				ip.funcs[decl.name] = d.n()
			}
			ip.decls = append(ip.decls, decl)
		}
		im.pkgs[ip.pkg.Path()] = ip
		im.byPkg[ip.pkg] = ip
	}
	return im, nil
}

// Has reports whether the image has the standard package path, and whether
// its code is Go's (not bound natively).
func (im *Image) Has(path string) (ok, interpreted bool) {
	if path == "unsafe" {
		return true, false
	}
	ip := im.pkgs[path]
	return ip != nil, ip != nil && !ip.native
}

// FromSource reports whether a program that instantiates the generic
// functions or types of path may load it from source beside the image.
func (im *Image) FromSource(path string) bool {
	ip := im.pkgs[path]
	return ip != nil && ip.source
}

// Generics reports whether the image's package path, whose code is Go's,
// declares generic functions or types (left out of it).
func (im *Image) Generics(path string) bool {
	ip := im.pkgs[path]
	return ip != nil && ip.generics
}

// Declares reports whether the image's package path declares name (the
// generic functions and types it left out it does not).
func (im *Image) Declares(path, name string) bool {
	ip := im.pkgs[path]
	if ip == nil {
		return false
	}
	if ip.names == nil {
		ip.names = map[string]bool{}
		for _, d := range ip.decls {
			ip.names[d.name] = true
		}
	}
	return ip.names[name]
}

// SetSource tells the image that the generic types of pkg, one of its
// packages, come from source in this load (loaded whole, or added to the
// image's package): its instances of them are made by instantiating
// pkg's (iter.Seq[string] of strings.SplitSeq is then the type
// slices.Collect takes; atomic.Pointer[string] of log.Logger's prefix the
// program's). An instance decoded before, as a type of its own, would be a
// second type of that name: then it fails.
func (im *Image) SetSource(pkg *types.Package) error {
	im.c.mu.Lock()
	defer im.c.mu.Unlock()
	if im.c.generics == nil {
		im.c.generics = map[string]*types.TypeName{}
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok {
			if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
				im.c.generics[pkg.Path()+"."+name] = tn
			}
		}
	}
	for _, T := range im.c.types {
		n, ok := T.(*types.Named)
		if !ok || n.TypeArgs().Len() > 0 || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != pkg.Path() {
			continue
		}
		if base, _, ok := strings.Cut(n.Obj().Name(), "["); ok && im.c.generics[pkg.Path()+"."+base] != nil {
			return fmt.Errorf("%s.%s was read before its generic type", pkg.Path(), n.Obj().Name())
		}
	}
	return nil
}

// instance returns the instance of pkg's generic type origin with the
// type arguments of ids, if pkg's generic types are from source
// (SetSource), or nil. c.mu is held.
func (c *cacheProgram) instance(pkg *types.Package, origin string, ids []int) types.Type {
	tn := c.generics[pkg.Path()+"."+origin]
	if tn == nil {
		return nil
	}
	targs := make([]types.Type, len(ids))
	for i, id := range ids {
		targs[i] = c.typ(id)
	}
	T, err := types.Instantiate(nil, tn.Type(), targs, true)
	if err != nil {
		panic(fmt.Sprintf("instantiating %s.%s: %v", pkg.Path(), origin, err))
	}
	return T
}

// Import returns package path as go/types sees it: its scope holds the
// image's declarations (all of them: go/ssa makes members of them, and a
// Machine's natives look them up by name), made of the image's types.
func (im *Image) Import(path string) (pkg *types.Package, err error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	im.c.mu.Lock()
	defer im.c.mu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			pkg, err = nil, fmt.Errorf("goro: standard-library image: %v", r)
		}
	}()
	return im.fill(path)
}

// fill fills the scope of package path (and of its imports). im.c.mu is
// held.
func (im *Image) fill(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	ip := im.pkgs[path]
	if ip == nil {
		return nil, fmt.Errorf("package %s is not in the standard-library image", path)
	}
	if ip.done {
		return ip.pkg, nil
	}
	ip.done = true
	var imps []*types.Package
	for _, path := range ip.imports {
		p, err := im.fill(path)
		if err != nil {
			return nil, err
		}
		imps = append(imps, p)
	}
	pkg, c := ip.pkg, im.c
	scope := pkg.Scope()
	for _, decl := range ip.decls {
		T := c.typ(decl.typ)
		var obj types.Object
		switch decl.kind {
		case declConst:
			obj = types.NewConst(token.NoPos, pkg, decl.name, T, decl.val)
		case declType:
			n, ok := T.(*types.Named)
			if !ok || n.Obj().Pkg() != pkg || n.Obj().Name() != decl.name {
				panic(fmt.Sprintf("type %s.%s is %v", path, decl.name, T))
			}
			obj = n.Obj()
		case declAlias:
			obj = types.NewTypeName(token.NoPos, pkg, decl.name, nil)
			types.NewAlias(obj.(*types.TypeName), T)
		case declVar:
			obj = types.NewVar(token.NoPos, pkg, decl.name, T)
		case declFunc:
			obj = types.NewFunc(token.NoPos, pkg, decl.name, T.(*types.Signature))
		default:
			panic(errCorrupt)
		}
		scope.Insert(obj)
	}
	pkg.SetImports(imps)
	pkg.MarkComplete()
	return pkg, nil
}

// NewHybrid prepares prog — its own packages from source, its standard
// packages the image's (load.LoadHybrid) — to be compiled whole
// (WriteCache), never run.
func NewHybrid(prog *load.Program, im *Image) *Machine {
	m := newMachine(Options{Stdout: io.Discard, Stderr: io.Discard})
	m.prog = prog
	m.buildInfo = prog.BuildInfo
	m.src = ssaSource{m}
	m.compileOnly = true
	m.image = im
	im.c.m = m
	m.init()
	m.embeds = prog.Embeds
	return m
}

// imageFunc returns the image's function for sf, a function of an image
// package that go/ssa made from its type (no body), or nil.
func (m *Machine) imageFunc(sf *ssa.Function) *Func {
	im := m.image
	// An image package's functions have no body here, whether go/ssa made
	// them from their types or from the declarations load.LoadHybrid adds
	// beside a package's generic code; its initializer is always the
	// image's (one built beside that code initializes nothing).
	if sf.Synthetic != "package initializer" && (len(sf.Blocks) != 0 || sf.Synthetic != "" && !strings.HasPrefix(sf.Synthetic, "from type information")) {
		return nil
	}
	var pkg *types.Package
	if obj, ok := sf.Object().(*types.Func); ok {
		pkg = obj.Pkg()
	} else if sf.Pkg != nil {
		pkg = sf.Pkg.Pkg
	}
	ip := im.byPkg[pkg]
	if ip == nil {
		return nil
	}
	if recv := sf.Signature.Recv(); recv != nil {
		f := im.c.method(m.typeOf(recv.Type()), sf.Name())
		if f == nil {
			panic(fmt.Sprintf("method %s is not in the standard-library image", sf))
		}
		return f
	}
	id, ok := ip.funcs[sf.Name()]
	if !ok {
		panic(fmt.Sprintf("function %s is not in the standard-library image", sf))
	}
	im.c.mu.Lock()
	defer im.c.mu.Unlock()
	return im.c.fn(id)
}

// owns reports whether f is one of the image's functions.
func (im *Image) owns(f *Func) bool {
	im.c.mu.Lock()
	defer im.c.mu.Unlock()
	return int(f.id) < len(im.c.funcs) && im.c.funcs[f.id] == f
}

// imageGlobalCell returns the image's cell of g, a variable of an image
// package, or nil.
func (m *Machine) imageGlobalCell(g *ssa.Global) *rt.Value {
	if g.Pkg == nil || m.image.byPkg[g.Pkg.Pkg] == nil {
		return nil
	}
	return m.image.c.global(g.Pkg.Pkg.Path(), g.Name())
}

// imagePosition returns the file and line of p if it is a position of the
// image's code.
func (m *Machine) imagePosition(p token.Pos) (string, int, bool) {
	if m.image == nil || int(p) < 1<<posLineBits {
		return "", 0, false
	}
	file, line := m.image.c.position(p)
	return file, line, true
}
