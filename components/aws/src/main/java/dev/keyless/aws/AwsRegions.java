package dev.keyless.aws;

import dev.keyless.core.InvalidInputException;

import java.util.regex.Pattern;

/** The shape of an AWS region name, e.g. {@code eu-west-1} or {@code us-gov-west-1}. */
final class AwsRegions {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    private AwsRegions() {
    }

    static String require(String field, String region) {
        if (region == null || !REGION.matcher(region).matches()) {
            throw InvalidInputException.of(field, region, "an AWS region such as eu-west-1");
        }
        return region;
    }
}
