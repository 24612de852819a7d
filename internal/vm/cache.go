package vm

// The compiled-program cache: a loaded and compiled program written to
// bytes, and read back so that a second `goro run` of an unchanged program
// skips loading, type-checking, building SSA and compiling.
//
// WriteCache compiles every function the program can reach — the closure of
// its initializers and main.main through calls, closures, function values,
// and the methods of every type the code or the natives can name — and
// writes, besides their code: the types they use, each as a record of its
// structure from which reading builds a go/types type again (named types
// once each, with their methods, so identity, method sets, assignability
// and reflection behave as with the source); the package-level variables
// and named types (the names natives look up); a method table for every
// type that has methods; and for each instruction its file and line.
//
// ReadCache makes a Machine from those bytes. Reading is lazy: a type, a
// variable's cell, a function and a function's code are decoded on first
// use, under one lock; tables of records and name indexes are read in place
// (fixed-width offsets, binary search), so opening costs almost nothing.
// Positions come back as file and line, all that tracebacks and
// runtime.Caller need.
//
// What the writer cannot express (a type parameter at run time, a constant
// it does not know) makes it refuse, and the program then runs uncached.
// A method missing from the tables when read back is a goro bug, reported
// as an internal error.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"hash/crc32"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/goro-dev/goro/internal/load"
	"github.com/goro-dev/goro/internal/rt"
)

// cacheMagic starts every cache file; change it when the format changes.
const cacheMagic = "goro compiled program v10\n"

// Type record tags.
const (
	tBasic = iota
	tError // the universe's error
	tNamed
	tPointer
	tSlice
	tArray
	tMap
	tChan
	tStruct
	tSignature
	tInterface
	tTuple
)

// Constant value tags.
const (
	vScalar = iota
	vString
	vComplex
	vList
	vNilList
	vGlobal
	vFunc
	vRawAddr
)

// enc appends the cache's primitives to a byte slice.
type enc struct{ b []byte }

func (e *enc) u(x uint64)     { e.b = binary.AppendUvarint(e.b, x) }
func (e *enc) i(x int64)      { e.b = binary.AppendVarint(e.b, x) }
func (e *enc) s(x string)     { e.u(uint64(len(x))); e.b = append(e.b, x...) }
func (e *enc) bytes(x []byte) { e.u(uint64(len(x))); e.b = append(e.b, x...) }
func (e *enc) bool(x bool) {
	if x {
		e.u(1)
	} else {
		e.u(0)
	}
}
func (e *enc) u32(x uint32) { e.b = binary.LittleEndian.AppendUint32(e.b, x) }

// table writes records so that record i is found without reading the
// others: their number, then n+1 offsets of four bytes, then the records.
func (e *enc) table(recs [][]byte) {
	e.u32(uint32(len(recs)))
	off := 0
	for _, r := range recs {
		e.u32(uint32(off))
		off += len(r)
	}
	e.u32(uint32(off))
	for _, r := range recs {
		e.b = append(e.b, r...)
	}
}

// indexEntry is an entry of a name index: a key, a number, and data.
type indexEntry struct {
	key  string
	n    uint64
	data []byte
}

// index writes entries sorted by key as a table, for binary search.
func (e *enc) index(entries []indexEntry) {
	slices.SortStableFunc(entries, func(a, b indexEntry) int { return strings.Compare(a.key, b.key) })
	recs := make([][]byte, len(entries))
	for i, en := range entries {
		var r enc
		r.s(en.key)
		r.u(en.n)
		r.b = append(r.b, en.data...)
		recs[i] = r.b
	}
	e.table(recs)
}

func (e *enc) slots(xs []int32) {
	e.u(uint64(len(xs)))
	for _, x := range xs {
		e.i(int64(x))
	}
}

// dec reads what enc wrote. A malformed input panics with errCorrupt
// (files are checksummed, so only a goro bug can cause it).
type dec struct {
	b []byte
	p int
}

var errCorrupt = errors.New("corrupt compiled-program cache")

func (d *dec) u() uint64 {
	if d.p < len(d.b) && d.b[d.p] < 0x80 { // most numbers are small
		d.p++
		return uint64(d.b[d.p-1])
	}
	x, n := binary.Uvarint(d.b[d.p:])
	if n <= 0 {
		panic(errCorrupt)
	}
	d.p += n
	return x
}
func (d *dec) i() int64 {
	if d.p < len(d.b) && d.b[d.p] < 0x80 {
		d.p++
		ux := uint64(d.b[d.p-1])
		return int64(ux>>1) ^ -int64(ux&1)
	}
	x, n := binary.Varint(d.b[d.p:])
	if n <= 0 {
		panic(errCorrupt)
	}
	d.p += n
	return x
}
func (d *dec) n() int { return int(d.u()) }
func (d *dec) s() string {
	n := d.n()
	if d.p+n > len(d.b) {
		panic(errCorrupt)
	}
	s := string(d.b[d.p : d.p+n])
	d.p += n
	return s
}
func (d *dec) bytes() []byte {
	n := d.n()
	if d.p+n > len(d.b) {
		panic(errCorrupt)
	}
	b := d.b[d.p : d.p+n]
	d.p += n
	return b
}
func (d *dec) bool() bool { return d.u() != 0 }

func (d *dec) u32() uint32 {
	if d.p+4 > len(d.b) {
		panic(errCorrupt)
	}
	x := binary.LittleEndian.Uint32(d.b[d.p:])
	d.p += 4
	return x
}

// table is a table written by enc.table, read in place. A layered
// entry's table (over) continues its image's: records 0..base.n-1 are the
// image's, the table's own follow.
type table struct {
	n    int    // records, the base's included
	offs []byte // the own records' offsets, one more than them
	data []byte
	base *table
}

