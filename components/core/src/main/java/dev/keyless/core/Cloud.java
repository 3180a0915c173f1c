package dev.keyless.core;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A cloud that can trust an OIDC issuer: AWS, GCP, Azure. Every {@link AccessGrant} and
 * {@link IdentityMechanism} belongs to one, and a {@link FederatedServiceAccount} gives its
 * ServiceAccount one identity per cloud its grants name.
 *
 * <p>Each cloud module declares its one instance (e.g. {@code AwsCloud.CLOUD}); two instances are
 * the same cloud when their names are equal.
 *
 * @param name              the cloud's short name, e.g. {@code aws}: exports and messages key identities by it
 * @param displayName       the cloud's name in messages, e.g. {@code AWS}
 * @param defaultFederation the mechanism that federates a cluster's issuer of another cloud into
 *                          this one when the user names none
 */
public record Cloud(String name, String displayName, Supplier<IdentityMechanism> defaultFederation) {

    /** Checks the fields. */
    public Cloud {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(defaultFederation, "defaultFederation");
    }

    /** @return a new instance of the cloud's default federation mechanism */
    public IdentityMechanism federation() {
        return defaultFederation.get();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cloud cloud && cloud.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
