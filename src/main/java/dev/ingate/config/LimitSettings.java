package dev.ingate.config;

import java.util.Map;

/**
 * The config file's {@code limits:}: requests and tokens per minute for every key that sets none of its own, and
 * per provider (all keys together). 0 means no limit.
 */
public record LimitSettings(long rpm, long tpm, Map<String, Rate> providers) {

    public static final LimitSettings NONE = new LimitSettings(0, 0, Map.of());

    /** One provider's limits, shared by every key that uses it. */
    public record Rate(long rpm, long tpm) {
    }

    public LimitSettings {
        providers = Map.copyOf(providers);
    }
}
