// oscopyfs: os.CopyFS copies a program's fs.FS (testing/fstest.MapFS) into
// a directory (os's own source, kept in the native package), and fails
// with fs.ErrExist over existing files.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing/fstest"
)

func main() {
	dir, err := os.MkdirTemp("", "copyfs")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	src := fstest.MapFS{
		"a.txt":         {Data: []byte("alpha"), Mode: 0o644},
		"sub/b.txt":     {Data: []byte("beta"), Mode: 0o600},
		"sub/deep/c.go": {Data: []byte("package c"), Mode: 0o644},
	}
	fmt.Println(os.CopyFS(dir, src))
	var got []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		if !d.IsDir() {
			b, _ := os.ReadFile(p)
			info, _ := d.Info()
			got = append(got, fmt.Sprintf("%s %q %v", rel, b, info.Mode()))
		}
		return nil
	})
	sort.Strings(got)
	for _, g := range got {
		fmt.Println(g)
	}
	err = os.CopyFS(dir, src) // exists
	fmt.Println(errors.Is(err, fs.ErrExist))
}