// over layers t over base.
func (t *table) over(base table) {
	t.base = &base
	t.n += base.n
}

// own is the number of t's own records.
func (t table) own() int {
	if t.base == nil {
		return t.n
	}
	return t.n - t.base.n
}

func (d *dec) table() table {
	n := int(d.u32())
	if n < 0 || d.p+4*(n+1) > len(d.b) {
		panic(errCorrupt)
	}
	t := table{n: n, offs: d.b[d.p : d.p+4*(n+1)]}
	d.p += 4 * (n + 1)
	end := int(binary.LittleEndian.Uint32(t.offs[4*n:]))
	if d.p+end > len(d.b) {
		panic(errCorrupt)
	}
	t.data = d.b[d.p : d.p+end]
	d.p += end
	return t
}

// rec returns a decoder of record i.
func (t table) rec(i int) *dec {
	if t.base != nil {
		if i >= 0 && i < t.base.n {
			return t.base.rec(i)
		}
		i -= t.base.n
	}
	if i < 0 || i >= t.own() {
		panic(errCorrupt)
	}
	lo := binary.LittleEndian.Uint32(t.offs[4*i:])
	hi := binary.LittleEndian.Uint32(t.offs[4*i+4:])
	if lo > hi || int(hi) > len(t.data) {
		panic(errCorrupt)
	}
	return &dec{b: t.data[lo:hi]}
}

// lookup returns decoders, positioned after the key, of the entries of an
// index (enc.index) with key key: a layered table's own first, then its
// base's.
func (t table) lookup(key string) []*dec {
	own := t
	own.n, own.base = t.own(), nil
	out := own.lookupOwn(key)
	if t.base != nil {
		out = append(out, t.base.lookup(key)...)
	}
	return out
}

func (t table) lookupOwn(key string) []*dec {
	keyAt := func(i int) ([]byte, *dec) {
		d := t.rec(i)
		n := d.n()
		if d.p+n > len(d.b) {
			panic(errCorrupt)
		}
		k := d.b[d.p : d.p+n]
		d.p += n
		return k, d
	}
	// string(k) in a comparison does not allocate.
	i := sort.Search(t.n, func(i int) bool { k, _ := keyAt(i); return string(k) >= key })
	var out []*dec
	for ; i < t.n; i++ {
		k, d := keyAt(i)
		if string(k) != key {
			break
		}
		out = append(out, d)
	}
	return out
}

func (d *dec) slots() []int32 {
	xs := make([]int32, d.n())
	for i := range xs {
		xs[i] = int32(d.i())
	}
	return xs
}

// ---- writing ----

type cacheWriter struct {
	m        *Machine
	typeIDs  typeutil.Map // types.Type → int
	types    []types.Type
	typeRecs [][]byte
	funcIDs  map[*Func]int
	funcs    []*Func
	funcRecs [][]byte
	pkgIDs   map[*types.Package]int
	pkgs     []*types.Package
	fileIDs  map[string]int
	files    []string
	cells    map[*rt.Value]int // a variable's cell → its id
	globals  []cacheGlobal
	methods  []int // ids of the types that have method tables
	mtabs    [][]byte
	err      error

	// base is the image a hybrid Machine's entry is layered over
	// (image.go): the entry names it, the image's records keep their
	// ids and the entry's own follow them, from the image's counts.
	base                                    *Image
	nTypes, nFuncs, nPkgs, nFiles, nGlobals int
	basePkgs                                map[*types.Package]int
	instances                               map[string]int // the image's instance types by "pkgpath.Name[args]"
}

// cacheGlobal is a package-level variable as the cache writes it.
type cacheGlobal struct {
	name string // "pkgpath.name"
	cell *rt.Value
	T    types.Type // the variable's type
}

// WriteCache returns the program compiled whole, as ReadCache takes it.
func (m *Machine) WriteCache() ([]byte, error) { return m.writeCache(false) }

// WriteImage returns the standard-library image of the program (image.go):
// every function, method, variable and named type of its standard
// packages, compiled, with each package's declarations, as OpenImage
// takes it.
func (m *Machine) WriteImage() ([]byte, error) { return m.writeCache(true) }

