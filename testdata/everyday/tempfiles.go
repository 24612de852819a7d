// tempfiles exercises the everyday file operations of a small state-file
// writer: temp files, atomic rename, permissions and truncation.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"
)

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// writeAtomic writes data to a temp file in dir and renames it over name.
func writeAtomic(dir, name string, data []byte) error {
	f, err := os.CreateTemp(dir, "."+name+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, name))
}

func main() {
	dir, err := os.MkdirTemp("", "state-")
	must(err)
	defer os.RemoveAll(dir)

	f, err := os.CreateTemp(dir, "scratch-*.txt")
	must(err)
	base := filepath.Base(f.Name())
	fmt.Println("temp name pattern ok:", strings.HasPrefix(base, "scratch-") && strings.HasSuffix(base, ".txt"))
	_, err = f.WriteString("line one\nline two\nline three\n")
	must(err)
	pos, _ := f.Seek(0, io.SeekCurrent)
	fmt.Println("position after write:", pos)
	_, err = f.Seek(5, io.SeekStart)
	must(err)
	buf := make([]byte, 8)
	n, _ := io.ReadFull(f, buf)
	fmt.Printf("read %d bytes at offset 5: %q\n", n, buf[:n])
	end, _ := f.Seek(-6, io.SeekEnd)
	rest, _ := io.ReadAll(f)
	fmt.Printf("last bytes from %d: %q\n", end, rest)
	_, err = f.WriteAt([]byte("LINE"), 0)
	must(err)
	must(f.Close())
	data, _ := os.ReadFile(f.Name())
	fmt.Printf("after WriteAt: %q\n", strings.SplitN(string(data), "\n", 2)[0])

	// Atomic update of a state file.
	must(writeAtomic(dir, "state.json", []byte(`{"version":1}`)))
	must(writeAtomic(dir, "state.json", []byte(`{"version":2,"ok":true}`)))
	state, err := os.ReadFile(filepath.Join(dir, "state.json"))
	must(err)
	fmt.Printf("state.json: %s\n", state)
	left, _ := filepath.Glob(filepath.Join(dir, ".state.json.tmp-*"))
	fmt.Println("leftover temp files:", len(left))

	// Permissions.
	p := filepath.Join(dir, "state.json")
	for _, mode := range []fs.FileMode{0o600, 0o644, 0o755, 0o400} {
		must(os.Chmod(p, mode))
		st, err := os.Stat(p)
		must(err)
		fmt.Printf("chmod %04o -> %v (regular=%v)\n", mode, st.Mode(), st.Mode().IsRegular())
	}
	must(os.Chmod(p, 0o644))

	// Truncate and append.
	must(os.Truncate(p, 5))
	st, _ := os.Stat(p)
	fmt.Println("size after truncate:", st.Size())
	af, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	must(err)
	fmt.Fprintf(af, "...appended")
	af.Close()
	data, _ = os.ReadFile(p)
	fmt.Printf("after append: %q\n", data)

	// Rename into a subdirectory, then list the directory.
	must(os.Mkdir(filepath.Join(dir, "archive"), 0o750))
	must(os.Chmod(filepath.Join(dir, "archive"), 0o750)) // independent of umask
	must(os.Rename(p, filepath.Join(dir, "archive", "state-1.json")))
	must(os.Rename(f.Name(), filepath.Join(dir, "scratch.txt")))
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		info, _ := e.Info()
		fmt.Printf("entry %-12s dir=%-5v perm=%v\n", e.Name(), e.IsDir(), info.Mode().Perm())
	}

	// Missing files.
	_, err = os.ReadFile(filepath.Join(dir, "state.json"))
	fmt.Println("read moved file: ErrNotExist =", errors.Is(err, fs.ErrNotExist))
	var pe *fs.PathError
	if errors.As(err, &pe) {
		fmt.Println("path error op:", pe.Op, "base:", filepath.Base(pe.Path), "err:", pe.Err)
	}
	err = os.Remove(filepath.Join(dir, "nothing"))
	fmt.Println("remove missing: ErrNotExist =", errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
	_, err = os.OpenFile(filepath.Join(dir, "scratch.txt"), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	fmt.Println("exclusive create existing: ErrExist =", errors.Is(err, fs.ErrExist))
	err = os.Mkdir(filepath.Join(dir, "archive"), 0o755)
	fmt.Println("mkdir existing: ErrExist =", errors.Is(err, fs.ErrExist))
}
