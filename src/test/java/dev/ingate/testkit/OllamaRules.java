package dev.ingate.testkit;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Ollama's {@code POST /api/chat} refuses with 400. Ollama decodes the body into Go structs
 * first, so shape errors read like Go's encoding/json ("json: cannot unmarshal string into Go struct
 * field …"): tool call arguments must be a JSON object (OpenAI sends a string) and images base64
 * strings (a data: URL or an object is refused). Unknown fields are ignored, as Go does.
 */
final class OllamaRules {

    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private OllamaRules() {}

    /** The error text the real server would give, or null if it would accept the body. */
    static String check(ObjectNode req) {
        JsonNode messages = req.get("messages");
        if (messages == null || messages.isNull()) return null;
        if (!messages.isArray()) return "json: cannot unmarshal " + kind(messages) + " into Go struct field ChatRequest.messages of type []api.Message";
        for (JsonNode m : messages) {
            for (JsonNode call : m.path("tool_calls")) {
                JsonNode args = call.path("function").get("arguments");
                if (args != null && !args.isObject() && !args.isNull()) {
                    return "json: cannot unmarshal " + kind(args) + " into Go struct field"
                            + " ChatRequest.messages.tool_calls.function.arguments of type api.ToolCallFunctionArguments";
                }
            }
            JsonNode images = m.get("images");
            if (images != null && !images.isNull()) {
                if (!images.isArray()) return "json: cannot unmarshal " + kind(images) + " into Go struct field ChatRequest.messages.images of type []api.ImageData";
                for (JsonNode image : images) {
                    if (!image.isString()) {
                        return "json: cannot unmarshal " + kind(image) + " into Go struct field ChatRequest.messages.images of type api.ImageData";
                    }
                    int bad = firstNonBase64(image.stringValue());
                    if (bad >= 0) return "illegal base64 data at input byte " + bad;
                }
            }
        }
        for (JsonNode m : messages) {
            String role = Wire.text(m, "role", "");
            // Ollama's templates only know these roles; anything else would be silently mis-rendered.
            if (!ROLES.contains(role)) return "invalid role: '" + role + "', must be one of system, user, assistant, tool";
        }
        return null;
    }

    private static String kind(JsonNode n) {
        return n.isString() ? "string" : n.isObject() ? "object" : n.isArray() ? "array" : n.isNumber() ? "number" : "bool";
    }

    /** Index of the first byte Go's StdEncoding would refuse, or -1. */
    private static int firstNonBase64(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') end--;
        for (int i = 0; i < end; i++) {
            if (BASE64.indexOf(s.charAt(i)) < 0) return i;
        }
        if (s.length() % 4 != 0) return s.length() - s.length() % 4;
        return -1;
    }
}
