// ossys: FileInfo.Sys() is the host's *syscall.Stat_t, as gc's (the size,
// mode, link count, owner and times a program reads from it), and
// syscall's own file calls (Stat, Mkdir, Rename, Readlink, Pipe) with
// their errors.
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

func main() {
	dir, err := os.MkdirTemp("", "ossys")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "f")
	os.WriteFile(name, []byte("12345"), 0o640)
	fi, err := os.Stat(name)
	if err != nil {
		panic(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	fmt.Println(st.Size, st.Mode&0o777 == 0o640, st.Nlink, st.Ino != 0, st.Uid == uint32(os.Getuid()), st.Mtim.Sec == fi.ModTime().Unix())
	d, _ := os.Lstat(dir)
	fmt.Println(d.Sys().(*syscall.Stat_t).Mode&syscall.S_IFMT == syscall.S_IFDIR)

	var s2 syscall.Stat_t
	fmt.Println(syscall.Stat(name, &s2), s2.Size, s2.Ino == st.Ino)
	sub := filepath.Join(dir, "sub")
	fmt.Println(syscall.Mkdir(sub, 0o755), syscall.Mkdir(sub, 0o755))
	err = syscall.Rename(name, filepath.Join(sub, "g"))
	fmt.Println(err, errors.Is(syscall.Rmdir(sub), os.ErrExist) || errors.Is(syscall.Rmdir(sub), syscall.ENOTEMPTY))
	os.Symlink("g", filepath.Join(sub, "link"))
	buf := make([]byte, 10)
	n, err := syscall.Readlink(filepath.Join(sub, "link"), buf)
	fmt.Println(string(buf[:n]), err)
	err = syscall.Stat(filepath.Join(dir, "missing"), &s2)
	fmt.Println(err, errors.Is(err, os.ErrNotExist))
	p := make([]int, 2)
	fmt.Println(syscall.Pipe(p), p[0] > 2, p[1] > 2)
	syscall.Write(p[1], []byte("through a pipe"))
	n, err = syscall.Read(p[0], buf)
	fmt.Println(string(buf[:n]), err)
	syscall.Close(p[0])
	syscall.Close(p[1])
}
