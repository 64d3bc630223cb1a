#!/usr/bin/env bash
# The workbook stage against a plain C program writing the same cells with libxlsxwriter,
# side by side, at 100,000 and 1,000,000 tickets (issue 4), and the peak memory of
# `render --from --format xlsx` at both sizes.
#
#   Benchmarks/workbook.sh [SIZES...]        default: 100000 1000000
#
# Needs gcc, libxlsxwriter-dev and GNU time (apt-get install -y time). Snapshots and
# outputs go to $BENCH_DIR (default /tmp/maxcloud-bench), about 2 GB at 1M tickets.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
dir=${BENCH_DIR:-/tmp/maxcloud-bench}
mkdir -p "$dir"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }

swift build -c release --product maxcloud-report >/dev/null
swift build -c release --product maxcloud-bench >/dev/null
gcc -O2 -Wall -o "$dir/tickets-c" Benchmarks/workbook-c/tickets.c \
    $(pkg-config --cflags --libs xlsxwriter)
bench=.build/release/maxcloud-bench
tool=.build/release/maxcloud-report

best() {  # best write_seconds of three runs of a command
    local best=""
    for _ in 1 2 3; do
        local t
        t=$("$@" | sed -n 's/^write_seconds //p')
        if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    done
    echo "$best"
}

printf '%-10s %10s %10s %7s %16s\n' tickets "C (s)" "Swift (s)" ratio "render peak MB"
for n in "${sizes[@]}"; do
    snapshot="$dir/snapshot-$n.jsonl"
    [ -f "$snapshot" ] || "$bench" snapshot --tickets "$n" --out "$snapshot" >/dev/null
    [ -f "$dir/cells-$n.tsv" ] || "$bench" cells --from "$snapshot" --out "$dir/cells-$n.tsv" >/dev/null
    c=$(best "$dir/tickets-c" "$dir/cells-$n.tsv" "$dir/c-$n.xlsx")
    swift=$(best "$bench" workbook --from "$snapshot" --out "$dir/swift-$n" --repeat 1)
    peak=$( { /usr/bin/time -f '%M' "$tool" render --from "$snapshot" --out "$dir/render-$n" \
        --format xlsx --quiet; } 2>&1 | tail -1)
    printf '%-10s %10s %10s %7s %16s\n' "$n" "$c" "$swift" \
        "$(awk "BEGIN{printf \"%.2f\", $swift / $c}")" "$(( peak / 1024 ))"
done
