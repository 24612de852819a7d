package difftest

// The unit kinds: one generator per area of the language and library, chosen
// at random by weight. Each keeps the guarantees listed in gen.go: its names
// are $-prefixed, its statements are bounded, deterministic and quiet at
// start-up, its panics are recovered inside $Try (except the "end" unit's),
// and every local variable it declares is used (`_ = v` in the declaring
// statement, so that the minimiser may drop any later statement).
//
// Each statement of a unit's body is a whole block or a whole declaration
// statement, so the minimiser can drop it without breaking the others.

import (
	"fmt"
	"strconv"
	"strings"
)

type kind struct {
	name   string
	weight int
	fn     func(*gen)
}

var kinds []kind

func init() {
	kinds = []kind{
		{"int", 12, (*gen).unitInt},
		{"float", 8, (*gen).unitFloat},
		{"string", 10, (*gen).unitString},
		{"slice", 9, (*gen).unitSlice},
		{"map", 7, (*gen).unitMap},
		{"struct", 6, (*gen).unitStruct},
		{"closure", 6, (*gen).unitClosure},
		{"iface", 8, (*gen).unitIface},
		{"generic", 6, (*gen).unitGeneric},
		{"defer", 8, (*gen).unitDefer},
		{"chan", 8, (*gen).unitChan},
		{"control", 7, (*gen).unitControl},
		{"fmt", 7, (*gen).unitFmt},
		{"const", 5, (*gen).unitConst},
	}
}

// KindNames returns the names of the unit kinds (without "end").
func KindNames() []string {
	var ns []string
	for _, k := range kinds {
		ns = append(ns, k.name)
	}
	return ns
}

// kind chooses a unit kind by weight.
func (g *gen) kind() kind {
	total := 0
	for _, k := range kinds {
		if !g.exclude[k.name] {
			total += k.weight
		}
	}
	if total == 0 {
		panic("difftest: every unit kind is excluded")
	}
	n := g.intn(total)
	for _, k := range kinds {
		if g.exclude[k.name] {
			continue
		}
		if n < k.weight {
			return k
		}
		n -= k.weight
	}
	panic("unreachable")
}

// some runs between lo and hi (inclusive) of the generators fs, chosen at
// random with repetition.
// Each statement they add is preceded by a comment naming its generator:
// // <kind>.<index in fs>.
func (g *gen) some(lo, hi int, fs ...func()) {
	n := lo + g.intn(hi-lo+1)
	var ok []int
	for i := range fs {
		if !g.exclude[g.u.Kind+"."+strconv.Itoa(i)] {
			ok = append(ok, i)
		}
	}
	if len(ok) == 0 {
		return
	}
	for range n {
		i := oneOf(g, ok...)
		before := len(g.u.Body)
		fs[i]()
		for j := before; j < len(g.u.Body); j++ {
			g.u.Body[j] = "// " + g.u.Kind + "." + strconv.Itoa(i) + "\n" + g.u.Body[j]
		}
	}
}

// uses returns `_, _ = a, b` for names (so that they count as used).
func uses(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return strings.Repeat("_, ", len(names)-1) + "_ = " + strings.Join(names, ", ")
}

// declInts declares n integer variables of types chosen from tys (all int
// types if nil) and registers them; it returns the declaring statement.
func (g *gen) declInts(n int, tys []intType) (string, []string) {
	if tys == nil {
		tys = intTypes
	}
	var b strings.Builder
	var names []string
	for i := 0; i < n; i++ {
		t := oneOf(g, tys...)
		v := g.local("x")
		fmt.Fprintf(&b, "%s := %s(%s)\n", v, t.name, g.intLit(t))
		g.vars[t.name] = append(g.vars[t.name], v)
		names = append(names, v)
	}
	return b.String(), names
}

// smallInt returns a small int literal (possibly negative).
func (g *gen) smallInt(lo, hi int) string { return strconv.Itoa(lo + g.intn(hi-lo+1)) }

// intList returns a literal list of n small ints.
func (g *gen) intList(n int) string {
	var xs []string
	for i := 0; i < n; i++ {
		xs = append(xs, g.smallInt(-20, 50))
	}
	return strings.Join(xs, ", ")
}

// ---- integers ----

func (g *gen) unitInt() {
	decl, names := g.declInts(2+g.intn(4), nil)
	var sh strings.Builder
	for i := 0; i < 1+g.intn(2); i++ {
		t := oneOf(g, "uint", "uint8", "int", "uint64", "int32", "uint16")
		v := g.local("s")
		n := g.intn(80)
		if t == "uint8" || t == "int32" || t == "uint16" || g.coin(50) {
			n = g.intn(72)
		}
		fmt.Fprintf(&sh, "%s := %s(%d)\n", v, t, n)
		g.vars["shift"] = append(g.vars["shift"], v)
		names = append(names, v)
	}
	g.stmt(decl + sh.String() + uses(names))
	g.stmt("fmt.Println(" + strings.Join(names, ", ") + ")")
	ts := g.intTypesWithVars()
	g.some(4, 10,
		func() { // print an expression
			t := oneOf(g, ts...)
			e, _ := g.intExpr(t, 1+g.intn(4))
			g.stmt("fmt.Printf(" + quote(g.intVerb()+"\n") + ", " + t.name + "(" + e + "))")
		},
		func() { // print several
			t := oneOf(g, ts...)
			a := g.intExprVar(t, 2)
			b := g.intExprVar(t, 3)
			g.stmt("fmt.Println(" + a + ", " + b + ", " + a + " < " + b + ", " + a + " == " + b + ")")
		},
		func() { // compound assignment
			t := oneOf(g, ts...)
			v := g.intVar(t)
			op := oneOf(g, "+=", "-=", "*=", "&=", "|=", "^=", "&^=", "/=", "%=", "<<=", ">>=")
			var rhs string
			switch op {
			case "/=", "%=":
				rhs = "(" + g.intExprVar(t, 2) + " | 1)"
			case "<<=", ">>=":
				rhs = oneOf(g, g.vars["shift"]...)
			default:
				rhs = g.intExprVar(t, 2)
			}
			g.stmt(v + " " + op + " " + rhs + "\nfmt.Println(" + quote(v) + ", " + v + ")")
		},
		func() { // loop
			t := oneOf(g, ts...)
			v := g.intVar(t)
			g.stmt("for j := range " + g.smallInt(2, 9) + " {\n" + v + " = " + v + "*" + oneOf(g, "3", "7", "31", "2") + " + " + t.name + "(j) ^ " + g.intExprVar(t, 2) + "\n}\nfmt.Println(" + v + ")")
		},
		func() { // conversions
			t := oneOf(g, ts...)
			e := g.intExprVar(t, 2)
			var cs []string
			for _, t2 := range []string{"int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "uintptr"} {
				if g.coin(50) {
					cs = append(cs, t2+"(y)")
				}
			}
			cs = append(cs, "float64(y)", "int(y)")
			g.stmt("{\ny := " + e + "\nfmt.Println(" + strings.Join(cs, ", ") + ")\n}")
		},
		func() { // strconv
			t := oneOf(g, ts...)
			e := g.intExprVar(t, 2)
			if t.signed {
				g.stmt("fmt.Println(strconv.FormatInt(int64(" + e + "), " + g.smallInt(2, 36) + "), strconv.Itoa(int(" + e + ")))")
			} else {
				g.stmt("fmt.Println(strconv.FormatUint(uint64(" + e + "), " + g.smallInt(2, 36) + "), strconv.Quote(strconv.FormatUint(uint64(" + e + "), 10)))")
			}
		},
		func() { // math/bits with several results
			a := g.intExprVar(oneOf(g, ts...), 2)
			b := g.intExprVar(oneOf(g, ts...), 2)
			switch g.intn(4) {
			case 0:
				g.stmt("{\nhi, lo := bits.Mul64(uint64(" + a + "), uint64(" + b + "))\nfmt.Println(hi, lo)\n}")
			case 1:
				g.stmt("{\ns, c := bits.Add64(uint64(" + a + "), uint64(" + b + "), 1)\nd, o := bits.Sub64(uint64(" + a + "), uint64(" + b + "), 0)\nfmt.Println(s, c, d, o)\n}")
			case 2:
				g.tryStmt("div64", "q, r := bits.Div64(uint64("+a+")%8, uint64("+b+"), uint64("+b+")>>"+g.smallInt(0, 3)+")\nfmt.Println(q, r)")
			default:
				g.stmt("fmt.Println(bits.LeadingZeros32(uint32(" + a + ")), bits.TrailingZeros16(uint16(" + b + ")), bits.Len(uint(" + a + ")))")
			}
		},
		func() { // division by a zero variable
			t := oneOf(g, ts...)
			op := oneOf(g, "/", "%")
			g.tryStmt("divzero", "z := "+t.name+"(0)\nfmt.Println("+g.intExprVar(t, 1)+" "+op+" z)")
		},
		func() { // most negative / -1
			var signed []intType
			for _, t := range ts {
				if t.signed {
					signed = append(signed, t)
				}
			}
			if len(signed) == 0 {
				return
			}
			t := oneOf(g, signed...)
			g.stmt(fmt.Sprintf("{\nm, d := %s(%d), %s(-1)\nfmt.Println(m/d, m%%d, -m, m-1, m*d)\n}", t.name, t.min(), t.name))
		},
		func() { // negative shift count (panics) inside $Try
			t := oneOf(g, ts...)
			n := g.local("ns")
			saved := g.vars["shift"]
			g.vars["shift"] = []string{n}
			e, _ := g.intExpr(t, 2)
			g.vars["shift"] = saved
			g.tryStmt("negshift", n+" := "+oneOf(g, "int", "int8", "int64")+"(-"+g.smallInt(1, 70)+")\n_ = "+n+"\nfmt.Println("+t.name+"("+e+"), "+g.intVar(t)+" >> "+n+")")
		},
		func() { // big shifts by variables
			t := oneOf(g, ts...)
			v := g.intVar(t)
			g.stmt("for _, c := range []uint{0, 1, " + strconv.Itoa(int(t.bits)-1) + ", " + strconv.Itoa(int(t.bits)) + ", " + strconv.Itoa(int(t.bits)+1) + ", 200} {\nfmt.Print(" + v + "<<c, \" \", " + v + ">>c, \" \")\n}\nfmt.Println()")
		},
	)
}

// ---- floats and complex numbers ----

