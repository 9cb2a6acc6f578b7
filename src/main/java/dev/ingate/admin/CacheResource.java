package dev.ingate.admin;

import dev.ingate.audit.Actor;
import dev.ingate.audit.AuditTrail;
import dev.ingate.cache.ResponseCache;
import dev.ingate.pipeline.IngateError;
import io.vertx.core.http.HttpMethod;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code DELETE /api/v1/cache}: empties the response cache (this process's, or every instance's in Redis) and answers
 * how many answers went. Audited as {@code cache.purge}: it changes what every client gets next.
 */
final class CacheResource {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ResponseCache cache;
    private final AuditTrail audit;
    private final Actor actor;

    CacheResource(ResponseCache cache, AuditTrail audit, Actor actor) {
        this.cache = cache;
        this.audit = audit;
        this.actor = actor;
    }

    AdminReply handle(AdminRequest req) {
        if (req.method() != HttpMethod.DELETE || req.segments().size() != 1) {
            throw AdminRoutes.noRoute(req);
        }
        long purged;
        try {
            purged = AdminAwait.result(cache.purge(), "purging the " + cache.storeName() + " cache");
        } catch (IllegalStateException e) {   // Redis unreachable: a 502 like any other dependency that did not answer
            throw new AdminException(IngateError.Kind.UPSTREAM_FAILED, "cache_unavailable",
                    e.getMessage() + "; answers already removed stay removed");
        }
        ObjectNode result = JSON.createObjectNode();
        result.put("purged", purged);
        result.put("store", cache.storeName());
        audit.record(actor, "cache.purge", "cache", null, result);
        return AdminReply.ok(result);
    }
}
