package dev.ingate.cache;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Feeds a request body into a digest in one canonical form, so that requests that mean the same hash the same:
 * object keys sorted, numbers by value ({@code 1}, {@code 1.0} and {@code 1e0} alike), whitespace and key order
 * gone. Top-level fields that do not change the answer are left out: {@code user} and {@code metadata} (who asks,
 * not what), and {@code stream_options} except {@code include_usage}, which changes what a stream carries.
 * Everything else counts, {@code stream} included (a stream and a JSON body are different answers) and Ingate's
 * own {@code ingate.ext} parameters (they reach the provider). Each value is tagged and strings are
 * length-prefixed, so no two different bodies can produce the same byte sequence.
 */
final class CanonicalJson {

    static final Set<String> IGNORED = Set.of("user", "metadata", "stream_options");

    private CanonicalJson() {
    }

    static void digestRequest(JsonNode body, MessageDigest md) {
        if (!body.isObject()) {
            digest(body, md);
            return;
        }
        md.update((byte) '{');
        for (String name : sortedNames(body)) {
            if (IGNORED.contains(name)) {
                continue;
            }
            string(name, md);
            digest(body.get(name), md);
        }
        if (body.path("stream_options").path("include_usage").asBoolean(false)) {
            string("stream_options.include_usage", md);
            md.update((byte) 't');
        }
        md.update((byte) '}');
    }

    static void digest(JsonNode node, MessageDigest md) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                md.update((byte) '{');
                for (String name : sortedNames(node)) {
                    string(name, md);
                    digest(node.get(name), md);
                }
                md.update((byte) '}');
            }
            case ARRAY -> {
                md.update((byte) '[');
                for (JsonNode item : node.values()) {
                    digest(item, md);
                }
                md.update((byte) ']');
            }
            case STRING -> string(node.stringValue(), md);
            case NUMBER -> {
                md.update((byte) 'n');
                md.update(node.decimalValue().stripTrailingZeros().toString().getBytes(StandardCharsets.US_ASCII));
                md.update((byte) ';');
            }
            case BOOLEAN -> md.update((byte) (node.booleanValue() ? 't' : 'f'));
            default -> md.update((byte) 'z');   // null (a JSON body has no other kinds)
        }
    }

    private static List<String> sortedNames(JsonNode node) {
        List<String> names = new ArrayList<>(node.size());
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            names.add(field.getKey());
        }
        names.sort(null);
        return names;
    }

    static void string(String s, MessageDigest md) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) 's');
        md.update((byte) (bytes.length >>> 24));
        md.update((byte) (bytes.length >>> 16));
        md.update((byte) (bytes.length >>> 8));
        md.update((byte) bytes.length);
        md.update(bytes);
    }
}
