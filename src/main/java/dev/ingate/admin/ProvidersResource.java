package dev.ingate.admin;

import dev.ingate.config.IngateConfig.FallbackEntry;
import dev.ingate.config.IngateConfig.ProviderEntry;
import dev.ingate.config.Origin;
import dev.ingate.provider.StoredProvider;
import io.vertx.core.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/providers}: list, create, read, replace (PUT), merge (PATCH), delete; the default
 * provider; each provider's fallback chain. API keys are write-only and sealed before they are stored.
 */
final class ProvidersResource {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AdminContext ctx;

    ProvidersResource(AdminContext ctx) {
        this.ctx = ctx;
    }

    AdminReply handle(AdminRequest req) {
        String name = req.segment(1);
        String sub = req.segment(2);
        HttpMethod method = req.method();
        if (name == null) {
            if (method == HttpMethod.GET) return AdminReply.ok(AdminLists.page(list()));
            if (method == HttpMethod.POST) return AdminReply.created(create(req.objectBody()));
        } else if (name.equals("default") && sub == null) {
            if (method == HttpMethod.GET) return AdminReply.ok(defaultView());
            if (method == HttpMethod.PUT) return AdminReply.ok(setDefault(req.objectBody()));
        } else if (sub == null) {
            if (method == HttpMethod.GET) return AdminReply.ok(view(existing(name)));
            if (method == HttpMethod.PUT) return replace(name, req.objectBody());
            if (method == HttpMethod.PATCH) return AdminReply.ok(patch(name, req.objectBody()));
            if (method == HttpMethod.DELETE) return AdminReply.ok(delete(name));
        } else if (sub.equals("fallback") && req.segments().size() == 3) {
            if (method == HttpMethod.GET) return AdminReply.ok(chainView(existing(name).name()));
            if (method == HttpMethod.PUT) return AdminReply.ok(setChain(name, req.body()));
        }
        throw AdminRoutes.noRoute(req);
    }

    private List<ObjectNode> list() {
        Optional<String> defaultName = ctx.providers().defaultProvider();
        return ctx.providers().list().stream()
                .map(p -> ProviderViews.view(p, ctx.secrets(), defaultName.filter(p.name()::equals).isPresent()))
                .toList();
    }

    private ObjectNode view(StoredProvider provider) {
        return ProviderViews.view(provider, ctx.secrets(), ctx.providers().defaultProvider().filter(provider.name()::equals).isPresent());
    }

    private StoredProvider existing(String name) {
        return ctx.providers().get(name).orElseThrow(() -> AdminException.notFound("provider '" + name + "' does not exist"));
    }

    private ObjectNode create(JsonNode body) {
        JsonNode nameNode = body.get("name");
        if (nameNode == null || !nameNode.isString()) {
            throw AdminException.badRequest("name: required (a string)");
        }
        String name = nameNode.asString();
        if (ctx.providers().get(name).isPresent()) {
            throw AdminException.conflict("provider '" + name + "' already exists (PUT or PATCH /api/v1/providers/" + name + " changes it)");
        }
        StoredProvider stored = store(name, ProviderBodies.parse(name, body), Optional.empty());
        return view(stored);
    }

    private AdminReply replace(String name, JsonNode body) {
        checkBodyName(name, body);
        boolean existed = ctx.providers().get(name).isPresent();
        StoredProvider stored = store(name, ProviderBodies.parse(name, body), Optional.empty());
        return existed ? AdminReply.ok(view(stored)) : AdminReply.created(view(stored));
    }

