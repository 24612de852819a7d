// xsyscpu: golang.org/x/sys/cpu as a module (golang.org/x/crypto imports
// it) initializes under goro: its assembly functions bind to the natives
// of the standard library's vendored copy.
package main

import (
	"fmt"

	"golang.org/x/sys/cpu"
)

func main() {
	fmt.Println("initialized:", cpu.Initialized)
}
