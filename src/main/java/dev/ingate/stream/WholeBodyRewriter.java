package dev.ingate.stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * A rewrite that needs the whole answer (a translation, a merged list): it collects the body, sends nothing
 * before the end, then answers with what {@link #render} makes of it and its own Content-Length. Since nothing
 * has reached the client before the end, {@code render} may still change the status.
 */
public abstract class WholeBodyRewriter implements Rewriter {

    /** Answers are kilobytes; this only stops a misbehaving upstream from filling the heap. */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private final HttpServerResponse client;
    private final Buffer collected = Buffer.buffer();
    private boolean overflow;

    protected WholeBodyRewriter(HttpServerResponse client) {
        this.client = client;
    }

    /** The bytes to send instead; {@code overflow} says the body passed {@link #MAX_BODY_BYTES} and was cut there. */
    protected abstract Buffer render(Buffer body, boolean overflow, HttpServerResponse client);

    /** Sees what is sent, once, at the end. */
    protected void sent(Buffer out) {
    }

    @Override
    public final Buffer apply(Buffer chunk) {
        if (!overflow) {
            if (collected.length() + chunk.length() > MAX_BODY_BYTES) {
                overflow = true;
            } else {
                collected.appendBuffer(chunk);
            }
        }
        return Buffer.buffer(0);
    }

    @Override
    public final boolean answersWhole() {
        return true;
    }

    @Override
    public final Buffer finish() {
        Buffer out = render(collected, overflow, client);
        client.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(out.length()));
        sent(out);
        return out;
    }
}
