package dev.ingate.translate.ollama;

import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.ContentPart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ollama tool calls ↔ canonical ones. Ollama sends the arguments as an object, the canonical model keeps them as
 * JSON text; Ollama (before 0.12) sends no id, so the caller supplies one for a call without it.
 */
final class ToolCalls {

    private ToolCalls() {
    }

    static ContentPart.ToolCall decode(JsonNode call, String idWhenAbsent) {
        JsonNode function = call.path("function");
        String id = Json.text(call, "id").filter(text -> !text.isEmpty()).orElse(idWhenAbsent);
        return new ContentPart.ToolCall(id, Json.text(function, "name", ""), argumentsJson(function.get("arguments")));
    }

    /** Some clients send the arguments as a JSON string, the OpenAI way: kept as it is. */
    private static String argumentsJson(JsonNode arguments) {
        if (arguments == null || arguments.isNull()) {
            return "{}";
        }
        return arguments.isString() ? arguments.stringValue() : Json.write(arguments);
    }

    /** Arguments that are not a JSON object (truncated by a length stop) go as {@code {}}: Ollama rejects anything else. */
    static ObjectNode encode(String name, String argumentsJson) {
        ObjectNode call = Json.object();
        call.putObject("function").put("name", name).set("arguments", Json.argumentsObject(argumentsJson));
        return call;
    }
}
