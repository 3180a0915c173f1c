#!/usr/bin/env bash
# Many workloads in one stack: keyless against a twin with the same effect and the same resources,
# through the offline preview's engine. Runs alternate (keyless, twin, keyless, ...) so drift hits
# both sides. Reports median wall time, CPU time (user+sys of the preview and the program it runs)
# and peak RSS (the largest process) per side, their ratios, and the registrations per workload.
# Before measuring a mechanism it previews both sides at 3 workloads and fails unless both
# register the same resource types, each as often (a twin that drifts fails the benchmark).
# Needs GNU time and jq. Usage: benchmarks/scale.sh [counts, default "100 500 1000"] [runs, default 3]
#   [mechanisms, default "irsa pod-identity gke aks eks-gcs eks-blob gke-s3 pipeline landing-zone"]
# Mechanisms and their twins (README, "Cost at scale"):
#   irsa pod-identity gke aks eks-gcs eks-blob gke-s3 pipeline: benchmarks/scale in keyless mode
#     against benchmarks/scale in raw mode (the same resources written by hand);
#   landing-zone: the root landing zone program from generated stack config against
#     benchmarks/scale in java mode (the same workloads written as a Java keyless program).
# HEAP=400m caps the heap of both JVMs (the preview's and the program's), to show memory needed
# rather than what the JVMs' default sizing lets them grow to. TWINS_ONLY=1 checks the twins and stops;
# TWINS_CHECKED=1 skips the check, for a run right after TWINS_ONLY=1 passed on the same build;
# SKIP_INSTALL=1 measures the modules as last installed instead of installing them first.
# ROLE_INLINE_POLICY=true writes the hand-written IAM roles with their grant in inlinePolicies
# instead of a separate RolePolicy, for when keyless's roles carry it (the twin check says which).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
counts=${1:-"100 500 1000"}
runs=${2:-3}
mechanisms=${3:-"irsa pod-identity gke aks eks-gcs eks-blob gke-s3 pipeline landing-zone"}
for tool in /usr/bin/time jq; do
    if ! command -v "$tool" > /dev/null; then
        echo "needs GNU time and jq: apt-get install time jq" >&2
        exit 2
    fi
done

# shellcheck source=scale-programs.sh
source "$root/benchmarks/scale-programs.sh"
build_programs

heap_flag=${HEAP:+-Xmx$HEAP}
out=$(mktemp -d)
trap 'rm -rf "$out"; rm -f "$program"/Pulumi.bench-*.yaml "$landing_zone_stacks"/Pulumi.bench-*.yaml' EXIT

# Resource types and how often each is registered. Keyless's own components are left out against
# a hand-written twin (they are what keyless adds); between two keyless programs they count too.
registered_types() { # json-file with-components
    jq -r --argjson components "$2" '[.steps[].newState | select(.type != "pulumi:pulumi:Stack")
        | select(.custom or $components) | .type] | group_by(.) | map("\(length) \(.[0])") | .[]' "$1"
}

check_twin() { # mechanism
    local mechanism=$1 side twin components=false
    read -r side twin <<< "$(sides_of "$mechanism")"
    [ "$twin" = java ] && components=true
    preview "$side" "$mechanism" 3 twin --json "$out/twin-$side.json"
    preview "$twin" "$mechanism" 3 twin --json "$out/twin-$twin.json"
    if ! diff <(registered_types "$out/twin-$side.json" "$components") <(registered_types "$out/twin-$twin.json" "$components") \
        > "$out/twin-diff"; then
        echo "the $mechanism twin drifted: at 3 workloads, $side (<) and $twin (>) register different resources:" >&2
        cat "$out/twin-diff" >&2
        exit 1
    fi
    echo "twin check $mechanism: $side and $twin register the same $(registered_types "$out/twin-$side.json" "$components" \
        | awk '{ n += $1 } END { print n }') resources at 3 workloads ($(registered_types "$out/twin-$side.json" "$components" | paste -sd, -))" >&2
}

registrations() { # report-file: what the preview would create, the stack included
    sed -n 's/^ *+ \([0-9]*\) to create.*/\1/p' "$1" | tail -1
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
column_of() { # file-glob column
    for f in $1; do awk -v c="$2" '{ print $c }' "$f"; done
}

if [ -z "${TWINS_CHECKED:-}" ]; then
    for mechanism in $mechanisms; do
        check_twin "$mechanism"
    done
fi
if [ -n "${TWINS_ONLY:-}" ]; then
    exit 0
fi

printf '| mechanism | workloads | keyless wall | twin wall | ratio | keyless CPU | twin CPU | ratio | keyless peak RSS | twin peak RSS | ratio | keyless ms/workload | registrations per workload keyless/twin |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for mechanism in $mechanisms; do
    read -r side twin <<< "$(sides_of "$mechanism")"
    for count in $counts; do
        for run in $(seq 1 "$runs"); do
            preview "$side" "$mechanism" "$count" "$run"
            preview "$twin" "$mechanism" "$count" "$run"
        done
        declare -A wall cpu rss made
        for mode in "$side" "$twin"; do
            wall[$mode]=$(column_of "$out/$mode-$mechanism-$count-[0-9]*" 1 | median)
            cpu[$mode]=$(for f in "$out/$mode-$mechanism-$count-"[0-9]*; do awk '{ print $2 + $3 }' "$f"; done | median)
            rss[$mode]=$(column_of "$out/$mode-$mechanism-$count-[0-9]*" 4 | median)
            made[$mode]=$(registrations "$out/report-$mode-$mechanism-$count-1")
        done
        awk -v m="$mechanism" -v n="$count" -v kw="${wall[$side]}" -v rw="${wall[$twin]}" -v kc="${cpu[$side]}" -v rc="${cpu[$twin]}" \
            -v kr="${rss[$side]}" -v rr="${rss[$twin]}" -v km="${made[$side]}" -v rm="${made[$twin]}" 'BEGIN {
                printf "| %s | %d | %.1f s | %.1f s | %.2f | %.1f s | %.1f s | %.2f | %d MiB | %d MiB | %.2f | %.1f | %.2f / %.2f |\n",
                    m, n, kw, rw, kw / rw, kc, rc, kc / rc, kr / 1024, rr / 1024, kr / rr, kw * 1000 / n, km / n, rm / n }'
    done
done
echo "medians of $runs alternated runs each; CPU is user+sys of the preview and the program; RSS is the largest process; $(uptime)"
