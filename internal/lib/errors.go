package lib

import (
	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

type errString string

func (e errString) Error() string { return string(e) }

// errorValue makes an error value the program can use from a host error:
// an *errors.errorString with the host error's text (nil for nil).
func errorValue(t *vm.Thread, err error) rt.Value {
	if err == nil {
		return rt.Value{}
	}
	return t.Machine().NewError(err.Error())
}