    private ObjectNode patch(String name, JsonNode body) {
        checkBodyName(name, body);
        StoredProvider current = existing(name);
        ObjectNode merged = ProviderViews.settings(current.settings());
        body.properties().forEach(field -> {
            if (field.getValue().isNull()) {
                merged.remove(field.getKey());
            } else if (!field.getKey().equals("name")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        boolean keyChanged = body.has("api_key");
        ProviderEntry entry = ProviderBodies.parse(name, merged);
        return view(store(name, entry, keyChanged ? Optional.empty() : current.sealedApiKey()));
    }

    /**
     * Seals the entry's API key (or keeps an already sealed one) and stores the provider as the API's.
     * A file entity keeps its file hash: an unchanged file then leaves this override alone at the next start.
     */
    private StoredProvider store(String name, ProviderEntry entry, Optional<byte[]> keepSealed) {
        String fileHash = ctx.providers().get(name).map(StoredProvider::fileHash).orElse(null);
        Optional<byte[]> sealed = entry.apiKey().map(key -> ctx.secrets().seal(key, name)).or(() -> keepSealed);
        ProviderEntry withoutKey = new ProviderEntry(entry.type(), entry.baseUrl(), Optional.empty(), entry.authHeader(), entry.authScheme(),
                entry.pathPrefix(), entry.queryParams(), entry.headers(), entry.authMode(), entry.enabled());
        StoredProvider stored = new StoredProvider(name, withoutKey, sealed, Origin.API, fileHash, Instant.now());
        ctx.providers().put(stored);
        ctx.changed().run();
        return stored;
    }

    private ObjectNode delete(String name) {
        existing(name);
        if (ctx.providers().defaultProvider().filter(name::equals).isPresent()) {
            throw AdminException.badRequest("provider '" + name + "' is the default provider: set another default first");
        }
        ctx.routes().list().stream()
                .filter(route -> route.rule().targets().stream().anyMatch(t -> t.provider().equals(name)))
                .findFirst()
                .ifPresent(route -> {
                    // a rule left without its target would route requests nowhere; the operator decides what replaces it
                    throw AdminException.badRequest("provider '" + name + "' is a target of the route for model '" + route.model()
                            + "': change or delete that route first");
                });
        ctx.providers().delete(name);
        ctx.changed().run();
        ObjectNode node = JSON.createObjectNode();
        node.put("name", name);
        node.put("deleted", true);
        return node;
    }

    private ObjectNode defaultView() {
        ObjectNode node = JSON.createObjectNode();
        ctx.providers().defaultProvider().ifPresentOrElse(n -> node.put("provider_name", n), () -> node.putNull("provider_name"));
        return node;
    }

    private ObjectNode setDefault(JsonNode body) {
        JsonNode name = body.get("provider_name");
        if (name == null || !(name.isString() || name.isNull())) {
            throw AdminException.badRequest("provider_name: required (a provider name, or null to clear)");
        }
        if (name.isString()) {
            existing(name.asString());
        }
        ctx.providers().setDefaultProvider(name.isNull() ? Optional.empty() : Optional.of(name.asString()));
        ctx.changed().run();
        return defaultView();
    }

    private ArrayNode chainView(String primary) {
        ArrayNode chain = JSON.createArrayNode();
        for (FallbackEntry entry : ctx.providers().fallbacks().getOrDefault(primary, List.of())) {
            ObjectNode node = chain.addObject();
            node.put("provider", entry.provider());
            entry.model().ifPresentOrElse(m -> node.put("model", m), () -> node.putNull("model"));
        }
        return chain;
    }

    private ArrayNode setChain(String primary, JsonNode body) {
        existing(primary);
        if (body == null || !body.isArray()) {
            throw AdminException.badRequest("the body must be a JSON array of {\"provider\":…,\"model\":…}");
        }
        List<FallbackEntry> chain = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            chain.add(FallbackBodies.entry(primary, body.get(i), i, ctx));
        }
        ctx.providers().setFallbacks(primary, chain);
        ctx.changed().run();
        return chainView(primary);
    }

    private static void checkBodyName(String name, JsonNode body) {
        JsonNode bodyName = body.get("name");
        if (bodyName != null && !bodyName.isNull() && !name.equals(bodyName.asString())) {
            throw AdminException.badRequest("name: '" + bodyName.asString() + "' differs from the provider in the path ('" + name + "')");
        }
    }
}
