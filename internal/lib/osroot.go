package lib

// os.Root (Go 1.24): a directory that names are confined to. A program's
// *os.Root is a cell whose host *os.Root is kept beside it in a CellTable;
// every method is the host's, so the confinement (no escape through "..",
// symbolic links or absolute names) and the errors are gc's. Root.FS is an
// *os.rootFS over the same cell, its methods the host's root.FS().

import (
	"go/types"
	"io/fs"
	"os"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(map[string]vm.NativeFunc{
		"(*os.Root).Chmod":      os_Root_Chmod,
		"(*os.Root).Chown":      os_Root_Chown,
		"(*os.Root).Chtimes":    os_Root_Chtimes,
		"(*os.Root).Close":      os_Root_Close,
		"(*os.Root).Create":     os_Root_Create,
		"(*os.Root).FS":         os_Root_FS,
		"(*os.Root).Lchown":     os_Root_Lchown,
		"(*os.Root).Link":       os_Root_Link,
		"(*os.Root).Lstat":      os_Root_Lstat,
		"(*os.Root).Mkdir":      os_Root_Mkdir,
		"(*os.Root).MkdirAll":   os_Root_MkdirAll,
		"(*os.Root).Name":       os_Root_Name,
		"(*os.Root).Open":       os_Root_Open,
		"(*os.Root).OpenFile":   os_Root_OpenFile,
		"(*os.Root).OpenRoot":   os_Root_OpenRoot,
		"(*os.Root).ReadFile":   os_Root_ReadFile,
		"(*os.Root).Readlink":   os_Root_Readlink,
		"(*os.Root).Remove":     os_Root_Remove,
		"(*os.Root).RemoveAll":  os_Root_RemoveAll,
		"(*os.Root).Rename":     os_Root_Rename,
		"(*os.Root).Stat":       os_Root_Stat,
		"(*os.Root).Symlink":    os_Root_Symlink,
		"(*os.Root).WriteFile":  os_Root_WriteFile,
		"(*os.rootFS).Lstat":    os_rootFS_Lstat,
		"(*os.rootFS).Open":     os_rootFS_Open,
		"(*os.rootFS).ReadDir":  os_rootFS_ReadDir,
		"(*os.rootFS).ReadFile": os_rootFS_ReadFile,
		"(*os.rootFS).ReadLink": os_rootFS_ReadLink,
		"(*os.rootFS).Stat":     os_rootFS_Stat,
		"os.OpenInRoot":         os_OpenInRoot,
		"os.OpenRoot":           os_OpenRoot,
	})
}

type rootKey struct{}

func rootsOf(m *vm.Machine) *vm.CellTable[*os.Root] {
	v, _ := m.LibState.LoadOrStore(rootKey{}, new(vm.CellTable[*os.Root]))
	return v.(*vm.CellTable[*os.Root])
}

// rootResult sets an open's results (*os.Root, error).
func rootResult(t *vm.Thread, r []rt.Value, hr *os.Root, err error) {
	if err != nil {
		r[0], r[1] = rt.Value{}, osError(t, err)
		return
	}
	m := t.Machine()
	cell := new(rt.Value)
	*cell = m.LookupType("os", "Root").Zero()
	rootsOf(m).Store(cell, hr)
	r[0], r[1] = rt.Value{R: cell}, rt.Value{}
}

// rootArg is the host root of a *os.Root (or *os.rootFS) receiver; nil
// after a nil dereference's panic, as gc's methods on a nil *Root.
func rootArg(t *vm.Thread, v rt.Value) *os.Root {
	p := cellOf(t, v)
	if p == nil {
		return nil
	}
	hr, ok := rootsOf(t.Machine()).Load(p)
	if !ok {
		t.PanicRuntime("invalid memory address or nil pointer dereference") // a Root that OpenRoot did not make
		return nil
	}
	return hr
}

// os.OpenRoot: func OpenRoot(name string) (*Root, error)
func os_OpenRoot(t *vm.Thread, a, r []rt.Value) {
	hr, err := os.OpenRoot(vm.Str(a[0]))
	rootResult(t, r, hr, err)
}

// os.OpenInRoot: func OpenInRoot(dir, name string) (*File, error)
func os_OpenInRoot(t *vm.Thread, a, r []rt.Value) {
	f, err := os.OpenInRoot(vm.Str(a[0]), vm.Str(a[1]))
	openResult(t, r, f, err)
}

