package dev.keyless.aws;

import com.pulumi.aws.efs.FileSystem;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.route53.Zone;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.keyless.core.Checks;
import dev.keyless.core.ControllerPreset;
import dev.keyless.core.GrantKeys;
import dev.keyless.core.InvalidInputException;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ready identities for the controllers an EKS cluster runs (external-dns, cert-manager,
 * external-secrets, cluster-autoscaler, the EBS, EFS and Mountpoint for S3 CSI drivers, the AWS
 * Load Balancer Controller, Velero, the VPC CNI), each with the ServiceAccount its Helm chart
 * makes by default and the permissions its upstream project documents, narrowed to the zones,
 * secrets, keys, file systems and buckets named: plain ids, ARNs or names, one keyed {@code Output} another
 * stack gives, or the provider's resource objects this stack manages (at least one, each once). Each works with IRSA (the default) and EKS Pod Identity: give the
 * mechanism on the preset's {@link ControllerPreset#args args}.
 *
 * <p>Where upstream grants on {@code hostedzone/*} or a name pattern, the preset names each
 * resource given. Where IAM authorizes an action only on {@code *} (listing hosted zones, the
 * Auto Scaling and EC2 descriptions), the preset carries exactly those actions, which the role's
 * wildcard check admits by name ({@link AnyResourceActions}); the role never needs
 * {@code allowWildcardPermissions()}.
 *
 * <pre>{@code
 * new FederatedServiceAccount("external-dns", AwsControllers.externalDns(List.of("Z0123456789ABCDEFGHIJ")).args(cluster).build());
 * new FederatedServiceAccount("cluster-autoscaler", AwsControllers.clusterAutoscaler("green").args(cluster)
 *         .mechanism(PodIdentity.defaults()).build());
 * }</pre>
 */
public final class AwsControllers {
    /** The managed policy AWS maintains for the EBS CSI driver's controller, which the driver's install docs name. */
    public static final String EBS_CSI_DRIVER_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicyV2";
    /** The managed policy AWS maintains for the VPC CNI plugin on IPv4 clusters, which the EKS user guide names. */
    public static final String VPC_CNI_POLICY_ARN = "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy";

    static final List<String> EXTERNAL_DNS_ZONE_ACTIONS = List.of(
            "route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets", "route53:ListTagsForResources");
    static final List<String> CERT_MANAGER_ZONE_ACTIONS = List.of("route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets");
    static final List<String> EXTERNAL_SECRETS_SECRET_ACTIONS = List.of("secretsmanager:GetResourcePolicy", "secretsmanager:GetSecretValue",
            "secretsmanager:DescribeSecret", "secretsmanager:ListSecretVersionIds");
    static final List<String> EBS_CSI_KEY_ACTIONS = List.of("kms:Decrypt", "kms:GenerateDataKeyWithoutPlaintext", "kms:CreateGrant");
    /** The longest zone ARN a preset names: the bound for a zone id known only at deploy. */
    static final String LONGEST_ZONE_ARN = "arn:aws:route53:::hostedzone/" + "Z".repeat(Route53Access.MAX_ZONE_ID_LENGTH);
    /** An EKS cluster's name: 1 to 100 of letters, digits, '-' and '_', starting with a letter or digit. */
    static final String CLUSTER_NAME_RULE = "an EKS cluster name, 1 to 100 of [A-Za-z0-9_-] starting with a letter or digit";
    private static final String ZONES_RULE = "at least one Route 53 hosted zone (the controller changes records only in the zones named)";
    private static final String SECRETS_RULE = "at least one Secrets Manager secret";
    private static final String BUCKETS_RULE = "at least one S3 bucket";
    private static final String FILE_SYSTEMS_RULE = "at least one EFS file system";

    private AwsControllers() {
    }

    /**
     * external-dns on Route 53: record changes, record listing and zone tags on exactly the zones
     * given, and {@code route53:ListHostedZones} on {@code *} (it names no zone). Upstream grants
     * the first three on {@code hostedzone/*}; here each zone is named. Run external-dns with
     * {@code --zone-id-filter} for the same zones, or it will try others and be refused.
     * Namespace {@code external-dns}, ServiceAccount {@code external-dns} (the chart's release name).
     *
     * @param zoneIds the hosted zones' ids, e.g. {@code Z0123456789ABCDEFGHIJ}, at least one
     * @return the preset
     * @throws InvalidInputException when no zone is given, or an id is not a hosted zone id
     * @see <a href="https://github.com/kubernetes-sigs/external-dns/blob/v0.22.0/docs/tutorials/aws.md#iam-policy">external-dns v0.22.0, docs/tutorials/aws.md: IAM Policy</a>
     */
    public static ControllerPreset externalDns(List<String> zoneIds) {
        var zones = zoneArns("externalDns", zoneIds);
        return externalDnsPreset(new ControllerGrant("external-dns record changes on " + String.join(", ", zoneIds),
                externalDnsStatements(zones), List.of()));
    }

    /**
     * As {@link #externalDns(List)}, for one zone another stack names.
     *
     * @param key    a stable name for the zone in reports; see {@link GrantKeys#RULE}
     * @param zoneId the hosted zone's id, e.g. a StackReference output; checked once known
     * @return the preset
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE}
     */
    public static ControllerPreset externalDns(String key, Output<String> zoneId) {
        GrantKeys.require(key);
        Checks.notNull("zone", zoneId, "a Route 53 hosted zone id");
        return externalDnsPreset(new ControllerGrant("external-dns record changes on " + key,
                zoneId.applyValue(id -> externalDnsStatements(List.of(zoneArn(id)))), externalDnsStatements(List.of(LONGEST_ZONE_ARN)), List.of()));
    }

    /**
     * As {@link #externalDns(List)}, for hosted zones this stack manages, each named by the zone id
     * the provider reports ({@code zoneId}, checked once known).
     *
     * @param zones the zones, at least one, each once
     * @return the preset
     * @throws InvalidInputException when no zone is given, one is null, or one is given twice
     */
    public static ControllerPreset externalDns(Zone... zones) {
        var checked = resources("externalDns", zones, ZONES_RULE);
        return externalDnsPreset(new ControllerGrant("external-dns record changes on " + names(checked),
                zoneArnsOf(checked).applyValue(AwsControllers::externalDnsStatements),
                externalDnsStatements(longest(checked, LONGEST_ZONE_ARN)), List.of()));
    }

    /**
     * cert-manager's Route 53 DNS-01 solver: TXT record changes and record listing on exactly the
     * zones given ({@code route53:ChangeResourceRecordSetsRecordTypes} TXT, as upstream
     * documents), polling its changes ({@code change/*}: a change's id is not known before it
     * is made) and {@code route53:ListHostedZonesByName} on {@code *} (it names no zone).
     * Namespace {@code cert-manager}, ServiceAccount {@code cert-manager}.
     *
     * @param zoneIds the hosted zones' ids, at least one
     * @return the preset
     * @throws InvalidInputException when no zone is given, or an id is not a hosted zone id
     * @see <a href="https://cert-manager.io/docs/configuration/acme/dns01/route53/#set-up-an-iam-policy">cert-manager Route53: Set up an IAM Policy (read in the v1.19 docs, the same as the current docs)</a>
     */
    public static ControllerPreset certManager(List<String> zoneIds) {
        var zones = zoneArns("certManager", zoneIds);
        return certManagerPreset(new ControllerGrant("cert-manager DNS-01 TXT records on " + String.join(", ", zoneIds),
                certManagerStatements(zones), List.of()));
    }

    /**
     * As {@link #certManager(List)}, for one zone another stack names.
     *
     * @param key    a stable name for the zone in reports; see {@link GrantKeys#RULE}
     * @param zoneId the hosted zone's id, e.g. a StackReference output; checked once known
     * @return the preset
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE}
     */
    public static ControllerPreset certManager(String key, Output<String> zoneId) {
        GrantKeys.require(key);
        Checks.notNull("zone", zoneId, "a Route 53 hosted zone id");
        return certManagerPreset(new ControllerGrant("cert-manager DNS-01 TXT records on " + key,
                zoneId.applyValue(id -> certManagerStatements(List.of(zoneArn(id)))), certManagerStatements(List.of(LONGEST_ZONE_ARN)), List.of()));
    }

    /**
     * As {@link #certManager(List)}, for hosted zones this stack manages, each named by the zone id
     * the provider reports ({@code zoneId}, checked once known).
     *
     * @param zones the zones, at least one, each once
     * @return the preset
     * @throws InvalidInputException when no zone is given, one is null, or one is given twice
     */
    public static ControllerPreset certManager(Zone... zones) {
        var checked = resources("certManager", zones, ZONES_RULE);
        return certManagerPreset(new ControllerGrant("cert-manager DNS-01 TXT records on " + names(checked),
                zoneArnsOf(checked).applyValue(AwsControllers::certManagerStatements),
                certManagerStatements(longest(checked, LONGEST_ZONE_ARN)), List.of()));
    }

    private static List<IamStatement> externalDnsStatements(List<String> zones) {
        return List.of(
                allow(EXTERNAL_DNS_ZONE_ACTIONS, zones),
                // Finding zones names none: IAM authorizes ListHostedZones only on "*".
                // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonroute53.html
                allow(List.of(AnyResourceActions.ROUTE53_LIST_HOSTED_ZONES), List.of("*")));
    }

    private static ControllerPreset externalDnsPreset(ControllerGrant grant) {
        return ControllerPreset.of("external-dns", "external-dns", "external-dns", List.of(grant));
    }

    private static ControllerPreset certManagerPreset(ControllerGrant grant) {
        return ControllerPreset.of("cert-manager", "cert-manager", "cert-manager", List.of(grant));
    }

    private static List<IamStatement> certManagerStatements(List<String> zones) {
        var records = IamStatement.builder().effect(IamEffect.ALLOW).actionIds(CERT_MANAGER_ZONE_ACTIONS).resourceIds(zones)
                .addCondition(IamConditionOperator.STRING_EQUALS.addPrefix("ForAllValues:"), "route53:ChangeResourceRecordSetsRecordTypes", "TXT")
                .build();
        var statements = List.of(
                allow(List.of(Route53Access.GET_CHANGE), List.of("arn:aws:route53:::change/*")),
                records,
                // Finding a zone by its domain names none: IAM authorizes it only on "*".
                // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonroute53.html
                allow(List.of(AnyResourceActions.ROUTE53_LIST_HOSTED_ZONES_BY_NAME), List.of("*")));
        return statements;
    }

    /**
     * external-secrets reading Secrets Manager: the four read actions upstream documents on
     * exactly the secrets given (full ARNs; upstream shows a name pattern), and listing secrets
     * and the batch read on {@code *} (they name no secret; the batch read still needs
     * {@code GetSecretValue} on each secret). Namespace {@code external-secrets}, ServiceAccount
     * {@code external-secrets}.
     *
     * @param secretArns the secrets' full ARNs, with their six-character suffix, at least one
     * @return the preset
     * @throws InvalidInputException when no secret is given, or an ARN is not a secret's full ARN
     * @see <a href="https://github.com/external-secrets/external-secrets/blob/v2.9.0/docs/provider/aws-secrets-manager.md#iam-policy">external-secrets v2.9.0, docs/provider/aws-secrets-manager.md: IAM Policy</a>
     */
    public static ControllerPreset externalSecrets(List<String> secretArns) {
        var secrets = Checks.atLeastOneEachOnce("externalSecrets", secretArns, "at least one Secrets Manager secret ARN");
        secrets.forEach(arn -> SecretsManagerAccess.SECRET_ARN.require("secret", arn));
        return externalSecretsPreset(new ControllerGrant("external-secrets reads of " + secrets.size() + " secret(s)",
                externalSecretsStatements(secrets), List.of()));
    }

    /**
     * As {@link #externalSecrets(List)}, for one secret another stack names.
     *
     * @param key       a stable name for the secret in reports; see {@link GrantKeys#RULE}
     * @param secretArn the secret's full ARN, e.g. a StackReference output; checked once known
     * @return the preset
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE}
     */
    public static ControllerPreset externalSecrets(String key, Output<String> secretArn) {
        var secret = GrantedArn.output(SecretsManagerAccess.SECRET_ARN, "secret", key, secretArn);
        return externalSecretsPreset(new ControllerGrant("external-secrets reads of " + key,
                secret.arn().applyValue(arn -> externalSecretsStatements(List.of(arn))),
                externalSecretsStatements(List.of(SecretsManagerAccess.LONGEST_SECRET_ARN)), List.of()));
    }

    /**
     * As {@link #externalSecrets(List)}, for secrets this stack manages, each named by the ARN the
     * provider reports.
     *
     * @param secrets the secrets, at least one, each once
     * @return the preset
     * @throws InvalidInputException when no secret is given, one is null, or one is given twice
     */
    public static ControllerPreset externalSecrets(Secret... secrets) {
        var checked = resources("externalSecrets", secrets, SECRETS_RULE);
        return externalSecretsPreset(new ControllerGrant("external-secrets reads of " + names(checked),
                arnsOf(checked, Secret::arn).applyValue(AwsControllers::externalSecretsStatements),
                externalSecretsStatements(longest(checked, SecretsManagerAccess.LONGEST_SECRET_ARN)), List.of()));
    }

    private static List<IamStatement> externalSecretsStatements(List<String> secrets) {
        return List.of(
                // Listing and the batch read name no secret: IAM authorizes them only on "*".
                // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecretsmanager.html
                allow(AnyResourceActions.SECRETS_MANAGER_LISTING, List.of("*")),
                allow(EXTERNAL_SECRETS_SECRET_ACTIONS, secrets));
    }

    private static ControllerPreset externalSecretsPreset(ControllerGrant grant) {
        return ControllerPreset.of("external-secrets", "external-secrets", "external-secrets", List.of(grant));
    }

    /**
     * cluster-autoscaler on Auto Scaling groups: the Auto Scaling and EC2 descriptions on
     * {@code *} (IAM names no group for them), and desired-capacity changes and instance
     * termination on {@code *} only where the group carries the tag
     * {@code k8s.io/cluster-autoscaler/CLUSTER} (whatever its value, as auto-discovery reads it),
     * so it scales only the cluster's own groups. Includes {@code autoscaling:DescribeTags} and
     * {@code ec2:DescribeLaunchTemplateVersions}, which upstream adds for auto-discovery and
     * launch templates. Namespace {@code kube-system}, ServiceAccount {@code cluster-autoscaler}.
     *
     * @param clusterName the EKS cluster's name, as in its node groups' tags
     * @return the preset
     * @throws InvalidInputException when the name breaks {@link #CLUSTER_NAME_RULE}
     * @see <a href="https://github.com/kubernetes/autoscaler/blob/062f28a624a2cbedcdc13b152845ac8074853219/cluster-autoscaler/cloudprovider/aws/README.md#iam-policy">cluster-autoscaler cloudprovider/aws/README.md: IAM Policy (read at commit 062f28a)</a>
     */
    public static ControllerPreset clusterAutoscaler(String clusterName) {
        requireClusterName("clusterAutoscaler", clusterName);
        var changes = IamStatement.builder().effect(IamEffect.ALLOW).actionIds(AnyResourceActions.NODE_GROUP_CHANGES).addResource("*")
                .addCondition(IamConditionOperator.NULL, AnyResourceActions.CLUSTER_AUTOSCALER_TAG_PREFIX + clusterName, "false")
                .build();
        var statements = List.of(
                // Descriptions name no group: IAM authorizes them only on "*".
                // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2autoscaling.html
                allow(AnyResourceActions.NODE_GROUP_DESCRIPTIONS, List.of("*")),
                changes);
        return ControllerPreset.of("cluster-autoscaler", "kube-system", "cluster-autoscaler",
                List.of(new ControllerGrant("cluster-autoscaler on the node groups tagged for " + clusterName, statements, List.of())));
    }

    /**
     * The EBS CSI driver's controller: AWS's managed policy {@code AmazonEBSCSIDriverPolicyV2},
     * which the driver's install docs name. It scopes changes to volumes and snapshots tagged
     * {@code ebs.csi.aws.com/cluster: true}, which the driver puts on the volumes it provisions;
     * statically provisioned volumes need that tag too. Namespace {@code kube-system},
     * ServiceAccount {@code ebs-csi-controller-sa} (the chart's {@code controller.serviceAccount.name}).
     *
     * @return the preset, for unencrypted volumes or volumes under the AWS managed key
     * @see <a href="https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/v1.64.0/docs/install.md#set-up-driver-permissions">aws-ebs-csi-driver v1.64.0, docs/install.md: Set up driver permissions</a>
     * @see <a href="https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEBSCSIDriverPolicyV2.html">AmazonEBSCSIDriverPolicyV2</a>
     */
    public static ControllerPreset ebsCsiDriver() {
        return ebsCsi(Optional.empty());
    }

    /**
     * The EBS CSI driver's controller with volumes encrypted under a customer managed key: the
     * managed policy, and on exactly that key the three KMS actions the driver's docs list
     * ({@code kms:Decrypt}, {@code kms:GenerateDataKeyWithoutPlaintext}, {@code kms:CreateGrant});
     * upstream shows them on {@code key/*}, here the key is named.
     *
     * @param keyArn the key's ARN, {@code arn:aws:kms:REGION:ACCOUNT:key/KEY_ID}
     * @return the preset
     * @throws InvalidInputException when the ARN is not a KMS key ARN
     * @see <a href="https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/v1.64.0/docs/install.md#set-up-driver-permissions">aws-ebs-csi-driver v1.64.0, docs/install.md: Encrypted EBS Volumes via KMS</a>
     */
    public static ControllerPreset ebsCsiDriver(String keyArn) {
        KmsAccess.KEY_ARN.require("ebsCsiDriver key", keyArn);
        return ebsCsi(Optional.of(keyArn));
    }

    /**
     * As {@link #ebsCsiDriver(String)}, for a customer managed key this stack manages, named by the
     * ARN the provider reports.
     *
     * @param key the key the volumes are encrypted with
     * @return the preset
     * @throws InvalidInputException when the key is null
     */
    public static ControllerPreset ebsCsiDriver(Key key) {
        Checks.notNull("ebsCsiDriver key", key, "a kms.Key or a key ARN");
        return ebsCsiPreset(new ControllerGrant(ebsCsiDescription(Optional.of(key.pulumiResourceName())),
                key.arn().applyValue(AwsControllers::ebsCsiKeyStatements), ebsCsiKeyStatements(KmsAccess.LONGEST_KEY_ARN),
                List.of(EBS_CSI_DRIVER_POLICY_ARN)));
    }

    private static ControllerPreset ebsCsi(Optional<String> keyArn) {
        var statements = keyArn.map(AwsControllers::ebsCsiKeyStatements).orElse(List.of());
        return ebsCsiPreset(new ControllerGrant(ebsCsiDescription(keyArn), statements, List.of(EBS_CSI_DRIVER_POLICY_ARN)));
    }

    private static List<IamStatement> ebsCsiKeyStatements(String keyArn) {
        return List.of(allow(EBS_CSI_KEY_ACTIONS, List.of(keyArn)));
    }

    private static String ebsCsiDescription(Optional<String> key) {
        return "EBS CSI driver (AmazonEBSCSIDriverPolicyV2" + key.map(k -> ", volumes encrypted with " + k).orElse("") + ")";
    }

    private static ControllerPreset ebsCsiPreset(ControllerGrant grant) {
        return ControllerPreset.of("aws-ebs-csi-driver", "kube-system", "ebs-csi-controller-sa", List.of(grant));
    }

    /**
     * The AWS Load Balancer Controller: the statements of its {@code iam_policy.json} at v2.13.4
     * (unchanged through v2.17.1), tag conditions included, with every condition on the
     * {@code elbv2.k8s.aws/cluster} tag narrowed from "has the tag" to "tagged with this
     * cluster's name" (the controller tags everything it creates with its {@code --cluster-name}),
     * the untagged security group calls named by resource type ({@code security-group/*},
     * {@code vpc/*}), the listener and rule changes on this cluster's tagged load balancers,
     * listeners and rules, and the certificate reads on certificate ARNs, instead of {@code *};
     * see {@link LoadBalancerControllerPolicy}. On {@code *} stay only the describes and the
     * certificate listings, which name no resource. WAF, Shield and Cognito are left out: see
     * {@link #awsLoadBalancerController(String, Set)}. Resources are in the {@code aws} partition.
     * Namespace {@code kube-system}, ServiceAccount {@code aws-load-balancer-controller} (the name
     * the install guide gives the chart).
     *
     * @param clusterName the EKS cluster's name, as given to the controller's {@code clusterName} value
     * @return the preset
     * @throws InvalidInputException when the name breaks {@link #CLUSTER_NAME_RULE}
     * @see <a href="https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v2.13.4/docs/install/iam_policy.json">aws-load-balancer-controller v2.13.4, docs/install/iam_policy.json</a>
     * @see <a href="https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v2.13.4/docs/deploy/installation.md">v2.13.4 installation guide: kube-system, aws-load-balancer-controller</a>
     */
    public static ControllerPreset awsLoadBalancerController(String clusterName) {
        return awsLoadBalancerController(clusterName, Set.of());
    }

    /**
     * The AWS Load Balancer Controller ({@link #awsLoadBalancerController(String)}) with the
     * Ingress add-ons its cluster's Ingresses use: each one's statements on its resource types
     * account-wide, and a preview warning naming what it widens.
     *
     * @param clusterName the EKS cluster's name, as given to the controller's {@code clusterName} value
     * @param features    the add-ons, e.g. {@code Set.of(LoadBalancerIngressFeature.WAF)}; none is the plain preset
     * @return the preset
     * @throws InvalidInputException when the name breaks {@link #CLUSTER_NAME_RULE}, or the set or a feature is null
     */
    public static ControllerPreset awsLoadBalancerController(String clusterName, Set<LoadBalancerIngressFeature> features) {
        requireClusterName("awsLoadBalancerController", clusterName);
        var asked = LoadBalancerControllerFeatures.require(features);
        return ControllerPreset.of("aws-load-balancer-controller", "kube-system", "aws-load-balancer-controller",
                List.of(new ControllerGrant(LoadBalancerControllerFeatures.describe(clusterName, asked),
                        LoadBalancerControllerPolicy.statements(clusterName, asked), List.of(),
                        LoadBalancerControllerFeatures.warnings(clusterName, asked))));
    }

    /**
     * The EFS CSI driver's controller, for access points in any file system its StorageClasses
     * name: the actions of {@code docs/iam-policy-example.json} at v2.3.1 (AWS's managed
     * {@code AmazonEFSCSIDriverPolicy}), with its tag conditions: access points are created only
     * tagged {@code efs.csi.aws.com/cluster: true}, and only access points with that tag are
     * tagged or deleted; the reads of file systems, mount targets, access points and zones on
     * {@code *}. Namespace {@code kube-system}, ServiceAccount {@code efs-csi-controller-sa} (the
     * chart's {@code controller.serviceAccount.name}).
     *
     * @return the preset
     * @see <a href="https://github.com/kubernetes-sigs/aws-efs-csi-driver/blob/v2.3.1/docs/iam-policy-example.json">aws-efs-csi-driver v2.3.1, docs/iam-policy-example.json</a>
     */
    public static ControllerPreset efsCsiDriver() {
        return efsCsi(new ControllerGrant("EFS CSI driver access points in any file system", EfsCsiDriverPolicy.anyFileSystem(), List.of()));
    }

    /**
     * The EFS CSI driver's controller for access points in the named file systems only: as
     * {@link #efsCsiDriver()}, with access points created only in those file systems, and tagged
     * and deleted only in their regions and accounts.
     *
     * @param fileSystemArns the file systems' ARNs, {@code arn:aws:elasticfilesystem:REGION:ACCOUNT:file-system/fs-ID}, at least one
     * @return the preset
     * @throws InvalidInputException when none is given, one is given twice, or one is not a file system ARN
     */
    public static ControllerPreset efsCsiDriver(List<String> fileSystemArns) {
        var fileSystems = Checks.atLeastOneEachOnce("efsCsiDriver", fileSystemArns, "at least one EFS file system ARN");
        fileSystems.forEach(arn -> EfsCsiDriverPolicy.FILE_SYSTEM_ARN.require("fileSystem", arn));
        return efsCsi(new ControllerGrant("EFS CSI driver access points in " + String.join(", ", fileSystems),
                EfsCsiDriverPolicy.fileSystems(fileSystems), List.of()));
    }

    /**
     * As {@link #efsCsiDriver(List)}, for one file system another stack names.
     *
     * @param key           a stable name for the file system in reports; see {@link GrantKeys#RULE}
     * @param fileSystemArn the file system's ARN, e.g. a StackReference output; checked once known
     * @return the preset
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE}
     */
    public static ControllerPreset efsCsiDriver(String key, Output<String> fileSystemArn) {
        var fileSystem = GrantedArn.output(EfsCsiDriverPolicy.FILE_SYSTEM_ARN, "fileSystem", key, fileSystemArn);
        return efsCsi(new ControllerGrant("EFS CSI driver access points in " + key,
                fileSystem.arn().applyValue(arn -> EfsCsiDriverPolicy.fileSystems(List.of(arn))),
                EfsCsiDriverPolicy.fileSystems(List.of(EfsCsiDriverPolicy.LONGEST_FILE_SYSTEM_ARN)), List.of()));
    }

    /**
     * As {@link #efsCsiDriver(List)}, for file systems this stack manages, each named by the ARN
     * the provider reports.
     *
     * @param fileSystems the file systems, at least one, each once
     * @return the preset
     * @throws InvalidInputException when no file system is given, one is null, or one is given twice
     */
    public static ControllerPreset efsCsiDriver(FileSystem... fileSystems) {
        var checked = resources("efsCsiDriver", fileSystems, FILE_SYSTEMS_RULE);
        return efsCsi(new ControllerGrant("EFS CSI driver access points in " + names(checked),
                arnsOf(checked, FileSystem::arn).applyValue(EfsCsiDriverPolicy::fileSystems),
                EfsCsiDriverPolicy.fileSystems(longest(checked, EfsCsiDriverPolicy.LONGEST_FILE_SYSTEM_ARN)), List.of()));
    }

    /**
     * Velero with its AWS plugin: EC2 volume snapshots (descriptions on {@code *}, snapshot and
     * volume changes on the {@code volume/*} and {@code snapshot/*} resource types, where
     * upstream has {@code *}) and its backups on exactly the one bucket named, the actions of the
     * plugin's README at v1.13.2. Namespace {@code velero}, ServiceAccount {@code velero-server}
     * (the chart's {@code serviceAccount.server.name} for a release named {@code velero}).
     *
     * @param bucketName the backup bucket's name, in the {@code aws} partition
     * @return the preset
     * @throws InvalidInputException when the name breaks S3's naming rules
     * @see <a href="https://github.com/vmware-tanzu/velero-plugin-for-aws/blob/v1.13.2/README.md#set-permissions-for-velero">velero-plugin-for-aws v1.13.2, README.md: Set permissions for Velero</a>
     */
    public static ControllerPreset velero(String bucketName) {
        var bucket = S3Access.arnOf(bucketName);
        return veleroPreset(new ControllerGrant("Velero backups in " + bucketName + " and EC2 snapshots",
                VeleroPolicy.statements(bucket), List.of()));
    }

    /**
     * As {@link #velero(String)}, for a bucket another stack names.
     *
     * @param key        a stable name for the bucket in reports; see {@link GrantKeys#RULE}
     * @param bucketName the backup bucket's name, e.g. a StackReference output; checked against S3's naming rules once known
     * @return the preset
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE}
     */
    public static ControllerPreset velero(String key, Output<String> bucketName) {
        GrantKeys.require(key);
        Checks.notNull("bucket", bucketName, "a bucket name");
        return veleroPreset(new ControllerGrant("Velero backups in " + key + " and EC2 snapshots",
                bucketName.applyValue(name -> VeleroPolicy.statements(S3Access.arnOf(name))),
                VeleroPolicy.statements(S3Access.LONGEST_BUCKET_ARN), List.of()));
    }

    /**
     * As {@link #velero(String)}, for a bucket this stack manages (e.g. a {@link ProtectedS3Bucket}'s
     * {@code bucket()}), named by the ARN the provider reports.
     *
     * @param bucket the backup bucket
     * @return the preset
     * @throws InvalidInputException when the bucket is null
     */
    public static ControllerPreset velero(BucketV2 bucket) {
        Checks.notNull("bucket", bucket, "a BucketV2 or a bucket name");
        return veleroPreset(new ControllerGrant("Velero backups in " + bucket.pulumiResourceName() + " and EC2 snapshots",
                bucket.arn().applyValue(VeleroPolicy::statements), VeleroPolicy.statements(S3Access.LONGEST_BUCKET_ARN), List.of()));
    }

    /**
     * The VPC CNI plugin ({@code aws-node}) on an IPv4 cluster: AWS's managed policy
     * {@code AmazonEKS_CNI_Policy}, which the EKS user guide attaches and AWS keeps current with
     * the plugin's network interface and address calls (an IPv6 cluster needs the user guide's
     * IPv6 policy instead). Namespace {@code kube-system}, ServiceAccount {@code aws-node}.
     *
     * @return the preset
     * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/cni-iam-role.html">EKS user guide: configure the Amazon VPC CNI plugin to use IRSA</a>
     * @see <a href="https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEKS_CNI_Policy.html">AmazonEKS_CNI_Policy</a>
     */
    public static ControllerPreset vpcCni() {
        return ControllerPreset.of("vpc-cni", "kube-system", "aws-node",
                List.of(new ControllerGrant("VPC CNI (AmazonEKS_CNI_Policy)", List.of(), List.of(VPC_CNI_POLICY_ARN))));
    }

    /**
     * The Mountpoint for Amazon S3 CSI driver with full access to the buckets named: listing each
     * bucket and reading, writing, aborting uploads and deleting its objects, the permissions
     * Mountpoint documents. Namespace {@code kube-system}, ServiceAccount {@code s3-csi-driver-sa}
     * (the v2.7.0 chart's {@code node.serviceAccount.name}, the driver-level credentials).
     *
     * @param bucketNames the buckets' names, in the {@code aws} partition, at least one
     * @return the preset
     * @throws InvalidInputException when none is given, one is given twice, or a name breaks S3's naming rules
     * @see <a href="https://github.com/awslabs/mountpoint-s3/blob/main/doc/CONFIGURATION.md#iam-permissions">Mountpoint for Amazon S3: IAM permissions</a>
     * @see <a href="https://github.com/awslabs/mountpoint-s3-csi-driver/blob/v2.7.0/docs/CONFIGURATION.md">mountpoint-s3-csi-driver v2.7.0, docs/CONFIGURATION.md: AWS credentials</a>
     */
    public static ControllerPreset mountpointS3CsiDriver(List<String> bucketNames) {
        var buckets = Checks.atLeastOneEachOnce("mountpointS3CsiDriver", bucketNames, BUCKETS_RULE + " name");
        return mountpointPreset(new ControllerGrant("Mountpoint for S3 on " + String.join(", ", buckets),
                mountpointStatements(buckets.stream().map(S3Access::arnOf).toList()), List.of()));
    }

    /**
     * As {@link #mountpointS3CsiDriver(List)}, for buckets this stack manages, each named by the
     * ARN the provider reports.
     *
     * @param buckets the buckets, at least one, each once
     * @return the preset
     * @throws InvalidInputException when no bucket is given, one is null, or one is given twice
     */
    public static ControllerPreset mountpointS3CsiDriver(BucketV2... buckets) {
        var checked = resources("mountpointS3CsiDriver", buckets, BUCKETS_RULE);
        return mountpointPreset(new ControllerGrant("Mountpoint for S3 on " + names(checked),
                arnsOf(checked, BucketV2::arn).applyValue(AwsControllers::mountpointStatements),
                mountpointStatements(longest(checked, S3Access.LONGEST_BUCKET_ARN)), List.of()));
    }

    private static List<IamStatement> mountpointStatements(List<String> bucketArns) {
        var statements = new ArrayList<IamStatement>();
        bucketArns.forEach(arn -> statements.addAll(MountpointS3Policy.statements(arn, Optional.empty())));
        return List.copyOf(statements);
    }

    /**
     * As {@link #mountpointS3CsiDriver(List)} for one bucket mounted with {@code --prefix}: objects
     * under the prefix only, and listing limited to keys under it.
     *
     * @param bucketName the bucket's name, in the {@code aws} partition
     * @param keyPrefix  the prefix, e.g. {@code models/}; see {@link S3Access#PREFIX_RULE}
     * @return the preset
     * @throws InvalidInputException when the name breaks S3's naming rules or the prefix its rule
     */
    public static ControllerPreset mountpointS3CsiDriver(String bucketName, String keyPrefix) {
        var bucket = S3Access.arnOf(bucketName);
        var prefix = S3Access.requirePrefix(keyPrefix);
        return mountpointPreset(new ControllerGrant("Mountpoint for S3 on " + bucketName + "/" + prefix + "*",
                MountpointS3Policy.statements(bucket, Optional.of(prefix)), List.of()));
    }

    /**
     * As {@link #mountpointS3CsiDriver(List)}, for one bucket another stack names.
     *
     * @param key        a stable name for the bucket in reports; see {@link GrantKeys#RULE}
     * @param bucketName the bucket's name, e.g. a StackReference output; checked against S3's naming rules once known
     * @return the preset
     * @throws InvalidInputException when the key breaks {@link GrantKeys#RULE}
     */
    public static ControllerPreset mountpointS3CsiDriver(String key, Output<String> bucketName) {
        GrantKeys.require(key);
        Checks.notNull("bucket", bucketName, "a bucket name");
        return mountpointPreset(new ControllerGrant("Mountpoint for S3 on " + key,
                bucketName.applyValue(name -> MountpointS3Policy.statements(S3Access.arnOf(name), Optional.empty())),
                MountpointS3Policy.statements(S3Access.LONGEST_BUCKET_ARN, Optional.empty()), List.of()));
    }

    private static ControllerPreset efsCsi(ControllerGrant grant) {
        return ControllerPreset.of("aws-efs-csi-driver", "kube-system", "efs-csi-controller-sa", List.of(grant));
    }

    private static ControllerPreset veleroPreset(ControllerGrant grant) {
        return ControllerPreset.of("velero", "velero", "velero-server", List.of(grant));
    }

    private static ControllerPreset mountpointPreset(ControllerGrant grant) {
        return ControllerPreset.of("aws-mountpoint-s3-csi-driver", "kube-system", "s3-csi-driver-sa", List.of(grant));
    }

    private static void requireClusterName(String field, String clusterName) {
        if (clusterName == null || !clusterName.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,99}")) {
            throw InvalidInputException.of(field, clusterName, CLUSTER_NAME_RULE);
        }
    }

    private static List<String> zoneArns(String field, List<String> zoneIds) {
        return Checks.atLeastOneEachOnce(field, zoneIds, "at least one Route 53 hosted zone id (the controller changes records only in the zones named)")
                .stream().map(AwsControllers::zoneArn).toList();
    }

    private static String zoneArn(String zoneId) {
        return "arn:aws:route53:::hostedzone/" + Route53Access.requireZoneId("zone", zoneId);
    }

    // A zone's ARN from the id the provider reports, as the plain ids are named.
    private static Output<List<String>> zoneArnsOf(List<Zone> zones) {
        return Output.all(zones.stream().map(zone -> zone.zoneId().applyValue(AwsControllers::zoneArn)).toList());
    }

    private static <R extends Resource> Output<List<String>> arnsOf(List<R> resources, Function<R, Output<String>> arn) {
        return Output.all(resources.stream().map(arn).toList());
    }

    // The varargs form of the core rule: at least one, each once, as the GCP and Azure presets check it.
    private static <R extends Resource> List<R> resources(String field, R[] values, String rule) {
        return Checks.atLeastOneResourceEachOnce(field, Arrays.asList(Checks.notNull(field, values, rule)), rule);
    }

    // Reports name a resource this stack manages by its Pulumi name, as the grants taking one do.
    private static String names(List<? extends Resource> resources) {
        return resources.stream().map(Resource::pulumiResourceName).collect(Collectors.joining(", "));
    }

    // The preview-time bound: one longest ARN for each resource whose ARN is known only at deploy.
    private static List<String> longest(List<?> resources, String longestArn) {
        return Collections.nCopies(resources.size(), longestArn);
    }

    private static IamStatement allow(List<String> actions, List<String> resources) {
        return IamStatement.builder().effect(IamEffect.ALLOW).actionIds(actions).resourceIds(resources).build();
    }
}
