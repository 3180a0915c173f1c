#!/usr/bin/env bash
# SDK tasks per workload, keyless against its twin (benchmarks/scale.sh's programs and config).
# Pulumi's Java SDK registers every pending piece of work with its task runner
# (DeploymentImpl.DefaultRunner.registerTask), which logs "Registering task: '<description>'" at
# FINEST; PULUMI_JAVA_LOG_VERBOSE=true, the SDK's own switch, turns that level on. This script
# sends that log through a pipe that keeps only those lines (the runner also logs every pending
# task on each pass, gigabytes at a few hundred workloads) and counts the tasks by kind: an Output's future
# (com.pulumi.core.internal.OutputInternal), a resource registration's steps, an invoke, a
# registerResourceOutputs, and the rest. The SDK keeps no counter of its own in 1.36.1.
# Usage: benchmarks/tasks.sh [count, default 50] [mechanisms, default as scale.sh's]
# SKIP_INSTALL=1 counts the modules as last installed instead of installing them first.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
count=${1:-50}
mechanisms=${2:-"irsa pod-identity gke aks eks-gcs eks-blob gke-s3 pipeline landing-zone"}
out=$(mktemp -d)
heap_flag=
# shellcheck source=scale-programs.sh
source "$root/benchmarks/scale-programs.sh"
trap 'rm -rf "$out"; rm -f "$program"/Pulumi.bench-*.yaml "$landing_zone_stacks"/Pulumi.bench-*.yaml' EXIT
build_programs
mkfifo "$out/tasks.log"
cat > "$out/logging.properties" <<PROPERTIES
handlers=java.util.logging.FileHandler
.level=ALL
java.util.logging.FileHandler.pattern=$out/tasks.log
java.util.logging.FileHandler.level=ALL
java.util.logging.FileHandler.formatter=java.util.logging.SimpleFormatter
java.util.logging.SimpleFormatter.format=%5\$s%n
PROPERTIES

# The kinds, from the description each task is registered with.
kinds() {
    sed -n "s/^Registering task: '//p" | sed 's/ ->.*//; s/:.*//' | awk '
        /OutputInternal/ { k = "outputs" }
        /readOrRegisterResource|resource monitor|Preparing resource|Prepared resource/ { k = "registrations" }
        /[Ii]nvok/ { k = "invokes" }
        /[Rr]egisterResourceOutputs/ { k = "resourceOutputs" }
        { if (k == "") k = "other"; n[k]++; k = "" }
        END { for (k in n) print k, n[k] }'
}

printf '| mechanism | side | tasks per workload | Output futures | registration steps | registerOutputs | invokes | other |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for mechanism in $mechanisms; do
    for side in $(sides_of "$mechanism"); do
        # The first preview of a program may go through Maven; only the second is counted.
        preview "$side" "$mechanism" 1 warm-up
        grep '^Registering task' < "$out/tasks.log" > "$out/tasks" &
        PULUMI_JAVA_LOG_VERBOSE=true MAVEN_OPTS="${MAVEN_OPTS:-} -Djava.util.logging.config.file=$out/logging.properties" \
            preview "$side" "$mechanism" "$count" tasks
        wait
        kinds < "$out/tasks" | awk -v m="$mechanism" -v s="$side" -v n="$count" '
            { v[$1] = $2; total += $2 }
            END { printf "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |\n", m, s, total / n, v["outputs"] / n,
                v["registrations"] / n, v["resourceOutputs"] / n, v["invokes"] / n, v["other"] / n }'
    done
done
echo "at $count workloads, shared resources (cluster, providers, pools) included"
