// embed: //go:embed fills strings, byte slices (of named types too:
// golang.org/x/net/publicsuffix embeds into a type of kind string) and
// embed.FS trees — hidden and underscore files only with "all:", in
// embed.FS's order, directories included.
package main

import (
	"embed"
	"fmt"
	"io/fs"
)

type table string

//go:embed embeddata/a.txt
var text string

//go:embed embeddata/raw.bin
var raw []byte

//go:embed embeddata/sub/b.txt
var named table

//go:embed embeddata
var tree embed.FS

//go:embed all:embeddata
var everything embed.FS

//go:embed "embeddata/a.txt" embeddata/sub/*.txt
var some embed.FS

func walk(name string, f embed.FS) {
	fs.WalkDir(f, ".", func(p string, d fs.DirEntry, err error) error {
		fmt.Println(name, p, d.IsDir(), err)
		return nil
	})
}

func main() {
	fmt.Printf("%q %q %q\n", text, raw, named)
	walk("tree", tree)
	walk("everything", everything)
	walk("some", some)
	b, err := tree.ReadFile("embeddata/sub/b.txt")
	fmt.Printf("%q %v\n", b, err)
	_, err = tree.ReadFile("embeddata/.hidden")
	fmt.Println(err)
	entries, _ := everything.ReadDir("embeddata")
	for _, e := range entries {
		info, _ := e.Info()
		fmt.Println(e.Name(), info.Size(), info.Mode())
	}
}
