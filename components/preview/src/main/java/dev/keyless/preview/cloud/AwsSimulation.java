package dev.keyless.preview.cloud;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What AWS computes for the resources and functions of the {@code aws} package. Its placeholders
 * are the example values of AWS's own documentation.
 */
final class AwsSimulation implements ProviderSimulation {
    /** The AWS account id of every simulated ARN (AWS documentation's example account). */
    static final String AWS_ACCOUNT_ID = "123456789012";
    /** The id part of a simulated EKS OIDC issuer (AWS documentation's example id). */
    static final String EKS_OIDC_ID = "EXAMPLED539D4633E53DE1B71EXAMPLE";
    /** The region used when the stack configures none. */
    static final String DEFAULT_AWS_REGION = "us-east-1";

    private final String region;

    /**
     * @param config the stack configuration; {@code aws:region} picks the region of every ARN and endpoint
     */
    AwsSimulation(Map<String, String> config) {
        this.region = config.getOrDefault("aws:region", DEFAULT_AWS_REGION);
    }

    @Override
    public String packageName() {
        return "aws";
    }

    @Override
    public SimulatedResource create(String type, String logicalName, Map<String, Object> inputs) {
        var state = new HashMap<>(inputs);
        String id;
        switch (type) {
            case "aws:iam/role:Role" -> {
                var name = nameOf(inputs, "name", logicalName);
                var path = (String) inputs.getOrDefault("path", "/");
                state.put("name", name);
                state.put("arn", "arn:aws:iam::" + AWS_ACCOUNT_ID + ":role" + path + name);
                state.put("uniqueId", "AROAEXAMPLEPLACEHOLDER");
                id = name;
            }
            case "aws:iam/policy:Policy" -> {
                var name = nameOf(inputs, "name", logicalName);
                state.put("name", name);
                state.put("arn", "arn:aws:iam::" + AWS_ACCOUNT_ID + ":policy" + inputs.getOrDefault("path", "/") + name);
                id = (String) state.get("arn");
            }
            case "aws:iam/rolePolicy:RolePolicy" -> {
                var name = nameOf(inputs, "name", logicalName);
                state.put("name", name);
                id = inputs.get("role") + ":" + name;
            }
            case "aws:iam/openIdConnectProvider:OpenIdConnectProvider" -> {
                var url = String.valueOf(inputs.getOrDefault("url", ""));
                state.put("arn", "arn:aws:iam::" + AWS_ACCOUNT_ID + ":oidc-provider/" + url.replaceFirst("^https://", ""));
                id = (String) state.get("arn");
            }
            case "aws:eks/cluster:Cluster" -> {
                var name = nameOf(inputs, "name", logicalName);
                state.put("name", name);
                state.put("arn", "arn:aws:eks:" + region + ":" + AWS_ACCOUNT_ID + ":cluster/" + name);
                state.put("endpoint", "https://" + EKS_OIDC_ID + ".gr7." + region + ".eks.amazonaws.com");
                state.put("certificateAuthority", Map.of("data", Placeholders.CERTIFICATE_DATA));
                state.put("identities", List.of(Map.of("oidcs", List.of(Map.of(
                        "issuer", "https://oidc.eks." + region + ".amazonaws.com/id/" + EKS_OIDC_ID)))));
                state.put("status", "ACTIVE");
                state.putIfAbsent("version", "1.31");
                id = name;
            }
            case "aws:eks/nodeGroup:NodeGroup" -> {
                var name = nameOf(inputs, "nodeGroupName", logicalName);
                state.put("nodeGroupName", name);
                state.put("arn", "arn:aws:eks:" + region + ":" + AWS_ACCOUNT_ID + ":nodegroup/" + inputs.get("clusterName") + "/" + name + "/example");
                state.put("status", "ACTIVE");
                id = inputs.get("clusterName") + ":" + name;
            }
            case "aws:eks/addon:Addon" -> {
                state.putIfAbsent("addonVersion", "v0.0.0-eksbuild.placeholder");
                state.put("arn", "arn:aws:eks:" + region + ":" + AWS_ACCOUNT_ID + ":addon/" + inputs.get("clusterName") + "/" + inputs.get("addonName") + "/example");
                id = inputs.get("clusterName") + ":" + inputs.get("addonName");
            }
            case "aws:eks/podIdentityAssociation:PodIdentityAssociation" -> {
                state.put("associationId", "a-example0placeholder");
                state.put("associationArn", "arn:aws:eks:" + region + ":" + AWS_ACCOUNT_ID + ":podidentityassociation/" + inputs.get("clusterName") + "/a-example0placeholder");
                id = inputs.get("clusterName") + ",a-example0placeholder";
            }
            case "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket" -> {
                var bucket = nameOf(inputs, "bucket", logicalName).toLowerCase();
                state.put("bucket", bucket);
                state.put("arn", "arn:aws:s3:::" + bucket);
                state.put("region", region);
                state.put("bucketDomainName", bucket + ".s3.amazonaws.com");
                state.put("bucketRegionalDomainName", bucket + ".s3." + region + ".amazonaws.com");
                id = bucket;
            }
            // The grant targets beyond S3, with ARNs in their services' own forms (the generic
            // form below would give sqs:...:queue/NAME, which no real queue has).
            case "aws:sqs/queue:Queue" -> {
                var name = nameOf(inputs, "name", logicalName);
                state.put("name", name);
                state.put("arn", "arn:aws:sqs:" + region + ":" + AWS_ACCOUNT_ID + ":" + name);
                id = "https://sqs." + region + ".amazonaws.com/" + AWS_ACCOUNT_ID + "/" + name;
                state.put("url", id);
            }
            case "aws:sns/topic:Topic" -> {
                var name = nameOf(inputs, "name", logicalName);
                state.put("name", name);
                state.put("arn", "arn:aws:sns:" + region + ":" + AWS_ACCOUNT_ID + ":" + name);
                id = (String) state.get("arn");
            }
            case "aws:secretsmanager/secret:Secret" -> {
                var name = nameOf(inputs, "name", logicalName);
                state.put("name", name);
                state.put("arn", "arn:aws:secretsmanager:" + region + ":" + AWS_ACCOUNT_ID + ":secret:" + name + "-AbCdEf");
                id = (String) state.get("arn");
            }
            case "aws:ssm/parameter:Parameter" -> {
                var name = nameOf(inputs, "name", logicalName);
                state.put("name", name);
                state.put("arn", "arn:aws:ssm:" + region + ":" + AWS_ACCOUNT_ID + ":parameter/" + name.replaceFirst("^/", ""));
                id = name;
            }
            case "aws:kms/key:Key" -> {
                id = "1234abcd-12ab-34cd-56ef-1234567890ab";
                state.put("keyId", id);
                state.put("arn", "arn:aws:kms:" + region + ":" + AWS_ACCOUNT_ID + ":key/" + id);
            }
            case "aws:ecr/repository:Repository" -> {
                var name = nameOf(inputs, "name", logicalName);
                state.put("name", name);
                state.put("arn", "arn:aws:ecr:" + region + ":" + AWS_ACCOUNT_ID + ":repository/" + name);
                state.put("repositoryUrl", AWS_ACCOUNT_ID + ".dkr.ecr." + region + ".amazonaws.com/" + name);
                id = name;
            }
            case "aws:route53/zone:Zone" -> {
                id = "Z0EXAMPLE0PLACEHOLDER";
                state.put("zoneId", id);
                state.put("arn", "arn:aws:route53:::hostedzone/" + id);
            }
            // EFS's own forms: the generic form below would give efs:...:filesystem/NAME, which no
            // file system has. https://docs.aws.amazon.com/efs/latest/ug/access-control-overview.html
            case "aws:efs/fileSystem:FileSystem" -> {
                id = "fs-0123456789abcdef0";
                state.put("arn", "arn:aws:elasticfilesystem:" + region + ":" + AWS_ACCOUNT_ID + ":file-system/" + id);
            }
            default -> {
                id = logicalName + "-id";
                state.putIfAbsent("arn", genericArn(type, logicalName));
            }
        }
        state.put("id", id);
        return new SimulatedResource(id, state);
    }

