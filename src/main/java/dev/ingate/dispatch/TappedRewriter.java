package dev.ingate.dispatch;

import dev.ingate.stream.Rewriter;
import io.vertx.core.buffer.Buffer;

/** Whatever a rewriter hands the client, also shown to an {@link AnswerTap}: the one place client bytes pass. */
final class TappedRewriter implements Rewriter {

    private final Rewriter inner;
    private final AnswerTap tap;

    TappedRewriter(Rewriter inner, AnswerTap tap) {
        this.inner = inner;
        this.tap = tap;
    }

    @Override
    public Buffer apply(Buffer events) {
        Buffer out = inner.apply(events);
        if (out.length() > 0) {
            tap.chunk(out);
        }
        return out;
    }

    @Override
    public boolean answersWhole() {
        return inner.answersWhole();
    }

    @Override
    public Buffer finish() {
        Buffer out = inner.finish();
        if (out.length() > 0) {
            tap.chunk(out);
        }
        return out;
    }
}
