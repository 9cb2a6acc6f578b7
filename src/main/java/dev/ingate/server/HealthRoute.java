package dev.ingate.server;

import dev.ingate.Version;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /} and {@code GET /health}: status, version and the state of each dependency. A check
 * is "disabled" when that dependency is not configured, and makes the answer 503 when it fails.
 */
final class HealthRoute {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HealthRoute() {
    }

    /** @param databaseUp the last background check of the database (never a query on the event loop) */
    /** @param redis "ok", "down", or "disabled" when no Redis is configured */
    static void handle(HttpServerRequest request, String requestId, boolean databaseUp, String redis) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", databaseUp ? "ok" : "unavailable");
        body.put("version", Version.current());
        ObjectNode checks = body.putObject("checks");
        checks.put("database", databaseUp ? "ok" : "down");
        checks.put("redis", redis);
        request.response()
                .setStatusCode(databaseUp ? 200 : 503)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(dev.ingate.pipeline.Exchange.REQUEST_ID, requestId)
                .end(JSON.writeValueAsString(body));
    }
}
