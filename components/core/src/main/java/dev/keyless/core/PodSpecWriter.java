package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProjectedVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceAccountTokenProjectionArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeProjectionArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link PodNeeds} into the pod spec a user builds. The user's names are {@code Output}s,
 * so a clash with them (a variable, volume, mount path or node label the needs also set) is
 * refused once they are known, never overwritten silently.
 */
final class PodSpecWriter {
    private PodSpecWriter() {
    }

    static PodTemplateSpecArgs write(PodNeeds needs, PodTemplateSpecArgs template) {
        var spec = template.spec().orElseThrow(() -> InvalidInputException.missing("spec", "give the pod template's spec, its containers at least"));
        var metadata = template.metadata().orElse(Output.of(ObjectMetaArgs.builder().build()));
        return PodTemplateSpecArgs.builder(template)
                .metadata(metadata.apply(meta -> meta.labels().orElse(Output.of(Map.of()))
                        .applyValue(labels -> ObjectMetaArgs.builder(meta).labels(mergePlain("pod label", labels, needs.labels())).build())))
                .spec(spec.applyValue(s -> write(needs, s)))
                .build();
    }

    static PodSpecArgs write(PodNeeds needs, PodSpecArgs spec) {
        var volumes = spec.volumes().orElse(Output.of(List.of()));
        var nodeSelector = spec.nodeSelector().orElse(Output.of(Map.of()));
        var written = PodSpecArgs.builder(spec)
                .volumes(volumes.apply(list -> Output.all(list.stream().map(VolumeArgs::name).toList()).applyValue(names -> {
                    var all = new ArrayList<>(list);
                    volumes(needs).forEach((name, volume) -> {
                        requireAbsent(names, "volume", name);
                        all.add(volume);
                    });
                    return List.copyOf(all);
                })))
                .containers(spec.containers().apply(list -> Output.all(list.stream().map(c -> withNeeds(c, needs)).toList())))
                .build();
        // A spec that names no node selector keeps none when the identities need none.
        if (needs.nodeSelector().isEmpty()) {
            return written;
        }
        return PodSpecArgs.builder(written)
                .nodeSelector(nodeSelector.applyValue(selector -> mergePlain("node selector", selector, needs.nodeSelector())))
                .build();
    }

    private static Output<ContainerArgs> withNeeds(ContainerArgs container, PodNeeds needs) {
        var env = container.env().orElse(Output.of(List.of()));
        var mounts = container.volumeMounts().orElse(Output.of(List.of()));
        return Output.tuple(
                env.apply(list -> Output.all(list.stream().map(EnvVarArgs::name).toList()).applyValue(names -> {
                    var all = new ArrayList<>(list);
                    needs.env().forEach((key, value) -> {
                        requireAbsent(names, "environment variable", key);
                        all.add(EnvVarArgs.builder().name(key).value(value).build());
                    });
                    return List.copyOf(all);
                })),
                mounts.apply(list -> Output.all(list.stream().map(VolumeMountArgs::mountPath).toList()).applyValue(paths -> {
                    var all = new ArrayList<>(list);
                    for (var token : needs.tokens()) {
                        requireAbsent(paths, "mount path", token.mountPath());
                        all.add(mount(token.volumeName(), token.mountPath()));
                    }
                    for (var file : needs.files()) {
                        requireAbsent(paths, "mount path", file.mountPath());
                        all.add(mount(file.volumeName(), file.mountPath()));
                    }
                    return List.copyOf(all);
                })))
                .applyValue(t -> ContainerArgs.builder(container).env(t.t1).volumeMounts(t.t2).build());
    }

    private static VolumeMountArgs mount(String volume, String path) {
        return VolumeMountArgs.builder().name(volume).mountPath(path).readOnly(true).build();
    }

    // By plain name, in order: VolumeArgs holds its name as an Output.
    private static Map<String, VolumeArgs> volumes(PodNeeds needs) {
        var volumes = new LinkedHashMap<String, VolumeArgs>();
        for (var token : needs.tokens()) {
            volumes.put(token.volumeName(), VolumeArgs.builder()
                    .name(token.volumeName())
                    .projected(ProjectedVolumeSourceArgs.builder()
                            .sources(VolumeProjectionArgs.builder()
                                    .serviceAccountToken(ServiceAccountTokenProjectionArgs.builder()
                                            .audience(token.audience())
                                            .expirationSeconds(token.expirationSeconds())
                                            .path(token.fileName())
                                            .build())
                                    .build())
                            .build())
                    .build());
        }
        for (var file : needs.files()) {
            volumes.put(file.volumeName(), VolumeArgs.builder()
                    .name(file.volumeName())
                    .configMap(ConfigMapVolumeSourceArgs.builder().name(file.configMapName()).build())
                    .build());
        }
        return volumes;
    }

    private static void requireAbsent(List<String> existing, String kind, String value) {
        if (existing.contains(value)) {
            throw InvalidInputException.of("pod spec " + kind, value,
                    "set by the ServiceAccount's identities, not also by the pod spec: remove it from the spec");
        }
    }

    private static Map<String, String> mergePlain(String kind, Map<String, String> own, Map<String, String> needs) {
        var merged = new LinkedHashMap<>(own);
        needs.forEach((key, value) -> {
            var earlier = merged.putIfAbsent(key, value);
            if (earlier != null && !earlier.equals(value)) {
                throw InvalidInputException.of("pod spec " + kind, key + "=" + earlier,
                        key + "=" + value + ", as the ServiceAccount's identities need it");
            }
        });
        return merged;
    }
}