func (g *gen) unitFloat() {
	var b strings.Builder
	var names []string
	for _, t := range []string{"float64", "float64", "float32"} {
		for i := 0; i < 1+g.intn(2); i++ {
			v := g.local("f")
			fmt.Fprintf(&b, "%s := %s\n", v, g.floatInit(t))
			g.vars[t] = append(g.vars[t], v)
			names = append(names, v)
		}
	}
	idecl, inames := g.declInts(1+g.intn(2), nil)
	names = append(names, inames...)
	g.stmt(b.String() + idecl + uses(names))
	g.stmt("fmt.Println(" + strings.Join(names, ", ") + ")")
	ft := func() string { return oneOf(g, "float64", "float64", "float32") }
	g.some(5, 11,
		func() {
			t := ft()
			e, _ := g.floatExpr(t, 1+g.intn(3))
			g.stmt("fmt.Printf(" + quote(g.floatVerb()+"\n") + ", " + t + "(" + e + "))")
		},
		func() {
			t := ft()
			a := g.floatExprVar(t, 2)
			c := g.floatExprVar(t, 2)
			g.stmt("{\na, b := " + a + ", " + c + "\nfmt.Println(a, b, a < b, a == b, a != a, a >= b, math.IsNaN(float64(a)), math.IsInf(float64(b), 0), math.Signbit(float64(a)) && a == a)\n}")
		},
		func() { // float → int, only in range
			t := ft()
			e := g.floatExprVar(t, 2)
			switch g.intn(3) {
			case 0:
				g.stmt("if y := " + e + "; y > -1e15 && y < 1e15 {\nfmt.Println(int64(y), int(y))\n}")
			case 1:
				g.stmt("if y := " + e + "; y > -129 && y < 128 {\nfmt.Println(int8(y), int16(y), int32(y))\n}")
			default:
				g.stmt("if y := " + e + "; y > -1 && y < 256 {\nfmt.Println(uint8(y), uint32(y), uint64(y), uintptr(y))\n}")
			}
		},
		func() {
			t := ft()
			e := g.floatExprVar(t, 2)
			bits := "64"
			if t == "float32" {
				bits = "32"
			}
			g.stmt("fmt.Println(strconv.FormatFloat(float64(" + e + "), '" + oneOf(g, "g", "e", "f", "G", "b", "x") + "', " + g.smallInt(-1, 8) + ", " + bits + "))")
		},
		func() {
			e := g.floatExprVar("float64", 2)
			e32 := g.floatExprVar("float32", 2)
			g.stmt("if y := " + e + "; !math.IsNaN(y) {\nfmt.Printf(\"%#016x\\n\", math.Float64bits(y))\n}\nif y := " + e32 + "; !math.IsNaN(float64(y)) {\nfmt.Printf(\"%#08x\\n\", math.Float32bits(y))\n}")
		},
		func() {
			e := g.floatExprVar("float64", 2)
			g.stmt("{\nfr, ex := math.Frexp(" + e + ")\nip, fp := math.Modf(" + e + ")\nfmt.Println(fr, ex, ip, fp, math.Float64frombits(math.Float64bits(" + e + ")&^1))\n}")
		},
		func() { // accumulation
			t := ft()
			v := oneOf(g, g.vars[t]...)
			g.stmt("{\nvar s " + t + "\nfor i := range " + g.smallInt(3, 20) + " {\ns += " + t + "(" + v + " * " + t + "(i)) / " + t + "(i+1)\n}\nfmt.Println(s)\n}")
		},
		func() { // complex
			a := g.floatExprVar("float64", 1)
			b := g.floatExprVar("float64", 1)
			c := g.floatExprVar("float64", 1)
			d := g.floatExprVar("float64", 1)
			ops := []string{"c1 + c2", "c1 - c2", "c1 * c2", "c1 / c2", "-c1", "real(c1)", "imag(c2)", "c1 == c2", "cmplx.Abs(c1)", "cmplx.Conj(c2)", "cmplx.Sqrt(c1)", "cmplx.IsNaN(c1 / c2)", "cmplx.Inf()", "complex64(c1)", "complex64(c1) * complex64(c2)", "cmplx.Phase(c2)"}
			// (Not cmplx.Exp: Exp(-Inf+NaNi) is 0 with the sign of the NaN,
			// and gc's NaN signs depend on its code generation: x/-1 may
			// be compiled as -x. Session 9's sitting found it, seed
			// 12019235; DESIGN "Differential testing".)
			var ps []string
			for i := 0; i < 3+g.intn(3); i++ {
				ps = append(ps, oneOf(g, ops...))
			}
			verb := oneOf(g, "%v", "%.3f", "%g", "%e", "%+.2g", "%8.3v")
			fmtl := strings.TrimSpace(strings.Repeat(verb+" ", len(ps))) + "\n"
			g.stmt("{\nc1, c2 := complex(" + a + ", " + b + "), complex(" + c + ", " + d + ")\n_, _ = c1, c2\nfmt.Printf(" + quote(fmtl) + ", " + strings.Join(ps, ", ") + ")\n}")
		},
		func() { // division of floats by zero variables
			t := ft()
			g.stmt("{\nvar z " + t + "\nfmt.Println(" + oneOf(g, g.vars[t]...) + "/z, -" + oneOf(g, g.vars[t]...) + "/z, z/z, 1/z == 1/-z)\n}")
		},
		func() { // float32 rounding of constants and variables
			v := oneOf(g, g.vars["float64"]...)
			g.stmt("fmt.Println(float32(" + v + "), float64(float32(" + v + ")), float32(" + v + ")+float32(1e-8), float32(16777216)+float32(" + oneOf(g, "1", "0.5", "3") + "))")
		},
	)
}

// ---- strings, bytes and runes ----

// strExpr returns an expression of type string over the unit's string
// variables that cannot panic.
func (g *gen) strExpr(depth int) string {
	if depth <= 0 || g.coin(25) {
		if g.coin(70) {
			return oneOf(g, g.vars["string"]...)
		}
		return g.strLit()
	}
	e := g.strExpr(depth - 1)
	switch g.intn(16) {
	case 0, 1:
		return "(" + e + " + " + g.strExpr(depth-1) + ")"
	case 2:
		return "strings.ToUpper(" + e + ")"
	case 3:
		return "strings.ToLower(" + e + ")"
	case 4:
		return "strings.TrimSpace(" + e + ")"
	case 5:
		return "strings.Repeat(" + e + ", " + g.smallInt(0, 3) + ")"
	case 6:
		return "strings.ReplaceAll(" + e + ", " + quote(oneOf(g, "a", "l", "", " ", "\xff", "é")) + ", " + quote(oneOf(g, "<>", "", "A", "ü")) + ")"
	case 7:
		return "string([]rune(" + e + "))"
	case 8:
		return "strings.ToValidUTF8(" + e + ", \"?\")"
	case 9:
		return "strconv.Quote(" + e + ")"
	case 10:
		return "strings.TrimLeft(" + e + ", " + quote(oneOf(g, "ab", " ", "hé", "\xff")) + ")"
	case 11:
		return "strings.Map(func(r rune) rune {\nif r == 'a' {\nreturn -1\n}\nreturn r + 1\n}, " + e + ")"
	case 12:
		k := g.smallInt(0, 6)
		return e + "[min(" + k + ", len(" + e + ")):]"
	case 13:
		return "strings.Join([]string{" + e + ", " + g.strExpr(depth-1) + "}, " + quote(oneOf(g, ",", "", " - ")) + ")"
	case 14:
		return "strings.ToTitle(" + e + ")"
	default:
		return "fmt.Sprint(len(" + e + "))"
	}
}

func (g *gen) unitString() {
	var b strings.Builder
	var names []string
	for i := 0; i < 2+g.intn(3); i++ {
		v := g.local("s")
		fmt.Fprintf(&b, "%s := %s\n", v, g.strLit())
		g.vars["string"] = append(g.vars["string"], v)
		names = append(names, v)
	}
	g.stmt(b.String() + uses(names))
	sv := func() string { return oneOf(g, g.vars["string"]...) }
	se := func() string { return g.strExpr(1 + g.intn(2)) }
	g.some(5, 11,
		func() {
			a, c := se(), se()
			g.stmt("fmt.Println(len(" + a + "), " + a + " < " + c + ", " + a + " == " + c + ", strings.Compare(" + a + ", " + c + "))")
		},
		func() {
			verb := oneOf(g, "%q", "%+q", "%#q", "%x", "% x", "%X", "%s", "%10s|", "%-8s|", "%.3s", "%v", "%.2q", "%5.1s|")
			g.stmt("fmt.Printf(" + quote(verb+"\n") + ", " + se() + ")")
		},
		func() {
			s := sv()
			k := g.smallInt(0, 8)
			g.stmt("if len(" + s + ") > " + k + " {\nfmt.Println(" + s + "[" + k + "], " + s + "[" + k + ":], " + s + "[:" + k + "])\n}")
		},
		func() {
			s := sv()
			g.tryStmt("strindex", "i := "+g.smallInt(0, 12)+"\nfmt.Println("+s+"[i])")
		},
		func() {
			s := sv()
			g.tryStmt("strslice", "i, j := "+g.smallInt(0, 8)+", "+g.smallInt(0, 8)+"\nfmt.Printf(\"%q\\n\", "+s+"[i:j])")
		},
		func() {
			g.stmt("for i, r := range " + se() + " {\nfmt.Printf(" + quote(oneOf(g, "%d:%q ", "%d:%U ", "%d:%c|", "%v=%v ")) + ", i, r)\n}\nfmt.Println()")
		},
		func() {
			s := se()
			g.stmt("{\nbs := []byte(" + s + ")\nrs := []rune(" + s + ")\nfmt.Println(bs, rs, len(bs), len(rs), string(rs) == " + s + ", utf8.RuneCountInString(" + s + "), utf8.ValidString(" + s + "))\n}")
		},
		func() {
			s := se()
			g.stmt("{\nr, n := utf8.DecodeRuneInString(" + s + ")\nlr, ln := utf8.DecodeLastRuneInString(" + s + ")\nfmt.Println(r, n, lr, ln, utf8.RuneLen(r), string(r), string(rune(" + g.smallInt(-5, 0x11ffff) + ")))\n}")
		},
		func() {
			s := se()
			calls := []string{
				"strings.Fields(@1)", "strings.Split(@1, " + quote(oneOf(g, ",", "", "l", " ")) + ")", "strings.SplitN(@1, \"a\", 2)",
				"strings.Index(@1, @2)", "strings.LastIndex(@1, @2)", "strings.IndexByte(@1, 'l')", "strings.IndexRune(@1, 'é')",
				"strings.Contains(@1, @2)", "strings.ContainsRune(@1, 0xFFFD)", "strings.ContainsAny(@1, \"xyz\")",
				"strings.Count(@1, @2)", "strings.HasPrefix(@1, @2)", "strings.HasSuffix(@1, @2)", "strings.EqualFold(@1, @2)",
				"strings.Trim(@1, \" a\")", "strings.TrimPrefix(@1, @2)", "strings.TrimSuffix(@1, \"c\")",
				"strings.Replace(@1, \"l\", \"L\", 1)", "strings.Title(@1)", "strings.FieldsFunc(@1, unicode.IsPunct)",
				"strings.IndexFunc(@1, unicode.IsUpper)", "strings.NewReplacer(\"a\", \"1\", \"b\", \"22\", \"\\xff\", \"?\").Replace(@1)",
				"strings.SplitAfter(@1, \"l\")", "strings.Count(@1, \"\")", "strings.ToUpper(@2) + strings.ToLower(@1)",
				"bytes.ToUpper([]byte(@1))", "bytes.Equal([]byte(@1), []byte(@2))", "bytes.Fields([]byte(@1))", "bytes.IndexByte([]byte(@1), 'a')",
			}
			var ps []string
			for i := 0; i < 1+g.intn(3); i++ {
				c := oneOf(g, calls...)
				c = strings.ReplaceAll(c, "@1", "s")
				c = strings.ReplaceAll(c, "@2", "t")
				ps = append(ps, c)
			}
			g.stmt("{\ns, t := " + s + ", " + se() + "\n_ = t\nfmt.Printf(" + quote(strings.Repeat("%q ", len(ps))+"\n") + ", " + strings.Join(ps, ", ") + ")\n}")
		},
		func() {
			s := se()
			g.stmt("{\nbefore, after, found := strings.Cut(" + s + ", " + quote(oneOf(g, "l", ",", " ", "")) + ")\nfmt.Printf(\"%q %q %v\\n\", before, after, found)\n}")
		},
		func() {
			s := sv()
			calls := []string{"strconv.Atoi(@1)", "strconv.ParseInt(@1, 0, 64)", "strconv.ParseInt(@1, 10, 8)", "strconv.ParseUint(@1, 16, 32)", "strconv.ParseFloat(@1, 64)", "strconv.ParseFloat(@1, 32)", "strconv.ParseBool(@1)", "strconv.Unquote(strconv.Quote(@1))", "strconv.Unquote(@1)"}
			c := strings.ReplaceAll(oneOf(g, calls...), "@1", s)
			g.stmt("{\nv, err := " + c + "\nfmt.Println(v, err)\n}")
		},
		func() {
			s := se()
			g.stmt("fmt.Println(strconv.QuoteToASCII(" + s + "), strconv.QuoteRune(rune(len(" + s + ")+0x400)), string(strconv.AppendInt([]byte(" + s + "), -42, 7)))")
		},
		func() {
			s := se()
			g.stmt("{\nvar sb strings.Builder\nfor i := range " + g.smallInt(1, 6) + " {\nsb.WriteString(" + s + ")\nsb.WriteByte(byte('a' + i))\nsb.WriteRune(rune(0x3b1 + i))\n}\nfmt.Println(sb.String(), sb.Len())\n}")
		},
		func() {
			s := sv()
			g.stmt("{\nbs := []byte(" + s + ")\nif len(bs) > 0 {\nbs[0] = 'X'\n}\nbs = append(bs, \"!?\"...)\nfmt.Println(string(bs), " + s + ", len(bs))\n}")
		},
		func() {
			s := se()
			g.stmt("{\nn, u, d, sp := 0, 0, 0, 0\nfor _, r := range " + s + " {\nif unicode.IsLetter(r) {\nn++\n}\nif unicode.IsUpper(r) {\nu++\n}\nif unicode.IsDigit(r) {\nd++\n}\nif unicode.IsSpace(r) {\nsp++\n}\n}\nfmt.Println(n, u, d, sp, strings.ToUpper(string(unicode.ToLower('Σ'))), unicode.SimpleFold('k'))\n}")
		},
		func() {
			var ss []string
			for _, v := range g.vars["string"] {
				ss = append(ss, v)
			}
			g.stmt("{\nss := []string{" + strings.Join(ss, ", ") + ", " + g.strLit() + "}\nsort.Strings(ss)\nfmt.Printf(\"%q\\n\", ss)\nslices.Reverse(ss)\nfmt.Println(len(ss), slices.Index(ss, " + sv() + "), strings.Join(ss, \"|\"))\n}")
		},
		func() {
			s := se()
			g.stmt("{\nvar buf bytes.Buffer\nbuf.WriteString(" + s + ")\nfmt.Fprintf(&buf, \"%d-%s\", 7, " + s + ")\nb, _ := buf.ReadByte()\nfmt.Println(buf.String(), b, buf.Len())\n}")
		},
		func() {
			s := se()
			g.stmt("for i := range strings.SplitSeq(" + s + ", " + quote(oneOf(g, "l", ",", " ")) + ") {\nfmt.Printf(\"[%s]\", i)\n}\nfmt.Println()")
		},
	)
}

