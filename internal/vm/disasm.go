package vm

// The disassembler: a Func's code as text, one instruction a line, for
// `goro run -d` and the compiler tests.
//
//	main.fib  fib.go:9  params 1, results 1, slots 10, constants 3
//	     0  IfLssI       s3 #2 →2 →1                     fib.go:10
//	     1  Return       [s3]                            fib.go:11
//	     2  SubI         s5 s3 #1                        fib.go:13
//	     3  Call         s6 main.fib(s5)                 fib.go:13
//
// Each line is the pc, the op's name (opTable) and the fields the op uses
// in the order a, b, c, d, then k, t and x: a slot is sN, a constant (a
// slot of the constant area) #value, a jump target →pc, a field index
// .N; k and t print as k=kind and t=type, x by its kind (a call as
// callee(args), a slice's bounds as [lo:hi:max]). Constants carry no type
// in the code: a word prints as an integer, or as a float (with a point)
// when the op is a float op or the bits look like one. The last column is
// the instruction's source line.

import (
	"fmt"
	"go/types"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goro-dev/goro/internal/rt"
)

// Disassemble writes the code of the program's functions whose names
// (as tracebacks print them: main.f, main.(*T).M, main.main.func1) match,
// ordered by source position. Matching functions are compiled (or decoded
// from the cache) first; natives are listed as such.
func (m *Machine) Disassemble(w io.Writer, match func(name string) bool) error {
	d := &disasm{m: m}
	for _, f := range m.funcsMatching(match) {
		f.ensure()
		d.fn(w, f)
	}
	return nil
}

// funcsMatching returns the program's functions whose names match, in
// source order: from SSA when loaded from source, or every function of
// the compiled-program cache; not the generated wrappers (Func.wrapper),
// which the cache keeps for every method set and SSA makes on demand.
func (m *Machine) funcsMatching(match func(string) bool) []*Func {
	fs := m.src.matchFuncs(match)
	type key struct {
		file string
		line int
	}
	keys := map[*Func]key{}
	for _, f := range fs {
		file, line := f.FileLine(-1)
		keys[f] = key{file, line}
	}
	sort.Slice(fs, func(i, j int) bool {
		a, b := keys[fs[i]], keys[fs[j]]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return fs[i].name < fs[j].name
	})
	return fs
}

// generic reports whether sf, or the function it is nested in, has type
// parameters not instantiated.
func generic(sf *ssa.Function) bool {
	for f := sf; f != nil; f = f.Parent() {
		if (f.TypeParams().Len() > 0 || f.Signature.RecvTypeParams().Len() > 0) && len(f.TypeArgs()) == 0 {
			return true
		}
		for _, T := range f.TypeArgs() {
			if hasTypeParam(T) {
				return true // an instance inside a generic function
			}
		}
	}
	return false
}

// hasTypeParam reports whether T mentions a type parameter.
func hasTypeParam(T types.Type) bool {
	switch T := T.(type) {
	case *types.TypeParam:
		return true
	case *types.Pointer:
		return hasTypeParam(T.Elem())
	case *types.Slice:
		return hasTypeParam(T.Elem())
	case *types.Array:
		return hasTypeParam(T.Elem())
	case *types.Chan:
		return hasTypeParam(T.Elem())
	case *types.Map:
		return hasTypeParam(T.Key()) || hasTypeParam(T.Elem())
	case *types.Named:
		for i := 0; i < T.TypeArgs().Len(); i++ {
			if hasTypeParam(T.TypeArgs().At(i)) {
				return true
			}
		}
	case *types.Struct:
		for i := 0; i < T.NumFields(); i++ {
			if hasTypeParam(T.Field(i).Type()) {
				return true
			}
		}
	case *types.Tuple:
		for i := 0; i < T.Len(); i++ {
			if hasTypeParam(T.At(i).Type()) {
				return true
			}
		}
	case *types.Signature:
		return hasTypeParam(T.Params()) || hasTypeParam(T.Results())
	}
	return false
}

type disasm struct {
	m       *Machine
	globals map[*rt.Value]string
}

