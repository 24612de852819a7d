package vm

// Views: a pointer that sees one cell as another type.
//
// A goro pointer is a cell (*rt.Value). Converting it through
// unsafe.Pointer to a *T whose cells agree with the cell's (sameCells) is
// a move; a few conversions gc programs make where they do not agree are
// still exact over one cell, and make a View instead — a pointer whose R
// is *View, not *rt.Value:
//
//   - an integer seen as the other integer of its size (*uint32 as
//     *int32): goro keeps a narrow integer's N normalized to its own type
//     (an int32 sign-extended, a uint32 zero-extended), so a load through
//     the view normalizes the word to the type seen and a store to the
//     cell's own type; every other reader of the cell (copies, ==, map
//     hashing, reflect) finds the word as its type keeps it; a narrower
//     integer is the word's low bytes (*uint32 as *uint8, binary's
//     native-endian check: the memory is little-endian here);
//   - a word seen as a struct whose only sized field it is (*uint32 as
//     *atomic.Uint32 or *atomic.Int32, *unsafe.Pointer as
//     *atomic.Pointer[T]: gc lays the field at offset 0): loads build the
//     struct, stores write the field, &x.v is the cell again (or a view of
//     it), and a zero-size field's address is a zero cell;
//   - a struct or array seen as a struct whose only sized field has its
//     cells (blank.go's struct{ x, y, z int } as struct{ _ struct{ a, b,
//     c int } }): loads and stores copy the field's elements;
//   - and the other way, a struct of one sized field seen as that field's
//     type (or a view of it).
//
// The executor's pointer operations take *rt.Value on their fast path; a
// View reaches Thread.viewOp through their nil check, so a view costs
// nothing where none is made. Whatever else meets a View — reflect's
// Elem, a native wanting a cell, indexing — reports it as unsupported by
// name, never as a nil pointer. Equality, map keys, printing and uintptr
// conversion see the viewed cell (PointerCell), as gc sees one address.
//
// An unsafe.Pointer made from an integer that is no cell's address (gc
// programs keep made-up words in unsafe.Pointer variables: sync/atomic's
// hammers, tagged pointers) is that integer, a RawAddr: it converts back,
// compares and prints as the number it is; dereferencing it is reported
// as unsupported.

import (
	"fmt"
	"go/types"

	"github.com/goro-dev/goro/internal/rt"
)

// View is a pointer's referent when the pointer sees Cell, which holds a
// CT, as a T: T's field F lies over the cell, or T itself (F < 0).
type View struct {
	Cell *rt.Value
	CT   *Type
	T    *Type
	F    int
	// Header: the cell holds a string or slice, seen from its word W on
	// as gc's header of it (headerView); loads only.
	Header bool
	W      int
	// Bytes: the cell holds a []byte seen as a string, or a string seen
	// as a []byte (the zero-copy conversions of gc programs: a copy
	// here); loads only.
	Bytes bool
}

// RawAddr is an unsafe.Pointer (or a *T converted from one) made from an
// integer that is no cell's address.
type RawAddr uintptr

// PointerCell returns the cell a pointer value refers to (through a
// View, the viewed cell), or nil.
func PointerCell(p rt.Value) *rt.Value {
	switch c := p.R.(type) {
	case *rt.Value:
		return c
	case *View:
		return c.Cell
	}
	return nil
}

// PlainCell returns the cell pointer p refers to, or nil for a nil
// pointer; a View or a RawAddr, which have no cell of the pointer's type,
// is reported as unsupported in what (ok false): for natives that keep
// or hand back the pointer's cell (finalizers, weak pointers, sync's).
func (t *Thread) PlainCell(p rt.Value, what string) (*rt.Value, bool) {
	switch c := p.R.(type) {
	case nil:
		return nil, true
	case *rt.Value:
		return c, true
	case *View, RawAddr:
		t.Unsupported(what + " of a pointer that sees memory of another type, or is an address made from an integer (goro needs a cell of the pointer's type)")
		return nil, false
	}
	return nil, true
}

// Referent returns what pointer p points to — through a View, the cell
// as the view sees it — or false for a nil pointer or a RawAddr.
func Referent(p rt.Value) (rt.Value, bool) {
	switch c := p.R.(type) {
	case *rt.Value:
		if c != nil {
			return *c, true
		}
	case *View:
		return c.Load(), true
	}
	return rt.Value{}, false
}

