package dev.ingate.stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;

/**
 * Pushes an upstream response body to the caller as it arrives: whole events for SSE and NDJSON (one
 * write, so one flush, per arrival), raw chunks otherwise; with back-pressure both ways. Whoever
 * watches the clock reads {@link #lastActivityNanos()} and calls {@link #cutIdle} when it is too old.
 */
public final class StreamRelay {

    /** What the caller of the relay learns at the end. */
    public interface Outcome {
        void completed();

        /** The upstream failed or fell silent mid-body; the caller's connection has been cut. */
        void cut(Throwable cause);
    }

    private final HttpClientResponse upstream;
    private final HttpServerResponse client;
    private final EventFramer framer;
    private final Outcome outcome;
    private final java.util.function.Consumer<Buffer> tap;
    private Rewriter rewrite = Rewriter.IDENTITY;
    private long lastActivity;
    private boolean finished;

    private StreamRelay(HttpClientResponse upstream, HttpServerResponse client, Framing framing, Outcome outcome,
                        java.util.function.Consumer<Buffer> tap) {
        this.upstream = upstream;
        this.client = client;
        this.framer = framing == Framing.NONE ? null : new EventFramer(framing);
        this.outcome = outcome;
        this.tap = tap;
    }

    /** @param tap sees every buffer written to the client, after it is written (usage reading on the side) */
    public static StreamRelay start(HttpClientResponse upstream, HttpServerResponse client, Framing framing, Outcome outcome,
                                    java.util.function.Consumer<Buffer> tap) {
        StreamRelay relay = new StreamRelay(upstream, client, framing, outcome, tap);
        relay.lastActivity = System.nanoTime();
        upstream.handler(relay::onChunk);
        upstream.exceptionHandler(relay::onUpstreamFailure);
        upstream.endHandler(v -> relay.onEnd());
        return relay;
    }

    /** Changes what the client gets (the tap still sees the upstream's events); whole events in, whole events out. */
    public StreamRelay rewrite(Rewriter rewrite) {
        this.rewrite = rewrite;
        return this;
    }

    public long lastActivityNanos() {
        return lastActivity;
    }

    /** The upstream stayed silent too long: cut both sides. */
    public void cutIdle(long silentMillis) {
        if (finish()) {
            upstream.request().reset();
            client.reset();
            outcome.cut(new StreamIdleException(silentMillis));
        }
    }

    private void onChunk(Buffer chunk) {
        lastActivity = System.nanoTime();
        Buffer out = framer == null ? chunk : framer.push(chunk);
        if (out.length() == 0) {
            return;
        }
        Buffer toClient = rewrite.apply(out);
        if (toClient.length() > 0) {
            client.write(toClient);
        }
        tap.accept(out);
        if (client.writeQueueFull()) {
            upstream.pause();
            client.drainHandler(v -> upstream.resume());
        }
    }

    private void onEnd() {
        if (finish()) {
            Buffer rest = framer == null ? null : framer.remainder();
            Buffer last = rest != null && rest.length() > 0 ? rewrite.apply(rest) : null;
            Buffer owed = rewrite.finish();
            if (owed.length() > 0) {
                last = last == null ? owed : last.copy().appendBuffer(owed);
            }
            if (last != null && last.length() > 0) {
                client.end(last);
            } else {
                client.end();
            }
            if (rest != null && rest.length() > 0) {
                tap.accept(rest);
            }
            outcome.completed();
        }
    }

    private void onUpstreamFailure(Throwable cause) {
        if (finish()) {
            client.reset();
            outcome.cut(cause);
        }
    }

    private boolean finish() {
        if (finished) {
            return false;
        }
        finished = true;
        return true;
    }

    /** The stream idle timeout cut the stream. */
    public static final class StreamIdleException extends RuntimeException {
        StreamIdleException(long millis) {
            super("the upstream stream was silent for " + millis + " ms", null, false, false);
        }
    }
}
