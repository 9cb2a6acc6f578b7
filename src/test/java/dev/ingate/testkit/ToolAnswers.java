package dev.ingate.testkit;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tool calls every dialect makes when a request offers tools and the conversation does not end
 * with a tool result: the first declared tool, with arguments a test can predict from the request
 * alone, once (or as often as the {@value #PARALLEL_HEADER} request header asks, each with its own id).
 */
final class ToolAnswers {

    /** Request header asking for that many calls of the first tool in one answer. */
    static final String PARALLEL_HEADER = "x-mock-parallel-tools";

    /** Arguments when the tool's schema requires nothing. */
    static final String DEFAULT_ARGUMENTS = "{\"city\":\"Paris\"}";

    /** Value given to each required property of the tool's schema. */
    static final String REQUIRED_VALUE = "x";

    private static final int MAX_CALLS = 8;

    /** One call the mock makes: provider-style id, the tool's name, arguments as a JSON object. */
    record Call(String id, String name, ObjectNode arguments) {

        String argumentsJson() {
            return arguments.toString();
        }

        /**
         * The arguments text cut in thirds (at least two pieces, cut mid-token), so a client that
         * parses each delta on its own instead of joining them fails.
         */
        List<String> pieces() {
            String json = argumentsJson();
            List<String> out = new ArrayList<>();
            int third = Math.max(1, json.length() / 3);
            out.add(json.substring(0, third));
            out.add(json.substring(third, Math.min(json.length(), 2 * third)));
            if (2 * third < json.length()) out.add(json.substring(2 * third));
            return out;
        }
    }

    private ToolAnswers() {}

    /**
     * The calls to make for this request: {@code name} and {@code schema} are the first declared
     * tool's name and JSON schema (the schema may be null), {@code idPrefix} the provider's id style.
     */
    static List<Call> calls(MockProvider.Recorded r, String name, JsonNode schema, String idPrefix) {
        int n = count(r);
        List<Call> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new Call(Wire.id(idPrefix), name, arguments(schema)));
        return out;
    }

    static int count(MockProvider.Recorded r) {
        String v = r.header(PARALLEL_HEADER);
        if (v == null) return 1;
        try {
            return Math.clamp(Integer.parseInt(v.trim()), 1, MAX_CALLS);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Required properties set to "x", or {"city":"Paris"} when the schema requires none. */
    static ObjectNode arguments(JsonNode schema) {
        JsonNode required = schema == null ? null : schema.get("required");
        if (required == null || !required.isArray() || required.isEmpty()) return Wire.object(DEFAULT_ARGUMENTS);
        ObjectNode args = Wire.object();
        for (JsonNode p : required) {
            if (p.isString()) args.put(p.stringValue(), REQUIRED_VALUE);
        }
        return args;
    }
}
