package dev.ingate.translate.gemini;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads Gemini protocol fields by their camelCase name or its snake_case form: the API parses protobuf JSON, which
 * takes both, and Google's own curl examples use {@code system_instruction} and {@code inline_data}. Only protocol
 * keys go through here, never user data (function arguments, schema property names).
 */
final class Fields {

    private Fields() {
    }

    /** The field, or null when absent or JSON null. */
    static JsonNode get(JsonNode node, String camelName) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(camelName);
        if (value == null || value.isNull()) {
            value = node.get(snake(camelName));
        }
        return value == null || value.isNull() ? null : value;
    }

    static boolean has(JsonNode node, String camelName) {
        return get(node, camelName) != null;
    }

    static Optional<String> text(JsonNode node, String camelName) {
        JsonNode value = get(node, camelName);
        return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
    }

    static String text(JsonNode node, String camelName, String fallback) {
        return text(node, camelName).orElse(fallback);
    }

    static Optional<Double> decimal(JsonNode node, String camelName) {
        JsonNode value = get(node, camelName);
        return value != null && value.isNumber() ? Optional.of(value.doubleValue()) : Optional.empty();
    }

    static Optional<Integer> integer(JsonNode node, String camelName) {
        JsonNode value = get(node, camelName);
        return value != null && value.isNumber() ? Optional.of(value.intValue()) : Optional.empty();
    }

    static long count(JsonNode node, String camelName) {
        JsonNode value = get(node, camelName);
        return value != null && value.isNumber() ? value.longValue() : 0;
    }

    static boolean flag(JsonNode node, String camelName) {
        JsonNode value = get(node, camelName);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    /** The elements of an array field; an absent or mistyped field reads as none. */
    static Iterable<JsonNode> elements(JsonNode node, String camelName) {
        JsonNode value = get(node, camelName);
        return value != null && value.isArray() ? value : java.util.List.of();
    }

    /** The camelCase form of a snake_case key (a camelCase key comes back unchanged). */
    static String camel(String key) {
        StringBuilder out = new StringBuilder(key.length());
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    static String snake(String camelName) {
        StringBuilder out = new StringBuilder(camelName.length() + 4);
        for (char c : camelName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
