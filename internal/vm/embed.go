package vm

// //go:embed variables, filled as the program starts (load/embed.go
// finds them and resolves their patterns): a string or a []byte (or a
// type of either kind) holds its one file; an embed.FS holds gc's list of
// files and directories — embed.FS's *[]file, sorted by directory and
// then by name, each directory leading to a file listed with a trailing
// slash (cmd/compile's embedFileList) — which package embed, running from
// source, reads. The content hash gc records beside each file is left
// zero: package embed does not read it.

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/goro-dev/goro/internal/load"
	"github.com/goro-dev/goro/internal/rt"
)

// fillEmbeds sets each variable of embeds, whose cell and type cell
// returns (nil for one the program's code never names).
func (m *Machine) fillEmbeds(embeds []load.Embed, cell func(pkg, name string) (*rt.Value, *Type)) error {
	for _, e := range embeds {
		p, t := cell(e.Pkg, e.Name)
		if p == nil || t == nil {
			continue
		}
		files, err := load.EmbedFiles(e)
		if err != nil {
			return fmt.Errorf("%s.%s: //go:embed: %v", e.Pkg, e.Name, err)
		}
		read := func(name string) (string, error) {
			b, err := os.ReadFile(filepath.Join(e.Dir, filepath.FromSlash(name)))
			return string(b), err
		}
		switch {
		case t.Kind == KString || t.Kind == KSlice && t.Elem.Kind == KUint8:
			if len(files) != 1 {
				return fmt.Errorf("%s.%s: //go:embed: %d files for a %s (want one)", e.Pkg, e.Name, len(files), t)
			}
			data, err := read(files[0])
			if err != nil {
				return err
			}
			if t.Kind == KString {
				*p = rt.Value{R: data}
			} else {
				*p = rt.Value{R: bytesToValues([]byte(data))}
			}
		case t.String() == "embed.FS":
			fileType := t.Fields[0].Elem.Elem // FS.files: *[]file
			list := embedFileList(files)
			vs := make([]rt.Value, len(list))
			for i, name := range list {
				f := fileType.Zero()
				fs := f.R.([]rt.Value)
				fs[0] = rt.Value{R: name}
				if !strings.HasSuffix(name, "/") {
					data, err := read(name)
					if err != nil {
						return err
					}
					fs[1] = rt.Value{R: data}
				}
				vs[i] = f
			}
			slice := &rt.Value{R: vs}
			fsv := t.Zero()
			fsv.R.([]rt.Value)[0] = rt.Value{R: slice}
			*p = fsv
		default:
			return fmt.Errorf("%s.%s: //go:embed: cannot embed into a %s", e.Pkg, e.Name, t)
		}
	}
	return nil
}

// embedFileList is files with the directories leading to them ("dir/"),
// in embed.FS's order: by directory, then by name.
func embedFileList(files []string) []string {
	have := map[string]bool{}
	var list []string
	for _, f := range files {
		if !have[f] {
			have[f] = true
			list = append(list, f)
		}
		for dir := path.Dir(f); dir != "." && !have[dir]; dir = path.Dir(dir) {
			have[dir] = true
			list = append(list, dir+"/")
		}
	}
	split := func(name string) (dir, elem string) {
		name = strings.TrimSuffix(name, "/")
		i := strings.LastIndexByte(name, '/')
		if i < 0 {
			return ".", name
		}
		return name[:i], name[i+1:]
	}
	sort.Slice(list, func(i, j int) bool {
		di, ei := split(list[i])
		dj, ej := split(list[j])
		return di < dj || di == dj && ei < ej
	})
	return list
}
