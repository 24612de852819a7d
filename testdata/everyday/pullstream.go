// pullstream merges sorted event streams with iter.Pull / iter.Pull2 and
// shows range-over-func generators with early exit and cleanup via defer.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

type event struct {
	ts  int
	src string
	msg string
}

// events yields a source's log entries in timestamp order and reports when
// the consumer stops early.
func events(src string, stamps ...int) iter.Seq[event] {
	return func(yield func(event) bool) {
		defer fmt.Printf("  [%s closed]\n", src)
		for i, ts := range stamps {
			if !yield(event{ts, src, fmt.Sprintf("%s-%d", src, i+1)}) {
				return
			}
		}
	}
}

// merge combines two sorted sequences into one sorted sequence.
func merge(a, b iter.Seq[event]) iter.Seq[event] {
	return func(yield func(event) bool) {
		nextA, stopA := iter.Pull(a)
		defer stopA()
		nextB, stopB := iter.Pull(b)
		defer stopB()
		ea, okA := nextA()
		eb, okB := nextB()
		for okA || okB {
			if okA && (!okB || ea.ts <= eb.ts) {
				if !yield(ea) {
					return
				}
				ea, okA = nextA()
			} else {
				if !yield(eb) {
					return
				}
				eb, okB = nextB()
			}
		}
	}
}

func numbered(words []string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, w := range words {
			if !yield(i+1, w) {
				return
			}
		}
	}
}

func fib() iter.Seq[int] {
	return func(yield func(int) bool) {
		a, b := 0, 1
		for {
			if !yield(a) {
				return
			}
			a, b = b, a+b
		}
	}
}

func main() {
	web := events("web", 1, 4, 5, 9, 12)
	db := events("db", 2, 3, 5, 10)

	fmt.Println("full merge:")
	for e := range merge(web, db) {
		fmt.Printf("  t=%-2d %s\n", e.ts, e.msg)
	}

	fmt.Println("merge until t>5:")
	for e := range merge(web, db) {
		if e.ts > 5 {
			break
		}
		fmt.Printf("  t=%-2d %s\n", e.ts, e.msg)
	}

	// Pull2 over a Seq2: zip two numbered lists.
	next1, stop1 := iter.Pull2(numbered([]string{"alpha", "beta", "gamma", "delta"}))
	next2, stop2 := iter.Pull2(numbered([]string{"one", "two", "three"}))
	for {
		i, a, ok1 := next1()
		_, b, ok2 := next2()
		if !ok1 || !ok2 {
			break
		}
		fmt.Printf("zip %d: %s/%s\n", i, a, b)
	}
	stop1()
	stop2()
	_, _, ok := next1()
	fmt.Println("next after stop:", ok)

	var fibs []int
	for n := range fib() {
		if n > 100 {
			break
		}
		fibs = append(fibs, n)
	}
	fmt.Println("fib <= 100:", fibs)

	counts := map[string]int{"go": 3, "rust": 2, "zig": 1, "c": 5}
	keys := slices.Sorted(maps.Keys(counts))
	fmt.Println("sorted keys:", keys)
	for i, k := range slices.Backward(keys) {
		fmt.Printf("backward %d %s=%d\n", i, k, counts[k])
	}
	upper := slices.Collect(func(yield func(string) bool) {
		for _, w := range strings.Fields("pull based iteration") {
			if !yield(strings.ToUpper(w)) {
				return
			}
		}
	})
	fmt.Println("collected:", upper)
	fmt.Println("split seq:", slices.Collect(strings.SplitSeq("a,b,c", ",")))

	// A panic inside the pulled generator propagates to the caller of next.
	bad := func(yield func(int) bool) {
		yield(1)
		panic("generator failed")
	}
	next, stop := iter.Pull(iter.Seq[int](bad))
	defer stop()
	v, _ := next()
	fmt.Println("first from bad generator:", v)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		next()
	}()
}
