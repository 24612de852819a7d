#!/usr/bin/env bash
# regen.sh — regenerate the golden files of goro's end-to-end tests with the real Go toolchain.
#
# For every program NAME.go in this directory it runs `go run NAME.go` (cwd = this directory, so
# compile errors are reported as ./NAME.go:LINE:COL like go build does) and writes:
#
#   NAME.stdout    the program's standard output, byte for byte
#   NAME.stderr    the program's standard error, byte for byte, minus the trailing
#                  "exit status N" line that `go run` itself prints when the program fails
#   NAME.exitcode  the program's own exit code (one line): 0 on success; N from that
#                  "exit status N" line when the program failed; otherwise go run's status
#                  (1 for a program that does not compile)
#
# `go run` always exits 1 when the program fails, so the program's real code is taken from the
# "exit status N" line. The stderr files keep gc's raw text (absolute paths, +0x pc offsets,
# argument words, goroutine ids); e2e_test.go normalizes both sides before comparing.
#
# A program can set environment variables for its run (both here and in e2e_test.go) with a line
# `//e2e:env KEY=VALUE...` (GODEBUG settings the runtime reads at start-up, GOTRACEBACK).
#
# Usage:  testdata/e2e/regen.sh            # all programs
#         testdata/e2e/regen.sh NAME.go... # only these
# Run it after adding or changing a program, then review the diff of the golden files.
set -euo pipefail
cd "$(dirname "$0")"

# The runtime's traceback output depends on these; use the defaults.
unset GOTRACEBACK GODEBUG GOMAXPROCS GOEXPERIMENT
export GOFLAGS=

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
	files=(*.go)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for f in "${files[@]}"; do
	name=${f%.go}
	rc=0
	# shellcheck disable=SC2046 # the directive's words are the variables
	env $(sed -n 's|^//e2e:env ||p' "$f") go run "$f" >"$tmp/stdout" 2>"$tmp/stderr" </dev/null || rc=$?
	code=$rc
	if [ "$rc" -ne 0 ]; then
		last=$(tail -n 1 "$tmp/stderr")
		if [[ $last =~ ^exit\ status\ ([0-9]+)$ ]]; then
			code=${BASH_REMATCH[1]}
			# Drop the last line (go run's own), keeping everything the program wrote.
			lines=$(wc -l <"$tmp/stderr")
			head -n $((lines - 1)) "$tmp/stderr" >"$tmp/stderr.trim"
			mv "$tmp/stderr.trim" "$tmp/stderr"
		fi
	fi
	cp "$tmp/stdout" "$name.stdout"
	cp "$tmp/stderr" "$name.stderr"
	echo "$code" >"$name.exitcode"
	printf '%-28s exit %s\n' "$f" "$code"
done
