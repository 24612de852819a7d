package lib

// package os: files. An *os.File is a cell whose host file lives in the
// program's file table (os.go); errors are the program's own *fs.PathError
// values wrapping a syscall.Errno, so errors.Is(err, fs.ErrNotExist) and
// os.IsNotExist work as in gc. Reads and writes block the M (short host
// calls; a G blocked in a long one is future work: _Gsyscall hand-off).

import (
	"errors"
	"go/types"
	"io"
	"io/fs"
	"os"
	"reflect"
	"strconv"
	"strings"
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
	var le *os.LinkError
	var se *os.SyscallError
	switch {
	case errors.As(err, &pe):
		if v, ok := errorStruct(m, "io/fs", "PathError", "Op", rt.Value{R: pe.Op}, "Path", rt.Value{R: pe.Path}, "Err", errnoValue(t, pe.Err)); ok {
			return v
		}
	case errors.As(err, &le):
		if v, ok := errorStruct(m, "os", "LinkError", "Op", rt.Value{R: le.Op}, "Old", rt.Value{R: le.Old}, "New", rt.Value{R: le.New}, "Err", errnoValue(t, le.Err)); ok {
			return v
		}
	case errors.As(err, &se):
		if v, ok := errorStruct(m, "os", "SyscallError", "Syscall", rt.Value{R: se.Syscall}, "Err", errnoValue(t, se.Err)); ok {
			return v
		}
	}
	return errnoValue(t, err)
}

// errorStruct makes the program's error *pkg.name with the fields given
// (name, value, ...), or reports false if the program has no such type.
func errorStruct(m *vm.Machine, pkg, name string, fields ...any) (rt.Value, bool) {
	st := m.LookupType(pkg, name)
	if st == nil {
		return rt.Value{}, false
	}
	cell := st.Zero()
	fs := cell.R.([]rt.Value)
	for i := 0; i < len(fields); i += 2 {
		if k := vm.FieldIndex(st, fields[i].(string)); k >= 0 {
			fs[k] = fields[i+1].(rt.Value)
		}
	}
	return rt.Value{R: vm.Iface{T: m.TypeOf(types.NewPointer(st.T)), V: rt.Value{R: &cell}}}, true
}

// os's error types: Error and Unwrap as gc's, calling the wrapped error's
// Error (and Timeout) method through CallThen.

// ptrField reads field name of the struct pkg.typ that v points to;
// false after a nil dereference's panic.
func ptrField(t *vm.Thread, v rt.Value, pkg, typ, name string) (rt.Value, bool) {
	p := cellOf(t, v)
	if p == nil {
		return rt.Value{}, false
	}
	k := vm.FieldIndex(t.Machine().LookupType(pkg, typ), name)
	if k < 0 {
		return rt.Value{}, false
	}
	return p.R.([]rt.Value)[k], true
}

// errField reads field name of the os error struct *typ v points to.
func errField(t *vm.Thread, v rt.Value, typ, name string) (rt.Value, bool) {
	return ptrField(t, v, "os", typ, name)
}

// errorThen calls the Error method of the program's error err and gives
// its text to k; a nil err panics as gc's e.Err.Error() does.
func errorThen(t *vm.Thread, err rt.Value, k func(msg string, out []rt.Value)) {
	fn, recv, ok := methodCall(err, "Error")
	if !ok {
		t.PanicRuntime("invalid memory address or nil pointer dereference")
		return
	}
	t.CallThen(fn, []rt.Value{recv}, func(t *vm.Thread, res, out []rt.Value) { k(vm.Str(res[0]), out) })
}

// (*os.LinkError).Error: func (e *LinkError) Error() string
func os_LinkError_Error(t *vm.Thread, a, r []rt.Value) {
	var f [4]rt.Value
	for i, name := range []string{"Op", "Old", "New", "Err"} {
		v, ok := errField(t, a[0], "LinkError", name)
		if !ok {
			return
		}
		f[i] = v
	}
	errorThen(t, f[3], func(msg string, out []rt.Value) {
		out[0] = rt.Value{R: vm.Str(f[0]) + " " + vm.Str(f[1]) + " " + vm.Str(f[2]) + ": " + msg}
	})
}

// (*os.LinkError).Unwrap: func (e *LinkError) Unwrap() error
func os_LinkError_Unwrap(t *vm.Thread, a, r []rt.Value) {
	r[0], _ = errField(t, a[0], "LinkError", "Err")
}

// (*os.SyscallError).Error: func (e *SyscallError) Error() string
func os_SyscallError_Error(t *vm.Thread, a, r []rt.Value) {
	sc, ok := errField(t, a[0], "SyscallError", "Syscall")
	if !ok {
		return
	}
	err, _ := errField(t, a[0], "SyscallError", "Err")
	errorThen(t, err, func(msg string, out []rt.Value) { out[0] = rt.Value{R: vm.Str(sc) + ": " + msg} })
}

// (*os.SyscallError).Unwrap: func (e *SyscallError) Unwrap() error
func os_SyscallError_Unwrap(t *vm.Thread, a, r []rt.Value) {
	r[0], _ = errField(t, a[0], "SyscallError", "Err")
}

// (*os.SyscallError).Timeout: func (e *SyscallError) Timeout() bool
func os_SyscallError_Timeout(t *vm.Thread, a, r []rt.Value) {
	if err, ok := errField(t, a[0], "SyscallError", "Err"); ok {
		timeoutThen(t, err)
	}
}

// timeoutThen sets the native's result to err.Timeout() if err has that
// method (interface{ Timeout() bool }), else to false.
func timeoutThen(t *vm.Thread, err rt.Value) {
	fn, recv, ok := methodCall(err, "Timeout")
	if !ok {
		return // false
	}
	t.CallThen(fn, []rt.Value{recv}, func(t *vm.Thread, res, out []rt.Value) { out[0] = res[0] })
}

// os.NewSyscallError: func NewSyscallError(syscall string, err error) error
func os_NewSyscallError(t *vm.Thread, a, r []rt.Value) {
	if a[1].R == nil {
		r[0] = rt.Value{}
		return
	}
	r[0], _ = errorStruct(t.Machine(), "os", "SyscallError", "Syscall", a[0], "Err", a[1])
}

// os.IsTimeout: func IsTimeout(err error) bool — of the error itself, or
// the one a *PathError, *LinkError or *SyscallError wraps, as gc's
// underlyingError.
func os_IsTimeout(t *vm.Thread, a, r []rt.Value) {
	err := a[0]
	if iv, ok := err.R.(vm.Iface); ok {
		switch iv.T.String() {
		case "*fs.PathError", "*os.LinkError", "*os.SyscallError":
			if p, _ := iv.V.R.(*rt.Value); p != nil {
				if k := vm.FieldIndex(iv.T.Elem, "Err"); k >= 0 {
					err = p.R.([]rt.Value)[k]
				}
			}
		}
	}
	timeoutThen(t, err)
}

