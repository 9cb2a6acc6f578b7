package dev.ingate.keys;

import dev.ingate.config.KeyLimits;
import dev.ingate.config.Origin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A gateway key as the database holds it: the SHA-256 of the secret and a short visible prefix
 * (e.g. {@code sk-ingate-AbC1}) to recognise it by, never the secret itself.
 */
public record StoredKey(String id, String name, String prefix, byte[] sha256, List<String> providers, List<String> models,
                        Optional<Instant> expiresAt, boolean enabled, Origin origin, Instant createdAt,
                        Optional<Instant> lastUsedAt, KeyLimits limits) {

    /** Ingate's own marker and four characters of the random part: {@code sk-ingate-AbC1}. */
    private static final int PREFIX_LENGTH = GatewayKey.SECRET_PREFIX.length() + 4;

    /**
     * What is shown of a secret: its first {@value #PREFIX_LENGTH} characters, but never more than a third of it,
     * so a short secret chosen by hand in the config file is not shown nearly whole in listings and the audit log.
     */
    public static String prefixOf(String secret) {
        return secret.substring(0, Math.min(PREFIX_LENGTH, secret.length() / 3));
    }

    /** A key without rate limits or budget of its own. */
    public StoredKey(String id, String name, String prefix, byte[] sha256, List<String> providers, List<String> models,
                     Optional<Instant> expiresAt, boolean enabled, Origin origin, Instant createdAt, Optional<Instant> lastUsedAt) {
        this(id, name, prefix, sha256, providers, models, expiresAt, enabled, origin, createdAt, lastUsedAt, KeyLimits.NONE);
    }
}
