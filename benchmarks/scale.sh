#!/usr/bin/env bash
# Many workloads in one stack: keyless against the same resources written by hand, through the
# offline preview's engine. Runs alternate (keyless, raw, keyless, ...) so drift hits both sides.
# Reports median wall time, CPU time (user+sys of the preview and the program it runs) and peak
# RSS (the largest process) per side, and their ratios.
# Needs GNU time. Usage: benchmarks/scale.sh [counts, default "100 500 1000"] [runs, default 3] [mechanisms, default "irsa pod-identity gke aks"]
# HEAP=400m caps the heap of both JVMs (the preview's and the program's), to show memory needed
# rather than what the JVMs' default sizing lets them grow to.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
counts=${1:-"100 500 1000"}
runs=${2:-3}
mechanisms=${3:-"irsa pod-identity gke aks"}
program="$root/benchmarks/scale"
if [ ! -x /usr/bin/time ]; then
    echo "needs GNU time: apt-get install time" >&2
    exit 2
fi

quiet_mvn() { mvn -q -B "$@" 2>&1 | sed 's/\x1b\[0m//g'; }
quiet_mvn -f "$root/pom.xml" install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
classpath_file="$root/components/preview/target/preview.classpath"
quiet_mvn -f "$root/components/preview/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime
preview_cp="$root/components/preview/target/classes:$(cat "$classpath_file")"
# The program is compiled once here. The first preview below goes through `mvn compile exec:java`
# and records the classpath; the measured ones then start the unchanged program with java, as a
# warm ./preview does, so Maven's startup is in neither side's figures.
quiet_mvn -f "$program/pom.xml" compile

heap_flag=${HEAP:+-Xmx$HEAP}
out=$(mktemp -d)
trap 'rm -rf "$out"; rm -f "$program"/Pulumi.bench-*.yaml' EXIT

measure() { # mode mechanism count run
    local stack="bench-$1-$2-$3"
    printf 'config:\n  scale:workloads: "%s"\n  scale:mode: %s\n  scale:mechanism: %s\n  aws:region: eu-west-1\n' "$3" "$1" "$2" \
        > "$program/Pulumi.$stack.yaml"
    MAVEN_OPTS="${MAVEN_OPTS:-} ${heap_flag}" /usr/bin/time -f "%e %U %S %M" -o "$out/$1-$2-$3-$4" \
        java ${heap_flag} -cp "$preview_cp" dev.keyless.preview.cli.PreviewCommand "$program" --stack "$stack" > "$out/report-$1-$2-$3-$4" 2>&1 \
        || { echo "preview of $stack failed:" >&2; tail -20 "$out/report-$1-$2-$3-$4" >&2; exit 1; }
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
column_of() { # file-glob column
    for f in $1; do awk -v c="$2" '{ print $c }' "$f"; done
}

measure raw irsa 1 warm-up

printf '| mechanism | workloads | keyless wall | raw wall | ratio | keyless CPU | raw CPU | ratio | keyless peak RSS | raw peak RSS | ratio | keyless ms/workload |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for mechanism in $mechanisms; do
    for count in $counts; do
        for run in $(seq 1 "$runs"); do
            measure keyless "$mechanism" "$count" "$run"
            measure raw "$mechanism" "$count" "$run"
        done
        declare -A wall cpu rss
        for mode in keyless raw; do
            wall[$mode]=$(column_of "$out/$mode-$mechanism-$count-*" 1 | median)
            cpu[$mode]=$(for f in "$out/$mode-$mechanism-$count-"*; do awk '{ print $2 + $3 }' "$f"; done | median)
            rss[$mode]=$(column_of "$out/$mode-$mechanism-$count-*" 4 | median)
        done
        awk -v m="$mechanism" -v n="$count" -v kw="${wall[keyless]}" -v rw="${wall[raw]}" -v kc="${cpu[keyless]}" -v rc="${cpu[raw]}" \
            -v kr="${rss[keyless]}" -v rr="${rss[raw]}" 'BEGIN {
                printf "| %s | %d | %.1f s | %.1f s | %.2f | %.1f s | %.1f s | %.2f | %d MiB | %d MiB | %.2f | %.1f |\n",
                    m, n, kw, rw, kw / rw, kc, rc, kc / rc, kr / 1024, rr / 1024, kr / rr, kw * 1000 / n }'
    done
done
echo "medians of $runs alternated runs each; CPU is user+sys of the preview and the program; RSS is the largest process"