// (*os.Root).OpenRoot: func (r *Root) OpenRoot(name string) (*Root, error)
func os_Root_OpenRoot(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		sub, err := hr.OpenRoot(vm.Str(a[1]))
		rootResult(t, r, sub, err)
	}
}

// (*os.Root).Name: func (r *Root) Name() string
func os_Root_Name(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		r[0] = rt.Value{R: hr.Name()}
	}
}

// (*os.Root).Close: func (r *Root) Close() error
func os_Root_Close(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		r[0] = osError(t, hr.Close())
	}
}

// (*os.Root).Open: func (r *Root) Open(name string) (*File, error)
func os_Root_Open(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		f, err := hr.Open(vm.Str(a[1]))
		openResult(t, r, f, err)
	}
}

// (*os.Root).Create: func (r *Root) Create(name string) (*File, error)
func os_Root_Create(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		f, err := hr.Create(vm.Str(a[1]))
		openResult(t, r, f, err)
	}
}

// (*os.Root).OpenFile: func (r *Root) OpenFile(name string, flag int, perm FileMode) (*File, error)
func os_Root_OpenFile(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		f, err := hr.OpenFile(vm.Str(a[1]), int(int64(a[2].N)), fs.FileMode(a[3].N))
		openResult(t, r, f, err)
	}
}

// (*os.Root).Mkdir: func (r *Root) Mkdir(name string, perm FileMode) error
func os_Root_Mkdir(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		r[0] = osError(t, hr.Mkdir(vm.Str(a[1]), fs.FileMode(a[2].N)))
	}
}

// (*os.Root).MkdirAll: func (r *Root) MkdirAll(name string, perm FileMode) error
func os_Root_MkdirAll(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		r[0] = osError(t, hr.MkdirAll(vm.Str(a[1]), fs.FileMode(a[2].N)))
	}
}

// (*os.Root).Remove: func (r *Root) Remove(name string) error
func os_Root_Remove(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		r[0] = osError(t, hr.Remove(vm.Str(a[1])))
	}
}

// (*os.Root).RemoveAll: func (r *Root) RemoveAll(name string) error
func os_Root_RemoveAll(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		r[0] = osError(t, hr.RemoveAll(vm.Str(a[1])))
	}
}

// (*os.Root).Stat: func (r *Root) Stat(name string) (FileInfo, error)
func os_Root_Stat(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		statOp(t, a[1:], r, hr.Stat)
	}
}

// (*os.Root).Lstat: func (r *Root) Lstat(name string) (FileInfo, error)
func os_Root_Lstat(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		statOp(t, a[1:], r, hr.Lstat)
	}
}

// (*os.Root).Chmod: func (r *Root) Chmod(name string, mode FileMode) error
func os_Root_Chmod(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		r[0] = osError(t, hr.Chmod(vm.Str(a[1]), fs.FileMode(a[2].N)))
	}
}

// (*os.Root).Chown: func (r *Root) Chown(name string, uid, gid int) error
func os_Root_Chown(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		r[0] = osError(t, hr.Chown(vm.Str(a[1]), int(int64(a[2].N)), int(int64(a[3].N))))
	}
}

// (*os.Root).Lchown: func (r *Root) Lchown(name string, uid, gid int) error
func os_Root_Lchown(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		r[0] = osError(t, hr.Lchown(vm.Str(a[1]), int(int64(a[2].N)), int(int64(a[3].N))))
	}
}

// (*os.Root).Chtimes: func (r *Root) Chtimes(name string, atime time.Time, mtime time.Time) error
func os_Root_Chtimes(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		r[0] = osError(t, hr.Chtimes(vm.Str(a[1]), hostTimeOf(a[2]), hostTimeOf(a[3])))
	}
}

// rootLink is Link, Rename or Symlink: f(old, new) on the root.
func rootLink(t *vm.Thread, a, r []rt.Value, f func(*os.Root, string, string) error) {
	if hr := rootArg(t, a[0]); hr != nil {
		r[0] = osError(t, f(hr, vm.Str(a[1]), vm.Str(a[2])))
	}
}

// (*os.Root).Link: func (r *Root) Link(oldname, newname string) error
func os_Root_Link(t *vm.Thread, a, r []rt.Value) { rootLink(t, a, r, (*os.Root).Link) }

// (*os.Root).Rename: func (r *Root) Rename(oldname, newname string) error
func os_Root_Rename(t *vm.Thread, a, r []rt.Value) { rootLink(t, a, r, (*os.Root).Rename) }

