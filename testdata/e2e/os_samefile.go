// os.SameFile (device and inode), os.Link, and os.DirFS's Lstat and ReadLink.
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	dir, _ := os.MkdirTemp("", "goro-samefile-")
	defer os.RemoveAll(dir)
	a := filepath.Join(dir, "a")
	os.WriteFile(a, []byte("x"), 0o644)
	os.Link(a, filepath.Join(dir, "b"))
	os.WriteFile(filepath.Join(dir, "c"), []byte("x"), 0o644)
	os.Symlink("a", filepath.Join(dir, "l"))
	fa, _ := os.Stat(a)
	fb, _ := os.Stat(filepath.Join(dir, "b"))
	fc, _ := os.Stat(filepath.Join(dir, "c"))
	fmt.Println(os.SameFile(fa, fb), os.SameFile(fa, fc))
	fsys := os.DirFS(dir)
	li, err := fsys.(interface {
		Lstat(string) (os.FileInfo, error)
	}).Lstat("l")
	fmt.Println(li.Mode()&os.ModeSymlink != 0, err)
	target, err := fsys.(interface{ ReadLink(string) (string, error) }).ReadLink("l")
	fmt.Println(target, err)
}
