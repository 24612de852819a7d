// filewalk builds a small project tree in a temp directory and inspects it
// with filepath.WalkDir, fs.WalkDir over os.DirFS, and globbing.
package main

import (
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	root, err := os.MkdirTemp("", "walkdemo-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(root)

	files := map[string]string{
		"go.mod":                     "module example.com/demo\n",
		"main.go":                    "package main\n\nfunc main() {}\n",
		"internal/db/db.go":          "package db\n",
		"internal/db/db_test.go":     "package db\n\nimport \"testing\"\n",
		"internal/api/handlers.go":   "package api\n// handlers\n",
		"docs/README.md":             "# Docs\n",
		"docs/img/logo.svg":          "<svg/>",
		"node_modules/left-pad/x.js": "module.exports = 1\n",
		".git/HEAD":                  "ref: refs/heads/main\n",
	}
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(root, "empty"), 0o755); err != nil {
		log.Fatal(err)
	}

	fmt.Println("filepath.WalkDir (skipping .git and node_modules):")
	var total int64
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			fmt.Printf("  skip %s/\n", rel)
			return filepath.SkipDir
		}
		depth := strings.Count(rel, string(filepath.Separator))
		if rel == "." {
			depth = -1
		}
		if rel == "." {
			fmt.Println("  ./")
			return nil
		}
		if d.IsDir() {
			fmt.Printf("  %s%s/\n", strings.Repeat("  ", depth+1), d.Name())
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += info.Size()
		fmt.Printf("  %s%s (%d bytes)\n", strings.Repeat("  ", depth+1), d.Name(), info.Size())
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("total bytes seen:", total)

	// The same tree through the fs.FS abstraction: paths are slash-separated and relative.
	fsys := os.DirFS(root)
	var goFiles []string
	sizes := map[string]int64{}
	fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != "." {
			return fs.SkipDir
		}
		if !d.IsDir() {
			info, _ := d.Info()
			top, _, _ := strings.Cut(path, "/")
			sizes[top] += info.Size()
		}
		if strings.HasSuffix(path, ".go") {
			goFiles = append(goFiles, path)
		}
		return nil
	})
	fmt.Println("go files via fs.WalkDir:", goFiles)
	var tops []string
	for k := range sizes {
		tops = append(tops, k)
	}
	sort.Strings(tops)
	for _, k := range tops {
		fmt.Printf("  du %-14s %4d\n", k, sizes[k])
	}

	matches, _ := fs.Glob(fsys, "internal/*/*.go")
	fmt.Println("fs.Glob internal/*/*.go:", matches)
	abs, _ := filepath.Glob(filepath.Join(root, "*.go"))
	for i := range abs {
		abs[i], _ = filepath.Rel(root, abs[i])
	}
	fmt.Println("filepath.Glob *.go:", abs)

	entries, _ := fs.ReadDir(fsys, "docs")
	for _, e := range entries {
		fmt.Printf("docs entry: %s dir=%v type=%v\n", e.Name(), e.IsDir(), e.Type())
	}
	data, _ := fs.ReadFile(fsys, "go.mod")
	fmt.Printf("go.mod: %q\n", data)
	_, err = fs.Stat(fsys, "nope/file.txt")
	fmt.Println("stat missing is ErrNotExist:", err != nil && strings.Contains(err.Error(), "no such file"))

	if err := os.RemoveAll(root); err != nil {
		log.Fatal(err)
	}
	_, err = os.Stat(root)
	fmt.Println("cleaned up:", os.IsNotExist(err))
}
