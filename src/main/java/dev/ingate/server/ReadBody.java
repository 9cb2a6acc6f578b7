package dev.ingate.server;

import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.IngateError;
import dev.ingate.pipeline.Interceptor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads the whole request body, refusing more than {@code max_request_body} (413). The body is kept
 * because the request may be sent again (fallback) and must be inspected. A declared length over the
 * limit is refused before a byte is read, and without a 100 Continue.
 */
public final class ReadBody implements Interceptor {

    private static final int INITIAL_CAPACITY = 4096;

    @Override
    public void intercept(Exchange ex, Handler next) {
        HttpServerRequest request = ex.request();
        long limit = ex.state().server().maxRequestBodyBytes();
        long declared = declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared > limit) {
            ex.fail(IngateError.bodyTooLarge(limit), true);
            return;
        }
        if (request.isEnded()) {
            ex.body(Buffer.buffer(0));
            next.handle(ex);
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ex.response().writeContinue();
        }
        Buffer body = Buffer.buffer(declared >= 0 ? (int) declared : INITIAL_CAPACITY);
        BodyState reading = new BodyState();
        request.handler(chunk -> {
            if (reading.tooLarge) {
                return;
            }
            if ((long) body.length() + chunk.length() > limit) {
                reading.tooLarge = true;
                ex.fail(IngateError.bodyTooLarge(limit), true);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!reading.tooLarge && !ex.clientGone()) {
                ex.body(body);
                next.handle(ex);
            }
        });
    }

    private static final class BodyState {
        boolean tooLarge;
    }

    /** The Content-Length, -1 when absent; a malformed one was already refused by the HTTP codec. */
    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
