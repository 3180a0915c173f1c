package dev.keyless.preview.report;

import dev.keyless.preview.engine.RegisteredResource;
import dev.keyless.preview.engine.SecretValue;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GCP's IAM members and bindings, one resource type per kind of target
 * ({@code gcp:storage/bucketIAMMember:BucketIAMMember}, {@code gcp:serviceaccount/iAMMember:IAMMember},
 * {@code gcp:projects/iAMMember:IAMMember}, {@code gcp:artifactregistry/repositoryIamMember:RepositoryIamMember}
 * and the rest): the target, the role, the member(s) and the IAM condition when there is one.
 *
 * @see <a href="https://cloud.google.com/iam/docs/conditions-overview">IAM Conditions</a>
 */
final class GcpIamMemberLine implements GrantRenderer {
    // Everything else a member resource takes names its target: bucket, project, serviceAccountId, ...
    private static final Set<String> GRANT_PROPERTIES = Set.of("role", "member", "members", "condition");

    @Override
    public boolean recognises(String type) {
        var parts = type.split(":", -1);
        if (parts.length != 3 || !parts[0].equals("gcp")) {
            return false;
        }
        // Some modules spell it IAMMember, some IamMember.
        var name = parts[2].toLowerCase(Locale.ROOT);
        return name.endsWith("iammember") || name.endsWith("iambinding");
    }

    @Override
    public String describe(RegisteredResource grant) {
        var line = new GrantLine();
        grant.inputs().forEach((property, value) -> {
            if (!GRANT_PROPERTIES.contains(property)) {
                line.add(property, value);
            }
        });
        line.input(grant, "role").input(grant, "member").input(grant, "members");
        var condition = grant.inputs().get("condition");
        if (condition instanceof SecretValue) {
            line.add("condition", condition);
        } else if (condition instanceof Map<?, ?> fields) {
            line.add("condition", condition(fields));
        }
        return line.text();
    }

    // "title (expression)": the title says what the condition is for, the expression what it does.
    private static String condition(Map<?, ?> fields) {
        var expression = fields.get("expression");
        var title = fields.get("title");
        if (title == null) {
            return GrantLine.text(expression);
        }
        return expression == null ? GrantLine.text(title) : GrantLine.text(title) + " (" + GrantLine.text(expression) + ")";
    }
}
