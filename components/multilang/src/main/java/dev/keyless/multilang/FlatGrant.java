package dev.keyless.multilang;

import dev.keyless.aws.S3Access;
import dev.keyless.azure.BlobAccess;
import dev.keyless.core.AccessGrant;
import dev.keyless.core.Cloud;
import dev.keyless.core.InvalidInputException;
import dev.keyless.gcp.GcsAccess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flat grant ({@code keyless:index:Grant}): {@code {kind, resource, prefix, access}}, read into the
 * typed API's grant of that kind. Each kind is one entry of {@link #KINDS}, so adding a kind is one
 * line here and one in the schema's description, never an {@code if} in the component.
 */
final class FlatGrant {
    /** The two access levels every storage grant offers. */
    static final List<String> ACCESS = List.of("readOnly", "readWrite");

    private record Kind(String cloud, String resourceForm, boolean prefixes, Factory factory) {
    }

    @FunctionalInterface
    private interface Factory {
        AccessGrant grant(String resource, boolean writes, Optional<String> prefix, String resourcePath);
    }

    // Kind -> how it reads. The resource forms are the typed factories' plain arguments.
    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("s3", new Kind("aws", "a bucket name", true, (resource, writes, prefix, path) -> {
            var grant = writes ? S3Access.readWrite(resource) : S3Access.readOnly(resource);
            return prefix.map(grant::prefix).orElse(grant);
        }));
        KINDS.put("gcs", new Kind("gcp", "a bucket name", true, (resource, writes, prefix, path) -> {
            var grant = writes ? GcsAccess.readWrite(resource) : GcsAccess.readOnly(resource);
            return prefix.map(grant::prefix).orElse(grant);
        }));
        KINDS.put("blob", new Kind("azure", "RESOURCE_GROUP/STORAGE_ACCOUNT/CONTAINER", false, (resource, writes, prefix, path) -> {
            var parts = resource.split("/", -1);
            if (parts.length != 3) {
                throw InvalidInputException.of(path, resource, "RESOURCE_GROUP/STORAGE_ACCOUNT/CONTAINER for a blob grant");
            }
            return writes ? BlobAccess.readWrite(parts[0], parts[1], parts[2]) : BlobAccess.readOnly(parts[0], parts[1], parts[2]);
        }));
    }

    private FlatGrant() {
    }

    /** @return every kind a flat grant may name, in the schema's order */
    static List<String> kinds() {
        return List.copyOf(KINDS.keySet());
    }

    /** @return a sentence per kind, for the schema: its cloud and the form of its resource */
    static String describeKinds() {
        var lines = new ArrayList<String>();
        KINDS.forEach((name, kind) -> lines.add("`" + name + "` (" + kind.cloud() + "): resource is " + kind.resourceForm()
                + (kind.prefixes() ? ", prefix optional" : ", no prefix")));
        return String.join("; ", lines);
    }

    /**
     * Reads and checks one grant, registering nothing.
     *
     * @param grant the element of {@code grants}
     * @param cloud the cluster's cloud: the only cloud whose grants a flat component binds
     * @return the typed grant
     * @throws InvalidInputException naming the element's field, e.g. {@code grants[2].prefix}
     */
    static AccessGrant read(FlatValue grant, Cloud cloud) {
        if (grant.absent()) {
            throw InvalidInputException.missing(grant.path(), "a {kind, resource, access} object");
        }
        var kindValue = grant.field("kind");
        var kindName = kindValue.requiredString("one of " + kinds());
        var kind = KINDS.get(kindName);
        if (kind == null) {
            throw InvalidInputException.of(kindValue.path(), kindName, "one of " + kinds());
        }
        if (!kind.cloud().equals(cloud.name())) {
            // A grant on another cloud needs that cloud to trust the cluster's issuer (a federation):
            // the typed API offers it; the flat components bind the cluster's own cloud only.
            throw InvalidInputException.of(kindValue.path(), kindName,
                    "a grant of the cluster's cloud " + cloud.name() + " (" + kindsOf(cloud) + "); "
                            + kindName + " is a " + kind.cloud() + " grant, which needs a federation the flat components do not offer");
        }
        var resourceValue = grant.field("resource");
        var resource = resourceValue.requiredString(kind.resourceForm());
        var accessValue = grant.field("access");
        var access = accessValue.requiredString("one of " + ACCESS);
        if (!ACCESS.contains(access)) {
            throw InvalidInputException.of(accessValue.path(), access, "one of " + ACCESS);
        }
        var prefixValue = grant.field("prefix");
        var prefix = prefixValue.optionalString();
        if (prefix.isPresent() && !kind.prefixes()) {
            throw InvalidInputException.of(prefixValue.path(), prefix.get(), "left out for a " + kindName + " grant, which covers a whole container");
        }
        try {
            return kind.factory().grant(resource, access.equals("readWrite"), prefix, resourceValue.path());
        } catch (InvalidInputException e) {
            if (e.field().startsWith(grant.path())) {
                throw e;
            }
            // The typed factories name their own arguments; say which flat field held the value.
            boolean aboutPrefix = prefix.isPresent() && e.value().equals(prefix.get()) && !e.value().equals(resource);
            throw e.at(aboutPrefix ? prefixValue.path() : resourceValue.path());
        }
    }

    private static String kindsOf(Cloud cloud) {
        return String.join(", ", KINDS.entrySet().stream().filter(e -> e.getValue().cloud().equals(cloud.name())).map(Map.Entry::getKey).toList());
    }
}
