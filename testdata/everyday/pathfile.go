// pathfile normalises user-supplied paths for a static file server and a
// build tool using path (URL paths) and path/filepath (OS paths).
package main

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// safeJoin resolves a request path under root, refusing to escape it.
func safeJoin(root, req string) (string, bool) {
	clean := path.Clean("/" + req)
	full := filepath.Join(root, filepath.FromSlash(clean))
	rel, err := filepath.Rel(root, full)
	if err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
		return "", false
	}
	return full, true
}

func main() {
	fmt.Println("path.Clean:")
	for _, p := range []string{"", ".", "a//b", "/../x", "a/b/../../..", "/a/./b/", "a/../b/./c//", "//host/share"} {
		fmt.Printf("  %-15q -> %q\n", p, path.Clean(p))
	}

	fmt.Println("filepath.Join:")
	for _, parts := range [][]string{{"a", "b", "c"}, {"/usr", "local/", "/bin"}, {"", "x"}, {"a", ""}, {"a", "../b"}, {}, {"/", ".."}} {
		fmt.Printf("  %-28s -> %q\n", fmt.Sprintf("%q", parts), filepath.Join(parts...))
	}

	fmt.Println("Split/Base/Dir/Ext:")
	for _, p := range []string{"/home/user/notes.txt", "archive.tar.gz", "dir/", "/", "", ".bashrc", "a/b.c/d"} {
		dir, file := filepath.Split(p)
		fmt.Printf("  %-22q split=(%q,%q) base=%q dir=%q ext=%q\n", p, dir, file, filepath.Base(p), filepath.Dir(p), filepath.Ext(p))
	}

	fmt.Println("Rel:")
	for _, pr := range [][2]string{{"/a/b", "/a/b/c/d"}, {"/a/b", "/a/x"}, {"/a", "/a"}, {"a/b", "a/c/../b/d"}, {"/a", "b"}} {
		rel, err := filepath.Rel(pr[0], pr[1])
		if err != nil {
			fmt.Printf("  %q -> %q: error %v\n", pr[0], pr[1], err)
			continue
		}
		fmt.Printf("  %q -> %q: %q\n", pr[0], pr[1], rel)
	}

	fmt.Println("Match:")
	for _, m := range [][2]string{{"*.go", "main.go"}, {"*.go", "cmd/main.go"}, {"cmd/*/*.go", "cmd/tool/x.go"}, {"[a-c]?.txt", "b1.txt"}, {"[^a-c]*", "dog"}, {"\\*", "*"}, {"[", "x"}} {
		ok, err := filepath.Match(m[0], m[1])
		fmt.Printf("  %-12q %-16q -> %v %v\n", m[0], m[1], ok, err)
	}

	fmt.Println("safeJoin under /srv/www:")
	for _, req := range []string{"index.html", "/css/site.css", "../../etc/passwd", "img/../../secret", "a/./b//c.png", ""} {
		full, ok := safeJoin("/srv/www", req)
		fmt.Printf("  %-20q -> %q ok=%v\n", req, full, ok)
	}

	fmt.Println("misc:")
	fmt.Println("  IsAbs:", filepath.IsAbs("/etc"), filepath.IsAbs("etc"), path.IsAbs("/x"))
	fmt.Println("  SplitList:", filepath.SplitList("/usr/bin:/bin::/opt/bin"))
	fmt.Println("  ToSlash/FromSlash:", filepath.ToSlash("a/b"), filepath.FromSlash("a/b"))
	fmt.Println("  VolumeName:", filepath.VolumeName("/x/y") == "")
	fmt.Println("  path.Ext/Base/Dir:", path.Ext("/a/b.json"), path.Base("/a/b/"), path.Dir("/a/b/c"))
	fmt.Println("  IsLocal:", filepath.IsLocal("a/b"), filepath.IsLocal("../a"), filepath.IsLocal("/a"), filepath.IsLocal(""))
	name := "report.final.PDF"
	fmt.Println("  stem:", strings.TrimSuffix(name, filepath.Ext(name)), "ext lower:", strings.ToLower(filepath.Ext(name)))
	m, _ := path.Match("/static/*", "/static/app.js")
	fmt.Println("  path.Match:", m)
}
