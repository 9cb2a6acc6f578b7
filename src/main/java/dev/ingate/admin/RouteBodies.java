package dev.ingate.admin;

import dev.ingate.config.ConfigException;
import dev.ingate.config.ConfigLoader;
import dev.ingate.config.RouteRule;
import dev.ingate.config.RouteTarget;
import dev.ingate.provider.StoredProvider;
import dev.ingate.provider.StoredRoute;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Route bodies in and out. A body is read by the config file's own route parser (JSON is YAML), so the API and the
 * file accept the same rules with the same messages; targets may name any provider in the store.
 */
final class RouteBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RouteBodies() {
    }

    /** The rule in a body, or a 400 naming the field ({@code targets[0].weight: must be at least 1, got 0}). */
    static RouteRule parse(JsonNode body, AdminContext ctx) {
        JsonNode model = body.get("model");
        if (model != null && !model.isNull() && !model.isString()) {
            throw AdminException.badRequest("model: must be a string (a model name, alias or glob)");
        }
        // "${" is escaped as in provider bodies: API input is taken literally
        String json = JSON.writeValueAsString(body).replace("${", "$${");
        Set<String> known = new LinkedHashSet<>();
        ctx.providers().list().stream().map(StoredProvider::name).forEach(known::add);
        try {
            return ConfigLoader.parseRoute(json, "body", known);
        } catch (ConfigException e) {
            throw AdminException.badRequest(e.path().isEmpty() ? e.problem() : e.path() + ": " + e.problem());
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest(e.getMessage());
        }
    }

    static ObjectNode view(StoredRoute route) {
        ObjectNode node = JSON.createObjectNode();
        RouteRule rule = route.rule();
        node.put("model", rule.model());
        node.put("strategy", rule.strategy().configName());
        ArrayNode targets = node.putArray("targets");
        for (RouteTarget target : rule.targets()) {
            ObjectNode t = targets.addObject();
            t.put("provider", target.provider());
            target.model().ifPresentOrElse(m -> t.put("model", m), () -> t.putNull("model"));
            t.put("weight", target.weight());
        }
        node.put("glob", rule.isGlob());
        node.put("origin", route.origin().wireName());
        node.put("updated_at", route.updatedAt().toString());
        return node;
    }

    /**
     * A model pattern from the path, percent-decoded: globs and slashes arrive as {@code %2A} and {@code %2F}. A
     * {@code +} stays a plus (model names have them; a space would never be meant).
     */
    static String pathModel(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest("the model in the path is not valid percent-encoding: " + segment);
        }
    }
}
