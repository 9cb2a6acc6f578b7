package dev.ingate.cache;

import io.vertx.core.http.HttpHeaders;

/** SPEC section 3's {@code X-Ingate-Cache} values, also the request record's {@code cache} field. */
public final class CacheStatus {

    public static final String HEADER = "X-Ingate-Cache";
    /** {@link #HEADER} as Netty writes it fastest ({@link dev.ingate.pipeline.WireHeaders}). */
    static final CharSequence WIRE_HEADER = HttpHeaders.createOptimized(HEADER);
    /** Served from the cache; no provider was called. */
    public static final String HIT = "HIT";
    /** Looked up, not found: went upstream (and the answer is stored when it can be). */
    public static final String MISS = "MISS";
    /** The client opted out with {@code Cache-Control: no-cache} or {@code no-store}. */
    public static final String BYPASS = "BYPASS";

    private CacheStatus() {
    }
}
