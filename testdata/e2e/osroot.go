// os.Root: names confined to a directory, as gc's (the escapes refused
// with gc's errors), and its fs.FS.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dir, err := os.MkdirTemp("", "osroot")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "outside"), []byte("secret"), 0o644)
	inner := filepath.Join(dir, "inner")
	os.Mkdir(inner, 0o755)

	root, err := os.OpenRoot(inner)
	fmt.Println(err, root.Name() == inner)
	fmt.Println(root.WriteFile("a.txt", []byte("hello"), 0o644))
	b, err := root.ReadFile("a.txt")
	fmt.Println(string(b), err)
	fmt.Println(root.MkdirAll("d/e", 0o755), root.Mkdir("d/e", 0o755) != nil)
	f, err := root.Create("d/e/f")
	fmt.Println(err)
	f.WriteString("nested")
	f.Close()
	fi, err := root.Stat("d/e/f")
	fmt.Println(fi.Name(), fi.Size(), err)
	fmt.Println(root.Rename("d/e/f", "g"), root.Symlink("g", "link"))
	s, err := root.Readlink("link")
	fmt.Println(s, err)
	fi, _ = root.Lstat("link")
	fmt.Println(fi.Mode()&fs.ModeSymlink != 0)

	// Escapes.
	_, err = root.Open("../outside")
	fmt.Println(err != nil, strings.Contains(err.Error(), "path escapes from parent"))
	os.Symlink("../outside", filepath.Join(inner, "bad"))
	_, err = root.ReadFile("bad")
	fmt.Println(err != nil)
	_, err = root.Open("/etc/passwd")
	fmt.Println(err != nil)
	_, err = root.Stat("missing")
	fmt.Println(errors.Is(err, fs.ErrNotExist))

	sub, err := root.OpenRoot("d")
	fmt.Println(err, sub.Name() == filepath.Join(inner, "d"))
	sub.Close()

	fsys := root.FS()
	es, err := fs.ReadDir(fsys, ".")
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	fmt.Println(names, err)
	data, err := fs.ReadFile(fsys, "g")
	fmt.Println(string(data), err)
	fmt.Println(root.Remove("g"), root.RemoveAll("d"))

	f, err = os.OpenInRoot(inner, "a.txt")
	fmt.Println(err)
	f.Close()
	fmt.Println(root.Close())
}