// isNilPointer reports whether pointer p is nil (a View or a RawAddr is
// not).
func isNilPointer(p rt.Value) bool {
	c, ok := p.R.(*rt.Value)
	return p.R == nil || ok && c == nil
}

// EqualPointers reports whether pointers x and y are equal, as gc
// compares addresses: a view is its cell, a RawAddr its number.
func EqualPointers(x, y rt.Value) bool { return HostAddr(x.R) == HostAddr(y.R) }

// viewPointer returns a pointer to cell (holding a ct) seen as a t: the
// cell itself when their cells agree, else a View, or false when goro
// cannot see one as the other. A nil cell only asks (the compiler's
// question).
func viewPointer(cell *rt.Value, ct, t *Type) (rt.Value, bool) {
	if headerView(ct, t, 0) {
		return rt.Value{R: &View{Cell: cell, CT: ct, T: t, F: -1, Header: true}}, true
	}
	if bytesView(ct, t) {
		return rt.Value{R: &View{Cell: cell, CT: ct, T: t, F: -1, Bytes: true}}, true
	}
	for {
		if sameCells(ct, t) {
			return rt.Value{R: cell}, true
		}
		// A struct of one sized field is that field's memory.
		f := soleField(ct)
		if f < 0 {
			break
		}
		if cell != nil {
			cell = &cell.R.([]rt.Value)[f]
		}
		ct = ct.Fields[f]
	}
	if f := soleField(t); f >= 0 && t.Fields[f].isDeep() && sameCells(ct, t.Fields[f]) {
		// A struct or array seen as a struct of it alone.
		return rt.Value{R: &View{Cell: cell, CT: ct, T: t, F: f}}, true
	}
	if ct.isDeep() {
		return rt.Value{}, false
	}
	if lowWord(ct, t) {
		return rt.Value{R: &View{Cell: cell, CT: ct, T: t, F: -1}}, true
	}
	if f := soleField(t); f >= 0 && !t.Fields[f].isDeep() && (sameCells(ct, t.Fields[f]) || lowWord(ct, t.Fields[f])) {
		return rt.Value{R: &View{Cell: cell, CT: ct, T: t, F: f}}, true
	}
	return rt.Value{}, false
}

// lowWord reports whether an integer of type t lies over the low bytes of
// one of type c (gc's memory is little-endian here): of one size, the two
// differ only by the word's extension; a narrower t is the word's low
// bits.
func lowWord(c, t *Type) bool {
	return c.Kind.IsInteger() && t.Kind.IsInteger() && t.Size <= c.Size
}

// soleField returns the index of the one field of struct t with a size,
// or -1 (not a struct, or no such single field).
func soleField(t *Type) int {
	if t.Kind != KStruct {
		return -1
	}
	f := -1
	for i, ft := range t.Fields {
		if ft.Size == 0 {
			continue
		}
		if f >= 0 {
			return -1
		}
		f = i
	}
	return f
}

// asType returns the cell's word w as a t keeps it.
func asType(t *Type, w rt.Value) rt.Value {
	if t.Kind.IsInteger() {
		w.N = norm(t.Kind, w.N)
	}
	return w
}

// seen returns the type that lies over the cell: v.T, or its field F.
func (v *View) seen() *Type {
	if v.F >= 0 {
		return v.T.Fields[v.F]
	}
	return v.T
}

// headerView reports whether t is what gc's string, slice or interface
// header (of type c) can be read as from its word w on: one word (an
// integer; a pointer word also as an unsafe.Pointer or a pointer), or a
// struct of words — the data word, the length, the capacity
// (reflect.StringHeader and SliceHeader, a program's own); an interface's
// type and data words (gc's eface).
func headerView(c, t *Type, w int) bool {
	words, pointers := 2, 1
	switch c.Kind {
	case KString:
	case KSlice:
		words = 3
	case KInterface:
		pointers = 2
	default:
		return false
	}
	word := func(t *Type, w int) bool {
		switch t.Kind {
		case KUintptr, KInt, KUint, KInt64, KUint64, KUnsafePointer:
			return w < words && (t.Kind != KUnsafePointer || w < pointers)
		case KPointer:
			// A typed data pointer only where it sees the cell it
			// points to as that cell is: a string's byte, a slice's
			// element (an interface's data word has a dynamic type:
			// unsafe.Pointer or a number only).
			switch c.Kind {
			case KString:
				return w == 0 && t.Elem.Kind == KUint8
			case KSlice:
				return w == 0 && types.Identical(t.Elem.T.Underlying(), c.Elem.T.Underlying())
			}
		}
		return false
	}
	if t.Kind != KStruct {
		return word(t, w)
	}
	if len(t.Fields) == 0 {
		return false
	}
	for i, f := range t.Fields {
		if !word(f, w+i) {
			return false
		}
	}
	return true
}

