// iterators uses Go 1.23 iterators: the slices and maps helpers, custom
// iter.Seq / iter.Seq2 producers, adapters, early break, and iter.Pull.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

// Fib yields Fibonacci numbers forever; the consumer decides when to stop.
func Fib() iter.Seq[int] {
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

func Filter[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func Map[T, U any](seq iter.Seq[T], f func(T) U) iter.Seq[U] {
	return func(yield func(U) bool) {
		for v := range seq {
			if !yield(f(v)) {
				return
			}
		}
	}
}

func Take[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		i := 0
		for v := range seq {
			if i == n || !yield(v) {
				return
			}
			i++
		}
	}
}

// Lines yields (line number, text) pairs.
func Lines(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, l := range strings.Split(s, "\n") {
			if !yield(i+1, l) {
				return
			}
		}
	}
}

func main() {
	fmt.Println("first 12 fib:", slices.Collect(Take(Fib(), 12)))
	evens := Filter(Fib(), func(n int) bool { return n%2 == 0 })
	fmt.Println("even fib squares:", slices.Collect(Take(Map(evens, func(n int) int { return n * n }), 6)))

	for n := range Fib() {
		if n > 100 {
			fmt.Println("first fib over 100:", n)
			break
		}
	}

	stock := map[string]int{"pears": 3, "apples": 10, "kiwis": 0, "plums": 7}
	fmt.Println("sorted keys:", slices.Sorted(maps.Keys(stock)))
	vals := slices.Sorted(maps.Values(stock))
	fmt.Println("sorted values:", vals)
	inStock := maps.Collect(func(yield func(string, int) bool) {
		for k, v := range stock {
			if v > 0 && !yield(strings.ToUpper(k), v) {
				return
			}
		}
	})
	for _, k := range slices.Sorted(maps.Keys(inStock)) {
		fmt.Printf("  %s=%d\n", k, inStock[k])
	}

	words := []string{"delta", "alpha", "charlie", "bravo"}
	for i, w := range slices.All(words) {
		fmt.Print(i, ":", w, " ")
	}
	fmt.Println()
	for i, w := range slices.Backward(words) {
		fmt.Print(i, ":", w, " ")
	}
	fmt.Println()
	fmt.Println("chunks:", slices.Collect(slices.Chunk([]int{1, 2, 3, 4, 5, 6, 7}, 3)))
	sortedWords := slices.AppendSeq([]string{"zulu"}, slices.Values(slices.Sorted(slices.Values(words))))
	fmt.Println("append seq:", sortedWords)
	idx := maps.Collect(slices.All(words))
	fmt.Println("index map:", idx)

	for n, line := range Lines("alpha\nbeta\n\ngamma") {
		if line == "" {
			continue
		}
		fmt.Printf("line %d: %s\n", n, line)
	}

	// iter.Pull turns a push iterator into next/stop for zipping two sequences.
	next, stop := iter.Pull(Filter(Fib(), func(n int) bool { return n%3 == 0 }))
	defer stop()
	for i, w := range words {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Printf("zip %d: %s/%d\n", i, w, v)
	}
	stop()
	_, ok := next()
	fmt.Println("after stop ok:", ok)

	next2, stop2 := iter.Pull2(maps.All(map[string]int{"only": 1}))
	k, v, ok := next2()
	fmt.Println("pull2:", k, v, ok)
	_, _, ok = next2()
	fmt.Println("pull2 exhausted:", ok)
	stop2()

	fmt.Println("strings.SplitSeq:", slices.Collect(strings.SplitSeq("a,b,c", ",")))
	fmt.Println("strings.FieldsSeq:", slices.Collect(strings.FieldsSeq("  x  y z ")))
	fmt.Println("repeat:", slices.Repeat([]int{1, 2}, 3))
}
