// Map keys of every index kind goro specialises (integers and bools, floats, strings) and of the
// generic one (interfaces, structs, arrays, pointers): equality of -0 and +0, NaN keys that are
// never found, incomparable dynamic types in interface keys, deletion and clear during iteration,
// compaction after many deletions, and make's size hint.
package main

import (
	"fmt"
	"math"
	"sort"
)

func sortedInts(m map[int]int) []int {
	var ks []int
	for k := range m {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	return ks
}

type pt struct {
	x, y int
	s    string
}

func hashPanic(f func()) {
	defer func() { fmt.Println("recovered:", recover()) }()
	f()
}

func main() {
	// Integer and bool keys.
	m8 := map[int8]string{-1: "minus one", 127: "max", -128: "min"}
	fmt.Println(m8[-1], m8[127], m8[-128], len(m8))
	mu := map[uint64]int{math.MaxUint64: 1, 0: 2}
	mu[math.MaxUint64]++
	fmt.Println(mu[math.MaxUint64], mu[0], mu[1])
	mb := map[bool]int{}
	mb[true]++
	mb[true]++
	mb[false]--
	fmt.Println(mb[true], mb[false], len(mb))
	type myInt int
	mi := map[myInt]int{3: 9}
	v, ok := mi[3]
	fmt.Println(v, ok)
	ru := map[rune]bool{'é': true}
	fmt.Println(ru['é'], ru['e'])

	// Float keys: -0 == +0; NaN is never equal to itself.
	mf := map[float64]int{}
	mf[0] = 1
	negz := math.Copysign(0, -1)
	mf[negz] = 2
	fmt.Println(len(mf), mf[0], mf[negz])
	nan := math.NaN()
	mf[nan] = 3
	mf[nan] = 4
	_, found := mf[nan]
	fmt.Println(len(mf), found)
	delete(mf, nan)
	fmt.Println(len(mf))
	nans, sum := 0, 0
	for k, v := range mf {
		if k != k {
			nans++
		}
		sum += v
	}
	fmt.Println("nans", nans, "sum", sum)
	clear(mf)
	fmt.Println(len(mf))
	mf32 := map[float32]string{1.5: "a", float32(math.Inf(-1)): "-inf"}
	fmt.Println(mf32[1.5], mf32[float32(math.Inf(-1))], len(mf32))

	// String keys.
	ms := map[string]int{"": 1, "a": 2}
	ms["a"] += 10
	b := []byte("xyz")
	ms[string(b)] = 5
	b[0] = 'q' // the key must not change
	fmt.Println(ms[""], ms["a"], ms["xyz"], ms["qyz"], len(ms))

	// Interface keys: dynamic types and values; NaN inside; incomparable types panic.
	mif := map[any]int{}
	mif[1] = 1
	mif[int64(1)] = 2
	mif["1"] = 3
	mif[1.0] = 4
	mif[nan] = 5
	mif[nan] = 6
	mif[pt{1, 2, "p"}] = 7
	mif[[2]string{"a", "b"}] = 8
	fmt.Println(len(mif), mif[1], mif[int64(1)], mif["1"], mif[1.0], mif[pt{1, 2, "p"}], mif[[2]string{"a", "b"}])
	hashPanic(func() { mif[[]int{1}] = 1 })
	hashPanic(func() { _ = mif[map[int]int{}] })
	hashPanic(func() { delete(mif, func() {}) })
	hashPanic(func() { mif[[1]any{[]int{}}] = 1 })

	// Struct, array and pointer keys.
	mp := map[pt]int{{1, 2, "a"}: 1}
	mp[pt{1, 2, "a"}]++
	mp[pt{2, 1, "a"}]++
	fmt.Println(mp[pt{1, 2, "a"}], mp[pt{2, 1, "a"}], len(mp))
	x, y := new(int), new(int)
	mptr := map[*int]string{x: "x", y: "y"}
	fmt.Println(mptr[x], mptr[y], len(mptr))
	ma := map[[3]float64]int{{0, 1, 2}: 1}
	fmt.Println(ma[[3]float64{negz, 1, 2}])

	// Deletion during iteration: entries not yet reached are not produced.
	md := map[int]int{}
	for i := 0; i < 100; i++ {
		md[i] = i
	}
	iters := 0
	for k := range md {
		for j := 0; j < 100; j++ {
			if j != k {
				delete(md, j)
			}
		}
		iters++
	}
	fmt.Println("delete during range:", iters, len(md))
	for i := 0; i < 100; i++ {
		md[i] = i
	}
	iters = 0
	for range md {
		clear(md)
		iters++
	}
	fmt.Println("clear during range:", iters, len(md))
	// Inserting during iteration (the entries grow), then deleting entries not yet reached.
	clear(md)
	for i := 0; i < 6; i++ {
		md[i] = i
	}
	seen := map[int]bool{}
	for k := range md {
		seen[k] = true
		if len(seen) == 1 {
			for j := 1000; j < 1100; j++ {
				md[j] = j
			}
			for j := 0; j < 6; j++ {
				if j != k {
					delete(md, j)
				}
			}
		}
	}
	old := 0
	for k := range seen {
		if k < 6 {
			old++
		}
	}
	fmt.Println("insert and delete during range:", old, len(md))

	// Many deletions, then inserts (the entries are compacted) and updates during iteration.
	mc := make(map[int]int, 10)
	for i := 0; i < 1000; i++ {
		mc[i*7919] = i
	}
	for i := 0; i < 1000; i++ {
		if i%10 != 0 {
			delete(mc, i*7919)
		}
	}
	for i := 0; i < 500; i++ {
		mc[-i-1] = i
	}
	total := 0
	for k, v := range mc {
		mc[k] = v + 1
		total += v
	}
	fmt.Println(len(mc), total, mc[990*7919], mc[-500], sortedInts(mc)[:5])
	n := 1 << 40
	big := make(map[int]int, n)
	big[1] = 1
	fmt.Println(len(big))
}
