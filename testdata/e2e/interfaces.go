// Interfaces: dynamic dispatch, embedding, type switches, assertions, nil interfaces.
package main

import (
	"errors"
	"fmt"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Shape
	Name() string
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64         { return r.W * r.H }
func (r Rect) Perimeter() float64    { return 2 * (r.W + r.H) }
func (r Rect) Name() string          { return "rect" }
func (c *Circle) Area() float64      { return 3 * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 6 * c.R }

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func mayFail(fail bool) error {
	var e *MyErr
	if fail {
		e = &MyErr{42}
		return e
	}
	return nil
}

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string " + x
	case []int:
		return fmt.Sprintf("slice of %d", len(x))
	case error:
		return "error " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	case func() int:
		return fmt.Sprint("func returning ", x())
	default:
		return fmt.Sprintf("other %T", x)
	}
}

type str string

func (s str) String() string { return "<" + string(s) + ">" }

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}}
	for _, s := range shapes {
		fmt.Printf("%T %.1f %.1f\n", s, s.Area(), s.Perimeter())
		if n, ok := s.(Named); ok {
			fmt.Println("named", n.Name())
		}
	}
	var s Shape
	fmt.Println(s == nil)
	s = Rect{1, 1}
	r := s.(Rect)
	fmt.Println(r.W)
	_, ok := s.(*Circle)
	fmt.Println(ok)

	for _, v := range []any{nil, 1, int64(2), "hi", []int{1, 2}, errors.New("bad"), str("x"), func() int { return 7 }, 3.5, struct{}{}} {
		fmt.Println(describe(v))
	}

	err := mayFail(true)
	var me *MyErr
	fmt.Println(err, errors.As(err, &me), me.Code)
	wrapped := fmt.Errorf("wrap: %w", err)
	fmt.Println(wrapped, errors.Unwrap(wrapped) == err, errors.Is(wrapped, err))

	var a, b any = 1, 1
	fmt.Println(a == b, a != any(1.0), any("x") == any("x"))
	var e1 error
	var p *MyErr
	fmt.Println(e1 == nil, error(p) == nil)
	var st fmt.Stringer = str("y")
	if sv, ok := st.(interface{ String() string }); ok {
		fmt.Println(sv.String())
	}
}
