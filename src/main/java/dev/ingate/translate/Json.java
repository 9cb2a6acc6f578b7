package dev.ingate.translate;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The codecs' small JSON vocabulary: lenient reads that never throw on a missing or mistyped field. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new TranslationException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static ObjectNode parseObject(String json) {
        if (parse(json) instanceof ObjectNode object) {
            return object;
        }
        throw new TranslationException("expected a JSON object");
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
    }

    public static String text(JsonNode node, String field, String fallback) {
        return text(node, field).orElse(fallback);
    }

    public static Optional<Double> decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? Optional.of(value.doubleValue()) : Optional.empty();
    }

    public static Optional<Integer> integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? Optional.of(value.intValue()) : Optional.empty();
    }

    public static long count(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.longValue() : 0;
    }

    public static Optional<Boolean> bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isBoolean() ? Optional.of(value.booleanValue()) : Optional.empty();
    }

    /** The field when it is an array, else an empty array (absent and null read the same). */
    public static JsonNode elements(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isArray() ? value : NODES.arrayNode();
    }

    /** The field, which must be a non-empty array: a request that has none is not one, and must not be sent as one. */
    public static JsonNode requiredElements(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw new TranslationException("'" + field + "' must be a non-empty array");
        }
        return value;
    }

    /** A string or a list of strings (OpenAI's and Ollama's {@code stop}), as a list; absent or null is empty. */
    public static java.util.List<String> strings(JsonNode value) {
        if (value == null || value.isNull()) {
            return java.util.List.of();
        }
        if (value.isString()) {
            return java.util.List.of(value.stringValue());
        }
        java.util.List<String> strings = new java.util.ArrayList<>();
        value.forEach(item -> strings.add(item.asString()));
        return strings;
    }

    public static boolean present(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** Parses a tool-arguments string into an object; anything else (empty, truncated) becomes {@code {}}. */
    public static ObjectNode argumentsObject(String argumentsJson) {
        if (argumentsJson == null || argumentsJson.isBlank()) {
            return object();
        }
        try {
            return MAPPER.readTree(argumentsJson) instanceof ObjectNode object ? object : object();
        } catch (JacksonException e) {
            return object();
        }
    }
}