func (m *Machine) writeCache(image bool) (data []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			data, err = nil, fmt.Errorf("goro: compiled-program cache: %v", r)
		}
	}()
	w := &cacheWriter{m: m, funcIDs: map[*Func]int{}, pkgIDs: map[*types.Package]int{},
		fileIDs: map[string]int{}, cells: map[*rt.Value]int{}}
	if !image && m.image != nil {
		w.over(m.image)
	}
	var body enc
	// Package-level variables and named types: what natives look up.
	var named []indexEntry
	for _, p := range m.prog.Packages {
		if image && !m.prog.Std[p] || w.base != nil && w.base.byPkg[p.Pkg] != nil {
			continue // not the image's; the image's own (in the base)
		}
		for _, mem := range p.Members {
			switch mem := mem.(type) {
			case *ssa.Global:
				w.global(p.Pkg.Path()+"."+mem.Name(), m.globalCell(mem), mem.Type().(*types.Pointer).Elem())
			case *ssa.Type:
				T := mem.Type()
				if n, ok := T.(*types.Named); ok && n.TypeParams().Len() > 0 {
					continue // generic: only its instances exist at run time
				}
				if _, ok := T.(*types.Alias); ok {
					continue
				}
				if it, ok := T.Underlying().(*types.Interface); ok && !it.IsMethodSet() {
					continue // a constraint: never a run-time type
				}
				named = append(named, indexEntry{p.Pkg.Path() + "." + mem.Name(), uint64(w.typeID(T)), nil})
			}
		}
	}
	initID, mainID := -1, -1
	var exports enc
	if image {
		exports = w.exports()
	} else {
		main := m.prog.Main
		if f := main.Func("init"); f != nil {
			initID = w.funcID(m.funcOf(f))
		}
		if f := main.Func("main"); f != nil {
			mainID = w.funcID(m.funcOf(f))
		}
		exports.u(0)
	}
	// Encode until nothing new turns up: functions name types and
	// functions, types name their methods.
	for nt, nf := 0, 0; (nt < len(w.types) || nf < len(w.funcs)) && w.err == nil; {
		for ; nt < len(w.types); nt++ {
			w.typeRecs = append(w.typeRecs, w.encodeType(w.nTypes+nt, w.types[nt]))
		}
		for ; nf < len(w.funcs); nf++ {
			w.funcRecs = append(w.funcRecs, w.encodeFunc(w.funcs[nf]))
		}
	}
	if w.err != nil {
		return nil, w.err
	}
	body.s(cacheMagic)
	if w.base != nil {
		body.s(w.base.key)
		body.u32(w.base.sum)
		for _, n := range []int{w.nPkgs, w.nFiles, w.nTypes, w.nFuncs, w.nGlobals} {
			body.u(uint64(n))
		}
	} else {
		body.s("")
	}
	body.u(uint64(len(w.pkgs)))
	for _, p := range w.pkgs {
		body.s(p.Path())
		body.s(p.Name())
	}
	body.u(uint64(len(w.files)))
	for _, f := range w.files {
		body.s(f)
	}
	body.table(w.typeRecs)
	body.table(w.funcRecs)
	// Variables: their types by id, and an index by name.
	var gtypes enc
	for _, g := range w.globals {
		gtypes.u32(uint32(w.typeID(g.T)))
	}
	body.bytes(gtypes.b)
	var gindex []indexEntry
	for _, g := range w.globals {
		gindex = append(gindex, indexEntry{g.name, uint64(w.cells[g.cell]), nil})
	}
	body.index(gindex)
	body.index(named)
	var mindex []indexEntry
	for i, id := range w.methods {
		mindex = append(mindex, indexEntry{w.m.typeOf(w.types[id-w.nTypes]).String(), uint64(id), w.mtabs[i]})
	}
	body.index(mindex)
	body.i(int64(initID))
	body.i(int64(mainID))
	body.s(m.buildInfo)
	body.u(uint64(len(m.embeds)))
	for _, e := range m.embeds {
		body.s(e.Pkg)
		body.s(e.Name)
		body.s(e.Dir)
		body.u(uint64(len(e.Patterns)))
		for _, p := range e.Patterns {
			body.s(p)
		}
	}
	body.b = append(body.b, exports.b...)
	sum := crc32.Checksum(body.b, crcTable)
	out := binary.LittleEndian.AppendUint32(nil, sum)
	return append(out, body.b...), nil
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// recoverAs, deferred, turns a panic in decoding corrupt data into *err.
func recoverAs(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%v", r)
	}
}

func (w *cacheWriter) fail(format string, args ...any) {
	if w.err == nil {
		w.err = fmt.Errorf("goro: compiled-program cache: "+format, args...)
	}
}

func (w *cacheWriter) typeID(T types.Type) int {
	T = types.Unalias(T)
	if id, ok := w.typeIDs.At(T).(int); ok {
		return id
	}
	id, ok := w.baseTypeID(T)
	if !ok {
		id = w.nTypes + len(w.types)
		w.types = append(w.types, T)
	}
	w.typeIDs.Set(T, id)
	return id
}

func (w *cacheWriter) funcID(f *Func) int {
	if id, ok := w.funcIDs[f]; ok {
		return id
	}
	var id int
	if w.base != nil && w.base.owns(f) {
		id = int(f.id)
	} else {
		id = w.nFuncs + len(w.funcs)
		w.funcs = append(w.funcs, f)
	}
	w.funcIDs[f] = id
	return id
}

func (w *cacheWriter) pkgID(p *types.Package) int {
	if p == nil {
		return 0
	}
	if id, ok := w.pkgIDs[p]; ok {
		return id
	}
	if id, ok := w.basePkgs[p]; ok {
		return id
	}
	w.pkgs = append(w.pkgs, p)
	w.pkgIDs[p] = w.nPkgs + len(w.pkgs)
	return w.nPkgs + len(w.pkgs)
}

func (w *cacheWriter) pos(e *enc, p token.Pos) {
	if !p.IsValid() {
		e.u(0)
		return
	}
	if w.base != nil && int(p) >= 1<<posLineBits {
		// The image's position: its file keeps its id in the entry.
		e.u(uint64(int(p) >> posLineBits))
		e.u(uint64(int(p) & (1<<posLineBits - 1)))
		return
	}
	file, line := w.m.src.position(p)
	id, ok := w.fileIDs[file]
	if !ok {
		id = w.nFiles + len(w.files)
		w.fileIDs[file] = id
		w.files = append(w.files, file)
	}
	e.u(uint64(id + 1))
	e.u(uint64(line))
}

func (w *cacheWriter) tuple(e *enc, t *types.Tuple) {
	e.u(uint64(t.Len()))
	for i := 0; i < t.Len(); i++ {
		e.u(uint64(w.typeID(t.At(i).Type())))
	}
}

// namedName is a named type's name as the cache rebuilds it: an instance's
// type arguments folded into the name ("Box[int]"), as gc's type names are.
func (m *Machine) namedName(n *types.Named) string { return n.Obj().Name() + m.instanceArgs(n) }

