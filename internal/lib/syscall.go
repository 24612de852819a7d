package lib

// syscall's file, process and environment calls, made on the host. Most
// programs reach them only through os, whose natives call the host's os
// directly; these serve code that calls syscall itself, and os's own
// source where it runs (its tests: lib's sourceUnderTest). Structs the
// kernel fills (Stat_t, Utsname, Timespec) are copied field by field,
// by name, between the host's and the program's (hostStruct).
// syscallx.go has the rest of the package's calls and helpers.

import (
	"os"
	"reflect"
	"syscall"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(syscallNatives)
}

// syscallNatives binds these functions by their ssa names (sorted).
var syscallNatives = map[string]vm.NativeFunc{
	"(*syscall.Timespec).Nano": syscall_Timespec_Nano,
	"(*syscall.Timespec).Unix": syscall_Timespec_Unix,
	"(*syscall.Timeval).Nano":  syscall_Timeval_Nano,
	"(*syscall.Timeval).Unix":  syscall_Timeval_Unix,
	"syscall.NsecToTimeval":    syscall_NsecToTimeval,
	"syscall.TimespecToNsec":   syscall_TimespecToNsec,
	"syscall.TimevalToNsec":    syscall_TimevalToNsec,
	"syscall.Chdir":            syscall_Chdir,
	"syscall.Chmod":            syscall_Chmod,
	"syscall.Chown":            syscall_Chown,
	"syscall.Clearenv":         syscall_Clearenv,
	"syscall.Exit":             syscall_Exit,
	"syscall.Fstat":            syscall_Fstat,
	"syscall.Getegid":          syscall_Getegid,
	"syscall.Geteuid":          syscall_Geteuid,
	"syscall.Getgid":           syscall_Getgid,
	"syscall.Getgroups":        syscall_Getgroups,
	"syscall.Getppid":          syscall_Getppid,
	"syscall.Getuid":           syscall_Getuid,
	"syscall.Getwd":            syscall_Getwd,
	"syscall.Lchown":           syscall_Lchown,
	"syscall.Link":             syscall_Link,
	"syscall.Lstat":            syscall_Lstat,
	"syscall.Mkdir":            syscall_Mkdir,
	"syscall.Mkfifo":           syscall_Mkfifo,
	"syscall.NsecToTimespec":   syscall_NsecToTimespec,
	"syscall.Open":             syscall_Open,
	"syscall.Pipe":             syscall_Pipe,
	"syscall.Pipe2":            syscall_Pipe2,
	"syscall.Readlink":         syscall_Readlink,
	"syscall.Rename":           syscall_Rename,
	"syscall.Rmdir":            syscall_Rmdir,
	"syscall.Setenv":           syscall_Setenv,
	"syscall.Stat":             syscall_Stat,
	"syscall.Symlink":          syscall_Symlink,
	"syscall.Truncate":         syscall_Truncate,
	"syscall.Umask":            syscall_Umask,
	"syscall.Uname":            syscall_Uname,
	"syscall.Unsetenv":         syscall_Unsetenv,
	"syscall.UtimesNano":       syscall_UtimesNano,
}

// hostStruct copies the host struct h (a reflect.Value of a struct) into
// the program's struct value v of type st, field by field by name:
// integers, arrays of integers and nested structs.
func hostStruct(st *vm.Type, v rt.Value, h reflect.Value) {
	fs, _ := v.R.([]rt.Value)
	for i := 0; i < h.NumField(); i++ {
		k := vm.FieldIndex(st, h.Type().Field(i).Name)
		if k < 0 || k >= len(fs) {
			continue
		}
		fs[k] = hostValue(st.Fields[k], fs[k], h.Field(i))
	}
}

// hostValue converts one host field to the program's (dst: its current
// value, updated in place for aggregates).
func hostValue(ft *vm.Type, dst rt.Value, h reflect.Value) rt.Value {
	switch h.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rt.Value{N: uint64(h.Int())}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return rt.Value{N: h.Uint()}
	case reflect.Array:
		es, _ := dst.R.([]rt.Value)
		for i := 0; i < h.Len() && i < len(es); i++ {
			es[i] = hostValue(ft.Elem, es[i], h.Index(i))
		}
		return dst
	case reflect.Struct:
		hostStruct(ft, dst, h)
		return dst
	}
	return dst
}

// programStruct copies the program's struct value v of type st into the
// host struct h (addressable), by field name.
func programStruct(st *vm.Type, v rt.Value, h reflect.Value) {
	fs, _ := v.R.([]rt.Value)
	for i := 0; i < h.NumField(); i++ {
		k := vm.FieldIndex(st, h.Type().Field(i).Name)
		if k < 0 || k >= len(fs) {
			continue
		}
		f := h.Field(i)
		switch f.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			f.SetInt(int64(fs[k].N))
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			f.SetUint(fs[k].N)
		case reflect.Struct:
			programStruct(st.Fields[k], fs[k], f)
		case reflect.Array:
			es, _ := fs[k].R.([]rt.Value)
			for j := 0; j < f.Len() && j < len(es); j++ {
				if e := f.Index(j); e.CanInt() {
					e.SetInt(int64(es[j].N))
				} else if e.CanUint() {
					e.SetUint(es[j].N)
				}
			}
		}
	}
}