// ---- slices and arrays ----

func (g *gen) unitSlice() {
	n := 3 + g.intn(5)
	g.stmt("a := []int{" + g.intList(n) + "}\narr := [4]int{" + g.intList(4) + "}\n_, _ = a, arr")
	k := func() string { return g.smallInt(0, n) }
	g.some(5, 11,
		func() {
			i := g.intn(n)
			j := i + g.intn(n-i+1)
			g.stmt(fmt.Sprintf("{\nb := a[%d:%d]\nif len(b) > 0 {\nb[0] = 99\n}\nfmt.Println(a, b, len(b), cap(b))\n}", i, j))
		},
		func() { // append aliasing with an explicit capacity
			l := g.intn(4)
			c := l + g.intn(4)
			g.stmt(fmt.Sprintf("{\nc := make([]int, %d, %d)\nd := append(c, 1)\ne := append(c, 2)\nfmt.Println(c, d, e, len(d), len(e))\n}", l, c))
		},
		func() { // 3-index slice
			i := g.intn(n)
			j := i + g.intn(n-i+1)
			m := j + g.intn(n-j+1)
			g.stmt(fmt.Sprintf("{\nf := a[%d:%d:%d]\nfmt.Println(len(f), cap(f))\nf = append(f, 7, 8)\nf[0] = -1\nfmt.Println(a, f)\n}", i, j, m))
		},
		func() {
			g.stmt("{\nn := copy(a[" + k() + ":], a)\nm := copy(a, a[" + k() + ":])\nfmt.Println(n, m, a)\n}")
		},
		func() { // array value semantics
			g.stmt("{\narr2 := arr\narr2[" + g.smallInt(0, 3) + "] = 5\np := &arr2\np[1]++\nfmt.Println(arr, arr2, arr == arr2, *p == arr2)\n}")
		},
		func() { // range over an array copies it
			g.stmt("{\nb := arr\nfor i, v := range b {\nb[(i+1)%len(b)] += v\n}\nfmt.Println(b)\nc := arr\nfor i, v := range &c {\nc[(i+1)%len(c)] += v\n}\nfmt.Println(c)\n}")
		},
		func() { // range over a slice being appended to
			g.stmt("{\ns := slices.Clone(a)\nfor i, v := range s {\ns = append(s, v+i)\n}\nfmt.Println(s, len(s))\n}")
		},
		func() {
			f := oneOf(g, "sort.Ints(s)", "slices.Sort(s)", "slices.SortFunc(s, func(x, y int) int { return cmp.Compare(y, x) })", "sort.Sort(sort.Reverse(sort.IntSlice(s)))", "slices.SortStableFunc(s, func(x, y int) int { return cmp.Compare(x%3, y%3) })")
			g.stmt("{\ns := slices.Clone(a)\n" + f + "\nfmt.Println(s, a)\ni, found := slices.BinarySearch(s, " + g.smallInt(-20, 50) + ")\nfmt.Println(i, found)\n}")
		},
		func() {
			ops := []string{"slices.Index(a, X)", "slices.Contains(a, X)", "slices.Max(a)", "slices.Min(a)", "slices.Equal(a, slices.Clone(a))", "slices.Compact(slices.Clone(a))", "slices.Insert(slices.Clone(a), 1, X, X)", "slices.Repeat(a[:2], 2)", "slices.Concat(a, a[:1])", "slices.IndexFunc(a, func(v int) bool { return v > X })", "slices.ContainsFunc(a, func(v int) bool { return v%2 == 0 })"}
			var ps []string
			for i := 0; i < 2+g.intn(3); i++ {
				ps = append(ps, strings.ReplaceAll(oneOf(g, ops...), "X", g.smallInt(-20, 50)))
			}
			g.stmt("fmt.Println(" + strings.Join(ps, ", ") + ")")
		},
		func() { // slices.Delete zeroes the tail
			i := g.intn(n)
			j := i + g.intn(n-i+1)
			g.stmt(fmt.Sprintf("{\ns := slices.Clone(a)\nt := slices.Delete(s, %d, %d)\nfmt.Println(s, t)\n}", i, j))
		},
		func() {
			g.tryStmt("sliceindex", "i := "+g.smallInt(0, n+3)+"\na[i%len(a)]++\nfmt.Println(a[i])")
		},
		func() {
			g.tryStmt("slicebounds", "lo, hi := "+g.smallInt(0, n+2)+", "+g.smallInt(0, n+2)+"\nfmt.Println(a[lo:hi])")
		},
		func() {
			g.tryStmt("slice3bounds", "lo, hi, m := "+g.smallInt(0, n)+", "+g.smallInt(0, n)+", "+g.smallInt(0, n+2)+"\nfmt.Println(a[lo:hi:m])")
		},
		func() {
			g.tryStmt("toarray", "s := a[:"+g.smallInt(0, 3)+"]\nfmt.Println([3]int(s))\np := (*[2]int)(s)\np[0] = 42\nfmt.Println(a)")
		},
		func() {
			g.tryStmt("makeslice", "n := "+g.smallInt(-3, 4)+"\ns := make([]int, n, 4)\nfmt.Println(s, len(s), cap(s))")
		},
		func() {
			g.stmt("{\ngrid := make([][]int, " + g.smallInt(1, 4) + ")\nfor i := range grid {\ngrid[i] = make([]int, " + g.smallInt(1, 4) + ")\nfor j := range grid[i] {\ngrid[i][j] = i*10 + j + a[(i+j)%len(a)]\n}\n}\nfmt.Println(grid)\n}")
		},
		func() {
			g.stmt("{\nvar ns []int\nfmt.Println(ns == nil, len(ns), ns)\nns = append(ns, a...)\nclear(a[:" + k() + "])\nfmt.Println(ns, a, slices.Equal(ns, a))\nvar es = []int{}\nfmt.Println(es == nil, es, fmt.Sprintf(\"%v %d\", es, es))\n}")
		},
		func() { // a pointer into a full slice stays with the old array after append
			g.stmt("{\ns := []int{" + g.intList(3) + "}\nq := &s[0]\ns = append(s, 4)\n*q = 100\nfmt.Println(s, *q)\n}")
		},
		func() {
			g.stmt("{\nss := [][2]string{{\"b\", \"x\"}, {\"a\", \"y\"}, {\"b\", \"a\"}}\nsort.Slice(ss, func(i, j int) bool {\nif ss[i][0] != ss[j][0] {\nreturn ss[i][0] < ss[j][0]\n}\nreturn ss[i][1] < ss[j][1]\n})\nfmt.Println(ss)\nfs := []float64{2.5, -1, 0.5}\nslices.Sort(fs)\nfmt.Println(fs, slices.Max(fs))\n}")
		},
		func() {
			g.stmt("for c := range slices.Chunk(a, " + g.smallInt(1, 3) + ") {\nfmt.Print(c, len(c), \";\")\n}\nfmt.Println()")
		},
		func() {
			g.tryStmt("emptymax", "s := a[:"+g.smallInt(0, 1)+"]\nfmt.Println(slices.Max(s))")
		},
	)
}

// ---- maps ----

