package dev.ingate.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Helpers and the canned content shared by the mock dialects. */
final class Wire {

    static final JsonMapper JSON = JsonMapper.shared();

    /** The assistant's reply, token by token, as the recorded OpenAI stream sent it. */
    static final List<String> REPLY = List.of("Hi", " there", "!", " How", " can", " I", " help", " today", "?");

    static final String REPLY_TEXT = String.join("", REPLY);

    private Wire() {}

    static String resource(String name) {
        String path = "/testkit/" + name;
        try (InputStream in = Wire.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The request body as a JSON object, or null if it is not one. */
    static ObjectNode request(MockProvider.Recorded r) {
        try {
            JsonNode n = JSON.readTree(r.body());
            return n instanceof ObjectNode o ? o : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field, String otherwise) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.stringValue() : otherwise;
    }

    static boolean flag(JsonNode node, String field, boolean otherwise) {
        JsonNode v = node.get(field);
        return v != null && v.isBoolean() ? v.booleanValue() : otherwise;
    }

    static boolean nonEmptyArray(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isArray() && !v.isEmpty();
    }

    /** The last element of an array field, or an empty object. */
    static JsonNode last(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isArray() && !v.isEmpty() ? v.get(v.size() - 1) : object();
    }

    /** A provider-style id: prefix plus 24 random alphanumerics. */
    static String id(String prefix) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(prefix);
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = 0; i < 24; i++) b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        return b.toString();
    }

    static String sseData(String json) {
        return "data: " + json + "\n\n";
    }

    static String sseEvent(String event, String json) {
        return "event: " + event + "\ndata: " + json + "\n\n";
    }
}
