#!/usr/bin/env bash
# Where a program's SDK tasks come from: one side of one mechanism of benchmarks/scale at a count,
# its tasks counted by the first frames of the project's code that created them (TaskSites, a
# java.util.logging handler on the program's boot class path), per workload, most first.
# Usage: benchmarks/task-sites.sh side mechanism [count, default 30]   (side: keyless or raw)
# SKIP_INSTALL=1 uses the modules as last installed; DEPTH (default 3) frames per site.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
side=$1 mechanism=$2 count=${3:-30}
out=$(mktemp -d)
heap_flag=
# shellcheck source=scale-programs.sh
source "$root/benchmarks/scale-programs.sh"
trap 'rm -rf "$out"; rm -f "$program"/Pulumi.bench-*.yaml "$landing_zone_stacks"/Pulumi.bench-*.yaml' EXIT
build_programs
mkdir -p "$out/classes"
javac -d "$out/classes" "$root/benchmarks/task-sites/TaskSites.java"
printf 'handlers=TaskSites\n.level=ALL\nTaskSites.level=ALL\n' > "$out/logging.properties"
preview "$side" "$mechanism" 1 warm-up
PULUMI_JAVA_LOG_VERBOSE=true MAVEN_OPTS="${MAVEN_OPTS:-} -Xbootclasspath/a:$out/classes -Djava.util.logging.config.file=$out/logging.properties \
    -Dtasksites.out=$out/sites -Dtasksites.depth=${DEPTH:-3}" preview "$side" "$mechanism" "$count" sites
awk -v n="$count" -F'\t' '{ total += $1; printf "%8.1f  %s\n", $1 / n, $2 } END { printf "%8.1f  tasks per workload in all\n", total / n }' "$out/sites"