func (g *gen) unitMap() {
	g.decl("type $Key struct {\nA int\nB string\n}")
	var kv []string
	for i := 0; i < 2+g.intn(5); i++ {
		kv = append(kv, fmt.Sprintf("%q: %s", oneOf(g, "a", "b", "c", "d", "e", "f", "zz", "é", ""), g.smallInt(-5, 20)))
	}
	// duplicate keys in a literal do not compile: dedupe
	seen := map[string]bool{}
	var kv2 []string
	for _, e := range kv {
		k := e[:strings.Index(e, ":")]
		if !seen[k] {
			seen[k] = true
			kv2 = append(kv2, e)
		}
	}
	g.stmt("m := map[string]int{" + strings.Join(kv2, ", ") + "}\n_ = m")
	key := func() string { return quote(oneOf(g, "a", "b", "c", "d", "x", "zz", "é", "")) }
	g.some(5, 10,
		func() {
			g.stmt("m[" + key() + "] = " + g.smallInt(-9, 99) + "\ndelete(m, " + key() + ")\nm[" + key() + "]++\nfmt.Println(m, len(m))")
		},
		func() {
			g.stmt("{\nv, ok := m[" + key() + "]\nfmt.Println(v, ok, m[" + key() + "])\n}")
		},
		func() {
			g.stmt("for _, k := range slices.Sorted(maps.Keys(m)) {\nfmt.Print(k, \"=\", m[k], \" \")\n}\nfmt.Println()")
		},
		func() {
			g.stmt("{\nkeys := make([]string, 0, len(m))\nfor k := range m {\nkeys = append(keys, k)\n}\nsort.Strings(keys)\nfmt.Println(keys)\n}")
		},
		func() {
			g.stmt("{\ncounts := map[string]int{}\nfor _, w := range strings.Fields(" + quote(oneOf(g, "a b a c b a", "the cat the hat", "x", "", "é e é e e")) + ") {\ncounts[w]++\n}\nfmt.Println(counts, len(counts))\n}")
		},
		func() {
			g.stmt("{\nmk := map[$Key][]int{}\nfor i := range " + g.smallInt(1, 9) + " {\nk := $Key{i % 3, strconv.Itoa(i % 2)}\nmk[k] = append(mk[k], i)\n}\nfmt.Println(mk)\nfmt.Printf(\"%v %d\\n\", mk[$Key{1, \"1\"}], len(mk))\n}")
		},
		func() {
			g.stmt("{\nma := map[[2]int]string{{1, 2}: \"a\", {0, 5}: \"b\"}\nma[[2]int{" + g.smallInt(0, 2) + ", 2}] = \"c\"\nfmt.Println(ma)\nmi := map[int]bool{}\nfor i := range 10 {\nmi[i*" + g.smallInt(1, 7) + "%5] = i%2 == 0\n}\nfmt.Println(mi)\n}")
		},
		func() {
			g.stmt("{\nvar nm map[string]int\nv, ok := nm[\"a\"]\nfmt.Println(nm, len(nm), v, ok, nm == nil)\ndelete(nm, \"a\")\n}")
		},
		func() {
			g.tryStmt("nilmap", "var nm map[string]int\nnm["+key()+"] = 1\nfmt.Println(nm)")
		},
		func() {
			g.tryStmt("unhashable", "ma := map[any]int{}\nma[1] = 1\nvar k any = []int{1}\nma[k] = 2\nfmt.Println(len(ma))")
		},
		func() {
			g.stmt("{\nc := maps.Clone(m)\nc[\"new\"] = 1\ndelete(c, " + key() + ")\nfmt.Println(maps.Equal(c, m), len(c), len(m))\nmaps.DeleteFunc(c, func(k string, v int) bool { return v%2 == 0 })\nfmt.Println(c)\nclear(c)\nfmt.Println(c, len(c))\n}")
		},
		func() {
			g.stmt("{\nmf := map[float64]int{}\nmf[math.NaN()] = 1\nmf[math.NaN()] = 1\nmf[0.0] = 2\nmf[math.Copysign(0, -1)] = 3\nfmt.Println(len(mf), mf[0])\nmm := map[string]map[string]int{}\nfor _, p := range []string{\"a.x\", \"a.y\", \"b.x\"} {\nk1, k2, _ := strings.Cut(p, \".\")\nif mm[k1] == nil {\nmm[k1] = map[string]int{}\n}\nmm[k1][k2] = len(p)\n}\nfmt.Println(mm)\n}")
		},
		func() {
			g.stmt("{\nmc := maps.Collect(slices.All([]string{\"z\", \"y\", \"x\"}))\nfmt.Println(mc)\nfmt.Printf(\"%v %+v %#v\\n\", map[$Key]bool{{2, \"b\"}: true, {1, \"z\"}: false}, map[int]string{3: \"c\", -1: \"m\"}, map[string]int{\"b\": 2, \"a\": 1})\n}")
		},
	)
}

// ---- structs ----

func (g *gen) unitStruct() {
	g.decl(`type $Base struct {
	ID   int
	Name string
}

func (b $Base) Describe() string { return fmt.Sprintf("%d:%s", b.ID, b.Name) }

func (b *$Base) Rename(n string) { b.Name = n }`)
	g.decl(`type $T struct {
	$Base
	X, Y int
	Tags [2]string
	F    float64
}

type $U struct {
	$Base
	ID string
}

func (t $T) Sum() int { return t.X + t.Y + t.ID }`)
	lit := func() string {
		return fmt.Sprintf("$T{$Base{%s, %s}, %s, %s, [2]string{%s, %s}, %s}", g.smallInt(-3, 9), g.strLit(), g.smallInt(-9, 9), g.smallInt(-9, 9), g.strLit(), g.strLit(), oneOf(g, "0.5", "-1", "2", "1e100"))
	}
	g.stmt("t1 := " + lit() + "\nt2 := " + lit() + "\n_, _ = t1, t2")
	tv := func() string { return oneOf(g, "t1", "t2") }
	g.some(4, 9,
		func() {
			g.stmt("fmt.Printf(" + quote(oneOf(g, "%v %v\n", "%+v %v\n", "%#v\n%v\n", "%v %+v\n", "%T %v\n")) + ", " + tv() + ", " + tv() + ")")
		},
		func() {
			g.stmt("fmt.Println(" + tv() + ".ID, " + tv() + ".Name, " + tv() + ".Describe(), " + tv() + ".Sum(), t1 == t2, t1.$Base == t2.$Base, t1.Tags == t2.Tags)")
		},
		func() {
			t := tv()
			g.stmt(t + ".Rename(" + g.strLit() + ")\n" + t + ".X += " + g.smallInt(1, 5) + "\nfmt.Println(" + t + ")")
		},
		func() { // method value binds a copy
			t := tv()
			g.stmt("{\nf := " + t + ".Describe\ng := " + t + ".Rename\ng(\"renamed\")\nfmt.Println(f(), " + t + ".Describe())\n}")
		},
		func() {
			g.stmt("{\nc := " + tv() + "\nc.Tags[0] = \"changed\"\nc.$Base.ID = 77\nfmt.Println(c == " + tv() + ", c.Tags, c.ID)\n}")
		},
		func() {
			g.stmt("{\nts := []$T{t1, t2, {}}\nfor _, t := range ts {\nt.X = 100\n}\nfor i := range ts {\nts[i].Y++\n}\nfmt.Println(ts)\n}")
		},
		func() {
			g.stmt("{\nu := $U{$Base{" + g.smallInt(0, 9) + ", \"b\"}, \"outer\"}\nfmt.Println(u.ID, u.$Base.ID, u.Describe())\nfmt.Printf(\"%+v\\n\", u)\n}")
		},
		func() {
			g.stmt("{\np := struct {\nA int\nB []string\n}{" + g.smallInt(0, 9) + ", []string{" + g.strLit() + "}}\nq := struct {\nA int\nB string\n}{1, \"x\"}\nfmt.Printf(\"%v %+v %v\\n\", p, q, q == struct {\nA int\nB string\n}{1, \"x\"})\n}")
		},
		func() {
			g.stmt("{\npt := &" + tv() + "\npt.Y *= 3\npt.Rename(\"via ptr\")\nfmt.Println(*pt)\nfmt.Printf(\"%+v\\n\", pt)\n}")
		},
		func() {
			g.stmt("{\nvar z $T\nfmt.Println(z == $T{}, z.F == 0, z)\nz.F = math.NaN()\nfmt.Println(z == z)\ne := struct{}{}\nfmt.Println(e == struct{}{}, e)\n}")
		},
		func() {
			g.stmt("{\ntype pair struct {\nk string\nv int\n}\nps := []pair{{\"b\", 2}, {\"a\", " + g.smallInt(0, 3) + "}, {\"c\", 1}}\nslices.SortFunc(ps, func(x, y pair) int {\nreturn cmp.Or(cmp.Compare(x.v, y.v), strings.Compare(x.k, y.k))\n})\nfmt.Println(ps)\n}")
		},
	)
}

// ---- pointers and closures ----

