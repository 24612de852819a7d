package lib

// internal/abi's type descriptors: abi.TypeOf and a map type's Hasher and
// its element's Equal, which internal/sync's HashTrieMap reads to hash
// and compare through unsafe.Pointer. goro's *abi.Type is a cell of
// internal/abi.Type with the fields gc's code reads (Size_, Kind_, Equal)
// set, one per type as gc's; its functions are natives over goro's values
// (the pointer a Hasher gets is the cell of its key).

import (
	"hash/maphash"
	"sync"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

var abiNatives = map[string]vm.NativeFunc{
	"internal/abi.TypeOf":          internal_abi_TypeOf,
	"internal/abi.TypeFor":         internal_abi_TypeFor,
	"(*internal/abi.Type).MapType": internal_abi_Type_MapType,
	"(*internal/abi.Type).Kind":    internal_abi_Type_Kind,
	"(*internal/abi.Type).Size":    internal_abi_Type_Size,
}

func init() { vm.RegisterNatives(abiNatives) }

type abiKey struct{}

// abiTypes is a program's descriptors: one cell per type, both ways.
type abiTypes struct {
	mu    sync.Mutex
	cells map[*vm.Type]*rt.Value
	types map[*rt.Value]*vm.Type
	maps  map[*vm.Type]*rt.Value // MapType descriptors
	seed  maphash.Seed
}

func abiOf(m *vm.Machine) *abiTypes {
	s, _ := m.LibState.LoadOrStore(abiKey{}, &abiTypes{
		cells: map[*vm.Type]*rt.Value{}, types: map[*rt.Value]*vm.Type{},
		maps: map[*vm.Type]*rt.Value{}, seed: maphash.MakeSeed(),
	})
	return s.(*abiTypes)
}

// abiType returns the *abi.Type of ty (nil for nil).
func abiType(m *vm.Machine, ty *vm.Type) rt.Value {
	if ty == nil {
		return rt.Value{}
	}
	s := abiOf(m)
	s.mu.Lock()
	defer s.mu.Unlock()
	return rt.Value{R: s.cell(m, ty)}
}

func (s *abiTypes) cell(m *vm.Machine, ty *vm.Type) *rt.Value {
	if c := s.cells[ty]; c != nil {
		return c
	}
	at := m.LookupType("internal/abi", "Type")
	c := &rt.Value{}
	*c = vm.CopyDeep(at, at.Zero())
	s.fill(m, at, *c, ty)
	s.cells[ty] = c
	s.types[c] = ty
	return c
}

// fill sets the fields of the abi.Type struct v describing ty.
func (s *abiTypes) fill(m *vm.Machine, at *vm.Type, v rt.Value, ty *vm.Type) {
	fs := v.R.([]rt.Value)
	fs[vm.FieldIndex(at, "Size_")] = rt.Value{N: uint64(ty.Size)}
	fs[vm.FieldIndex(at, "Kind_")] = rt.Value{N: uint64(reflectKind(ty))}
	if !ty.Incomparable() {
		fs[vm.FieldIndex(at, "Equal")] = m.NewNativeClosure(ty.String()+".equal", 2, 1, func(t *vm.Thread, a, r []rt.Value) {
			x, y := cellOf(t, a[0]), cellOf(t, a[1])
			if x == nil || y == nil {
				return
			}
			if bad := vm.UncomparablePair(ty, *x, *y); bad != nil {
				t.PanicRuntime("comparing uncomparable type " + bad.String())
				return
			}
			r[0] = rt.Value{N: b2u(vm.Equal(ty, *x, *y))}
		})
	}
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// abiTypeOf returns the type the *abi.Type v describes (nil: a nil
// pointer, and a panic is pending).
func abiTypeOf(t *vm.Thread, v rt.Value) *vm.Type {
	c := cellOf(t, v)
	if c == nil {
		return nil
	}
	s := abiOf(t.Machine())
	s.mu.Lock()
	defer s.mu.Unlock()
	ty := s.types[c]
	if ty == nil {
		t.Unsupported("an internal/abi.Type goro did not make")
	}
	return ty
}

// internal/abi.TypeOf: func TypeOf(a any) *Type
func internal_abi_TypeOf(t *vm.Thread, a, r []rt.Value) {
	if iv, ok := a[0].R.(vm.Iface); ok {
		r[0] = abiType(t.Machine(), iv.T)
	}
}

// internal/abi.TypeFor: func TypeFor[T any]() *Type
func internal_abi_TypeFor(t *vm.Thread, a, r []rt.Value) {
	r[0] = abiType(t.Machine(), t.CalleeTypeArgs()[0])
}

// (*internal/abi.Type).Kind: func (t *Type) Kind() Kind
func internal_abi_Type_Kind(t *vm.Thread, a, r []rt.Value) {
	if ty := abiTypeOf(t, a[0]); ty != nil {
		r[0] = rt.Value{N: uint64(reflectKind(ty))}
	}
}

// (*internal/abi.Type).Size: func (t *Type) Size() uintptr
func internal_abi_Type_Size(t *vm.Thread, a, r []rt.Value) {
	if ty := abiTypeOf(t, a[0]); ty != nil {
		r[0] = rt.Value{N: uint64(ty.Size)}
	}
}

// (*internal/abi.Type).MapType: func (t *Type) MapType() *MapType
// The MapType's Hasher hashes the key its pointer argument points to with
// the seed, as gc's: equal keys hash equally, an unhashable dynamic type
// panics.
func internal_abi_Type_MapType(t *vm.Thread, a, r []rt.Value) {
	ty := abiTypeOf(t, a[0])
	if ty == nil || ty.Kind != vm.KMap {
		return
	}
	m := t.Machine()
	s := abiOf(m)
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.maps[ty]; c != nil {
		r[0] = rt.Value{R: c}
		return
	}
	mt := m.LookupType("internal/abi", "MapType")
	c := &rt.Value{}
	*c = vm.CopyDeep(mt, mt.Zero())
	fs := c.R.([]rt.Value)
	at := m.LookupType("internal/abi", "Type")
	s.fill(m, at, fs[vm.FieldIndex(mt, "Type")], ty)
	fs[vm.FieldIndex(mt, "Key")] = rt.Value{R: s.cell(m, ty.Key)}
	fs[vm.FieldIndex(mt, "Elem")] = rt.Value{R: s.cell(m, ty.Elem)}
	key, seed := ty.Key, s.seed
	fs[vm.FieldIndex(mt, "Hasher")] = m.NewNativeClosure(ty.String()+".hasher", 2, 1, func(t *vm.Thread, a, r []rt.Value) {
		p := cellOf(t, a[0])
		if p == nil {
			return
		}
		k, bad := vm.HashKey(key, *p)
		if bad != nil {
			t.PanicRuntime("hash of unhashable type " + bad.String())
			return
		}
		r[0] = rt.Value{N: maphash.Comparable(seed, struct {
			k any
			s uint64
		}{k, a[1].N})}
	})
	s.maps[ty] = c
	s.types[c] = ty
	r[0] = rt.Value{R: c}
}
