package dev.ingate.dispatch;

import dev.ingate.pipeline.IngateError;

/** What an attempt reports to the run that started it; the run decides whether the client sees it. */
interface AttemptOwner {

    /**
     * A retryable answer's head arrived. True when another attempt follows (this one is then dropped unseen);
     * false when this answer is the last word and goes to the client.
     */
    boolean moveOn(int status, String retryAfter);

    /** An answer that goes to the client arrived, {@code nanos} after the request was sent. */
    void answered(int status, long nanos);

    /** No answer at all (connect failure, timeout before the head, reset). */
    void failed(IngateError error);
}