// hostSentinels are the host's error values that are the program's own
// variables of the same name.
var hostSentinels = []struct {
	err       error
	pkg, name string
}{
	{os.ErrDeadlineExceeded, "os", "ErrDeadlineExceeded"},
	{os.ErrNoDeadline, "os", "ErrNoDeadline"},
	{os.ErrClosed, "os", "ErrClosed"},
	{os.ErrProcessDone, "os", "ErrProcessDone"},
	{os.ErrNoHandle, "os", "ErrNoHandle"},
	{fs.ErrInvalid, "io/fs", "ErrInvalid"},
	{fs.ErrPermission, "io/fs", "ErrPermission"},
	{fs.ErrExist, "io/fs", "ErrExist"},
	{fs.ErrNotExist, "io/fs", "ErrNotExist"},
}

// errnoValue makes a syscall.Errno value of a host errno (other errors
// become plain errors with the same text).
func errnoValue(t *vm.Thread, err error) rt.Value {
	for _, s := range hostSentinels {
		if err == s.err {
			if c := t.Machine().Global(s.pkg, s.name); c != nil {
				return *c
			}
		}
	}
	var en syscall.Errno
	if errors.As(err, &en) {
		if et := t.Machine().LookupType("syscall", "Errno"); et != nil {
			return rt.Value{R: vm.Iface{T: et, V: rt.Value{N: uint64(en)}}}
		}
	}
	return errorValue(t, err)
}

// oserrorIs is gc's underlyingErrorIs(v, target) for the internal/oserror
// variable name (host: the same error of the host's): v, or the error a
// *PathError, *LinkError or *SyscallError v wraps (one level), is the
// target or a syscall.Errno that Is it.
func oserrorIs(t *vm.Thread, v rt.Value, name string, host error) bool {
	if iv, ok := v.R.(vm.Iface); ok {
		switch iv.T.String() {
		case "*fs.PathError", "*os.LinkError", "*os.SyscallError":
			if p, _ := iv.V.R.(*rt.Value); p != nil {
				fs := p.R.([]rt.Value)
				v = fs[len(fs)-1] // Err, the last field of each
			}
		}
	}
	if c := t.Machine().Global("internal/oserror", name); c != nil && vm.EqualInterfaces(v, *c) {
		return true
	}
	if iv, ok := v.R.(vm.Iface); ok && iv.T.String() == "syscall.Errno" {
		return syscall.Errno(iv.V.N).Is(host)
	}
	return false
}

func newHostFile(t *vm.Thread, f *os.File) rt.Value {
	return newFile(t.Machine(), &hostFile{name: f.Name(), w: f, f: f})
}

func init() {
	vm.RegisterNatives(osfileNatives)
}

// osfileNatives binds these functions by their ssa names (sorted).
var osfileNatives = map[string]vm.NativeFunc{
	"(*os.File).Chdir":            os_File_Chdir,
	"(*os.File).Chmod":            os_File_Chmod,
	"(*os.File).Chown":            os_File_Chown,
	"(*os.File).Close":            os_File_Close,
	"(*os.File).Fd":               os_File_Fd,
	"(*os.File).Read":             os_File_Read,
	"(*os.File).ReadAt":           os_File_ReadAt,
	"(*os.File).ReadDir":          os_File_ReadDir,
	"(*os.File).Readdir":          os_File_Readdir,
	"(*os.File).Readdirnames":     os_File_Readdirnames,
	"(*os.File).Seek":             os_File_Seek,
	"(*os.File).SetDeadline":      os_File_SetDeadline,
	"(*os.File).SetReadDeadline":  os_File_SetReadDeadline,
	"(*os.File).SetWriteDeadline": os_File_SetWriteDeadline,
	"(*os.File).Stat":             os_File_Stat,
	"(*os.File).SyscallConn":      os_File_SyscallConn,
	"(*os.File).Truncate":         os_File_Truncate,
	"(*os.rawConn).Control":       os_rawConn_Control,
	"(*os.rawConn).Read":          os_rawConn_Read,
	"(*os.rawConn).Write":         os_rawConn_Write,
	"(*os.File).WriteAt":          os_File_WriteAt,
	"(*os.LinkError).Error":       os_LinkError_Error,
	"(*os.LinkError).Unwrap":      os_LinkError_Unwrap,
	"(*os.SyscallError).Error":    os_SyscallError_Error,
	"(*os.SyscallError).Timeout":  os_SyscallError_Timeout,
	"(*os.SyscallError).Unwrap":   os_SyscallError_Unwrap,
	"(*os.fileStat).IsDir":        os_fileStat_IsDir,
	"(*os.fileStat).ModTime":      os_fileStat_ModTime,
	"(*os.fileStat).Mode":         os_fileStat_Mode,
	"(*os.fileStat).Name":         os_fileStat_Name,
	"(*os.fileStat).Size":         os_fileStat_Size,
	"(*os.fileStat).Sys":          os_fileStat_Sys,
	"(os.dirFS).Lstat":            os_dirFS_Lstat,
	"(os.dirFS).Open":             os_dirFS_Open,
	"(os.dirFS).ReadDir":          os_dirFS_ReadDir,
	"(os.dirFS).ReadFile":         os_dirFS_ReadFile,
	"(os.dirFS).ReadLink":         os_dirFS_ReadLink,
	"(os.dirFS).Stat":             os_dirFS_Stat,
	"(syscall.Errno).Error":       syscall_Errno_Error,
	"(syscall.Errno).Is":          syscall_Errno_Is,
	"(syscall.Errno).Temporary":   syscall_Errno_Temporary,
	"(syscall.Errno).Timeout":     syscall_Errno_Timeout,
	"os.Chdir":                    os_Chdir,
	"os.Chmod":                    os_Chmod,
	"os.Chown":                    os_Chown,
	"os.Chtimes":                  os_Chtimes,
	"os.Clearenv":                 os_Clearenv,
	"os.Create":                   os_Create,
	"os.CreateTemp":               os_CreateTemp,
	"os.DirFS":                    os_DirFS,
	"os.Environ":                  os_Environ,
	"os.Executable":               os_Executable,
	"os.Expand":                   os_Expand,
	"os.ExpandEnv":                os_ExpandEnv,
	"os.Getgroups":                os_Getgroups,
	"os.Getpagesize":              os_Getpagesize,
	"os.Getwd":                    os_Getwd,
	"os.Hostname":                 os_Hostname,
	"os.IsExist":                  os_IsExist,
	"os.IsNotExist":               os_IsNotExist,
	"os.IsPermission":             os_IsPermission,
	"os.IsTimeout":                os_IsTimeout,
	"os.Lchown":                   os_Lchown,
	"os.Link":                     os_Link,
	"os.Lstat":                    os_Lstat,
	"os.Mkdir":                    os_Mkdir,
	"os.MkdirAll":                 os_MkdirAll,
	"os.MkdirTemp":                os_MkdirTemp,
	"os.NewFile":                  os_NewFile,
	"os.NewSyscallError":          os_NewSyscallError,
	"os.Open":                     os_Open,
	"os.OpenFile":                 os_OpenFile,
	"os.ReadDir":                  os_ReadDir,
	"os.ReadFile":                 os_ReadFile,
	"os.Readlink":                 os_Readlink,
	"os.Remove":                   os_Remove,
	"os.RemoveAll":                os_RemoveAll,
	"os.Rename":                   os_Rename,
	"os.SameFile":                 os_SameFile,
	"os.Setenv":                   os_Setenv,
	"os.Stat":                     os_Stat,
	"os.Symlink":                  os_Symlink,
	"os.TempDir":                  os_TempDir,
	"os.Truncate":                 os_Truncate,
	"os.Unsetenv":                 os_Unsetenv,
	"os.UserCacheDir":             os_UserCacheDir,
	"os.UserConfigDir":            os_UserConfigDir,
	"os.UserHomeDir":              os_UserHomeDir,
	"os.WriteFile":                os_WriteFile,
}

