package dev.keyless.aws;

import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.keyless.core.Checks;
import dev.keyless.core.InvalidInputException;
import dev.keyless.core.IssuerDocuments;
import dev.keyless.core.PublishedIssuer;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A self-managed cluster's OIDC issuer published in S3, at
 * {@code https://BUCKET.s3.REGION.amazonaws.com}: the discovery document and the JWKS are the
 * bucket's only two public objects, and the bucket is otherwise private, versioned, encrypted and
 * (by default) protected and retained.
 *
 * <p>How exactly two objects are public, and nothing else can be:
 * <ul>
 *   <li>ACLs are off ({@code BucketOwnerEnforced}) and the public access block sets
 *       {@code BlockPublicAcls} and {@code IgnorePublicAcls}: no ACL can make anything public.</li>
 *   <li>{@code BlockPublicPolicy} and {@code RestrictPublicBuckets} are off, because with either on
 *       S3 refuses or ignores a public bucket policy
 *       (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PublicAccessBlockConfiguration.html);
 *       the account's own public access block must leave them off too.</li>
 *   <li>The bucket policy, the one thing that makes objects public, allows {@code s3:GetObject} to
 *       everyone on exactly the two objects' ARNs, no wildcard.</li>
 * </ul>
 *
 * <p>Children, each after the one before (S3 refuses concurrent changes to one bucket's
 * configuration): {@code NAME-bucket}, {@code NAME-public-access-block}, {@code NAME-ownership},
 * {@code NAME-versioning}, {@code NAME-encryption}, {@code NAME-policy}, then
 * {@code NAME-discovery} and {@code NAME-jwks}.
 */
public class S3OidcIssuer extends ComponentResource implements PublishedIssuer {
    /** The Pulumi type token. */
    public static final String TYPE = "keyless:aws:S3OidcIssuer";

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
    private final BucketV2 bucket;
    private final BucketObjectv2 jwksObject;

    /**
     * @param name the component's logical name, the prefix of its children's names
     * @param args the bucket and the keys
     */
    public S3OidcIssuer(String name, S3OidcIssuerArgs args) {
        this(name, args, null);
    }

    /**
     * @param name    the component's logical name, the prefix of its children's names
     * @param args    the bucket and the keys
     * @param options Pulumi options for the component
     * @throws InvalidInputException before anything is registered, when an input breaks a rule
     */
    public S3OidcIssuer(String name, S3OidcIssuerArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options(name, args, options));
        this.logicalName = name;
        var documents = new IssuerDocuments(args.issuerUrl(), args.jwks());
        this.plainIssuerUrl = documents.issuerUrl();
        this.bucket = new BucketV2(name + "-bucket", BucketV2Args.builder()
                .bucket(args.bucketName())
                .forceDestroy(false)
                .build(),
                CustomResourceOptions.builder().parent(this).protect(args.protect()).retainOnDelete(args.protect()).build());
        var publicAccessBlock = new BucketPublicAccessBlock(name + "-public-access-block", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .ignorePublicAcls(true)
                .blockPublicPolicy(false)
                .restrictPublicBuckets(false)
                .build(), CustomResourceOptions.builder().parent(this).build());
        var ownership = new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), after(publicAccessBlock));
        var versioning = new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), after(ownership));
        var encryption = new BucketServerSideEncryptionConfigurationV2(name + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                .sseAlgorithm("AES256")
                                .build())
                        .build())
                .build(), after(versioning));
        var policy = new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                // From the plain name, so the policy is known (and auditable) at preview.
                .policy(publicReadOfTheDocuments(bucketArn(args.bucketName(), args.region())))
                .build(), after(encryption));
        var discovery = document(name + "-discovery", IssuerDocuments.DISCOVERY_PATH, documents.discoveryJson(), policy);
        this.jwksObject = document(name + "-jwks", IssuerDocuments.JWKS_PATH, documents.jwksJson(), discovery);
        // The bucket must be where the URL says: the AWS provider's region decides where it is.
        this.issuerUrl = bucket.region().applyValue(region -> {
            if (!region.equals(args.region())) {
                throw InvalidInputException.of("region", args.region(),
                        "the region the AWS provider creates the bucket in (" + region + "), which the issuer URL names");
            }
            return documents.issuerUrl();
        });
        this.jwksUri = Output.of(documents.jwksUri());
        this.apiServerArguments = Output.of(documents.apiServerFlags().arguments());
        this.keyIds = Output.of(args.jwks().keyIds());
        this.bucketName = bucket.bucket();
        registerOutputs(Map.of(
                "issuerUrl", issuerUrl,
                "jwksUri", jwksUri,
                "apiServerArguments", apiServerArguments,
                "keyIds", keyIds,
                "bucketName", bucketName));
    }

    /**
     * The bucket policy: everyone may read the two documents, and nothing else. Data, not text.
     *
     * @param bucketArn the bucket's ARN
     * @return the policy JSON
     */
    static String publicReadOfTheDocuments(String bucketArn) {
        return TrustPolicies.permissions(List.of(IamStatement.builder()
                .sid("PublicReadOfTheIssuerDocumentsOnly")
                .effect(IamEffect.ALLOW)
                .addPrincipal(IamPrincipal.ALL)
                .addAction("s3:GetObject")
                .addResource(bucketArn + "/" + IssuerDocuments.DISCOVERY_PATH)
                .addResource(bucketArn + "/" + IssuerDocuments.JWKS_PATH)
                .build()));
    }

    // S3 ARNs name the partition, which the region decides
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).
    static String bucketArn(String bucketName, String region) {
        var partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        return "arn:" + partition + ":s3:::" + bucketName;
    }

    private BucketObjectv2 document(String childName, String key, String content, Resource after) {
        return new BucketObjectv2(childName, BucketObjectv2Args.builder()
                .bucket(bucket.id())
                .key(key)
                .content(content)
                .contentType(IssuerDocuments.CONTENT_TYPE)
                .build(), after(after));
    }

    private CustomResourceOptions after(Resource previous) {
        return CustomResourceOptions.builder().parent(this).dependsOn(previous).build();
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
        return "S3 issuer '" + logicalName + "'";
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
    public BucketV2 bucket() {
        return bucket;
    }

    private static ComponentResourceOptions options(String name, S3OidcIssuerArgs args, ComponentResourceOptions options) {
        Checks.componentName(name);
        Checks.notNull("args", args, "S3OidcIssuerArgs");
        return options;
    }
}
