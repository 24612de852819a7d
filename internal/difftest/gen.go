// Package difftest tests goro against gc on random programs: it generates
// well-typed, terminating, deterministic Go programs (gen.go, units.go), runs
// each under gc and under goro in batches and compares what they did
// (run.go), and shrinks every difference to a small reproducer
// (minimise.go). cmd/gorodiff is its command.
package difftest

// The generator.
//
// A program is a list of independent units. A unit is a few top-level
// declarations (types, functions, methods, package-level variables with pure
// initialisers, init functions that only set variables) and one function
// unitN, which Main (main, in a standalone program) calls in order. Each
// unit exercises one area of the language or the library — integer
// arithmetic, floats, strings, slices, maps, structs, interfaces, generics,
// defer and panic, goroutines and channels, ... — with random expression
// trees and random sequences of operations inside, and prints what it
// computes with fmt.
//
// The guarantees, which every generated program keeps:
//   - Determinism: Generate(seed) is a pure function of seed (math/rand/v2's
//     PCG), and Source renders it byte for byte the same every time.
//   - Independence: every name a unit declares at the top level starts with
//     u<N> followed by an upper-case letter (u3Sum, u3T; `$` in the
//     templates below stands for u<N>), so no unit can name another's, and
//     any subset of the units is a valid program; imports are computed from
//     what the kept units use.
//   - Validity: the program type-checks and compiles with gc (no unused
//     variables or imports, no constant overflow, no constant division by
//     zero), and Source gofmts it.
//   - Termination and determinism of behaviour: loops are bounded and small;
//     goroutines are joined before their unit returns and communicate so that
//     the output never depends on scheduling: no data races, no select among
//     two ready cases, no timing; maps are printed by fmt (which sorts) or
//     read through sorted keys, never in range order.
//   - Quietness at start-up: package-level initialisers print nothing and
//     cannot panic, so that every process of a batch binary (run.go), which
//     initialises every program's package, starts the same.
//   - Panics are either recovered inside the unit and printed with
//     fmt.Println(recover()), or (one program in twenty) end the program from
//     its last unit (Unit.Ends). A panic value is a basic value, an error or
//     a runtime error, never a pointer or a composite value (gc prints those
//     by address).
//
// Deliberately not generated, because gc's own behaviour is not a function
// of the program: map iteration order, select among several ready cases,
// timing (time.Sleep, time.Now), pointer addresses (%p, printing pointers
// nested in values, panics with pointer or composite values), unsafe,
// float→int conversion of out-of-range values (implementation-specific),
// the sign and payload of NaNs (gc may swap the operands of NaN + -NaN),
// runtime.NumGoroutine/GC/MemStats. And, because they would make a batch too
// slow or harm the host: stack overflow, huge allocations, os/exec, files,
// the environment. Products of floats are wrapped in a conversion
// (float64(a*b)), which the spec says rounds, so that no compiler may fuse
// them into an FMA.

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
)

// Prog is a generated program: independent units, run in order.
type Prog struct {
	Seed  uint64
	Units []*Unit
	Raw   []byte // a mutant: a whole package main program (mutate.go), no units
}

// Unit is one independently removable part of a program.
type Unit struct {
	N     int      // its number: its names start with u<N>; its function is unit<N> (after the program's prefix, Source)
	Kind  string   // the generator that made it (units.go)
	Decls []string // top-level declarations, each one or more whole declarations
	Body  []string // the statements of unit<N>, each one or more whole statements
	Ends  bool     // it ends the program (an uncaught panic, a fatal error, os.Exit): only ever last
}

// Clone returns a deep copy of p (the minimiser edits copies).
func (p *Prog) Clone() *Prog {
	q := &Prog{Seed: p.Seed}
	for _, u := range p.Units {
		v := *u
		v.Decls = append([]string(nil), u.Decls...)
		v.Body = append([]string(nil), u.Body...)
		q.Units = append(q.Units, &v)
	}
	return q
}