// os.Open: func Open(name string) (*File, error)
func os_Open(t *vm.Thread, a, r []rt.Value) {
	f, err := hostOpen(t, func() (*os.File, error) { return os.Open(vm.Str(a[0])) })
	openResult(t, r, f, err)
}

// hostOpen makes the host open call f as a host call that hands the P
// off: opening a FIFO waits for its other end, which may be another
// goroutine of the program. (Under a deterministic schedule an open keeps
// the P, as a file read does: a FIFO opened from both ends by one program
// waits forever there.)
func hostOpen(t *vm.Thread, f func() (*os.File, error)) (file *os.File, err error) {
	blocking(t, rt.SyscallShort, "an open", func() { file, err = f() })
	return file, err
}

// os.DirFS: func DirFS(dir string) fs.FS — an os.dirFS (a string), whose
// methods are the host's os.DirFS's: the same path checks and errors.
func os_DirFS(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: vm.Iface{T: t.Machine().LookupType("os", "dirFS"), V: a[0]}}
}

// hostDirFS is the host's os.DirFS of a dirFS receiver.
func hostDirFS(v rt.Value) fs.FS { return os.DirFS(vm.Str(v)) }

// (os.dirFS).Open: func (dir dirFS) Open(name string) (fs.File, error)
func os_dirFS_Open(t *vm.Thread, a, r []rt.Value) {
	f, err := hostDirFS(a[0]).Open(vm.Str(a[1]))
	if err != nil {
		r[0], r[1] = rt.Value{}, osError(t, err)
		return
	}
	m := t.Machine()
	r[0], r[1] = rt.Value{R: vm.Iface{T: m.TypeOf(types.NewPointer(m.LookupType("os", "File").T)), V: newHostFile(t, f.(*os.File))}}, rt.Value{}
}

// (os.dirFS).ReadFile: func (dir dirFS) ReadFile(name string) ([]byte, error)
func os_dirFS_ReadFile(t *vm.Thread, a, r []rt.Value) {
	b, err := hostDirFS(a[0]).(fs.ReadFileFS).ReadFile(vm.Str(a[1]))
	r[0], r[1] = vm.BytesToValues(b), osError(t, err)
}

// (os.dirFS).ReadDir: func (dir dirFS) ReadDir(name string) ([]DirEntry, error)
func os_dirFS_ReadDir(t *vm.Thread, a, r []rt.Value) {
	es, err := hostDirFS(a[0]).(fs.ReadDirFS).ReadDir(vm.Str(a[1]))
	r[0], r[1] = dirEntries(t, es), osError(t, err)
}

// (os.dirFS).Stat: func (dir dirFS) Stat(name string) (fs.FileInfo, error)
func os_dirFS_Stat(t *vm.Thread, a, r []rt.Value) {
	statOp(t, a[1:], r, hostDirFS(a[0]).(fs.StatFS).Stat)
}

// (os.dirFS).Lstat: func (dir dirFS) Lstat(name string) (fs.FileInfo, error)
func os_dirFS_Lstat(t *vm.Thread, a, r []rt.Value) {
	statOp(t, a[1:], r, hostDirFS(a[0]).(fs.ReadLinkFS).Lstat)
}

// (os.dirFS).ReadLink: func (dir dirFS) ReadLink(name string) (string, error)
func os_dirFS_ReadLink(t *vm.Thread, a, r []rt.Value) {
	stringResult(t, r)(hostDirFS(a[0]).(fs.ReadLinkFS).ReadLink(vm.Str(a[1])))
}

// os.SameFile: func SameFile(fi1, fi2 FileInfo) bool — by device and inode,
// which fileInfo keeps in the fileStat's sys (syscall.Stat_t) as gc does;
// false unless both come from os.
func os_SameFile(t *vm.Thread, a, r []rt.Value) {
	id := func(v rt.Value) ([2]uint64, bool) {
		iv, ok := v.R.(vm.Iface)
		if !ok || iv.T == nil || iv.T.String() != "*os.fileStat" {
			return [2]uint64{}, false
		}
		m := t.Machine()
		st, stat := m.LookupType("os", "fileStat"), m.LookupType("syscall", "Stat_t")
		p, _ := iv.V.R.(*rt.Value)
		if p == nil || st == nil || stat == nil {
			return [2]uint64{}, false
		}
		fs, _ := p.R.([]rt.Value)
		i := vm.FieldIndex(st, "sys")
		if i < 0 || i >= len(fs) {
			return [2]uint64{}, false
		}
		sys, _ := fs[i].R.([]rt.Value)
		dev, ino := vm.FieldIndex(stat, "Dev"), vm.FieldIndex(stat, "Ino")
		if dev < 0 || ino < 0 || dev >= len(sys) || ino >= len(sys) {
			return [2]uint64{}, false
		}
		return [2]uint64{sys[dev].N, sys[ino].N}, true
	}
	x, ok1 := id(a[0])
	y, ok2 := id(a[1])
	r[0] = boolV(ok1 && ok2 && x == y)
}

