// debug.SetCrashOutput: the report of the panic that ends the program is
// written to the file named by the first argument too (TestSetCrashOutput).
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := debug.SetCrashOutput(f, debug.CrashOptions{}); err != nil {
		panic(err)
	}
	f.Close() // SetCrashOutput keeps its own copy
	panic("boom")
}
