package dev.keyless.azure;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * Azure's rule for the zone name a {@link DnsZoneAccess} grant names: 2 to 34 labels separated by
 * periods, each of letters, digits, underscores and hyphens. Microsoft's table gives 1 to 63
 * characters, which is DNS's limit for one label; the whole name is held to DNS's 253.
 *
 * @see <a href="https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftnetwork">Naming rules: Microsoft.Network dnsZones</a>
 */
final class DnsZoneNames {
    static final String ZONE_RULE = "a DNS zone name of 2 to 34 labels of 1 to 63 characters of [A-Za-z0-9_-], separated by '.', "
            + "at most 253 characters, with no trailing '.' (Azure DNS zone name)";
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_-]{1,63}(\\.[A-Za-z0-9_-]{1,63}){1,33}");

    private DnsZoneNames() {
    }

    static String requireZoneName(String field, String value) {
        if (value == null || value.length() > 253 || !ZONE.matcher(value).matches()) {
            throw InvalidInputException.of(field, value, ZONE_RULE);
        }
        return value;
    }
}
