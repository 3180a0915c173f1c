package dev.keyless.gcp;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Service accounts Google creates, which a workload must not be made to impersonate. Their emails
 * differ from a user-managed account's ({@code NAME@PROJECT_ID.iam.gserviceaccount.com}) only in
 * their parts, and a service agent's even has that shape
 * ({@code service-NUMBER@container-engine-robot.iam.gserviceaccount.com}), so each form is named
 * here with why it is refused.
 *
 * <ul>
 *   <li>Service agents, {@code service-PROJECT_NUMBER@SERVICE.iam.gserviceaccount.com} (also
 *       {@code service-org-NUMBER@}, {@code service-folder-NUMBER@}, and domains ending in
 *       {@code .google.com.iam.gserviceaccount.com}), and the Google APIs service agent,
 *       {@code PROJECT_NUMBER@cloudservices.gserviceaccount.com}: they live in Google's projects,
 *       not the user's; no one may grant roles on them, so the workload identity binding fails at
 *       deploy, and they hold their service's roles on the project
 *       (https://cloud.google.com/iam/docs/service-agents, read 2026-12-01).</li>
 *   <li>The default service accounts, {@code PROJECT_NUMBER-compute@developer.gserviceaccount.com}
 *       (Compute Engine) and {@code PROJECT_ID@appspot.gserviceaccount.com} (App Engine), and Cloud
 *       Build's legacy {@code PROJECT_NUMBER@cloudbuild.gserviceaccount.com}: they can be
 *       impersonated, but Google creates them with the project-wide Editor role (or, for Cloud
 *       Build, broad deploy rights) unless an organization policy prevents it, and every
 *       workload and VM of the project shares them
 *       (https://cloud.google.com/iam/docs/service-account-types#default, read 2026-12-01).</li>
 * </ul>
 */
final class GoogleCreatedAccounts {
    private static final Pattern SERVICE_AGENT = Pattern.compile(
            "service-(org-|folder-|p)?[0-9]+@[a-z0-9.-]+\\.iam\\.gserviceaccount\\.com|[^@]+@[a-z0-9.-]+\\.google\\.com\\.iam\\.gserviceaccount\\.com"
                    + "|[0-9]+@cloudservices\\.gserviceaccount\\.com");
    private static final Pattern DEFAULT_ACCOUNT = Pattern.compile(
            "[0-9]+-compute@developer\\.gserviceaccount\\.com|[^@]+@appspot\\.gserviceaccount\\.com|[0-9]+@cloudbuild\\.gserviceaccount\\.com");

    static final String SERVICE_AGENT_REASON = "not a Google-managed service agent (service-PROJECT_NUMBER@SERVICE.iam.gserviceaccount.com "
            + "and the like): it lives in a Google project, no one may grant roles on it, and it holds its service's roles on yours";
    static final String DEFAULT_ACCOUNT_REASON = "not a default service account Google creates (Compute Engine's PROJECT_NUMBER-compute@, "
            + "App Engine's PROJECT_ID@appspot, Cloud Build's legacy PROJECT_NUMBER@cloudbuild): it is created with Editor on the project "
            + "and shared by every VM or build of it; create a dedicated account instead";

    private GoogleCreatedAccounts() {
    }

    /**
     * @param email a service account email
     * @return why a workload must not impersonate it, when Google created it; empty otherwise
     */
    static Optional<String> whyNotImpersonable(String email) {
        if (SERVICE_AGENT.matcher(email).matches()) {
            return Optional.of(SERVICE_AGENT_REASON);
        }
        if (DEFAULT_ACCOUNT.matcher(email).matches()) {
            return Optional.of(DEFAULT_ACCOUNT_REASON);
        }
        return Optional.empty();
    }
}