// (*os.Root).Symlink: func (r *Root) Symlink(oldname, newname string) error
func os_Root_Symlink(t *vm.Thread, a, r []rt.Value) { rootLink(t, a, r, (*os.Root).Symlink) }

// (*os.Root).Readlink: func (r *Root) Readlink(name string) (string, error)
func os_Root_Readlink(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		stringResult(t, r)(hr.Readlink(vm.Str(a[1])))
	}
}

// (*os.Root).ReadFile: func (r *Root) ReadFile(name string) ([]byte, error)
func os_Root_ReadFile(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		b, err := hr.ReadFile(vm.Str(a[1]))
		r[0], r[1] = vm.BytesToValues(b), osError(t, err)
	}
}

// (*os.Root).WriteFile: func (r *Root) WriteFile(name string, data []byte, perm FileMode) error
func os_Root_WriteFile(t *vm.Thread, a, r []rt.Value) {
	if hr := rootArg(t, a[0]); hr != nil {
		r[0] = osError(t, hr.WriteFile(vm.Str(a[1]), vm.ValuesToBytes(a[2]), fs.FileMode(a[3].N)))
	}
}

// (*os.Root).FS: func (r *Root) FS() fs.FS — the same cell as an *os.rootFS.
func os_Root_FS(t *vm.Thread, a, r []rt.Value) {
	m := t.Machine()
	r[0] = rt.Value{R: vm.Iface{T: m.TypeOf(types.NewPointer(m.LookupType("os", "rootFS").T)), V: a[0]}}
}

// rootFS is the host's fs.FS of an *os.rootFS receiver, or nil after a panic.
func rootFS(t *vm.Thread, v rt.Value) fs.FS {
	if hr := rootArg(t, v); hr != nil {
		return hr.FS()
	}
	return nil
}

// (*os.rootFS).Open: func (rfs *rootFS) Open(name string) (fs.File, error)
func os_rootFS_Open(t *vm.Thread, a, r []rt.Value) {
	if fsys := rootFS(t, a[0]); fsys != nil {
		f, err := fsys.Open(vm.Str(a[1]))
		if err != nil {
			r[0], r[1] = rt.Value{}, osError(t, err)
			return
		}
		m := t.Machine()
		r[0], r[1] = rt.Value{R: vm.Iface{T: m.TypeOf(types.NewPointer(m.LookupType("os", "File").T)), V: newHostFile(t, f.(*os.File))}}, rt.Value{}
	}
}

// (*os.rootFS).ReadDir: func (rfs *rootFS) ReadDir(name string) ([]DirEntry, error)
func os_rootFS_ReadDir(t *vm.Thread, a, r []rt.Value) {
	if fsys := rootFS(t, a[0]); fsys != nil {
		es, err := fsys.(fs.ReadDirFS).ReadDir(vm.Str(a[1]))
		r[0], r[1] = dirEntries(t, es), osError(t, err)
	}
}

// (*os.rootFS).ReadFile: func (rfs *rootFS) ReadFile(name string) ([]byte, error)
func os_rootFS_ReadFile(t *vm.Thread, a, r []rt.Value) {
	if fsys := rootFS(t, a[0]); fsys != nil {
		b, err := fsys.(fs.ReadFileFS).ReadFile(vm.Str(a[1]))
		r[0], r[1] = vm.BytesToValues(b), osError(t, err)
	}
}

// (*os.rootFS).ReadLink: func (rfs *rootFS) ReadLink(name string) (string, error)
func os_rootFS_ReadLink(t *vm.Thread, a, r []rt.Value) {
	if fsys := rootFS(t, a[0]); fsys != nil {
		stringResult(t, r)(fsys.(fs.ReadLinkFS).ReadLink(vm.Str(a[1])))
	}
}

// (*os.rootFS).Stat: func (rfs *rootFS) Stat(name string) (FileInfo, error)
func os_rootFS_Stat(t *vm.Thread, a, r []rt.Value) {
	if fsys := rootFS(t, a[0]); fsys != nil {
		statOp(t, a[1:], r, fsys.(fs.StatFS).Stat)
	}
}

// (*os.rootFS).Lstat: func (rfs *rootFS) Lstat(name string) (FileInfo, error)
func os_rootFS_Lstat(t *vm.Thread, a, r []rt.Value) {
	if fsys := rootFS(t, a[0]); fsys != nil {
		statOp(t, a[1:], r, fsys.(fs.ReadLinkFS).Lstat)
	}
}
