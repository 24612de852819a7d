package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
)

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return "myerr " + strconv.Itoa(e.Code) }

type ValErr struct{ S string }

func (e ValErr) Error() string { return "valerr " + e.S }

var ErrSentinel = errors.New("sentinel")

func main() {
	e1 := fmt.Errorf("wrap: %w", ErrSentinel)
	fmt.Println(e1)
	fmt.Println(errors.Is(e1, ErrSentinel), errors.Is(e1, errors.New("sentinel")))
	fmt.Println(errors.Unwrap(e1) == ErrSentinel)
	e2 := fmt.Errorf("outer: %w", &MyErr{42})
	var me *MyErr
	fmt.Println(errors.As(e2, &me), me.Code)
	var ve ValErr
	e3 := fmt.Errorf("v: %w", ValErr{"s"})
	fmt.Println(errors.As(e3, &ve), ve.S)
	fmt.Println(errors.As(e1, &me))
	j := errors.Join(ErrSentinel, &MyErr{1}, nil)
	fmt.Println(j)
	fmt.Println(errors.Is(j, ErrSentinel))
	var target interface{ Error() string }
	fmt.Println(errors.As(e2, &target), target)
	e4 := fmt.Errorf("two: %w and %w", ErrSentinel, ValErr{"t"})
	fmt.Println(e4, errors.Is(e4, ErrSentinel), errors.As(e4, &ve))
	fmt.Printf("%v|%s|%q\n", e2, e2, e2)
	fmt.Printf("%+v %#v\n", ValErr{"x"}, ValErr{"x"})
	fmt.Println(fmt.Errorf("no wrap %d", 5))
	var err error = &fs.PathError{Op: "open", Path: "/nonexistent/file", Err: fs.ErrNotExist}
	fmt.Println(err, errors.Is(err, fs.ErrNotExist))
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, pe.Path)
	_, err = strconv.Atoi("xx")
	fmt.Println(err)
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, errors.Is(err, strconv.ErrSyntax))
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
	}()
	errors.As(e1, nil)
}
