// Mapops: map insert, lookup, update and delete with int keys, then insert and lookup with string
// keys — measures hashing and map growth. Usage: mapops [keys] (default 1000000; the string-key
// phase uses keys/4 keys).
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: mapops [keys]")
			os.Exit(2)
		}
		n = v
	}
	// int keys: spread over a larger range by multiplying by an odd constant.
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i*7919] = i
	}
	sum, hits := 0, 0
	for i := 0; i < 2*n; i++ {
		if v, ok := m[i*7919]; ok {
			sum += v
			hits++
		}
	}
	for i := 0; i < n; i += 2 {
		m[i*7919] += 3
	}
	for i := 1; i < n; i += 4 {
		delete(m, i*7919)
	}
	for _, v := range m {
		sum += v
	}
	fmt.Printf("int keys: %d hits: %d len: %d sum: %d\n", n, hits, len(m), sum)

	// string keys
	ns := n / 4
	keys := make([]string, ns)
	for i := range keys {
		keys[i] = "key-" + strconv.Itoa(i*31)
	}
	ms := make(map[string]int)
	for i, k := range keys {
		ms[k] = i
	}
	ssum, shits := 0, 0
	for round := 0; round < 2; round++ {
		for _, k := range keys {
			if v, ok := ms[k]; ok {
				ssum += v
				shits++
			}
		}
	}
	if _, ok := ms["absent"]; ok {
		shits = -1
	}
	fmt.Printf("string keys: %d hits: %d len: %d sum: %d\n", ns, shits, len(ms), ssum)
}
