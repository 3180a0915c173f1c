package dev.keyless.core;

/**
 * Public keys made with openssl for the tests, and what openssl says of them, so the tests check
 * keyless's derivation against an independent one:
 * {@code openssl pkey -pubin -in K.pub -outform DER | openssl dgst -sha256 -binary | base64url}.
 */
final class TestSigningKeys {
    /** {@code openssl genrsa 2048 | openssl pkey -pubout} */
    static final String RSA_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAhySDExDWm/fCyFvxbTfM
            0/+ge66QCTG0Z0NwIaxYRDkgo/1v9lANpg7YeA4buu5th73nfB/wgF0Jar12MoA6
            wCF7CFzJtsAiAnELG3ORlFRSH5VZXpkcCCZSCGmWscBHFBw7ca2UzwUgzrTWarjo
            zLVcZ5nVWCXf/TFftcVAkKOYu0PUqUUT2bYHKQeeiGoyHjK9VUuxUlQxd/u20Ct8
            KpshGvKRIJ0SEOxvcxq8sQJlY/+7y/GTqP6SwvLhl9Vr/pmZNoKQKtNk3EZdmwoM
            MFpyl/Tc5l2JPxgPxaSt2RawIwNOgkdlGaGX7OnwYvm78xhmsi0wI1ohSKqaSwu/
            EwIDAQAB
            -----END PUBLIC KEY-----
            """;
    /** The RSA key's kid, by openssl. */
    static final String RSA_KID = "7lieRIR2yi6aZrhNESAB602EY7ueip_8y0XjFXRIW9Y";
    /** Its modulus, {@code openssl rsa -pubin -modulus}, base64url. */
    static final String RSA_N = "hySDExDWm_fCyFvxbTfM0_-ge66QCTG0Z0NwIaxYRDkgo_1v9lANpg7YeA4buu5th73nfB_wgF0Jar12MoA6wCF7CFzJtsAiAnELG3ORlFRSH5VZXpkcCCZSCGmWscBHFBw7ca2UzwUgzrTWarjozLVcZ5nVWCXf_TFftcVAkKOYu0PUqUUT2bYHKQeeiGoyHjK9VUuxUlQxd_u20Ct8KpshGvKRIJ0SEOxvcxq8sQJlY_-7y_GTqP6SwvLhl9Vr_pmZNoKQKtNk3EZdmwoMMFpyl_Tc5l2JPxgPxaSt2RawIwNOgkdlGaGX7OnwYvm78xhmsi0wI1ohSKqaSwu_Ew";

    /** {@code openssl ecparam -name prime256v1 -genkey | openssl pkey -pubout} */
    static final String EC_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEwmGlkF6yUwHY9/w9M43xqLgeRsSp
            /B/SZwQJ/RyHKKkoO3rJXqUx4zloXph/VxJlXHGkBOgxC+UZ3Se0BVlGBw==
            -----END PUBLIC KEY-----
            """;
    /** The P-256 key's kid, by openssl. */
    static final String EC_KID = "ZjJ0hMWyrjAT6AeOhMyQSPGvYF3_MBXeRbcbXNkr4pI";
    /** Its point, {@code openssl ec -pubin -text}, each coordinate base64url. */
    static final String EC_X = "wmGlkF6yUwHY9_w9M43xqLgeRsSp_B_SZwQJ_RyHKKk";
    static final String EC_Y = "KDt6yV6lMeM5aF6Yf1cSZVxxpAToMQvlGd0ntAVZRgc";

    /** {@code openssl ecparam -name secp256k1 -genkey | openssl pkey -pubout}: a curve JOSE has no name for. */
    static final String SECP256K1_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MFYwEAYHKoZIzj0CAQYFK4EEAAoDQgAEz6aJUGfAfPa2pp7/H1lbUvDEgekEwlPA
            65kAoEgPKQQip7Vk2uP127KHbNGVq44UdSa1OAbUZe9/H6xTper4BA==
            -----END PUBLIC KEY-----
            """;

    /** The shape of a private key PEM (its body is no key): what must be refused unread. */
    static final String PRIVATE_KEY_PEM = """
            -----BEGIN RSA PRIVATE KEY-----
            c2VjcmV0LW5vdC1hLWtleQ==
            -----END RSA PRIVATE KEY-----
            """;

    private TestSigningKeys() {
    }
}
