// Writes to stdout and stderr through fmt and os, interleaved; exits normally.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stdout, "to stdout")
	fmt.Fprintln(os.Stderr, "to stderr")
	os.Stdout.WriteString("raw stdout\n")
	os.Stderr.Write([]byte("raw stderr\n"))
	fmt.Fprintf(os.Stderr, "%d args\n", len(os.Args[1:]))
	n, err := fmt.Printf("%s=%d\n", "n", 5)
	fmt.Println(n, err)
	defer fmt.Println("deferred before return from main")
}