// os.Create: func Create(name string) (*File, error)
func os_Create(t *vm.Thread, a, r []rt.Value) {
	f, err := hostOpen(t, func() (*os.File, error) { return os.Create(vm.Str(a[0])) })
	openResult(t, r, f, err)
}

// os.OpenFile: func OpenFile(name string, flag int, perm FileMode) (*File, error)
func os_OpenFile(t *vm.Thread, a, r []rt.Value) {
	f, err := hostOpen(t, func() (*os.File, error) {
		return os.OpenFile(vm.Str(a[0]), int(int64(a[1].N)), fs.FileMode(a[2].N))
	})
	openResult(t, r, f, err)
}

// os.ReadFile: func ReadFile(name string) ([]byte, error)
func os_ReadFile(t *vm.Thread, a, r []rt.Value) {
	b, err := os.ReadFile(vm.Str(a[0]))
	r[0], r[1] = vm.BytesToValues(b), osError(t, err)
}

// os.WriteFile: func WriteFile(name string, data []byte, perm FileMode) error
func os_WriteFile(t *vm.Thread, a, r []rt.Value) {
	r[0] = osError(t, os.WriteFile(vm.Str(a[0]), vm.ValuesToBytes(a[1]), fs.FileMode(a[2].N)))
}

// os.Remove: func Remove(name string) error
func os_Remove(t *vm.Thread, a, r []rt.Value) {
	pathOp(t, a, r, os.Remove)
}

// os.RemoveAll: func RemoveAll(path string) error
func os_RemoveAll(t *vm.Thread, a, r []rt.Value) {
	pathOp(t, a, r, os.RemoveAll)
}

// os.Chdir: func Chdir(dir string) error
func os_Chdir(t *vm.Thread, a, r []rt.Value) {
	pathOp(t, a, r, os.Chdir)
}

// os.Mkdir: func Mkdir(name string, perm FileMode) error
func os_Mkdir(t *vm.Thread, a, r []rt.Value) {
	r[0] = osError(t, os.Mkdir(vm.Str(a[0]), fs.FileMode(a[1].N)))
}

// os.MkdirAll: func MkdirAll(path string, perm FileMode) error
func os_MkdirAll(t *vm.Thread, a, r []rt.Value) {
	r[0] = osError(t, os.MkdirAll(vm.Str(a[0]), fs.FileMode(a[1].N)))
}

// os.Rename: func Rename(oldpath, newpath string) error
func os_Rename(t *vm.Thread, a, r []rt.Value) {
	r[0] = osError(t, os.Rename(vm.Str(a[0]), vm.Str(a[1])))
}

// os.Link: func Link(oldname, newname string) error
func os_Link(t *vm.Thread, a, r []rt.Value) {
	r[0] = osError(t, os.Link(vm.Str(a[0]), vm.Str(a[1])))
}

// os.MkdirTemp: func MkdirTemp(dir, pattern string) (string, error)
func os_MkdirTemp(t *vm.Thread, a, r []rt.Value) {
	dir, pattern := vm.Str(a[0]), vm.Str(a[1])
	if strings.ContainsRune(pattern, os.PathSeparator) {
		_, err := os.MkdirTemp(dir, pattern) // the host's error for it, creating nothing
		stringResult(t, r)("", err)
		return
	}
	stringResult(t, r)(tempName(t, dir, pattern, "mkdirtemp", func(name string) error { return os.Mkdir(name, 0o700) }))
}

// os.CreateTemp: func CreateTemp(dir, pattern string) (*File, error)
func os_CreateTemp(t *vm.Thread, a, r []rt.Value) {
	dir, pattern := vm.Str(a[0]), vm.Str(a[1])
	if strings.ContainsRune(pattern, os.PathSeparator) {
		_, err := os.CreateTemp(dir, pattern) // the host's error for it, creating nothing
		openResult(t, r, nil, err)
		return
	}
	var f *os.File
	_, err := tempName(t, dir, pattern, "createtemp", func(name string) (err error) {
		f, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		return err
	})
	openResult(t, r, f, err)
}

// tempName is gc's MkdirTemp and CreateTemp loop: create(name) for names
// of pattern in dir until one does not exist yet. As in gc, whose
// os.nextRandom draws on runtime_rand, the random part comes from the
// runtime's seeded source: a seed reproduces the names, and with them what
// the program computes from them (host's os.MkdirTemp made a run under
// -seed depend on the host's random names).
func tempName(t *vm.Thread, dir, pattern, op string, create func(name string) error) (string, error) {
	if dir == "" {
		dir = os.TempDir()
	}
	prefix, suffix := pattern, ""
	if i := strings.LastIndexByte(pattern, '*'); i >= 0 {
		prefix, suffix = pattern[:i], pattern[i+1:]
	}
	if dir != "" && os.IsPathSeparator(dir[len(dir)-1]) {
		prefix = dir + prefix
	} else {
		prefix = dir + string(os.PathSeparator) + prefix
	}
	for try := 0; ; {
		name := prefix + strconv.FormatUint(uint64(uint32(t.Machine().RT.Rand(t.G()))), 10) + suffix
		err := create(name)
		if err == nil {
			return name, nil
		}
		if os.IsExist(err) {
			if try++; try < 10000 {
				continue
			}
			return "", &os.PathError{Op: op, Path: prefix + "*" + suffix, Err: os.ErrExist}
		}
		if op == "mkdirtemp" && os.IsNotExist(err) {
			if _, err := os.Stat(dir); os.IsNotExist(err) {
				return "", err
			}
		}
		return "", err
	}
}

// os.TempDir: func TempDir() string
func os_TempDir(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: os.TempDir()} }

// os.Getwd: func Getwd() (dir string, err error)
func os_Getwd(t *vm.Thread, a, r []rt.Value) { stringResult(t, r)(os.Getwd()) }

// os.Hostname: func Hostname() (name string, err error)
func os_Hostname(t *vm.Thread, a, r []rt.Value) { stringResult(t, r)(os.Hostname()) }

// os.Environ: func Environ() []string
//
// Also syscall.Environ.
func os_Environ(t *vm.Thread, a, r []rt.Value) {
	r[0] = stringsValue(os.Environ())
}

// os.Stat: func Stat(name string) (FileInfo, error)
func os_Stat(t *vm.Thread, a, r []rt.Value) {
	statOp(t, a, r, os.Stat)
}

// os.Lstat: func Lstat(name string) (FileInfo, error)
func os_Lstat(t *vm.Thread, a, r []rt.Value) {
	statOp(t, a, r, os.Lstat)
}

