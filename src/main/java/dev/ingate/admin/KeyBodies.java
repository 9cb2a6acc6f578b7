package dev.ingate.admin;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The fields of a key body, each checked with a 400 naming it; absent fields keep the given current value. */
final class KeyBodies {

    private KeyBodies() {
    }

    static String requiredName(JsonNode body) {
        JsonNode name = body.get("name");
        if (name == null || !name.isString() || name.asString().isBlank()) {
            throw AdminException.badRequest("name: required (a non-empty string)");
        }
        return name.asString().trim();
    }

    static List<String> providers(JsonNode body, AdminContext ctx, List<String> current) {
        if (!body.has("providers")) {
            return current;
        }
        List<String> names = strings(body.get("providers"), "providers");
        for (String name : names) {
            if (ctx.providers().get(name).isEmpty()) {
                throw AdminException.badRequest("providers: provider '" + name + "' does not exist");
            }
        }
        return names;
    }

    static List<String> models(JsonNode body, List<String> current) {
        return body.has("models") ? strings(body.get("models"), "models") : current;
    }

    static Optional<Instant> expiry(JsonNode body, Optional<Instant> current) {
        if (!body.has("expires_at")) {
            return current;
        }
        JsonNode value = body.get("expires_at");
        if (value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.asString()));
        } catch (DateTimeParseException e) {
            throw AdminException.badRequest("expires_at: must be an ISO-8601 instant such as 2027-01-31T00:00:00Z, or null");
        }
    }

    static boolean enabled(JsonNode body, boolean current) {
        if (!body.has("enabled")) {
            return current;
        }
        JsonNode value = body.get("enabled");
        if (!value.isBoolean()) {
            throw AdminException.badRequest("enabled: must be true or false");
        }
        return value.asBoolean();
    }

    private static List<String> strings(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw AdminException.badRequest(field + ": must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString() || item.asString().isBlank()) {
                throw AdminException.badRequest(field + ": must be an array of non-empty strings");
            }
            values.add(item.asString());
        }
        return List.copyOf(values);
    }
}
