package dev.ingate.audit;

import dev.ingate.config.IngateConfig.FallbackEntry;
import dev.ingate.config.KeyLimits;
import dev.ingate.config.IngateConfig.ProviderEntry;
import dev.ingate.config.RouteTarget;
import dev.ingate.keys.StoredKey;
import dev.ingate.provider.StoredProvider;
import dev.ingate.provider.StoredRoute;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * Entities as the audit log shows them before and after a change: the config file's field names, secrets present
 * as fields (so {@link SecretMask} turns them into {@code "***"}) but never their values. Times that change on every
 * write (updated_at, last_used_at) are left out: they would make every entry look like a change of everything.
 */
public final class AuditViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditViews() {
    }

    public static ObjectNode provider(StoredProvider provider) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", provider.name());
        ProviderEntry e = provider.settings();
        e.type().ifPresent(v -> node.put("type", v));
        e.baseUrl().ifPresent(v -> node.put("base_url", v));
        if (provider.sealedApiKey().isPresent() || e.apiKey().isPresent()) {
            node.put("api_key", SecretMask.MASKED);
        }
        e.authHeader().ifPresent(v -> node.put("auth_header", v));
        e.authScheme().ifPresent(v -> node.put("auth_scheme", v));
        e.pathPrefix().ifPresent(v -> node.put("path_prefix", v));
        if (!e.queryParams().isEmpty()) {
            ObjectNode query = node.putObject("query_params");
            e.queryParams().forEach(query::put);
        }
        if (!e.headers().isEmpty()) {
            ObjectNode headers = node.putObject("headers");
            e.headers().forEach(headers::put);
        }
        e.authMode().ifPresent(v -> node.put("auth_mode", v));
        e.enabled().ifPresent(v -> node.put("enabled", v));
        node.put("origin", provider.origin().wireName());
        return node;
    }

    public static ObjectNode key(StoredKey key) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", key.id());
        node.put("name", key.name());
        node.put("prefix", key.prefix());
        node.put("sha256", SecretMask.MASKED);
        strings(node.putArray("providers"), key.providers());
        strings(node.putArray("models"), key.models());
        key.expiresAt().ifPresentOrElse(t -> node.put("expires_at", t.toString()), () -> node.putNull("expires_at"));
        node.put("enabled", key.enabled());
        node.put("origin", key.origin().wireName());
        // limits too: without them a change of rpm or budget would show the same before and after
        KeyLimits limits = key.limits();
        node.put("rpm", limits.rpm() > 0 ? limits.rpm() : null);
        node.put("tpm", limits.tpm() > 0 ? limits.tpm() : null);
        node.put("budget_usd", limits.budgetUsd().orElse(null));
        node.put("budget_period", limits.budgetUsd().isPresent() ? limits.budgetPeriod().wireName() : null);
        return node;
    }

    public static ObjectNode route(StoredRoute route) {
        ObjectNode node = JSON.createObjectNode();
        node.put("model", route.model());
        node.put("strategy", route.rule().strategy().configName());
        ArrayNode targets = node.putArray("targets");
        for (RouteTarget target : route.rule().targets()) {
            ObjectNode t = targets.addObject();
            t.put("provider", target.provider());
            target.model().ifPresentOrElse(m -> t.put("model", m), () -> t.putNull("model"));
            t.put("weight", target.weight());
        }
        node.put("position", route.position());
        node.put("origin", route.origin().wireName());
        return node;
    }

    /** Null for no chain: "before" of a first chain, "after" of a removed one. */
    public static JsonNode chain(List<FallbackEntry> chain) {
        if (chain == null || chain.isEmpty()) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        for (FallbackEntry entry : chain) {
            ObjectNode node = array.addObject();
            node.put("provider", entry.provider());
            entry.model().ifPresentOrElse(m -> node.put("model", m), () -> node.putNull("model"));
        }
        return array;
    }

    public static JsonNode defaultProvider(Optional<String> name) {
        ObjectNode node = JSON.createObjectNode();
        name.ifPresentOrElse(n -> node.put("provider_name", n), () -> node.putNull("provider_name"));
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
