package main

import (
	"errors"
	"fmt"
	"strconv"
)

type u4Shape interface {
	Area() float64
	Name() string
}

type u4Rect struct{ W, H float64 }

func (r u4Rect) Area() float64 { return float64(r.W * r.H) }
func (r u4Rect) Name() string  { return "rect" }

type u4Circle struct{ R float64 }

func (c *u4Circle) Area() float64 { return float64(3 * float64(c.R*c.R)) }
func (c *u4Circle) Name() string  { return "circle" }

type u4Celsius float64

func (c u4Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type u4MyErr struct{ Code int }

func (e *u4MyErr) Error() string { return fmt.Sprintf("myerr %d", e.Code) }

type u4ValErr string

func (e u4ValErr) Error() string { return "valerr: " + string(e) }

var u4ErrNotFound = errors.New("not found")

func u4Find(k int) error {
	switch k % 4 {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("find %d: %w", k, u4ErrNotFound)
	case 2:
		return fmt.Errorf("find %d: %w", k, &u4MyErr{k})
	}
	return u4ValErr(strconv.Itoa(k))
}

func u4Try(label string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(label, "recovered:", r)
		}
	}()
	f()
}

func unit4() {
	vals := []any{3.5, nil, u4Rect{}}
	_ = vals
	// iface.3
	u4Try("assert", func() {
		v := vals[1]
		fmt.Println(v.(fmt.Stringer))
	})
}

func main() {
	unit4()
}
