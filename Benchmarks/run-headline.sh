#!/bin/sh
# Headline numbers: generate networks of 10^4 .. 10^7 steps with the release pathgap, time load + SCC + chains
# with pathgap-timing (one process per file, so peak memory is per size), then compare with igraph and networkx
# at 10^6. Run from the repository root: sh Benchmarks/run-headline.sh [OUT_DIR]
set -e
OUT=${1:-/tmp/pathgap-bench}
mkdir -p "$OUT"
swift build -c release --product pathgap
(cd Benchmarks && swift build -c release --product pathgap-timing)
PATHGAP=$(swift build -c release --show-bin-path)/pathgap
TIMING=$(cd Benchmarks && swift build -c release --show-bin-path)/pathgap-timing
for n in 10000 100000 1000000 10000000; do
    [ -f "$OUT/g$n.csv" ] || "$PATHGAP" generate --steps $n --seed 1 --out "$OUT/g$n.csv"
done
uname -a; nproc; grep 'model name' /proc/cpuinfo | head -1
for n in 10000 100000 1000000 10000000; do
    "$TIMING" --runs 3 "$OUT/g$n.csv" | { [ $n = 10000 ] && cat || tail -n 1; }
done
S=$("$TIMING" --runs 3 "$OUT/g1000000.csv" | tail -n 1 | cut -f 9)
python3 Benchmarks/compare.py "$OUT/g1000000.csv" --pathgap-seconds "$S"
