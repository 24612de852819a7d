package load

// Where compiled programs are kept, and how a run knows that a kept one is
// still the program it would load.
//
// An entry is found by a key: a hash of what names the program (the
// arguments, the directory they are resolved in), of the environment that
// changes what loading sees (GOROOT, GOFLAGS, GOOS, ...), and of goro
// itself (its executable's path, size and modification time: natives and
// the compiler are part of the result). The entry lists what the load read
// outside GOROOT: every file of every non-standard package (ignored ones
// too, since a changed build constraint changes the package), their
// directories (a file added changes a directory's time), and the module's
// go.mod and go.sum; and for the standard library, GOROOT's VERSION file
// and the go command. An entry is used only if all of them are unchanged
// (size and modification time). Checking costs a stat per file, no go
// command and no parsing.
//
// The directory is $GOROCACHE, or goro/ in the user's cache directory;
// GOROCACHE=off turns the cache off. Entries are written to a temporary
// file and renamed, so a reader sees a whole entry or none; entries not
// used for a week are removed when one is written.

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

const entryMagic = "goro cache entry v1\n"

// keyEnv are the variables that change what a load produces.
var keyEnv = []string{"GOROOT", "GOPATH", "GOFLAGS", "GOOS", "GOARCH", "GOAMD64", "CGO_ENABLED",
	"GOEXPERIMENT", "GO111MODULE", "GOWORK", "GOTOOLCHAIN", "GOMODCACHE", "GOPROXY", "PATH"}

// CacheDir returns the cache directory, or "" if caching is off.
func CacheDir(env []string) string {
	d := getenv(env, "GOROCACHE")
	if d == "off" {
		return ""
	}
	if d != "" {
		return d
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "goro")
}

func getenv(env []string, name string) string {
	if env == nil {
		return os.Getenv(name)
	}
	v := ""
	for _, kv := range env {
		if k, val, ok := strings.Cut(kv, "="); ok && k == name {
			v = val
		}
	}
	return v
}

