package main

import (
	"errors"
	"fmt"
	"sort"
)

type SE struct{ L []int }

func (SE) Error() string { return "se" }

type P struct {
	N string
	A int
}

func main() {
	ps := []P{{"c", 3}, {"a", 1}, {"b", 2}}
	sort.Slice(ps, func(i, j int) bool { return ps[i].A < ps[j].A })
	fmt.Println(ps)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].N > ps[j].N })
	fmt.Println(ps)
	xs := []string{"q", "b", "z"}
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
	fmt.Println(xs, sort.SliceIsSorted(xs, func(i, j int) bool { return xs[i] < xs[j] }))
	var e error = SE{[]int{1}}
	fmt.Println(errors.Is(e, SE{}), errors.Is(fmt.Errorf("w: %w", e), e))
	func() {
		defer func() { fmt.Println(recover()) }()
		var se SE
		errors.As(e, se)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		var x int
		errors.As(e, &x)
	}()
	var target SE
	fmt.Println(errors.As(fmt.Errorf("%w", e), &target), target.L)
}
