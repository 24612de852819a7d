package load

import (
	"os"
	"os/exec"
	"strings"
)

// goEnv returns `go env key`.
func goEnv(key string) (string, error) {
	out, err := exec.Command("go", "env", key).Output()
	return strings.TrimSpace(string(out)), err
}

// goroTags are the build tags goro loads every program with: they select
// the standard library's pure-Go variants of what gc implements in
// assembly (crypto's block functions, math/big's vector arithmetic),
// which an interpreter runs from source.
var goroTags = []string{"purego", "math_big_pure_go"}

// buildFlags returns the go command flags that add goroTags to the tags
// the environment's GOFLAGS sets (a -tags flag on the command line would
// replace those rather than add to them).
func buildFlags(env []string) []string {
	if env == nil {
		env = os.Environ()
	}
	var user []string // the tags of the last GOFLAGS, as the go command reads it
	for _, kv := range env {
		flags, ok := strings.CutPrefix(kv, "GOFLAGS=")
		if !ok {
			continue
		}
		user = nil
		for _, f := range strings.Fields(flags) {
			if v, ok := strings.CutPrefix(strings.TrimLeft(f, "-"), "tags="); ok {
				user = append(user, strings.Split(v, ",")...)
			}
		}
	}
	return []string{"-tags=" + strings.Join(append(append([]string(nil), goroTags...), user...), ",")}
}
