#!/usr/bin/env bash
# repeat.sh: every kernel (bugs and fixed versions) under one seed, N times at GOMAXPROCS 1
# (random) and 4 (pct): prints how many distinct outputs each setting gave (1 = deterministic).
#
#   testdata/kernels/repeat.sh [N] [SEED]     # default 20 times, seed 5
set -u
cd "$(dirname "$0")"
N=${1:-20}
SEED=${2:-5}
GORO=$(mktemp -d)/goro
(cd ../.. && go build -o "$GORO" ./cmd/goro) || exit 1
names=$(go test -list . . | grep '^Test' | paste -sd'|')
for cfg in "1 random" "4 pct"; do
	set -- $cfg
	for i in $(seq "$N"); do
		GOMAXPROCS=$1 "$GORO" test -v -explore 1 -seed "$SEED" -strategy "$2" -run "^($names)\$" . 2>&1 |
			sed -E 's/[0-9]+\.[0-9]+s/T/g' | md5sum
	done | sort | uniq -c | awk -v p="$1" -v s="$2" -v n="$N" '{d++} END {printf "GOMAXPROCS=%s %s: %d runs, %d distinct output(s)\n", p, s, n, d}'
done
