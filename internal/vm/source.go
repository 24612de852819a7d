// Where a Machine's program comes from: go/ssa built from Go source
// (ssaSource, below) or an entry of the compiled-program cache
// (cacheProgram, cache.go). The executor and the natives ask the source
// for what they name at run time — the entry functions, a package-level
// variable or named type by name, a method of a dynamic type, a position,
// a function's code — and never test which kind of source they have.
package vm

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

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
				return s.m.globals[g]
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
	pos := s.m.prog.Fset.Position(p)
	return pos.Filename, pos.Line
}

// body binds f to its native if one is registered (or it has no Go
// body), and compiles it otherwise.
func (s ssaSource) body(f *Func) {
	sf := f.ssa
	if sf == nil {
		return
	}
	nativesMu.Lock()
	nf := natives[f.key]
	nativesMu.Unlock()
	switch {
	case nf != nil:
		f.bindNative(bindRegistered)
	case len(sf.Blocks) == 0 && sf.Name() == "init" && sf.Signature.Recv() == nil && sf.Parent() == nil:
		// A native package's initializer: natives set its variables.
		f.bindNative(bindEmptyInit)
	case len(sf.Blocks) == 0:
		f.bindNative(bindUnsupported)
	default:
		c := &compiler{f: f, m: f.m, slots: map[ssa.Value]int32{}}
		c.run()
	}
}
