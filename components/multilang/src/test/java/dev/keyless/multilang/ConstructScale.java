package dev.keyless.multilang;

import com.pulumi.provider.internal.properties.PropertyValue;
import dev.keyless.preview.engine.StackSettings;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The multi-language path at scale, for {@code benchmarks/multilang.sh} (a benchmark, not a test):
 * N flat FederatedServiceAccounts, IRSA on one adopted EKS cluster with one S3 prefix grant each,
 * sent one Construct after the other over Pulumi's protocol to the provider jar, against the
 * simulated engine, as the engine sends a TypeScript program's components. Prints one line:
 * {@code workloads wall_ms engine_cpu_ms provider_cpu_ms resources}.
 */
public final class ConstructScale {
    private static final String ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final String PROVIDER_ARN = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

    private ConstructScale() {
    }

    public static void main(String[] args) throws Exception {
        int workloads = Integer.parseInt(args[0]);
        try (var engine = FlatEngine.start(StackSettings.of(FlatEngine.PROJECT, FlatEngine.STACK).withConfig("aws:region", "eu-west-1"))) {
            var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long engineCpu = cpu.getProcessCpuTime();
            long providerCpu = engine.providerProcess().cpu().toNanos();
            long started = System.nanoTime();
            for (int i = 0; i < workloads; i++) {
                engine.construct(FlatFederatedServiceAccount.TYPE, "team-" + i, workload(i), true);
            }
            long wall = System.nanoTime() - started;
            System.out.printf("%d %d %d %d %d%n", workloads, wall / 1_000_000, (cpu.getProcessCpuTime() - engineCpu) / 1_000_000,
                    (engine.providerProcess().cpu().toNanos() - providerCpu) / 1_000_000, engine.recorded().resources().size());
        }
    }

    private static Map<String, PropertyValue> workload(int i) {
        var cluster = new LinkedHashMap<String, PropertyValue>();
        cluster.put("cloud", PropertyValue.of("aws"));
        cluster.put("name", PropertyValue.of("platform"));
        cluster.put("clusterName", PropertyValue.of("platform"));
        cluster.put("issuerUrl", PropertyValue.of(ISSUER));
        cluster.put("oidcProviderArn", PropertyValue.of(PROVIDER_ARN));
        cluster.put("kubeconfig", PropertyValue.ofSecret(PropertyValue.of("{\"apiVersion\":\"v1\"}")));
        var grant = new LinkedHashMap<String, PropertyValue>();
        grant.put("kind", PropertyValue.of("s3"));
        grant.put("resource", PropertyValue.of("scale-workloads"));
        grant.put("prefix", PropertyValue.of("team-" + i + "/"));
        grant.put("access", PropertyValue.of("readWrite"));
        var inputs = new LinkedHashMap<String, PropertyValue>();
        inputs.put("cluster", PropertyValue.of(cluster));
        inputs.put("namespace", PropertyValue.of("team-" + i));
        inputs.put("name", PropertyValue.of("app"));
        inputs.put("grants", PropertyValue.of(List.of(PropertyValue.of(grant))));
        return inputs;
    }
}
