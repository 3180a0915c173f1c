# What benchmarks/scale.sh and benchmarks/tasks.sh share: building the programs, and previewing
# one side of a mechanism at a count. Sourced; expects root, out and heap_flag to be set.
program="$root/benchmarks/scale"
landing_zone_stacks="$root/landing-zone/stacks"

build_programs() {
    quiet_mvn() { mvn -q -B "$@" 2>&1 | sed 's/\x1b\[0m//g'; }
    [ -n "${SKIP_INSTALL:-}" ] || quiet_mvn -f "$root/pom.xml" install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
    classpath_file="$root/components/preview/target/preview.classpath"
    quiet_mvn -f "$root/components/preview/pom.xml" dependency:build-classpath \
        -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime
    preview_cp="$root/components/preview/target/classes:$(cat "$classpath_file")"
    # The programs are compiled here. The first preview of each goes through `mvn compile exec:java`
    # and records the classpath; the measured ones then start the unchanged program with java, as a
    # warm ./preview does, so Maven's startup is in neither side's figures.
    quiet_mvn -f "$program/pom.xml" compile
}

sides_of() { # mechanism -> "side twin"
    case "$1" in
        landing-zone) echo "landing-zone java" ;;
        *) echo "keyless raw" ;;
    esac
}

# The landing zone's config for N workloads: one adopted cluster per cloud, the same existing
# stores and workloads as LandingZoneWorkloads in benchmarks/scale.
landing_zone_config() { # count
    local kubeconfig='secure: v1:c3RhbmQtaW46c2V0LXlvdXItb3du:a3ViZWNvbmZpZw=='
    cat <<YAML
config:
  aws:region: eu-west-1
  gcp:project: acme-platform
  azure-native:location: westeurope
  landing-zone:kubeconfig:
    $kubeconfig
  landing-zone:clusters:
    eks:
      cloud: aws
      adopt:
        clusterName: platform
        issuerUrl: https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE
        oidcProviderArn: arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE
        kubeconfigSecret: kubeconfig
    gke:
      cloud: gcp
      adopt:
        projectId: acme-platform
        location: europe-west1
        clusterName: platform
        kubeconfigSecret: kubeconfig
    aks:
      cloud: azure
      adopt:
        issuerUrl: https://westeurope.oic.prod-aks.azure.com/72f988bf-86f1-41af-91ab-2d7cd011db47/3f1c2b9e-5d4a-4c8b-9e7f-0a1b2c3d4e5f/
        resourceGroup: platform-rg
        kubeconfigSecret: kubeconfig
  landing-zone:stores:
    s3:
      cloud: aws
      create: false
      bucket: scale-workloads
    gcs:
      cloud: gcp
      create: false
      bucket: scale-workloads
    blob:
      cloud: azure
      create: false
      resourceGroup: platform-rg
      account: scaleworkloads
      container: scale-workloads
  landing-zone:workloads:
YAML
    local clusters=(eks gke aks) stores=(s3 gcs blob) i c
    for ((i = 0; i < $1; i++)); do
        c=$((i % 3))
        printf '    team-%d:\n      cluster: %s\n      namespace: team-%d\n      serviceAccount: app\n      grants:\n        - store: %s\n          access: readWrite\n' \
            "$i" "${clusters[$c]}" "$i" "${stores[$c]}"
        if [ "$c" != 2 ]; then
            printf '          prefix: team-%d/\n' "$i"
        fi
    done
}

preview() { # side mechanism count run [extra preview arguments]
    local side=$1 mechanism=$2 count=$3 run=$4 directory=$program
    shift 4
    local stack="bench-$side-$mechanism-$count-$run"
    if [ "$side" = landing-zone ]; then
        directory=$root
        landing_zone_config "$count" > "$landing_zone_stacks/Pulumi.$stack.yaml"
    else
        printf 'config:\n  scale:workloads: "%s"\n  scale:mode: %s\n  scale:mechanism: %s\n  scale:roleInlinePolicy: "%s"\n  aws:region: eu-west-1\n  gcp:project: acme-platform\n  azure-native:location: westeurope\n' \
            "$count" "$side" "$mechanism" "${ROLE_INLINE_POLICY:-false}" > "$program/Pulumi.$stack.yaml"
    fi
    MAVEN_OPTS="${MAVEN_OPTS:-} ${heap_flag}" /usr/bin/time -f "%e %U %S %M" -o "$out/$side-$mechanism-$count-$run" \
        java ${heap_flag} -cp "$preview_cp" dev.keyless.preview.cli.PreviewCommand "$directory" --stack "$stack" "$@" \
        > "$out/report-$side-$mechanism-$count-$run" 2>&1 \
        || { echo "preview of $stack failed:" >&2; tail -20 "$out/report-$side-$mechanism-$count-$run" >&2; exit 1; }
}