// fn writes f's code.
func (d *disasm) fn(w io.Writer, f *Func) {
	fmt.Fprintf(w, "%s  %s", f.name, position(f, -1))
	switch f.bind {
	case bindRegistered:
		fmt.Fprintf(w, "  native\n\n")
		return
	case bindEmptyInit:
		fmt.Fprintf(w, "  native package's initializer\n\n")
		return
	case bindUnsupported:
		fmt.Fprintf(w, "  no Go code and no native: unsupported\n\n")
		return
	}
	if f.native != nil {
		fmt.Fprintf(w, "  native\n\n")
		return
	}
	borrows := ""
	if f.borrows != 0 {
		borrows = fmt.Sprintf(", borrows %#b", f.borrows)
	}
	fmt.Fprintf(w, "  params %d, results %d, slots %d (%d of them constants), constants %d%s\n", f.nparams, f.nresults, f.nslots, len(f.consts), len(f.constTable), borrows)
	for pc := range f.code {
		s := d.instr(f, &f.code[pc])
		fmt.Fprintf(w, "%6d  %-44s %s\n", pc, s, position(f, pc))
	}
	fmt.Fprintln(w)
}

// position is the file (base name) and line of f's instruction pc (of its
// declaration if pc < 0), or "-".
func position(f *Func, pc int) string {
	file, line := f.FileLine(pc)
	if line == 0 {
		return "-"
	}
	return filepath.Base(file) + ":" + strconv.Itoa(line)
}

// instr formats one instruction: its op and the fields it uses.
func (d *disasm) instr(f *Func, in *instr) string {
	if in.op >= opCount {
		return in.op.String()
	}
	info := &opTable[in.op]
	float := in.k.IsFloat() || strings.HasSuffix(info.doc, "(float64)")
	var parts []string
	for i, v := range [4]int32{in.a, in.b, in.c, in.d} {
		switch in.op.operand(field(i)) {
		case oDst, oSrc:
			parts = append(parts, d.slot(f, v, float))
		case oOptSrc:
			if v < 0 {
				parts = append(parts, "-")
			} else {
				parts = append(parts, d.slot(f, v, float))
			}
		case oPC:
			parts = append(parts, "→"+strconv.Itoa(int(v)))
		case oField:
			parts = append(parts, "."+strconv.Itoa(int(v)))
		case oMode:
			switch v {
			case callGo:
				parts = append(parts, "go")
			case callDefer:
				parts = append(parts, "defer")
			}
		case oCommaOk:
			if v != 0 {
				parts = append(parts, ",ok")
			}
		case oSigned:
			if v != 0 {
				parts = append(parts, "signed")
			}
		case oSliceFlags:
			if v&1 != 0 {
				parts = append(parts, "make")
			}
			if v&^1 != 0 {
				parts = append(parts, fmt.Sprintf("unsigned=%03b", v>>1))
			}
		case oUnsigned:
			if v != 0 {
				parts = append(parts, "unsigned")
			}
		case oCompared:
			if v != 0 {
				parts = append(parts, "compared")
			}
		case oLocal:
			if v != 0 {
				parts = append(parts, "local")
			}
		case oGoWrap:
			if v != 0 {
				parts = append(parts, fmt.Sprintf("gowrap%d", v))
			}
		case oImm:
			parts = append(parts, "#"+strconv.Itoa(int(v)))
		case oConst:
			parts = append(parts, d.constant(f.constTable[v], float))
		}
	}
	if info.k != "" {
		parts = append(parts, "k="+kindString(in.k))
	}
	if info.t != "" && in.t != nil {
		parts = append(parts, "t="+in.t.String())
	}
	if info.x != xNone && in.x != nil {
		parts = append(parts, d.x(f, in, info.x))
	}
	return fmt.Sprintf("%-12s %s", info.name, strings.Join(parts, " "))
}

