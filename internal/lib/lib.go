// Package lib is the standard library as goro sees it.
//
// Each standard package is interpreted from GOROOT source unless it is
// listed in native below: then its source is read for types only, its
// functions are bound to Go implementations registered here with
// vm.RegisterNative, and its package initializer does not run. Functions
// of interpreted packages that have no Go body (assembly, or linknamed into
// the runtime) are natives too, and a native registered for a function that
// has a body replaces it (where the body depends on unsafe memory layout).
// Calling a function that has neither is reported as unsupported, by name.
package lib

import "strings"

// native lists the packages bound natively, with the reason.
var native = map[string]string{
	"runtime":                 "goro's runtime is internal/rt",
	"runtime/debug":           "runtime internals",
	"reflect":                 "reads goro's value representation",
	"internal/reflectlite":    "reads goro's value representation",
	"internal/abi":            "gc's type layout",
	"internal/bytealg":        "assembly",
	"internal/cpu":            "hardware",
	"internal/godebug":        "reads the runtime's GODEBUG",
	"internal/syscall/unix":   "host system calls",
	"syscall":                 "host system calls",
	"os":                      "host I/O and process state",
	"math":                    "host floating point (speed)",
	"unsafe":                  "builtin",
	"internal/runtime/atomic": "runtime internals",
}

// sealed lists the native packages whose natives hand the program no value
// of a type of the packages they import, so those imports need no code
// unless an interpreted package imports them (load.Config.Sealed). The
// imports of the other native packages (os: io/fs's *PathError and
// time.Time; syscall) are interpreted, and their initializers run before the native
// package's own start-up (vm.RegisterPackageInit).
var sealed = map[string]bool{
	"runtime": true, "runtime/debug": true, "reflect": true, "internal/reflectlite": true,
	"internal/abi": true, "internal/bytealg": true, "internal/cpu": true, "math": true,
	"unsafe": true, "internal/runtime/atomic": true,
}

// sealedImports lists, for a native package that is not sealed, the
// imports it hands no value of all the same: os's internal/poll (os's
// files are the host's; only ErrDeadlineExceeded is poll's, made without
// its code when no interpreted package imports poll — see os_init) is
// loaded from source only for net, which every program importing fmt
// would otherwise pay for at a cold start.
var sealedImports = map[string]map[string]bool{
	"os": {"internal/poll": true},
}

// Sealed reports whether the native package path hands the program no
// value of a type of its import imp (load.Config.Sealed).
func Sealed(path, imp string) bool {
	return sealed[path] || sealedImports[path][imp] || strings.HasPrefix(path, "runtime/") || strings.HasPrefix(path, "internal/runtime/")
}

// keepBodies lists the functions of native packages that run from their
// Go source all the same (load.Config.KeepBody): they call the
// program's code (os.CopyFS walks the program's fs.FS) and are built on
// the package's other functions, natives or kept.
var keepBodies = map[string]map[string]bool{
	"os": {"CopyFS": true, "joinPath": true},
}

// KeepBody reports whether function name of the native package path
// keeps its body (keepBodies).
func KeepBody(path, name string) bool { return keepBodies[path][name] }

// KeepBodies reports whether a function of the native package path keeps
// its body.
func KeepBodies(path string) bool { return len(keepBodies[path]) > 0 }

// interpreted lists the packages under runtime/ and internal/runtime/ that
// are interpreted from source all the same: their code is the library's
// own (profiles, labels, metrics' descriptions and histograms), built on
// a few runtime hooks that goro binds natively (pprof.go, metrics.go).
var interpreted = map[string]bool{
	"runtime/pprof": true, "internal/runtime/pprof/label": true, "runtime/metrics": true, "runtime/trace": true,
}

// sourceUnderTest lists the native packages that run from source in their
// own test binaries (goro test): their test files (export_test.go) use
// the package's unexported functions and variables, which only its source
// has. The natives registered for its functions still replace their
// bodies there, so the tests check the same code every program runs, and
// its functions without a Go body (assembly) have natives too.
var sourceUnderTest = map[string]bool{"math": true, "os": true}

// SourceUnderTest reports whether the native package path runs from
// source in its own test binary.
func SourceUnderTest(path string) bool { return sourceUnderTest[path] }

// IsNative reports whether the standard package path is bound natively.
func IsNative(path string) bool {
	if _, ok := native[path]; ok {
		return true
	}
	if interpreted[path] {
		return false
	}
	return strings.HasPrefix(path, "runtime/") || strings.HasPrefix(path, "internal/runtime/")
}
