package dev.keyless.landingzone;

import dev.keyless.core.FederatedServiceAccount;
import dev.keyless.core.FederatedServiceAccountArgs;
import dev.keyless.core.OidcCluster;
import dev.keyless.core.PipelineIdentity;
import dev.keyless.core.PipelineIdentityArgs;
import dev.keyless.landingzone.config.LandingZoneConfig;
import dev.keyless.landingzone.config.SharedObjects;
import dev.keyless.landingzone.config.Store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the landing zone registers from a checked config: the clusters, then the stores, then one
 * {@link FederatedServiceAccount} per workload and per cluster controller, and one
 * {@link PipelineIdentity} per pipeline, each under its stable key.
 *
 * @param clusters    cluster key to cluster
 * @param stores      store key to store
 * @param workloads   workload key to its component
 * @param controllers controller key to its component
 * @param pipelines   pipeline key to its component
 */
record LandingZoneResources(Map<String, OidcCluster> clusters, Map<String, Store> stores,
                            Map<String, FederatedServiceAccount> workloads, Map<String, FederatedServiceAccount> controllers,
                            Map<String, PipelineIdentity> pipelines) {

    static LandingZoneResources create(LandingZoneConfig config) {
        var clusters = new LinkedHashMap<String, OidcCluster>();
        config.clusters().forEach((key, spec) -> clusters.put(key, spec.create().get()));
        var stores = new LinkedHashMap<String, Store>();
        config.stores().forEach((key, spec) -> stores.put(key, spec.create().get()));
        var workloads = new LinkedHashMap<String, FederatedServiceAccount>();
        var shared = new SharedObjects();
        config.workloads().forEach((key, workload) -> {
            var args = FederatedServiceAccountArgs.builder()
                    .cluster(clusters.get(workload.cluster()))
                    .namespace(workload.namespace())
                    .name(workload.serviceAccount());
            if (workload.ownIdentity()) {
                args.mechanism(workload.identity().build(workload.alsoTrustedBy().stream().map(clusters::get).toList(), shared));
            }
            // Unset, the component creates the namespace unless Kubernetes owns it (default, kube-system, ...).
            workload.createNamespace().ifPresent(args::createNamespace);
            workload.labels().forEach(args::label);
            workload.grants().forEach(grant -> args.grant(stores.get(grant.store()).grant(grant.access(), grant.prefix())));
            workload.federations().values().forEach(federation -> args.mechanism(federation.get()));
            workloads.put(key, new FederatedServiceAccount(key, args.build()));
        });
        var controllers = new LinkedHashMap<String, FederatedServiceAccount>();
        config.controllers().forEach((key, controller) ->
                controllers.put(key, new FederatedServiceAccount(key, controller.registered().apply(stores::get).args(clusters.get(controller.cluster())).build())));
        var pipelines = new LinkedHashMap<String, PipelineIdentity>();
        config.pipelines().forEach((key, pipeline) -> {
            var args = PipelineIdentityArgs.builder().issuer(pipeline.issuer());
            pipeline.subjects().forEach(args::subject);
            pipeline.grants().forEach(grant -> args.grant(stores.get(grant.store()).grant(grant.access(), grant.prefix())));
            pipeline.federations().values().forEach(federation -> args.mechanism(federation.get()));
            pipelines.put(key, new PipelineIdentity(key, args.build()));
        });
        return new LandingZoneResources(clusters, stores, workloads, controllers, pipelines);
    }
}