func (w *cacheWriter) encodeType(id int, T types.Type) []byte {
	var e enc
	switch t := T.(type) {
	case *types.Basic:
		e.u(tBasic)
		e.u(uint64(t.Kind()))
	case *types.Named:
		if t == types.Universe.Lookup("error").Type() {
			e.u(tError)
			break
		}
		if t.TypeParams().Len() > 0 && t.TypeArgs().Len() == 0 {
			w.fail("generic type %s at run time", t)
			return nil
		}
		e.u(tNamed)
		e.u(uint64(w.pkgID(t.Obj().Pkg())))
		e.s(w.m.namedName(t))
		// An instance names its generic type and type arguments: a
		// reader that has the generic type (from source: image.go)
		// instantiates it instead of reading on.
		targs := t.TypeArgs()
		e.u(uint64(targs.Len()))
		if targs.Len() > 0 {
			e.s(t.Origin().Obj().Name())
			for i := 0; i < targs.Len(); i++ {
				e.u(uint64(w.typeID(targs.At(i))))
			}
		}
		e.u(uint64(w.typeID(t.Underlying())))
		e.u(uint64(t.NumMethods()))
		for i := 0; i < t.NumMethods(); i++ {
			sig := w.method(&e, t.Method(i))
			_, ptr := sig.Recv().Type().(*types.Pointer)
			e.bool(ptr)
		}
		// A *T can be made by reflection from T: its methods must be known.
		w.typeID(types.NewPointer(t))
	case *types.Pointer:
		e.u(tPointer)
		e.u(uint64(w.typeID(t.Elem())))
	case *types.Slice:
		e.u(tSlice)
		e.u(uint64(w.typeID(t.Elem())))
	case *types.Array:
		e.u(tArray)
		e.u(uint64(t.Len()))
		e.u(uint64(w.typeID(t.Elem())))
	case *types.Map:
		e.u(tMap)
		e.u(uint64(w.typeID(t.Key())))
		e.u(uint64(w.typeID(t.Elem())))
	case *types.Chan:
		e.u(tChan)
		e.u(uint64(t.Dir()))
		e.u(uint64(w.typeID(t.Elem())))
	case *types.Struct:
		e.u(tStruct)
		e.u(uint64(t.NumFields()))
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			e.s(f.Name())
			e.u(uint64(w.pkgID(f.Pkg())))
			e.u(uint64(w.typeID(f.Type())))
			e.bool(f.Embedded())
			e.s(t.Tag(i))
		}
	case *types.Signature:
		if t.TypeParams().Len() > 0 {
			w.fail("generic signature %s at run time", t)
			return nil
		}
		e.u(tSignature)
		w.tuple(&e, t.Params())
		w.tuple(&e, t.Results())
		e.bool(t.Variadic())
	case *types.Interface:
		if !t.IsMethodSet() {
			w.fail("constraint interface %s at run time", t)
			return nil
		}
		e.u(tInterface)
		e.u(uint64(t.NumMethods()))
		for i := 0; i < t.NumMethods(); i++ {
			w.method(&e, t.Method(i))
		}
	case *types.Tuple:
		e.u(tTuple)
		w.tuple(&e, t)
	default:
		w.fail("type %s (%T) at run time", T, T)
		return nil
	}
	if _, ok := T.Underlying().(*types.Interface); !ok {
		w.methodTable(id, T)
	}
	return e.b
}

// method writes a method's name, package and signature (without its
// receiver), and returns the signature.
func (w *cacheWriter) method(e *enc, fn *types.Func) *types.Signature {
	sig := fn.Type().(*types.Signature)
	e.s(fn.Name())
	e.u(uint64(w.pkgID(fn.Pkg())))
	e.u(uint64(w.typeID(types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic()))))
	return sig
}

// methodTable records the implementations of T's methods.
func (w *cacheWriter) methodTable(id int, T types.Type) {
	if w.imageMethodTable(T) {
		return
	}
	prog := w.m.prog.SSA
	ms := prog.MethodSets.MethodSet(T)
	if ms.Len() == 0 {
		return
	}
	var e enc
	e.u(uint64(ms.Len()))
	for i := 0; i < ms.Len(); i++ {
		sel := ms.At(i)
		e.s(sel.Obj().Name())
		sf := prog.MethodValue(sel)
		if sf == nil {
			e.i(-1)
			continue
		}
		e.i(int64(w.funcID(w.m.funcOf(sf))))
	}
	w.methods = append(w.methods, id)
	w.mtabs = append(w.mtabs, e.b)
}

func (w *cacheWriter) encodeFunc(f *Func) []byte {
	f.ensure()
	var e enc
	e.s(f.name)
	e.s(f.key)
	e.s(f.wrapBase)
	e.u(uint64(f.nparams))
	e.u(uint64(f.nresults))
	w.pos(&e, f.declPos)
	e.u(uint64(flag(f.wrapper)))
	e.u(uint64(len(f.targs)))
	for _, t := range f.targs {
		e.u(uint64(w.typeID(t.T)))
	}
	e.u(uint64(f.bind))
	if f.bind != bindNone {
		return e.b
	}
	e.u(uint64(f.nslots))
	e.u(f.borrows)
	e.u(uint64(f.freeBase))
	e.u(uint64(f.nfree))
	e.i(int64(f.recoverPC))
	e.u(uint64(len(f.constTable)))
	e.u(uint64(len(f.consts)))
	for _, v := range f.constTable {
		w.value(&e, v)
	}
	e.u(uint64(len(f.code)))
	for i, in := range f.code {
		w.instr(&e, in)
		w.pos(&e, f.pos[i])
	}
	return e.b
}

