package dev.ingate.testkit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Gemini's generateContent refuses with 400 INVALID_ARGUMENT, worded as Google words it: the
 * proto JSON parser's "Unknown name" for fields it does not know (which is what an OpenAI-shaped
 * {@code model}, {@code stream} or {@code messages} hits), then the request validator's
 * "* GenerateContentRequest.…" lines. The parser takes camelCase and snake_case field names alike.
 */
final class GeminiRules {

    private static final Set<String> TOP_LEVEL = Set.of("contents", "tools", "toolConfig", "tool_config",
            "safetySettings", "safety_settings", "systemInstruction", "system_instruction", "generationConfig",
            "generation_config", "cachedContent", "cached_content", "labels");

    /** The oneof 'data' of a Part: exactly one must be set. */
    private static final Map<String, String> DATA = Map.ofEntries(
            Map.entry("text", "text"), Map.entry("inlineData", "inline_data"), Map.entry("inline_data", "inline_data"),
            Map.entry("fileData", "file_data"), Map.entry("file_data", "file_data"),
            Map.entry("functionCall", "function_call"), Map.entry("function_call", "function_call"),
            Map.entry("functionResponse", "function_response"), Map.entry("function_response", "function_response"),
            Map.entry("executableCode", "executable_code"), Map.entry("executable_code", "executable_code"),
            Map.entry("codeExecutionResult", "code_execution_result"),
            Map.entry("code_execution_result", "code_execution_result"));

    /** Part fields outside the oneof. */
    private static final Set<String> PART_METADATA = Set.of("thought", "thoughtSignature", "thought_signature",
            "videoMetadata", "video_metadata", "partMetadata", "part_metadata", "mediaResolution", "media_resolution");

    private GeminiRules() {}

    /** The message of the 400 the real API would give, or null if it would accept the body. */
    static String check(ObjectNode req) {
        for (String name : req.propertyNames()) {
            if (!TOP_LEVEL.contains(name)) return "Invalid JSON payload received. Unknown name \"" + name + "\": Cannot find field.";
        }
        JsonNode contents = req.get("contents");
        if (contents == null || !contents.isArray() || contents.isEmpty()) {
            return "* GenerateContentRequest.contents: contents is not specified\n";
        }
        for (int i = 0; i < contents.size(); i++) {
            String problem = content(contents.get(i), "contents[" + i + "]");
            if (problem != null) return problem;
        }
        JsonNode system = req.has("systemInstruction") ? req.get("systemInstruction") : req.get("system_instruction");
        if (system != null && system.isObject()) {
            for (int j = 0; j < system.path("parts").size(); j++) {
                String problem = part(system.get("parts").get(j), "system_instruction.parts[" + j + "]");
                if (problem != null) return problem;
            }
        }
        return tools(req.get("tools"));
    }

    private static String content(JsonNode content, String at) {
        for (String name : content.propertyNames()) {
            if (!name.equals("role") && !name.equals("parts")) {
                return "Invalid JSON payload received. Unknown name \"" + name + "\" at '" + at + "': Cannot find field.";
            }
        }
        JsonNode role = content.get("role");
        if (role != null && !(role.isString() && List.of("user", "model").contains(role.stringValue()))) {
            return "Please use a valid role: user, model.";
        }
        JsonNode parts = content.get("parts");
        if (parts == null || !parts.isArray() || parts.isEmpty()) {
            return "* GenerateContentRequest." + at + ".parts: contents.parts must not be empty.\n";
        }
        for (int j = 0; j < parts.size(); j++) {
            String problem = part(parts.get(j), at + ".parts[" + j + "]");
            if (problem != null) return problem;
        }
        return null;
    }

    private static String part(JsonNode part, String at) {
        String set = null;
        for (String name : part.propertyNames()) {
            if (DATA.containsKey(name)) {
                if (set != null) {
                    return "Invalid value at '" + at + "' (oneof), oneof field 'data' is already set. Cannot set '" + name + "'";
                }
                set = name;
            } else if (!PART_METADATA.contains(name)) {
                return "Invalid JSON payload received. Unknown name \"" + name + "\" at '" + at + "': Cannot find field.";
            }
        }
        if (set == null) {
            return "* GenerateContentRequest." + at + ".data: required oneof field 'data' must have one initialized field\n";
        }
        JsonNode value = part.get(set);
        String field = DATA.get(set);
        return switch (field) {
            case "text" -> value.isString() ? null
                    : "Invalid value at '" + at + ".text' (TYPE_STRING), " + value;
            case "inline_data" -> blob(value, at + "." + field, "data");
            case "file_data" -> blob(value, at + "." + field, "fileUri");
            case "function_call", "function_response" -> {
                if (!value.path("name").isString() || value.path("name").stringValue().isEmpty()) {
                    yield "* GenerateContentRequest." + at + "." + field + ".name: Name cannot be empty.\n";
                }
                JsonNode payload = value.get(field.equals("function_call") ? "args" : "response");
                yield payload == null || payload.isObject() ? null
                        : "Invalid value at '" + at + "." + field + "' (type.googleapis.com/google.protobuf.Struct), "
                                + payload;
            }
            default -> null;
        };
    }

    private static String blob(JsonNode blob, String at, String dataField) {
        String mime = blob.has("mimeType") ? "mimeType" : "mime_type";
        if (!blob.path(mime).isString() || blob.path(mime).stringValue().isEmpty()) {
            return "* GenerateContentRequest." + at + ".mime_type: Mime type cannot be empty.\n";
        }
        String snake = dataField.equals("fileUri") ? "file_uri" : "data";
        if (!blob.path(dataField).isString() && !blob.path(snake).isString()) {
            return "* GenerateContentRequest." + at + "." + snake + ": " + snake + " is not specified\n";
        }
        return null;
    }

    private static String tools(JsonNode tools) {
        if (tools == null) return null;
        for (int i = 0; i < tools.size(); i++) {
            JsonNode decls = tools.get(i).has("functionDeclarations")
                    ? tools.get(i).get("functionDeclarations") : tools.get(i).get("function_declarations");
            if (decls == null) continue;
            for (int j = 0; j < decls.size(); j++) {
                if (!decls.get(j).path("name").isString() || decls.get(j).path("name").stringValue().isEmpty()) {
                    return "* GenerateContentRequest.tools[" + i + "].function_declarations[" + j
                            + "].name: [FIELD_INVALID] Invalid function name. Must start with a letter or an underscore."
                            + " Must be a-z, A-Z, 0-9, or contain underscores, dots, colons and dashes, with a maximum length of 128.\n";
                }
            }
        }
        return null;
    }
}