// x formats an instruction's x.
func (d *disasm) x(f *Func, in *instr, xk xKind) string {
	slots := func(ss []int32) string {
		var b []string
		for _, s := range ss {
			b = append(b, d.slot(f, s, false))
		}
		return strings.Join(b, ", ")
	}
	switch xk {
	case xSlots:
		return "[" + slots(in.results()) + "]"
	case xOffset:
		return "+" + strconv.FormatInt(in.offset(), 10)
	case xBounds:
		var b []string
		for _, s := range in.bounds() {
			if s < 0 {
				b = append(b, "")
			} else {
				b = append(b, d.slot(f, s, false))
			}
		}
		return "[" + strings.Join(b, ":") + "]"
	case xCall:
		ci := in.call()
		callee, native := "?", ""
		switch {
		case ci.fn != nil:
			callee = ci.fn.name
			if in.op == opCall {
				if ci.fn.ensure(); ci.fn.bind == bindRegistered {
					native = " native"
				}
			}
		case ci.method != "":
			callee = "." + ci.method
		case ci.builtin != "":
			callee = ci.builtin
		case in.op == opCallClosure:
			callee = ""
		}
		if ci.lent != 0 {
			native += fmt.Sprintf(" lent %#b", ci.lent)
		}
		if ci.flat > 0 {
			native += " flat " + strconv.Itoa(int(ci.flat))
		}
		return callee + "(" + slots(ci.args) + ")" + native
	case xType:
		return "x=" + in.srcType().String()
	case xString:
		return strconv.Quote(in.what())
	case xSelect:
		si := in.sel()
		var b []string
		for i, ch := range si.chans {
			if si.dirs[i] == rt.SelectSend {
				b = append(b, d.slot(f, ch, false)+"<-"+d.slot(f, si.vals[i], false))
			} else {
				b = append(b, "<-"+d.slot(f, ch, false))
			}
		}
		if !si.block {
			b = append(b, "default")
		}
		return "{" + strings.Join(b, "; ") + "}"
	}
	return fmt.Sprintf("%v", in.x)
}

// slot formats slot s of f: sN, or #value for a constant; a result ^i
// is the constant constTable[i].
func (d *disasm) slot(f *Func, s int32, float bool) string {
	if s < 0 && int(^s) < len(f.constTable) {
		return d.constant(f.constTable[^s], float)
	}
	if s < 0 || int(s) >= len(f.consts) {
		return "s" + strconv.Itoa(int(s))
	}
	return d.constant(f.consts[s], float)
}

// constant formats a constant: #value.
func (d *disasm) constant(v rt.Value, float bool) string {
	switch r := v.R.(type) {
	case nil:
		x := math.Float64frombits(v.N)
		looksFloat := v.N>>52 != 0 && v.N>>52 != 0xfff && !math.IsNaN(x) && len(strconv.FormatFloat(x, 'g', -1, 64)) <= 8
		if float || (looksFloat && int64(v.N) > 1<<40) {
			s := strconv.FormatFloat(x, 'g', -1, 64)
			if !strings.ContainsAny(s, ".eIN") {
				s += ".0"
			}
			return "#" + s
		}
		return "#" + strconv.FormatInt(int64(v.N), 10)
	case string:
		if len(r) > 32 {
			return "#" + strconv.Quote(r[:32]) + "..."
		}
		return "#" + strconv.Quote(r)
	case *Closure:
		return "#" + r.Fn.name
	case *rt.Value:
		return "#&" + d.global(r)
	case complex128:
		return "#" + strconv.FormatComplex(r, 'g', -1, 128)
	case []rt.Value:
		return "#{...}"
	}
	return fmt.Sprintf("#%v", v.R)
}

// global returns the name of the package-level variable whose cell is p.
func (d *disasm) global(p *rt.Value) string {
	if d.globals[p] == "" {
		d.globals = d.m.src.globalNames() // cells are made as code is compiled: ask again
	}
	if name := d.globals[p]; name != "" {
		return name
	}
	return "?"
}

// kindString is k as Go spells the kind.
func kindString(k Kind) string {
	switch k {
	case KUnsafePointer:
		return "unsafe.Pointer"
	case KPointer:
		return "pointer"
	case KSlice:
		return "slice"
	case KArray:
		return "array"
	case KStruct:
		return "struct"
	case KMap:
		return "map"
	case KChan:
		return "chan"
	case KFunc:
		return "func"
	case KInterface:
		return "interface"
	case KTuple:
		return "tuple"
	}
	if k >= KBool && k <= KString {
		return types.Typ[types.Bool+types.BasicKind(k-KBool)].Name()
	}
	return fmt.Sprintf("kind(%d)", k)
}
