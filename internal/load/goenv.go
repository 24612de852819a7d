package load

import (
	"os"
	"os/exec"
	"path/filepath"
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
// GOFLAGS sets, from the environment or, as the go command reads it, from
// the go env file (`go env -w`): a -tags flag on the command line replaces
// GOFLAGS' rather than adding to it.
func buildFlags(env []string) []string {
	return []string{"-tags=" + strings.Join(buildTags(env), ",")}
}

// buildTags returns goroTags and the tags GOFLAGS sets (buildFlags).
func buildTags(env []string) []string {
	if env == nil {
		env = os.Environ()
	}
	goflags, ok := lookupEnv(env, "GOFLAGS")
	if !ok {
		goflags = goEnvFile(env)["GOFLAGS"]
	}
	var user []string
	for _, f := range strings.Fields(goflags) {
		if v, ok := strings.CutPrefix(strings.TrimLeft(f, "-"), "tags="); ok {
			user = strings.Split(v, ",") // the last -tags counts, as in the go command
		}
	}
	return append(append([]string(nil), goroTags...), user...)
}

// environ is env, or this process's environment when env is nil.
func environ(env []string) []string {
	if env == nil {
		return os.Environ()
	}
	return env
}

// lookupEnv finds key in env (the last setting wins).
func lookupEnv(env []string, key string) (string, bool) {
	val, found := "", false
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, key+"="); ok {
			val, found = v, true
		}
	}
	return val, found
}

// goEnvFile reads the go command's env file ($GOENV, by default go/env in
// the user config directory): KEY=VALUE lines.
func goEnvFile(env []string) map[string]string {
	file, ok := lookupEnv(env, "GOENV")
	if !ok {
		dir, err := os.UserConfigDir()
		if err != nil {
			return nil
		}
		file = filepath.Join(dir, "go", "env")
	}
	if file == "" || file == "off" {
		return nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	vars := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(strings.TrimSpace(line), "="); ok {
			vars[k] = v
		}
	}
	return vars
}
