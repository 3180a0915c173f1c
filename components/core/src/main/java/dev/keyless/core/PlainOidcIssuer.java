package dev.keyless.core;

import com.pulumi.core.Output;

import java.util.Optional;

/**
 * An issuer known by its URL alone: a CI system's ({@link GitHubActions#issuer()},
 * {@link GitLab#issuer()}) or any other ({@link OidcIssuer#of}).
 *
 * @param url         the issuer URL, exactly as the tokens' {@code iss}
 * @param description what the issuer is, for messages
 */
record PlainOidcIssuer(String url, String description) implements OidcIssuer {

    @Override
    public Output<String> issuerUrl() {
        return Output.of(url);
    }

    @Override
    public Optional<String> plainIssuerUrl() {
        return Optional.of(url);
    }

    @Override
    public String describe() {
        return description;
    }
}
