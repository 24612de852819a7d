// Files and directories through os: ReadDir and WalkDir (entries of io/fs's types), a File's
// ReadDir/Readdirnames/Seek/ReadAt/Truncate, Chmod, Symlink/Readlink, the environment with
// Setenv/ExpandEnv/Expand (a mapping function of the program's own).
package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func check(err error) {
	if err != nil {
		fmt.Println("error:", err)
	}
}

func main() {
	dir, err := os.MkdirTemp("", "goro-osfiles-")
	check(err)
	defer os.RemoveAll(dir)
	p := func(elem ...string) string { return filepath.Join(append([]string{dir}, elem...)...) }
	check(os.WriteFile(p("b.txt"), []byte("hello, world"), 0o644))
	check(os.Mkdir(p("sub"), 0o755))
	check(os.WriteFile(p("sub", "c.txt"), []byte("c"), 0o600))
	check(os.WriteFile(p("a.txt"), nil, 0o644))

	es, err := os.ReadDir(dir)
	check(err)
	for _, e := range es {
		info, _ := e.Info()
		fmt.Println(e.Name(), e.IsDir(), e.Type().IsDir(), info.Size(), fs.FormatDirEntry(e))
	}
	check(filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, path)
		fmt.Println("walk", rel, d.IsDir())
		return err
	}))
	_, err = os.ReadDir(p("missing"))
	fmt.Println(os.IsNotExist(err))

	f, err := os.Open(dir)
	check(err)
	names, err := f.Readdirnames(-1)
	sort.Strings(names)
	fmt.Println(names, err)
	f.Close()

	f, err = os.OpenFile(p("b.txt"), os.O_RDWR, 0)
	check(err)
	buf := make([]byte, 5)
	n, err := f.ReadAt(buf, 7)
	fmt.Println(n, err, string(buf))
	off, err := f.Seek(-5, io.SeekEnd)
	fmt.Println(off, err)
	rest, _ := io.ReadAll(f)
	fmt.Println(string(rest))
	check(f.Truncate(5))
	f.Close()
	b, _ := os.ReadFile(p("b.txt"))
	fmt.Printf("%q\n", b)

	check(os.Chmod(p("a.txt"), 0o600))
	fi, _ := os.Stat(p("a.txt"))
	fmt.Println(fi.Mode())
	check(os.Symlink("b.txt", p("link")))
	target, err := os.Readlink(p("link"))
	fmt.Println(target, err)
	li, _ := os.Lstat(p("link"))
	fmt.Println(li.Mode()&fs.ModeSymlink != 0)

	check(os.Setenv("GORO_OSFILES", "set"))
	fmt.Println(os.Getenv("GORO_OSFILES"), os.ExpandEnv("[$GORO_OSFILES] [${GORO_OSFILES}]"))
	fmt.Println(os.Expand("$a and ${b} and $c", strings.ToUpper))
	check(os.Unsetenv("GORO_OSFILES"))
	_, ok := os.LookupEnv("GORO_OSFILES")
	fmt.Println(ok)
	home, err := os.UserHomeDir()
	fmt.Println(home != "", err)
}
