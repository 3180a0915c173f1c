package dev.keyless.preview.engine;

/**
 * A resource passed as an input to another resource (Pulumi's resource reference).
 *
 * @param urn the referenced resource's URN
 * @param id  its id, or empty for a component
 */
public record ResourceReference(String urn, String id) {
}
