package dev.ingate.translate.responses;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Whether a function's parameters schema meets OpenAI's strict mode (every object closed with
 * {@code additionalProperties: false} and listing all its properties as required). Responses function tools are
 * strict unless they say otherwise, and the canonical tool has no strict flag, so the encoder sets it from the
 * schema: a schema written for strict mode (as every strict Responses tool's must be) goes back strict, any other
 * goes out non-strict instead of being rejected by the upstream.
 */
final class StrictSchemas {

    private StrictSchemas() {
    }

    static boolean isStrict(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return true;
        }
        JsonNode properties = schema.get("properties");
        boolean isObject = "object".equals(schema.path("type").asString("")) || properties != null;
        if (isObject && !closedWithAllRequired(schema, properties)) {
            return false;
        }
        if (properties != null) {
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                if (!isStrict(property.getValue())) {
                    return false;
                }
            }
        }
        for (String nested : new String[] {"items", "$defs", "definitions", "anyOf"}) {
            JsonNode value = schema.get(nested);
            if (value != null && !allStrict(value, nested.equals("items"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean closedWithAllRequired(JsonNode schema, JsonNode properties) {
        JsonNode additional = schema.get("additionalProperties");
        if (additional == null || !additional.isBoolean() || additional.booleanValue()) {
            return false;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asString("")));
        return properties == null || required.containsAll(properties.propertyNames());
    }

    /** {@code items} is one schema; {@code anyOf} a list of them; {@code $defs} a map of them. */
    private static boolean allStrict(JsonNode value, boolean single) {
        if (single) {
            return isStrict(value);
        }
        for (JsonNode schema : value.isArray() ? value : value.values()) {
            if (!isStrict(schema)) {
                return false;
            }
        }
        return true;
    }
}
