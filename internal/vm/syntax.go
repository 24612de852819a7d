package vm

// What go/ssa does not keep of the syntax, found again in it: the
// function's AST (ssa.Function.Syntax) and the type-checker's facts
// (load.Program.Info).
//
//   - unsafe.Offsetof in generic code (offsetof). Of a selector whose
//     struct depends on a type parameter, the offset is not a constant of
//     the generic function, and go/ssa leaves a call of the builtin with
//     the field's value as its argument: the selector is gone. The call
//     at the same position in the syntax gives it back, and its selection
//     says how many of the argument's field steps (FieldAddr, Field)
//     belong to it — the field and the embedded fields it was promoted
//     through; those steps, typed with the instance's types, give the
//     offset as gc's sizes lay the structs out. The call compiles to a
//     constant of the instance.
//   - An array loaded through a pointer only for its length
//     (notEvaluated): the spec does not evaluate s in len(s), cap(s) and
//     `for i := range s` (at most one iteration variable) when s is an
//     array or a pointer to one and contains no function call or channel
//     receive — the length is a constant — so gc does not dereference a
//     nil *[N]T there; go/ssa loads the array anyway, and goro panicked.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// syntaxOf returns the function's syntax (of a generic instance, its
// origin's) and its package's type facts, or nils.
func (c *compiler) syntaxOf() (ast.Node, *types.Info) {
	fn := c.f.ssa
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if c.m.prog == nil || fn.Pkg == nil {
		return nil, nil
	}
	info := c.m.prog.Info[fn.Pkg]
	syntax := fn.Syntax()
	if info == nil || syntax == nil {
		return nil, nil
	}
	return syntax, info
}

// notEvaluated reports whether load, an array loaded through a pointer
// whose value nothing uses, is the operand of len, cap or a range
// statement that the spec does not evaluate.
func (c *compiler) notEvaluated(load *ssa.UnOp) bool {
	if _, ok := load.Type().Underlying().(*types.Array); !ok {
		return false
	}
	if refs := load.Referrers(); refs != nil {
		for _, r := range *refs {
			if _, ok := r.(*ssa.DebugRef); !ok {
				return false
			}
		}
	}
	syntax, info := c.syntaxOf()
	if syntax == nil || !load.Pos().IsValid() {
		return false
	}
	// The star expression at the load's position, and what encloses it
	// (parentheses aside).
	var star *ast.StarExpr
	var parent ast.Node
	var stack []ast.Node
	ast.Inspect(syntax, func(n ast.Node) bool {
		if star != nil {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if s, ok := n.(*ast.StarExpr); ok && s.Star == load.Pos() {
			star = s
			for i := len(stack) - 1; i >= 0; i-- {
				if _, paren := stack[i].(*ast.ParenExpr); !paren {
					parent = stack[i]
					break
				}
			}
			return false
		}
		stack = append(stack, n)
		return true
	})
	if star == nil || parent == nil || !constantLen(star, info) {
		return false
	}
	switch p := parent.(type) {
	case *ast.CallExpr:
		id, ok := ast.Unparen(p.Fun).(*ast.Ident)
		if !ok || len(p.Args) != 1 {
			return false
		}
		b, ok := info.Uses[id].(*types.Builtin)
		// Constant in the function's own code (of a type parameter's
		// array, not: gc evaluates it).
		return ok && (b.Name() == "len" || b.Name() == "cap") && info.Types[p].Value != nil
	case *ast.RangeStmt:
		// At most one iteration variable (a blank second one is
		// present), over an array type of the function's own code.
		_, array := types.Unalias(info.TypeOf(star)).Underlying().(*types.Array)
		return ast.Unparen(p.X) == star && p.Value == nil && array
	}
	return false
}

// constantLen reports whether expression e contains no function call (a
// conversion is not one) and no channel receive: what makes len(e) of an
// array a constant.
func constantLen(e ast.Expr, info *types.Info) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if tv, found := info.Types[n.Fun]; !found || !tv.IsType() {
				ok = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				ok = false
			}
		case *ast.FuncLit:
			return false
		}
		return ok
	})
	return ok
}

// offsetof returns the offset unsafe.Offsetof call computes in this
// instance, or false (not such a call, or its selector not found: the
// builtin then reports itself unsupported when it runs).
func (c *compiler) offsetof(call *ssa.Call) (int64, bool) {
	bi, ok := call.Call.Value.(*ssa.Builtin)
	if !ok || bi.Name() != "Offsetof" || len(call.Call.Args) != 1 {
		return 0, false
	}
	syntax, info := c.syntaxOf()
	if syntax == nil {
		return 0, false
	}
	var sel *ast.SelectorExpr
	ast.Inspect(syntax, func(n ast.Node) bool {
		if ce, ok := n.(*ast.CallExpr); ok && ce.Lparen == call.Pos() && len(ce.Args) == 1 {
			sel, _ = ast.Unparen(ce.Args[0]).(*ast.SelectorExpr)
			return false
		}
		return sel == nil
	})
	if sel == nil {
		return 0, false
	}
	selection := info.Selections[sel]
	if selection == nil || selection.Kind() != types.FieldVal {
		return 0, false
	}
	path := selection.Index()
	v := call.Call.Args[0]
	if load, ok := v.(*ssa.UnOp); ok {
		v = load.X
	}
	var off int64
	for i := len(path) - 1; i >= 0; i-- {
		var x ssa.Value
		var field int
		switch step := v.(type) {
		case *ssa.FieldAddr:
			x, field = step.X, step.Field
		case *ssa.Field:
			x, field = step.X, step.Field
		default:
			return 0, false
		}
		st, ok := deref(x.Type()).Underlying().(*types.Struct)
		if !ok || field != path[i] {
			return 0, false
		}
		fields := make([]*types.Var, st.NumFields())
		for j := range fields {
			fields[j] = st.Field(j)
		}
		off += c.m.sizes.Offsetsof(fields)[field]
		v = x
	}
	return off, true
}

// deref returns the element type of a pointer type, or t.
func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
