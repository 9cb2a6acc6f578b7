package dev.ingate.keys;

import dev.ingate.config.KeyLimits;
import dev.ingate.glob.Globs;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A gateway key as Ingate holds it: its hash and scope, never the secret. An empty provider or model
 * list means no restriction.
 */
public record GatewayKey(String id, String name, byte[] hash, List<String> providers, List<Pattern> modelGlobs,
                         long expiresAtMillis, LastUse lastUse, KeyLimits limits) {

    /** Every gateway key starts so; it is how a key is told apart from a provider key in the same header. */
    public static final String SECRET_PREFIX = "sk-ingate-";

    /** A key that never expires. */
    public static GatewayKey of(String id, String name, byte[] hash, List<String> providers, List<String> modelGlobs) {
        return of(id, name, hash, providers, modelGlobs, Long.MAX_VALUE);
    }

    public static GatewayKey of(String id, String name, byte[] hash, List<String> providers, List<String> modelGlobs, long expiresAtMillis) {
        return of(id, name, hash, providers, modelGlobs, expiresAtMillis, KeyLimits.NONE);
    }

    public static GatewayKey of(String id, String name, byte[] hash, List<String> providers, List<String> modelGlobs, long expiresAtMillis,
                                KeyLimits limits) {
        return new GatewayKey(id, name, hash.clone(), List.copyOf(providers),
                modelGlobs.stream().map(glob -> Globs.compile(glob, false)).toList(), expiresAtMillis, new LastUse(), limits);
    }

    public boolean expiredAt(long nowMillis) {
        return nowMillis >= expiresAtMillis;
    }

    /**
     * When the key was last used, kept in memory and written to the store in batches. Written at most
     * once a second per key, so the requests of several event loops do not fight over one cache line.
     */
    public static final class LastUse {
        private static final long RESOLUTION_MILLIS = 1000;
        private volatile long millis;

        public void record(long nowMillis) {
            if (nowMillis - millis >= RESOLUTION_MILLIS) {
                millis = nowMillis;
            }
        }

        public long millis() {
            return millis;
        }
    }

    public boolean allowsProvider(String provider) {
        return providers.isEmpty() || providers.contains(provider);
    }

    /** A request without a model (GET /v1/models, say) is not restricted by model scope. */
    public boolean allowsModel(String model) {
        if (modelGlobs.isEmpty() || model == null) {
            return true;
        }
        for (Pattern glob : modelGlobs) {
            if (glob.matcher(model).matches()) {
                return true;
            }
        }
        return false;
    }
}
