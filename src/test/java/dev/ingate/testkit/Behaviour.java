package dev.ingate.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link MockProvider} answers one request (via {@link MockProvider#enqueue}) or every
 * request (via {@link MockProvider#always}). Build with the static factories; any behaviour can
 * carry extra response headers with {@link #withHeader}.
 */
public sealed interface Behaviour {

    /** The provider's normal answer for the request (what an empty queue gives). */
    static Behaviour normal() {
        return Normal.INSTANCE;
    }

    /** Fail with any status and body (Content-Type application/json). Same as {@link #json}. */
    static Behaviour status(int status, String jsonBody) {
        return new Json(status, jsonBody);
    }

    /** 429 in the provider's own error envelope, with a {@code retry-after: 1} header. */
    static Behaviour rateLimited() {
        return RateLimited.INSTANCE;
    }

    /** 500 (or any status) in the provider's own error envelope. */
    static Behaviour error(int status, String message) {
        return new ProviderError(status, message);
    }

    /** The normal answer, but only after {@code d} (a slow upstream). */
    static Behaviour delay(Duration d) {
        return new Delay(d);
    }

    /** The normal streaming answer, with {@code gap} between events (each written and flushed alone). */
    static Behaviour streamEvery(Duration gap) {
        return new StreamEvery(gap);
    }

    /** Read the request and never answer (until the client goes away). */
    static Behaviour hang() {
        return Hang.INSTANCE;
    }

    /** Read the request, then close the connection without any response bytes. */
    static Behaviour drop() {
        return Drop.INSTANCE;
    }

    /**
     * Send the status line, headers and the first {@code events} events of the normal streaming
     * answer, then close the connection mid-body. For a non-streamed answer: headers with the full
     * Content-Length, then half the body when {@code events > 0}, then close.
     */
    static Behaviour cutStreamAfter(int events) {
        if (events < 0) throw new IllegalArgumentException("events < 0");
        return new CutStreamAfter(events);
    }

    /** An exact answer, Content-Type application/json. */
    static Behaviour json(int status, String body) {
        return new Json(status, body);
    }

    /** Exact status, headers and body (no Content-Type added). */
    static Behaviour raw(int status, Map<String, String> headers, String body) {
        return new Raw(status, Map.copyOf(headers), body);
    }

    /**
     * Exact SSE events (each string one full event text including its trailing blank line),
     * Content-Type text/event-stream, each written and flushed alone, {@code gap} between them.
     */
    static Behaviour sse(List<String> eventsRaw, Duration gap) {
        return new Sse(List.copyOf(eventsRaw), gap);
    }

    /** This behaviour with one more response header (replacing a header of the same name). */
    default Behaviour withHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>();
        Behaviour base = this;
        if (this instanceof WithHeaders w) {
            headers.putAll(w.headers());
            base = w.base();
        }
        headers.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return new WithHeaders(base, headers);
    }

    enum Normal implements Behaviour { INSTANCE }

    enum RateLimited implements Behaviour { INSTANCE }

    enum Hang implements Behaviour { INSTANCE }

    enum Drop implements Behaviour { INSTANCE }

    record ProviderError(int status, String message) implements Behaviour {}

    record Delay(Duration delay) implements Behaviour {}

    record StreamEvery(Duration gap) implements Behaviour {}

    record CutStreamAfter(int events) implements Behaviour {}

    record Json(int status, String body) implements Behaviour {}

    record Raw(int status, Map<String, String> headers, String body) implements Behaviour {}

    record Sse(List<String> events, Duration gap) implements Behaviour {}

    record WithHeaders(Behaviour base, Map<String, String> headers) implements Behaviour {
        public WithHeaders {
            headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
    }
}
