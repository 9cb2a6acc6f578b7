package dev.ingate.dispatch;

import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.IngateError;
import dev.ingate.pipeline.WireHeaders;
import dev.ingate.provider.Provider;
import dev.ingate.observe.Attributes;
import dev.ingate.observe.BodyCapture;
import dev.ingate.observe.OpenAiUsageStripper;
import dev.ingate.observe.StreamUsageRequest;
import dev.ingate.stream.ChainedRewriter;
import dev.ingate.stream.Rewriter;
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
 * One attempt at one provider: connect, send the prepared request, wait for the response head (within
 * {@code upstream_timeout}), then either drop it (a retryable failure the owner will try elsewhere) or relay
 * the body, translated when the request was. Cancelled at once if the caller goes away.
 */
final class UpstreamCall extends Deadlines.Watched implements StreamRelay.Outcome {

    static final String DROPPED_PARAMS = "X-Ingate-Dropped-Params";

    private final UpstreamClients clients;
    private final Deadlines deadlines;
    private final Exchange ex;
    private final Provider provider;
    private final PreparedRequest prepared;
    private final AttemptOwner owner;
    private final long upstreamTimeoutNanos;
    private final long idleTimeoutNanos;
    private HttpClientRequest request;
    private StreamRelay relay;
    private UsageExtractor usage = UsageExtractors.none();
    /** Null unless recording.capture_bodies is on. */
    private BodyCapture capture;
    /** Null unless a concern (the response cache) wants the client-bound answer. */
    private AnswerTap tap;
    private long sentAt;
    private boolean headersReceived;
    private boolean done;

    UpstreamCall(UpstreamClients clients, Deadlines deadlines, Exchange ex, Provider provider, PreparedRequest prepared,
                 AttemptOwner owner) {
        this.clients = clients;
        this.deadlines = deadlines;
        this.ex = ex;
        this.provider = provider;
        this.prepared = prepared;
        this.owner = owner;
        this.upstreamTimeoutNanos = ex.state().server().upstreamTimeout().toNanos();
        this.idleTimeoutNanos = ex.state().server().streamIdleTimeout().toNanos();
    }

