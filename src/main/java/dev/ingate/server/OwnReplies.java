package dev.ingate.server;

import dev.ingate.pipeline.ErrorEnvelope;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.IngateError;
import dev.ingate.provider.ApiShape;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** Errors on Ingate's own routes, in the OpenAI envelope like the admin API's. */
final class OwnReplies {

    private OwnReplies() {
    }

    static void error(HttpServerRequest request, String requestId, IngateError error) {
        request.response()
                .setStatusCode(error.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(Exchange.REQUEST_ID, requestId)
                .end(ErrorEnvelope.render(ApiShape.OPENAI, error));
    }
}
