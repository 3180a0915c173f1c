package dev.keyless.core;

import com.pulumi.core.Output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a CI job needs to log in to one cloud as a {@link PipelineIdentity}'s identity, from the
 * cloud's federation: the values it is configured with, and the login step as text to paste.
 *
 * @param values             the login values by name, e.g. {@code roleArn} and {@code region};
 *                           exported as {@code CLOUD.NAME}
 * @param gitHubActionsStep  one step of a GitHub Actions job, YAML indented as an item of
 *                           {@code steps:} (e.g. {@code aws-actions/configure-aws-credentials})
 * @param gitLabTokenVariable the variable GitLab CI's {@code id_tokens:} gives the token in
 * @param gitLabAudience     the token's {@code aud}, the one the cloud's trust requires
 * @param gitLabScript       the job's script lines that exchange the token, YAML items of {@code script:}
 */
public record PipelineLogin(Map<String, Output<String>> values, Output<String> gitHubActionsStep,
                            String gitLabTokenVariable, String gitLabAudience, Output<String> gitLabScript) {

    /** Copies the values, keeping their order. */
    public PipelineLogin {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
