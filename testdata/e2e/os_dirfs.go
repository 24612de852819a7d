// os.DirFS with io/fs: ReadFile, WalkDir, Stat, Open and its path checks.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

func main() {
	dir, err := os.MkdirTemp("", "goro-dirfs-")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.WriteFile(filepath.Join(dir, "a", "x.txt"), []byte("hello"), 0o644)
	os.WriteFile(filepath.Join(dir, "a", "b", "y.txt"), []byte("world!"), 0o644)
	fsys := os.DirFS(dir)
	data, err := fs.ReadFile(fsys, "a/x.txt")
	fmt.Println(string(data), err)
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		fmt.Println(p, d.IsDir(), err)
		return nil
	})
	fi, err := fs.Stat(fsys, "a/b/y.txt")
	fmt.Println(fi.Name(), fi.Size(), err)
	_, err = fsys.Open("../etc/passwd")
	fmt.Println(err)
	_, err = fsys.Open("missing")
	fmt.Println(err != nil, os.IsNotExist(err))
	f, _ := fsys.Open("a/x.txt")
	b := make([]byte, 3)
	n, _ := f.Read(b)
	fmt.Println(n, string(b))
	f.Close()
}
