// os's error types as gc's: a failed rename is a *LinkError whose text
// names both paths; SyscallError, IsTimeout, and ErrDeadlineExceeded as
// *poll.DeadlineExceededError.
package main

import (
	"errors"
	"fmt"
	"os"
)

func main() {
	err := os.Rename("/nonexistent/a", "/nonexistent/b")
	fmt.Println(err)
	var le *os.LinkError
	fmt.Println(errors.As(err, &le), errors.Is(err, os.ErrNotExist))
	if le != nil {
		fmt.Println(le.Op, le.Old, le.New, le.Unwrap())
	}
	se := os.NewSyscallError("open", os.ErrPermission)
	fmt.Println(se, errors.Is(se, os.ErrPermission), os.IsTimeout(se))
	fmt.Println(os.NewSyscallError("x", nil) == nil)
	fmt.Println(os.IsTimeout(os.NewSyscallError("read", os.ErrDeadlineExceeded)))
	fmt.Println(os.ErrDeadlineExceeded, os.IsTimeout(os.ErrDeadlineExceeded), errors.Is(fmt.Errorf("w: %w", os.ErrDeadlineExceeded), os.ErrDeadlineExceeded))
	fmt.Printf("%T\n", os.ErrDeadlineExceeded)
	var nilErr *os.LinkError = &os.LinkError{Op: "link", Old: "a", New: "b"}
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(nilErr.Error())
}
