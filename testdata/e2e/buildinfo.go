// runtime/debug's build information as gc's linker records it for go run
// (the settings that do not depend on the machine's environment), and
// ParseBuildInfo and String round trips.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

func main() {
	bi, ok := debug.ReadBuildInfo()
	fmt.Println(ok, bi.Path, bi.Main.Path == "", bi.GoVersion == runtime.Version(), len(bi.Deps))
	for _, s := range bi.Settings {
		switch s.Key {
		case "-buildmode", "-compiler", "GOOS", "GOARCH":
			fmt.Println(s.Key, s.Value)
		}
	}
	text := "path\texample.com/cmd\nmod\texample.com\tv1.2.3\th1:abc=\ndep\tgolang.org/x/mod\tv0.1.0\th1:def=\n=>\t../mod\t\t\nbuild\t-compiler=gc\nbuild\tCGO_ENABLED=0\n"
	p, err := debug.ParseBuildInfo(text)
	fmt.Println(err, p.Path, p.Main.Version, p.Deps[0].Path, p.Deps[0].Replace.Path, len(p.Settings))
	fmt.Print(p)
	_, err = debug.ParseBuildInfo("nonsense\n")
	fmt.Println(err)
}
