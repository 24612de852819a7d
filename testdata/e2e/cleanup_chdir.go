// runtime.AddCleanup (never run, as gc may not) and (*os.File).Chdir.
package main

import (
	"fmt"
	"os"
	"runtime"
)

type res struct{ name string }

func main() {
	r := &res{"a"}
	c := runtime.AddCleanup(r, func(n string) {}, "x")
	c.Stop()
	fmt.Println(r.name)
	d, err := os.Open(os.TempDir())
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Chdir())
	wd, _ := os.Getwd()
	fmt.Println(wd == os.TempDir())
	defer func() { fmt.Println(recover()) }()
	var nilp *res
	runtime.AddCleanup(nilp, func(int) {}, 0)
}