func (g *gen) unitClosure() {
	g.decl(`func $Fib(n int) int {
	if n < 2 {
		return n
	}
	return $Fib(n-1) + $Fib(n-2)
}

func $Sum(xs ...int) int {
	s := 0
	for i, x := range xs {
		s += x
		xs[i] = 0
	}
	return s
}

func $Ack(m, n int) int {
	switch {
	case m == 0:
		return n + 1
	case n == 0:
		return $Ack(m-1, 1)
	}
	return $Ack(m-1, $Ack(m, n-1))
}

type $Node struct {
	Val  int
	Next *$Node
}`)
	g.some(5, 10,
		func() {
			g.stmt("{\nvar fs []func() int\nfor i := 0; i < " + g.smallInt(1, 5) + "; i++ {\nfs = append(fs, func() int { return i * i })\n}\nfor _, i := range []int{1, 2} {\nfs = append(fs, func() int { return -i })\n}\nfor _, f := range fs {\nfmt.Print(f(), \" \")\n}\nfmt.Println()\n}")
		},
		func() {
			g.stmt("{\nmk := func(step int) func() int {\nc := 0\nreturn func() int {\nc += step\nreturn c\n}\n}\na, b := mk(" + g.smallInt(1, 4) + "), mk(" + g.smallInt(-3, 3) + ")\nfmt.Println(a(), a(), b(), a(), b())\n}")
		},
		func() {
			g.stmt("{\nops := map[string]func(int, int) int{\n\"add\": func(x, y int) int { return x + y },\n\"sub\": func(x, y int) int { return x - y },\n\"mul\": func(x, y int) int { return x * y },\n}\nfor _, k := range slices.Sorted(maps.Keys(ops)) {\nfmt.Print(k, \"=\", ops[k](" + g.smallInt(-9, 9) + ", " + g.smallInt(-9, 9) + "), \" \")\n}\nfmt.Println()\n}")
		},
		func() {
			g.stmt("fmt.Println($Fib(" + g.smallInt(0, 18) + "), $Ack(2, " + g.smallInt(0, 3) + "))")
		},
		func() {
			g.stmt("{\nvar fact func(int) int\nfact = func(n int) int {\nif n <= 1 {\nreturn 1\n}\nreturn n * fact(n-1)\n}\nfmt.Println(fact(" + g.smallInt(0, 25) + "))\n}")
		},
		func() {
			g.stmt("{\nx := " + g.smallInt(-9, 9) + "\np := &x\npp := &p\n**pp += 3\n*p *= 2\ny := *p\ny++\nfmt.Println(x, y, *p == x, p == &x)\n}")
		},
		func() {
			g.stmt("{\nxs := []int{" + g.intList(4) + "}\ns := $Sum(xs...)\nfmt.Println(s, xs, $Sum(), $Sum(1, 2, 3))\n}")
		},
		func() {
			g.stmt("{\nvar head *$Node\nfor i := range " + g.smallInt(0, 6) + " {\nhead = &$Node{i * i, head}\n}\nfor n := head; n != nil; n = n.Next {\nfmt.Print(n.Val, \" \")\n}\nfmt.Println(head == nil)\n}")
		},
		func() {
			g.tryStmt("nilderef", "var n *$Node\nif "+oneOf(g, "true", "len(\"x\") == 1")+" {\nfmt.Println(n.Val)\n}")
		},
		func() {
			g.tryStmt("nilfunc", "var f func() int\nfmt.Println(f == nil)\nfmt.Println(f())")
		},
		func() {
			g.stmt("{\ncounter := 0\ninc := func() { counter++ }\nfor range " + g.smallInt(0, 7) + " {\ninc()\n}\ndefer func(c int) { fmt.Println(\"deferred\", c, counter) }(counter)\ncounter *= 10\n}")
		},
		func() {
			g.stmt("{\np := new(int)\nq := new([3]string)\n*p = len(q)\nq[1] = \"mid\"\nfmt.Println(*p, *q, len(q[1]))\ns := []*int{p, p}\n*s[0]++\nfmt.Println(*p, *s[1])\n}")
		},
		func() {
			g.stmt("{\nadders := make([]func(int) int, 0)\nfor _, d := range []int{" + g.intList(3) + "} {\nadders = append(adders, func(x int) int { return x + d })\n}\nacc := 0\nfor _, f := range adders {\nacc = f(acc)\n}\nfmt.Println(acc)\n}")
		},
	)
}

// ---- methods and interfaces ----

func (g *gen) unitIface() {
	g.decl(`type $Shape interface {
	Area() float64
	Name() string
}

type $Rect struct{ W, H float64 }

func (r $Rect) Area() float64 { return float64(r.W * r.H) }
func (r $Rect) Name() string   { return "rect" }

type $Circle struct{ R float64 }

func (c *$Circle) Area() float64 { return float64(3 * float64(c.R*c.R)) }
func (c *$Circle) Name() string   { return "circle" }

type $Celsius float64

func (c $Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type $MyErr struct{ Code int }

func (e *$MyErr) Error() string { return fmt.Sprintf("myerr %d", e.Code) }

type $ValErr string

func (e $ValErr) Error() string { return "valerr: " + string(e) }

var $ErrNotFound = errors.New("not found")

func $Find(k int) error {
	switch k % 4 {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("find %d: %w", k, $ErrNotFound)
	case 2:
		return fmt.Errorf("find %d: %w", k, &$MyErr{k})
	}
	return $ValErr(strconv.Itoa(k))
}`)
	g.stmt("vals := []any{" + strings.Join(g.anyVals(3+g.intn(4)), ", ") + "}\n_ = vals")
	g.some(4, 9,
		func() {
			g.stmt("for _, s := range []$Shape{$Rect{" + g.smallInt(0, 5) + ", 2.5}, &$Circle{" + g.smallInt(0, 3) + "}} {\nfmt.Printf(\"%s %.3f %T\\n\", s.Name(), s.Area(), s)\n}")
		},
		func() {
			g.stmt("for _, v := range vals {\nswitch x := v.(type) {\ncase nil:\nfmt.Println(\"nil\")\ncase int, int64:\nfmt.Printf(\"int %v\\n\", x)\ncase string:\nfmt.Println(\"string\", len(x))\ncase $Shape:\nfmt.Println(\"shape\", x.Name())\ncase fmt.Stringer:\nfmt.Println(\"stringer\", x)\ncase error:\nfmt.Println(\"error\", x)\ndefault:\nfmt.Printf(\"other %T %v\\n\", x, x)\n}\n}")
		},
		func() {
			g.stmt("for _, v := range vals {\nn, ok := v.(int)\ns, ok2 := v.(fmt.Stringer)\nfmt.Println(n, ok, s != nil, ok2)\n}")
		},
		func() {
			g.tryStmt("assert", "v := vals["+g.smallInt(0, 2)+"]\nfmt.Println(v."+oneOf(g, "(string)", "(int)", "($Rect)", "($Shape)", "(fmt.Stringer)", "(error)")+")")
		},
		func() {
			g.stmt("fmt.Println($Celsius(" + oneOf(g, "21.5", "-3", "0") + "), []$Celsius{1, 2}, map[string]$Celsius{\"x\": 3})\nfmt.Printf(\"%v %s %d %.2f\\n\", $Celsius(1), $Celsius(2), $Celsius(3), $Celsius(4))")
		},
		func() {
			g.stmt("for k := range " + g.smallInt(1, 8) + " {\nerr := $Find(k)\nvar me *$MyErr\nvar ve $ValErr\nfmt.Println(err, errors.Is(err, $ErrNotFound), errors.As(err, &me), errors.As(err, &ve), errors.Unwrap(err) != nil)\nif me != nil {\nfmt.Println(\"code\", me.Code)\n}\n}")
		},
		func() {
			g.stmt("{\nvar mp *$MyErr\nvar e error = mp\nfmt.Println(e == nil, mp == nil, e != nil)\nfmt.Println(e)\nj := errors.Join($ErrNotFound, nil, $ValErr(\"b\"))\nfmt.Println(j)\nfmt.Println(errors.Is(j, $ErrNotFound))\n}")
		},
		func() {
			g.stmt("{\nvar a, b any = $Rect{1, 2}, $Rect{1, 2}\nvar c any = &$Circle{1}\nvar d any = 1\nvar e any = int64(1)\nfmt.Println(a == b, c == c, d == e, a != nil, d == 1)\n}")
		},
		func() {
			g.tryStmt("uncomparable", "var a, b any = []int{1}, []int{1}\nfmt.Println(a == b)")
		},
		func() {
			g.stmt("{\nr := $Rect{" + g.smallInt(1, 4) + ", 3}\nf := r.Area\ng := $Rect.Name\nh := (*$Circle).Area\nr.W = 100\nfmt.Println(f(), g(r), h(&$Circle{2}))\n}")
		},
		func() {
			g.stmt("{\nerr := fmt.Errorf(\"outer: %w\", fmt.Errorf(\"mid %d: %w\", " + g.smallInt(0, 9) + ", $ValErr(\"deep\")))\nfmt.Println(err)\nfor e := error(err); e != nil; e = errors.Unwrap(e) {\nfmt.Printf(\"%T \", e)\n}\nfmt.Println()\nfmt.Println(fmt.Errorf(\"two: %w %w\", $ErrNotFound, $ValErr(\"x\")))\n}")
		},
		func() {
			g.stmt("fmt.Printf(\"%v|%+v|%s|%q|%x|%d\\n\", " + strings.Join(g.anyVals(6), ", ") + ")")
		},
	)
}

// anyVals returns n expressions of basic, struct, Stringer and error values
// (no pointers are printed: &$Circle is printed only as a *struct, which fmt
// prints as &{...}).
func (g *gen) anyVals(n int) []string {
	var vs []string
	for i := 0; i < n; i++ {
		vs = append(vs, oneOf(g, "nil", g.smallInt(-5, 99), "int64(7)", g.strLit(), "3.5", "true", "$Rect{1, 2}", "$Celsius(36.6)", "$ValErr(\"v\")", "[]int{1, 2}", "map[string]int{\"b\": 1, \"a\": 2}", "'x'", "byte(200)", "$Rect{}", "struct{ A, B int }{1, 2}", "[2]bool{true}", "errors.New(\"plain\")", "complex(1, -2)", "uint8(7)", "[]string{\"p\", \"\"}"))
	}
	return vs
}

// ---- generics ----

func (g *gen) unitGeneric() {
	g.decl(`type $Number interface {
	~int | ~int64 | ~float64 | ~uint8
}

type $MyInt int

func (m $MyInt) String() string { return "my" + strconv.Itoa(int(m)) }

func $Sum[T $Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func $Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func $Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func $Index[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

func $Max[T cmp.Ordered](a T, bs ...T) T {
	for _, b := range bs {
		if b > a {
			a = b
		}
	}
	return a
}

type $Stringish interface{ ~string }

func $Concat[S $Stringish](xs []S) S {
	var s S
	for _, x := range xs {
		s += x + "/"
	}
	return s
}

type $Stack[T any] struct{ items []T }

func (s *$Stack[T]) Push(x T) { s.items = append(s.items, x) }

func (s *$Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}

type $Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p $Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type $Tree[T cmp.Ordered] struct {
	Left, Right *$Tree[T]
	Val         T
}

func (t *$Tree[T]) Insert(v T) *$Tree[T] {
	if t == nil {
		return &$Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *$Tree[T]) walk(yield func(T) bool) bool {
	return t == nil || t.Left.walk(yield) && yield(t.Val) && t.Right.walk(yield)
}

func (t *$Tree[T]) All(yield func(T) bool) { t.walk(yield) }

func $Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	for _, x := range xs {
		init = f(init, x)
	}
	return init
}

func $Kind[T any](x T) string {
	switch any(x).(type) {
	case int:
		return "int"
	case string:
		return "string"
	case fmt.Stringer:
		return "stringer"
	}
	return fmt.Sprintf("%T", x)
}`)
	g.some(4, 9,
		func() {
			g.stmt("fmt.Println($Sum([]int{" + g.intList(3) + "}), $Sum([]float64{0.5, " + oneOf(g, "1e100", "-0.25", "3") + "}), $Sum([]$MyInt{" + g.intList(2) + "}), $Sum([]uint8{200, " + g.smallInt(0, 99) + "}), $Sum([]int64{math.MaxInt64, " + g.smallInt(0, 3) + "}))")
		},
		func() {
			g.stmt("fmt.Println($Map([]int{" + g.intList(3) + "}, strconv.Itoa), $Map([]string{\"a\", \"bb\"}, func(s string) int { return len(s) }), $Filter([]int{" + g.intList(5) + "}, func(x int) bool { return x%2 == 0 }))")
		},
		func() {
			g.stmt("fmt.Println($Index([]string{\"a\", \"b\"}, " + quote(oneOf(g, "a", "b", "c")) + "), $Index([]$Pair[int, string]{{1, \"x\"}}, $Pair[int, string]{1, \"x\"}), $Max(" + g.intList(3) + "), $Max(\"b\", \"abc\"), $Max(2.5, math.Inf(-1)))")
		},
		func() {
			g.stmt("{\ntype path string\nfmt.Println($Concat([]path{\"usr\", \"lib\"}), $Concat([]string{}))\n}")
		},
		func() {
			t := oneOf(g, "int", "string", "$MyInt", "[]byte")
			val := map[string]string{"int": g.smallInt(0, 9), "string": g.strLit(), "$MyInt": "$MyInt(" + g.smallInt(0, 9) + ")", "[]byte": "[]byte(\"hi\")"}[t]
			g.stmt("{\nvar s $Stack[" + t + "]\nfor range " + g.smallInt(0, 3) + " {\ns.Push(" + val + ")\n}\nfor {\nx, ok := s.Pop()\nif !ok {\nbreak\n}\nfmt.Print(x, \" \")\n}\nfmt.Printf(\"%T %v\\n\", s, len(s.items))\n}")
		},
		func() {
			g.stmt("{\np := $Pair[string, []int]{\"k\", []int{" + g.intList(2) + "}}\nq := $Pair[$MyInt, bool]{3, true}\nfmt.Println(p, q)\nfmt.Printf(\"%v %+v %T\\n\", p, q, q)\n}")
		},
		func() {
			ec := oneOf(g, [2]string{"int", "v"}, [2]string{"string", "strconv.Itoa(v)"}, [2]string{"float64", "float64(v)/4"})
			et, conv := ec[0], ec[1]
			g.stmt("{\nvar t *$Tree[" + et + "]\nfor _, v := range []int{" + g.intList(5) + "} {\nt = t.Insert(" + conv + ")\n}\nfor v := range t.All {\nfmt.Print(v, \" \")\n}\nfmt.Println()\n}")
		},
		func() {
			g.stmt("fmt.Println($Reduce([]string{\"a\", \"b\", \"c\"}, 0, func(n int, s string) int { return n*2 + len(s) }), $Reduce([]int{" + g.intList(3) + "}, \"\", func(s string, x int) string { return s + strconv.Itoa(x) }))")
		},
		func() {
			g.stmt("fmt.Println($Kind(1), $Kind(\"s\"), $Kind($MyInt(2)), $Kind(2.5), $Kind([]int(nil)), $Kind($Pair[int, int]{}))")
		},
		func() {
			g.stmt("{\nm := map[$Pair[int, string]]int{}\nm[$Pair[int, string]{1, \"a\"}]++\nm[$Pair[int, string]{1, \"a\"}]++\nm[$Pair[int, string]{2, \"a\"}]++\nfmt.Println(m, len(m))\n}")
		},
	)
}

