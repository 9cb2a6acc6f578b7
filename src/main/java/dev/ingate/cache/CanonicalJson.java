package dev.ingate.cache;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
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

    static void digestRequest(JsonNode body, DigestSink sink) {
        if (!body.isObject()) {
            digest(body, sink);
            return;
        }
        sink.put((byte) '{');
        for (String name : sortedNames(body)) {
            if (IGNORED.contains(name)) {
                continue;
            }
            string(name, sink);
            digest(body.get(name), sink);
        }
        if (body.path("stream_options").path("include_usage").asBoolean(false)) {
            string("stream_options.include_usage", sink);
            sink.put((byte) 't');
        }
        sink.put((byte) '}');
    }

    static void digest(JsonNode node, DigestSink sink) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                sink.put((byte) '{');
                for (String name : sortedNames(node)) {
                    string(name, sink);
                    digest(node.get(name), sink);
                }
                sink.put((byte) '}');
            }
            case ARRAY -> {
                sink.put((byte) '[');
                for (JsonNode item : node.values()) {
                    digest(item, sink);
                }
                sink.put((byte) ']');
            }
            case STRING -> string(node.stringValue(), sink);
            case NUMBER -> {
                sink.put((byte) 'n');
                sink.put(node.decimalValue().stripTrailingZeros().toString().getBytes(StandardCharsets.US_ASCII));
                sink.put((byte) ';');
            }
            case BOOLEAN -> sink.put((byte) (node.booleanValue() ? 't' : 'f'));
            default -> sink.put((byte) 'z');   // null (a JSON body has no other kinds)
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

    static void string(String s, DigestSink sink) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        sink.put((byte) 's');
        sink.putInt(bytes.length);
        sink.put(bytes);
    }
}
