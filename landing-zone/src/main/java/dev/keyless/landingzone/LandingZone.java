package dev.keyless.landingzone;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.keyless.landingzone.clouds.AwsKit;
import dev.keyless.landingzone.clouds.AzureKit;
import dev.keyless.landingzone.clouds.GcpKit;
import dev.keyless.landingzone.config.Cloud;
import dev.keyless.landingzone.config.CloudKit;
import dev.keyless.landingzone.config.LandingZoneConfig;

import java.util.Map;

/**
 * The landing zone: the repository's root Pulumi program. Platform teams list clusters (with their
 * controllers), stores, workloads and CI pipelines in stack config; every workload and controller
 * gets a cloud identity trusted by exactly its ServiceAccount, every pipeline one trusted by exactly
 * its jobs, each with grants on its stores. App teams read the {@code workloads} output through a
 * StackReference.
 */
public final class LandingZone {
    /** What each cloud's clusters, stores and mechanisms take. */
    static final Map<Cloud, CloudKit> KITS = Map.of(Cloud.AWS, new AwsKit(), Cloud.GCP, new GcpKit(), Cloud.AZURE, new AzureKit());

    private LandingZone() {
    }

    /**
     * Runs the stack under the Pulumi engine.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Pulumi.run(LandingZone::stack);
    }

    static void stack(Context ctx) {
        // Every config problem is reported here, at once, before anything is registered.
        var config = LandingZoneConfig.read(ctx.config(), KITS);
        var deployed = LandingZoneResources.create(config);
        ctx.export("clusters", StackExports.clusters(config, deployed));
        ctx.export("stores", StackExports.stores(config, deployed));
        ctx.export("workloads", StackExports.workloads(config, deployed));
        ctx.export("controllers", StackExports.controllers(config, deployed));
        ctx.export("pipelines", StackExports.pipelines(deployed));
        ctx.export("diagrams", WorkloadDiagrams.of(config, deployed));
    }
}
