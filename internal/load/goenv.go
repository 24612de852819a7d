package load

import (
	"os/exec"
	"strings"
)

// goEnv returns `go env key`.
func goEnv(key string) (string, error) {
	out, err := exec.Command("go", "env", key).Output()
	return strings.TrimSpace(string(out)), err
}
