package p0000

import (
	"cmp"
	"fmt"
	"strconv"
)

type u4Number interface {
	~int | ~int64 | ~float64 | ~uint8
}

type u4MyInt int

func (m u4MyInt) String() string { return "my" + strconv.Itoa(int(m)) }

func u4Sum[T u4Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func u4Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func u4Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func u4Index[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

func u4Max[T cmp.Ordered](a T, bs ...T) T {
	for _, b := range bs {
		if b > a {
			a = b
		}
	}
	return a
}

type u4Stringish interface{ ~string }

func u4Concat[S u4Stringish](xs []S) S {
	var s S
	for _, x := range xs {
		s += x + "/"
	}
	return s
}

type u4Stack[T any] struct{ items []T }

func (s *u4Stack[T]) Push(x T) { s.items = append(s.items, x) }

func (s *u4Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}

type u4Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p u4Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type u4Tree[T cmp.Ordered] struct {
	Left, Right *u4Tree[T]
	Val         T
}

func (t *u4Tree[T]) Insert(v T) *u4Tree[T] {
	if t == nil {
		return &u4Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *u4Tree[T]) walk(yield func(T) bool) bool {
	return t == nil || t.Left.walk(yield) && yield(t.Val) && t.Right.walk(yield)
}

func (t *u4Tree[T]) All(yield func(T) bool) { t.walk(yield) }

func u4Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	for _, x := range xs {
		init = f(init, x)
	}
	return init
}

func u4Kind[T any](x T) string {
	switch any(x).(type) {
	case int:
		return "int"
	case string:
		return "string"
	case fmt.Stringer:
		return "stringer"
	}
	return fmt.Sprintf("%T", x)
}

func unit4() {
	// generic.5
	{
		p := u4Pair[string, []int]{"k", []int{36, 26}}
		q := u4Pair[u4MyInt, bool]{3, true}
		fmt.Println(p, q)
		fmt.Printf("%v %+v %T\n", p, q, q)
	}
}

func Main() {
	unit4()
}