func (w *cacheWriter) optType(e *enc, t *Type) {
	if t == nil {
		e.u(0)
		return
	}
	e.u(uint64(w.typeID(t.T) + 1))
}

func (w *cacheWriter) optFunc(e *enc, f *Func) {
	if f == nil {
		e.u(0)
		return
	}
	e.u(uint64(w.funcID(f) + 1))
}

func (w *cacheWriter) instr(e *enc, in instr) {
	e.u(uint64(in.op))
	e.u(uint64(in.k))
	e.i(int64(in.a))
	e.i(int64(in.b))
	e.i(int64(in.c))
	e.i(int64(in.d))
	w.optType(e, in.t)
	// x is written as the op's xKind says (opTable): no tag.
	if in.op >= opCount {
		w.fail("instruction %v", in.op)
		return
	}
	switch xk := opTable[in.op].x; xk {
	case xNone:
	case xSlots:
		e.slots(in.results())
	case xOffset:
		e.i(in.offset())
	case xBounds:
		for _, v := range in.bounds() {
			e.i(int64(v))
		}
	case xCall:
		x := in.call()
		w.optFunc(e, x.fn)
		e.s(x.method)
		e.slots(x.args)
		e.s(x.builtin)
		e.u(uint64(len(x.argTypes)))
		for _, t := range x.argTypes {
			w.optType(e, t)
		}
		e.i(int64(x.deferStack))
		e.bool(x.unused)
		e.u(uint64(x.flat))
		e.u(x.lent)
		if x.lent != 0 {
			e.u(uint64(len(x.lentT)))
			for _, t := range x.lentT {
				w.optType(e, t)
			}
		}
	case xType:
		w.optType(e, in.srcType())
	case xString:
		e.s(in.what())
	case xSelect:
		x := in.sel()
		e.slots(x.chans)
		e.slots(x.vals)
		e.u(uint64(len(x.dirs)))
		for _, d := range x.dirs {
			e.u(uint64(d))
		}
		e.bool(x.block)
		e.u(uint64(len(x.elems)))
		for _, t := range x.elems {
			w.optType(e, t)
		}
	default:
		w.fail("instruction data of kind %d (%v)", xk, in.op)
	}
}

func (w *cacheWriter) value(e *enc, v rt.Value) {
	switch r := v.R.(type) {
	case nil:
		e.u(vScalar)
		e.u(v.N)
	case string:
		e.u(vString)
		e.s(r)
	case complex128:
		e.u(vComplex)
		e.u(math.Float64bits(real(r)))
		e.u(math.Float64bits(imag(r)))
	case []rt.Value:
		if r == nil {
			e.u(vNilList)
			return
		}
		e.u(vList)
		e.u(uint64(len(r)))
		for _, x := range r {
			w.value(e, x)
		}
	case *rt.Value:
		id, ok := w.cells[r]
		if !ok {
			id, ok = w.imageGlobal(r)
		}
		if !ok {
			w.fail("constant pointer that is not a package-level variable")
			return
		}
		e.u(vGlobal)
		e.u(uint64(id))
	case RawAddr:
		e.u(vRawAddr)
		e.u(uint64(r))
	case *Closure:
		if len(r.Env) != 0 {
			w.fail("constant closure with captured variables")
			return
		}
		e.u(vFunc)
		e.u(uint64(w.funcID(r.Fn)))
	default:
		w.fail("constant of host type %T", r)
	}
}

// ---- reading ----

// cacheProgram is a program read from the cache, decoded as it is used.
type cacheProgram struct {
	m  *Machine
	mu sync.Mutex

	files []string // positions are (file index+1)<<posLineBits | line
	pkgs  []*types.Package

	typeRecs table
	types    []types.Type
	vmTypes  []*Type

	globalTypes []byte // u32 type id per variable id
	globalIndex table  // "pkgpath.name" → variable id
	cells       []*rt.Value

	named table // "pkgpath.name" → type id

	funcRecs table
	funcs    []*Func
	bodies   []int // offset of each function's body in its record

	methodIndex table // type string → type id, method table
	mtabs       map[int]map[string]*Func

	initID, mainID int
	buildInfo      string
	embeds         []load.Embed
	exports        *dec // the image's declarations (image.go)

	// generics are the generic types of the standard packages a hybrid
	// load took from source, by "pkgpath.Name": the image's instances of
	// them are made from them (image.go).
	generics map[string]*types.TypeName
	// cellIDs are the ids of the cells made so far, typeIDs of the types
	// decoded so far (a hybrid Machine's writer names them: image.go).
	cellIDs map[*rt.Value]int
	typeIDs map[types.Type]int
}

// posLineBits is how many bits of a position read from the cache hold
// the line.
const posLineBits = 24

// ReadCache makes a Machine from what WriteCache wrote.
func ReadCache(data []byte, opt Options) (m *Machine, err error) {
	return ReadCacheOver(data, nil, opt)
}

// CacheBase returns the key and the checksum (its first four bytes) of
// the image an entry WriteCache wrote is layered over; key "": none (nor
// has an image).
func CacheBase(data []byte) (key string, sum uint32) {
	defer func() {
		if recover() != nil {
			key = ""
		}
	}()
	d := &dec{b: data, p: 4}
	if d.s() != cacheMagic {
		return "", 0
	}
	if key = d.s(); key != "" {
		sum = d.u32()
	}
	return key, sum
}

// ImageIntact reports whether data is an image whose checksum is sum
// (CacheBase's) and whose content matches it.
func ImageIntact(data []byte, sum uint32) bool {
	return len(data) >= 4 && binary.LittleEndian.Uint32(data) == sum && crc32.Checksum(data[4:], crcTable) == sum
}