// (*os.File).Stat: func (f *File) Stat() (FileInfo, error)
func os_File_Stat(t *vm.Thread, a, r []rt.Value) {
	hf := hostFileArg(t, a[0], r)
	if hf == nil {
		return
	}
	fi, err := hf.f.Stat()
	if err != nil {
		r[0], r[1] = rt.Value{}, osError(t, err)
		return
	}
	r[0], r[1] = fileInfo(t, fi), rt.Value{}
}

// (*os.File).Read: func (f *File) Read(b []byte) (n int, err error)
func os_File_Read(t *vm.Thread, a, r []rt.Value) {
	hf := hostFileArg(t, a[0], r)
	if hf == nil {
		return
	}
	dst, _ := a[1].R.([]rt.Value)
	buf := make([]byte, len(dst))
	var n int
	var err error
	blocking(t, hf.readKind(), "a read of "+hf.name, func() { n, err = hf.f.Read(buf) })
	for i := 0; i < n; i++ {
		dst[i] = rt.Value{N: uint64(buf[i])}
	}
	r[0], r[1] = rt.Value{N: uint64(n)}, osError(t, err)
}

// (*os.File).Close: func (f *File) Close() error
func os_File_Close(t *vm.Thread, a, r []rt.Value) {
	hf := fileOf(t, a[0])
	if hf == nil {
		r[0] = osError(t, os.ErrInvalid)
		return
	}
	if hf.f != nil && hf.f != os.Stdin && hf.f != os.Stdout && hf.f != os.Stderr {
		r[0] = osError(t, hf.f.Close())
		return
	}
	// The program's standard files: the process's own ones close only
	// when the program owns the process's (goro run, a test binary).
	if t.Machine().OwnStdio {
		std := hf.f
		if w, ok := hf.w.(*os.File); ok && std == nil {
			std = w
		}
		if std == os.Stdin || std == os.Stdout || std == os.Stderr {
			r[0] = osError(t, std.Close())
			return
		}
	}
	r[0] = rt.Value{}
}

// os.IsNotExist: func IsNotExist(err error) bool
func os_IsNotExist(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(oserrorIs(t, a[0], "ErrNotExist", fs.ErrNotExist))
}

// os.IsExist: func IsExist(err error) bool
func os_IsExist(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(oserrorIs(t, a[0], "ErrExist", fs.ErrExist))
}

// os.IsPermission: func IsPermission(err error) bool
func os_IsPermission(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(oserrorIs(t, a[0], "ErrPermission", fs.ErrPermission))
}

// syscall.Errno's methods: the text and the fs error it stands for.

// (syscall.Errno).Error: func (e Errno) Error() string
func syscall_Errno_Error(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: syscall.Errno(a[0].N).Error()}
}

// (syscall.Errno).Timeout: func (e Errno) Timeout() bool
func syscall_Errno_Timeout(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(syscall.Errno(a[0].N).Timeout())
}

// (syscall.Errno).Temporary: func (e Errno) Temporary() bool
func syscall_Errno_Temporary(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(syscall.Errno(a[0].N).Temporary())
}

// (syscall.Errno).Is: func (e Errno) Is(target error) bool
func syscall_Errno_Is(t *vm.Thread, a, r []rt.Value) {
	en := syscall.Errno(a[0].N)
	for name, host := range map[string]error{"ErrNotExist": fs.ErrNotExist, "ErrExist": fs.ErrExist, "ErrPermission": fs.ErrPermission} {
		if c := t.Machine().Global("internal/oserror", name); c != nil && vm.EqualInterfaces(a[1], *c) {
			r[0] = boolV(en.Is(host))
			return
		}
	}
	r[0] = boolV(false)
}

// FileInfo: an *os.fileStat with name, size, mode and modTime filled in.

// (*os.fileStat).Name: func (fs *fileStat) Name() string
func os_fileStat_Name(t *vm.Thread, a, r []rt.Value) { r[0] = statField(t, a[0], "name") }

// (*os.fileStat).Size: func (fs *fileStat) Size() int64
func os_fileStat_Size(t *vm.Thread, a, r []rt.Value) { r[0] = statField(t, a[0], "size") }

// (*os.fileStat).Mode: func (fs *fileStat) Mode() FileMode
func os_fileStat_Mode(t *vm.Thread, a, r []rt.Value) { r[0] = statField(t, a[0], "mode") }

// (*os.fileStat).ModTime: func (fs *fileStat) ModTime() time.Time
func os_fileStat_ModTime(t *vm.Thread, a, r []rt.Value) { r[0] = statField(t, a[0], "modTime") }

// (*os.fileStat).IsDir: func (fs *fileStat) IsDir() bool
func os_fileStat_IsDir(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(fs.FileMode(statField(t, a[0], "mode").N).IsDir())
}

// (*os.fileStat).Sys: func (fs *fileStat) Sys() any
func os_fileStat_Sys(t *vm.Thread, a, r []rt.Value) {
	p := cellOf(t, a[0])
	if p == nil {
		return
	}
	m := t.Machine()
	k, stat := vm.FieldIndex(m.LookupType("os", "fileStat"), "sys"), m.LookupType("syscall", "Stat_t")
	fs := p.R.([]rt.Value)
	if k < 0 || stat == nil || fs[k].R == nil {
		r[0] = rt.Value{} // no Stat_t from the host
		return
	}
	r[0] = rt.Value{R: vm.Iface{T: m.TypeOf(types.NewPointer(stat.T)), V: rt.Value{R: &fs[k]}}} // &fs.sys, as gc's
}

// statOp is a native calling f (os.Stat, os.Lstat) on its path argument.
func statOp(t *vm.Thread, a, r []rt.Value, f func(string) (fs.FileInfo, error)) {
	fi, err := f(vm.Str(a[0]))
	if err != nil {
		r[0], r[1] = rt.Value{}, osError(t, err)
		return
	}
	r[0], r[1] = fileInfo(t, fi), rt.Value{}
}

// pathOp is a native calling f on its path argument.
func pathOp(t *vm.Thread, a, r []rt.Value, f func(string) error) {
	r[0] = osError(t, f(vm.Str(a[0])))
}

