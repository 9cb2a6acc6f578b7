package dev.ingate.store;

import dev.ingate.config.IngateConfig.ProviderEntry;
import dev.ingate.config.RouteTarget;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON text kept in TEXT columns (no JSON column type is portable). Written field by field rather than by
 * data binding: Optional fields are omitted when empty, an empty string stays a value ({@code auth_scheme: ""}
 * means "no prefix"), and the names are the config file's, so a stored row reads like the YAML it came from.
 */
final class JsonColumns {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonColumns() {
    }

    /** Every ProviderEntry field except the API key, which is stored sealed in its own column. */
    static String providerSettings(ProviderEntry entry) {
        ObjectNode json = MAPPER.createObjectNode();
        entry.type().ifPresent(v -> json.put("type", v));
        entry.baseUrl().ifPresent(v -> json.put("base_url", v));
        entry.authHeader().ifPresent(v -> json.put("auth_header", v));
        entry.authScheme().ifPresent(v -> json.put("auth_scheme", v));
        entry.pathPrefix().ifPresent(v -> json.put("path_prefix", v));
        putMap(json, "query_params", entry.queryParams());
        putMap(json, "headers", entry.headers());
        entry.authMode().ifPresent(v -> json.put("auth_mode", v));
        entry.enabled().ifPresent(v -> json.put("enabled", v));
        return MAPPER.writeValueAsString(json);
    }

    /** The settings back, with {@code apiKey} empty; unknown fields (from a newer version) are ignored. */
    static ProviderEntry providerSettings(String text) {
        JsonNode json = MAPPER.readTree(text);
        return new ProviderEntry(
                string(json, "type"),
                string(json, "base_url"),
                Optional.empty(),
                string(json, "auth_header"),
                string(json, "auth_scheme"),
                string(json, "path_prefix"),
                map(json, "query_params"),
                map(json, "headers"),
                string(json, "auth_mode"),
                json.optional("enabled").filter(JsonNode::isBoolean).map(JsonNode::booleanValue));
    }

    static String stringList(List<String> values) {
        ArrayNode json = MAPPER.createArrayNode();
        values.forEach(json::add);
        return MAPPER.writeValueAsString(json);
    }

    static List<String> stringList(String text) {
        JsonNode json = MAPPER.readTree(text);
        List<String> values = new ArrayList<>(json.size());
        for (JsonNode value : json.values()) {
            values.add(value.stringValue());
        }
        return List.copyOf(values);
    }

    /** A rule's targets in order, in the config file's names; a target without a model has no "model" field. */
    static String routeTargets(List<RouteTarget> targets) {
        ArrayNode json = MAPPER.createArrayNode();
        for (RouteTarget target : targets) {
            ObjectNode node = json.addObject();
            node.put("provider", target.provider());
            target.model().ifPresent(m -> node.put("model", m));
            node.put("weight", target.weight());
        }
        return MAPPER.writeValueAsString(json);
    }

    static List<RouteTarget> routeTargets(String text) {
        JsonNode json = MAPPER.readTree(text);
        List<RouteTarget> targets = new ArrayList<>(json.size());
        for (JsonNode node : json.values()) {
            targets.add(new RouteTarget(node.get("provider").stringValue(), string(node, "model"),
                    node.has("weight") ? node.get("weight").intValue() : 1));
        }
        return List.copyOf(targets);
    }

    private static void putMap(ObjectNode json, String field, Map<String, String> map) {
        if (!map.isEmpty()) {
            ObjectNode object = json.putObject(field);
            map.forEach(object::put);
        }
    }

    private static Optional<String> string(JsonNode json, String field) {
        return json.optional(field).filter(JsonNode::isString).map(JsonNode::stringValue);
    }

    /** Insertion order kept: headers and query parameters go upstream in the order the operator wrote them. */
    private static Map<String, String> map(JsonNode json, String field) {
        JsonNode object = json.get(field);
        if (object == null || !object.isObject()) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            map.put(e.getKey(), e.getValue().stringValue());
        }
        return Collections.unmodifiableMap(map);
    }
}
