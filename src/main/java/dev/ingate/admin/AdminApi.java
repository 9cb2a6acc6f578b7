package dev.ingate.admin;

import dev.ingate.audit.Actor;
import dev.ingate.auth.BearerToken;
import dev.ingate.pipeline.ErrorEnvelope;
import dev.ingate.pipeline.IngateError;
import dev.ingate.provider.ApiShape;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /api/v1}: checks the admin token (constant time), reads the JSON body, and runs the resource
 * off the event loop (it talks to the database). Errors come back in the OpenAI envelope.
 */
public final class AdminApi {

    private static final long MAX_BODY = 1024 * 1024;
    /** Names the person behind an admin call in the audit log (a dashboard or script acting for them). */
    public static final String ACTOR_HEADER = "X-Ingate-Actor";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Vertx vertx;
    private final AdminContext ctx;
    private final Supplier<String> adminToken;

    public AdminApi(Vertx vertx, AdminContext ctx, Supplier<String> adminToken) {
        this.vertx = vertx;
        this.ctx = ctx;
        this.adminToken = adminToken;
    }

    public void handle(HttpServerRequest request, String requestId) {
        if (!BearerToken.matches(request.getHeader(HttpHeaders.AUTHORIZATION), adminToken.get())) {
            reply(request, requestId, 401, ErrorEnvelope.render(ApiShape.OPENAI, new IngateError(IngateError.Kind.AUTHENTICATION,
                    "invalid_admin_token", "The admin API needs Authorization: Bearer <admin token>")));
            return;
        }
        request.body().onComplete(read -> {
            if (read.failed()) {
                return;
            }
            Buffer raw = read.result();
            Actor actor = actor(request);
            vertx.executeBlocking(() -> run(request, raw, actor), false).onComplete(done -> {
                if (done.succeeded()) {
                    reply(request, requestId, done.result().status(), Buffer.buffer(JSON.writeValueAsBytes(done.result().body())));
                } else {
                    AdminException error = done.cause() instanceof AdminException admin ? admin
                            : new AdminException(IngateError.Kind.UPSTREAM_FAILED, "internal_error", "the admin request failed: " + done.cause().getMessage());
                    int status = done.cause() instanceof AdminException ? error.status() : 500;
                    reply(request, requestId, status, ErrorEnvelope.render(ApiShape.OPENAI, error.toError()));
                }
            });
        });
    }

    /** Read on the event loop, before the work moves off it; see {@link Actor} for what is recorded. */
    private static Actor actor(HttpServerRequest request) {
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return Actor.admin(request.getHeader(ACTOR_HEADER), address, request.getHeader(HttpHeaders.USER_AGENT));
    }

    private AdminReply run(HttpServerRequest request, Buffer raw, Actor actor) {
        if (raw.length() > MAX_BODY) {
            throw AdminException.badRequest("the body is larger than 1 MB");
        }
        JsonNode body = null;
        if (raw.length() > 0) {
            try {
                body = JSON.readTree(raw.getBytes());
            } catch (JacksonException e) {
                throw AdminException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
            }
        }
        // resources are cheap and hold no state: each call gets stores that audit as its own actor
        return new AdminRoutes(ctx.actingAs(actor), actor).handle(new AdminRequest(request.method(), segments(request.path()), query(request), body));
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String part : path.substring("/api/v1".length()).split("/")) {
            if (!part.isEmpty()) {
                segments.add(part);
            }
        }
        return segments;
    }

    private static Map<String, String> query(HttpServerRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        request.params().forEach(entry -> query.putIfAbsent(entry.getKey(), entry.getValue()));
        return query;
    }

    private static void reply(HttpServerRequest request, String requestId, int status, Buffer body) {
        request.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader("X-Ingate-Request-Id", requestId)
                .end(body);
    }
}
