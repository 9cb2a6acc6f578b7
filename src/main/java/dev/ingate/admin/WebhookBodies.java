package dev.ingate.admin;

import dev.ingate.config.WebhookSettings;
import dev.ingate.events.EventTypes;
import dev.ingate.webhook.Webhook;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The fields of a webhook body, each checked with a 400 naming it; absent fields keep the given current value. */
final class WebhookBodies {

    private static final Set<String> FIELDS = Set.of("url", "events", "secret", "enabled");

    private WebhookBodies() {
    }

    static void checkFields(JsonNode body) {
        body.propertyNames().forEach(field -> {
            if (!FIELDS.contains(field)) {
                throw AdminException.badRequest(field + ": unknown field (expected one of: url, events, secret, enabled)");
            }
        });
    }

    static String url(JsonNode body, String current) {
        JsonNode url = body.get("url");
        if (url == null && current != null) {
            return current;
        }
        if (url == null || !url.isString() || !WebhookSettings.isDeliverable(url.asString().strip())) {
            throw AdminException.badRequest("url: required (an absolute http:// or https:// URL)");
        }
        return url.asString().strip();
    }

    static List<String> events(JsonNode body, List<String> current) {
        JsonNode events = body.get("events");
        if (events == null && current != null) {
            return current;
        }
        String expected = "events: required (a non-empty array of event names, or [\"*\"] for all; known: " + String.join(", ", EventTypes.ALL) + ")";
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw AdminException.badRequest(expected);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : events) {
            if (!item.isString() || !(item.asString().equals(Webhook.ALL_EVENTS) || EventTypes.ALL.contains(item.asString()))) {
                throw AdminException.badRequest("events: unknown event " + item + " (known: *, " + String.join(", ", EventTypes.ALL) + ")");
            }
            if (!names.contains(item.asString())) {
                names.add(item.asString());
            }
        }
        return List.copyOf(names);
    }

    /** The secret the body sets, if it sets one. */
    static Optional<String> secret(JsonNode body) {
        JsonNode secret = body.get("secret");
        if (secret == null || secret.isNull()) {
            return Optional.empty();
        }
        if (!secret.isString() || secret.asString().isBlank()) {
            throw AdminException.badRequest("secret: must be a non-empty string (leave it out to have one generated)");
        }
        return Optional.of(secret.asString());
    }

    static boolean enabled(JsonNode body, boolean current) {
        return KeyBodies.enabled(body, current);
    }
}