// openResult sets an open's results (*os.File, error).
func openResult(t *vm.Thread, r []rt.Value, f *os.File, err error) {
	if err != nil {
		r[0], r[1] = rt.Value{}, osError(t, err)
		return
	}
	r[0], r[1] = newHostFile(t, f), rt.Value{}
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
	set("modTime", hostTimeValue(m, fi.ModTime()))
	if hs, ok := fi.Sys().(*syscall.Stat_t); ok {
		// gc's fileStat.sys: the whole Stat_t (os.SameFile reads the
		// device and inode; programs read Sys().(*syscall.Stat_t)).
		if stat := m.LookupType("syscall", "Stat_t"); stat != nil {
			sys := stat.Zero()
			hostStruct(stat, sys, reflect.ValueOf(hs).Elem())
			set("sys", sys)
		}
	}
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

// Directories: entries are io/fs's dirInfo over the program's FileInfo
// (fs.FileInfoToDirEntry's type; io/fs runs from source), made from the
// host's entries, each with its Lstat taken now.

// os.ReadDir: func ReadDir(name string) ([]DirEntry, error)
func os_ReadDir(t *vm.Thread, a, r []rt.Value) {
	es, err := os.ReadDir(vm.Str(a[0]))
	r[0], r[1] = dirEntries(t, es), osError(t, err)
}

// (*os.File).ReadDir: func (f *File) ReadDir(n int) ([]DirEntry, error)
func os_File_ReadDir(t *vm.Thread, a, r []rt.Value) {
	hf := hostFileArg(t, a[0], r)
	if hf == nil {
		return
	}
	es, err := hf.f.ReadDir(int(int64(a[1].N)))
	r[0], r[1] = dirEntries(t, es), osError(t, err)
}

// (*os.File).Readdir: func (f *File) Readdir(n int) ([]FileInfo, error)
func os_File_Readdir(t *vm.Thread, a, r []rt.Value) {
	hf := hostFileArg(t, a[0], r)
	if hf == nil {
		return
	}
	fis, err := hf.f.Readdir(int(int64(a[1].N)))
	vs := make([]rt.Value, len(fis))
	for i, fi := range fis {
		vs[i] = fileInfo(t, fi)
	}
	r[0], r[1] = rt.Value{R: vs}, osError(t, err)
}

// (*os.File).Readdirnames: func (f *File) Readdirnames(n int) (names []string, err error)
func os_File_Readdirnames(t *vm.Thread, a, r []rt.Value) {
	hf := hostFileArg(t, a[0], r)
	if hf == nil {
		return
	}
	names, err := hf.f.Readdirnames(int(int64(a[1].N)))
	r[0], r[1] = stringsValue(names), osError(t, err)
}

func dirEntries(t *vm.Thread, es []os.DirEntry) rt.Value {
	dt := t.Machine().LookupType("io/fs", "dirInfo")
	if dt == nil {
		t.Unsupported("os.ReadDir without io/fs's dirInfo")
		return rt.Value{}
	}
	vs := make([]rt.Value, 0, len(es))
	for _, e := range es {
		fi, err := e.Info()
		if err != nil {
			continue // removed since it was listed
		}
		vs = append(vs, rt.Value{R: vm.Iface{T: dt, V: rt.Value{R: []rt.Value{fileInfo(t, fi)}}}})
	}
	return rt.Value{R: vs}
}

// (*os.File).ReadAt: func (f *File) ReadAt(b []byte, off int64) (n int, err error)
func os_File_ReadAt(t *vm.Thread, a, r []rt.Value) {
	hf := hostFileArg(t, a[0], r)
	if hf == nil {
		return
	}
	dst, _ := a[1].R.([]rt.Value)
	buf := make([]byte, len(dst))
	var n int
	var err error
	blocking(t, hf.readKind(), "a read of "+hf.name, func() { n, err = hf.f.ReadAt(buf, int64(a[2].N)) })
	for i := 0; i < n; i++ {
		dst[i] = rt.Value{N: uint64(buf[i])}
	}
	r[0], r[1] = rt.Value{N: uint64(n)}, osError(t, err)
}

// (*os.File).Chdir: func (f *File) Chdir() error — the host process's
// working directory, as os.Chdir.
func os_File_Chdir(t *vm.Thread, a, r []rt.Value) {
	if hf := hostFileArg(t, a[0], r); hf != nil {
		r[0] = osError(t, hf.f.Chdir())
	}
}

// (*os.File).WriteAt: func (f *File) WriteAt(b []byte, off int64) (n int, err error)
func os_File_WriteAt(t *vm.Thread, a, r []rt.Value) {
	hf := hostFileArg(t, a[0], r)
	if hf == nil {
		return
	}
	buf := vm.ValuesToBytes(a[1])
	var n int
	var err error
	blocking(t, rt.SyscallShort, "", func() { n, err = hf.f.WriteAt(buf, int64(a[2].N)) })
	r[0], r[1] = rt.Value{N: uint64(n)}, osError(t, err)
}

// (*os.File).Seek: func (f *File) Seek(offset int64, whence int) (ret int64, err error)
func os_File_Seek(t *vm.Thread, a, r []rt.Value) {
	hf := hostFileArg(t, a[0], r)
	if hf == nil {
		return
	}
	off, err := hf.f.Seek(int64(a[1].N), int(int64(a[2].N)))
	r[0], r[1] = rt.Value{N: uint64(off)}, osError(t, err)
}

// (*os.File).Truncate: func (f *File) Truncate(size int64) error
func os_File_Truncate(t *vm.Thread, a, r []rt.Value) {
	hf := hostFileArg(t, a[0], r)
	if hf == nil {
		return
	}
	r[0] = osError(t, hf.f.Truncate(int64(a[1].N)))
}

// os.Chmod: func Chmod(name string, mode FileMode) error
func os_Chmod(t *vm.Thread, a, r []rt.Value) {
	r[0] = osError(t, os.Chmod(vm.Str(a[0]), fs.FileMode(a[1].N)))
}

// os.Chown: func Chown(name string, uid, gid int) error
func os_Chown(t *vm.Thread, a, r []rt.Value) {
	r[0] = osError(t, os.Chown(vm.Str(a[0]), int(int64(a[1].N)), int(int64(a[2].N))))
}

// os.Lchown: func Lchown(name string, uid, gid int) error
func os_Lchown(t *vm.Thread, a, r []rt.Value) {
	r[0] = osError(t, os.Lchown(vm.Str(a[0]), int(int64(a[1].N)), int(int64(a[2].N))))
}

// os.Chtimes: func Chtimes(name string, atime time.Time, mtime time.Time) error
func os_Chtimes(t *vm.Thread, a, r []rt.Value) {
	r[0] = osError(t, os.Chtimes(vm.Str(a[0]), hostTimeOf(a[1]), hostTimeOf(a[2])))
}

// os.Getpagesize: func Getpagesize() int
func os_Getpagesize(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(os.Getpagesize())} }

