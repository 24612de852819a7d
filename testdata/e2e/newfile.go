// os.NewFile: 1 and 2 are the program's own standard output and error;
// another descriptor is the host's (a pipe's write end here).
package main

import (
	"fmt"
	"os"
)

func main() {
	out := os.NewFile(1, "my-stdout")
	fmt.Fprintln(out, "through NewFile(1)", out.Name())
	errf := os.NewFile(2, "my-stderr")
	fmt.Fprintln(errf, "to stderr")
	fmt.Println(os.NewFile(^uintptr(0), "bad") == nil)
	r, w, _ := os.Pipe()
	w2 := os.NewFile(w.Fd(), "dup")
	w2.Write([]byte("via fd"))
	w2.Close()
	b := make([]byte, 10)
	n, _ := r.Read(b)
	fmt.Println(string(b[:n]))
}
