#!/usr/bin/env bash
# Measures the offline preview of examples/chartmuseum-eks: wall time of each run (the first one
# builds what is stale) and peak resident memory of the preview and the program it runs.
# Needs GNU time (Debian package "time"). Usage: benchmarks/preview-eks.sh [runs, default 5]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
if [ ! -x /usr/bin/time ]; then
    echo "needs GNU time: apt-get install time" >&2
    exit 2
fi
out=$(mktemp -d)
for i in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M" -o "$out/run-$i" "$root/preview" "$root/examples/chartmuseum-eks" > "$out/report-$i" 2>&1
    read -r seconds kib < "$out/run-$i"
    printf 'run %d: %6.2f s wall, peak RSS %5d MiB (largest process: preview or the program)\n' "$i" "$seconds" $((kib / 1024))
done
sort -n "$out"/run-* | awk '{ t[NR] = $1; if ($2 > m) m = $2 } END { printf "median %.2f s, peak RSS %d MiB over %d runs\n", t[int((NR + 1) / 2)], m / 1024, NR }'
