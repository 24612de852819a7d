// (*os.File).WriteAt and the process's ids.
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	name := filepath.Join(os.TempDir(), fmt.Sprintf("goro-writeat-%d", os.Getpid()))
	defer os.Remove(name)
	f, err := os.Create(name)
	if err != nil {
		panic(err)
	}
	f.WriteString("hello, world")
	n, err := f.WriteAt([]byte("WORLD"), 7)
	fmt.Println(n, err)
	_, err = f.WriteAt([]byte("x"), -1)
	fmt.Println(err != nil)
	f.Close()
	data, _ := os.ReadFile(name)
	fmt.Println(string(data))
	fmt.Println(os.Getuid() == os.Geteuid(), os.Getgid() >= 0, os.Getppid() > 0)
}
