package dev.ingate.config;

import java.time.Duration;

/**
 * {@code cache:} — the response cache. Off by default: a cached answer is an old answer, which a team has to want.
 * A request can still turn it on for itself with {@code X-Ingate-Cache-Ttl}, within the same byte bounds.
 *
 * @param enabled       every cacheable request is looked up and stored (else only those that send the TTL header)
 * @param ttl           how long a stored answer is served when the request names no TTL of its own
 * @param maxSizeBytes  the in-memory store's bound, counted in bytes of stored answers (not entries)
 * @param maxEntryBytes an answer larger than this is not stored (it is still relayed whole, of course)
 * @param shared        {@code scope: global}: one cache for every gateway key; the default {@code key} keeps each
 *                      key's answers to itself, so one team never reads another's
 */
public record CacheSettings(boolean enabled, Duration ttl, long maxSizeBytes, long maxEntryBytes, boolean shared) {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    public static final long DEFAULT_MAX_SIZE = 256L * 1024 * 1024;
    public static final long DEFAULT_MAX_ENTRY = 4L * 1024 * 1024;

    public static CacheSettings defaults() {
        return new CacheSettings(false, DEFAULT_TTL, DEFAULT_MAX_SIZE, DEFAULT_MAX_ENTRY, false);
    }
}