    void start() {
        ex.attemptStarted();
        RequestOptions options = new RequestOptions()
                .setMethod(ex.request().method())
                .setHost(provider.address().host())
                .setPort(provider.address().port())
                .setSsl(provider.address().tls())
                .setURI(provider.upstreamUri(prepared.path(), prepared.query() != null ? prepared.query() : ex.request().query()))
                .setHeaders(UpstreamHeaders.build(ex, provider, prepared.body().length(), prepared.translated()))
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
        if (prepared.body().length() > 0) {
            request.end(prepared.body());
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
        HttpClientResponse upstream = result.result();
        int status = upstream.statusCode();
        if (RetryPolicy.retryableStatus(status) && owner.moveOn(status, upstream.getHeader("retry-after"))) {
            end();
            request.reset();
            return;
        }
        headersReceived = true;
        long now = System.nanoTime();
        ex.addUpstreamNanos(now - sentAt);
        owner.answered(status, now - sentAt);
        HttpServerResponse client = ex.response();
        client.setStatusCode(status);
        copyResponseHeaders(upstream, client, prepared.translated());
        client.headers()
                .set(WireHeaders.REQUEST_ID, WireHeaders.ascii(ex.id()))
                .set(WireHeaders.SERVED_BY, WireHeaders.ascii(provider.name()))
                .set(WireHeaders.ATTEMPTS, WireHeaders.ascii(ex.attempts()))
                .set(WireHeaders.OVERHEAD_MS, WireHeaders.ascii(Exchange.formatMillis(ex.overheadAtResponse(now))));
        if (!prepared.droppedParams().isEmpty()) {
            client.headers().set(DROPPED_PARAMS, String.join(", ", prepared.droppedParams()));
        }
        Framing framing = Framing.ofContentType(upstream.getHeader(HttpHeaders.CONTENT_TYPE));
        // Usage is read from the upstream's own bytes: their shape is the called path's, translated or not.
        usage = UsageExtractors.forResponse(prepared.path(), upstream.getHeader(HttpHeaders.CONTENT_TYPE),
                upstream.getHeader(HttpHeaders.CONTENT_ENCODING));
        capture = ex.attribute(Attributes.BODIES);
        if (capture != null) {
            capture.responseStarted(prepared.translated() ? null : upstream.getHeader(HttpHeaders.CONTENT_ENCODING));
        }
        Rewriter base = baseRewriterFor(prepared, framing, status, client);
        Rewriter rewriter = withAnswerRewrite(base, status, client);
        if (base instanceof StreamTranslation || !prepared.translated() && !rewriter.answersWhole()
                && !client.headers().contains(HttpHeaders.CONTENT_LENGTH) && mayHaveBody(status)) {
            client.setChunked(true);
        }
        tap = ex.attribute(AnswerTap.KEY);
        if (tap != null && !tap.started(status, client.headers(), provider)) {
            tap = null;
        }
        if (tap != null) {
            rewriter = new TappedRewriter(rewriter, tap);
        }
        relay = StreamRelay.start(upstream, client, framing, this, this::sawBytes);
        relay.rewrite(rewriter);
    }

    /** What the client gets instead of the upstream's bytes: a translation, the usage stripper, or the bytes. */
    private Rewriter baseRewriterFor(PreparedRequest prepared, Framing framing, int status, HttpServerResponse client) {
        if (prepared.translated()) {
            Translation translation = prepared.translation();
            if (framing != Framing.NONE && status < 400) {
                client.headers().set(HttpHeaders.CONTENT_TYPE, translation.caller().streamContentType());
                return new StreamTranslation(translation, framing, this::sawClientBytes);
            }
            client.headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
            return new BodyTranslation(translation, client, provider.name(), this::sawClientBytes);
        }
        if (framing == Framing.SSE && Boolean.TRUE.equals(ex.attribute(StreamUsageRequest.STRIP_USAGE))
                && client.headers().get(HttpHeaders.CONTENT_LENGTH) == null) {
            return new OpenAiUsageStripper();
        }
        return Rewriter.IDENTITY;
    }

    /**
     * A concern's own rewrite (the model list, output guardrails) runs after the base one, so it sees the answer in
     * the caller's shape, translated or not.
     */
    private Rewriter withAnswerRewrite(Rewriter base, int status, HttpServerResponse client) {
        AnswerRewrite rewrite = ex.attribute(AnswerRewrite.KEY);
        Rewriter custom = rewrite == null ? null : rewrite.rewriterFor(status, client.headers().get(HttpHeaders.CONTENT_TYPE), client);
        return custom == null ? base : ChainedRewriter.of(base, custom);
    }

    /** A translated answer is captured as the client got it; an untranslated one below, as it passes. */
    private void sawClientBytes(io.vertx.core.buffer.Buffer bytes) {
        if (capture != null) {
            capture.responseChunk(bytes);
        }
    }

    /** Usage is read on the side of what the client gets; the first generated token is timed here. */
    private void sawBytes(io.vertx.core.buffer.Buffer bytes) {
        usage.onChunk(bytes);
        if (capture != null && !prepared.translated()) {
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

    /** A translated answer gets new bytes: the upstream's content headers describe bytes the client won't see. */
    private static void copyResponseHeaders(HttpClientResponse upstream, HttpServerResponse client, boolean translated) {
        Set<String> connectionListed = HopByHop.listedInConnection(upstream.headers());
        for (Map.Entry<String, String> header : upstream.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (translated && name.startsWith("content-")) {
                continue;
            }
            if (name.startsWith("x-ratelimit-") && client.headers().contains(name)) {
                continue;   // Ingate's own limits (set before dispatch) are the caller's; the provider's are Ingate's
            }
            if (!HopByHop.isHopByHop(name) && !connectionListed.contains(name)) {
                client.headers().add(WireHeaders.ascii(header.getKey()), WireHeaders.ascii(header.getValue()));
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
        owner.failed(IngateError.upstreamTimeout(provider.name()));
    }

    private void failed(Throwable cause) {
        if (done) {
            return;
        }
        end();
        if (cause instanceof ConnectTimeoutException) {
            owner.failed(IngateError.upstreamTimeout(provider.name()));
        } else {
            owner.failed(IngateError.upstreamUnreachable(provider.name(), describe(cause)));
        }
    }

    /** The caller went away: stop the upstream call now, whatever stage it is in. */
    void cancel() {
        end();
        if (request != null) {
            request.reset();
        }
    }

    @Override
    public void completed() {
        end();
        ex.attribute(Attributes.USAGE, usage.finish());
        if (tap != null) {
            tap.completed(ex.attribute(Attributes.USAGE));
        }
        ex.finish(ex.response().getStatusCode(), null);
    }

    @Override
    public void cut(Throwable cause) {
        end();
        ex.attribute(Attributes.USAGE, usage.finish());
        if (tap != null) {
            tap.cut();
        }
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