// bytesView reports whether t is a string seen over a []byte c, or a
// []byte over a string: `*(*string)(unsafe.Pointer(&b))`, the zero-copy
// conversion gc programs make (gc's string is the slice's first two
// words; the other way, the cap read past the string is whatever lies
// there — here the length).
func bytesView(c, t *Type) bool {
	isBytes := func(x *Type) bool { return x.Kind == KSlice && x.Elem.Kind == KUint8 }
	return isBytes(c) && t.Kind == KString || c.Kind == KString && isBytes(t)
}

// header returns the view's words of gc's header of the string, slice or
// interface in its cell: the data pointer — the cell unsafe.StringData or
// SliceData returns, so that the word converts back to it and compares
// equal — as a pointer or its address, the length and the capacity; an
// interface's type word (the address of goro's type, a number) and data
// word (a pointer-shaped value itself, any other a copy in a new cell:
// goro's interfaces hold values, not boxes).
func (v *View) header() rt.Value {
	var data *rt.Value
	var n, c int
	var typ rt.Value // an interface's type word
	switch v.CT.Kind {
	case KInterface:
		var t uintptr
		t, data = ifaceWords(*v.Cell)
		if t != 0 {
			typ = rt.Value{R: RawAddr(t)}
		}
	case KString:
		s := str(*v.Cell)
		n, c = len(s), len(s)
		data, _ = stringData(s).R.(*rt.Value)
	case KSlice:
		vs, _ := v.Cell.R.([]rt.Value)
		n, c = len(vs), cap(vs)
		data, _ = sliceData(v.CT, *v.Cell).R.(*rt.Value)
	}
	word := func(t *Type, w int) rt.Value {
		if v.CT.Kind == KInterface {
			if w == 0 {
				if t.Kind == KPointer || t.Kind == KUnsafePointer {
					return typ
				}
				return rt.Value{N: uint64(HostAddr(typ.R))}
			}
			w = 0 // the data word
		}
		switch {
		case w > 0:
			return rt.Value{N: uint64([]int{0, n, c}[w])}
		case data == nil:
			return rt.Value{}
		case t.Kind == KPointer || t.Kind == KUnsafePointer:
			return rt.Value{R: data}
		}
		return rt.Value{N: uint64(addressOf(data))}
	}
	if v.T.Kind != KStruct {
		return word(v.T, v.W)
	}
	z := v.T.Zero()
	for i, f := range v.T.Fields {
		z.R.([]rt.Value)[i] = word(f, v.W+i)
	}
	return z
}

// ifaceWords returns gc's two words of interface value x: its type's (the
// address of goro's type) and its data pointer — a pointer-shaped value
// itself, any other a copy in a new cell (goro's interfaces hold values,
// not boxes).
func ifaceWords(x rt.Value) (uintptr, *rt.Value) {
	i, ok := x.R.(Iface)
	if !ok {
		return 0, nil
	}
	if i.T.Kind == KPointer || i.T.Kind == KUnsafePointer {
		return HostAddr(i.T), PointerCell(i.V)
	}
	return HostAddr(i.T), &rt.Value{N: i.V.N, R: i.V.R}
}

// InterfaceData is reflect's Value.InterfaceData of interface value x:
// its two words (ifaceWords), the data pointer's address remembered.
func InterfaceData(x rt.Value) [2]uintptr {
	typ, data := ifaceWords(x)
	if data == nil {
		return [2]uintptr{typ, 0}
	}
	return [2]uintptr{typ, addressOf(data)}
}

