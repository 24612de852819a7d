// os.Exit with a non-zero code: output so far is kept, deferred calls do not run.
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("never printed")
	fmt.Println("about to exit")
	fmt.Fprintln(os.Stderr, "error: something went wrong")
	os.Exit(256)
}