// ReadCacheOver makes a Machine from what WriteCache wrote, layered over
// the image base (CacheBase; nil if none).
func ReadCacheOver(data, base []byte, opt Options) (m *Machine, err error) {
	c, err := openCache(data, base)
	if err != nil {
		return nil, err
	}
	defer recoverAs(&err)
	m = newMachine(opt)
	m.buildInfo = c.buildInfo
	m.src = c
	c.m = m
	m.init()
	m.embeds = c.embeds
	m.embedErr = m.fillEmbeds(c.embeds, c.globalCellType)
	return m, nil
}

// openCache reads the tables of what WriteCache wrote, for a Machine to
// decode the rest as it runs (cacheProgram.m is still nil). An entry
// layered over an image (a hybrid Machine's) continues the image's
// tables: base is the image.
func openCache(data, base []byte) (c *cacheProgram, err error) {
	if len(data) < 4 || crc32.Checksum(data[4:], crcTable) != binary.LittleEndian.Uint32(data) {
		return nil, errCorrupt
	}
	defer func() {
		if r := recover(); r != nil {
			c, err = nil, fmt.Errorf("%v", r)
		}
	}()
	d := &dec{b: data, p: 4}
	if d.s() != cacheMagic {
		return nil, errCorrupt
	}
	b := &cacheProgram{}
	if d.s() != "" {
		if len(base) < 4 || d.u32() != binary.LittleEndian.Uint32(base) {
			return nil, errors.New("goro: compiled-program cache: the entry's standard-library image is not the one given")
		}
		if b, err = openCache(base, nil); err != nil {
			return nil, err
		}
		for _, n := range []int{len(b.pkgs), len(b.files), b.typeRecs.n, b.funcRecs.n, len(b.globalTypes) / 4} {
			if d.n() != n {
				return nil, errCorrupt
			}
		}
	}
	c = &cacheProgram{mtabs: map[int]map[string]*Func{}}
	c.pkgs = slices.Clip(b.pkgs)
	for n := d.n(); n > 0; n-- {
		path := d.s()
		c.pkgs = append(c.pkgs, types.NewPackage(path, d.s()))
	}
	c.files = slices.Clip(b.files)
	for n := d.n(); n > 0; n-- {
		c.files = append(c.files, d.s())
	}
	layered := b.typeRecs.offs != nil
	tab := func(base table) table {
		t := d.table()
		if layered {
			t.over(base)
		}
		return t
	}
	c.typeRecs = tab(b.typeRecs)
	c.types = make([]types.Type, c.typeRecs.n)
	c.vmTypes = make([]*Type, c.typeRecs.n)
	c.funcRecs = tab(b.funcRecs)
	c.funcs = make([]*Func, c.funcRecs.n)
	c.bodies = make([]int, c.funcRecs.n)
	c.globalTypes = append(slices.Clip(b.globalTypes), d.bytes()...)
	c.cells = make([]*rt.Value, len(c.globalTypes)/4)
	c.globalIndex = tab(b.globalIndex)
	c.named = tab(b.named)
	c.methodIndex = tab(b.methodIndex)
	c.initID = int(d.i())
	c.mainID = int(d.i())
	c.buildInfo = d.s()
	c.embeds = make([]load.Embed, d.n())
	for i := range c.embeds {
		e := &c.embeds[i]
		e.Pkg, e.Name, e.Dir = d.s(), d.s(), d.s()
		for n := d.n(); n > 0; n-- {
			e.Patterns = append(e.Patterns, d.s())
		}
	}
	c.exports = d
	return c, nil
}

// globalCellType returns the cell and the type of package variable
// pkgpath.name, nil if the program's code never names it.
func (c *cacheProgram) globalCellType(pkgpath, name string) (*rt.Value, *Type) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ds := c.globalIndex.lookup(pkgpath + "." + name)
	if len(ds) == 0 {
		return nil, nil
	}
	id := ds[0].n()
	return c.cell(id), c.vmType(int(binary.LittleEndian.Uint32(c.globalTypes[4*id:])))
}

func (c *cacheProgram) pkg(d *dec) *types.Package {
	id := d.n()
	if id == 0 {
		return nil
	}
	return c.pkgs[id-1]
}

func (c *cacheProgram) pos(d *dec) token.Pos {
	id := d.n()
	if id == 0 {
		return token.NoPos
	}
	return token.Pos(id<<posLineBits | d.n())
}

// position returns the file and line of a position read from the cache.
func (c *cacheProgram) position(p token.Pos) (string, int) {
	id := int(p) >> posLineBits
	if id < 1 || id > len(c.files) {
		return "?", 0
	}
	return c.files[id-1], int(p) & (1<<posLineBits - 1)
}

