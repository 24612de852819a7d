// Maps: insertion, deletion, lookup with comma-ok, struct keys, sorted iteration.
package main

import (
	"fmt"
	"maps"
	"slices"
	"sort"
)

type point struct{ x, y int }

func main() {
	m := map[string]int{"one": 1, "two": 2, "three": 3}
	m["four"] = 4
	delete(m, "two")
	delete(m, "absent")
	v, ok := m["two"]
	fmt.Println(len(m), v, ok, m["one"])
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, m[k])
	}
	// fmt prints maps with sorted keys.
	fmt.Println(m)

	counts := map[rune]int{}
	for _, r := range "mississippi" {
		counts[r]++
	}
	fmt.Println(counts)

	grid := map[point]string{{1, 2}: "a", {0, 0}: "origin"}
	grid[point{1, 2}] += "b"
	fmt.Println(grid[point{1, 2}], grid[point{0, 0}], len(grid))

	var nilmap map[string]int
	fmt.Println(nilmap["x"], len(nilmap), nilmap == nil)
	for range nilmap {
		fmt.Println("unreachable")
	}

	nested := map[string][]int{}
	nested["a"] = append(nested["a"], 1, 2)
	nested["b"] = append(nested["b"], 3)
	fmt.Println(nested)

	// Deleting during iteration is allowed.
	big := map[int]bool{}
	for i := 0; i < 100; i++ {
		big[i] = i%2 == 0
	}
	for k, even := range big {
		if !even {
			delete(big, k)
		}
	}
	fmt.Println(len(big))
	sorted := slices.Sorted(maps.Keys(map[int]string{3: "c", 1: "a", 2: "b"}))
	fmt.Println(sorted)
	var iface map[any]int = map[any]int{1: 1, "1": 2, 1.5: 3, true: 4}
	fmt.Println(iface[1], iface["1"], iface[1.5], iface[true], iface[false])
	clear(m)
	fmt.Println(len(m))
}
