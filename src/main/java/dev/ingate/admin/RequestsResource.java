package dev.ingate.admin;

import dev.ingate.observe.record.RequestLog;
import dev.ingate.observe.record.RequestRecord;
import io.vertx.core.http.HttpMethod;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code GET /api/v1/requests}, {@code /requests/{id}} and {@code /usage}: the recorded requests and their sums. */
final class RequestsResource {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RequestLog log;

    RequestsResource(RequestLog log) {
        this.log = log;
    }

    AdminReply requests(AdminRequest req) {
        if (req.method() != HttpMethod.GET || req.segments().size() > 2) {
            throw AdminRoutes.noRoute(req);
        }
        String id = req.segment(1);
        if (id != null) {
            ObjectNode one = view(log.get(id).orElseThrow(() -> AdminException.notFound("request '" + id + "' is not recorded")));
            RequestBodyView.addTo(one, log.bodies(id));
            return AdminReply.ok(one);
        }
        Map<String, String> q = req.query();
        RequestLog.Filter filter = new RequestLog.Filter(q.get("provider"), q.get("model"), status(q.get("status")), q.get("key"),
                q.get("session"), q.get("user"), instant("since", q.get("since")), instant("until", q.get("until")));
        RequestLog.Page page;
        try {
            page = log.list(filter, AdminPaging.limit(q.get("limit")), q.get("cursor"));
        } catch (IllegalArgumentException badCursor) {
            throw AdminException.badRequest("cursor: not a cursor from a previous page");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.records().stream().map(RequestsResource::view).toList());
        body.put("next_cursor", page.nextCursor());
        return AdminReply.ok(body);
    }

    AdminReply usage(AdminRequest req) {
        if (req.method() != HttpMethod.GET || req.segments().size() > 1) {
            throw AdminRoutes.noRoute(req);
        }
        String groupBy = req.query().getOrDefault("group_by", "provider");
        RequestLog.GroupBy group;
        try {
            group = RequestLog.GroupBy.valueOf(groupBy.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest("group_by: must be one of provider, model, key, user, session, day");
        }
        List<ObjectNode> rows = log.usage(group, instant("since", req.query().get("since")), instant("until", req.query().get("until")))
                .stream().map(RequestsResource::view).toList();
        return AdminReply.ok(AdminLists.page(rows));
    }

    private static ObjectNode view(RequestLog.UsageRow row) {
        ObjectNode node = JSON.createObjectNode();
        node.put("group", row.group());
        node.put("requests", row.requests());
        node.put("input_tokens", row.inputTokens());
        node.put("output_tokens", row.outputTokens());
        node.put("cached_input_tokens", row.cachedInputTokens());
        node.put("cost_usd", row.costUsd());
        return node;
    }

    static ObjectNode view(RequestRecord r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", r.id());
        node.put("created_at", r.createdAt().toString());
        node.put("key_id", r.keyId());
        node.put("key_name", r.keyName());
        node.put("provider", r.provider());
        node.put("served_by", r.servedBy());
        node.put("model", r.model());
        node.put("served_model", r.servedModel());
        node.put("path", r.path());
        node.put("status", r.status());
        node.put("attempts", r.attempts());
        node.put("latency_ms", r.latencyMs());
        node.put("ttft_ms", r.ttftMs());
        node.put("overhead_ms", r.overheadMs());
        node.put("input_tokens", r.inputTokens());
        node.put("output_tokens", r.outputTokens());
        node.put("cached_input_tokens", r.cachedInputTokens());
        node.put("cost_usd", r.costUsd());
        node.put("session_id", r.sessionId());
        node.put("user", r.user());
        node.put("cache", r.cache());
        node.put("saved_usd", r.savedUsd());
        node.put("error", r.error());
        return node;
    }

    private static Integer status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw AdminException.badRequest("status: must be an HTTP status number");
        }
    }

    /** An ISO-8601 instant ({@code 2026-11-22T10:00:00Z}) or a day ({@code 2026-11-22}, its start in UTC). */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw AdminException.badRequest(field + ": must be an ISO-8601 instant (2026-11-22T10:00:00Z) or a day (2026-11-22)");
        }
    }
}