// structPtrArg returns the host copy of the struct of the program's
// syscall.<typ> the pointer v points to: the argument of a setsockopt. A
// nil pointer gives a nil one, which the kernel answers with EFAULT, as
// under gc (which hands the kernel the address without reading it).
func structPtrArg[T any](t *vm.Thread, v rt.Value, typ string) *T {
	cell, _ := v.R.(*rt.Value)
	if cell == nil {
		return nil
	}
	h := new(T)
	programStruct(t.Machine().LookupType("syscall", typ), *cell, reflect.ValueOf(h).Elem())
	return h
}

// statInto fills the program's *syscall.Stat_t p from the host's.
func statInto(t *vm.Thread, p rt.Value, st *syscall.Stat_t) {
	if cell := cellOf(t, p); cell != nil {
		hostStruct(t.Machine().LookupType("syscall", "Stat_t"), *cell, reflect.ValueOf(st).Elem())
	}
}

// pathErr runs the host call f and sets its error result (last).
func pathErr(t *vm.Thread, r []rt.Value, err error) { r[len(r)-1] = errnoResult(t, err) }

// syscall.Chdir: func Chdir(path string) (err error)
func syscall_Chdir(t *vm.Thread, a, r []rt.Value) { pathErr(t, r, syscall.Chdir(vm.Str(a[0]))) }

// syscall.Chmod: func Chmod(path string, mode uint32) (err error)
func syscall_Chmod(t *vm.Thread, a, r []rt.Value) {
	pathErr(t, r, syscall.Chmod(vm.Str(a[0]), uint32(a[1].N)))
}

// syscall.Chown: func Chown(path string, uid int, gid int) (err error)
func syscall_Chown(t *vm.Thread, a, r []rt.Value) {
	pathErr(t, r, syscall.Chown(vm.Str(a[0]), int(a[1].N), int(a[2].N)))
}

// syscall.Lchown: func Lchown(path string, uid int, gid int) (err error)
func syscall_Lchown(t *vm.Thread, a, r []rt.Value) {
	pathErr(t, r, syscall.Lchown(vm.Str(a[0]), int(a[1].N), int(a[2].N)))
}

// syscall.Link: func Link(oldpath string, newpath string) (err error)
func syscall_Link(t *vm.Thread, a, r []rt.Value) {
	pathErr(t, r, syscall.Link(vm.Str(a[0]), vm.Str(a[1])))
}

// syscall.Symlink: func Symlink(oldpath string, newpath string) (err error)
func syscall_Symlink(t *vm.Thread, a, r []rt.Value) {
	pathErr(t, r, syscall.Symlink(vm.Str(a[0]), vm.Str(a[1])))
}

// syscall.Rename: func Rename(oldpath string, newpath string) (err error)
func syscall_Rename(t *vm.Thread, a, r []rt.Value) {
	pathErr(t, r, syscall.Rename(vm.Str(a[0]), vm.Str(a[1])))
}

// syscall.Mkdir: func Mkdir(path string, mode uint32) (err error)
func syscall_Mkdir(t *vm.Thread, a, r []rt.Value) {
	pathErr(t, r, syscall.Mkdir(vm.Str(a[0]), uint32(a[1].N)))
}

// syscall.Mkfifo: func Mkfifo(path string, mode uint32) (err error)
func syscall_Mkfifo(t *vm.Thread, a, r []rt.Value) {
	pathErr(t, r, syscall.Mkfifo(vm.Str(a[0]), uint32(a[1].N)))
}

// syscall.Rmdir: func Rmdir(path string) error
func syscall_Rmdir(t *vm.Thread, a, r []rt.Value) { pathErr(t, r, syscall.Rmdir(vm.Str(a[0]))) }

// syscall.Truncate: func Truncate(path string, length int64) (err error)
func syscall_Truncate(t *vm.Thread, a, r []rt.Value) {
	pathErr(t, r, syscall.Truncate(vm.Str(a[0]), int64(a[1].N)))
}

// syscall.Umask: func Umask(mask int) (oldmask int)
func syscall_Umask(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(syscall.Umask(int(a[0].N)))}
}

// syscall.Readlink: func Readlink(path string, buf []byte) (n int, err error)
func syscall_Readlink(t *vm.Thread, a, r []rt.Value) {
	buf := make([]byte, len(sliceOf(a[1])))
	n, err := syscall.Readlink(vm.Str(a[0]), buf)
	if n > 0 {
		bytesValues(a[1], buf[:n])
	}
	intErr(t, r, n, err)
}

