package vm

import "testing"

// The decoder's one-byte fast paths agree with encoding/binary.
func TestCacheVarints(t *testing.T) {
	var e enc
	us := []uint64{0, 1, 127, 128, 300, 1 << 40, ^uint64(0)}
	is := []int64{0, 1, -1, 63, -64, 64, -65, 1 << 40, -(1 << 40), -1 << 63}
	for _, u := range us {
		e.u(u)
	}
	for _, i := range is {
		e.i(i)
	}
	d := &dec{b: e.b}
	for _, u := range us {
		if got := d.u(); got != u {
			t.Errorf("u: got %d, want %d", got, u)
		}
	}
	for _, i := range is {
		if got := d.i(); got != i {
			t.Errorf("i: got %d, want %d", got, i)
		}
	}
	if d.p != len(e.b) {
		t.Errorf("read %d of %d bytes", d.p, len(e.b))
	}
}
