package dev.ingate.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What OpenAI's {@code POST /v1/chat/completions} refuses with 400 invalid_request_error, with the
 * API's own message, {@code param} and {@code code}. Unknown top-level fields (Anthropic's
 * {@code top_k}, {@code system}, {@code thinking}) are "Unrecognized request argument supplied".
 */
final class OpenAiChatRules {

    private static final Set<String> TOP_LEVEL = Set.of("model", "messages", "audio", "frequency_penalty",
            "function_call", "functions", "logit_bias", "logprobs", "max_completion_tokens", "max_tokens", "metadata",
            "modalities", "n", "parallel_tool_calls", "prediction", "presence_penalty", "prompt_cache_key",
            "prompt_cache_retention", "reasoning_effort", "response_format", "safety_identifier", "seed",
            "service_tier", "stop", "store", "stream", "stream_options", "temperature", "tool_choice", "tools",
            "top_logprobs", "top_p", "user", "verbosity", "web_search_options");

    // 'function' is deprecated but still accepted, so a mock refusing it would be stricter than the API.
    private static final List<String> ROLES = List.of("system", "assistant", "user", "function", "tool", "developer");

    private OpenAiChatRules() {}

    /** The problem the real API would report, or null if it would accept the body. */
    static Problem check(ObjectNode req) {
        for (String name : req.propertyNames()) {
            if (!TOP_LEVEL.contains(name)) return Problem.of("Unrecognized request argument supplied: " + name);
        }
        if (!req.path("model").isString()) return Problem.of("you must provide a model parameter");
        JsonNode messages = req.get("messages");
        if (messages == null) {
            return Problem.at("messages", "missing_required_parameter", "Missing required parameter: 'messages'.");
        }
        if (!messages.isArray()) {
            return Problem.at("messages", "invalid_type", "Invalid type for 'messages': expected an array of objects, but got "
                    + kind(messages) + " instead.");
        }
        if (messages.isEmpty()) {
            return Problem.at("messages", "empty_array", "Invalid 'messages': empty array. Expected an array with minimum"
                    + " length 1, but got an empty array instead.");
        }
        boolean stream = Wire.flag(req, "stream", false);
        if (req.has("stream_options") && !req.get("stream_options").isNull() && !stream) {
            return Problem.at("stream_options", null, "The 'stream_options' parameter is only allowed when 'stream' is enabled.");
        }
        Problem p = tools(req.get("tools"));
        return p != null ? p : messages(messages);
    }

    private static String kind(JsonNode n) {
        return n.isString() ? "a string" : n.isObject() ? "an object" : n.isNumber() ? "a number" : n.isBoolean() ? "a boolean" : "null";
    }

    private static Problem tools(JsonNode tools) {
        if (tools == null) return null;
        for (int i = 0; i < tools.size(); i++) {
            JsonNode t = tools.get(i);
            String at = "tools[" + i + "]";
            JsonNode type = t.get("type");
            if (type == null) return Problem.at(at + ".type", "missing_required_parameter", "Missing required parameter: '" + at + ".type'.");
            if (!Set.of("function", "custom").contains(type.asString(""))) {
                return Problem.at(at + ".type", "invalid_value", "Invalid value: '" + type.asString("") + "'. Supported values are:"
                        + " 'function' and 'custom'.");
            }
            if (type.asString("").equals("function")) {
                if (!t.has("function")) {
                    return Problem.at(at + ".function", "missing_required_parameter", "Missing required parameter: '" + at + ".function'.");
                }
                if (!t.get("function").path("name").isString()) {
                    return Problem.at(at + ".function.name", "missing_required_parameter",
                            "Missing required parameter: '" + at + ".function.name'.");
                }
            }
        }
        return null;
    }

    private static Problem messages(JsonNode messages) {
        List<String> open = new ArrayList<>();
        int openedAt = -1;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String at = "messages[" + i + "]";
            JsonNode roleNode = m.get("role");
            if (roleNode == null) return Problem.at(at + ".role", "missing_required_parameter", "Missing required parameter: '" + at + ".role'.");
            String role = roleNode.asString("");
            if (!ROLES.contains(role)) {
                return Problem.at(at + ".role", "invalid_value", "Invalid value: '" + role + "'. Supported values are: 'system',"
                        + " 'assistant', 'user', 'function', 'tool', and 'developer'.");
            }
            if (role.equals("tool")) {
                if (!m.has("tool_call_id")) {
                    return Problem.at(at + ".tool_call_id", "missing_required_parameter",
                            "Missing required parameter: '" + at + ".tool_call_id'.");
                }
                if (openedAt < 0 || !open.remove(m.get("tool_call_id").asString(""))) {
                    return Problem.at("messages.[" + i + "].role", null, "Invalid parameter: messages with role 'tool' must be a"
                            + " response to a preceeding message with 'tool_calls'.");
                }
                continue;
            }
            if (!open.isEmpty()) return unanswered(open, openedAt);
            openedAt = -1;
            if (!role.equals("user") && !role.equals("system") && !role.equals("developer") && m.has("tool_calls")) {
                Problem p = toolCalls(m.get("tool_calls"), at, open);
                if (p != null) return p;
                openedAt = open.isEmpty() ? -1 : i;
            } else if (!m.has("content") && !role.equals("assistant")) {
                return Problem.at(at + ".content", "missing_required_parameter", "Missing required parameter: '" + at + ".content'.");
            }
        }
        return open.isEmpty() ? null : unanswered(open, openedAt);
    }

    private static Problem unanswered(List<String> open, int at) {
        return Problem.at("messages.[" + at + "].role", null, "An assistant message with 'tool_calls' must be followed by tool"
                + " messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: "
                + String.join(", ", open));
    }

    private static Problem toolCalls(JsonNode calls, String at, List<String> open) {
        for (int j = 0; j < calls.size(); j++) {
            JsonNode c = calls.get(j);
            String cat = at + ".tool_calls[" + j + "]";
            if (!c.path("id").isString()) {
                return Problem.at(cat + ".id", "missing_required_parameter", "Missing required parameter: '" + cat + ".id'.");
            }
            if (!c.has("type")) {
                return Problem.at(cat + ".type", "missing_required_parameter", "Missing required parameter: '" + cat + ".type'.");
            }
            JsonNode f = c.get("function");
            if (f == null) {
                return Problem.at(cat + ".function", "missing_required_parameter", "Missing required parameter: '" + cat + ".function'.");
            }
            if (!f.path("name").isString()) {
                return Problem.at(cat + ".function.name", "missing_required_parameter",
                        "Missing required parameter: '" + cat + ".function.name'.");
            }
            JsonNode args = f.get("arguments");
            if (args == null) {
                return Problem.at(cat + ".function.arguments", "missing_required_parameter",
                        "Missing required parameter: '" + cat + ".function.arguments'.");
            }
            if (!args.isString()) {
                return Problem.at(cat + ".function.arguments", "invalid_type", "Invalid type for '" + cat
                        + ".function.arguments': expected a string, but got " + kind(args) + " instead.");
            }
            open.add(c.get("id").stringValue());
        }
        return null;
    }
}
