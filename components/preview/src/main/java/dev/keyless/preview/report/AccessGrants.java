package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;

import java.util.ArrayList;
import java.util.List;

/**
 * Every access binding that is a resource of its own rather than a JSON policy document, one line
 * each: who is granted what on which resource. A cloud whose bindings are resources adds its
 * {@link GrantRenderer} to the list here.
 */
final class AccessGrants {
    private static final String INDENT = "    ";
    private static final List<GrantRenderer> RENDERERS = List.of(
            new GcpIamMemberLine(),
            new AzureRoleAssignmentLine(),
            new AzureFederatedCredentialLine());

    private AccessGrants() {
    }

    /**
     * @param deployment what a program registered
     * @return the section's lines, none when no resource is an access binding
     */
    static List<String> render(RecordedDeployment deployment) {
        var lines = new ArrayList<String>();
        for (var resource : TreeOrder.resources(deployment)) {
            // A resource the program only read grants nothing new.
            if (resource.read()) {
                continue;
            }
            RENDERERS.stream().filter(renderer -> renderer.recognises(resource.type())).findFirst()
                    .ifPresent(renderer -> lines.add(
                            (INDENT + resource.type() + "  " + resource.name() + "  " + renderer.describe(resource)).stripTrailing()));
        }
        if (lines.isEmpty()) {
            return lines;
        }
        lines.add(0, "Access grants:");
        return lines;
    }
}