// typ returns type id, decoding it on first use. c.mu is held.
func (c *cacheProgram) typ(id int) types.Type {
	if T := c.types[id]; T != nil {
		return T
	}
	d := c.typeRecs.rec(id)
	var T types.Type
	switch d.u() {
	case tBasic:
		T = types.Typ[d.n()]
	case tError:
		T = types.Universe.Lookup("error").Type()
	case tNamed:
		pkg := c.pkg(d)
		name := d.s()
		if ntargs := d.n(); ntargs > 0 {
			origin := d.s()
			targs := make([]int, ntargs)
			for i := range targs {
				targs[i] = d.n()
			}
			if T := c.instance(pkg, origin, targs); T != nil {
				c.setType(id, T)
				return T
			}
		}
		obj := types.NewTypeName(token.NoPos, pkg, name, nil)
		n := types.NewNamed(obj, nil, nil)
		c.setType(id, n) // before its parts, which may refer to it
		n.SetUnderlying(c.typ(d.n()))
		for k := d.n(); k > 0; k-- {
			name := d.s()
			mpkg := c.pkg(d)
			sig := c.typ(d.n()).(*types.Signature)
			var recvT types.Type = n
			if d.bool() {
				recvT = types.NewPointer(n)
			}
			recv := types.NewVar(token.NoPos, pkg, "", recvT)
			msig := types.NewSignatureType(recv, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
			n.AddMethod(types.NewFunc(token.NoPos, mpkg, name, msig))
		}
		return n
	case tPointer:
		T = types.NewPointer(c.typ(d.n()))
	case tSlice:
		T = types.NewSlice(c.typ(d.n()))
	case tArray:
		n := int64(d.u())
		T = types.NewArray(c.typ(d.n()), n)
	case tMap:
		k := c.typ(d.n())
		T = types.NewMap(k, c.typ(d.n()))
	case tChan:
		dir := types.ChanDir(d.n())
		T = types.NewChan(dir, c.typ(d.n()))
	case tStruct:
		n := d.n()
		fields := make([]*types.Var, n)
		tags := make([]string, n)
		for i := range fields {
			name := d.s()
			pkg := c.pkg(d)
			ft := c.typ(d.n())
			fields[i] = types.NewField(token.NoPos, pkg, name, ft, d.bool())
			tags[i] = d.s()
		}
		T = types.NewStruct(fields, tags)
	case tSignature:
		params := c.tuple(d)
		results := c.tuple(d)
		T = types.NewSignatureType(nil, nil, nil, params, results, d.bool())
	case tInterface:
		n := d.n()
		methods := make([]*types.Func, n)
		for i := range methods {
			name := d.s()
			pkg := c.pkg(d)
			// (A signature of its own: NewInterfaceType sets its
			// receiver, and the record's may be any function's type.)
			sig := c.typ(d.n()).(*types.Signature)
			sig = types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
			methods[i] = types.NewFunc(token.NoPos, pkg, name, sig)
		}
		T = types.NewInterfaceType(methods, nil).Complete()
	case tTuple:
		T = c.tuple(d)
	default:
		panic(errCorrupt)
	}
	c.setType(id, T)
	return T
}

// setType records T as type id's decoding (and its id, for a hybrid
// Machine's writer: image.go).
func (c *cacheProgram) setType(id int, T types.Type) {
	c.types[id] = T
	if c.typeIDs != nil {
		c.typeIDs[T] = id
	}
}

func (c *cacheProgram) tuple(d *dec) *types.Tuple {
	vars := make([]*types.Var, d.n())
	for i := range vars {
		vars[i] = types.NewParam(token.NoPos, nil, "", c.typ(d.n()))
	}
	return types.NewTuple(vars...)
}

func (c *cacheProgram) vmType(id int) *Type {
	if t := c.vmTypes[id]; t != nil {
		return t
	}
	t := c.m.typeOf(c.typ(id))
	c.vmTypes[id] = t
	return t
}

func (c *cacheProgram) optType(d *dec) *Type {
	id := d.n()
	if id == 0 {
		return nil
	}
	return c.vmType(id - 1)
}

// cell returns the cell of global id, made on first use. c.mu is held.
func (c *cacheProgram) cell(id int) *rt.Value {
	if p := c.cells[id]; p != nil {
		return p
	}
	if 4*id+4 > len(c.globalTypes) {
		panic(errCorrupt)
	}
	et := c.vmType(int(binary.LittleEndian.Uint32(c.globalTypes[4*id:])))
	var p *rt.Value
	if et.Size == 0 {
		p = c.m.zeroCell(et) // as gc, zero-size variables share an address
	} else {
		p = new(rt.Value)
		if !c.m.compileOnly {
			*p = et.Zero()
		}
	}
	c.cells[id] = p
	if c.cellIDs != nil {
		c.cellIDs[p] = id
	}
	return p
}

// fn returns function id, its code not yet decoded. c.mu is held.
func (c *cacheProgram) fn(id int) *Func {
	if f := c.funcs[id]; f != nil {
		return f
	}
	d := c.funcRecs.rec(id)
	f := &Func{m: c.m, id: int32(id)}
	f.name = d.s()
	f.key = d.s()
	f.wrapBase = d.s()
	f.nparams = d.n()
	f.nresults = d.n()
	f.declPos = c.pos(d)
	f.wrapper = d.n() != 0
	for n := d.n(); n > 0; n-- {
		f.targs = append(f.targs, c.vmType(d.n()))
	}
	c.bodies[id] = d.p
	c.funcs[id] = f
	return f
}

// body decodes f's code.
func (c *cacheProgram) body(f *Func) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d := c.funcRecs.rec(int(f.id))
	d.p = c.bodies[f.id]
	if b := uint8(d.n()); b != bindNone {
		f.bindNative(b)
		return
	}
	f.nslots = d.n()
	f.borrows = d.u()
	f.freeBase = d.n()
	f.nfree = d.n()
	f.recoverPC = int(d.i())
	f.constTable = make([]rt.Value, d.n())
	f.consts = f.constTable[:d.n()]
	for i := range f.constTable {
		f.constTable[i] = c.value(d)
	}
	n := d.n()
	f.code = make([]instr, n)
	f.pos = make([]token.Pos, n)
	for i := range f.code {
		f.code[i] = c.instr(d)
		f.pos[i] = c.pos(d)
	}
}