// syscall.Open: func Open(path string, mode int, perm uint32) (fd int, err error)
func syscall_Open(t *vm.Thread, a, r []rt.Value) {
	var fd int
	var err error
	blocking(t, rt.SyscallWait, "an open", func() { fd, err = syscall.Open(vm.Str(a[0]), int(a[1].N), uint32(a[2].N)) }) // a FIFO's open waits for its other end
	intErr(t, r, fd, err)
}

// pipeResult stores a host pipe's descriptors into the program's []int.
func pipeResult(t *vm.Thread, a, r []rt.Value, p [2]int, err error) {
	if ps := sliceOf(a[0]); len(ps) == 2 && err == nil {
		ps[0], ps[1] = rt.Value{N: uint64(p[0])}, rt.Value{N: uint64(p[1])}
	}
	r[0] = errnoResult(t, err)
}

// syscall.Pipe: func Pipe(p []int) error
func syscall_Pipe(t *vm.Thread, a, r []rt.Value) {
	if len(sliceOf(a[0])) != 2 {
		r[0] = errnoResult(t, syscall.EINVAL)
		return
	}
	var p [2]int
	err := syscall.Pipe(p[:])
	pipeResult(t, a, r, p, err)
}

// syscall.Pipe2: func Pipe2(p []int, flags int) error
func syscall_Pipe2(t *vm.Thread, a, r []rt.Value) {
	if len(sliceOf(a[0])) != 2 {
		r[0] = errnoResult(t, syscall.EINVAL)
		return
	}
	var p [2]int
	err := syscall.Pipe2(p[:], int(a[1].N))
	pipeResult(t, a, r, p, err)
}

// syscall.Stat: func Stat(path string, stat *Stat_t) (err error)
func syscall_Stat(t *vm.Thread, a, r []rt.Value) {
	var st syscall.Stat_t
	err := syscall.Stat(vm.Str(a[0]), &st)
	if err == nil {
		statInto(t, a[1], &st)
	}
	r[0] = errnoResult(t, err)
}

// syscall.Lstat: func Lstat(path string, stat *Stat_t) (err error)
func syscall_Lstat(t *vm.Thread, a, r []rt.Value) {
	var st syscall.Stat_t
	err := syscall.Lstat(vm.Str(a[0]), &st)
	if err == nil {
		statInto(t, a[1], &st)
	}
	r[0] = errnoResult(t, err)
}

// syscall.Fstat: func Fstat(fd int, stat *Stat_t) (err error)
func syscall_Fstat(t *vm.Thread, a, r []rt.Value) {
	var st syscall.Stat_t
	err := syscall.Fstat(int(a[0].N), &st)
	if err == nil {
		statInto(t, a[1], &st)
	}
	r[0] = errnoResult(t, err)
}

// syscall.Uname: func Uname(buf *Utsname) (err error)
func syscall_Uname(t *vm.Thread, a, r []rt.Value) {
	var u syscall.Utsname
	err := syscall.Uname(&u)
	if cell := cellOf(t, a[0]); cell != nil && err == nil {
		hostStruct(t.Machine().LookupType("syscall", "Utsname"), *cell, reflect.ValueOf(&u).Elem())
	}
	r[0] = errnoResult(t, err)
}

// syscall.NsecToTimespec: func NsecToTimespec(nsec int64) Timespec
func syscall_NsecToTimespec(t *vm.Thread, a, r []rt.Value) {
	ts := syscall.NsecToTimespec(int64(a[0].N))
	st := t.Machine().LookupType("syscall", "Timespec")
	v := st.Zero()
	hostStruct(st, v, reflect.ValueOf(ts))
	r[0] = v
}

// syscall.UtimesNano: func UtimesNano(path string, ts []Timespec) (err error)
func syscall_UtimesNano(t *vm.Thread, a, r []rt.Value) {
	st := t.Machine().LookupType("syscall", "Timespec")
	vs := sliceOf(a[1])
	ts := make([]syscall.Timespec, len(vs))
	for i, v := range vs {
		programStruct(st, v, reflect.ValueOf(&ts[i]).Elem())
	}
	r[0] = errnoResult(t, syscall.UtimesNano(vm.Str(a[0]), ts))
}

// syscall.Getwd: func Getwd() (wd string, err error)
func syscall_Getwd(t *vm.Thread, a, r []rt.Value) {
	wd, err := syscall.Getwd()
	r[0], r[1] = rt.Value{R: wd}, errnoResult(t, err)
}

// The environment is the host process's (DESIGN: not supported yet, a
// per-program environment).

// syscall.Setenv: func Setenv(key, value string) error
func syscall_Setenv(t *vm.Thread, a, r []rt.Value) {
	r[0] = errnoResult(t, syscall.Setenv(vm.Str(a[0]), vm.Str(a[1])))
}

