package dev.ingate.translate;

import dev.ingate.translate.canonical.CanonicalError;
import tools.jackson.databind.JsonNode;

/**
 * Reads an upstream error body of any shape: providers disagree on where the message lives
 * ({@code error.message}, {@code error} as a string, {@code message}, {@code detail}), and a proxy in between may
 * answer with HTML. Never throws: an unreadable body becomes a message naming the status.
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    /** @param typeReader maps the body's own error type (may be empty) to a canonical one, null when unknown */
    public static CanonicalError read(int status, String body, java.util.function.Function<String, String> typeReader) {
        String message = null;
        String type = null;
        try {
            JsonNode root = Json.parse(body);
            JsonNode error = root.path("error");
            if (error.isObject()) {
                message = firstText(error, "message", "detail");
                type = firstText(error, "type", "status", "code");
            } else if (error.isString()) {
                message = error.asString();
            }
            if (message == null) {
                message = firstText(root, "message", "detail");
            }
            if (type == null) {
                type = firstText(root, "type");
                type = "error".equals(type) ? null : type;
            }
        } catch (RuntimeException notJson) {
            String trimmed = body == null ? "" : body.strip();
            message = trimmed.isEmpty() || trimmed.startsWith("<") ? null : trimmed.length() > 500 ? trimmed.substring(0, 500) : trimmed;
        }
        String canonicalType = type == null ? null : typeReader.apply(type);
        return new CanonicalError(status,
                canonicalType == null ? CanonicalError.typeForStatus(status) : canonicalType,
                message == null || message.isBlank() ? "the upstream answered " + status : message);
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isString() && !value.asString().isBlank()) {
                return value.asString();
            }
        }
        return null;
    }
}
