package dev.ingate.dispatch;

import dev.ingate.observe.usage.UsageFacts;
import dev.ingate.pipeline.AttributeKey;
import dev.ingate.provider.Provider;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * Sees the answer exactly as the client gets it (after translation or usage stripping), for a concern that keeps a
 * copy: the response cache. Left on the exchange under {@link #KEY} before dispatch; the relayed attempt calls
 * {@link #started} once with the client's head, then, if that said yes, every client-bound buffer and one of
 * {@link #completed} or {@link #cut}. An attempt that is not relayed (one the fallback chain moved past) is never
 * shown. A client that leaves mid-answer ends neither: the tap is simply dropped. Event loop only; must not block.
 */
public interface AnswerTap {

    AttributeKey<AnswerTap> KEY = new AttributeKey<>("answer-tap");

    /**
     * @param status   the status the client gets
     * @param headers  the client's response headers as they go out (content type already the client's)
     * @param servedBy the provider whose answer this is
     * @return whether to see the body at all
     */
    boolean started(int status, MultiMap headers, Provider servedBy);

    /** The next client-bound bytes; not to be kept by reference (the relay may reuse nothing, but copy anyway). */
    void chunk(Buffer clientBytes);

    /** The answer went out whole; {@code usage} is what the upstream's own bytes said. */
    void completed(UsageFacts usage);

    /** The answer did not end as it should (upstream failure or idle cut). */
    void cut();
}
