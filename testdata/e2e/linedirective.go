// linedirective: //line directives rename and renumber positions as gc
// keeps them — a relative name as written, an empty one as "??", a
// column form without a name keeping the name before — in runtime.Caller,
// runtime.CallersFrames and a panic's traceback.
package main

import (
	"fmt"
	"path/filepath"
	"runtime"
)

func where() string {
	_, file, line, _ := runtime.Caller(1)
	if filepath.IsAbs(file) {
		file = filepath.Base(file) // this file, wherever the repo is
	}
	return fmt.Sprintf("%s:%d", file, line)
}

func frames() {
	pc := make([]uintptr, 4)
	n := runtime.Callers(2, pc)
	fs := runtime.CallersFrames(pc[:n])
	f, _ := fs.Next()
	fmt.Println("frame", f.Function, f.File, f.Line)
}

func main() {
	fmt.Println(where())
//line gen/model.go:100
	fmt.Println(where())
//line :7
	fmt.Println(where())
//line other.go:20:1
	fmt.Println(where())
//line :40:1
	fmt.Println(where())
	/*line inline.go:9*/ fmt.Println(where())
//line sub/frames.go:55
	frames()
//line templ.go:3
	panic("from a generated file")
}
