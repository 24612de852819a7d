// Files: os.MkdirTemp, WriteFile, ReadFile, Open with bufio.Scanner, Stat, errors of missing files (fs.PathError, fs.ErrNotExist), Create and io.ReadAll.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dir, err := os.MkdirTemp("", "goro-test")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte("line one\nline two\n"), 0o644); err != nil {
		panic(err)
	}
	b, err := os.ReadFile(p)
	fmt.Printf("%q %v\n", b, err)
	f, err := os.Open(p)
	if err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fmt.Println("scan:", sc.Text())
	}
	f.Close()
	fi, err := os.Stat(p)
	fmt.Println(fi.Name(), fi.Size(), fi.Mode(), fi.IsDir(), err)
	_, err = os.ReadFile(filepath.Join(dir, "missing"))
	fmt.Println(os.IsNotExist(err), errors.Is(err, fs.ErrNotExist), strings.HasSuffix(err.Error(), "no such file or directory"))
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op)
	g, _ := os.Create(filepath.Join(dir, "b.txt"))
	fmt.Fprintf(g, "hello %d\n", 42)
	g.Close()
	h, _ := os.Open(filepath.Join(dir, "b.txt"))
	all, err := io.ReadAll(h)
	fmt.Printf("%q %v\n", all, err)
	n, err := h.Read(make([]byte, 4))
	fmt.Println(n, err == io.EOF)
}
