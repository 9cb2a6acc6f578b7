package dev.ingate.estimate;

import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.IngateError;
import dev.ingate.provider.Provider;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end of the pipeline for {@code POST /v1/estimate}, in place of the forwarder: the request has been
 * authenticated, resolved to a provider, size-checked, parsed and scope-checked like any other, and is
 * answered here without an upstream call.
 *
 * <p>The estimate always runs on a worker thread. The first one per encoding loads its tables (75–225 ms),
 * and a large prompt is CPU work too (about 60 ms a megabyte); the hop costs microseconds, and estimates
 * are not the proxy's hot path, so a size threshold would buy nothing worth its second code path.
 */
public final class EstimateHandler implements Handler {

    public static final String PATH = "/v1/estimate";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Vertx vertx;
    private final Estimator estimator;

    public EstimateHandler(Vertx vertx, Estimator estimator) {
        this.vertx = vertx;
        this.estimator = estimator;
    }

    @Override
    public void handle(Exchange ex) {
        if (ex.request().method() != HttpMethod.POST) {
            ex.fail(new IngateError(IngateError.Kind.INVALID_REQUEST, "method_not_allowed",
                    ex.request().method() + " is not allowed on " + PATH + ": POST a request body"));
            return;
        }
        // The exchange belongs to the event loop: read what the worker needs here. The body is complete and
        // no longer written to; handing it to the worker pool publishes it safely.
        Buffer body = ex.body();
        boolean anthropicHeader = ex.request().getHeader("anthropic-version") != null;
        Provider provider = ex.provider();
        // A routing alias is estimated as the model the route sends it to first: that is what would be paid for.
        dev.ingate.route.Plan plan = ex.attribute(dev.ingate.route.Plan.KEY);
        String routedModel = plan == null ? null : plan.primary().model().orElse(null);
        String providerName = provider == null ? null : provider.name();
        String providerType = provider == null ? null : provider.shape().configName();
        vertx.executeBlocking(() -> EstimateJson.render(
                estimator.estimate(routed(parse(body), routedModel), anthropicHeader, providerName, providerType)), false)
                .onComplete(done -> {
                    if (done.succeeded()) {
                        ex.answerJson(200, Buffer.buffer(done.result()));
                    } else if (done.cause() instanceof InvalidEstimateRequest invalid) {
                        ex.fail(new IngateError(IngateError.Kind.INVALID_REQUEST, "invalid_estimate_request", invalid.getMessage()));
                    } else {
                        ex.fail(new IngateError(IngateError.Kind.INVALID_REQUEST, "estimate_failed",
                                "The request could not be estimated: " + done.cause()));
                    }
                });
    }

    private static JsonNode routed(JsonNode body, String routedModel) {
        if (routedModel != null && body instanceof tools.jackson.databind.node.ObjectNode request) {
            request.put("model", routedModel);
        }
        return body;
    }

    private static JsonNode parse(Buffer body) {
        try {
            return JSON.readTree(body.getBytes());
        } catch (JacksonException e) {
            // InspectJson has already refused malformed bodies; this is only a guard
            throw new InvalidEstimateRequest("Request body is not valid JSON");
        }
    }
}
