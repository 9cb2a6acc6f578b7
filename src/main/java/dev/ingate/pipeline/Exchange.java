package dev.ingate.pipeline;

import dev.ingate.keys.GatewayKey;
import dev.ingate.provider.ApiShape;
import dev.ingate.provider.Provider;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * One proxied request on its way through the pipeline: what the caller sent, what the interceptors
 * learned about it, and how to answer. Lives on one event loop; not thread-safe by design.
 */
public final class Exchange {

    public static final String REQUEST_ID = "X-Ingate-Request-Id";
    public static final String SERVED_BY = "X-Ingate-Served-By";
    public static final String ATTEMPTS = "X-Ingate-Attempts";
    public static final String OVERHEAD_MS = "X-Ingate-Overhead-Ms";

    private final String id;
    private final long startNanos;
    private final HttpServerRequest request;
    private final GatewayState state;
    private final ApiShape callerShape;

    private GatewayKey key;
    private String keyCarrierHeader;
    private Provider provider;
    private Buffer body;
    private String model;
    private boolean streamRequested;
    private String bodyUser;
    private int attempts;
    private long upstreamNanos;
    private boolean clientGone;
    private Runnable clientGoneHook;
    private final ExchangeObserver observer;
    private int status;
    private String error;
    private long finishedNanos;

    public Exchange(String id, long startNanos, HttpServerRequest request, GatewayState state, ExchangeObserver observer) {
        this.id = id;
        this.startNanos = startNanos;
        this.request = request;
        this.state = state;
        this.observer = observer;
        this.callerShape = ApiShape.ofIngressPath(request.path());
        request.response().closeHandler(v -> clientWentAway());
    }

    public String id() { return id; }
    public long startNanos() { return startNanos; }
    public HttpServerRequest request() { return request; }
    public HttpServerResponse response() { return request.response(); }
    public GatewayState state() { return state; }
    public ApiShape callerShape() { return callerShape; }

    public GatewayKey key() { return key; }
    /** The header (lower case) that carried the gateway key: it must not travel on. */
    public String keyCarrierHeader() { return keyCarrierHeader; }
    public void authenticated(GatewayKey key, String carrierHeader) {
        this.key = key;
        this.keyCarrierHeader = carrierHeader;
    }

    public Provider provider() { return provider; }
    public void provider(Provider provider) { this.provider = provider; }

    /** The whole request body; empty until the body interceptor has read it. */
    public Buffer body() { return body; }
    public void body(Buffer body) { this.body = body; }

    public String model() { return model; }
    public boolean streamRequested() { return streamRequested; }
    /** The end user the body names (OpenAI {@code user}, Anthropic {@code metadata.user_id}), else null. */
    public String bodyUser() { return bodyUser; }
    public void requestFacts(String model, boolean streamRequested, String bodyUser) {
        this.model = model;
        this.streamRequested = streamRequested;
        this.bodyUser = bodyUser;
    }

    public int attempts() { return attempts; }
    public void attemptStarted() { attempts++; }
    /** Time spent waiting on upstreams, so overhead can leave it out. */
    public void addUpstreamNanos(long nanos) { upstreamNanos += nanos; }

    /** Time spent inside Ingate so far, upstream waits excluded. */
    public long overheadNanos(long now) {
        return Math.max(0, now - startNanos - upstreamNanos);
    }

    private long overheadAtResponseNanos = -1;
    private long firstTokenNanos;
    private Object[] attributes;

    /** When a stream's first generated token went to the client (0: not yet, or not a stream). */
    public long firstTokenNanos() { return firstTokenNanos; }
    public void firstToken(long nanos) {
        if (firstTokenNanos == 0) {
            firstTokenNanos = nanos;
        }
    }

    /** A value another concern attached; null when absent. */
    @SuppressWarnings("unchecked")
    public <T> T attribute(AttributeKey<T> key) {
        int slot = key.slot();
        return attributes == null || slot >= attributes.length ? null : (T) attributes[slot];
    }

    public <T> void attribute(AttributeKey<T> key, T value) {
        int slot = key.slot();
        if (attributes == null || slot >= attributes.length) {   // keys are made once, in static fields: this grows rarely
            attributes = java.util.Arrays.copyOf(attributes == null ? new Object[0] : attributes,
                    Math.max(slot + 1, AttributeKey.created()));
        }
        attributes[slot] = value;
    }

