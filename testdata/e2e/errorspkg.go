// errors: New, wrapping with %w, Is, As, Join, custom Is/Unwrap methods.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type QueryErr struct {
	Query string
	Err   error
}

func (e *QueryErr) Error() string { return "query " + e.Query + ": " + e.Err.Error() }
func (e *QueryErr) Unwrap() error { return e.Err }

type tempErr int

func (t tempErr) Error() string        { return "temp " + strconv.Itoa(int(t)) }
func (t tempErr) Is(target error) bool { return target == ErrNotFound && t > 0 }

func find(q string) error {
	if q == "" {
		return nil
	}
	return &QueryErr{q, ErrNotFound}
}

func main() {
	err := find("users")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Unwrap(err) == ErrNotFound)
	var qe *QueryErr
	if errors.As(err, &qe) {
		fmt.Println("query was", qe.Query)
	}
	w := fmt.Errorf("layer2: %w", fmt.Errorf("layer1: %w", err))
	fmt.Println(w)
	fmt.Println(errors.Is(w, ErrNotFound))
	fmt.Println(find("") == nil)

	j := errors.Join(errors.New("a"), nil, tempErr(1))
	fmt.Println(j)
	fmt.Println(errors.Is(j, ErrNotFound), errors.Is(tempErr(0), ErrNotFound))
	var te tempErr
	fmt.Println(errors.As(j, &te), te)
	multi := fmt.Errorf("both: %w and %w", ErrNotFound, tempErr(2))
	fmt.Println(multi, errors.Is(multi, ErrNotFound))
	_, err = strconv.Atoi("x")
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num, ne.Err == strconv.ErrSyntax)
	fmt.Printf("%v|%s|%q\n", ErrNotFound, ErrNotFound, ErrNotFound)
}
