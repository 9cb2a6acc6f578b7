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

    /** A key without rate limits or budget of its own. */
    public StoredKey(String id, String name, String prefix, byte[] sha256, List<String> providers, List<String> models,
                     Optional<Instant> expiresAt, boolean enabled, Origin origin, Instant createdAt, Optional<Instant> lastUsedAt) {
        this(id, name, prefix, sha256, providers, models, expiresAt, enabled, origin, createdAt, lastUsedAt, KeyLimits.NONE);
    }
}
