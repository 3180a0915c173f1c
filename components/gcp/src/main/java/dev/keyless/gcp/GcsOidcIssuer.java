package dev.keyless.gcp;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.gcp.storage.BucketIAMMember;
import com.pulumi.gcp.storage.BucketIAMMemberArgs;
import com.pulumi.gcp.storage.BucketObject;
import com.pulumi.gcp.storage.BucketObjectArgs;
import com.pulumi.gcp.storage.inputs.BucketVersioningArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.Checks;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.IssuerDocuments;
import dev.keyless.core.PublishedIssuer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A self-managed cluster's OIDC issuer published in Cloud Storage, at
 * {@code https://storage.googleapis.com/BUCKET}: a bucket dedicated to the issuer, holding only the
 * discovery document and the JWKS, readable by everyone, versioned and (by default) protected and
 * retained.
 *
 * <p>Why the whole bucket is public rather than two objects: the bucket uses uniform bucket-level
 * access, so access is IAM alone and object ACLs, the only per-object public grant Cloud Storage
 * has, cannot exist. Turning them back on (fine-grained access) would let any later object ACL make
 * anything public, unseen by the bucket's IAM policy. So public read is one bucket IAM member,
 * {@code allUsers} with {@code roles/storage.objectViewer}
 * (https://cloud.google.com/storage/docs/access-control/making-data-public), on a bucket whose only
 * objects are the two this component writes: what is public is exactly the two documents (and,
 * since the role can list, their two names). Public access prevention is {@code inherited}, not
 * {@code enforced}, since enforced refuses that member; an organization policy
 * {@code storage.publicAccessPrevention} on the project refuses it too and must not apply there.
 *
 * <p>Children: {@code NAME-bucket}, {@code NAME-public-read}, then {@code NAME-discovery} and
 * {@code NAME-jwks}, each after the one before, so the documents are readable once the last is.
 */
public class GcsOidcIssuer extends ComponentResource implements PublishedIssuer {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:gcp:GcsOidcIssuer";
    /** Who may read the documents: anyone on the internet, as the clouds fetching them are. */
    static final String PUBLIC_MEMBER = "allUsers";
    /** The role that reads objects, granted on the dedicated bucket only. */
    static final String READ_ROLE = "roles/storage.objectViewer";

    @Export(name = "issuerUrl", refs = String.class)
    private final Output<String> issuerUrl;
    @Export(name = "jwksUri", refs = String.class)
    private final Output<String> jwksUri;
    @Export(name = "apiServerArguments", refs = {List.class, String.class}, tree = "[0,1]")
    private final Output<List<String>> apiServerArguments;
    @Export(name = "keyIds", refs = {List.class, String.class}, tree = "[0,1]")
    private final Output<List<String>> keyIds;
    @Export(name = "bucketName", refs = String.class)
    private final Output<String> bucketName;

    private final String logicalName;
    private final String plainIssuerUrl;
    private final Bucket bucket;
    private final BucketObject jwksObject;

    /**
     * @param name the component's logical name, the prefix of its children's names
     * @param args the bucket and the keys
     */
    public GcsOidcIssuer(String name, GcsOidcIssuerArgs args) {
        this(name, args, null);
    }

    /**
     * @param name    the component's logical name, the prefix of its children's names
     * @param args    the bucket and the keys
     * @param options Pulumi options for the component
     * @throws InvalidInputException before anything is registered, when an input breaks a rule
     */
    public GcsOidcIssuer(String name, GcsOidcIssuerArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options(name, args, options));
        this.logicalName = name;
        var documents = new IssuerDocuments(args.issuerUrl(), args.jwks());
        this.plainIssuerUrl = documents.issuerUrl();
        this.bucket = new Bucket(name + "-bucket", BucketArgs.builder()
                .name(args.bucketName())
                .location(args.location())
                .uniformBucketLevelAccess(true)
                .publicAccessPrevention("inherited")
                .versioning(BucketVersioningArgs.builder().enabled(true).build())
                .forceDestroy(false)
                .build(),
                CustomResourceOptions.builder().parent(this).protect(args.protect()).retainOnDelete(args.protect()).build());
        var publicRead = new BucketIAMMember(name + "-public-read", BucketIAMMemberArgs.builder()
                .bucket(bucket.name())
                .role(READ_ROLE)
                .member(PUBLIC_MEMBER)
                .build(), CustomResourceOptions.builder().parent(this).build());
        var discovery = document(name + "-discovery", IssuerDocuments.DISCOVERY_PATH, documents.discoveryJson(), publicRead);
        this.jwksObject = document(name + "-jwks", IssuerDocuments.JWKS_PATH, documents.jwksJson(), discovery);
        this.issuerUrl = Output.of(documents.issuerUrl());
        this.jwksUri = Output.of(documents.jwksUri());
        this.apiServerArguments = Output.of(documents.apiServerFlags().arguments());
        this.keyIds = Output.of(args.jwks().keyIds());
        this.bucketName = bucket.name();
        registerOutputs(Map.of(
                "issuerUrl", issuerUrl,
                "jwksUri", jwksUri,
                "apiServerArguments", apiServerArguments,
                "keyIds", keyIds,
                "bucketName", bucketName));
    }

    private BucketObject document(String childName, String objectName, String content, Resource after) {
        return new BucketObject(childName, BucketObjectArgs.builder()
                .bucket(bucket.name())
                .name(objectName)
                .content(content)
                .contentType(IssuerDocuments.CONTENT_TYPE)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(after).build());
    }

    @Override
    public Output<String> issuerUrl() {
        return issuerUrl;
    }

    @Override
    public Optional<String> plainIssuerUrl() {
        return Optional.of(plainIssuerUrl);
    }

    @Override
    public String describe() {
        return "Cloud Storage issuer '" + logicalName + "'";
    }

    @Override
    public Output<String> jwksUri() {
        return jwksUri;
    }

    @Override
    public Output<List<String>> apiServerArguments() {
        return apiServerArguments;
    }

    /** The documents are the last children: the key set is published after the discovery document. */
    @Override
    public Resource published() {
        return jwksObject;
    }

    /** @return the bucket */
    public Bucket bucket() {
        return bucket;
    }

    private static ComponentResourceOptions options(String name, GcsOidcIssuerArgs args, ComponentResourceOptions options) {
        Checks.componentName(name);
        Checks.notNull("args", args, "GcsOidcIssuerArgs");
        return options;
    }
}
