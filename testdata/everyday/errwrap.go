// errwrap models error handling in a small order service: sentinel errors,
// custom error types, %w wrapping (single and multiple), errors.Is/As/Join
// and walking an error chain for logging.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
)

var (
	ErrNotFound     = errors.New("not found")
	ErrUnauthorized = errors.New("unauthorized")
	ErrOutOfStock   = errors.New("out of stock")
)

type ValidationError struct {
	Field  string
	Reason string
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid %s: %s", e.Field, e.Reason)
}

// HTTPError carries a status code and wraps the cause.
type HTTPError struct {
	Code  int
	Cause error
}

func (e HTTPError) Error() string { return fmt.Sprintf("http %d: %v", e.Code, e.Cause) }
func (e HTTPError) Unwrap() error { return e.Cause }

// Is lets errors.Is(err, HTTPError{Code: 404}) match any 404.
func (e HTTPError) Is(target error) bool {
	t, ok := target.(HTTPError)
	return ok && t.Code == e.Code && t.Cause == nil
}

type order struct {
	id    string
	user  string
	qty   string
	items []string
}

var stock = map[string]int{"apple": 5, "pear": 0}

func validate(o order) error {
	var errs []error
	if o.user == "" {
		errs = append(errs, &ValidationError{"user", "must not be empty"})
	}
	if _, err := strconv.Atoi(o.qty); err != nil {
		errs = append(errs, fmt.Errorf("qty: %w", err))
	}
	if len(o.items) == 0 {
		errs = append(errs, &ValidationError{"items", "at least one required"})
	}
	return errors.Join(errs...)
}

func place(o order) error {
	if o.user == "mallory" {
		return HTTPError{403, fmt.Errorf("user %s: %w", o.user, ErrUnauthorized)}
	}
	if err := validate(o); err != nil {
		return fmt.Errorf("order %s: validation failed: %w", o.id, err)
	}
	for _, it := range o.items {
		n, ok := stock[it]
		if !ok {
			return HTTPError{404, fmt.Errorf("item %q: %w", it, ErrNotFound)}
		}
		if n == 0 {
			return fmt.Errorf("order %s: %w and %w", o.id, ErrOutOfStock, &fs.PathError{Op: "reserve", Path: it, Err: fs.ErrNotExist})
		}
	}
	return nil
}

func chain(err error) []string {
	var out []string
	for err != nil {
		out = append(out, fmt.Sprintf("%T", err))
		err = errors.Unwrap(err)
	}
	return out
}

func main() {
	orders := []order{
		{"o1", "alice", "2", []string{"apple"}},
		{"o2", "", "two", nil},
		{"o3", "bob", "1", []string{"kiwi"}},
		{"o4", "mallory", "1", []string{"apple"}},
		{"o5", "carol", "3", []string{"apple", "pear"}},
	}
	for _, o := range orders {
		err := place(o)
		fmt.Printf("== %s: %v\n", o.id, err)
		if err == nil {
			continue
		}
		fmt.Println("   chain:", chain(err))
		fmt.Println("   is NotFound:", errors.Is(err, ErrNotFound),
			"Unauthorized:", errors.Is(err, ErrUnauthorized),
			"OutOfStock:", errors.Is(err, ErrOutOfStock),
			"404:", errors.Is(err, HTTPError{Code: 404}),
			"fs.ErrNotExist:", errors.Is(err, fs.ErrNotExist))
		var ve *ValidationError
		if errors.As(err, &ve) {
			fmt.Printf("   first validation error: field=%s reason=%q\n", ve.Field, ve.Reason)
		}
		var he HTTPError
		if errors.As(err, &he) {
			fmt.Printf("   http status %d, cause: %v\n", he.Code, he.Cause)
		}
		var ne *strconv.NumError
		if errors.As(err, &ne) {
			fmt.Printf("   number error in %s for %q\n", ne.Func, ne.Num)
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			fmt.Printf("   path error op=%s path=%s\n", pe.Op, pe.Path)
		}
		if j, ok := errors.Unwrap(err).(interface{ Unwrap() []error }); ok {
			for i, e := range j.Unwrap() {
				fmt.Printf("   joined[%d]: %v\n", i, e)
			}
		}
		if m, ok := err.(interface{ Unwrap() []error }); ok {
			fmt.Println("   multi-wrapped count:", len(m.Unwrap()))
		}
	}

	joined := errors.Join(nil, nil)
	fmt.Println("join of nils is nil:", joined == nil)
	e1 := fmt.Errorf("context: %v", ErrNotFound) // %v does not wrap
	fmt.Println("wrapped with v-verb?", errors.Is(e1, ErrNotFound), "unwrap:", errors.Unwrap(e1))
	var target *ValidationError
	fmt.Println("As on nil:", errors.As(nil, &target))
	fmt.Printf("%%+v of joined: %+v\n", errors.Join(errors.New("a"), errors.New("b")))
	fmt.Printf("%%q: %q\n", ErrOutOfStock)
	fmt.Printf("%%s of HTTPError: %s\n", HTTPError{500, errors.New("boom")})
}
