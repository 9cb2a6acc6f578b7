package dev.ingate.cache;

import dev.ingate.config.CacheSettings;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.util.Locale;

/**
 * What one request asks of the cache, from the config and its headers: {@code X-Ingate-Cache-Ttl: <seconds>} turns
 * caching on for it (even with {@code cache.enabled: false}) with that lifetime; {@code Cache-Control: no-cache}
 * skips the lookup but stores the fresh answer (a refresh); {@code no-store} neither reads nor stores.
 *
 * @param read  look the answer up
 * @param store keep the fresh answer
 */
record CacheControl(boolean read, boolean store, Duration ttl) {

    static final String TTL_HEADER = "X-Ingate-Cache-Ttl";
    /** Looked up on every request: a prepared name is not hashed again each time. */
    private static final CharSequence TTL_NAME = HttpHeaders.createOptimized(TTL_HEADER);

    /** The cache is not in play for this request: no lookup, no store, no X-Ingate-Cache header. */
    static final CacheControl OFF = new CacheControl(false, false, Duration.ZERO);

    /** The client opted out ({@code BYPASS}), reading or both. */
    boolean bypass() {
        return !read;
    }

    static CacheControl of(HttpServerRequest request, CacheSettings settings) {
        Duration ttl = ttlHeader(request.getHeader(TTL_NAME));
        if (ttl == null) {
            if (!settings.enabled()) {
                return OFF;
            }
            ttl = settings.ttl();
        }
        String cacheControl = request.getHeader(HttpHeaders.CACHE_CONTROL);
        if (cacheControl == null) {
            return new CacheControl(true, true, ttl);
        }
        boolean noCache = false;
        boolean noStore = false;
        for (String directive : cacheControl.split(",")) {
            String d = directive.strip().toLowerCase(Locale.ROOT);
            noStore |= d.equals("no-store");
            noCache |= d.equals("no-cache");
        }
        if (noStore) {
            return new CacheControl(false, false, ttl);
        }
        return new CacheControl(!noCache, true, ttl);
    }

    /** A positive whole number of seconds; anything else is not a TTL and is ignored. */
    private static Duration ttlHeader(String value) {
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds > 0 && seconds <= Integer.MAX_VALUE ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
