package dev.ingate.translate.gemini;

import dev.ingate.translate.Json;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gemini's two schema dialects. {@code parameters} and {@code responseSchema} take an OpenAPI 3.0 subset (type names
 * in capitals, {@code nullable}); {@code parametersJsonSchema} and {@code responseJsonSchema} take JSON Schema, as
 * OpenAI and Anthropic do. Canonical schemas are JSON Schema, so the subset is converted on the way in, and the
 * encoder always writes the JSON Schema fields: then keywords the subset rejects ({@code additionalProperties},
 * {@code $ref}, {@code anyOf}…) need no stripping.
 */
final class Schemas {

    private Schemas() {
    }

    /** An OpenAPI-subset schema as JSON Schema: types in lower case, {@code nullable: true} as a {@code "null"} type. */
    static JsonNode fromOpenApi(JsonNode schema) {
        if (schema.isArray()) {
            ArrayNode converted = Json.array();
            schema.forEach(item -> converted.add(fromOpenApi(item)));
            return converted;
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode converted = Json.object();
        boolean nullable = schema.path("nullable").asBoolean(false);
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "nullable" -> {
                    // Folded into the type below.
                }
                case "type" -> converted.set("type", type(value, nullable));
                case "properties" -> {
                    ObjectNode properties = converted.putObject("properties");
                    // Property names are the caller's, not keywords: only their schemas are converted.
                    value.properties().forEach(property -> properties.set(property.getKey(), fromOpenApi(property.getValue())));
                }
                case "items", "anyOf", "oneOf", "allOf", "not", "additionalProperties" -> converted.set(key, fromOpenApi(value));
                default -> converted.set(key, value);
            }
        }
        return converted;
    }

    private static JsonNode type(JsonNode type, boolean nullable) {
        if (!type.isString()) {
            return type;
        }
        String lower = type.stringValue().toLowerCase(Locale.ROOT);
        if (!nullable) {
            return JsonNodeFactory.instance.stringNode(lower);
        }
        ArrayNode types = Json.array();
        types.add(lower);
        types.add("null");
        return types;
    }

    /**
     * A canonical schema for {@code parametersJsonSchema}. Only {@code $schema} is removed: it tells the model
     * nothing, and tools generated from zod and pydantic carry it while older API versions refused it.
     */
    static JsonNode forGemini(String schemaJson) {
        JsonNode schema = Json.parse(schemaJson);
        if (schema instanceof ObjectNode object && object.has("$schema")) {
            ObjectNode copy = object.deepCopy();
            copy.remove("$schema");
            return copy;
        }
        return schema;
    }
}
