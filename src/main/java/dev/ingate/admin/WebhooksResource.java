package dev.ingate.admin;

import dev.ingate.config.Origin;
import dev.ingate.secrets.RandomSecrets;
import dev.ingate.secrets.SecretBox;
import dev.ingate.webhook.DeliveryAttempt;
import dev.ingate.webhook.Webhook;
import dev.ingate.webhook.WebhookOutbox;
import dev.ingate.webhook.WebhookTestPings;
import io.vertx.core.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/webhooks}: subscriptions (list, create, read, PATCH, delete), each one's delivery log
 * ({@code /webhooks/{id}/deliveries}) and a test event on demand ({@code POST /webhooks/{id}/test}). The signing secret is write-only: a generated one is in the creation answer
 * and nowhere else; stored sealed under the master key. Changes reach the delivery thread with the next event.
 */
final class WebhooksResource {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AdminContext ctx;

    WebhooksResource(AdminContext ctx) {
        this.ctx = ctx;
    }

    AdminReply handle(AdminRequest req) {
        String id = req.segment(1);
        HttpMethod method = req.method();
        if (req.segments().size() == 1) {
            if (method == HttpMethod.GET) return AdminReply.ok(AdminLists.page(ctx.governance().webhooks().list().stream().map(this::view).toList()));
            if (method == HttpMethod.POST) return AdminReply.created(create(req.objectBody()));
        } else if (req.segments().size() == 2) {
            if (method == HttpMethod.GET) return AdminReply.ok(view(existing(id)));
            if (method == HttpMethod.PATCH) return AdminReply.ok(patch(existing(id), req.objectBody()));
            if (method == HttpMethod.DELETE) return AdminReply.ok(delete(id));
        } else if (req.segments().size() == 3 && "deliveries".equals(req.segment(2)) && method == HttpMethod.GET) {
            return AdminReply.ok(deliveries(existing(id).id(), req.query()));
        } else if (req.segments().size() == 3 && "test".equals(req.segment(2)) && method == HttpMethod.POST) {
            return AdminReply.accepted(test(existing(id), req.body()));
        }
        throw AdminRoutes.noRoute(req);
    }

    private Webhook existing(String id) {
        return ctx.governance().webhooks().get(id).orElseThrow(() -> AdminException.notFound("webhook '" + id + "' does not exist"));
    }

    private ObjectNode create(JsonNode body) {
        WebhookBodies.checkFields(body);
        String url = WebhookBodies.url(body, null);
        List<String> events = WebhookBodies.events(body, null);
        boolean enabled = WebhookBodies.enabled(body, true);
        var given = WebhookBodies.secret(body);
        String secret = given.orElseGet(() -> "whsec_" + RandomSecrets.base62(32));
        String id = "wh_" + RandomSecrets.base62(20);
        Instant now = Instant.now();
        Webhook hook = new Webhook(id, url, events, ctx.secrets().seal(secret, id), enabled, Origin.API, null, now, now);
        ctx.governance().webhooks().insert(hook);
        ObjectNode node = view(hook);
        if (given.isEmpty()) {
            node.put("secret", secret);   // generated: shown this once
        }
        return node;
    }

    /** A webhook from the file that the API changes becomes the API's and keeps its file hash (see the file applier). */
    private ObjectNode patch(Webhook current, JsonNode body) {
        WebhookBodies.checkFields(body);
        byte[] sealed = WebhookBodies.secret(body).map(s -> ctx.secrets().seal(s, current.id())).orElse(current.sealedSecret());
        Webhook updated = new Webhook(current.id(), WebhookBodies.url(body, current.url()), WebhookBodies.events(body, current.events()), sealed,
                WebhookBodies.enabled(body, current.enabled()), Origin.API, current.fileHash(), current.createdAt(), Instant.now());
        ctx.governance().webhooks().update(updated);
        return view(updated);
    }

    private ObjectNode delete(String id) {
        if (!ctx.governance().webhooks().delete(id)) {
            throw AdminException.notFound("webhook '" + id + "' does not exist");
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("deleted", true);
        return node;
    }

    /** Not audited: it changes nothing. A disabled webhook is not sent anything, a test event included. */
    private ObjectNode test(Webhook hook, JsonNode body) {
        if (body != null && !body.isMissingNode() && !body.isNull()) {
            if (!body.isObject()) {
                throw AdminException.badRequest("the body must be empty or {}");
            }
            body.propertyNames().forEach(field -> {
                throw AdminException.badRequest(field + ": unknown field (a test event takes no body)");
            });
        }
        if (!hook.enabled()) {
            throw AdminException.conflict("webhook '" + hook.id() + "' is disabled: enable it to send it a test event");
        }
        WebhookTestPings.Queued queued = ctx.governance().pings().queue(hook);
        ObjectNode node = JSON.createObjectNode();
        node.put("event_id", queued.eventId());
        node.put("delivery_id", queued.deliveryId());
        node.put("webhook_id", hook.id());
        node.put("event_type", WebhookTestPings.EVENT);
        return node;
    }

    private Map<String, Object> deliveries(String id, Map<String, String> query) {
        WebhookOutbox.Page page;
        try {
            page = ctx.governance().deliveries().attempts(id, AdminPaging.limit(query.get("limit")), query.get("cursor"));
        } catch (IllegalArgumentException badCursor) {
            throw AdminException.badRequest("cursor: not a cursor from a previous page");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.attempts().stream().map(WebhooksResource::view).toList());
        body.put("next_cursor", page.nextCursor());
        return body;
    }

    private ObjectNode view(Webhook hook) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", hook.id());
        node.put("url", hook.url());
        hook.events().forEach(node.putArray("events")::add);
        node.put("enabled", hook.enabled());
        node.put("secret_hint", hint(hook));
        node.put("origin", hook.origin().wireName());
        node.put("created_at", hook.createdAt().toString());
        node.put("updated_at", hook.updatedAt().toString());
        return node;
    }

    private String hint(Webhook hook) {
        try {
            return SecretBox.hint(ctx.secrets().open(hook.sealedSecret(), hook.id()));
        } catch (RuntimeException unreadable) {
            return "(unreadable with the current master key)";
        }
    }

    static ObjectNode view(DeliveryAttempt a) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", a.id());
        node.put("delivery_id", a.deliveryId());
        node.put("event_id", a.eventId());
        node.put("event_type", a.eventType());
        node.put("attempt", a.attempt());
        node.put("status_code", a.statusCode());
        node.put("error", a.error());
        node.put("outcome", a.outcome());
        node.put("created_at", a.createdAt().toString());
        node.put("next_retry_at", a.nextRetryAt() == null ? null : a.nextRetryAt().toString());
        return node;
    }
}
