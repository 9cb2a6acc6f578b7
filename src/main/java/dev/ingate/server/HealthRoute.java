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

    static void handle(HttpServerRequest request, String requestId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", "ok");
        body.put("version", Version.current());
        ObjectNode checks = body.putObject("checks");
        checks.put("database", "disabled");
        checks.put("redis", "disabled");
        request.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(dev.ingate.pipeline.Exchange.REQUEST_ID, requestId)
                .end(JSON.writeValueAsString(body));
    }
}
