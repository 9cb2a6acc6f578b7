package dev.ingate.dispatch;

import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.IngateError;
import dev.ingate.provider.Provider;
import dev.ingate.observe.Attributes;
import dev.ingate.observe.BodyCapture;
import dev.ingate.observe.OpenAiUsageStripper;
import dev.ingate.observe.StreamUsageRequest;
import dev.ingate.observe.usage.UsageExtractor;
import dev.ingate.observe.usage.UsageExtractors;
import dev.ingate.stream.Framing;
import dev.ingate.stream.StreamRelay;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.AsyncResult;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One attempt at one provider: connect, send the buffered request, wait for the response head (within
 * {@code upstream_timeout}), then relay the body. Cancelled at once if the caller goes away.
 */
final class UpstreamCall extends Deadlines.Watched implements StreamRelay.Outcome {

    private final UpstreamClients clients;
    private final Deadlines deadlines;
    private final Exchange ex;
    private final Provider provider;
    private final long upstreamTimeoutNanos;
    private final long idleTimeoutNanos;
    private HttpClientRequest request;
    private StreamRelay relay;
    private UsageExtractor usage = UsageExtractors.none();
    /** Null unless recording.capture_bodies is on. */
    private BodyCapture capture;
    private long sentAt;
    private boolean headersReceived;
    private boolean done;

    UpstreamCall(UpstreamClients clients, Deadlines deadlines, Exchange ex, Provider provider) {
        this.clients = clients;
        this.deadlines = deadlines;
        this.ex = ex;
        this.provider = provider;
        this.upstreamTimeoutNanos = ex.state().server().upstreamTimeout().toNanos();
        this.idleTimeoutNanos = ex.state().server().streamIdleTimeout().toNanos();
    }

    void start() {
        ex.attemptStarted();
        ex.onClientGone(this::cancel);
        RequestOptions options = new RequestOptions()
                .setMethod(ex.request().method())
                .setHost(provider.address().host())
                .setPort(provider.address().port())
                .setSsl(provider.address().tls())
                .setURI(provider.upstreamUri(ex.request().path(), ex.request().query()))
                .setHeaders(UpstreamHeaders.build(ex, provider, ex.body().length()))
                .setFollowRedirects(false);
        sentAt = System.nanoTime();
        deadlines.watch(this);
        clients.forAddress(provider.address()).request(options).onComplete(this::connected);
    }

    private void connected(AsyncResult<HttpClientRequest> connection) {
        if (connection.failed()) {
            failed(connection.cause());
            return;
        }
        request = connection.result();
        if (done) {
            request.reset();
            return;
        }
        request.response().onComplete(this::responded);
        if (ex.body().length() > 0) {
            request.end(ex.body());
        } else {
            request.end();
        }
    }

    private void responded(AsyncResult<HttpClientResponse> result) {
        if (result.failed()) {
            failed(result.cause());
            return;
        }
        if (done) {
            return;
        }
        headersReceived = true;
        long now = System.nanoTime();
        ex.addUpstreamNanos(now - sentAt);
        HttpClientResponse upstream = result.result();
        HttpServerResponse client = ex.response();
        client.setStatusCode(upstream.statusCode());
        copyResponseHeaders(upstream, client);
        client.headers()
                .set(Exchange.REQUEST_ID, ex.id())
                .set(Exchange.SERVED_BY, provider.name())
                .set(Exchange.ATTEMPTS, String.valueOf(ex.attempts()))
                .set(Exchange.OVERHEAD_MS, Exchange.formatMillis(ex.overheadAtResponse(now)));
        if (!client.headers().contains(HttpHeaders.CONTENT_LENGTH) && mayHaveBody(upstream.statusCode())) {
            client.setChunked(true);
        }
        Framing framing = Framing.ofContentType(upstream.getHeader(HttpHeaders.CONTENT_TYPE));
        usage = UsageExtractors.forResponse(ex.request().path(), upstream.getHeader(HttpHeaders.CONTENT_TYPE),
                upstream.getHeader(HttpHeaders.CONTENT_ENCODING));
        capture = ex.attribute(Attributes.BODIES);
        if (capture != null) {
            capture.responseStarted(upstream.getHeader(HttpHeaders.CONTENT_ENCODING));
        }
        relay = StreamRelay.start(upstream, client, framing, this, this::sawBytes);
        if (framing == Framing.SSE && Boolean.TRUE.equals(ex.attribute(StreamUsageRequest.STRIP_USAGE))
                && upstream.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            relay.rewrite(new OpenAiUsageStripper());
        }
    }

    /** Usage is read on the side of what the client gets; the first generated token is timed here. */
    private void sawBytes(io.vertx.core.buffer.Buffer bytes) {
        usage.onChunk(bytes);
        if (capture != null) {
            capture.responseChunk(bytes);
        }
        if (ex.firstTokenNanos() == 0 && usage.sawFirstToken()) {
            ex.firstToken(System.nanoTime());
        }
    }

    /** Before the response head: the upstream timeout; after it: the stream idle timeout. */
    @Override
    void checkDeadline(long now) {
        if (!headersReceived) {
            if (now - sentAt >= upstreamTimeoutNanos) {
                timedOut();
            }
        } else if (relay != null) {
            long silent = now - relay.lastActivityNanos();
            if (silent >= idleTimeoutNanos) {
                relay.cutIdle(silent / 1_000_000L);
            }
        }
    }

    private boolean mayHaveBody(int status) {
        return status >= 200 && status != 204 && status != 304 && ex.request().method() != io.vertx.core.http.HttpMethod.HEAD;
    }

    private static void copyResponseHeaders(HttpClientResponse upstream, HttpServerResponse client) {
        Set<String> connectionListed = HopByHop.listedInConnection(upstream.headers());
        for (Map.Entry<String, String> header : upstream.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HopByHop.isHopByHop(name) && !connectionListed.contains(name)) {
                client.headers().add(header.getKey(), header.getValue());
            }
        }
    }

    private void timedOut() {
        if (done || headersReceived) {
            return;
        }
        end();
        if (request != null) {
            request.reset();
        }
        ex.fail(IngateError.upstreamTimeout(provider.name()));
    }

    private void failed(Throwable cause) {
        if (done) {
            return;
        }
        end();
        if (cause instanceof ConnectTimeoutException) {
            ex.fail(IngateError.upstreamTimeout(provider.name()));
        } else {
            ex.fail(IngateError.upstreamUnreachable(provider.name(), describe(cause)));
        }
    }

    /** The caller went away: stop the upstream call now, whatever stage it is in. */
    private void cancel() {
        end();
        if (request != null) {
            request.reset();
        }
    }

    @Override
    public void completed() {
        end();
        ex.attribute(Attributes.USAGE, usage.finish());
        ex.finish(ex.response().getStatusCode(), null);
    }

    @Override
    public void cut(Throwable cause) {
        end();
        ex.attribute(Attributes.USAGE, usage.finish());
        ex.finish(ex.response().getStatusCode(), "the upstream stream was cut: " + describe(cause));
    }

    private void end() {
        done = true;
        deadlines.unwatch(this);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