    /** Notes Ingate's overhead as the answer's head goes out (what X-Ingate-Overhead-Ms says); -1 before. */
    public long overheadAtResponse(long now) {
        overheadAtResponseNanos = overheadNanos(now);
        return overheadAtResponseNanos;
    }

    public long overheadAtResponseNanos() { return overheadAtResponseNanos; }

    /** The overhead to report for a finished exchange: as the answer's head went out, else up to the finish. */
    public long reportedOverheadNanos() {
        return overheadAtResponseNanos >= 0 ? overheadAtResponseNanos : overheadNanos(finishedNanos());
    }

    public boolean clientGone() { return clientGone; }

    /** Called once if the caller disconnects before the answer ended: cancel upstream work at once. */
    public void onClientGone(Runnable hook) {
        this.clientGoneHook = hook;
    }

    private void clientWentAway() {
        if (clientGone) {
            return;
        }
        clientGone = true;
        finish(CLIENT_GONE, "the client went away");
        Runnable hook = clientGoneHook;
        if (hook != null) {
            clientGoneHook = null;
            hook.run();
        }
    }

    /** SPEC section 4: logged when the client disconnected before its answer was complete. */
    public static final int CLIENT_GONE = 499;

    /**
     * The exchange is over with this status (the upstream's, Ingate's own error, or 499); the first call
     * counts and tells the observer. {@code error} is null for an answer that went through whole.
     */
    public void finish(int status, String error) {
        if (finishedNanos != 0) {
            return;
        }
        finishedNanos = System.nanoTime();
        this.status = status;
        this.error = error;
        observer.finished(this);
    }

    public boolean finished() { return finishedNanos != 0; }
    public int status() { return status; }
    public String error() { return error; }
    public long finishedNanos() { return finishedNanos; }
    public long upstreamNanos() { return upstreamNanos; }

    /** Answers with an Ingate error in the caller's envelope, unless an answer has already begun. */
    public void fail(IngateError error) {
        fail(error, false);
    }

    /**
     * @param closeConnection also close the connection, for when the rest of the request body must
     *                        not be read (a body over the size limit)
     */
    public void fail(IngateError error, boolean closeConnection) {
        HttpServerResponse response = request.response();
        if (clientGone || response.ended()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            finish(response.getStatusCode(), error.message());
            return;
        }
        Buffer envelope = ErrorEnvelope.render(callerShape, error);
        response.setStatusCode(error.status());
        response.headers()
                .set(HttpHeaders.CONTENT_TYPE, "application/json")
                .set(HttpHeaders.CONTENT_LENGTH, String.valueOf(envelope.length()))
                .set(REQUEST_ID, id);
        if (attempts > 0 && provider != null) {
            response.headers()
                    .set(SERVED_BY, provider.name())
                    .set(ATTEMPTS, String.valueOf(attempts))
                    .set(OVERHEAD_MS, formatMillis(overheadAtResponse(System.nanoTime())));
        }
        if (closeConnection) {
            response.headers().set(HttpHeaders.CONNECTION, "close");
            response.end(envelope).onComplete(ar -> request.connection().close());
        } else {
            response.end(envelope);
        }
        finish(error.status(), error.code());
    }

    /** Answers with Ingate's own JSON (an estimate, the model list): no upstream was involved. */
    public void answerJson(int status, Buffer json) {
        HttpServerResponse response = request.response();
        if (clientGone || response.ended()) {
            return;
        }
        response.setStatusCode(status);
        response.headers()
                .set(HttpHeaders.CONTENT_TYPE, "application/json")
                .set(HttpHeaders.CONTENT_LENGTH, String.valueOf(json.length()))
                .set(REQUEST_ID, id);
        response.end(json);
        finish(status, null);
    }

    /** Milliseconds with two decimals, without String.format on the hot path. */
    public static String formatMillis(long nanos) {
        long hundredths = nanos / 10_000;
        long whole = hundredths / 100;
        long fraction = hundredths % 100;
        return whole + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
