package dev.ingate.testkit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One request/response on a {@link MockProvider}: records it, then plays a {@link Behaviour}. Event loop only. */
final class Exchange {

    private final MockProvider mock;
    private final Dialect dialect;
    private final Vertx vertx;
    private final HttpServerRequest req;
    private final HttpServerResponse res;
    private final Instant receivedAt = Instant.now();
    private final Buffer body = Buffer.buffer();
    private MockProvider.Recorded recorded;
    private boolean closedByUs;
    private boolean connectionGone;

    Exchange(MockProvider mock, Dialect dialect, Vertx vertx, HttpServerRequest req) {
        this.mock = mock;
        this.dialect = dialect;
        this.vertx = vertx;
        this.req = req;
        this.res = req.response();
    }

    void start() {
        req.exceptionHandler(t -> {});
        res.exceptionHandler(t -> {});
        res.closeHandler(v -> connectionClosed());
        req.handler(body::appendBuffer);
        req.endHandler(v -> {
            record();
            respond(mock.next());
        });
    }

    private void record() {
        if (recorded != null) return;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        req.headers().forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(e.getValue()));
        headers.replaceAll((k, v) -> List.copyOf(v));
        recorded = new MockProvider.Recorded(req.method().name(), req.path(), req.query(),
                Collections.unmodifiableMap(headers), body.getBytes(), receivedAt);
        mock.recorded(recorded);
    }

    private void connectionClosed() {
        if (connectionGone) return;
        connectionGone = true;
        record();
        if (!closedByUs && !res.ended()) mock.aborted();
    }

    private void respond(Behaviour behaviour) {
        Map<String, String> extra = Map.of();
        Behaviour b = behaviour;
        if (b instanceof Behaviour.WithHeaders w) {
            extra = w.headers();
            b = w.base();
        }
        final Map<String, String> headers = extra;
        switch (b) {
            case Behaviour.Normal n -> send(defaultAnswer(), headers, 0, -1);
            case Behaviour.RateLimited x -> send(dialect.rateLimited(), headers, 0, -1);
            case Behaviour.ProviderError(int status, String message) -> send(dialect.error(status, message), headers, 0, -1);
            case Behaviour.Delay(Duration d) ->
                    vertx.setTimer(Math.max(1, d.toMillis()), t -> send(defaultAnswer(), headers, 0, -1));
            case Behaviour.StreamEvery(Duration gap) -> send(defaultAnswer(), headers, gap.toMillis(), -1);
            case Behaviour.Hang h -> { }
            case Behaviour.Drop d -> cut();
            case Behaviour.CutStreamAfter(int events) -> send(defaultAnswer(), headers, 0, events);
            case Behaviour.Json(int status, String json) -> send(Answer.json(status, json), headers, 0, -1);
            case Behaviour.Raw(int status, Map<String, String> h, String text) ->
                    send(new Answer(status, h, List.of(text), false), headers, 0, -1);
            case Behaviour.Sse(List<String> events, Duration gap) -> send(Answer.sse(events), headers, gap.toMillis(), -1);
            case Behaviour.WithHeaders w -> respond(w.base());
        }
    }

    private Answer defaultAnswer() {
        try {
            if (mock.isStrict()) {
                Answer refused = dialect.reject(recorded);
                if (refused != null) return refused;
            }
            return dialect.answer(recorded);
        } catch (RuntimeException e) {
            e.printStackTrace();
            return Answer.json(500, "{\"mock_error\":" + Wire.JSON.writeValueAsString(String.valueOf(e)) + "}");
        }
    }

    /** Sends an answer; {@code gapMillis} between parts; {@code cutAfter >= 0}: close after that many parts. */
    private void send(Answer answer, Map<String, String> extraHeaders, long gapMillis, int cutAfter) {
        if (connectionGone) return;
        res.setStatusCode(answer.status());
        answer.headers().forEach(res::putHeader);
        extraHeaders.forEach(res::putHeader);
        if (!answer.streamed()) {
            Buffer whole = Buffer.buffer(answer.body());
            if (cutAfter < 0) {
                res.end(whole);
                return;
            }
            res.putHeader("content-length", String.valueOf(whole.length()));
            Buffer half = whole.slice(0, cutAfter > 0 ? whole.length() / 2 : 0);
            res.writeHead().compose(v -> half.length() > 0 ? res.write(half) : Future.<Void>succeededFuture()).onComplete(x -> cut());
            return;
        }
        res.setChunked(true);
        List<String> parts = answer.parts();
        int limit = cutAfter < 0 ? parts.size() : Math.min(cutAfter, parts.size());
        boolean truncated = cutAfter >= 0;
        res.writeHead().onComplete(x -> writeParts(parts, 0, limit, truncated, gapMillis));
    }

    private void writeParts(List<String> parts, int i, int limit, boolean truncated, long gapMillis) {
        while (!connectionGone) {
            if (i >= limit) {
                if (truncated) cut(); else res.end();
                return;
            }
            var written = res.write(parts.get(i));
            int next = i + 1;
            if (next >= limit && truncated) {
                written.onComplete(x -> cut());
                return;
            }
            if (next < limit && gapMillis > 0) {
                vertx.setTimer(gapMillis, t -> writeParts(parts, next, limit, truncated, gapMillis));
                return;
            }
            i = next;
        }
    }

    /** Closes the connection abruptly (mid-response, or without any response). */
    private void cut() {
        if (connectionGone) return;
        closedByUs = true;
        req.connection().close();
    }
}
