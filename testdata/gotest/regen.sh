#!/usr/bin/env bash
# regen.sh — regenerate the goldens of goro test's end-to-end tests
# (gotest_test.go) with the real go test: for each line NAME DIR ARGS... of
# cases, `go test -count=1 ARGS` run in DIR writes golden/NAME.stdout,
# golden/NAME.stderr and golden/NAME.exitcode. (-count=1 through GOFLAGS
# keeps go test's cache out: it would print "(cached)".)
#
# Usage:  testdata/gotest/regen.sh [NAME...]
set -euo pipefail
cd "$(dirname "$0")"
unset GOTRACEBACK GODEBUG GOMAXPROCS GOEXPERIMENT
export GOFLAGS=-count=1
mkdir -p golden
root=$PWD
grep -v '^#' cases | while read -r name dir args; do
	if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then
		continue
	fi
	rc=0
	# shellcheck disable=SC2086
	(cd "$dir" && go test $args) >"$root/golden/$name.stdout" 2>"$root/golden/$name.stderr" </dev/null || rc=$?
	echo "$rc" >"golden/$name.exitcode"
	printf '%-12s exit %s\n' "$name" "$rc"
done
