package dev.ingate.cache;

import dev.ingate.observe.Attributes;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.WireHeaders;
import dev.ingate.stream.Framing;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

import java.math.BigDecimal;

/**
 * Answers a hit: the stored bytes in one write. A JSON body goes with its Content-Length; a stream goes chunked as
 * the same SSE / NDJSON frames the first client got, all at once (no pacing: the client's parser reads the same
 * events, only sooner). No provider was reached, so, as SPEC section 3 words it, there is no
 * {@code X-Ingate-Served-By} and no {@code X-Ingate-Attempts}; the record still names the provider and model of
 * the original answer, its tokens, cost 0 and the saved cost.
 */
final class Replay {

    private Replay() {
    }

    static void answer(Exchange ex, CachedAnswer answer, BigDecimal savedUsd) {
        HttpServerResponse response = ex.response();
        if (ex.clientGone() || response.ended()) {
            return;
        }
        ex.attribute(Attributes.CACHE, CacheStatus.HIT);
        ex.attribute(Attributes.USAGE, answer.usage());
        ex.attribute(Attributes.SAVED_USD, savedUsd);
        long now = System.nanoTime();
        response.setStatusCode(200);
        if (answer.contentType() != null) {
            response.headers().set(HttpHeaders.CONTENT_TYPE, answer.contentType());
        }
        boolean stream = Framing.ofContentType(answer.contentType()) != Framing.NONE;
        if (stream) {
            response.setChunked(true);
        } else {
            response.headers().set(HttpHeaders.CONTENT_LENGTH, String.valueOf(answer.body().length));
        }
        response.headers()
                .set(WireHeaders.REQUEST_ID, WireHeaders.ascii(ex.id()))
                .set(CacheStatus.WIRE_HEADER, WireHeaders.ascii(CacheStatus.HIT))
                .set(WireHeaders.OVERHEAD_MS, WireHeaders.ascii(Exchange.formatMillis(ex.overheadAtResponse(now))));
        response.end(Buffer.buffer(answer.body()));
        if (stream && answer.usage().sawFirstToken()) {
            ex.firstToken(now);
        }
        ex.finish(200, null);
    }
}
