package dev.keyless.gcp;

import dev.keyless.core.InvalidInputException;

import java.util.Locale;
import java.util.Set;

/**
 * The locations Cloud Storage creates buckets in. A location of the right shape that is none of
 * them ({@code europe-west99}, {@code EUR9}) would pass a pattern and fail only at deploy, so the
 * published list is kept here as data and a bucket's location is looked up in it. Cloud Storage
 * reads locations without regard to case ({@code eu}, {@code EU}); so does the lookup.
 *
 * <p>Read on 2026-12-01 from https://cloud.google.com/storage/docs/locations: its multi-regions, its
 * predefined dual-regions and its regions (the page's region table lists Google Cloud's regions;
 * entries missing from the stored copy read that day were taken from Google Cloud's region tables
 * of the same date). A configurable dual-region is a multi-region's code plus the bucket's custom
 * placement, so it needs no entry of its own. A region Google opens later is refused until it is
 * added here: the message names the page to check.
 */
final class GcsLocations {
    static final String LIST_URL = "https://cloud.google.com/storage/docs/locations";
    static final String RULE = "a Cloud Storage location listed at " + LIST_URL
            + ": a multi-region (ASIA, EU, US), a predefined dual-region (ASIA1, EUR4, EUR5, EUR7, EUR8, NAM4) or a region such as europe-west1";

    static final Set<String> MULTI_REGIONS = Set.of("ASIA", "EU", "US");
    static final Set<String> DUAL_REGIONS = Set.of("ASIA1", "EUR4", "EUR5", "EUR7", "EUR8", "NAM4");
    static final Set<String> REGIONS = Set.of(
            // North America
            "NORTHAMERICA-NORTHEAST1", "NORTHAMERICA-NORTHEAST2", "NORTHAMERICA-SOUTH1",
            "US-CENTRAL1", "US-EAST1", "US-EAST4", "US-EAST5", "US-SOUTH1", "US-WEST1", "US-WEST2", "US-WEST3", "US-WEST4",
            // South America
            "SOUTHAMERICA-EAST1", "SOUTHAMERICA-WEST1",
            // Europe
            "EUROPE-CENTRAL2", "EUROPE-NORTH1", "EUROPE-NORTH2", "EUROPE-SOUTHWEST1", "EUROPE-WEST1", "EUROPE-WEST2",
            "EUROPE-WEST3", "EUROPE-WEST4", "EUROPE-WEST6", "EUROPE-WEST8", "EUROPE-WEST9", "EUROPE-WEST10", "EUROPE-WEST12",
            // Middle East
            "ME-CENTRAL1", "ME-CENTRAL2", "ME-WEST1",
            // Asia
            "ASIA-EAST1", "ASIA-EAST2", "ASIA-NORTHEAST1", "ASIA-NORTHEAST2", "ASIA-NORTHEAST3",
            "ASIA-SOUTH1", "ASIA-SOUTH2", "ASIA-SOUTHEAST1", "ASIA-SOUTHEAST2",
            // Australia
            "AUSTRALIA-SOUTHEAST1", "AUSTRALIA-SOUTHEAST2",
            // Africa
            "AFRICA-SOUTH1");

    private GcsLocations() {
    }

    /**
     * @param field    the input to name in a refusal
     * @param location the location as given
     * @return the location, as given
     * @throws InvalidInputException when Cloud Storage has no such location
     */
    static String require(String field, String location) {
        if (location == null || !isLocation(location.toUpperCase(Locale.ROOT))) {
            throw InvalidInputException.of(field, location, RULE);
        }
        return location;
    }

    private static boolean isLocation(String upper) {
        return MULTI_REGIONS.contains(upper) || DUAL_REGIONS.contains(upper) || REGIONS.contains(upper);
    }
}
