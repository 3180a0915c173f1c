package dev.keyless.gcp;

/**
 * The IAM condition that limits a bucket-level role to the objects under one prefix, and to
 * listings of that prefix. Object requests are checked against the object's resource name,
 * {@code projects/_/buckets/BUCKET/objects/NAME}; a listing is checked against the bucket, so it is
 * allowed through the list request's prefix, the {@code storage.googleapis.com/objectListPrefix}
 * API attribute. For a folder-like prefix such as {@code charts/} the folder itself,
 * {@code charts}, may be listed too: clients such as ChartMuseum list it without the slash.
 *
 * <p>IAM Conditions on a bucket need uniform bucket-level access on that bucket.
 *
 * @see <a href="https://cloud.google.com/iam/docs/conditions-attribute-reference#resource-name">IAM Conditions attributes: resource name</a>
 * @see <a href="https://cloud.google.com/iam/docs/conditions-attribute-reference#api-attributes">IAM Conditions attributes: API attributes (storage.googleapis.com/objectListPrefix)</a>
 * @see <a href="https://cloud.google.com/iam/docs/conditions-resource-attributes#resource-name">Resource name format for Cloud Storage objects</a>
 * @see <a href="https://cloud.google.com/storage/docs/access-control/iam#conditions">Cloud Storage: IAM Conditions</a>
 */
final class GcsPrefixCondition {
    static final String LIST_PREFIX = "api.getAttribute(\"storage.googleapis.com/objectListPrefix\", \"\")";
    private static final int MAX_TITLE = 100;

    private GcsPrefixCondition() {
    }

    /**
     * @param bucket the bucket's name
     * @param prefix the object name prefix
     * @return the CEL expression
     */
    static String expression(String bucket, String prefix) {
        var expression = new StringBuilder()
                .append("resource.name.startsWith(").append(literal("projects/_/buckets/" + bucket + "/objects/" + prefix)).append(")")
                .append(" || ").append(LIST_PREFIX).append(".startsWith(").append(literal(prefix)).append(")");
        if (prefix.endsWith("/") && prefix.length() > 1) {
            expression.append(" || ").append(LIST_PREFIX).append(" == ").append(literal(prefix.substring(0, prefix.length() - 1)));
        }
        return expression.toString();
    }

    /** @return the condition's title, which IAM limits to 100 characters */
    static String title(String prefix) {
        var title = "only objects under " + prefix;
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE);
    }

    // A CEL string literal: quotes and backslashes in an object name must not end the literal early.
    static String literal(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
