package dev.ingate.server;

import dev.ingate.pipeline.ErrorEnvelope;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.IngateError;
import dev.ingate.provider.ApiShape;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code /api/v1}: only with the admin token (compared in constant time). The admin resources
 * themselves arrive with the storage work; until then an authorised call learns that the route is absent.
 */
final class AdminGate {

    private AdminGate() {
    }

    static void handle(HttpServerRequest request, String requestId, String adminToken) {
        if (!authorised(request.getHeader(HttpHeaders.AUTHORIZATION), adminToken)) {
            reply(request, requestId, new IngateError(IngateError.Kind.AUTHENTICATION, "invalid_admin_token",
                    "The admin API needs Authorization: Bearer <admin token>"));
            return;
        }
        reply(request, requestId, new IngateError(IngateError.Kind.NOT_FOUND, "not_found",
                "No admin route " + request.method() + " " + request.path()));
    }

    static boolean authorised(String authorization, String adminToken) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, adminToken.getBytes(StandardCharsets.UTF_8));
    }

    static void reply(HttpServerRequest request, String requestId, IngateError error) {
        request.response()
                .setStatusCode(error.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(Exchange.REQUEST_ID, requestId)
                .end(ErrorEnvelope.render(ApiShape.OPENAI, error));
    }
}