// ---- defer, panic and recover ----

func (g *gen) unitDefer() {
	g.decl(`func $Named(x int) (r int, err error) {
	defer func() {
		r *= 2
		if e := recover(); e != nil {
			err = fmt.Errorf("recovered: %v", e)
			r = -1
		}
	}()
	if x > 5 {
		panic(fmt.Sprintf("too big: %d", x))
	}
	return x + 1, nil
}

func $Order(n int) {
	for i := range n {
		defer fmt.Print("d", i, " ")
	}
	defer fmt.Println()
	fmt.Print("body ")
}

func $Repanic(v any) (out string) {
	defer func() {
		out = fmt.Sprint("outer got: ", recover())
	}()
	defer func() {
		r := recover()
		panic(fmt.Sprint("re: ", r))
	}()
	panic(v)
}

func $helper() any { return recover() }

func $Indirect() (got any) {
	defer func() { got = recover() }()
	defer func() {
		fmt.Println("indirect recover:", $helper())
	}()
	panic("through")
}

func $DeferArgs() (s string) {
	x := 1
	defer func(v int) { s += fmt.Sprint(" deferred arg ", v, " x ", x) }(x)
	x = 2
	return fmt.Sprint("x ", x)
}`)
	g.some(4, 9,
		func() {
			g.stmt("fmt.Println($Named(" + g.smallInt(0, 9) + "))")
		},
		func() { g.stmt("$Order(" + g.smallInt(0, 5) + ")") },
		func() {
			g.stmt("fmt.Println($Repanic(" + oneOf(g, "\"first\"", "42", "errors.New(\"e\")", "3.25") + "))")
		},
		func() { g.stmt("fmt.Println($Indirect())") },
		func() { g.stmt("fmt.Println($DeferArgs())") },
		func() {
			g.tryStmt(g.runtimeError())
		},
		func() {
			label, body := g.runtimeError()
			g.tryStmt("rt-"+label, "defer func() {\nr := recover()\nre, ok := r.(runtime.Error)\nfmt.Println(ok, re)\nif ok {\npanic(re.Error() + \" again\")\n}\n}()\n"+body)
		},
		func() {
			g.tryStmt("panicnil", "defer func() {\nr := recover()\n_, isNil := r.(*runtime.PanicNilError)\nfmt.Println(r, isNil)\n}()\npanic(nil)")
		},
		func() {
			g.tryStmt("nested", "defer func() {\nfmt.Println(\"outer recovered:\", recover())\n}()\ndefer func() {\npanic(\"second\")\n}()\npanic(\"first\")")
		},
		func() {
			g.stmt("{\nvar wg sync.WaitGroup\nres := make([]string, 3)\nfor i := range 3 {\nwg.Add(1)\ngo func() {\ndefer wg.Done()\ndefer func() {\nres[i] = fmt.Sprint(\"g\", i, \" \", recover())\n}()\nif i == " + g.smallInt(0, 2) + " {\nruntime.Goexit()\n}\nvar m map[int]int\nm[i] = i\n}()\n}\nwg.Wait()\nfmt.Printf(\"%q\\n\", res)\n}")
		},
		func() {
			g.stmt("{\nf := func() (n int) {\ndefer func() {\nif recover() != nil {\nn = 99\n}\n}()\nn = 5\nvar a []int\nreturn a[n]\n}\nfmt.Println(f())\n}")
		},
		func() {
			g.stmt("for i := range 3 {\nfunc() {\ndefer func() {\nif r := recover(); r != nil {\nfmt.Println(\"iter\", i, r)\n}\n}()\nif i%2 == " + g.smallInt(0, 1) + " {\npanic($ErrX(i))\n}\nfmt.Println(\"iter\", i, \"ok\")\n}()\n}")
			g.declOnce("ErrX", "type $ErrX int\n\nfunc (e $ErrX) Error() string { return fmt.Sprintf(\"errx %d\", int(e)) }")
		},
	)
}

// runtimeError returns a label and statements that end in a runtime panic
// (with variable operands, so that gc compiles them).
func (g *gen) runtimeError() (string, string) {
	switch g.intn(12) {
	case 0:
		return "index", "s := []int{1, 2, 3}\ni := " + g.smallInt(3, 9) + "\nfmt.Println(s[i])"
	case 1:
		return "nilmap", "var m map[string]bool\nm[\"k\"] = true"
	case 2:
		return "divzero", "a, b := " + g.smallInt(1, 9) + ", 0\nfmt.Println(a / b)"
	case 3:
		return "nilderef", "var p *struct{ A, B int }\nfmt.Println(p.B)"
	case 4:
		return "assert", "var v any = " + oneOf(g, "\"s\"", "1", "2.5", "[]int{}") + "\nfmt.Println(v.(" + oneOf(g, "int", "bool", "error", "fmt.Stringer") + "))"
	case 5:
		return "slicebounds", "s := make([]int, 2, 4)\ni := " + g.smallInt(5, 9) + "\nfmt.Println(s[1:i])"
	case 6:
		return "closeclosed", "c := make(chan int)\nclose(c)\nclose(c)"
	case 7:
		return "sendclosed", "c := make(chan int, 1)\nclose(c)\nc <- 1"
	case 8:
		return "closenil", "var c chan int\nclose(c)"
	case 9:
		return "toarray", "s := []int{1}\nfmt.Println([2]int(s))"
	case 10:
		return "strindex", "s := \"abc\"\ni := -" + g.smallInt(1, 3) + "\nfmt.Println(s[i+0])"
	default:
		return "makechan", "n := -" + g.smallInt(1, 3) + "\nfmt.Println(make(chan int, n))"
	}
}

// ---- goroutines and channels (deterministic) ----

