package dev.ingate.testkit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What OpenAI's {@code POST /v1/responses} refuses with 400 invalid_request_error. Unlike chat
 * completions, Responses names unknown fields "Unknown parameter: 'x'." (code unknown_parameter).
 * A function_call_output must answer a function_call earlier in the same input unless the
 * conversation continues a stored one ({@code previous_response_id} or {@code conversation}).
 */
final class OpenAiResponsesRules {

    private static final Set<String> TOP_LEVEL = Set.of("model", "input", "instructions", "tools", "tool_choice",
            "parallel_tool_calls", "max_output_tokens", "max_tool_calls", "temperature", "top_p", "top_logprobs",
            "stream", "stream_options", "store", "metadata", "previous_response_id", "conversation", "reasoning", "text",
            "truncation", "user", "include", "background", "service_tier", "prompt", "prompt_cache_key",
            "prompt_cache_retention", "safety_identifier", "context_management");

    private static final List<String> ITEM_TYPES = List.of("message", "function_call", "function_call_output", "reasoning",
            "item_reference", "file_search_call", "computer_call", "computer_call_output", "web_search_call",
            "image_generation_call", "code_interpreter_call", "local_shell_call", "local_shell_call_output",
            "shell_call", "shell_call_output", "apply_patch_call", "apply_patch_call_output", "mcp_list_tools",
            "mcp_approval_request", "mcp_approval_response", "mcp_call", "custom_tool_call", "custom_tool_call_output",
            "compaction");

    private static final Set<String> MESSAGE_ROLES = Set.of("user", "assistant", "system", "developer");

    private static final Set<String> PART_TYPES = Set.of("input_text", "input_image", "input_file", "input_audio",
            "output_text", "refusal");

    private OpenAiResponsesRules() {}

    /** The problem the real API would report, or null if it would accept the body. */
    static Problem check(ObjectNode req) {
        for (String name : req.propertyNames()) {
            if (!TOP_LEVEL.contains(name)) {
                return Problem.at(name, "unknown_parameter", "Unknown parameter: '" + name + "'.");
            }
        }
        if (!req.has("model")) return Problem.at("model", "missing_required_parameter", "Missing required parameter: 'model'.");
        Problem p = tools(req.get("tools"));
        if (p != null) return p;
        JsonNode input = req.get("input");
        if (input == null || input.isString()) return null;
        if (!input.isArray()) {
            return Problem.at("input", "invalid_type", "Invalid type for 'input': expected one of a string or array of input"
                    + " items, but got an object instead.");
        }
        boolean continues = req.hasNonNull("previous_response_id") || req.hasNonNull("conversation");
        return items(input, continues);
    }

    private static Problem tools(JsonNode tools) {
        if (tools == null) return null;
        for (int i = 0; i < tools.size(); i++) {
            JsonNode t = tools.get(i);
            String at = "tools[" + i + "]";
            if (!t.has("type")) return Problem.at(at + ".type", "missing_required_parameter", "Missing required parameter: '" + at + ".type'.");
            // Chat-completions-shaped tools ({"type":"function","function":{…}}) are the classic translation slip.
            if ("function".equals(Wire.text(t, "type", "")) && !t.path("name").isString()) {
                return Problem.at(at + ".name", "missing_required_parameter", "Missing required parameter: '" + at + ".name'.");
            }
        }
        return null;
    }

    private static Problem items(JsonNode input, boolean continues) {
        Set<String> calls = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String at = "input[" + i + "]";
            // An item with a role and no type is an "easy input message".
            String type = Wire.text(item, "type", item.has("role") ? "message" : null);
            if (type == null) {
                return Problem.at(at, "missing_required_parameter", "Missing required parameter: '" + at + ".type'.");
            }
            if (!ITEM_TYPES.contains(type)) {
                return Problem.at(at + ".type", "invalid_value", "Invalid value: '" + type + "'. Supported values are: '"
                        + String.join("', '", ITEM_TYPES) + "'.");
            }
            Problem p = switch (type) {
                case "message" -> message(item, at);
                case "function_call" -> {
                    for (String field : List.of("call_id", "name", "arguments")) {
                        if (!item.path(field).isString()) {
                            yield item.has(field)
                                    ? Problem.at(at + "." + field, "invalid_type", "Invalid type for '" + at + "." + field
                                            + "': expected a string, but got " + (item.get(field).isObject() ? "an object" : "another type") + " instead.")
                                    : Problem.at(at + "." + field, "missing_required_parameter",
                                            "Missing required parameter: '" + at + "." + field + "'.");
                        }
                    }
                    calls.add(item.get("call_id").stringValue());
                    yield null;
                }
                case "function_call_output" -> {
                    if (!item.path("call_id").isString()) {
                        yield Problem.at(at + ".call_id", "missing_required_parameter", "Missing required parameter: '" + at + ".call_id'.");
                    }
                    if (!item.has("output")) {
                        yield Problem.at(at + ".output", "missing_required_parameter", "Missing required parameter: '" + at + ".output'.");
                    }
                    String id = item.get("call_id").stringValue();
                    yield continues || calls.contains(id) ? null : Problem.at("input", null,
                            "No tool call found for function call output with call_id " + id + ".");
                }
                default -> null;
            };
            if (p != null) return p;
        }
        return null;
    }

    private static Problem message(JsonNode item, String at) {
        String role = Wire.text(item, "role", null);
        if (role == null) return Problem.at(at + ".role", "missing_required_parameter", "Missing required parameter: '" + at + ".role'.");
        if (!MESSAGE_ROLES.contains(role)) {
            return Problem.at(at + ".role", "invalid_value", "Invalid value: '" + role + "'. Supported values are: 'assistant',"
                    + " 'system', 'developer', and 'user'.");
        }
        JsonNode content = item.get("content");
        if (content == null) return Problem.at(at + ".content", "missing_required_parameter", "Missing required parameter: '" + at + ".content'.");
        if (content.isString()) return null;
        for (int j = 0; j < content.size(); j++) {
            String type = Wire.text(content.get(j), "type", "");
            if (!PART_TYPES.contains(type)) {
                return Problem.at(at + ".content[" + j + "].type", "invalid_value", "Invalid value: '" + type
                        + "'. Supported values are: 'input_text', 'input_image', 'output_text', 'refusal', 'input_file',"
                        + " 'computer_screenshot', and 'summary_text'.");
            }
        }
        return null;
    }
}
