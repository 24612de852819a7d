// package os: files. An *os.File is a cell whose host file lives in the
// program's file table (os.go); errors are the program's own *fs.PathError
// values wrapping a syscall.Errno, so errors.Is(err, fs.ErrNotExist) and
// os.IsNotExist work as in gc. Reads and writes block the M (short host
// calls; a G blocked in a long one is future work: _Gsyscall hand-off).
package lib

import (
	"errors"
	"go/types"
	"io"
	"io/fs"
	"os"
	"syscall"
	"time"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

// osError converts a host error of an os call into the program's error.
func osError(t *vm.Thread, err error) rt.Value {
	if err == nil {
		return rt.Value{}
	}
	m := t.Machine()
	if err == io.EOF {
		if c := m.Global("io", "EOF"); c != nil {
			return *c
		}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		pt := m.LookupType("io/fs", "PathError")
		if pt != nil {
			cell := pt.Zero()
			fs := cell.R.([]rt.Value)
			fs[0], fs[1], fs[2] = rt.Value{R: pe.Op}, rt.Value{R: pe.Path}, errnoValue(t, pe.Err)
			return rt.Value{R: vm.Iface{T: m.TypeOf(types.NewPointer(pt.T)), V: rt.Value{R: &cell}}}
		}
	}
	return errnoValue(t, err)
}

// errnoValue makes a syscall.Errno value of a host errno (other errors
// become plain errors with the same text).
func errnoValue(t *vm.Thread, err error) rt.Value {
	var en syscall.Errno
	if errors.As(err, &en) {
		if et := t.Machine().LookupType("syscall", "Errno"); et != nil {
			return rt.Value{R: vm.Iface{T: et, V: rt.Value{N: uint64(en)}}}
		}
	}
	return errorValue(t, err)
}

// underlyingErrno finds the syscall.Errno in a program error (itself, or a
// *fs.PathError's Err).
func underlyingErrno(t *vm.Thread, v rt.Value) (syscall.Errno, bool) {
	iv, ok := v.R.(vm.Iface)
	if !ok {
		return 0, false
	}
	switch iv.T.String() {
	case "syscall.Errno":
		return syscall.Errno(iv.V.N), true
	case "*fs.PathError", "*os.LinkError", "*os.SyscallError":
		if p, _ := iv.V.R.(*rt.Value); p != nil {
			fs := p.R.([]rt.Value)
			return underlyingErrno(t, fs[len(fs)-1])
		}
	}
	return 0, false
}

// oserrorIs reports whether the program error v is (or wraps) the
// internal/oserror variable name.
func oserrorIs(t *vm.Thread, v rt.Value, name string, host error) bool {
	if c := t.Machine().Global("internal/oserror", name); c != nil && vm.EqualInterfaces(v, *c) {
		return true
	}
	if en, ok := underlyingErrno(t, v); ok {
		return en.Is(host)
	}
	return false
}

func newHostFile(t *vm.Thread, f *os.File) rt.Value {
	return newFile(t.Machine(), &hostFile{name: f.Name(), w: f, f: f})
}

func init() {
	reg := vm.RegisterNative
	open := func(t *vm.Thread, r []rt.Value, f *os.File, err error) {
		if err != nil {
			r[0], r[1] = rt.Value{}, osError(t, err)
			return
		}
		r[0], r[1] = newHostFile(t, f), rt.Value{}
	}
	reg("os.Open", func(t *vm.Thread, a, r []rt.Value) { f, err := os.Open(vm.Str(a[0])); open(t, r, f, err) })
	reg("os.Create", func(t *vm.Thread, a, r []rt.Value) { f, err := os.Create(vm.Str(a[0])); open(t, r, f, err) })
	reg("os.OpenFile", func(t *vm.Thread, a, r []rt.Value) {
		f, err := os.OpenFile(vm.Str(a[0]), int(int64(a[1].N)), fs.FileMode(a[2].N))
		open(t, r, f, err)
	})
	reg("os.ReadFile", func(t *vm.Thread, a, r []rt.Value) {
		b, err := os.ReadFile(vm.Str(a[0]))
		r[0], r[1] = vm.BytesToValues(b), osError(t, err)
	})
	reg("os.WriteFile", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = osError(t, os.WriteFile(vm.Str(a[0]), vm.ValuesToBytes(a[1]), fs.FileMode(a[2].N)))
	})
	pathOp := func(name string, f func(string) error) {
		reg("os."+name, func(t *vm.Thread, a, r []rt.Value) { r[0] = osError(t, f(vm.Str(a[0]))) })
	}
	pathOp("Remove", os.Remove)
	pathOp("RemoveAll", os.RemoveAll)
	pathOp("Chdir", os.Chdir)
	reg("os.Mkdir", func(t *vm.Thread, a, r []rt.Value) { r[0] = osError(t, os.Mkdir(vm.Str(a[0]), fs.FileMode(a[1].N))) })
	reg("os.MkdirAll", func(t *vm.Thread, a, r []rt.Value) { r[0] = osError(t, os.MkdirAll(vm.Str(a[0]), fs.FileMode(a[1].N))) })
	reg("os.Rename", func(t *vm.Thread, a, r []rt.Value) { r[0] = osError(t, os.Rename(vm.Str(a[0]), vm.Str(a[1]))) })
	reg("os.MkdirTemp", func(t *vm.Thread, a, r []rt.Value) {
		d, err := os.MkdirTemp(vm.Str(a[0]), vm.Str(a[1]))
		r[0], r[1] = rt.Value{R: d}, osError(t, err)
	})
	reg("os.CreateTemp", func(t *vm.Thread, a, r []rt.Value) {
		f, err := os.CreateTemp(vm.Str(a[0]), vm.Str(a[1]))
		open(t, r, f, err)
	})
	reg("os.TempDir", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: os.TempDir()} })
	reg("os.Getwd", func(t *vm.Thread, a, r []rt.Value) {
		d, err := os.Getwd()
		r[0], r[1] = rt.Value{R: d}, osError(t, err)
	})
	reg("os.Hostname", func(t *vm.Thread, a, r []rt.Value) {
		h, err := os.Hostname()
		r[0], r[1] = rt.Value{R: h}, osError(t, err)
	})
	reg("os.Environ", func(t *vm.Thread, a, r []rt.Value) {
		env := os.Environ()
		vs := make([]rt.Value, len(env))
		for i, e := range env {
			vs[i] = rt.Value{R: e}
		}
		r[0] = rt.Value{R: vs}
	})
	stat := func(name string, f func(string) (fs.FileInfo, error)) {
		reg("os."+name, func(t *vm.Thread, a, r []rt.Value) {
			fi, err := f(vm.Str(a[0]))
			if err != nil {
				r[0], r[1] = rt.Value{}, osError(t, err)
				return
			}
			r[0], r[1] = fileInfo(t, fi), rt.Value{}
		})
	}
	stat("Stat", os.Stat)
	stat("Lstat", os.Lstat)
	reg("(*os.File).Stat", func(t *vm.Thread, a, r []rt.Value) {
		hf := fileOf(t, a[0])
		if hf == nil || hf.f == nil {
			r[0], r[1] = rt.Value{}, osError(t, os.ErrInvalid)
			return
		}
		fi, err := hf.f.Stat()
		if err != nil {
			r[0], r[1] = rt.Value{}, osError(t, err)
			return
		}
		r[0], r[1] = fileInfo(t, fi), rt.Value{}
	})
	reg("(*os.File).Read", func(t *vm.Thread, a, r []rt.Value) {
		hf := fileOf(t, a[0])
		if hf == nil || hf.f == nil {
			r[0], r[1] = rt.Value{}, osError(t, os.ErrInvalid)
			return
		}
		dst, _ := a[1].R.([]rt.Value)
		buf := make([]byte, len(dst))
		n, err := hf.f.Read(buf)
		for i := 0; i < n; i++ {
			dst[i] = rt.Value{N: uint64(buf[i])}
		}
		r[0], r[1] = rt.Value{N: uint64(n)}, osError(t, err)
	})
	reg("(*os.File).Close", func(t *vm.Thread, a, r []rt.Value) {
		hf := fileOf(t, a[0])
		if hf == nil {
			r[0] = osError(t, os.ErrInvalid)
			return
		}
		if hf.f != nil && hf.f != os.Stdin && hf.f != os.Stdout && hf.f != os.Stderr {
			r[0] = osError(t, hf.f.Close())
			return
		}
		r[0] = rt.Value{}
	})
	reg("os.IsNotExist", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = boolV(oserrorIs(t, a[0], "ErrNotExist", fs.ErrNotExist))
	})
	reg("os.IsExist", func(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(oserrorIs(t, a[0], "ErrExist", fs.ErrExist)) })
	reg("os.IsPermission", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = boolV(oserrorIs(t, a[0], "ErrPermission", fs.ErrPermission))
	})

	// syscall.Errno's methods: the text and the fs error it stands for.
	reg("(syscall.Errno).Error", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: syscall.Errno(a[0].N).Error()} })
	reg("(syscall.Errno).Timeout", func(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(syscall.Errno(a[0].N).Timeout()) })
	reg("(syscall.Errno).Temporary", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = boolV(syscall.Errno(a[0].N).Temporary())
	})
	reg("(syscall.Errno).Is", func(t *vm.Thread, a, r []rt.Value) {
		en := syscall.Errno(a[0].N)
		for name, host := range map[string]error{"ErrNotExist": fs.ErrNotExist, "ErrExist": fs.ErrExist, "ErrPermission": fs.ErrPermission} {
			if c := t.Machine().Global("internal/oserror", name); c != nil && vm.EqualInterfaces(a[1], *c) {
				r[0] = boolV(en.Is(host))
				return
			}
		}
		r[0] = boolV(false)
	})

	// FileInfo: an *os.fileStat with name, size, mode and modTime filled in.
	reg("(*os.fileStat).Name", func(t *vm.Thread, a, r []rt.Value) { r[0] = statField(t, a[0], "name") })
	reg("(*os.fileStat).Size", func(t *vm.Thread, a, r []rt.Value) { r[0] = statField(t, a[0], "size") })
	reg("(*os.fileStat).Mode", func(t *vm.Thread, a, r []rt.Value) { r[0] = statField(t, a[0], "mode") })
	reg("(*os.fileStat).ModTime", func(t *vm.Thread, a, r []rt.Value) { r[0] = statField(t, a[0], "modTime") })
	reg("(*os.fileStat).IsDir", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = boolV(fs.FileMode(statField(t, a[0], "mode").N).IsDir())
	})
	reg("(*os.fileStat).Sys", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{} })
}

func fileInfo(t *vm.Thread, fi fs.FileInfo) rt.Value {
	m := t.Machine()
	st := m.LookupType("os", "fileStat")
	cell := st.Zero()
	fields := cell.R.([]rt.Value)
	set := func(name string, v rt.Value) {
		if i := vm.FieldIndex(st, name); i >= 0 {
			fields[i] = v
		}
	}
	set("name", rt.Value{R: fi.Name()})
	set("size", rt.Value{N: uint64(fi.Size())})
	set("mode", rt.Value{N: uint64(fi.Mode())})
	set("modTime", mkTime(fi.ModTime().Round(time.Duration(0)), 0, false))
	return rt.Value{R: vm.Iface{T: m.TypeOf(types.NewPointer(st.T)), V: rt.Value{R: &cell}}}
}

func statField(t *vm.Thread, v rt.Value, name string) rt.Value {
	p := cellOf(t, v)
	if p == nil {
		return rt.Value{}
	}
	st := t.Machine().LookupType("os", "fileStat")
	return p.R.([]rt.Value)[vm.FieldIndex(st, name)]
}