// cacheKey names the entry of the program args in cfg.
func cacheKey(cfg Config, args []string) (string, bool) {
	h := sha256.New()
	exe, err := os.Executable()
	if err != nil {
		return "", false
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return "", false
	}
	dir := cfg.Dir
	if dir == "" {
		dir = "."
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	put := func(s string) {
		binary.Write(h, binary.LittleEndian, uint64(len(s)))
		h.Write([]byte(s))
	}
	put(entryMagic)
	put(exe)
	put(fi.ModTime().UTC().Format(time.RFC3339Nano))
	binary.Write(h, binary.LittleEndian, fi.Size())
	put(dir)
	for _, a := range args {
		put(a)
	}
	put("")
	if cfg.Test {
		put("-test")
	}
	for _, k := range keyEnv {
		put(k + "=" + getenv(cfg.Env, k))
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// fingerprint is what an entry remembers of a file or directory.
type fingerprint struct {
	path  string
	size  int64
	mtime int64
}

func stat(path string) fingerprint {
	fi, err := os.Stat(path)
	if err != nil {
		return fingerprint{path: path, size: -1}
	}
	return fingerprint{path, fi.Size(), fi.ModTime().UnixNano()}
}

func entryPath(dir, key string) string { return filepath.Join(dir, key[:2], key) }

// CacheLookup returns the compiled program kept for args, or nil.
func CacheLookup(cfg Config, args []string) []byte {
	dir := CacheDir(cfg.Env)
	if dir == "" {
		return nil
	}
	key, ok := cacheKey(cfg, args)
	if !ok {
		return nil
	}
	return lookupEntry(entryPath(dir, key))
}

// imageArg stands for the standard-library images in a key: no program's
// argument can be it.
const imageArg = "\x00standard-library images"

// maxImages is how many standard-library images are kept: each covers the
// standard packages of the program it was written from, and a program is
// loaded against the first that covers its own (vm/image.go).
const maxImages = 6

// ImageInfo is a standard-library image as the index of images lists it.
type ImageInfo struct {
	Key string
	// Pkgs are its standard packages, each true if its code is Go's
	// (false: bound natively).
	Pkgs map[string]bool
}

// Covers reports whether the image has every package of need, with its
// code wherever need says the program runs it.
func (im ImageInfo) Covers(need map[string]bool) bool {
	for path, code := range need {
		if have, ok := im.Pkgs[path]; !ok || code && !have {
			return false
		}
	}
	return true
}

// imageIndex is the key of the index of images for cfg's environment.
func imageIndex(cfg Config) (dir, key string, ok bool) {
	dir = CacheDir(cfg.Env)
	if dir == "" {
		return "", "", false
	}
	key, ok = cacheKey(Config{Env: cfg.Env, Dir: "/"}, []string{imageArg})
	return dir, key, ok
}

// Images lists the standard-library images kept for cfg's environment,
// the most recently written first.
func Images(cfg Config) []ImageInfo {
	dir, key, ok := imageIndex(cfg)
	if !ok {
		return nil
	}
	var out []ImageInfo
	for _, line := range strings.Split(string(lookupEntry(entryPath(dir, key))), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 2 && f[0] == "=": // (no package path is "=")
			if !validKey(f[1]) {
				return nil // not an index goro wrote
			}
			out = append(out, ImageInfo{Key: f[1], Pkgs: map[string]bool{}})
		case len(f) == 2 && len(out) > 0:
			out[len(out)-1].Pkgs[f[0]] = f[1] == "1"
		}
	}
	return out
}

// validKey reports whether key is a key as goro makes them (a SHA-256 in
// hex): one read from an index names a file in the cache, nothing else.
func validKey(key string) bool {
	if len(key) != 64 {
		return false
	}
	_, err := hex.DecodeString(key)
	return err == nil
}

// ImageData returns the image key of Images, or nil. The image is mapped,
// not read: a program's run decodes a few of its records, and an entry
// layered over an image (vm.CacheBase) reads it on every run.
func ImageData(cfg Config, key string) []byte {
	dir := CacheDir(cfg.Env)
	if dir == "" || !validKey(key) {
		return nil
	}
	path := entryPath(dir, key)
	data, err := mapFile(path)
	if err != nil {
		return lookupEntry(path)
	}
	return entryData(path, data)
}

// mapped are the files mapFile mapped, by path: a host that loads many
// programs maps each image once (a file replaced since is mapped anew;
// the old mapping stays, for the Machines that read it).
var mapped struct {
	sync.Mutex
	files map[string]mapping
}

type mapping struct {
	dev, ino uint64
	size     int64
	data     []byte
}

// mapFile maps the file at path read-only. (goro writes cache files whole
// and renames them into place, never truncating one: a mapping stays
// readable. A file truncated by someone else would fault when read; the
// Ms that decode code panic on such a fault rather than crash: rt's
// mstart.)
func mapFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || fi.Size() <= 0 || fi.Size() != int64(int(fi.Size())) {
		return nil, errors.New("not mappable")
	}
	mapped.Lock()
	defer mapped.Unlock()
	if m, ok := mapped.files[path]; ok && m.dev == uint64(st.Dev) && m.ino == st.Ino && m.size == fi.Size() {
		return m.data, nil
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(fi.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, err
	}
	if mapped.files == nil {
		mapped.files = map[string]mapping{}
	}
	mapped.files[path] = mapping{uint64(st.Dev), st.Ino, fi.Size(), data}
	return data, nil
}

// ImageStore keeps data as a standard-library image of the packages pkgs
// (ImageInfo.Pkgs), first in the index; the oldest beyond maxImages go.
func ImageStore(cfg Config, pkgs map[string]bool, data []byte) {
	dir, ikey, ok := imageIndex(cfg)
	if !ok {
		return
	}
	paths := make([]string, 0, len(pkgs))
	for path := range pkgs {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	h := sha256.New()
	h.Write([]byte(ikey))
	var list strings.Builder
	for _, path := range paths {
		code := "0"
		if pkgs[path] {
			code = "1"
		}
		fmt.Fprintf(&list, "%s %s\n", path, code)
	}
	h.Write([]byte(list.String()))
	key := hex.EncodeToString(h.Sum(nil))
	deps := stdDeps(runtimeGOROOT())
	if !storeEntry(dir, key, deps, data) {
		return
	}
	// (Two goro processes writing images at once may lose one of them from
	// the index: a lost image is only a later load from source.)
	index := "= " + key + "\n" + list.String()
	n := 1
	var evicted []string
	for _, im := range Images(cfg) {
		if im.Key == key {
			continue
		}
		if n == maxImages {
			evicted = append(evicted, im.Key)
			continue
		}
		n++
		index += "= " + im.Key + "\n"
		for _, path := range slices.Sorted(maps.Keys(im.Pkgs)) {
			code := "0"
			if im.Pkgs[path] {
				code = "1"
			}
			index += path + " " + code + "\n"
		}
	}
	if storeEntry(dir, ikey, deps, []byte(index)) {
		for _, key := range evicted {
			os.Remove(entryPath(dir, key))
		}
	}
}

// lookupEntry reads the entry at path if the files it lists are unchanged.
func lookupEntry(path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return entryData(path, data)
}

// entryData returns the data of the entry at path, whose file holds file,
// if the files it lists are unchanged.
func entryData(path string, file []byte) []byte {
	data := file
	if !bytes.HasPrefix(data, []byte(entryMagic)) {
		return nil
	}
	data = data[len(entryMagic):]
	n, k := binary.Uvarint(data)
	if k <= 0 {
		return nil
	}
	data = data[k:]
	for ; n > 0; n-- {
		var fp fingerprint
		var ok bool
		if fp.path, data, ok = readString(data); !ok {
			return nil
		}
		var v uint64
		if v, data, ok = readUvarint(data); !ok {
			return nil
		}
		fp.size = int64(v) - 1
		if v, data, ok = readUvarint(data); !ok {
			return nil
		}
		fp.mtime = int64(v)
		if stat(fp.path) != fp {
			return nil
		}
	}
	// Mark the entry used (trimming removes entries not used for a week).
	now := time.Now()
	os.Chtimes(path, now, now)
	return data
}

func readUvarint(b []byte) (uint64, []byte, bool) {
	v, k := binary.Uvarint(b)
	if k <= 0 {
		return 0, b, false
	}
	return v, b[k:], true
}

func readString(b []byte) (string, []byte, bool) {
	n, b, ok := readUvarint(b)
	if !ok || uint64(len(b)) < n {
		return "", b, false
	}
	return string(b[:n]), b[n:], true
}

// CacheStore keeps data, the compiled form of prog, for later runs of args.
// Failing to write is not an error: the next run loads from source.
func CacheStore(cfg Config, args []string, prog *Program, data []byte) {
	dir := CacheDir(cfg.Env)
	if dir == "" {
		return
	}
	key, ok := cacheKey(cfg, args)
	if !ok {
		return
	}
	storeEntry(dir, key, prog.deps, data)
}

// storeEntry writes the entry key: the fingerprints of deps, then data.
// It reports whether it did.
func storeEntry(dir, key string, deps []string, data []byte) bool {
	var b []byte
	b = append(b, entryMagic...)
	b = binary.AppendUvarint(b, uint64(len(deps)))
	for _, path := range deps {
		fp := stat(path)
		b = binary.AppendUvarint(b, uint64(len(fp.path)))
		b = append(b, fp.path...)
		b = binary.AppendUvarint(b, uint64(fp.size+1))
		b = binary.AppendUvarint(b, uint64(fp.mtime))
	}
	b = append(b, data...)
	path := entryPath(dir, key)
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return false
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), key+".tmp*")
	if err != nil {
		return false
	}
	_, err = tmp.Write(b)
	if err1 := tmp.Close(); err == nil {
		err = err1
	}
	if err != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
		return false
	}
	trim(dir)
	return true
}

// trim removes entries not used for a week, at most once a day.
func trim(dir string) {
	mark := filepath.Join(dir, "trim.txt")
	if fi, err := os.Stat(mark); err == nil && time.Since(fi.ModTime()) < 24*time.Hour {
		return
	}
	os.WriteFile(mark, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o666)
	subs, _ := filepath.Glob(filepath.Join(dir, "??"))
	for _, sub := range subs {
		ents, _ := os.ReadDir(sub)
		for _, e := range ents {
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > 7*24*time.Hour {
				os.Remove(filepath.Join(sub, e.Name()))
			}
		}
	}
}

// stdDeps are the files that stand for the standard library and the go
// command in an entry.
func stdDeps(goroot string) []string {
	deps := []string{filepath.Join(goroot, "VERSION")}
	if goCmd, err := exec.LookPath("go"); err == nil {
		deps = append(deps, goCmd)
	}
	return deps
}
