package dev.ingate.admin;

import dev.ingate.config.Origin;
import dev.ingate.config.RouteRule;
import dev.ingate.provider.RouteStore;
import dev.ingate.provider.StoredRoute;
import io.vertx.core.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * {@code /api/v1/routes}: model routing rules. List, create, read, replace (PUT), delete; the model pattern in the
 * path is percent-encoded ({@code /routes/claude-%2A}). A rule from the file that the API changes becomes the API's
 * and keeps its file hash and place, so an unchanged file leaves the change alone at the next start.
 */
final class RoutesResource {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AdminContext ctx;

    RoutesResource(AdminContext ctx) {
        this.ctx = ctx;
    }

    AdminReply handle(AdminRequest req) {
        HttpMethod method = req.method();
        if (req.segments().size() == 1) {
            if (method == HttpMethod.GET) return AdminReply.ok(AdminLists.page(ctx.routes().list().stream().map(RouteBodies::view).toList()));
            if (method == HttpMethod.POST) return AdminReply.created(create(req.objectBody()));
        } else if (req.segments().size() == 2) {
            String model = RouteBodies.pathModel(req.segment(1));
            if (method == HttpMethod.GET) return AdminReply.ok(RouteBodies.view(existing(model)));
            if (method == HttpMethod.PUT) return replace(model, req.objectBody());
            if (method == HttpMethod.DELETE) return AdminReply.ok(delete(model));
        }
        throw AdminRoutes.noRoute(req);
    }

    private StoredRoute existing(String model) {
        return ctx.routes().get(model).orElseThrow(() -> AdminException.notFound("no route for model '" + model + "'"));
    }

    private ObjectNode create(JsonNode body) {
        RouteRule rule = RouteBodies.parse(body, ctx);
        StoredRoute route = new StoredRoute(rule, nextApiPosition(), Origin.API, null, Instant.now());
        if (!ctx.routes().insert(route)) {
            throw AdminException.conflict("a route for model '" + rule.model() + "' already exists (PUT /api/v1/routes/{model} replaces it)");
        }
        ctx.changed().run();
        return RouteBodies.view(route);
    }

    /** The body's model may be left out; when given it must be the path's, so a PUT never renames. */
    private AdminReply replace(String model, JsonNode body) {
        JsonNode bodyModel = body.get("model");
        if (bodyModel != null && !bodyModel.isNull() && !model.equals(bodyModel.asString())) {
            throw AdminException.badRequest("model: '" + bodyModel.asString() + "' differs from the model in the path ('" + model + "')");
        }
        ObjectNode withModel = ((ObjectNode) body).deepCopy();
        withModel.put("model", model);
        RouteRule rule = RouteBodies.parse(withModel, ctx);
        var current = ctx.routes().get(model);
        StoredRoute route = new StoredRoute(rule, current.map(StoredRoute::position).orElseGet(this::nextApiPosition), Origin.API,
                current.map(StoredRoute::fileHash).orElse(null), Instant.now());
        ctx.routes().put(route);
        ctx.changed().run();
        return current.isPresent() ? AdminReply.ok(RouteBodies.view(route)) : AdminReply.created(RouteBodies.view(route));
    }

    private ObjectNode delete(String model) {
        existing(model);
        ctx.routes().delete(model);
        ctx.changed().run();
        ObjectNode node = JSON.createObjectNode();
        node.put("model", model);
        node.put("deleted", true);
        return node;
    }

    /** After every rule there is, and never among the file's: API-created rules are tried in creation order. */
    private long nextApiPosition() {
        List<StoredRoute> all = ctx.routes().list();
        long last = all.isEmpty() ? -1 : all.getLast().position();
        return Math.max(RouteStore.API_POSITIONS, last + 1);
    }
}
