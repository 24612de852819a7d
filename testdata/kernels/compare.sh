#!/usr/bin/env bash
# compare.sh: what go test, go test -race, Go 1.26's goroutine leak profile and goro test
# -explore find on the bug kernels, as the table of RESULTS.md (written to stdout).
#
#   testdata/kernels/compare.sh [N]     # N schedules per test (default 1000)
#
# Needs the go command (with cgo, for -race) and builds goro from this repository.
set -u
cd "$(dirname "$0")"
N=${1:-1000}
GORO=$(mktemp -d)/goro
(cd ../.. && go build -o "$GORO" ./cmd/goro) || exit 1
tests=$(go test -list . . | grep '^Test' | grep -v 'Fixed$')

# native [env...] go test [flags...]: how the native run ended.
native() {
	local out
	out=$(timeout 120 env "$@" 2>&1)
	case "$out" in
	*"race detected"*) echo "race reported" ;;
	*"goroutineleak:"*) echo "leak reported" ;;
	*"test timed out"*) echo "hangs (timeout)" ;;
	*"all goroutines are asleep"*) echo "deadlock" ;;
	*"fatal error"*) echo "fatal error" ;;
	*"panic:"*) echo "panic" ;;
	*"--- FAIL"*) echo "test fails" ;;
	*"ok "*) echo "—" ;;
	*) echo "?" ;;
	esac
}

# explore NAME STRATEGY: "found after K (seed S), replays R/10" or "not found in N".
explore() {
	local js failed seed k replay r=0
	js=$("$GORO" test -json -explore "$N" -strategy "$2" -run "^$1\$" . 2>/dev/null | grep '"Action":"explore"')
	failed=$(echo "$js" | grep -c '"Failed":true')
	k=$(echo "$js" | sed -n 's/.*"Schedules":\([0-9]*\).*/\1/p')
	if [ "$failed" = 0 ]; then
		echo "passes $k"
		return
	fi
	seed=$(echo "$js" | sed -n 's/.*"Seed":\([0-9]*\).*/\1/p')
	replay=$(echo "$js" | sed -n 's/.*"Replay":"\([^"]*\)".*/\1/p' | sed "s|^goro |$GORO |; s| github.com/goro-dev/goro/testdata/kernels$| .|; s|\\\\u0026|\\&|g")
	for i in 1 2 3 4 5 6 7 8 9 10; do
		if ! eval "$replay" >/dev/null 2>&1; then r=$((r + 1)); fi
	done
	echo "found at $k (seed $seed), replays $r/10"
}

echo "| kernel | go test -count=20 | go test -race -count=20 | leak profile | goro random | goro pct | fixed: goro random | fixed: goro pct |"
echo "|---|---|---|---|---|---|---|---|"
for t in $tests; do
	a=$(native go test -count=20 -timeout 10s -run "^$t\$" .)
	b=$(native go test -race -count=20 -timeout 10s -run "^$t\$" .)
	c=$(native GOEXPERIMENT=goroutineleakprofile go test -count=1 -timeout 10s -run "^$t\$" .)
	d=$(explore "$t" random)
	e=$(explore "$t" pct)
	f=$(explore "${t}Fixed" random)
	g=$(explore "${t}Fixed" pct)
	echo "| $t | $a | $b | $c | $d | $e | $f | $g |"
done
