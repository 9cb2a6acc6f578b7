package dev.ingate.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Anthropic's {@code POST /v1/messages} refuses with 400 invalid_request_error. The API
 * validates with pydantic, so most messages are "path: reason" ("max_tokens: Field required",
 * "stream_options: Extra inputs are not permitted"); the conversation checks use the API's own
 * sentences about tool_use / tool_result pairing.
 */
final class AnthropicRules {

    private static final Set<String> TOP_LEVEL = Set.of("model", "messages", "max_tokens", "system", "metadata",
            "stop_sequences", "stream", "temperature", "top_k", "top_p", "tools", "tool_choice", "thinking",
            "service_tier", "container", "mcp_servers", "context_management", "output_config", "output_format");

    private static final String BLOCK_TAGS = "'text', 'image', 'document', 'search_result', 'thinking',"
            + " 'redacted_thinking', 'tool_use', 'tool_result', 'server_tool_use', 'web_search_tool_result'";

    private AnthropicRules() {}

    /** The message of the 400 the real API would give, or null if it would accept the body. */
    static String check(ObjectNode req) {
        for (String name : req.propertyNames()) {
            if (!TOP_LEVEL.contains(name)) return name + ": Extra inputs are not permitted";
        }
        if (!req.has("model")) return "model: Field required";
        if (!req.get("model").isString()) return "model: Input should be a valid string";
        if (!req.has("max_tokens")) return "max_tokens: Field required";
        if (!req.get("max_tokens").isIntegralNumber()) return "max_tokens: Input should be a valid integer";
        if (req.get("max_tokens").asLong() < 1) return "max_tokens: Input should be greater than or equal to 1";
        if (!req.has("messages")) return "messages: Field required";
        if (!req.get("messages").isArray()) return "messages: Input should be a valid list";
        String problem = firstOf(temperature(req), thinking(req), tools(req.get("tools")), toolChoice(req.get("tool_choice")),
                system(req.get("system")));
        return problem != null ? problem : messages(req.get("messages"));
    }

    private static String firstOf(String... problems) {
        for (String p : problems) if (p != null) return p;
        return null;
    }

    private static String temperature(ObjectNode req) {
        JsonNode t = req.get("temperature");
        if (t == null) return null;
        if (!t.isNumber()) return "temperature: Input should be a valid number";
        if (t.asDouble() < 0) return "temperature: Input should be greater than or equal to 0";
        if (t.asDouble() > 1) return "temperature: Input should be less than or equal to 1";
        return null;
    }

    private static String thinking(ObjectNode req) {
        JsonNode t = req.get("thinking");
        if (t == null) return null;
        String type = Wire.text(t, "type", "");
        switch (type) {
            case "disabled", "adaptive" -> { return null; }
            case "enabled" -> { }
            default -> {
                return "thinking: Input tag '" + type + "' found using 'type' does not match any of the expected tags:"
                        + " 'enabled', 'disabled', 'adaptive'";
            }
        }
        JsonNode budget = t.get("budget_tokens");
        if (budget == null) return "thinking.enabled.budget_tokens: Field required";
        if (!budget.isIntegralNumber()) return "thinking.enabled.budget_tokens: Input should be a valid integer";
        if (budget.asLong() < 1024) return "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024";
        if (budget.asLong() >= req.get("max_tokens").asLong()) {
            return "`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at"
                    + " https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size";
        }
        return null;
    }

    private static String tools(JsonNode tools) {
        if (tools == null) return null;
        if (!tools.isArray()) return "tools: Input should be a valid list";
        for (int i = 0; i < tools.size(); i++) {
            JsonNode t = tools.get(i);
            String type = Wire.text(t, "type", "custom");
            // Server tools (web_search_20250305, bash_20250124, …) are versioned and carry no schema.
            if (!type.equals("custom") && type.matches(".*_\\d{8}")) continue;
            if (!type.equals("custom")) return "tools." + i + ": Input tag '" + type + "' found using 'type' does not match any of the expected tags";
            if (!t.has("name")) return "tools." + i + ".custom.name: Field required";
            if (!t.has("input_schema")) return "tools." + i + ".custom.input_schema: Field required";
            if (!t.get("input_schema").isObject()) return "tools." + i + ".custom.input_schema: Input should be a valid dictionary";
            for (String name : t.propertyNames()) {
                if (!Set.of("type", "name", "description", "input_schema", "cache_control", "strict").contains(name)) {
                    return "tools." + i + ".custom." + name + ": Extra inputs are not permitted";
                }
            }
        }
        return null;
    }

    private static String toolChoice(JsonNode choice) {
        if (choice == null) return null;
        String type = Wire.text(choice, "type", "");
        if (!Set.of("auto", "any", "tool", "none").contains(type)) {
            return "tool_choice: Input tag '" + type + "' found using 'type' does not match any of the expected tags:"
                    + " 'auto', 'any', 'tool', 'none'";
        }
        if (type.equals("tool") && !choice.path("name").isString()) return "tool_choice.tool.name: Field required";
        return null;
    }

    private static String system(JsonNode system) {
        if (system == null || system.isString()) return null;
        if (!system.isArray()) return "system: Input should be a valid string";
        for (int i = 0; i < system.size(); i++) {
            if (!"text".equals(Wire.text(system.get(i), "type", ""))) {
                return "system." + i + ".type: Input should be 'text'";
            }
        }
        return null;
    }

