package dev.keyless.aws;

import com.pulumi.core.Output;

/**
 * A managed policy a keyless role holds besides its grants.
 *
 * @param key the attachment's stable key, {@code NAME-managed-KEY}: the policy's name for a plain
 *            ARN, the user's key for an ARN known only at deploy time, so reordering replaces nothing
 * @param arn the policy's ARN, checked once known
 */
record ManagedPolicy(String key, Output<String> arn) {
}
