package load

// //go:embed: which package variables hold which files.
//
// The go command checks the directives and their patterns when it lists
// the packages (an error there stops the load, in go build's words);
// gc's compiler then fills the variables. goro records here, for each
// variable, its package's directory and its patterns, and resolves them
// when the program starts (EmbedFiles), as the go command does: a run
// from the compiled-program cache reads the files as they are then.

import (
	"go/ast"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Embed is one package variable a //go:embed directive fills.
type Embed struct {
	Pkg, Name string   // the variable: its package's path, its name
	Dir       string   // its package's directory
	Patterns  []string // the directive's patterns, in order
}

// embeds returns the //go:embed variables of p's files.
func embeds(p *packages.Package) []Embed {
	if len(p.EmbedFiles) == 0 || len(p.GoFiles) == 0 {
		return nil
	}
	dir := filepath.Dir(p.GoFiles[0])
	var out []Embed
	for _, f := range p.Syntax {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				doc := vs.Doc
				if doc == nil && len(gd.Specs) == 1 {
					doc = gd.Doc
				}
				pats := embedPatterns(doc)
				if len(pats) == 0 || len(vs.Names) != 1 {
					continue
				}
				out = append(out, Embed{Pkg: p.PkgPath, Name: vs.Names[0].Name, Dir: dir, Patterns: pats})
			}
		}
	}
	return out
}

// embedPatterns returns the patterns of doc's //go:embed lines: separated
// by spaces, each possibly a Go string literal (quoted or raw).
func embedPatterns(doc *ast.CommentGroup) []string {
	if doc == nil {
		return nil
	}
	var pats []string
	for _, c := range doc.List {
		rest, ok := strings.CutPrefix(c.Text, "//go:embed")
		if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			continue
		}
		for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
			var p string
			switch rest[0] {
			case '"', '`':
				q, err := strconv.QuotedPrefix(rest)
				if err != nil {
					return pats
				}
				p, _ = strconv.Unquote(q)
				rest = rest[len(q):]
			default:
				i := strings.IndexAny(rest, " \t")
				if i < 0 {
					i = len(rest)
				}
				p, rest = rest[:i], rest[i:]
			}
			pats = append(pats, p)
		}
	}
	return pats
}

// vcsDirs are never embedded from a directory, "all:" or not (cmd/go's
// isBadEmbedName).
var vcsDirs = map[string]bool{".bzr": true, ".git": true, ".hg": true, ".svn": true}

// globEscape quotes the glob metacharacters of dir, a directory the
// patterns are relative to (cmd/go quotes it too).
func globEscape(dir string) string {
	var b strings.Builder
	for _, r := range dir {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// EmbedFiles returns the files e's patterns name, as the go command
// resolves them (cmd/go's resolveEmbed): slash-separated paths relative to
// e.Dir, sorted and without repeats. A pattern names the files and
// directories it matches; a directory, every file below it but those
// whose names start with '.' or '_' (unless the pattern starts with
// "all:"), version-control directories and those of another module (a
// directory with a go.mod).
func EmbedFiles(e Embed) ([]string, error) {
	have := map[string]bool{}
	var files []string
	add := func(abs string) {
		rel, err := filepath.Rel(e.Dir, abs)
		if err != nil {
			return
		}
		rel = filepath.ToSlash(rel)
		if !have[rel] {
			have[rel] = true
			files = append(files, rel)
		}
	}
	for _, pat := range e.Patterns {
		all := strings.HasPrefix(pat, "all:")
		pat = strings.TrimPrefix(pat, "all:")
		matches, err := filepath.Glob(filepath.Join(globEscape(e.Dir), filepath.FromSlash(path.Clean(pat))))
		if err != nil {
			return nil, err
		}
		for _, m := range matches {
			info, err := os.Lstat(m)
			if err != nil {
				return nil, err
			}
			if info.Mode().IsRegular() {
				add(m)
				continue
			}
			if !info.IsDir() {
				continue
			}
			err = filepath.WalkDir(m, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if p != m {
					if name := d.Name(); vcsDirs[name] || !all && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
						if d.IsDir() {
							return filepath.SkipDir
						}
						return nil
					}
					if d.IsDir() {
						if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
							return filepath.SkipDir
						}
					}
				}
				if d.Type().IsRegular() {
					add(p)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	sort.Strings(files)
	return files, nil
}

// embedErrors are gc's errors for p's misused //go:embed directives
// (cmd/compile's checkEmbed and "misplaced go:embed directive"), which the
// type checker does not report: at the directive, in source order.
func embedErrors(p *packages.Package) []packages.Error {
	var errs []packages.Error
	for _, f := range p.Syntax {
		imported := false
		for _, imp := range f.Imports {
			imported = imported || imp.Path.Value == `"embed"`
		}
		// The doc comment of each var declaration, and whether it is
		// inside a function.
		type target struct {
			spec   *ast.ValueSpec
			inFunc bool
		}
		docs := map[*ast.CommentGroup]target{}
		var walk func(n ast.Node, inFunc bool)
		walk = func(n ast.Node, inFunc bool) {
			ast.Inspect(n, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncDecl:
					if n.Body != nil && !inFunc {
						walk(n.Body, true)
						return false
					}
				case *ast.FuncLit:
					if !inFunc {
						walk(n.Body, true)
						return false
					}
				case *ast.GenDecl:
					if n.Tok != token.VAR {
						return true
					}
					for _, s := range n.Specs {
						vs := s.(*ast.ValueSpec)
						if vs.Doc != nil {
							docs[vs.Doc] = target{vs, inFunc}
						}
					}
					if n.Doc != nil && len(n.Specs) == 1 && !n.Lparen.IsValid() {
						docs[n.Doc] = target{n.Specs[0].(*ast.ValueSpec), inFunc}
					}
				}
				return true
			})
		}
		walk(f, false)
		for _, cg := range f.Comments {
			var first *ast.Comment
			for _, c := range cg.List {
				if rest, ok := strings.CutPrefix(c.Text, "//go:embed"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
					first = c
					break
				}
			}
			if first == nil {
				continue
			}
			pos := p.Fset.Position(first.Pos())
			pos.Column += 2 // gc places it at "go:embed"
			msg := ""
			t, ok := docs[cg]
			switch {
			case !ok:
				msg = "misplaced go:embed directive"
			case !imported:
				msg = `go:embed requires import "embed" (or import _ "embed", if package is not used)`
			case len(t.spec.Names) > 1:
				msg = "go:embed cannot apply to multiple vars"
			case t.spec.Values != nil:
				msg = "go:embed cannot apply to var with initializer"
			case t.spec.Type == nil:
				msg = "go:embed cannot apply to var without type"
			case t.inFunc:
				msg = "go:embed cannot apply to var inside func"
			}
			if msg != "" {
				errs = append(errs, packages.Error{Pos: pos.String(), Msg: msg, Kind: packages.TypeError})
			}
		}
	}
	return errs
}
