#!/usr/bin/env bash
# Renders 1,000 generated ~30-step sub-pathway flowcharts to SVG twice: in process (pathgap's Graphviz wrapper,
# one context, one lock) and with one `dot -Tsvg` process per chart on the same DOT text. Prints both times and
# the ratio, then renders the same charts 10 times in process (10,000 renders) and prints resident memory.
#
# Usage: Benchmarks/render-vs-dot.sh [charts] [steps-per-chart] [rounds]
# Environment: PATHGAP=path/to/pathgap to skip the release build; WORK=folder to keep the generated files.
set -euo pipefail

charts=${1:-1000}
steps=${2:-30}
rounds=${3:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"

if [[ -z "${PATHGAP:-}" ]]; then
    (cd "$root" && swift build -c release --product pathgap >&2)
    PATHGAP="$root/.build/release/pathgap"
fi

# A pathway of $charts chains of $steps steps: each chain is $steps-1 activities and a decision that branches to
# the next chain and the one after, so the (temporary) chain decomposition yields exactly $charts sub-pathways.
awk -v charts="$charts" -v steps="$steps" 'BEGIN {
    print "id: bench"; print "title: Generated benchmark pathway"; print "steps:"
    print "  - { id: start, label: Referral received, kind: start, staffGroups: [admin] }"
    for (k = 0; k < charts; k++) {
        for (i = 1; i < steps; i++)
            printf "  - { id: c%d-%d, label: \"Step %d of part %d\", staffGroups: [group-%d], competencies: [comp-%d] }\n", k, i, i, k, (k + i) % 5, i % 7
        printf "  - { id: d%d, label: \"Result of part %d?\", kind: decision, staffGroups: [group-%d] }\n", k, k, k % 5
    }
    print "  - { id: end, label: Discharged, kind: end }"
    print "transitions:"
    print "  - { from: start, to: c0-1 }"
    for (k = 0; k < charts; k++) {
        for (i = 1; i < steps - 1; i++) printf "  - { from: c%d-%d, to: c%d-%d }\n", k, i, k, i + 1
        printf "  - { from: c%d-%d, to: d%d }\n", k, steps - 1, k
        if (k + 1 < charts) printf "  - { from: d%d, to: c%d-1, condition: \"result %d normal\" }\n", k, k + 1, k
        if (k + 2 < charts) printf "  - { from: d%d, to: c%d-1, condition: \"result %d abnormal\" }\n", k, k + 2, k
    }
    printf "  - { from: d%d, to: end }\n", charts - 1
}' > "$work/bench.yaml"

rm -rf "$work/dot" && mkdir -p "$work/dot"
"$PATHGAP" render "$work/bench.yaml" --view subpathways --format dot --out "$work/dot" > /dev/null
count=$(ls "$work/dot" | wc -l)
echo "generated $count DOT charts ($(cat "$work/dot"/*.dot | grep -c -- ' \[id="step-') steps in all) in $work/dot"

echo "== in process (pathgap render-bench) =="
inprocess=$("$PATHGAP" render-bench "$work/dot")
echo "$inprocess"
inproc_seconds=$(echo "$inprocess" | sed -n 's/^first round: \([0-9.]*\) s.*/\1/p')

echo "== one dot -Tsvg process per chart =="
start=$(date +%s.%N)
for file in "$work/dot"/*.dot; do dot -Tsvg "$file" > /dev/null; done
end=$(date +%s.%N)
dot_seconds=$(echo "$start $end" | awk '{ printf "%.3f", $2 - $1 }')
echo "dot: $dot_seconds s for $count charts"

echo "== result =="
echo "$inproc_seconds $dot_seconds $count" | awk '{ printf "in process: %.3f s (%.2f ms/chart); dot processes: %.3f s (%.2f ms/chart); in-process is %.1fx faster\n", $1, 1000 * $1 / $3, $2, 1000 * $2 / $3, $2 / $1 }'

echo "== memory across $((count * rounds)) in-process renders =="
"$PATHGAP" render-bench "$work/dot" --repeats "$rounds"
