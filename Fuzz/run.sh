#!/usr/bin/env bash
# Runs pathgap's libFuzzer targets one after another, each for a set time, seeded from Fixtures/ and the shared
# corpus (read in place through symbolic links, never copied into the repository).
#
#   Fuzz/run.sh [SECONDS-PER-TARGET] [TARGET...]      # default: 60 seconds, every target
#   Fuzz/run.sh 600 bpmn graphml                       # ten minutes each for two
#
# Targets: yaml json edgelist csv dot bpmn graphml case-json case-csv. New interesting inputs go to
# Fuzz/.corpus/<target>/ (kept between runs, not committed); a crash, timeout or out-of-memory input is written to
# Fuzz/artifacts/ (that target stops, the others still run) and the script exits 1 at the end. Each run is niced
# and is one process. The line per target is "target: N runs in S s, status X". Set SKIP_BUILD=1 to reuse the last
# build.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml json edgelist csv dot bpmn graphml case-json case-csv)

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    nice -n 10 swift build --package-path "$here" -c debug -Xswiftc -sanitize=fuzzer,address
fi
bin="$(swift build --package-path "$here" -c debug -Xswiftc -sanitize=fuzzer,address --show-bin-path)"
corpus="$root/../shared/corpus"

# Seed files for a target: the extensions it reads.
seed_patterns() {
    case "$1" in
    yaml) echo "*.yaml *.yml" ;;
    json) echo "*.json" ;;
    edgelist) echo "*.edgelist *.edges *.tsv *.csv" ;;
    csv) echo "*.csv *.tsv" ;;
    dot) echo "*.dot *.gv" ;;
    bpmn) echo "*.bpmn *.bpmn2" ;;
    graphml) echo "*.graphml *.xml" ;;
    case-json) echo "*.json" ;;
    case-csv) echo "*.csv" ;;
    esac
}

mkdir -p "$here/artifacts"
# FoundationXML and cgraph leak a little on malformed input (not pathgap's to fix): leaks are not findings.
export ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}"
failed=0
for target in "${targets[@]}"; do
    work="$here/.corpus/$target"
    seeds="$here/.corpus/seeds-$target"
    mkdir -p "$work"
    rm -rf "$seeds"
    mkdir -p "$seeds"
    n=0
    for pattern in $(seed_patterns "$target"); do
        for base in "$root/Fixtures" "$corpus"; do
            [ -d "$base" ] || continue
            while IFS= read -r -d '' file; do
                # Seeds over 64 KiB are skipped (-max_len); a link keeps the file where it is.
                [ "$(stat -c %s "$file")" -le 65536 ] || continue
                n=$((n + 1))
                ln -s "$file" "$seeds/$n-$(basename "$file")"
            done < <(find "$base" -type f -name "$pattern" -print0)
        done
    done
    log="$here/artifacts/$target.log"
    status=0
    started=$(date +%s)
    nice -n 10 "$bin/fuzz-$target" "$work" "$seeds" \
        -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=65536 -detect_leaks=0 \
        -print_final_stats=1 -artifact_prefix="$here/artifacts/$target-" >"$log" 2>&1 || status=$?
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
    echo "$target: $runs runs in $(($(date +%s) - started)) s ($n seeds), status $status"
    if [ "$status" != 0 ]; then
        echo "libFuzzer stopped on $target; see $log and Fuzz/artifacts/" >&2
        failed=1
    fi
done
exit "$failed"
