package lib

import (
	"crypto/sha3"
	"encoding/binary"
	"testing"
)

// TestKeccakF1600 checks the native permutation against the host's SHA3-256:
// one absorbed block of "abc" with SHA-3's padding, permuted once, gives the
// digest in its first 32 bytes.
func TestKeccakF1600(t *testing.T) {
	var st [25]uint64
	var block [136]byte // SHA3-256's rate
	copy(block[:], "abc")
	block[3] ^= 0x06
	block[135] ^= 0x80
	for i := range 136 / 8 {
		st[i] ^= binary.LittleEndian.Uint64(block[8*i:])
	}
	keccakF1600(&st)
	var got [32]byte
	for i := range 4 {
		binary.LittleEndian.PutUint64(got[8*i:], st[i])
	}
	if want := sha3.Sum256([]byte("abc")); got != want {
		t.Errorf("SHA3-256(abc) through keccakF1600 = %x, want %x", got, want)
	}
}
