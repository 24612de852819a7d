package load

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

const stripSrc = `package p

import "sync"

var once = sync.OnceFunc(func() { println("lit") })

var sig = func() int {
	return 1
}()

type T struct{ a int }

func (t *T) M(x struct{ b int }) interface{ N() } {
	if x.b > 0 {
		return nil
	}
	return nil
}

func G[E interface{ ~int }](e E) (r struct{ v E }) { r.v = e; return }

func asm(x int) int

func last() {
	for {
	}
}
`

// TestStripBodies checks that function declarations lose their bodies and
// nothing else changes: literals in variable initializers keep theirs, and
// every remaining token keeps its line.
func TestStripBodies(t *testing.T) {
	out := stripBodies([]byte(stripSrc), func(string) bool { return false })
	if len(out) != len(stripSrc) {
		t.Fatalf("length changed: %d → %d", len(stripSrc), len(out))
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", out, 0)
	if err != nil {
		t.Fatalf("stripped source does not parse: %v\n%s", err, out)
	}
	funcs := 0
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			funcs++
			// A body on one line (G) is left to the loader to drop.
			if keep := fd.Name.Name == "G"; (fd.Body != nil) != keep {
				t.Errorf("%s: body kept = %v, want %v", fd.Name.Name, fd.Body != nil, keep)
			}
		}
	}
	if funcs != 4 {
		t.Errorf("%d function declarations, want 4", funcs)
	}
	lits := 0
	ast.Inspect(f, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			lits++
		}
		return true
	})
	if lits != 2 {
		t.Errorf("%d function literals, want the 2 in variable initializers", lits)
	}
	if line := fset.Position(f.Decls[len(f.Decls)-1].Pos()).Line; line != 24 {
		t.Errorf("last declaration on line %d, want 24", line)
	}
}
