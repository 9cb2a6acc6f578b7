package dev.ingate.pipeline;

import io.netty.util.AsciiString;
import io.vertx.core.http.HttpHeaders;

import java.nio.charset.StandardCharsets;

/**
 * Ingate's own response headers in the form Netty writes fastest. A header given as a {@code String} is encoded
 * one character at a time (some 2-3 ns each); an {@link AsciiString} is copied as bytes. A governed answer carries
 * a dozen of Ingate's headers, so names are prepared once and values made ASCII bytes in one copy.
 */
public final class WireHeaders {

    public static final CharSequence REQUEST_ID = HttpHeaders.createOptimized(Exchange.REQUEST_ID);
    public static final CharSequence SERVED_BY = HttpHeaders.createOptimized(Exchange.SERVED_BY);
    public static final CharSequence ATTEMPTS = HttpHeaders.createOptimized(Exchange.ATTEMPTS);
    public static final CharSequence OVERHEAD_MS = HttpHeaders.createOptimized(Exchange.OVERHEAD_MS);

    private WireHeaders() {
    }

    /** A value Ingate made that is ASCII by construction: a number, an id, a provider name (SPEC: [a-z0-9._-]). */
    public static CharSequence ascii(String value) {
        return new AsciiString(value.getBytes(StandardCharsets.US_ASCII), false);
    }

    public static CharSequence ascii(long value) {
        return ascii(Long.toString(value));
    }
}