// Keep returns a copy of p with only the units keep says (nil: all).
func (p *Prog) Keep(keep []bool) *Prog {
	q := &Prog{Seed: p.Seed}
	for i, u := range p.Units {
		if keep == nil || keep[i] {
			v := *u
			v.Decls = append([]string(nil), u.Decls...)
			v.Body = append([]string(nil), u.Body...)
			q.Units = append(q.Units, &v)
		}
	}
	return q
}

// importPaths maps the package names units may use to their paths.
var importPaths = map[string]string{
	"bits":    "math/bits",
	"bytes":   "bytes",
	"cmp":     "cmp",
	"cmplx":   "math/cmplx",
	"context": "context",
	"errors":  "errors",
	"fmt":     "fmt",
	"iter":    "iter",
	"maps":    "maps",
	"math":    "math",
	"os":      "os",
	"runtime": "runtime",
	"slices":  "slices",
	"sort":    "sort",
	"strconv": "strconv",
	"strings": "strings",
	"sync":    "sync",
	"atomic":  "sync/atomic",
	"unicode": "unicode",
	"utf8":    "unicode/utf8",
}

// Source renders the units that keep says (nil: all) as package pkg, gofmt'd.
// The entry, calling each kept unit's function in order, is func Main(), or
// func main() when pkg is "main" (a standalone program).
func (p *Prog) Source(pkg string, keep []bool) []byte { return p.source(pkg, "", keep) }

// prefixMark stands for the program's prefix in the names of its units
// (Decls and Body hold it before each u<N>): "" in a program of its own;
// a batch puts several programs in one package (writeBatch), each with a
// prefix of its own.
const prefixMark = "\x01"

// source is Source with every top-level name prefixed (the entry is then
// Main<prefix>). A mutant (Raw) takes no prefix.
func (p *Prog) source(pkg, prefix string, keep []bool) []byte {
	if p.Raw != nil {
		if prefix != "" {
			panic("BUG: difftest: a mutant cannot share its package")
		}
		return rawSource(p.Raw, pkg)
	}
	var b bytes.Buffer
	var calls []string
	for i, u := range p.Units {
		if keep != nil && !keep[i] {
			continue
		}
		for _, d := range u.Decls {
			b.WriteString(d)
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "func %sunit%d() {\n", prefix, u.N)
		for _, s := range u.Body {
			b.WriteString(s)
			b.WriteString("\n")
		}
		b.WriteString("}\n\n")
		calls = append(calls, fmt.Sprintf("%sunit%d()\n", prefix, u.N))
	}
	entry := "Main" + prefix
	if pkg == "main" {
		entry = "main"
	}
	fmt.Fprintf(&b, "func %s() {\n%s}\n", entry, strings.Join(calls, ""))
	b = *bytes.NewBuffer(bytes.ReplaceAll(b.Bytes(), []byte(prefixMark), []byte(prefix)))
	body := b.Bytes()

	head := "package " + pkg + "\n\n"
	names := usedPackages([]byte(head + string(body)))
	if len(names) > 0 {
		paths := make([]string, len(names))
		for i, n := range names {
			paths[i] = importPaths[n]
		}
		sort.Strings(paths)
		head += "import (\n"
		for _, path := range paths {
			head += strconv.Quote(path) + "\n"
		}
		head += ")\n\n"
	}
	src := append([]byte(head), body...)
	out, err := format.Source(src)
	if err != nil {
		panic(fmt.Sprintf("BUG: difftest: generated program %d does not parse: %v\n%s", p.Seed, err, src))
	}
	return out
}