func (g *gen) unitChan() {
	g.some(3, 7,
		func() { // pipeline
			g.stmt("{\nsrc := make(chan int)\nsq := make(chan int" + oneOf(g, "", ", 2") + ")\ngo func() {\nfor i := range " + g.smallInt(0, 9) + " {\nsrc <- i\n}\nclose(src)\n}()\ngo func() {\ndefer close(sq)\nfor v := range src {\nsq <- v * v\n}\n}()\nsum := 0\nfor v := range sq {\nsum += v\nfmt.Print(v, \" \")\n}\nfmt.Println(\"sum\", sum)\n}")
		},
		func() { // fan-in, results sorted
			g.stmt("{\nout := make(chan string)\nvar wg sync.WaitGroup\nfor w := range " + g.smallInt(1, 5) + " {\nwg.Add(1)\ngo func() {\ndefer wg.Done()\nfor j := range 3 {\nout <- fmt.Sprintf(\"w%d-%d\", w, j)\n}\n}()\n}\ngo func() {\nwg.Wait()\nclose(out)\n}()\nvar got []string\nfor s := range out {\ngot = append(got, s)\n}\nslices.Sort(got)\nfmt.Println(got)\n}")
		},
		func() { // WaitGroup with indexed results
			g.stmt("{\nres := make([]int, " + g.smallInt(1, 8) + ")\nvar wg sync.WaitGroup\nfor i := range res {\nwg.Go(func() {\nres[i] = i * i * " + g.smallInt(1, 5) + "\n})\n}\nwg.Wait()\nfmt.Println(res)\n}")
		},
		func() { // Mutex counter
			g.stmt("{\nvar mu sync.Mutex\ncount := 0\nm := map[int]int{}\nvar wg sync.WaitGroup\nfor i := range " + g.smallInt(1, 4) + " {\nwg.Add(1)\ngo func() {\ndefer wg.Done()\nfor j := range 50 {\nmu.Lock()\ncount++\nm[j%3] += i\nmu.Unlock()\n}\n}()\n}\nwg.Wait()\nfmt.Println(count, m)\n}")
		},
		func() { // atomics
			g.stmt("{\nvar n atomic.Int64\nvar u atomic.Uint32\nvar wg sync.WaitGroup\nfor range 4 {\nwg.Add(1)\ngo func() {\ndefer wg.Done()\nfor range 25 {\nn.Add(2)\nu.Add(^uint32(0))\n}\n}()\n}\nwg.Wait()\nfmt.Println(n.Load(), u.Load(), n.CompareAndSwap(200, 1), n.Load())\n}")
		},
		func() { // select with one ready case
			g.stmt("{\nch := make(chan int, 1)\nvar never chan int\nch <- " + g.smallInt(0, 9) + "\nselect {\ncase v := <-ch:\nfmt.Println(\"got\", v)\ncase <-never:\nfmt.Println(\"never\")\n}\nselect {\ncase v := <-ch:\nfmt.Println(\"again\", v)\ndefault:\nfmt.Println(\"empty\")\n}\nch <- 1\nselect {\ncase ch <- 2:\nfmt.Println(\"sent\")\ndefault:\nfmt.Println(\"full\", len(ch), cap(ch))\n}\n}")
		},
		func() { // close, drain, comma-ok
			g.stmt("{\nch := make(chan string, 3)\nch <- \"a\"\nch <- \"b\"\nclose(ch)\nfor range 4 {\nv, ok := <-ch\nfmt.Printf(\"%q %v \", v, ok)\n}\nfmt.Println(len(ch))\n}")
		},
		func() { // context cancellation
			g.stmt("{\nctx, cancel := context.WithCancel(context.Background())\ndone := make(chan string)\ngo func() {\n<-ctx.Done()\ndone <- fmt.Sprint(\"worker: \", ctx.Err())\n}()\nfmt.Println(ctx.Err())\ncancel()\nfmt.Println(<-done)\nfmt.Println(ctx.Err(), context.Cause(ctx))\ncctx, ccancel := context.WithCancelCause(ctx)\nccancel(errors.New(\"why\"))\nfmt.Println(cctx.Err(), context.Cause(cctx))\n}")
		},
		func() { // ping-pong
			g.stmt("{\nping, pong := make(chan int), make(chan int)\ngo func() {\nfor v := range ping {\npong <- v + 1\n}\nclose(pong)\n}()\nv := 0\nfor range " + g.smallInt(1, 6) + " {\nping <- v\nv = <-pong\nfmt.Print(v, \" \")\n}\nclose(ping)\n_, ok := <-pong\nfmt.Println(ok)\n}")
		},
		func() { // select loop where one case is ready at a time
			g.stmt("{\ndata := make(chan int)\nquit := make(chan struct{})\ngo func() {\nfor i := range " + g.smallInt(0, 5) + " {\ndata <- i * 10\n}\nclose(quit)\n}()\nfor {\nselect {\ncase v := <-data:\nfmt.Print(v, \" \")\ncontinue\ncase <-quit:\n}\nbreak\n}\nfmt.Println(\"quit\")\n}")
		},
		func() { // sync.Once and a goroutine's recovered panic
			g.stmt("{\nvar once sync.Once\nerrs := make(chan any)\nfor i := range 3 {\nonce.Do(func() { fmt.Println(\"once\", i) })\n}\ngo func() {\ndefer func() { errs <- recover() }()\nvar s []int\n_ = s[" + g.smallInt(0, 3) + "]\n}()\nfmt.Println(<-errs)\n}")
		},
		func() { // channel of channels
			g.stmt("{\nreqs := make(chan chan int)\ngo func() {\nn := 0\nfor r := range reqs {\nn++\nr <- n * " + g.smallInt(1, 9) + "\n}\n}()\nfor range 3 {\nr := make(chan int)\nreqs <- r\nfmt.Print(<-r, \" \")\n}\nclose(reqs)\nfmt.Println()\n}")
		},
		func() {
			g.tryStmt("chanpanic", "ch := make(chan int, 1)\nclose(ch)\nv, ok := <-ch\nfmt.Println(v, ok)\nch <- v")
		},
		func() { // RWMutex and Cond
			g.stmt("{\nvar mu sync.Mutex\ncond := sync.NewCond(&mu)\nready := 0\nvar wg sync.WaitGroup\nfor range 3 {\nwg.Add(1)\ngo func() {\ndefer wg.Done()\nmu.Lock()\nready++\ncond.Broadcast()\nmu.Unlock()\n}()\n}\nmu.Lock()\nfor ready < 3 {\ncond.Wait()\n}\nmu.Unlock()\nwg.Wait()\nvar rw sync.RWMutex\nrw.RLock()\nrw.RLock()\nrw.RUnlock()\nrw.RUnlock()\nrw.Lock()\nfmt.Println(\"ready\", ready)\nrw.Unlock()\n}")
		},
	)
}

// ---- control flow ----

func (g *gen) unitControl() {
	g.decl(`func $Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func $Pairs(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, f := range strings.Fields(s) {
			if !yield(i, f) {
				return
			}
		}
	}
}

func $Bad(yield func(int) bool) {
	yield(1)
	yield(2)
}`)
	g.some(4, 9,
		func() {
			l := g.local("outer")
			g.stmt(strings.ReplaceAll("{\nn := 0\nouter:\nfor i := range "+g.smallInt(1, 6)+" {\nfor j := range "+g.smallInt(1, 6)+" {\nif j > i {\ncontinue outer\n}\nif i*j > "+g.smallInt(2, 12)+" {\nbreak outer\n}\nn += i*10 + j\n}\n}\nfmt.Println(\"labels\", n)\n}", "outer", l))
		},
		func() {
			l := g.local("loop")
			g.stmt(strings.ReplaceAll("{\ni := 0\nloop:\nif i < "+g.smallInt(0, 6)+" {\nfmt.Print(i, \" \")\ni++\ngoto loop\n}\nfmt.Println(\"goto\", i)\n}", "loop", l))
		},
		func() {
			g.stmt("for x := range " + g.smallInt(0, 6) + " {\nswitch x % 4 {\ncase 0:\nfmt.Print(\"zero \")\nfallthrough\ncase 1:\nfmt.Print(\"one \")\ncase 2:\nfmt.Print(\"two \")\nfallthrough\ndefault:\nfmt.Print(\"default \")\n}\n}\nfmt.Println()")
		},
		func() {
			g.stmt("{\nn := " + g.smallInt(-3, 5) + "\nfor i := range n {\nfmt.Print(i)\n}\nswitch {\ncase n < 0:\nfmt.Println(\"negative\")\ncase n == 0:\nfmt.Println(\"zero\")\ndefault:\nfmt.Println(\"positive\")\n}\n}")
		},
		func() {
			g.stmt("for i := range $Count(" + g.smallInt(0, 8) + ") {\nif i == " + g.smallInt(1, 6) + " {\nbreak\n}\nif i%2 == 1 {\ncontinue\n}\nfmt.Print(i, \" \")\n}\nfmt.Println()")
		},
		func() {
			l := g.local("outer")
			g.stmt(strings.ReplaceAll("{\nfound := \"\"\nouter:\nfor i, w := range $Pairs("+quote(oneOf(g, "alpha beta gamma", "x y", "", "one two three four"))+") {\nfor j := range $Count(3) {\nif j == i {\nfound += w\ncontinue outer\n}\nif len(w) == j {\nbreak outer\n}\n}\n}\nfmt.Println(\"found\", found)\n}", "outer", l))
		},
		func() {
			g.stmt("{\nf := func() (r int) {\nfor i := range $Count(5) {\ndefer func() { r += i }()\nif i == 3 {\nreturn 100\n}\n}\nreturn -1\n}\nfmt.Println(f())\n}")
		},
		func() {
			g.tryStmt("badfunc", "for x := range $Bad {\nfmt.Println(\"x\", x)\nbreak\n}")
		},
		func() {
			g.stmt("{\nnext, stop := iter.Pull($Count(" + g.smallInt(0, 4) + "))\nfor {\nv, ok := next()\nif !ok {\nbreak\n}\nfmt.Print(v, \" \")\n}\nstop()\nfmt.Println(\"pulled\")\n}")
		},
		func() {
			g.stmt("for i, j := 0, " + g.smallInt(3, 12) + "; i < j; i, j = i+1, j-2 {\nfmt.Print(i, \",\", j, \" \")\n}\nfmt.Println()")
		},
		func() {
			g.stmt("{\nn, steps := " + g.smallInt(1, 40) + ", 0\nfor n != 1 {\nif n%2 == 0 {\nn /= 2\n} else {\nn = 3*n + 1\n}\nsteps++\n}\nfmt.Println(\"collatz\", steps)\n}")
		},
		func() {
			g.stmt("switch s := " + g.strLit() + "; {\ncase len(s) > 5:\nfmt.Println(\"long\")\ncase strings.HasPrefix(s, \"a\"), s == \"\":\nfmt.Println(\"a or empty\")\ndefault:\nfmt.Println(\"other\", len(s))\n}")
		},
		func() {
			g.stmt("for i, v := range slices.Backward([]string{\"a\", \"b\", \"c\"}) {\nfmt.Print(i, v, \" \")\n}\nfor k, v := range maps.All(map[int]int{" + g.smallInt(0, 9) + ": 1}) {\nfmt.Print(k, v)\n}\nfmt.Println()")
		},
	)
}

// ---- the end of a program ----

// unitEnd ends the program: an uncaught panic, a fatal error or os.Exit.
func (g *gen) unitEnd() {
	g.stmt("fmt.Println(\"ending\")")
	c := g.intn(17)
	for i := 0; i < 100 && g.exclude["end."+strconv.Itoa(c)]; i++ {
		c = g.intn(17)
	}
	g.stmt("// end." + strconv.Itoa(c))
	switch c {
	case 0, 1, 2:
		_, body := g.runtimeError()
		g.stmt("{\n" + body + "\n}")
	case 3:
		g.stmt("panic(errors.New(" + quote(oneOf(g, "boom", "bad thing", "")) + "))")
	case 4:
		g.stmt("{\nx := " + g.smallInt(0, 99) + "\npanic(fmt.Sprintf(\"bad value %d\", x))\n}")
	case 5:
		g.stmt("os.Exit(3)")
	case 6:
		g.stmt("{\nch := make(chan int)\n<-ch\n}")
	case 7:
		g.stmt("{\nvar wg sync.WaitGroup\nwg.Add(1)\nch := make(chan int)\ngo func() {\nch <- 1\nwg.Done()\n}()\nwg.Wait()\n}")
	case 8:
		g.stmt("{\ndefer func() {\npanic(\"second\")\n}()\npanic(\"first\")\n}")
	case 9:
		g.stmt("{\ndefer func() {\nr := recover()\npanic(r)\n}()\npanic(" + oneOf(g, "\"again\"", "errors.New(\"again\")") + ")\n}")
	case 10:
		g.stmt("{\ndone := make(chan bool)\ngo func() {\npanic(" + oneOf(g, "\"in goroutine\"", "fmt.Errorf(\"wrapped: %w\", errors.New(\"inner\"))") + ")\n}()\n<-done\n}")
	case 11:
		g.decl("type $E int")
		g.stmt("panic(" + oneOf(g, "$E(5)", "3.5", "true", "complex(1, 2)", "uint8(7)", "-42") + ")")
	case 12:
		g.stmt("{\nvar mu sync.Mutex\nmu.Lock()\nmu.Lock()\n}")
	case 13:
		g.stmt("{\ndefer fmt.Println(\"deferred before exit\")\nos.Exit(" + oneOf(g, "0", "3", "1") + ")\n}")
	case 14:
		g.stmt("{\nvar m sync.Mutex\nm.Unlock()\n}")
	case 15:
		g.stmt("{\ndefer fmt.Println(\"deferred in main\")\nruntime.Goexit()\n}")
	default:
		g.stmt("select {}")
	}
}

// ---- fmt ----