func (c *cacheProgram) value(d *dec) rt.Value {
	switch d.u() {
	case vScalar:
		return rt.Value{N: d.u()}
	case vString:
		return rt.Value{R: d.s()}
	case vComplex:
		re := math.Float64frombits(d.u())
		return rt.Value{R: complex(re, math.Float64frombits(d.u()))}
	case vList:
		l := make([]rt.Value, d.n())
		for i := range l {
			l[i] = c.value(d)
		}
		return rt.Value{R: l}
	case vNilList:
		return rt.Value{R: []rt.Value(nil)}
	case vGlobal:
		return rt.Value{R: c.cell(d.n())}
	case vFunc:
		return rt.Value{R: &Closure{Fn: c.fn(d.n())}}
	case vRawAddr:
		return rt.Value{R: RawAddr(d.u())}
	}
	panic(errCorrupt)
}

func (c *cacheProgram) optFunc(d *dec) *Func {
	id := d.n()
	if id == 0 {
		return nil
	}
	return c.fn(id - 1)
}

func (c *cacheProgram) instr(d *dec) instr {
	var in instr
	in.op = op(d.u())
	in.k = Kind(d.u())
	in.a = int32(d.i())
	in.b = int32(d.i())
	in.c = int32(d.i())
	in.d = int32(d.i())
	in.t = c.optType(d)
	if in.op >= opCount {
		panic(errCorrupt)
	}
	switch opTable[in.op].x {
	case xNone:
	case xSlots:
		in.x = d.slots()
	case xOffset:
		in.x = d.i()
	case xBounds:
		var idx [3]int32
		for i := range idx {
			idx[i] = int32(d.i())
		}
		in.x = idx
	case xCall:
		ci := &callInfo{}
		ci.fn = c.optFunc(d)
		ci.method = d.s()
		ci.args = d.slots()
		ci.builtin = d.s()
		if n := d.n(); n > 0 {
			ci.argTypes = make([]*Type, n)
			for i := range ci.argTypes {
				ci.argTypes[i] = c.optType(d)
			}
		}
		ci.deferStack = int32(d.i())
		ci.unused = d.bool()
		ci.flat = int32(d.n())
		if ci.lent = d.u(); ci.lent != 0 {
			ci.lentT = make([]*Type, d.n())
			for i := range ci.lentT {
				ci.lentT[i] = c.optType(d)
			}
		}
		in.x = ci
	case xType:
		in.x = c.optType(d)
	case xString:
		in.x = d.s()
	case xSelect:
		si := &selectInfo{}
		si.chans = d.slots()
		si.vals = d.slots()
		si.dirs = make([]int, d.n())
		for i := range si.dirs {
			si.dirs[i] = d.n()
		}
		si.block = d.bool()
		si.elems = make([]*Type, d.n())
		for i := range si.elems {
			si.elems[i] = c.optType(d)
		}
		in.x = si
	default:
		panic(errCorrupt)
	}
	return in
}

// method returns the implementation of method name of dynamic type t.
func (c *cacheProgram) method(t *Type, name string) *Func {
	c.mu.Lock()
	defer c.mu.Unlock()
	if tab, ok := c.mtab(t); ok {
		return tab[name]
	}
	ms := types.NewMethodSet(t.T)
	for i := 0; i < ms.Len(); i++ {
		if ms.At(i).Obj().Name() == name {
			panic(fmt.Sprintf("method %s of %s is not in the compiled-program cache", name, t))
		}
	}
	return nil
}

// mtab returns the method table of t, decoded on first use, and whether
// the cache has one. c.mu is held.
func (c *cacheProgram) mtab(t *Type) (map[string]*Func, bool) {
	for _, d := range c.methodIndex.lookup(t.String()) {
		id := d.n()
		if !types.Identical(c.typ(id), t.T) {
			continue
		}
		tab := c.mtabs[id]
		if tab == nil {
			tab = map[string]*Func{}
			for n := d.n(); n > 0; n-- {
				mname := d.s()
				if fid := int(d.i()); fid >= 0 {
					tab[mname] = c.fn(fid)
				}
			}
			c.mtabs[id] = tab
		}
		return tab, true
	}
	return nil, false
}

func (c *cacheProgram) lookupType(pkgpath, name string) *Type {
	c.mu.Lock()
	defer c.mu.Unlock()
	ds := c.named.lookup(pkgpath + "." + name)
	if len(ds) == 0 {
		return nil
	}
	return c.vmType(ds[0].n())
}

func (c *cacheProgram) global(pkgpath, name string) *rt.Value {
	c.mu.Lock()
	defer c.mu.Unlock()
	ds := c.globalIndex.lookup(pkgpath + "." + name)
	if len(ds) == 0 {
		return nil
	}
	return c.cell(ds[0].n())
}

func (c *cacheProgram) entry() (init, main *Func) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.initID >= 0 {
		init = c.fn(c.initID)
	}
	if c.mainID >= 0 {
		main = c.fn(c.mainID)
	}
	return init, main
}

func (c *cacheProgram) matchFuncs(match func(string) bool) []*Func {
	c.mu.Lock()
	defer c.mu.Unlock()
	var fs []*Func
	for id := 0; id < c.funcRecs.n; id++ {
		if f := c.fn(id); !f.wrapper && match(f.name) {
			fs = append(fs, f)
		}
	}
	return fs
}

func (c *cacheProgram) globalNames() map[*rt.Value]string {
	c.mu.Lock()
	defer c.mu.Unlock()
	names := map[*rt.Value]string{}
	for i := 0; i < c.globalIndex.n; i++ {
		r := c.globalIndex.rec(i)
		name := r.s()
		if cell := c.cell(r.n()); names[cell] == "" {
			names[cell] = name
		}
	}
	return names
}
