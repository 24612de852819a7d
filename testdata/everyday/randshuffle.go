// randshuffle runs a reproducible card-game and sampling simulation with
// math/rand/v2 seeded PCG and ChaCha8 sources.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

var suits = []string{"♠", "♥", "♦", "♣"}
var ranks = []string{"A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K"}

func newDeck() []string {
	deck := make([]string, 0, 52)
	for _, s := range suits {
		for _, r := range ranks {
			deck = append(deck, r+s)
		}
	}
	return deck
}

func main() {
	rng := rand.New(rand.NewPCG(1, 2))

	deck := newDeck()
	rng.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	hands := make([][]string, 4)
	for i := 0; i < 20; i++ {
		hands[i%4] = append(hands[i%4], deck[i])
	}
	for i, h := range hands {
		fmt.Printf("player %d: %s\n", i+1, strings.Join(h, " "))
	}

	fmt.Println("perm(10):", rng.Perm(10))
	var dice [6]int
	for i := 0; i < 600; i++ {
		dice[rng.IntN(6)]++
	}
	fmt.Println("600 dice rolls:", dice)
	fmt.Println("Int64N(1e12):", rng.Int64N(1_000_000_000_000), "Uint32:", rng.Uint32(), "Uint64:", rng.Uint64())
	fmt.Printf("Float64: %.6f  Float32: %.4f\n", rng.Float64(), rng.Float32())
	fmt.Println("UintN(100):", rng.UintN(100), "Int32N(50):", rng.Int32N(50))

	// Normal samples: mean and stddev of 10k draws.
	const n = 10000
	var sum, sumSq float64
	first := make([]string, 5)
	for i := 0; i < n; i++ {
		x := rng.NormFloat64()*2 + 10
		if i < 5 {
			first[i] = fmt.Sprintf("%.4f", x)
		}
		sum += x
		sumSq += x * x
	}
	mean := sum / n
	std := math.Sqrt(sumSq/n - mean*mean)
	fmt.Println("first normals:", strings.Join(first, " "))
	fmt.Printf("normal mean=%.4f std=%.4f\n", mean, std)
	fmt.Printf("exp sample: %.4f\n", rng.ExpFloat64())

	// Weighted choice.
	items := []string{"common", "uncommon", "rare", "legendary"}
	weights := []int{70, 20, 9, 1}
	total := 0
	for _, w := range weights {
		total += w
	}
	counts := map[string]int{}
	for i := 0; i < 1000; i++ {
		r := rng.IntN(total)
		for j, w := range weights {
			if r < w {
				counts[items[j]]++
				break
			}
			r -= w
		}
	}
	for _, it := range items {
		fmt.Printf("  %-9s %d\n", it, counts[it])
	}

	// Reservoir sampling of 5 from 1..1000.
	res := make([]int, 5)
	for i := 1; i <= 1000; i++ {
		if i <= 5 {
			res[i-1] = i
		} else if j := rng.IntN(i); j < 5 {
			res[j] = i
		}
	}
	slices.Sort(res)
	fmt.Println("reservoir:", res)

	// Same seed, same sequence; ChaCha8 with a fixed seed.
	a := rand.New(rand.NewPCG(42, 42))
	b := rand.New(rand.NewPCG(42, 42))
	same := true
	for i := 0; i < 100; i++ {
		if a.Uint64() != b.Uint64() {
			same = false
		}
	}
	fmt.Println("same seed same stream:", same)
	var seed [32]byte
	copy(seed[:], "goro deterministic chacha seed!!")
	cc := rand.New(rand.NewChaCha8(seed))
	fmt.Println("chacha8:", cc.IntN(1000), cc.IntN(1000), cc.IntN(1000))
	z := rand.NewZipf(rand.New(rand.NewPCG(7, 7)), 1.5, 2, 20)
	zs := make([]uint64, 10)
	for i := range zs {
		zs[i] = z.Uint64()
	}
	fmt.Println("zipf:", zs)
}
