package dev.ingate.stream;

import java.util.Locale;

/** How a response body divides into events: SSE (blank line), NDJSON (newline), or not at all. */
public enum Framing {
    NONE, SSE, NDJSON;

    public static Framing ofContentType(String contentType) {
        if (contentType == null) {
            return NONE;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/event-stream")) {
            return SSE;
        }
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/ndjson") || type.startsWith("application/jsonl")
                || type.startsWith("application/json-seq") || type.startsWith("application/stream+json")) {
            return NDJSON;
        }
        return NONE;
    }
}
