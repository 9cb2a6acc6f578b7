package dev.ingate.pipeline;

import io.netty.util.AsciiString;
import io.vertx.core.http.HttpHeaders;

import java.nio.charset.StandardCharsets;

/**
 * Ingate's own response headers in the form Netty writes fastest. A header given as a {@code String} is encoded
 * one character at a time (some 2-3 ns each); an {@link AsciiString} is copied as bytes. An answer carries a dozen
 * headers of Ingate's and the upstream's, so names are prepared once and values made bytes in one copy.
 */
public final class WireHeaders {

    public static final CharSequence REQUEST_ID = HttpHeaders.createOptimized(Exchange.REQUEST_ID);
    public static final CharSequence SERVED_BY = HttpHeaders.createOptimized(Exchange.SERVED_BY);
    public static final CharSequence ATTEMPTS = HttpHeaders.createOptimized(Exchange.ATTEMPTS);
    public static final CharSequence OVERHEAD_MS = HttpHeaders.createOptimized(Exchange.OVERHEAD_MS);

    private WireHeaders() {
    }

    /**
     * The bytes Netty would write for {@code value}: one per char, Latin-1 (Ingate's own values are ASCII: numbers,
     * ids, provider names; a relayed upstream header keeps any obs-text byte it had).
     */
    public static CharSequence ascii(String value) {
        return new AsciiString(value.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    public static CharSequence ascii(long value) {
        return ascii(Long.toString(value));
    }
}
