package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.SecretValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Helm release: which chart, from where, into which namespace, and the values it is installed
 * with, which is where a chart's behaviour is decided.
 */
final class HelmReleases {
    private static final String RELEASE_TYPE = "kubernetes:helm.sh/v3:Release";

    private HelmReleases() {
    }

    /**
     * @param deployment what a program registered
     * @return the section's lines, none when there is no Helm release
     */
    static List<String> render(RecordedDeployment deployment) {
        var section = new ReviewSection("Helm releases:");
        for (var resource : TreeOrder.resources(deployment)) {
            if (resource.type().equals(RELEASE_TYPE)) {
                section.add(resource.type() + "  " + resource.name(), YamlText.of(summary(resource)));
            }
        }
        return section.lines();
    }

    private static LinkedHashMap<String, Object> summary(RegisteredResource release) {
        var summary = new LinkedHashMap<String, Object>();
        release.input("name").ifPresent(name -> summary.put("name", name));
        release.input("chart").ifPresent(chart -> summary.put("chart", chart));
        release.input("version").ifPresent(version -> summary.put("version", version));
        var repositoryOpts = release.inputs().get("repositoryOpts");
        // Walking into a secret would reveal it; a secret repositoryOpts stays one.
        if (repositoryOpts instanceof SecretValue) {
            summary.put("repository", repositoryOpts);
        } else if (repositoryOpts instanceof Map<?, ?> options && options.containsKey("repo")) {
            summary.put("repository", options.get("repo"));
        }
        release.input("namespace").ifPresent(namespace -> summary.put("namespace", namespace));
        summary.put("values", release.input("values").orElse(Map.of()));
        return summary;
    }
}
