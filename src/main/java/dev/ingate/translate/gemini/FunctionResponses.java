package dev.ingate.translate.gemini;

import dev.ingate.translate.Json;
import dev.ingate.translate.TranslationException;
import dev.ingate.translate.canonical.ContentPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool result ↔ Gemini's {@code functionResponse.response}, which must be a JSON object. Text results are
 * wrapped as {@code {"output": "..."}} and failed ones as {@code {"error": "..."}}: the API reference names exactly
 * these keys ("use 'output' for the function output and 'error' for error details"), so the model reads them as
 * meant. A result whose text is a JSON object goes as that object, so structured output stays structured. On the
 * way in, a response that is only such a wrapper (or the {@code content} and {@code result} wrappers other tools
 * write) is unwrapped; any other object is passed on as its JSON text.
 */
final class FunctionResponses {

    private static final Set<String> OUTPUT_KEYS = Set.of("output", "content", "result");

    private FunctionResponses() {
    }

    static ContentPart.ToolResult decode(String toolCallId, JsonNode response) {
        if (response != null && response.isObject() && response.size() == 1) {
            var only = response.properties().iterator().next();
            if (only.getValue().isString()) {
                boolean error = only.getKey().equals("error");
                if (error || OUTPUT_KEYS.contains(only.getKey())) {
                    return new ContentPart.ToolResult(toolCallId, List.of(new ContentPart.Text(only.getValue().stringValue())), error);
                }
            }
        }
        String text = response == null ? "" : response.isString() ? response.stringValue() : Json.write(response);
        return new ContentPart.ToolResult(toolCallId, List.of(new ContentPart.Text(text)), false);
    }

    /** Images in a result have no place in a {@code functionResponse}: they are named in {@code dropped}. */
    static ObjectNode encode(ContentPart.ToolResult result, List<String> dropped) {
        List<String> texts = new ArrayList<>();
        for (ContentPart part : result.content()) {
            if (part instanceof ContentPart.Text text) {
                texts.add(text.text());
            } else {
                dropped.add("tool_result:image");
            }
        }
        String text = String.join("", texts);
        if (!result.isError() && text.strip().startsWith("{")) {
            try {
                if (Json.parse(text) instanceof ObjectNode object) {
                    return object;
                }
            } catch (TranslationException notJson) {
                // Text that only looks like an object: wrapped like any other text.
            }
        }
        return Json.object().put(result.isError() ? "error" : "output", text);
    }
}