func (g *gen) unitFmt() {
	g.decl(`type $F struct{ N int }

func (f $F) Format(s fmt.State, verb rune) {
	w, wok := s.Width()
	p, pok := s.Precision()
	fmt.Fprintf(s, "F[%c %d/%v %d/%v +%v -%v #%v 0%v sp%v %d]", verb, w, wok, p, pok, s.Flag('+'), s.Flag('-'), s.Flag('#'), s.Flag('0'), s.Flag(' '), f.N)
}

type $G struct{ A, b int }

func (g $G) GoString() string { return fmt.Sprintf("G<%d>", g.A) }

type $S string

func (s $S) String() string { return "S(" + string(s) + ")" }

type $P struct{ V int }

func (p *$P) String() string { return fmt.Sprint("P", p.V) }

type $Rec struct {
	Name  $S
	inner $S
	Err   error
	List  []$S
	M     map[$S]int
	Pt    $P
}`)
	vals := func() string {
		return oneOf(g, g.smallInt(-300, 300), "-0.0", "3.14159", "1e21", "float32(0.1)", "\"héllo\"", "'é'", "true", "[]int{1, -2}", "[]byte(\"hi\\xff\")", "[2]string{\"a\", \"\"}", "map[string]int{\"z\": 1, \"a\": 2}", "struct{ X int; Y string }{1, \"y\"}", "$S(\"s\")", "&$P{3}", "$P{4}", "$G{1, 2}", "$F{5}", "errors.New(\"e\")", "nil", "uint8(255)", "int64(-1) << 40", "complex(1.5, -2)", "[]any{1, \"a\", nil}", "uintptr(10)")
	}
	verbs := []string{"%v", "%+v", "%#v", "%T", "%d", "%s", "%q", "%x", "%X", "% x", "%08.3f", "%-6v|", "%6.2v|", "%+d", "%t", "%c", "%U", "%#U", "%e", "%.2e", "%G", "%o", "%#o", "%b", "%5.1q", "%#x", "%010d", "%-010d|", "%+.3g", "% d", "%.0f", "%3c|", "%x", "%.3x", "%#-8x|", "%08q"}
	g.some(5, 12,
		func() {
			n := 1 + g.intn(4)
			var vs, fs []string
			for i := 0; i < n; i++ {
				vs = append(vs, vals())
				fs = append(fs, oneOf(g, verbs...))
			}
			g.stmt("fmt.Printf(" + quote(strings.Join(fs, " ")+"\n") + ", " + strings.Join(vs, ", ") + ")")
		},
		func() {
			g.stmt("fmt.Printf(" + quote(oneOf(g, "%[2]d %[1]d %d\n", "%[3]*.[2]*[1]f|\n", "%*d|%-*d|\n", "%.*s|\n", "%[1]v %[1]T %[1]q\n", "%d %d\n", "%!\n", "%z %d\n", "%[5]d\n", "%[0]d %v\n", "%-+ #0v\n")) + ", " + vals() + ", " + g.smallInt(-8, 12) + ", " + g.smallInt(0, 9) + ", " + vals() + ")")
		},
		func() {
			g.stmt("fmt.Println(fmt.Sprint(" + vals() + ", " + vals() + ", \"a\", \"b\", " + vals() + "), fmt.Sprintln(" + vals() + ", " + vals() + ") + \"|\")")
		},
		func() {
			// (no %d or %#v: they print the error field's pointer)
			g.stmt("fmt.Printf(" + quote(oneOf(g, "%v", "%+v", "%s", "%x", "%q")+"\n") + ", $Rec{$S(\"n\"), $S(\"i\"), " + oneOf(g, "nil", "errors.New(\"bad\")", "fmt.Errorf(\"w: %w\", errors.New(\"in\"))") + ", []$S{\"a\", \"b\"}, map[$S]int{\"k\": 1, \"j\": 2}, $P{7}})")
		},
		func() {
			g.stmt("fmt.Printf(\"%v %s %+v %10v| %-8.3v| %x %#v\\n\", " + strings.Repeat("$F{"+g.smallInt(0, 9)+"}, ", 6) + "$F{1})")
		},
		func() {
			g.stmt("fmt.Printf(\"%v %+v %#v %s\\n\", $G{" + g.smallInt(0, 9) + ", 1}, []$G{{1, 2}}, []$G{{3, 4}}, map[string]$G{\"k\": {5, 6}})")
		},
		func() {
			t := oneOf(g, "map[string][]int{}", "func(int) string(nil)", "make(chan<- int)", "(*[]int)(nil)", "[3]struct{}{}", "struct{ a int; B []string }{}", "[]any{}", "new(error)", "any(nil)", "$S(\"\")", "(*$P)(nil)", "[]map[int]bool{}", "(<-chan $G)(nil)", "func(...int) (int, error) { return 0, nil }", "complex64(1)", "'x'", "[]rune(\"ab\")")
			g.stmt("fmt.Printf(\"%T\\n\", " + t + ")")
		},
		func() {
			w := g.smallInt(0, 12)
			p := g.smallInt(0, 6)
			v := oneOf(g, "\"héllo wörld\"", "\"日本語テキスト\"", "\"ab\\xffcd\"", "[]string{\"x\", \"yy\"}", "$S(\"str\")", "[]byte(\"bytes\")")
			g.stmt("fmt.Printf(\"%" + w + "." + p + "s|%-" + w + "." + p + "q|%" + w + "x|%." + p + "v|\\n\", " + v + ", " + v + ", " + v + ", " + v + ")")
		},
		func() {
			f := oneOf(g, "123456789.0", "0.000012345", "-1e-7", "1e23", "5e-324", "1.7976931348623157e308", "0.1", "2.5", "-0.5", "100", "float64(float32(0.1))", "math.Inf(-1)", "math.NaN()")
			g.stmt("fmt.Printf(\"%v %g %e %.3g %10.4f| %-12.2e| %+.0f %x %.1x %#g %#.3v %08.2f\\n\", " + strings.Repeat(f+", ", 11) + f + ")")
		},
		func() {
			g.stmt("{\nvar sb strings.Builder\nn, err := fmt.Fprintf(&sb, " + quote(oneOf(g, verbs...)+"/"+oneOf(g, verbs...)) + ", " + vals() + ", " + vals() + ")\nfmt.Println(sb.String(), n, err)\n}")
		},
		func() {
			g.stmt("{\nvar a, b int\nvar s string\nn, err := fmt.Sscanf(" + quote(oneOf(g, "12 34 word", "7 x", "-5 +6 z", "1 2", "0x1f 017 q")) + ", \"%d %d %s\", &a, &b, &s)\nfmt.Println(n, err, a, b, s)\nvar f float64\nvar w string\nm, err := fmt.Sscan(" + quote(oneOf(g, "3.5 word", "1e3 x", "nan y", "bad")) + ", &f, &w)\nfmt.Println(m, err, f, w)\n}")
		},
		func() {
			g.stmt("fmt.Println(fmt.Sprintf(\"%v\", []*$P{nil}) != \"\", fmt.Sprintf(\"%v\", []$P{{1}}), fmt.Sprintf(\"%s\", &$P{2}), fmt.Sprintf(\"%v\", $P{3}), fmt.Sprintf(\"%d\", &$P{4}))")
		},
	)
}

// ---- constants ----

func (g *gen) unitConst() {
	g.some(4, 9,
		func() { // a rational constant rounded to float32 and float64
			n := oneOf(g, "1", "2", "3", "10", "16777217", "33554431", "9007199254740993", "123456789", "1e30", "7")
			d := oneOf(g, "3", "7", "10", "1e10", "3e38", "17", "1 << 40", "1024", "6")
			g.stmt("{\nconst c = 1.0 * (" + n + ") / (" + d + ")\nfmt.Println(c, float32(c), float64(c), float64(float32(c)), c*" + g.smallInt(1, 9) + ")\n}")
		},
		func() { // big integer constants
			k := 60 + g.intn(60)
			g.stmt(fmt.Sprintf("{\nconst big = 1<<%d + %s\nfmt.Println(big>>%d, big%%1000003, float64(big), float32(big), big/(1<<%d))\n}", k, g.smallInt(0, 9999), k-5, k-20))
		},
		func() { // a float32 constant near a rounding boundary
			m := 1 + g.intn(1<<23)
			e := g.intn(60) - 30
			g.stmt(fmt.Sprintf("{\nconst x = %d.5 * (1 << 24) / (1 << 24) * 1e%d\nvar f32 float32 = x\nvar f64 float64 = x\nfmt.Println(f32, f64, float32(f64), f32 == float32(f64))\n}", m, e))
		},
		func() { // math constants
			g.stmt("fmt.Println(float32(math.Pi), math.Pi, float32(math.E)*2, math.MaxFloat32, math.SmallestNonzeroFloat64, float32(math.SmallestNonzeroFloat32), math.MaxInt64, uint64(math.MaxUint64), math.MinInt64)")
		},
		func() { // untyped constant shifts in non-constant expressions
			s := g.smallInt(0, 40)
			g.stmt("{\nvar s uint = " + s + "\nx := 1 << s\nvar y int32 = 1 << s\nvar z = uint8(1) << s\nvar f = float64(x) / 3\nfmt.Println(x, y, z, f, 1<<s == x)\n}")
		},
		func() { // complex constants
			g.stmt("{\nconst c = (" + g.smallInt(-5, 5) + " + 2i) * (3 - " + g.smallInt(0, 4) + "i) / (1 + 1i)\nvar c64 complex64 = c\nfmt.Println(c, c64, real(c), imag(c), c == c64)\n}")
		},
		func() { // rune and string constants
			g.stmt("{\nconst r = 'a' + " + g.smallInt(0, 30) + "\nconst s = \"héllo\" + \"\\u00e9\\xff\"\nfmt.Println(r, string(rune(r)), len(s), s[1], s[len(s)-1], s[2:4] == \"\\xa9l\")\nfmt.Printf(\"%q %x %v\\n\", s, s, []byte(s))\n}")
		},
		func() { // typed constant arithmetic that is exact
			t := oneOf(g, intTypes...)
			g.stmt(fmt.Sprintf("{\nconst m = %s(%d)\nconst n = m / 3\nvar v = m\nv++\nfmt.Println(m, n, m%%7, v, -v, ^n)\n}", t.name, t.max()>>1))
		},
		func() { // iota
			g.stmt("{\ntype kind uint8\nconst (\nk0 kind = iota * " + g.smallInt(1, 60) + "\nk1\nk2\n_\nk4\n)\nconst (\na = 1 << (10 * iota)\nb\nc\n)\nfmt.Println(k0, k1, k2, k4, a, b, c, k4-k1)\n}")
		},
		func() { // integer ↔ float conversions at boundaries
			g.stmt("{\nvar a = " + oneOf(g, "int64(1<<53 + 1)", "int64(-1<<63)", "int64(1<<62 + 1<<10 + 1)", "int64(9007199254740993)", "int64(16777217)") + "\nb := float64(a)\nc := float32(a)\nd := uint64(" + oneOf(g, "1<<64 - 1", "1<<63 + 1<<11", "1<<63 + 1<<10 + 1") + ")\nfmt.Println(b, c, float64(d), float32(d), int64(b) == a)\n}")
		},
	)
}
