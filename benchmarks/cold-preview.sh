#!/usr/bin/env bash
# Measures a newcomer's first preview: a fresh clone and an empty Maven repository, then
# `./preview examples/chartmuseum-eks` twice (cold, then warm). Reports wall and CPU time (user +
# system, all processes: less sensitive than wall time to other load on the machine), the load
# average, what the cold run downloaded, and whether any GCP or Azure SDK was among it.
# Downloads from Maven Central.
# Usage: benchmarks/cold-preview.sh [git revision, default HEAD] [example, default examples/chartmuseum-eks]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
revision=${1:-HEAD}
example=${2:-examples/chartmuseum-eks}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q --no-checkout "$root" "$work/keyless"
git -C "$work/keyless" checkout -q "$(git -C "$root" rev-parse "$revision")"
export MAVEN_OPTS="-Dmaven.repo.local=$work/m2"
cd "$work/keyless"
echo "revision $(git rev-parse --short HEAD), $example, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
TIMEFORMAT='%R %U %S'
for run in cold warm; do
    { time ./preview "$example" > "$work/$run.txt" 2> "$work/$run.err"; } 2> "$work/$run.time" \
        || { cat "$work/$run.err" "$work/$run.txt" >&2; exit 1; }
    read -r wall user sys < "$work/$run.time"
    printf '%s: %6.1f s wall, %6.1f s CPU\n' "$run" "$wall" "$(echo "$user + $sys" | bc)"
    if [ "$run" = cold ]; then
        printf 'downloaded: %s MiB into the empty repository\n' "$(du -sm "$work/m2" | cut -f1)"
        for sdk in com/pulumi/gcp com/pulumi/azure-native com/pulumi/aws; do
            if [ -d "$work/m2/$sdk" ]; then
                printf '  %-24s %s MiB\n' "$sdk" "$(du -sm "$work/m2/$sdk" | cut -f1)"
            else
                printf '  %-24s not downloaded\n' "$sdk"
            fi
        done
    fi
done
diff -q "$work/cold.txt" "$work/warm.txt" > /dev/null || { echo "the cold and warm reports differ" >&2; exit 1; }