// Load returns the cell seen as v.T.
func (v *View) Load() rt.Value {
	switch {
	case v.Header:
		return v.header()
	case v.Bytes && v.CT.Kind == KString:
		if str(*v.Cell) == "" {
			return rt.Value{} // no data: a nil slice, as gc's header reads
		}
		return rt.Value{R: bytesToValues([]byte(str(*v.Cell)))}
	case v.Bytes:
		vs, _ := v.Cell.R.([]rt.Value)
		return rt.Value{R: valuesToString(vs)}
	}
	w := asType(v.seen(), *v.Cell)
	if v.seen().isDeep() {
		w = copyDeep(v.CT, w)
	}
	if v.F < 0 {
		return w
	}
	z := v.T.Zero()
	z.R.([]rt.Value)[v.F] = w
	return z
}

// Store writes x, a v.T, into the cell as the cell's type keeps it (a
// narrower integer into the word's low bytes).
func (v *View) Store(x rt.Value) {
	t := v.seen()
	if v.F >= 0 {
		x = x.R.([]rt.Value)[v.F]
	}
	if t.Kind.IsInteger() && t.Size < v.CT.Size {
		mask := uint64(1)<<(8*t.Size) - 1
		x.N = v.Cell.N&^mask | x.N&mask
	}
	if t.isDeep() {
		x = copyDeep(t, x)
	}
	*v.Cell = asType(v.CT, x)
}

// Partial reports whether the view sees only part of its cell's word.
func (v *View) Partial() bool { return v.seen().Size < v.CT.Size }

// viewOp does in — a Load, Store, FieldAddr... whose pointer operand was
// not a cell — through a View, and reports true; for a nil pointer it
// panics as gc does, and for a view the operation cannot go through it
// reports that as unsupported (false both).
func (t *Thread) viewOp(in *instr, regs []rt.Value) bool {
	ptr := regs[in.b]
	if in.op == opStore || in.op == opStoreDeep {
		ptr = regs[in.a]
	}
	v, ok := ptr.R.(*View)
	if !ok {
		t.badPointer(ptr)
		return false
	}
	t.faultAddr = 0 // FieldAddr's, for a nil pointer
	switch in.op {
	case opLoad, opLoadDeep:
		regs[in.a] = v.Load()
		return true
	case opStore, opStoreDeep:
		if v.Header || v.Bytes {
			break // gc's header is the string's or slice's own: goro's are not words
		}
		v.Store(regs[in.b])
		return true
	case opFieldAddr:
		if v.Header && v.T.Kind == KStruct {
			regs[in.a] = rt.Value{R: &View{Cell: v.Cell, CT: v.CT, T: v.T.Fields[in.c], F: -1, Header: true, W: v.W + int(in.c)}}
			return true
		}
		if v.F < 0 {
			break
		}
		c := int(in.c)
		if c != v.F {
			// A zero-size field: it has no memory to share.
			regs[in.a] = rt.Value{R: t.m.zeroCell(v.T.Fields[c])}
			return true
		}
		p, ok := viewPointer(v.Cell, v.CT, v.T.Fields[c])
		if ok {
			regs[in.a] = p
			return true
		}
	}
	t.Unsupported(fmt.Sprintf("%s through a *%s that sees a %s (goro views a cell as another type only to load, store and take its field)", in.op, v.T, v.CT))
	return false
}

// convertView converts pointer p (a cell of type from, or a View) to a
// pointer to t, as (*T)(unsafe.Pointer(p)) does.
func (t *Thread) convertView(p rt.Value, from, to *Type) (rt.Value, bool) {
	var q rt.Value
	ok := true
	switch c := p.R.(type) {
	case nil:
		return rt.Value{}, true
	case *rt.Value:
		q, ok = viewPointer(c, from, to)
	case *View:
		if c.Header && c.W > 0 || c.Bytes {
			ok = false // a header's length or capacity word seen again
			break
		}
		q, ok = viewPointer(c.Cell, c.CT, to)
	case RawAddr:
		return p, true // the number, seen as any pointer
	}
	if !ok {
		t.Unsupported(fmt.Sprintf("converting *%s to *%s through unsafe.Pointer (goro does not reinterpret memory of one type as another)", from, to))
	}
	return q, ok
}
