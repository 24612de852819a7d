// generics builds a few reusable generic utilities: a Stack, Map/Filter/
// Reduce helpers, numeric constraints with ~ types, a Set over comparable
// keys and a generic pair type with methods.
package main

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

type Number interface {
	~int | ~int32 | ~int64 | ~float32 | ~float64
}

type (
	Meters float64
	Score  int
)

func Sum[T Number](xs []T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

func Average[T Number](xs []T) float64 { return float64(Sum(xs)) / float64(len(xs)) }

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

var ErrEmpty = errors.New("stack is empty")

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v ...T) { s.items = append(s.items, v...) }
func (s *Stack[T]) Len() int    { return len(s.items) }
func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, ErrEmpty
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}

type Set[T comparable] map[T]struct{}

func NewSet[T comparable](vs ...T) Set[T] {
	s := Set[T]{}
	for _, v := range vs {
		s[v] = struct{}{}
	}
	return s
}
func (s Set[T]) Has(v T) bool { _, ok := s[v]; return ok }
func (s Set[T]) Union(o Set[T]) Set[T] {
	r := NewSet[T]()
	for _, src := range []Set[T]{s, o} {
		for k := range src {
			r[k] = struct{}{}
		}
	}
	return r
}
func (s Set[T]) Intersect(o Set[T]) Set[T] {
	r := NewSet[T]()
	for k := range s {
		if o.Has(k) {
			r[k] = struct{}{}
		}
	}
	return r
}

func Sorted[T cmp.Ordered](s Set[T]) []T { return slices.Sorted(maps.Keys(s)) }

type Pair[K cmp.Ordered, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func main() {
	dists := []Meters{1.5, 2.25, 10}
	scores := []Score{90, 72, 85, 100}
	fmt.Printf("sum meters=%v (%T) avg=%.3f\n", Sum(dists), Sum(dists), Average(dists))
	fmt.Printf("sum scores=%v avg=%.2f float32 sum=%v\n", Sum(scores), Average(scores), Sum([]float32{0.1, 0.2}))

	fmt.Println("long distances:", Filter(dists, func(d Meters) bool { return d > 2 }), "as floats:", Map(dists, func(d Meters) float64 { return float64(d) * 100 }))
	words := strings.Fields("the generic gopher gathers great green grapes")
	lengths := Map(words, func(s string) int { return len(s) })
	gs := Filter(words, func(s string) bool { return strings.HasPrefix(s, "g") })
	joined := Reduce(gs, "", func(acc, s string) string { return acc + strings.ToUpper(s[:1]) })
	fmt.Println("lengths:", lengths, "g-words:", gs, "initials:", joined)
	fmt.Println("total letters:", Reduce(lengths, 0, func(a, b int) int { return a + b }))
	pairs := Map(words[:3], func(w string) Pair[string, int] { return Pair[string, int]{w, len(w)} })
	fmt.Println("pairs:", pairs)

	var st Stack[string]
	st.Push("a", "b", "c")
	for st.Len() > 0 {
		v, _ := st.Pop()
		fmt.Print(v, " ")
	}
	_, err := st.Pop()
	fmt.Println("| pop empty:", err, errors.Is(err, ErrEmpty))
	ps := &Stack[Pair[int, []string]]{}
	ps.Push(Pair[int, []string]{1, []string{"x"}})
	top, _ := ps.Pop()
	fmt.Printf("stack of pairs: %v %T\n", top, top)

	a := NewSet(1, 2, 3, 4)
	b := NewSet(3, 4, 5)
	fmt.Println("union:", Sorted(a.Union(b)), "intersect:", Sorted(a.Intersect(b)), "has 5:", a.Has(5))
	cs := NewSet([2]int{0, 0}, [2]int{1, 2}, [2]int{0, 0})
	fmt.Println("coord set size:", len(cs), cs.Has([2]int{1, 2}))
}