// syscall.Unsetenv: func Unsetenv(key string) error
func syscall_Unsetenv(t *vm.Thread, a, r []rt.Value) {
	r[0] = errnoResult(t, syscall.Unsetenv(vm.Str(a[0])))
}

// syscall.Clearenv: func Clearenv()
func syscall_Clearenv(t *vm.Thread, a, r []rt.Value) { os.Clearenv() }

// syscall.Exit: func Exit(code int) — the program's exit, as os.Exit.
func syscall_Exit(t *vm.Thread, a, r []rt.Value) { t.Exit(int(int32(a[0].N))) }

// syscall.Getppid: func Getppid() (ppid int)
func syscall_Getppid(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(syscall.Getppid())} }

// syscall.Getuid: func Getuid() (uid int)
func syscall_Getuid(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(syscall.Getuid())} }

// syscall.Geteuid: func Geteuid() (euid int)
func syscall_Geteuid(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(syscall.Geteuid())} }

// syscall.Getgid: func Getgid() (gid int)
func syscall_Getgid(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(syscall.Getgid())} }

// syscall.Getegid: func Getegid() (egid int)
func syscall_Getegid(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(syscall.Getegid())} }

// syscall.Getgroups: func Getgroups() (gids []int, err error)
func syscall_Getgroups(t *vm.Thread, a, r []rt.Value) {
	gids, err := syscall.Getgroups()
	if err != nil {
		r[0], r[1] = rt.Value{}, errnoResult(t, err)
		return
	}
	vs := make([]rt.Value, len(gids))
	for i, g := range gids {
		vs[i] = rt.Value{N: uint64(g)}
	}
	r[0], r[1] = rt.Value{R: vs}, rt.Value{}
}

// Timespec and Timeval: {Sec, Nsec} and {Sec, Usec}, both int64 on
// linux/amd64.

// secFrac reads the two fields of the *Timespec or *Timeval p.
func secFrac(t *vm.Thread, p rt.Value) (sec, frac int64, ok bool) {
	fs := structArg(t, p)
	if fs == nil {
		return 0, 0, false
	}
	return int64(fs[0].N), int64(fs[1].N), true
}

// (*syscall.Timespec).Unix: func (ts *Timespec) Unix() (sec int64, nsec int64)
func syscall_Timespec_Unix(t *vm.Thread, a, r []rt.Value) {
	if sec, nsec, ok := secFrac(t, a[0]); ok {
		r[0], r[1] = rt.Value{N: uint64(sec)}, rt.Value{N: uint64(nsec)}
	}
}

// (*syscall.Timespec).Nano: func (ts *Timespec) Nano() int64
func syscall_Timespec_Nano(t *vm.Thread, a, r []rt.Value) {
	if sec, nsec, ok := secFrac(t, a[0]); ok {
		r[0] = rt.Value{N: uint64(sec*1e9 + nsec)}
	}
}

// (*syscall.Timeval).Unix: func (tv *Timeval) Unix() (sec int64, nsec int64)
func syscall_Timeval_Unix(t *vm.Thread, a, r []rt.Value) {
	if sec, usec, ok := secFrac(t, a[0]); ok {
		r[0], r[1] = rt.Value{N: uint64(sec)}, rt.Value{N: uint64(usec * 1000)}
	}
}

// (*syscall.Timeval).Nano: func (tv *Timeval) Nano() int64
func syscall_Timeval_Nano(t *vm.Thread, a, r []rt.Value) {
	if sec, usec, ok := secFrac(t, a[0]); ok {
		r[0] = rt.Value{N: uint64(sec*1e9 + usec*1000)}
	}
}

// syscall.TimespecToNsec: func TimespecToNsec(ts Timespec) int64
func syscall_TimespecToNsec(t *vm.Thread, a, r []rt.Value) {
	fs := a[0].R.([]rt.Value)
	r[0] = rt.Value{N: uint64(int64(fs[0].N)*1e9 + int64(fs[1].N))}
}

// syscall.TimevalToNsec: func TimevalToNsec(tv Timeval) int64
func syscall_TimevalToNsec(t *vm.Thread, a, r []rt.Value) {
	fs := a[0].R.([]rt.Value)
	r[0] = rt.Value{N: uint64(int64(fs[0].N)*1e9 + int64(fs[1].N)*1000)}
}

// syscall.NsecToTimeval: func NsecToTimeval(nsec int64) Timeval
func syscall_NsecToTimeval(t *vm.Thread, a, r []rt.Value) {
	tv := syscall.NsecToTimeval(int64(a[0].N))
	st := t.Machine().LookupType("syscall", "Timeval")
	v := st.Zero()
	hostStruct(st, v, reflect.ValueOf(tv))
	r[0] = v
}
