package dev.ingate.observe.usage;

import io.vertx.core.buffer.Buffer;

/**
 * Reads usage on the side of a response on its way to the caller. It is handed the very buffers the relay
 * writes, in order, and keeps only a few numbers and a little state: it never holds a streamed body whole.
 *
 * <p>No method ever throws: a usage bug must never break relaying. One extractor per response, used on one
 * thread (the exchange's event loop).
 */
public interface UsageExtractor {

    /** The next bytes of the response body, as written to the caller. Ignored after {@link #finish()}. */
    void onChunk(Buffer bytes);

    /**
     * Whether the stream has carried its first generated content (text, thinking or a tool call) so far: the
     * caller checks it after each {@link #onChunk} and takes the time when it turns true. Always false for a
     * non-streamed body.
     */
    boolean sawFirstToken();

    /** The body ended (or was cut): what it said. Calling it again returns the same facts. */
    UsageFacts finish();
}
