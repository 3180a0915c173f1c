package dev.keyless.aws;

import com.pulumi.aws.route53.Zone;
import com.pulumi.core.Output;
import dev.keyless.core.Checks;
import dev.keyless.core.GrantKeys;
import dev.keyless.core.InvalidInputException;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Records of one Route 53 hosted zone, named by its id: reading them, or changing them as
 * external-dns and cert-manager's DNS-01 solver do. The zone is {@code hostedzone/ID}, never
 * {@code hostedzone/*}; polling a change's status is on {@code change/*} (a change's id is not
 * known before it is made); and listing hosted zones, which finds a zone's id by its domain, is
 * authorized by IAM only on {@code *}, so it is a statement of its own with exactly those two
 * actions (admitted by name by the role's wildcard check; see {@link AnyResourceActions}).
 *
 * <pre>{@code
 * Route53Access.changeRecords("Z0123456789ABCDEFGHIJ")
 * Route53Access.readRecords(shopZone)
 * Route53Access.changeRecords("shop", zoneIdFromAnotherStack)
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/access-control-managing-permissions.html">Route 53: identity-based policies</a>
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonroute53.html">Route 53 actions and resources</a>
 */
public final class Route53Access implements AwsGrant {
    /** Route 53 gives hosted zone ids of up to 32 upper-case letters and digits, e.g. {@code Z0123456789ABCDEFGHIJ}. */
    static final String ZONE_ID_RULE = "a Route 53 hosted zone id, up to 32 upper-case letters and digits such as Z0123456789ABCDEFGHIJ "
            + "(the id alone: no '/hostedzone/' prefix, no ARN, no domain name)";
    static final int MAX_ZONE_ID_LENGTH = 32;
    private static final Pattern ZONE_ID = Pattern.compile("[A-Z0-9]{1," + MAX_ZONE_ID_LENGTH + "}");
    static final List<String> READ_ACTIONS = List.of("route53:GetHostedZone", "route53:ListResourceRecordSets");
    static final List<String> CHANGE_ACTIONS = List.of("route53:GetHostedZone", "route53:ListResourceRecordSets", "route53:ChangeResourceRecordSets");
    static final String GET_CHANGE = "route53:GetChange";
    static final List<String> LIST_ACTIONS = List.of(AnyResourceActions.ROUTE53_LIST_HOSTED_ZONES, AnyResourceActions.ROUTE53_LIST_HOSTED_ZONES_BY_NAME);
    private static final String LONGEST_ZONE_ARN = "arn:" + ArnForm.LONGEST_PARTITION + ":route53:::hostedzone/" + "Z".repeat(MAX_ZONE_ID_LENGTH);

    private final Output<String> zoneArn;
    private final Optional<String> knownZoneArn;
    private final String label;
    private final boolean change;

    private Route53Access(Output<String> zoneArn, Optional<String> knownZoneArn, String label, boolean change) {
        this.zoneArn = zoneArn;
        this.knownZoneArn = knownZoneArn;
        this.label = label;
        this.change = change;
    }

    /**
     * @param zoneId the hosted zone's id, e.g. {@code Z0123456789ABCDEFGHIJ}, in the {@code aws} partition
     * @return reading the zone and its records
     * @throws InvalidInputException when the id breaks {@link #ZONE_ID_RULE}
     */
    public static Route53Access readRecords(String zoneId) {
        return ofId(zoneId, false);
    }

    /**
     * @param key    a stable name for the zone in reports; see {@link GrantKeys#RULE}
     * @param zoneId the hosted zone's id, e.g. another stack's output; checked once known
     * @return reading the zone and its records
     */
    public static Route53Access readRecords(String key, Output<String> zoneId) {
        return ofId(key, zoneId, false);
    }

    /**
     * @param zone a hosted zone this stack manages (its ARN names its partition)
     * @return reading the zone and its records
     */
    public static Route53Access readRecords(Zone zone) {
        return ofZone(zone, false);
    }

    /**
     * @param zoneId the hosted zone's id, e.g. {@code Z0123456789ABCDEFGHIJ}, in the {@code aws} partition
     * @return reading and changing the zone's records
     * @throws InvalidInputException when the id breaks {@link #ZONE_ID_RULE}
     */
    public static Route53Access changeRecords(String zoneId) {
        return ofId(zoneId, true);
    }

    /**
     * @param key    a stable name for the zone in reports; see {@link GrantKeys#RULE}
     * @param zoneId the hosted zone's id, e.g. another stack's output; checked once known
     * @return reading and changing the zone's records
     */
    public static Route53Access changeRecords(String key, Output<String> zoneId) {
        return ofId(key, zoneId, true);
    }

    /**
     * @param zone a hosted zone this stack manages (its ARN names its partition)
     * @return reading and changing the zone's records
     */
    public static Route53Access changeRecords(Zone zone) {
        return ofZone(zone, true);
    }

    @Override
    public Output<List<IamStatement>> statements() {
        return zoneArn.applyValue(this::statementsFor);
    }

    @Override
    public Optional<List<IamStatement>> longestStatements() {
        return Optional.of(statementsFor(knownZoneArn.orElse(LONGEST_ZONE_ARN)));
    }

    @Override
    public Optional<List<IamStatement>> knownStatements() {
        return knownZoneArn.map(this::statementsFor);
    }

    @Override
    public String describe() {
        return "Route 53 " + (change ? "record changes" : "record reads") + " on " + label;
    }

    /** @return whether the grant allows changing records */
    public boolean changes() {
        return change;
    }

    private List<IamStatement> statementsFor(String arn) {
        var partition = Arns.partitionOf(arn);
        var zone = IamStatement.builder().effect(IamEffect.ALLOW).actionIds(change ? CHANGE_ACTIONS : READ_ACTIONS).addResource(arn).build();
        // Listing zones names no zone: IAM authorizes it only on "*".
        var list = IamStatement.builder().effect(IamEffect.ALLOW).actionIds(LIST_ACTIONS).addResource("*").build();
        if (!change) {
            return List.of(zone, list);
        }
        var poll = IamStatement.builder().effect(IamEffect.ALLOW).addAction(GET_CHANGE)
                .addResource("arn:" + partition + ":route53:::change/*").build();
        return List.of(zone, poll, list);
    }

    static String requireZoneId(String field, String zoneId) {
        if (zoneId == null || !ZONE_ID.matcher(zoneId).matches()) {
            throw InvalidInputException.of(field, zoneId, ZONE_ID_RULE);
        }
        return zoneId;
    }

    private static String arnOf(String zoneId) {
        return "arn:aws:route53:::hostedzone/" + requireZoneId("zone", zoneId);
    }

    private static Route53Access ofId(String zoneId, boolean change) {
        var arn = arnOf(zoneId);
        return new Route53Access(Output.of(arn), Optional.of(arn), zoneId, change);
    }

    private static Route53Access ofId(String key, Output<String> zoneId, boolean change) {
        GrantKeys.require(key);
        Checks.notNull("zone", zoneId, "a hosted zone id");
        return new Route53Access(zoneId.applyValue(Route53Access::arnOf), Optional.empty(), key, change);
    }

    private static Route53Access ofZone(Zone zone, boolean change) {
        Checks.notNull("zone", zone, "a route53.Zone or a hosted zone id");
        return new Route53Access(zone.arn(), Optional.empty(), zone.pulumiResourceName(), change);
    }
}
