// Everyday standard library that stopped goro before: crypto hashes (fips140's per-goroutine
// indicator), strings.LastIndex (bytealg's Rabin-Karp), os's error variables and the methods
// of io/fs's *PathError when the program does not import io/fs itself.
package main

import (
	"bytes"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"strings"
)

func main() {
	fmt.Printf("%x\n", sha256.Sum256([]byte("abc")))
	fmt.Printf("%x\n", sha1.Sum([]byte("abc")))
	fmt.Printf("%x\n", md5.Sum([]byte("abc")))
	fmt.Printf("%x\n", sha512.Sum512([]byte("abc")))
	h := sha256.New()
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(h, "line %d\n", i)
	}
	fmt.Printf("%x %08x\n", h.Sum(nil), crc32.ChecksumIEEE([]byte("hello")))

	fmt.Println(strings.LastIndex("go gopher go", "go"), strings.LastIndex("aaaaaaaaaab", "aab"))
	fmt.Println(strings.Index(strings.Repeat("ab", 100)+"abc", "abc"), bytes.LastIndex([]byte("xyzxyzxy"), []byte("xyz")))
	fmt.Println(strings.Count("cheese", "e"), strings.Contains("seafood", "foo"), strings.ReplaceAll("oink oink", "k", "ky"))

	_, err := os.Open("testdata-does-not-exist/file.txt")
	fmt.Println(err)
	fmt.Println(errors.Is(err, os.ErrNotExist), os.IsNotExist(err), errors.Is(err, os.ErrExist))
	var pe *os.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, pe.Path)
	fmt.Println(fmt.Errorf("wrapped: %w", os.ErrNotExist))
	for _, e := range []error{os.ErrInvalid, os.ErrPermission, os.ErrExist, os.ErrNotExist, os.ErrClosed, os.ErrNoDeadline, os.ErrDeadlineExceeded, os.ErrProcessDone} {
		fmt.Println(e)
	}
}
