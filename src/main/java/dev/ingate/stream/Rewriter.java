package dev.ingate.stream;

import io.vertx.core.buffer.Buffer;

/**
 * Changes what a relayed body looks like to the client: whole events in (whole chunks when unframed), what to
 * send out instead (possibly nothing yet), and at the end whatever is still owed. A translation that needs the
 * whole body answers nothing until {@link #finish()}.
 */
public interface Rewriter {

    Rewriter IDENTITY = events -> events;

    Buffer apply(Buffer events);

    /** True when it answers only at the end, whole, with its own Content-Length (so the answer is not chunked). */
    default boolean answersWhole() {
        return false;
    }

    /** The upstream ended: the last bytes to send. */
    default Buffer finish() {
        return Buffer.buffer(0);
    }
}
