package load

// The build information gc's linker puts in a binary (runtime/debug's
// ReadBuildInfo reads it): the main package's path, its module and the
// modules it depends on, and the build settings — written as cmd/go's
// setBuildInfo writes them for `go run` (no version-control stamp, which
// go run does not take).

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// buildEnvKeys are the go command's settings the build information
// records (buildInfo's env).
var buildEnvKeys = []string{"CGO_ENABLED", "GOARCH", "GOOS", "GOAMD64", "GOEXPERIMENT"}

// buildInfo returns the modinfo text (debug.ParseBuildInfo's input) of the
// program whose main package is root, over its packages order; env holds
// `go env` of buildEnvKeys.
func buildInfo(cfg Config, env map[string]string, root *packages.Package, order []*packages.Package) string {
	var b strings.Builder
	fmt.Fprintf(&b, "path\t%s\n", root.PkgPath)
	sums := map[string]string{}
	if m := root.Module; m != nil {
		sums = goSums(m.GoMod)
		if root.PkgPath != "command-line-arguments" {
			fmt.Fprintf(&b, "mod\t%s\t(devel)\t\n", m.Path)
		}
	}
	deps := map[string]*packages.Module{}
	for _, p := range order {
		if m := p.Module; m != nil && !m.Main {
			deps[m.Path] = m
		}
	}
	paths := make([]string, 0, len(deps))
	for p := range deps {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		m := deps[p]
		fmt.Fprintf(&b, "dep\t%s\t%s\t%s\n", m.Path, m.Version, sums[m.Path+" "+m.Version])
		if r := m.Replace; r != nil {
			fmt.Fprintf(&b, "=>\t%s\t%s\t%s\n", r.Path, r.Version, sums[r.Path+" "+r.Version])
		}
	}
	setting := func(k, v string) { fmt.Fprintf(&b, "build\t%s=%s\n", k, v) }
	setting("-buildmode", "exe")
	setting("-compiler", "gc")
	setting("CGO_ENABLED", env["CGO_ENABLED"])
	if env["CGO_ENABLED"] == "1" {
		for _, k := range []string{"CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_LDFLAGS"} {
			v, _ := lookupEnv(cfg.Env, k)
			setting(k, v)
		}
	}
	setting("GOARCH", env["GOARCH"])
	if v := env["GOEXPERIMENT"]; v != "" {
		setting("GOEXPERIMENT", v)
	}
	setting("GOOS", env["GOOS"])
	if v := env["GOAMD64"]; v != "" && env["GOARCH"] == "amd64" {
		setting("GOAMD64", v)
	}
	return b.String()
}

// goEnvs returns `go env` of keys, in cfg's environment.
func goEnvs(cfg Config, keys ...string) map[string]string {
	cmd := exec.Command("go", append([]string{"env"}, keys...)...)
	cmd.Dir, cmd.Env = cfg.Dir, cfg.Env
	out, _ := cmd.Output()
	vals := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	env := map[string]string{}
	for i, k := range keys {
		if i < len(vals) {
			env[k] = vals[i]
		}
	}
	return env
}

// goSums reads the module hashes of the go.sum beside goMod, by "path
// version".
func goSums(goMod string) map[string]string {
	sums := map[string]string{}
	if goMod == "" {
		return sums
	}
	f, err := os.Open(filepath.Join(filepath.Dir(goMod), "go.sum"))
	if err != nil {
		return sums
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fs := strings.Fields(sc.Text()); len(fs) == 3 && !strings.HasSuffix(fs[1], "/go.mod") {
			sums[fs[0]+" "+fs[1]] = fs[2]
		}
	}
	return sums
}
