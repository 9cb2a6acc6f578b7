package dev.ingate.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a mock sends back: status, headers and the body as parts. A streamed answer is sent with
 * chunked encoding, each part (one SSE event or NDJSON line) written and flushed on its own; a
 * plain answer is one part sent with a Content-Length.
 */
record Answer(int status, Map<String, String> headers, List<String> parts, boolean streamed) {

    static final String JSON = "application/json";
    static final String SSE = "text/event-stream; charset=utf-8";
    static final String NDJSON = "application/x-ndjson";

    Answer {
        headers = new LinkedHashMap<>(headers);
        parts = List.copyOf(parts);
    }

    static Answer json(int status, String body) {
        return new Answer(status, Map.of("content-type", JSON), List.of(body), false);
    }

    static Answer sse(List<String> events) {
        return new Answer(200, Map.of("content-type", SSE, "cache-control", "no-cache"), events, true);
    }

    static Answer ndjson(List<String> lines) {
        return new Answer(200, Map.of("content-type", NDJSON), lines, true);
    }

    Answer header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Answer(status, h, parts, streamed);
    }

    String body() {
        return String.join("", parts);
    }
}
