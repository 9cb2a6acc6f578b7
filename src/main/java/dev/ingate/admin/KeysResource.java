package dev.ingate.admin;

import dev.ingate.budget.BudgetStatus;
import dev.ingate.config.Origin;
import dev.ingate.keys.KeyHash;
import dev.ingate.config.KeyLimits;
import dev.ingate.keys.StoredKey;
import dev.ingate.secrets.RandomSecrets;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v1/keys}: gateway keys. A new key's secret is in the creation answer and nowhere else;
 * the store keeps its SHA-256 and a short prefix. Deleting a key revokes it on the next request.
 */
final class KeysResource {

    private static final Set<String> FIELDS = Set.of("name", "providers", "models", "expires_at", "enabled",
            "rpm", "tpm", "budget_usd", "budget_period");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AdminContext ctx;

    KeysResource(AdminContext ctx) {
        this.ctx = ctx;
    }

    AdminReply handle(AdminRequest req) {
        String id = req.segment(1);
        if (req.segments().size() <= 2) {
            if (id == null && req.method() == HttpMethod.GET) return AdminReply.ok(AdminLists.page(views(ctx.keys().list())));
            if (id == null && req.method() == HttpMethod.POST) return AdminReply.created(create(req.objectBody()));
            if (id != null && req.method() == HttpMethod.GET) return AdminReply.ok(view(existing(id)));
            if (id != null && req.method() == HttpMethod.PATCH) return AdminReply.ok(patch(existing(id), req.objectBody()));
            if (id != null && req.method() == HttpMethod.DELETE) return AdminReply.ok(delete(id));
        }
        throw AdminRoutes.noRoute(req);
    }

    private StoredKey existing(String id) {
        return ctx.keys().get(id).orElseThrow(() -> AdminException.notFound("key '" + id + "' does not exist"));
    }

    private ObjectNode create(JsonNode body) {
        checkFields(body);
        String name = KeyBodies.requiredName(body);
        if (ctx.keys().list().stream().anyMatch(k -> k.name().equals(name))) {
            throw AdminException.conflict("a key named '" + name + "' already exists");
        }
        String secret = RandomSecrets.gatewayKey();
        StoredKey key = new StoredKey("key_" + RandomSecrets.base62(20), name, StoredKey.prefixOf(secret), KeyHash.sha256(secret),
                KeyBodies.providers(body, ctx, List.of()), KeyBodies.models(body, List.of()), KeyBodies.expiry(body, Optional.empty()),
                KeyBodies.enabled(body, true), Origin.API, Instant.now(), Optional.empty(), KeyBodies.limits(body, KeyLimits.NONE));
        ctx.keys().insert(key);
        ctx.changed().run();
        ObjectNode node = view(key);
        node.put("key", secret);
        return node;
    }

    private ObjectNode patch(StoredKey current, JsonNode body) {
        checkFields(body);
        String name = body.has("name") ? KeyBodies.requiredName(body) : current.name();
        StoredKey updated = new StoredKey(current.id(), name, current.prefix(), current.sha256(),
                KeyBodies.providers(body, ctx, current.providers()), KeyBodies.models(body, current.models()),
                KeyBodies.expiry(body, current.expiresAt()), KeyBodies.enabled(body, current.enabled()),
                current.origin(), current.createdAt(), current.lastUsedAt(), KeyBodies.limits(body, current.limits()));
        ctx.keys().update(updated);
        ctx.changed().run();
        return view(updated);
    }

    private ObjectNode delete(String id) {
        if (!ctx.keys().delete(id)) {
            throw AdminException.notFound("key '" + id + "' does not exist");
        }
        ctx.changed().run();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("deleted", true);
        return node;
    }

    private static void checkFields(JsonNode body) {
        body.propertyNames().forEach(field -> {
            if (!FIELDS.contains(field)) {
                throw AdminException.badRequest(field + ": unknown field (expected one of: name, providers, models, expires_at, enabled, "
                        + "rpm, tpm, budget_usd, budget_period)");
            }
        });
    }

    private ObjectNode view(StoredKey key) {
        return views(List.of(key)).getFirst();
    }

    /** With each budget's spend: every read is under way before the first is waited for (one Redis round trip for all). */
    private List<ObjectNode> views(List<StoredKey> keys) {
        List<Optional<Future<BudgetStatus>>> spend = keys.stream()
                .map(k -> ctx.governance().budgets().status(k.id(), k.name(), k.limits())).toList();
        List<ObjectNode> views = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            ObjectNode node = stored(keys.get(i));
            BudgetViews.putKeySpend(node, spend.get(i).map(f -> AdminAwait.result(f, "reading the key's budget")).orElse(null));
            views.add(node);
        }
        return views;
    }

    /** What the key store holds, secret aside. */
    private static ObjectNode stored(StoredKey key) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", key.id());
        node.put("name", key.name());
        node.put("prefix", key.prefix());
        key.providers().forEach(node.putArray("providers")::add);
        if (key.providers().isEmpty()) node.putArray("providers");
        key.models().forEach(node.putArray("models")::add);
        if (key.models().isEmpty()) node.putArray("models");
        key.expiresAt().ifPresentOrElse(t -> node.put("expires_at", t.toString()), () -> node.putNull("expires_at"));
        node.put("enabled", key.enabled());
        node.put("origin", key.origin().wireName());
        node.put("created_at", key.createdAt().toString());
        key.lastUsedAt().ifPresentOrElse(t -> node.put("last_used_at", t.toString()), () -> node.putNull("last_used_at"));
        KeyLimits limits = key.limits();
        putPositive(node, "rpm", limits.rpm());
        putPositive(node, "tpm", limits.tpm());
        limits.budgetUsd().ifPresentOrElse(usd -> node.put("budget_usd", usd), () -> node.putNull("budget_usd"));
        if (limits.budgetUsd().isPresent()) {
            node.put("budget_period", limits.budgetPeriod().wireName());
        } else {
            node.putNull("budget_period");
        }
        return node;
    }

    /** 0 is "not set on the key" inside; outside it reads as null. */
    private static void putPositive(ObjectNode node, String field, long value) {
        if (value > 0) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
