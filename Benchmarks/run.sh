#!/usr/bin/env bash
# The benchmark of issue 6, side by side in one run, for 10,000, 100,000 and 1,000,000
# tickets (or the sizes given):
#   (a) `maxcloud-report render --from` writing all six files: wall time and peak memory;
#   (b) the workbook stage alone against a plain C program writing the same cells with
#       libxlsxwriter (Benchmarks/workbook-c);
#   (c) the same report made by a Python script with pandas and XlsxWriter, and with
#       openpyxl (Benchmarks/python/report.py; installed from PyPI into a virtualenv here);
#   (d) fetching 1,000 pages through the simulator with 20 ms added to every answer.
# It prints times and ratios; BENCHMARKS.md holds a run's table, the machine and this command.
#
#   Benchmarks/run.sh [SIZES...]                 default: 10000 100000 1000000
#
# Environment: BENCH_DIR (default /tmp/maxcloud-bench; about 2.5 GB at 1M tickets),
# BENCH_REPEAT (best of N, default 3), BENCH_PYTHON_MAX (largest size given to the Python
# scripts, default 100000: at 1M they take minutes each).
# Needs gcc, pkg-config, libxlsxwriter-dev, python3 with venv, and GNU time
# (apt-get install -y build-essential pkg-config libxlsxwriter-dev python3-venv time).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
dir=${BENCH_DIR:-/tmp/maxcloud-bench}
repeat=${BENCH_REPEAT:-3}
python_max=${BENCH_PYTHON_MAX:-100000}
as_of="2026-11-30 09:00:00"
mkdir -p "$dir"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }

echo "== building (release)"
swift build -c release --product maxcloud-report >/dev/null
swift build -c release --product maxcloud-bench >/dev/null
gcc -O2 -Wall -o "$dir/tickets-c" Benchmarks/workbook-c/tickets.c \
    $(pkg-config --cflags --libs xlsxwriter)
tool=$PWD/.build/release/maxcloud-report
bench=$PWD/.build/release/maxcloud-bench
if [ ! -x "$dir/venv/bin/python" ]; then
    echo "== Python: pandas, XlsxWriter and openpyxl from PyPI into $dir/venv"
    python3 -m venv "$dir/venv"
    "$dir/venv/bin/pip" install -q --disable-pip-version-check pandas xlsxwriter openpyxl
fi
py="$dir/venv/bin/python"

# seconds(): wall seconds of a command; peak(): its peak resident set in MB.
seconds() { /usr/bin/time -f '%e' "$@" 2>&1 >/dev/null | tail -1; }
peak_mb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%d", $1 / 1024}'; }
best() {  # best of $repeat runs
    local result=""
    for _ in $(seq "$repeat"); do
        local t
        t=$(seconds "$@")
        if [ -z "$result" ] || awk "BEGIN{exit !($t < $result)}"; then result=$t; fi
    done
    echo "$result"
}
best_stage() {  # best write_seconds line of a maxcloud-bench or tickets-c run
    local result=""
    for _ in $(seq "$repeat"); do
        local t
        t=$("$@" | sed -n 's/^write_seconds //p')
        if [ -z "$result" ] || awk "BEGIN{exit !($t < $result)}"; then result=$t; fi
    done
    echo "$result"
}
ratio() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }

echo "== machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '\n%-9s %-34s %10s %9s %8s\n' tickets stage seconds "peak MB" ratio
for n in "${sizes[@]}"; do
    snapshot="$dir/snapshot-$n.jsonl"
    [ -f "$snapshot" ] || "$bench" snapshot --tickets "$n" --out "$snapshot" >/dev/null
    [ -f "$dir/cells-$n.tsv" ] || "$bench" cells --from "$snapshot" --out "$dir/cells-$n.tsv" >/dev/null

    # A fresh output folder, so the history beside it holds only this run's renders
    # (history is on, as a user's weekly run has it; repeated runs see one to two earlier ones).
    rm -rf "$dir/render-$n"
    render=(render --from "$snapshot" --out "$dir/render-$n" --as-of "$as_of" --quiet)
    tool_s=$(best "$tool" "${render[@]}")
    tool_mb=$(peak_mb "$tool" "${render[@]}")
    printf '%-9s %-34s %10s %9s %8s\n' "$n" "render --from, all formats" "$tool_s" "$tool_mb" "1.00"

    c=$(best_stage "$dir/tickets-c" "$dir/cells-$n.tsv" "$dir/c-$n.xlsx")
    swift=$(best_stage "$bench" workbook --from "$snapshot" --out "$dir/workbook-$n" --repeat 1)
    printf '%-9s %-34s %10s %9s %8s\n' "$n" "workbook stage: C program" "$c" "" "1.00"
    printf '%-9s %-34s %10s %9s %8s\n' "$n" "workbook stage: maxcloud-report" "$swift" "" \
        "$(ratio "$swift" "$c")"

    if [ "$n" -le "$python_max" ]; then
        for engine in xlsxwriter openpyxl; do
            script=("$py" Benchmarks/python/report.py --engine "$engine" "$snapshot" "$dir/py-$engine-$n")
            t=$(best "${script[@]}")
            mb=$(peak_mb "${script[@]}")
            printf '%-9s %-34s %10s %9s %8s\n' "$n" "Python: pandas + $engine" "$t" "$mb" \
                "$(ratio "$t" "$tool_s")"
        done
    fi
done

echo
echo "== fetch through the simulator: 1,000 pages of 100, 20 ms per answer, concurrency 4"
"$bench" fetch --pages 1000 --latency-ms 20 --concurrency 4
echo
echo "ratios: workbook stage over the C program; Python over render --from (how many times"
echo "slower the script is); fetch over pages x latency / concurrency."
