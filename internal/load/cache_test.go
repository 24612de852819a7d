package load

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// An entry is found again while nothing it depends on changes, and not
// after a file changes, a file is added to a package directory, or the
// environment that shapes loading differs.
func TestCacheInvalidation(t *testing.T) {
	dir := t.TempDir()
	pkg := filepath.Join(dir, "prog")
	if err := os.Mkdir(pkg, 0o777); err != nil {
		t.Fatal(err)
	}
	main := filepath.Join(pkg, "main.go")
	write := func(path, text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	write(main, "package main\n\nfunc main() {}\n")
	cfg := Config{Dir: dir, Env: []string{"GOROCACHE=" + filepath.Join(dir, "cache"), "GOFLAGS="}}
	args := []string{"./prog"}
	prog := &Program{deps: []string{main, pkg}}
	data := []byte("compiled program")

	if got := CacheLookup(cfg, args); got != nil {
		t.Fatalf("lookup before store: got %q", got)
	}
	CacheStore(cfg, args, prog, data)
	if got := CacheLookup(cfg, args); string(got) != string(data) {
		t.Fatalf("lookup after store: got %q, want %q", got, data)
	}
	if got := CacheLookup(cfg, []string{"./prog/"}); got != nil {
		t.Errorf("other arguments found the entry")
	}
	other := cfg
	other.Env = append(append([]string(nil), cfg.Env...), "GOFLAGS=-tags=x")
	if got := CacheLookup(other, args); got != nil {
		t.Errorf("other GOFLAGS found the entry")
	}
	if got := CacheLookup(Config{Dir: dir, Env: append(cfg.Env, "GOROCACHE=off")}, args); got != nil {
		t.Errorf("GOROCACHE=off found an entry")
	}

	// A file edited (same size, later time).
	later := time.Now().Add(time.Minute)
	write(main, "package main\n\nfunc main() {/}\n")
	os.Chtimes(main, later, later)
	os.Chtimes(pkg, later, later) // the directory's time is not what tells here
	if got := CacheLookup(cfg, args); got != nil {
		t.Errorf("found after main.go changed")
	}
	CacheStore(cfg, args, prog, data)
	if got := CacheLookup(cfg, args); got == nil {
		t.Fatalf("not found after storing again")
	}

	// A file added to the package.
	write(filepath.Join(pkg, "extra.go"), "package main\n")
	even := later.Add(time.Minute)
	os.Chtimes(pkg, even, even) // file systems with coarse times
	if got := CacheLookup(cfg, args); got != nil {
		t.Errorf("found after a file was added to the package")
	}

	// A corrupt entry is not found.
	CacheStore(cfg, args, prog, data)
	key, _ := cacheKey(cfg, args)
	path := entryPath(filepath.Join(dir, "cache"), key)
	write(path, "garbage")
	if got := CacheLookup(cfg, args); got != nil {
		t.Errorf("found a corrupt entry: %q", got)
	}
}

// TestBuildFlags: goro's tags join the tags of the last -tags in GOFLAGS,
// from the environment or from the go env file.
func TestBuildFlags(t *testing.T) {
	dir := t.TempDir()
	envFile := filepath.Join(dir, "env")
	if err := os.WriteFile(envFile, []byte("GOFLAGS=-tags=fromfile -mod=mod\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		env  []string
		want string
	}{
		{[]string{"GOENV=off"}, "-tags=purego,math_big_pure_go"},
		{[]string{"GOENV=off", "GOFLAGS=-tags=a,b -tags=c"}, "-tags=purego,math_big_pure_go,c"},
		{[]string{"GOENV=" + envFile}, "-tags=purego,math_big_pure_go,fromfile"},
		{[]string{"GOENV=" + envFile, "GOFLAGS=--tags=env"}, "-tags=purego,math_big_pure_go,env"},
	} {
		if got := buildFlags(tc.env); len(got) != 1 || got[0] != tc.want {
			t.Errorf("buildFlags(%q) = %q, want %q", tc.env, got, tc.want)
		}
	}
}

// An image is mapped, not read (ImageData): the same bytes as the file's,
// one mapping while the file stays, a new one when a file is renamed over
// it (as storeEntry writes), the old mapping still readable.
func TestMapFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "image")
	var first []byte
	for _, text := range []string{"first image", "second, longer image"} {
		tmp := path + ".tmp"
		if err := os.WriteFile(tmp, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			t.Fatal(err)
		}
		a, err := mapFile(path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := mapFile(path)
		if string(a) != text || len(b) == 0 || &a[0] != &b[0] {
			t.Fatalf("mapFile = %q (mapped again: %v), want %q mapped once", a, len(b) > 0 && &a[0] != &b[0], text)
		}
		if first == nil {
			first = a
		}
	}
	if string(first) != "first image" {
		t.Errorf("the first file's mapping reads %q after the file was replaced", first)
	}
	if _, err := mapFile(filepath.Join(dir, "none")); err == nil {
		t.Error("mapFile of a missing file: no error")
	}
}
