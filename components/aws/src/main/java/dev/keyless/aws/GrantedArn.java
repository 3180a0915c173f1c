package dev.keyless.aws;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.keyless.core.Checks;
import dev.keyless.core.GrantKeys;

import java.util.Optional;

/**
 * The one resource a grant names, given in any of the three ways every AWS grant takes: a plain
 * ARN (checked now), another stack's ARN as an {@code Output} with a stable key (checked once
 * known, the key naming it in reports), or the provider's resource object (its ARN as the
 * provider reports it).
 *
 * @param arn   the ARN, failing once known when it breaks the form
 * @param known the ARN when given plain
 * @param label how reports name the resource: the plain ARN, the key, or the resource's name
 */
record GrantedArn(Output<String> arn, Optional<String> known, String label) {

    static GrantedArn plain(ArnForm form, String field, String arn) {
        form.require(field, arn);
        return new GrantedArn(Output.of(arn), Optional.of(arn), arn);
    }

    static GrantedArn output(ArnForm form, String field, String key, Output<String> arn) {
        GrantKeys.require(key);
        Checks.notNull(field, arn, "a " + form.noun() + " ARN");
        return new GrantedArn(arn.applyValue(value -> {
            form.require(field, value);
            return value;
        }), Optional.empty(), key);
    }

    static GrantedArn resource(String field, Resource resource, Output<String> arn, String what) {
        Checks.notNull(field, resource, what);
        return new GrantedArn(arn, Optional.empty(), resource.pulumiResourceName());
    }

    /**
     * @param bound the longest ARN of the resource's kind
     * @return the ARN when known, otherwise the bound: what the preview-time size check counts
     */
    String knownOr(String bound) {
        return known.orElse(bound);
    }

    /**
     * @param arn      a grant's resource
     * @param optional its optional second resource (a customer key)
     * @return whether both were given as text, so the grant's statements are known before registration
     */
    static boolean allKnown(GrantedArn arn, Optional<GrantedArn> optional) {
        return arn.known().isPresent() && optional.map(o -> o.known().isPresent()).orElse(true);
    }
}
