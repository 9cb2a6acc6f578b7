package dev.ingate.audit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks secrets in an entity's JSON before it goes into the audit log: a provider's API key, a gateway key's secret
 * and hash, a webhook's secret, and header values whose names look like credentials. Masked values become
 * {@code "***"}; a missing or null value stays as it is, so the log still tells "had a key" from "had none".
 */
public final class SecretMask {

    public static final String MASKED = "***";
    private static final Set<String> SECRET_FIELDS = Set.of("api_key", "api_key_hint", "key", "secret", "sha256", "hash", "password",
            "token");
    /** The rule the provider views use for headers, so a credential in a custom header is masked too. */
    private static final Pattern SECRET_HEADER = Pattern.compile("(?i).*(auth|key|token|secret|password).*");

    private SecretMask() {
    }

    /** A masked deep copy; null stays null. */
    public static JsonNode mask(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        maskInPlace(copy);
        return copy;
    }

    private static void maskInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String field : java.util.List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(field);
                if (SECRET_FIELDS.contains(field) && !value.isNull()) {
                    object.put(field, MASKED);
                } else if (field.equals("headers") && value instanceof ObjectNode headers) {
                    for (String header : java.util.List.copyOf(headers.propertyNames())) {
                        if (SECRET_HEADER.matcher(header).matches()) {
                            headers.put(header, MASKED);
                        }
                    }
                } else {
                    maskInPlace(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(SecretMask::maskInPlace);
        }
    }
}
