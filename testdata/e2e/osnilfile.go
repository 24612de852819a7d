// osnilfile: the methods of a nil *os.File return os.ErrInvalid itself,
// as gc's.
package main

import (
	"fmt"
	"os"
)

func main() {
	var f *os.File
	_, err := f.Read(nil)
	fmt.Println(err, err == os.ErrInvalid)
	_, err = f.Stat()
	fmt.Println(err, err == os.ErrInvalid)
	fmt.Println(f.Sync() == os.ErrInvalid, f.Close() == os.ErrInvalid, f.Chmod(0) == os.ErrInvalid)
	_, err = f.Write(nil)
	fmt.Println(err == os.ErrInvalid)
	_, err = f.WriteString("")
	fmt.Println(err == os.ErrInvalid)
	fmt.Println(f.Fd() == ^uintptr(0))
}
