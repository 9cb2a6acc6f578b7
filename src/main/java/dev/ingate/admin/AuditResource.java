package dev.ingate.admin;

import dev.ingate.audit.AuditEntry;
import dev.ingate.audit.AuditLog;
import io.vertx.core.http.HttpMethod;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/audit?action=&target=&actor=&since=&until=&limit=&cursor=}: admin changes, newest first, paged
 * like {@code /requests}. Read-only: the log has no endpoint that changes or deletes it.
 */
final class AuditResource {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditLog log;

    AuditResource(AuditLog log) {
        this.log = log;
    }

    AdminReply handle(AdminRequest req) {
        if (req.method() != HttpMethod.GET || req.segments().size() != 1) {
            throw AdminRoutes.noRoute(req);
        }
        Map<String, String> q = req.query();
        AuditLog.Filter filter = new AuditLog.Filter(q.get("action"), q.get("target"), q.get("actor"),
                RequestsResource.instant("since", q.get("since")), RequestsResource.instant("until", q.get("until")));
        AuditLog.Page page;
        try {
            page = log.list(filter, AdminPaging.limit(q.get("limit")), q.get("cursor"));
        } catch (IllegalArgumentException badCursor) {
            throw AdminException.badRequest("cursor: not a cursor from a previous page");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.entries().stream().map(AuditResource::view).toList());
        body.put("next_cursor", page.nextCursor());
        return AdminReply.ok(body);
    }

    static ObjectNode view(AuditEntry e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", e.id());
        node.put("created_at", e.createdAt().toString());
        node.put("actor", e.actor().name());
        node.put("via", e.actor().via());
        node.put("address", e.actor().address());
        node.put("user_agent", e.actor().userAgent());
        node.put("action", e.action());
        node.put("target", e.target());
        node.set("before", e.before() == null ? JSON.nullNode() : e.before());
        node.set("after", e.after() == null ? JSON.nullNode() : e.after());
        return node;
    }
}