    private static String messages(JsonNode messages) {
        if (messages.isEmpty()) return "messages: at least one message is required";
        List<String> pendingToolUse = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String at = "messages." + i;
            String role = Wire.text(m, "role", null);
            if (role == null) return at + ".role: Field required";
            if (!role.equals("user") && !role.equals("assistant")) {
                return at + ".role: Input should be 'user' or 'assistant'";
            }
            JsonNode content = m.get("content");
            if (content == null) return at + ".content: Field required";
            if (!content.isString() && !content.isArray()) return at + ".content: Input should be a valid list";
            for (int j = 0; content.isArray() && j < content.size(); j++) {
                String problem = block(content.get(j), at + ".content." + j);
                if (problem != null) return problem;
            }
            String problem = role.equals("user") ? toolResults(content, pendingToolUse, i) : null;
            if (problem != null) return problem;
            if (!pendingToolUse.isEmpty()) {
                return "messages." + (i - 1) + ": `tool_use` ids were found without `tool_result` blocks immediately after: "
                        + String.join(", ", pendingToolUse) + ". Each `tool_use` block must have a corresponding"
                        + " `tool_result` block in the next message.";
            }
            if (role.equals("assistant")) pendingToolUse = toolUseIds(content);
        }
        return null;
    }

    private static List<String> toolUseIds(JsonNode content) {
        List<String> ids = new ArrayList<>();
        for (JsonNode b : content.isArray() ? content : Wire.JSON.createArrayNode()) {
            if ("tool_use".equals(Wire.text(b, "type", ""))) ids.add(Wire.text(b, "id", ""));
        }
        return ids;
    }

    /** Checks a user message's tool_result blocks against the tool_use ids of the message before; clears those answered. */
    private static String toolResults(JsonNode content, List<String> pending, int i) {
        if (!content.isArray()) return null;
        Set<String> answered = new HashSet<>();
        boolean otherSeen = false;
        for (int j = 0; j < content.size(); j++) {
            JsonNode b = content.get(j);
            if (!"tool_result".equals(Wire.text(b, "type", ""))) {
                otherSeen = true;
                continue;
            }
            String id = Wire.text(b, "tool_use_id", "");
            if (!pending.contains(id)) {
                return "messages." + i + ".content." + j + ": unexpected `tool_use_id` found in `tool_result` blocks: " + id
                        + ". Each `tool_result` block must have a corresponding `tool_use` block in the previous message.";
            }
            if (otherSeen) {
                return "messages." + i + ": `tool_result` block(s) provided when previous message does not have"
                        + " corresponding `tool_use` blocks, or `tool_result` blocks are not at the start of the content";
            }
            answered.add(id);
        }
        pending.removeAll(answered);
        return null;
    }

    private static String block(JsonNode b, String at) {
        String type = Wire.text(b, "type", null);
        if (type == null) return at + ": Unable to extract tag using discriminator 'type'";
        return switch (type) {
            case "text" -> b.path("text").isString() ? null : at + ".text.text: Field required";
            case "image" -> source(b.get("source"), at + ".image.source", Set.of("base64", "url", "file"));
            case "document" -> source(b.get("source"), at + ".document.source", Set.of("base64", "text", "url", "content", "file"));
            case "tool_use", "server_tool_use" -> {
                if (!b.path("id").isString()) yield at + "." + type + ".id: Field required";
                if (!b.path("name").isString()) yield at + "." + type + ".name: Field required";
                if (!b.has("input")) yield at + "." + type + ".input: Field required";
                yield b.get("input").isObject() ? null : at + "." + type + ".input: Input should be a valid dictionary";
            }
            case "tool_result" -> {
                if (!b.path("tool_use_id").isString()) yield at + ".tool_result.tool_use_id: Field required";
                JsonNode c = b.get("content");
                if (c == null || c.isString()) yield null;
                if (!c.isArray()) yield at + ".tool_result.content: Input should be a valid list";
                for (int k = 0; k < c.size(); k++) {
                    String t = Wire.text(c.get(k), "type", "");
                    if (!Set.of("text", "image", "document", "search_result").contains(t)) {
                        yield at + ".tool_result.content." + k + ": Input tag '" + t
                                + "' found using 'type' does not match any of the expected tags: 'text', 'image', 'search_result', 'document'";
                    }
                }
                yield null;
            }
            case "thinking" -> {
                if (!b.path("thinking").isString()) yield at + ".thinking.thinking: Field required";
                yield b.path("signature").isString() ? null : at + ".thinking.signature: Field required";
            }
            case "redacted_thinking" -> b.path("data").isString() ? null : at + ".redacted_thinking.data: Field required";
            case "search_result", "web_search_tool_result" -> null;
            default -> at + ": Input tag '" + type + "' found using 'type' does not match any of the expected tags: " + BLOCK_TAGS;
        };
    }

    private static String source(JsonNode source, String at, Set<String> types) {
        if (source == null) return at + ": Field required";
        String type = Wire.text(source, "type", "");
        if (!types.contains(type)) {
            return at + ": Input tag '" + type + "' found using 'type' does not match any of the expected tags: '"
                    + String.join("', '", types.stream().sorted().toList()) + "'";
        }
        return switch (type) {
            case "base64" -> {
                if (!source.path("media_type").isString()) yield at + ".base64.media_type: Field required";
                yield source.path("data").isString() ? null : at + ".base64.data: Field required";
            }
            case "url" -> source.path("url").isString() ? null : at + ".url.url: Field required";
            default -> null;
        };
    }
}