// usedPackages returns the names of importPaths that src uses as package
// qualifiers (selectors on an identifier that resolves to nothing in the
// file).
func usedPackages(src []byte) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, 0)
	if err != nil {
		panic(fmt.Sprintf("BUG: difftest: generated code does not parse: %v\n%s", err, src))
	}
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Obj == nil && importPaths[id.Name] != "" {
				used[id.Name] = true
			}
		}
		return true
	})
	var names []string
	for n := range used {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Generate returns the program of seed: 5 to 15 units of randomly chosen
// kinds; in one program of twenty the last unit ends the program.
func Generate(seed uint64) *Prog { return GenerateWith(seed, Options{}) }

// Options change what Generate makes (and so which program a seed gives).
type Options struct {
	// Exclude names unit kinds ("chan") and statement generators
	// ("control.6", as the comment above each generated statement names
	// it; "end.5" for the ways to end a program) never to generate: a
	// difference already known then no longer hides others.
	Exclude map[string]bool
}

// GenerateWith is Generate with options.
func GenerateWith(seed uint64, opt Options) *Prog {
	g := &gen{r: rand.New(rand.NewPCG(seed, 0x6f726f67)), seed: seed, exclude: opt.Exclude}
	p := &Prog{Seed: seed}
	n := 5 + g.intn(11)
	ends := g.intn(20) == 0 && !g.exclude["end"]
	for i := 0; i < n; i++ {
		if ends && i == n-1 {
			g.begin(i, "end")
			g.unitEnd()
			g.u.Ends = true
		} else {
			k := g.kind()
			g.begin(i, k.name)
			k.fn(g)
		}
		p.Units = append(p.Units, g.u)
	}
	return p
}

// gen is the state of one program's generation.
type gen struct {
	r       *rand.Rand
	seed    uint64
	exclude map[string]bool
	u       *Unit
	tmp     int
	try     bool            // the unit declares $Try
	once    map[string]bool // the declarations of declOnce made

	// Variables of the expression generators, by type name.
	vars map[string][]string
}

// begin starts unit n.
func (g *gen) begin(n int, kind string) {
	g.u = &Unit{N: n, Kind: kind}
	g.tmp = 0
	g.try = false
	g.once = map[string]bool{}
	g.vars = map[string][]string{}
}

func (g *gen) intn(n int) int { return g.r.IntN(n) }

// coin reports true pct times in 100.
func (g *gen) coin(pct int) bool { return g.r.IntN(100) < pct }

func oneOf[T any](g *gen, xs ...T) T { return xs[g.r.IntN(len(xs))] }

// expand replaces $ by the unit's prefix u<N> (after the program's,
// prefixMark).
func (g *gen) expand(code string, a []any) string {
	if len(a) > 0 {
		code = fmt.Sprintf(code, a...)
	}
	return strings.ReplaceAll(code, "$", g.name(""))
}

// decl adds a top-level declaration; stmt a statement of the unit's
// function. With arguments, code is a fmt format (generated Printf verbs are
// then written %%).
func (g *gen) decl(code string, a ...any) { g.u.Decls = append(g.u.Decls, g.expand(code, a)) }
func (g *gen) stmt(code string, a ...any) { g.u.Body = append(g.u.Body, g.expand(code, a)) }

// declOnce adds the declaration code unless the unit has already added the
// one of key.
func (g *gen) declOnce(key, code string) {
	if !g.once[key] {
		g.once[key] = true
		g.decl(code)
	}
}

// name returns the unit's top-level name for s ($s).
func (g *gen) name(s string) string { return prefixMark + "u" + strconv.Itoa(g.u.N) + s }

// local returns a fresh local variable name starting with p.
func (g *gen) local(p string) string {
	g.tmp++
	return p + strconv.Itoa(g.tmp)
}

// tryFn declares the unit's $Try (once) and returns its name: $Try(label,
// f) runs f and prints what it panicked with, if it did.
func (g *gen) tryFn() string {
	if !g.try {
		g.try = true
		g.decl(`func $Try(label string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(label, "recovered:", r)
		}
	}()
	f()
}`)
	}
	return g.name("Try")
}

// tryStmt adds a statement that runs body (statements) under $Try.
func (g *gen) tryStmt(label, body string, a ...any) {
	try := g.tryFn()
	g.u.Body = append(g.u.Body, g.expand(try+"("+strconv.Quote(label)+", func() {\n"+body+"\n})", a))
}

// quote renders s as a Go string literal.
func quote(s string) string { return strconv.Quote(s) }

// ---- integers ----

type intType struct {
	name   string
	bits   uint
	signed bool
}

var intTypes = []intType{
	{"int8", 8, true}, {"int16", 16, true}, {"int32", 32, true}, {"int64", 64, true}, {"int", 64, true},
	{"uint8", 8, false}, {"uint16", 16, false}, {"uint32", 32, false}, {"uint64", 64, false},
	{"uint", 64, false}, {"uintptr", 64, false},
}

func intTypeNamed(name string) intType {
	for _, t := range intTypes {
		if t.name == name {
			return t
		}
	}
	panic("BUG: no int type " + name)
}

func (t intType) min() int64 {
	if !t.signed {
		return 0
	}
	return -1 << (t.bits - 1)
}

func (t intType) max() uint64 {
	if t.signed {
		return 1<<(t.bits-1) - 1
	}
	if t.bits == 64 {
		return math.MaxUint64
	}
	return 1<<t.bits - 1
}

// intLit returns a literal of a value of t, often an edge value.
func (g *gen) intLit(t intType) string {
	switch g.intn(9) {
	case 0:
		return strconv.FormatInt(t.min(), 10)
	case 1:
		return strconv.FormatUint(t.max(), 10)
	case 2:
		if t.signed {
			return oneOf(g, "0", "1", "-1", "2", "-2", "7")
		}
		return oneOf(g, "0", "1", "2", "7")
	case 3:
		if t.signed && g.coin(50) {
			return strconv.FormatInt(t.min()+1, 10)
		}
		return strconv.FormatUint(t.max()-1, 10)
	case 4, 5:
		if t.signed {
			return strconv.Itoa(g.intn(201) - 100)
		}
		return strconv.Itoa(g.intn(101))
	case 6:
		k := uint(g.intn(int(t.bits) - 1))
		v := uint64(1) << k
		if t.signed && g.coin(50) {
			return "-" + strconv.FormatUint(v, 10)
		}
		return strconv.FormatUint(v+uint64(g.intn(3))-1, 10)
	default:
		x := g.r.Uint64()
		if t.signed {
			return strconv.FormatInt(int64(x)>>(64-t.bits), 10)
		}
		return strconv.FormatUint(x>>(64-t.bits), 10)
	}
}

// intVar returns a variable of type t of the unit (declaring one if there
// is none yet: the caller must then have added its declarations first).
func (g *gen) intVar(t intType) string {
	vs := g.vars[t.name]
	if len(vs) == 0 {
		panic("BUG: no variable of type " + t.name)
	}
	return oneOf(g, vs...)
}

// intTypesWithVars returns the int types the unit has variables of.
func (g *gen) intTypesWithVars() []intType {
	var ts []intType
	for _, t := range intTypes {
		if len(g.vars[t.name]) > 0 {
			ts = append(ts, t)
		}
	}
	return ts
}

// intExpr returns an expression of type t over the unit's variables and
// whether it is constant. No constant subexpression is more than a literal
// of t, so nothing overflows at compile time, and no constant divisor is 0.
func (g *gen) intExpr(t intType, depth int) (string, bool) {
	if depth <= 0 || g.coin(20) {
		if g.coin(75) {
			return g.intVar(t), false
		}
		return g.intLit(t), true
	}
	switch g.intn(11) {
	case 0, 1, 2, 3:
		op := oneOf(g, "+", "-", "*", "&", "|", "^", "&^", "+", "-", "*")
		l, lc := g.intExpr(t, depth-1)
		r, rc := g.intExpr(t, depth-1)
		if lc && rc {
			r = g.intVar(t)
		}
		return "(" + l + " " + op + " " + r + ")", false
	case 4:
		op := oneOf(g, "/", "%")
		l, lc := g.intExpr(t, depth-1)
		var r string
		if !lc && g.coin(30) {
			r = g.intLit(t)
			if r == "0" {
				r = "3"
			}
		} else {
			r = "(" + g.intExprVar(t, depth-1) + " | 1)"
		}
		return "(" + l + " " + op + " " + r + ")", false
	case 5:
		op := oneOf(g, "<<", ">>")
		l := g.intExprVar(t, depth-1)
		var c string
		if sh := g.vars["shift"]; len(sh) > 0 && g.coin(60) {
			c = oneOf(g, sh...)
		} else {
			c = strconv.Itoa(g.intn(int(t.bits) + 8))
		}
		return "(" + l + " " + op + " " + c + ")", false
	case 6:
		op := oneOf(g, "-", "^", "+", "-", "^")
		return "(" + op + g.intExprVar(t, depth-1) + ")", false
	case 7, 8:
		ts := g.intTypesWithVars()
		t2 := oneOf(g, ts...)
		return t.name + "(" + g.intExprVar(t2, depth-1) + ")", false
	case 9:
		f := oneOf(g, "min", "max")
		l, lc := g.intExpr(t, depth-1)
		r := g.intExprVar(t, depth-1)
		if g.coin(50) || lc {
			return f + "(" + r + ", " + l + ")", false
		}
		return f + "(" + l + ", " + r + ")", false
	default:
		return g.bitsExpr(t, depth-1), false
	}
}

// intExprVar is intExpr made non-constant.
func (g *gen) intExprVar(t intType, depth int) string {
	e, c := g.intExpr(t, depth)
	if c {
		return g.intVar(t)
	}
	return e
}

// bitsExpr returns a math/bits call of type t.
func (g *gen) bitsExpr(t intType, depth int) string {
	switch t.name {
	case "uint8", "uint16", "uint32", "uint64":
		n := strconv.Itoa(int(t.bits))
		if t.bits == 8 {
			n = "8"
		}
		e := g.intExprVar(t, depth)
		switch g.intn(3) {
		case 0:
			return "bits.RotateLeft" + n + "(" + e + ", " + strconv.Itoa(g.intn(2*int(t.bits)+1)-int(t.bits)) + ")"
		case 1:
			return "bits.Reverse" + n + "(" + e + ")"
		default:
			if t.bits == 8 {
				return "bits.Reverse8(" + e + ")"
			}
			return "bits.ReverseBytes" + n + "(" + e + ")"
		}
	case "int":
		f := oneOf(g, "OnesCount64", "LeadingZeros64", "TrailingZeros64", "Len64", "OnesCount32", "Len8")
		arg := "uint64"
		switch f {
		case "OnesCount32":
			arg = "uint32"
		case "Len8":
			arg = "uint8"
		}
		ts := g.intTypesWithVars()
		t2 := oneOf(g, ts...)
		return "bits." + f + "(" + arg + "(" + g.intExprVar(t2, depth) + "))"
	}
	return g.intExprVar(t, depth)
}

// intVerb returns a fmt verb for an integer.
func (g *gen) intVerb() string {
	return oneOf(g, "%d", "%d", "%v", "%x", "%X", "%o", "%O", "%b", "%08d", "%+d", "%#x", "%5d|", "%-6d|", "%c", "%U", "%q", "% d", "%#o")
}

// ---- floats ----

// floatLit returns a float literal (a constant representable in float32).
func (g *gen) floatLit() string {
	return oneOf(g, "0.5", "1.5", "-2.25", "3", "1e10", "1e-7", "0.1", "100", "-0.3333", "6.02e23", "2", "-1", "0.2", "1e-30", "255.5", "-128.75", "4294967296", "9007199254740993", "1.0000001", "16777217")
}

// floatInit returns an initialiser of a variable of float type t (special
// values included).
func (g *gen) floatInit(t string) string {
	var e string
	switch g.intn(14) {
	case 0:
		e = oneOf(g, "math.Inf(1)", "math.Inf(-1)")
	case 1:
		e = "math.NaN()"
	case 2:
		e = "math.Copysign(0, -1)"
	case 3:
		if t == "float64" {
			e = oneOf(g, "math.MaxFloat64", "math.SmallestNonzeroFloat64", "1e308", "-1e300", "0x1p-1074", "1e-310")
		} else {
			e = oneOf(g, "math.MaxFloat32", "math.SmallestNonzeroFloat32", "1e38", "-3e38", "1e-45")
		}
	default:
		return t + "(" + g.floatLit() + ")"
	}
	return t + "(" + e + ")"
}

// floatExpr returns an expression of type t (float32 or float64) over the
// unit's float variables, and whether it is constant.
func (g *gen) floatExpr(t string, depth int) (string, bool) {
	if depth <= 0 || g.coin(20) {
		if g.coin(75) {
			return oneOf(g, g.vars[t]...), false
		}
		return g.floatLit(), true
	}
	switch g.intn(9) {
	case 0, 1, 2:
		op := oneOf(g, "+", "-", "*", "/", "+", "-")
		l, lc := g.floatExpr(t, depth-1)
		r, rc := g.floatExpr(t, depth-1)
		if lc && rc || op == "/" && rc {
			r = oneOf(g, g.vars[t]...)
		}
		if op == "*" {
			return t + "(" + l + " * " + r + ")", false
		}
		return "(" + l + " " + op + " " + r + ")", false
	case 3:
		return "(-" + g.floatExprVar(t, depth-1) + ")", false
	case 4:
		other := "float32"
		if t == "float32" {
			other = "float64"
		}
		if len(g.vars[other]) > 0 {
			return t + "(" + g.floatExprVar(other, depth-1) + ")", false
		}
		return g.floatExpr(t, depth-1)
	case 5:
		ts := g.intTypesWithVars()
		if len(ts) > 0 {
			it := oneOf(g, ts...)
			return t + "(" + g.intVar(it) + ")", false
		}
		return g.floatExpr(t, depth-1)
	default:
		a := g.floatExprVar(t, depth-1)
		if t == "float32" {
			a = "float64(" + a + ")"
		}
		var call string
		switch g.intn(12) {
		case 0:
			call = "math.Sqrt(" + a + ")"
		case 1:
			call = "math.Floor(" + a + ")"
		case 2:
			call = "math.Ceil(" + a + ")"
		case 3:
			call = "math.Trunc(" + a + ")"
		case 4:
			call = "math.Abs(" + a + ")"
		case 5:
			call = "math.Round(" + a + ")"
		case 6:
			call = "math.Mod(" + a + ", " + oneOf(g, "3", "0.7", "-2.5", "1e10") + ")"
		case 7:
			call = oneOf(g, "math.Max(", "math.Min(") + a + ", " + oneOf(g, "0", "1.5", "-1", "math.NaN()", "math.Inf(1)") + ")"
		case 8:
			call = "math.Hypot(" + a + ", " + oneOf(g, "3", "4", "0.5") + ")"
		case 9:
			call = "math.Pow(" + a + ", " + oneOf(g, "2", "3", "0.5", "-1", "0") + ")"
		case 10:
			call = oneOf(g, "math.Exp(", "math.Log(", "math.Sin(", "math.Log2(", "math.Cbrt(", "math.Atan(") + a + ")"
		default:
			call = "math.Copysign(" + a + ", " + oneOf(g, "-1", "1") + ")"
		}
		if t == "float32" {
			return "float32(" + call + ")", false
		}
		return call, false
	}
}

func (g *gen) floatExprVar(t string, depth int) string {
	e, c := g.floatExpr(t, depth)
	if c {
		return oneOf(g, g.vars[t]...)
	}
	return e
}

// floatVerb returns a fmt verb for a float.
func (g *gen) floatVerb() string {
	return oneOf(g, "%v", "%g", "%.3f", "%e", "%8.2f|", "%G", "%.0f", "%x", "%5.1e", "%+.2g", "%.10g", "%-9.3f|", "%E", "%b")
}

// ---- strings ----

// stringPool are the strings units start from: ASCII, multi-byte UTF-8,
// invalid UTF-8, NULs, case-mapping oddities.
var stringPool = []string{
	"", "a", "hello", "Hello, 世界", "héllo wörld", "\xff\xfe", "ab\x80cd", "\U0001F600x", "a b  c",
	"GoLang", "x\x00y", "ÀÉÎ", "tab\there", "line\nbreak", "naïve", "ß", "İi", "ǅ", "  padded  ",
	"a,b,,c", "1234", "-42", "0x1F", "3.25", "true", "日本語", "\xe2\x82", "aaa", "AbCdEf", "\u00e9\u0301",
	"9223372036854775808", "+7", "1e400", "abc\xffdef",
}

func (g *gen) strLit() string { return quote(oneOf(g, stringPool...)) }
