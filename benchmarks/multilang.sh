#!/usr/bin/env bash
# The multi-language path at scale: N flat FederatedServiceAccounts (IRSA on one adopted EKS cluster,
# one S3 prefix grant each) sent one Construct after the other over Pulumi's protocol to the
# provider jar, against the simulated engine (ConstructScale in keyless-multilang's tests). Compare
# with `benchmarks/scale.sh "COUNTS" 1 irsa`, the same workloads as a Java program.
# Usage: benchmarks/multilang.sh [counts, default "10 100"]   SKIP_INSTALL=1 uses the last build.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
counts=${1:-"10 100"}
[ -n "${SKIP_INSTALL:-}" ] || mvn -q -B -f "$root/pom.xml" install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
cd "$root/components/multilang"
mvn -q -B test-compile > /dev/null
classpath=$(mktemp)
trap 'rm -f "$classpath"' EXIT
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$classpath" -Dmdep.includeScope=test > /dev/null
printf '| workloads | wall | engine CPU | provider CPU | resources |\n|---|---|---|---|---|\n'
for count in $counts; do
    java -cp "target/test-classes:target/classes:$(cat "$classpath")" dev.keyless.multilang.ConstructScale "$count" 2>/dev/null \
        | tail -1 | awk '{ printf "| %d | %.1f s | %.1f s | %.1f s | %d |\n", $1, $2 / 1000, $3 / 1000, $4 / 1000, $5 }'
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg); the provider's start (until it prints its port) is not counted"