// os.Getgroups: func Getgroups() ([]int, error)
func os_Getgroups(t *vm.Thread, a, r []rt.Value) {
	gs, err := os.Getgroups()
	if err != nil {
		r[0], r[1] = rt.Value{}, osError(t, err)
		return
	}
	vs := make([]rt.Value, len(gs))
	for i, g := range gs {
		vs[i] = rt.Value{N: uint64(g)}
	}
	r[0], r[1] = rt.Value{R: vs}, rt.Value{}
}

// os.Clearenv: func Clearenv() — the host process's environment, which
// goro's programs share (DESIGN: not supported yet).
func os_Clearenv(t *vm.Thread, a, r []rt.Value) { os.Clearenv() }

// (*os.File).Chmod: func (f *File) Chmod(mode FileMode) error
func os_File_Chmod(t *vm.Thread, a, r []rt.Value) {
	if hf := hostFileArg(t, a[0], r); hf != nil {
		r[0] = osError(t, hf.f.Chmod(fs.FileMode(a[1].N)))
	}
}

// (*os.File).Chown: func (f *File) Chown(uid, gid int) error
func os_File_Chown(t *vm.Thread, a, r []rt.Value) {
	if hf := hostFileArg(t, a[0], r); hf != nil {
		r[0] = osError(t, hf.f.Chown(int(int64(a[1].N)), int(int64(a[2].N))))
	}
}

// (*os.File).SetDeadline: func (f *File) SetDeadline(t time.Time) error —
// the host file's (a pipe's: its reads and writes then end with
// os.ErrDeadlineExceeded; a regular file's: os.ErrNoDeadline).
func os_File_SetDeadline(t *vm.Thread, a, r []rt.Value) {
	setDeadline(t, a, r, (*os.File).SetDeadline)
}

// (*os.File).SetReadDeadline: func (f *File) SetReadDeadline(t time.Time) error
func os_File_SetReadDeadline(t *vm.Thread, a, r []rt.Value) {
	setDeadline(t, a, r, (*os.File).SetReadDeadline)
}

// (*os.File).SetWriteDeadline: func (f *File) SetWriteDeadline(t time.Time) error
func os_File_SetWriteDeadline(t *vm.Thread, a, r []rt.Value) {
	setDeadline(t, a, r, (*os.File).SetWriteDeadline)
}

func setDeadline(t *vm.Thread, a, r []rt.Value, set func(*os.File, time.Time) error) {
	if hf := hostFileArg(t, a[0], r); hf != nil {
		r[0] = osError(t, set(hf.f, hostTimeOf(a[1])))
	}
}

// os.NewFile: func NewFile(fd uintptr, name string) *File — a host file
// descriptor, but 0, 1 and 2, which are the program's own standard files
// (RunOptions' streams, as os.Stdin, Stdout, Stderr).
func os_NewFile(t *vm.Thread, a, r []rt.Value) {
	fd, name, m := int(a[0].N), vm.Str(a[1]), t.Machine()
	switch {
	case fd < 0:
		r[0] = rt.Value{}
	case fd == 0:
		r[0] = newFile(m, &hostFile{name: name, f: os.Stdin})
	case fd == 1:
		r[0] = newFile(m, &hostFile{name: name, w: m.Stdout})
	case fd == 2:
		r[0] = newFile(m, &hostFile{name: name, w: m.Stderr})
	default:
		if f := os.NewFile(uintptr(fd), name); f != nil {
			r[0] = newHostFile(t, f)
		}
	}
}

// (*os.File).Fd: func (f *File) Fd() uintptr — the host's descriptor;
// ^uintptr(0) for a closed file, as gc's.
func os_File_Fd(t *vm.Thread, a, r []rt.Value) {
	hf := fileOf(t, a[0])
	if hf == nil || hf.f == nil {
		r[0] = rt.Value{N: ^uint64(0)}
		return
	}
	r[0] = rt.Value{N: uint64(hf.f.Fd())}
}

// os.Truncate: func Truncate(name string, size int64) error
func os_Truncate(t *vm.Thread, a, r []rt.Value) {
	r[0] = osError(t, os.Truncate(vm.Str(a[0]), int64(a[1].N)))
}

// os.Symlink: func Symlink(oldname, newname string) error
func os_Symlink(t *vm.Thread, a, r []rt.Value) {
	r[0] = osError(t, os.Symlink(vm.Str(a[0]), vm.Str(a[1])))
}

// os.Readlink: func Readlink(name string) (string, error)
func os_Readlink(t *vm.Thread, a, r []rt.Value) { stringResult(t, r)(os.Readlink(vm.Str(a[0]))) }

// The environment is the host process's (os.Getenv reads it too), so a
// host embedding goro shares it with the programs it runs.

// os.Setenv: func Setenv(key, value string) error
func os_Setenv(t *vm.Thread, a, r []rt.Value) {
	r[0] = osError(t, os.Setenv(vm.Str(a[0]), vm.Str(a[1])))
}

// os.Unsetenv: func Unsetenv(key string) error
func os_Unsetenv(t *vm.Thread, a, r []rt.Value) {
	pathOp(t, a, r, os.Unsetenv)
}

// os.ExpandEnv: func ExpandEnv(s string) string
func os_ExpandEnv(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: os.ExpandEnv(vm.Str(a[0]))}
}

// os.Expand: func Expand(s string, mapping func(string) string) string
//
// mapping is the program's function: the host's os.Expand finds the
// names, and each is replaced by calling mapping in turn (CallThen).
func os_Expand(t *vm.Thread, a, r []rt.Value) {
	// a and r are stack slots the callbacks' frames reuse: keep copies.
	s, mapping := vm.Str(a[0]), a[1]
	var names []string
	os.Expand(s, func(name string) string { names = append(names, name); return "" })
	vals := make([]string, 0, len(names))
	var next func(t *vm.Thread, results, out []rt.Value)
	finish := func(out []rt.Value) {
		i := 0
		out[0] = rt.Value{R: os.Expand(s, func(string) string { i++; return vals[i-1] })}
	}
	next = func(t *vm.Thread, results, out []rt.Value) {
		vals = append(vals, vm.Str(results[0]))
		if len(vals) < len(names) {
			t.CallThen(mapping, []rt.Value{{R: names[len(vals)]}}, next)
			return
		}
		finish(out)
	}
	if len(names) == 0 {
		finish(r)
		return
	}
	t.CallThen(mapping, []rt.Value{{R: names[0]}}, next)
}

// os.Executable: func Executable() (string, error)
//
// The program's executable is goro itself, as gc's is the binary.
func os_Executable(t *vm.Thread, a, r []rt.Value) {
	if exe := t.Machine().Executable; exe != "" {
		stringResult(t, r)(exe, nil) // a goro test binary's script (goro.RunOptions.Executable)
		return
	}
	stringResult(t, r)(os.Executable())
}

