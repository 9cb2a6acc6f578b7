package dev.ingate.server;

import dev.ingate.auth.BearerToken;
import dev.ingate.observe.GatewayMetrics;
import dev.ingate.pipeline.IngateError;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

import java.util.Optional;

/** {@code GET /metrics}: Prometheus text; open unless {@code metrics.token} is set (SPEC section 5). */
final class MetricsRoute {

    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Vertx vertx;
    private final GatewayMetrics metrics;
    private final Optional<String> token;

    MetricsRoute(Vertx vertx, GatewayMetrics metrics, Optional<String> token) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.token = token;
    }

    void handle(HttpServerRequest request, String requestId) {
        if (token.isPresent() && !BearerToken.matches(request.getHeader(HttpHeaders.AUTHORIZATION), token.get())) {
            OwnReplies.error(request, requestId, new IngateError(IngateError.Kind.AUTHENTICATION, "invalid_metrics_token",
                    "/metrics needs Authorization: Bearer <metrics.token>"));
            return;
        }
        // A scrape walks every meter: cheap, but not the event loop's job.
        vertx.executeBlocking(metrics::scrape, false).onComplete(scraped -> {
            if (scraped.failed()) {
                OwnReplies.error(request, requestId, new IngateError(IngateError.Kind.UPSTREAM_FAILED, "metrics_failed", "metrics could not be read"));
                return;
            }
            request.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                    .putHeader("X-Ingate-Request-Id", requestId)
                    .end(scraped.result());
        });
    }
}
