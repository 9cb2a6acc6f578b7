package dev.ingate.stream;

import io.vertx.core.buffer.Buffer;

/**
 * Two rewrites one after the other: what the first sends out is what the second gets (a translation, then the
 * output guardrails on the caller's shape). At the end the first's last bytes go through the second before the
 * second finishes.
 */
public final class ChainedRewriter implements Rewriter {

    private final Rewriter first;
    private final Rewriter second;

    private ChainedRewriter(Rewriter first, Rewriter second) {
        this.first = first;
        this.second = second;
    }

    /** The identity drops out, so a single rewrite stays itself. */
    public static Rewriter of(Rewriter first, Rewriter second) {
        if (first == IDENTITY) {
            return second;
        }
        return second == IDENTITY ? first : new ChainedRewriter(first, second);
    }

    @Override
    public Buffer apply(Buffer events) {
        Buffer between = first.apply(events);
        return between.length() == 0 ? between : second.apply(between);
    }

    @Override
    public boolean answersWhole() {
        return first.answersWhole() || second.answersWhole();
    }

    @Override
    public Buffer finish() {
        Buffer last = first.finish();
        Buffer out = last.length() == 0 ? Buffer.buffer() : second.apply(last).copy();
        return out.appendBuffer(second.finish());
    }
}