// os.UserHomeDir: func UserHomeDir() (string, error)
func os_UserHomeDir(t *vm.Thread, a, r []rt.Value) { stringResult(t, r)(os.UserHomeDir()) }

// os.UserCacheDir: func UserCacheDir() (string, error)
func os_UserCacheDir(t *vm.Thread, a, r []rt.Value) { stringResult(t, r)(os.UserCacheDir()) }

// os.UserConfigDir: func UserConfigDir() (string, error)
func os_UserConfigDir(t *vm.Thread, a, r []rt.Value) { stringResult(t, r)(os.UserConfigDir()) }

// blocking runs f, a host call that may block for long, with the G in
// _Gsyscall (rt.Entersyscall): kind says whether it waits on the world (a
// read of a pipe or a terminal, a child process: its P goes to another M
// meanwhile, so that the program's other goroutines run) or only takes
// time (a write, a read of a regular file: under a deterministic schedule
// the program waits for it). what names it in the note a deterministic run
// prints if its timing enters the schedule.
func blocking(t *vm.Thread, kind rt.SyscallKind, what string, f func()) {
	r, gp := t.Machine().RT, t.G()
	t.SyncFrames() // a dump or profile reads them while the G is in the host
	r.Entersyscall(gp, kind)
	defer r.Exitsyscall(gp, what)
	f()
}

// readKind is how a read of hf blocks: a regular file's only takes time.
func (hf *hostFile) readKind() rt.SyscallKind {
	if hf.regular == 0 {
		hf.regular = 2
		if fi, err := hf.f.Stat(); err == nil && fi.Mode().IsRegular() {
			hf.regular = 1
		}
	}
	if hf.regular == 1 {
		return rt.SyscallShort
	}
	return rt.SyscallWait
}

// stringResult returns a function that sets a native's (string, error)
// results from a host call's: stringResult(t, r)(os.Getwd()).
func stringResult(t *vm.Thread, r []rt.Value) func(string, error) {
	return func(s string, err error) { r[0], r[1] = rt.Value{R: s}, osError(t, err) }
}

// hostFileArg returns the host file of the *os.File v, or nil after
// setting the native's results to zero values and os.ErrInvalid (last).
func hostFileArg(t *vm.Thread, v rt.Value, r []rt.Value) *hostFile {
	hf := fileOf(t, v)
	if hf == nil || hf.f == nil {
		clear(r)
		r[len(r)-1] = osError(t, os.ErrInvalid)
		return nil
	}
	return hf
}

// stringsValue makes a []string.
func stringsValue(ss []string) rt.Value {
	vs := make([]rt.Value, len(ss))
	for i, s := range ss {
		vs[i] = rt.Value{R: s}
	}
	return rt.Value{R: vs}
}

// Raw connections: (*os.File).SyscallConn returns os's own *rawConn over
// the file, and its methods, natives, call the program's function with
// the host descriptor (read through the host file's own RawConn, so that
// the host file keeps its mode). Read and Write call it again after the
// descriptor becomes ready, as gc's RawRead and RawWrite, waiting as a
// blocking host call; on a regular file, which cannot be waited for, the
// wait fails as gc's does.

// (*os.File).SyscallConn: func (f *File) SyscallConn() (syscall.RawConn, error)
func os_File_SyscallConn(t *vm.Thread, a, r []rt.Value) {
	hf := hostFileArg(t, a[0], r)
	if hf == nil {
		return
	}
	m := t.Machine()
	rc := m.LookupType("os", "rawConn")
	cell := rc.Zero()
	cell.R.([]rt.Value)[vm.FieldIndex(rc, "file")] = a[0]
	r[0], r[1] = rt.Value{R: vm.Iface{T: m.TypeOf(types.NewPointer(rc.T)), V: rt.Value{R: &cell}}}, rt.Value{}
}

// rawConnFile returns the host RawConn and descriptor of the *os.rawConn
// v's file, or sets the native's error result.
func rawConnFile(t *vm.Thread, v rt.Value, r []rt.Value) (syscall.RawConn, uintptr, bool) {
	f, ok := ptrField(t, v, "os", "rawConn", "file")
	if !ok {
		return nil, 0, false
	}
	hf := fileOf(t, f)
	if hf == nil || hf.f == nil {
		r[0] = osError(t, os.ErrInvalid)
		return nil, 0, false
	}
	rc, err := hf.f.SyscallConn()
	if err != nil {
		r[0] = osError(t, err)
		return nil, 0, false
	}
	var fd uintptr
	if err := rc.Control(func(d uintptr) { fd = d }); err != nil {
		r[0] = osError(t, err)
		return nil, 0, false
	}
	return rc, fd, true
}

// (*os.rawConn).Control: func (c *rawConn) Control(f func(uintptr)) error
func os_rawConn_Control(t *vm.Thread, a, r []rt.Value) {
	_, fd, ok := rawConnFile(t, a[0], r)
	if !ok {
		return
	}
	t.CallThen(a[1], []rt.Value{{N: uint64(fd)}}, func(t *vm.Thread, res, out []rt.Value) { out[0] = rt.Value{} })
}

// (*os.rawConn).Read: func (c *rawConn) Read(f func(uintptr) bool) error
func os_rawConn_Read(t *vm.Thread, a, r []rt.Value) { rawConnLoop(t, a, r, false) }

// (*os.rawConn).Write: func (c *rawConn) Write(f func(uintptr) bool) error
func os_rawConn_Write(t *vm.Thread, a, r []rt.Value) { rawConnLoop(t, a, r, true) }

func rawConnLoop(t *vm.Thread, a, r []rt.Value, write bool) {
	rc, fd, ok := rawConnFile(t, a[0], r)
	if !ok {
		return
	}
	fn := a[1]
	var next func(t *vm.Thread, res, out []rt.Value)
	next = func(t *vm.Thread, res, out []rt.Value) {
		if res[0].N != 0 {
			out[0] = rt.Value{}
			return
		}
		// Wait until fd is ready: the host's RawConn calls its function
		// again once it is.
		var err error
		blocking(t, rt.SyscallWait, "a raw wait", func() {
			first := true
			ready := func(uintptr) bool { done := !first; first = false; return done }
			if write {
				err = rc.Write(ready)
			} else {
				err = rc.Read(ready)
			}
		})
		if err != nil {
			out[0] = osError(t, err)
			return
		}
		t.CallThen(fn, []rt.Value{{N: uint64(fd)}}, next)
	}
	t.CallThen(fn, []rt.Value{{N: uint64(fd)}}, next)
}
