package dev.ingate.cache;

import dev.ingate.observe.usage.UsageFacts;

/**
 * One stored answer: what the client received for a 200 (its content type and the exact client-bound bytes, a JSON
 * body or a stream's SSE / NDJSON frames) and who produced it, so a hit can be recorded like the original answer.
 *
 * @param servedBy    the provider that answered originally (a fallback's, when one served it)
 * @param servedShape that provider's type ({@code openai}, {@code anthropic}, …), for its price
 * @param usage       what the upstream's own bytes said about tokens; kept here rather than re-read from the stored
 *                    bytes, because what the client got may not carry it (an OpenAI stream whose usage chunk Ingate
 *                    asked for and took back out)
 */
public record CachedAnswer(String contentType, byte[] body, String servedBy, String servedShape, UsageFacts usage) {

    /** Roughly what the entry holds in memory: the bytes plus the object and strings around them. */
    int weight() {
        long strings = length(contentType) + length(servedBy) + length(servedShape) + length(usage.model()) + length(usage.responseId());
        return (int) Math.min(Integer.MAX_VALUE, body.length + 2 * strings + 256);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
