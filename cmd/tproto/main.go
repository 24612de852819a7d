package main

import (
	"fmt"
	"os"

	"github.com/goro-dev/goro"
)

func main() {
	prog, err := goro.Load(goro.Config{Test: true, Env: append(os.Environ(), "GOROCACHE=off")}, ".")
	if err != nil {
		fmt.Println("load:", err)
		os.Exit(1)
	}
	code, err := prog.Run(goro.RunOptions{Args: append([]string{"tt.test"}, os.Args[1:]...)})
	fmt.Println("code", code, err)
}