    /** An explicit provider's {@code region} answers {@code getRegion} through it, as AWS's provider does. */
    @Override
    public Optional<Map<String, Object>> invoke(String token, Map<String, Object> args, Map<String, Object> providerInputs) {
        if (token.equals("aws:index/getRegion:getRegion") && providerInputs.get("region") instanceof String providersRegion) {
            return Optional.of(regionAnswer(providersRegion));
        }
        return invoke(token, args);
    }

    private static Map<String, Object> regionAnswer(String region) {
        return Map.of("id", region, "name", region, "region", region,
                "description", "simulated region", "endpoint", "ec2." + region + ".amazonaws.com");
    }

    @Override
    public Optional<Map<String, Object>> invoke(String token, Map<String, Object> args) {
        return Optional.ofNullable(switch (token) {
            case "aws:index/getRegion:getRegion" -> regionAnswer(region);
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of("id", AWS_ACCOUNT_ID, "accountId", AWS_ACCOUNT_ID,
                    "arn", "arn:aws:iam::" + AWS_ACCOUNT_ID + ":user/preview", "userId", "AIDAEXAMPLEPLACEHOLDER");
            case "aws:index/getPartition:getPartition" -> Map.of("id", "aws", "partition", "aws",
                    "dnsSuffix", "amazonaws.com", "reverseDnsPrefix", "com.amazonaws");
            case "aws:ec2/getVpc:getVpc" -> Map.of("id", "vpc-0example00000000", "cidrBlock", "172.31.0.0/16",
                    "default", true, "arn", "arn:aws:ec2:" + region + ":" + AWS_ACCOUNT_ID + ":vpc/vpc-0example00000000");
            case "aws:ec2/getSubnets:getSubnets" -> Map.of("id", region,
                    "ids", List.of("subnet-0example0000000a", "subnet-0example0000000b", "subnet-0example0000000c"));
            default -> null;
        });
    }

    private static String nameOf(Map<String, Object> inputs, String property, String logicalName) {
        var given = inputs.get(property);
        return given instanceof String s && !s.isEmpty() ? s : Placeholders.autoName(logicalName);
    }

    // aws:ec2/securityGroup:SecurityGroup -> arn:aws:ec2:REGION:ACCOUNT:securitygroup/NAME
    private String genericArn(String type, String logicalName) {
        var parts = type.split("[:/]");
        var service = parts.length > 1 ? parts[1] : "unknown";
        var kind = parts[parts.length - 1].toLowerCase();
        return "arn:aws:" + service + ":" + region + ":" + AWS_ACCOUNT_ID + ":" + kind + "/" + logicalName;
    }
}
