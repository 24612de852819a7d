package vm

// wordIndex: the index of maps whose keys are one word (integers, bools,
// floats): an open-addressing hash table from uint64 keys to entry numbers,
// with linear probing, backward-shift deletion (no tombstones) and at most
// half of its slots used.
//
// A host map[uint64]int32 spends two cache misses on a lookup in a large
// map (its group's control word, then the slot); here a key and its entry
// number sit in one 16-byte slot and a probe sequence rarely leaves one
// cache line, so a lookup in a large map costs about one miss. The slots
// hold no pointers, so the host GC does not scan them.

// wordSlot is a key and its entry number + 1 (0: the slot is empty).
type wordSlot struct {
	key uint64
	idx int32
}

type wordIndex struct {
	slots []wordSlot // len is a power of two, or 0
	n     int        // keys present
	shift uint       // 64 - log2(len(slots))
}

// makeWordIndex returns an index with room for n keys.
func makeWordIndex(n int) wordIndex {
	size := 8
	for size < 2*n {
		size *= 2
	}
	var x wordIndex
	x.alloc(size)
	return x
}

func (x *wordIndex) alloc(size int) {
	x.slots = make([]wordSlot, size)
	x.shift = 64
	for s := size; s > 1; s >>= 1 {
		x.shift--
	}
}

// home is k's first slot: Fibonacci hashing of k with its high half
// folded in, so that keys differing only in high bits spread too.
func (x *wordIndex) home(k uint64) int {
	k ^= k >> 32
	return int((k * 0x9E3779B97F4A7C15) >> x.shift)
}

func (x *wordIndex) get(k uint64) (int32, bool) {
	mask := len(x.slots) - 1
	for i := x.home(k); ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.idx == 0 {
			return 0, false
		}
		if s.key == k {
			return s.idx - 1, true
		}
	}
}

// put adds k, which is not present, as entry e.
func (x *wordIndex) put(k uint64, e int32) {
	if 2*(x.n+1) > len(x.slots) {
		old := x.slots
		x.alloc(2 * len(old))
		for _, s := range old {
			if s.idx != 0 {
				x.insert(s)
			}
		}
	}
	x.insert(wordSlot{key: k, idx: e + 1})
	x.n++
}

func (x *wordIndex) insert(s wordSlot) {
	mask := len(x.slots) - 1
	i := x.home(s.key)
	for x.slots[i].idx != 0 {
		i = (i + 1) & mask
	}
	x.slots[i] = s
}

// del removes k if present, moving back the keys after it that probed
// past its slot.
func (x *wordIndex) del(k uint64) {
	mask := len(x.slots) - 1
	i := x.home(k)
	for {
		s := &x.slots[i]
		if s.idx == 0 {
			return
		}
		if s.key == k {
			break
		}
		i = (i + 1) & mask
	}
	for j := (i + 1) & mask; x.slots[j].idx != 0; j = (j + 1) & mask {
		// The key at j may fill the hole at i unless its home lies
		// cyclically in (i, j].
		h := x.home(x.slots[j].key)
		if (i < j && (h <= i || h > j)) || (i > j && h <= i && h > j) {
			x.slots[i] = x.slots[j]
			i = j
		}
	}
	x.slots[i] = wordSlot{}
	x.n--
}
