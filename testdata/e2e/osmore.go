// os functions over the host: Readdir, Chtimes (a time.Time to the host and back
// through Stat), Chmod and Chown of a file and by name, Fd, Getpagesize,
// Getgroups.
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

func main() {
	dir, err := os.MkdirTemp("", "osmore")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "f")
	f, err := os.Create(name)
	if err != nil {
		panic(err)
	}
	fmt.Println("fd is a descriptor:", f.Fd() > 2)
	fmt.Println(f.Chmod(0o600))
	fi, _ := f.Stat()
	fmt.Println(fi.Mode())
	fmt.Println(f.Chown(os.Getuid(), os.Getgid()), os.Chown(name, os.Getuid(), os.Getgid()), os.Lchown(name, -1, -1))
	f.Close()
	fmt.Println("closed fd:", f.Fd() == ^uintptr(0))

	mtime := time.Date(2021, 3, 4, 5, 6, 7, 800, time.UTC)
	fmt.Println(os.Chtimes(name, time.Time{}, mtime))
	fi, _ = os.Stat(name)
	fmt.Println(fi.ModTime().UTC(), fi.ModTime().Equal(mtime))
	err = os.Chtimes(filepath.Join(dir, "missing"), mtime, mtime)
	fmt.Println(errors.Is(err, os.ErrNotExist), err.(*os.PathError).Op)

	d, _ := os.Open(dir)
	fis, err := d.Readdir(-1)
	fmt.Println(len(fis), fis[0].Name(), fis[0].Size(), fis[0].IsDir(), err)
	d.Close()

	fmt.Println(os.Getpagesize())
	gs, err := os.Getgroups()
	fmt.Println(len(gs) >= 0, err)
}
