package dev.ingate.stream;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;

/**
 * Pushes an upstream response body to the caller as it arrives: whole events for SSE and NDJSON (one
 * write, so one flush, per arrival), raw chunks otherwise; with back-pressure both ways, and a cut when
 * the upstream stays silent longer than the idle timeout.
 */
public final class StreamRelay {

    /** What the caller of the relay learns at the end. */
    public interface Outcome {
        void completed();

        /** The upstream failed or fell silent mid-body; the caller's connection has been cut. */
        void cut(Throwable cause);
    }

    private final Vertx vertx;
    private final HttpClientResponse upstream;
    private final HttpServerResponse client;
    private final EventFramer framer;
    private final long idleTimeoutNanos;
    private final Outcome outcome;
    private long lastActivity;
    private long idleTimer = -1;
    private boolean finished;

    private StreamRelay(Vertx vertx, HttpClientResponse upstream, HttpServerResponse client, Framing framing,
                        long idleTimeoutMillis, Outcome outcome) {
        this.vertx = vertx;
        this.upstream = upstream;
        this.client = client;
        this.framer = framing == Framing.NONE ? null : new EventFramer(framing);
        this.idleTimeoutNanos = idleTimeoutMillis * 1_000_000L;
        this.outcome = outcome;
    }

    public static void start(Vertx vertx, HttpClientResponse upstream, HttpServerResponse client, Framing framing,
                             long idleTimeoutMillis, Outcome outcome) {
        new StreamRelay(vertx, upstream, client, framing, idleTimeoutMillis, outcome).run(idleTimeoutMillis);
    }

    private void run(long idleTimeoutMillis) {
        lastActivity = System.nanoTime();
        idleTimer = vertx.setTimer(idleTimeoutMillis, this::checkIdle);
        upstream.handler(this::onChunk);
        upstream.exceptionHandler(this::onUpstreamFailure);
        upstream.endHandler(v -> onEnd());
    }

    private void onChunk(Buffer chunk) {
        lastActivity = System.nanoTime();
        Buffer out = framer == null ? chunk : framer.push(chunk);
        if (out.length() == 0) {
            return;
        }
        client.write(out);
        if (client.writeQueueFull()) {
            upstream.pause();
            client.drainHandler(v -> upstream.resume());
        }
    }

    private void onEnd() {
        if (finish()) {
            if (framer != null) {
                Buffer rest = framer.remainder();
                if (rest.length() > 0) {
                    client.write(rest);
                }
            }
            client.end();
            outcome.completed();
        }
    }

    private void onUpstreamFailure(Throwable cause) {
        if (finish()) {
            client.reset();
            outcome.cut(cause);
        }
    }

    /** One timer per stream, re-armed only when it fires early: no timer churn per chunk. */
    private void checkIdle(long timerId) {
        if (finished) {
            return;
        }
        long silentFor = System.nanoTime() - lastActivity;
        if (silentFor >= idleTimeoutNanos) {
            if (finish()) {
                upstream.request().reset();
                client.reset();
                outcome.cut(new StreamIdleException(idleTimeoutNanos / 1_000_000L));
            }
            return;
        }
        idleTimer = vertx.setTimer(Math.max(1, (idleTimeoutNanos - silentFor) / 1_000_000L), this::checkIdle);
    }

    private boolean finish() {
        if (finished) {
            return false;
        }
        finished = true;
        vertx.cancelTimer(idleTimer);
        return true;
    }

    /** The stream idle timeout cut the stream. */
    public static final class StreamIdleException extends RuntimeException {
        StreamIdleException(long millis) {
            super("the upstream stream was silent for " + millis + " ms", null, false, false);
        }
    }
}
