package vm

import (
	"math/rand"
	"testing"
)

// TestWordIndex checks the word index against a host map through random
// inserts, deletes and lookups, with keys that collide in their low or
// high bits and a small key range (long probe runs, many deletions).
func TestWordIndex(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	keyGens := map[string]func() uint64{
		"small":  func() uint64 { return uint64(r.Intn(300)) },
		"stride": func() uint64 { return uint64(r.Intn(2000)) * 7919 << 20 },
		"high":   func() uint64 { return uint64(r.Intn(500)) << 56 },
		"any":    func() uint64 { return r.Uint64() },
	}
	for name, key := range keyGens {
		x := makeWordIndex(0)
		ref := map[uint64]int32{}
		for step := 0; step < 200000; step++ {
			k := key()
			switch r.Intn(3) {
			case 0:
				if _, ok := ref[k]; !ok {
					ref[k] = int32(step)
					x.put(k, int32(step))
				}
			case 1:
				delete(ref, k)
				x.del(k)
			}
			got, ok := x.get(k)
			want, wok := ref[k]
			if ok != wok || got != want {
				t.Fatalf("%s step %d: get(%#x) = %d, %v; want %d, %v", name, step, k, got, ok, want, wok)
			}
			if x.n != len(ref) {
				t.Fatalf("%s step %d: %d keys, want %d", name, step, x.n, len(ref))
			}
		}
		for k, want := range ref {
			if got, ok := x.get(k); !ok || got != want {
				t.Fatalf("%s: get(%#x) = %d, %v at the end; want %d", name, k, got, ok, want)
			}
		}
	}
}
