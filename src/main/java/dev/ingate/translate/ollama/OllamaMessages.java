package dev.ingate.translate.ollama;

import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.ImageSource;
import dev.ingate.translate.canonical.Message;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical turns → Ollama messages. An Ollama message holds one string of content, base64 images beside it, and
 * for a tool result the tool's name (the call's id means nothing to Ollama): the names are looked up from the calls
 * the assistant made earlier in the conversation.
 */
final class OllamaMessages {

    /** Where a URL image would have gone: Ollama takes only base64, and the gateway does not fetch. */
    static final String DROPPED_IMAGE_URL = "messages[].content[].image_url";

    private OllamaMessages() {
    }

    /** Tool results become {@code tool} messages ahead of the rest of the turn, right after the calls they answer. */
    static void addUserTurn(ArrayNode messages, Message message, Map<String, String> toolNameById, List<String> dropped) {
        StringBuilder text = new StringBuilder();
        ArrayNode images = Json.array();
        for (ContentPart part : message.parts()) {
            switch (part) {
                case ContentPart.ToolResult result -> messages.add(toolMessage(result, toolNameById, dropped));
                case ContentPart.Text piece -> appendParagraph(text, piece.text());
                case ContentPart.Image image -> addImage(images, image.source(), dropped);
                case ContentPart.Opaque opaque -> dropped.add("content:" + opaque.type());
                case ContentPart.ToolCall call -> dropped.add("content:tool_use");
                case ContentPart.Thinking thinking -> dropped.add("content:thinking");
            }
        }
        if (text.isEmpty() && images.isEmpty()) {
            return;
        }
        ObjectNode user = messages.addObject().put("role", "user").put("content", text.toString());
        if (!images.isEmpty()) {
            user.set("images", images);
        }
    }

    private static ObjectNode toolMessage(ContentPart.ToolResult result, Map<String, String> toolNameById, List<String> dropped) {
        StringBuilder text = new StringBuilder();
        ArrayNode images = Json.array();
        for (ContentPart part : result.content()) {
            switch (part) {
                case ContentPart.Text piece -> text.append(piece.text());
                case ContentPart.Image image -> addImage(images, image.source(), dropped);
                default -> dropped.add("tool_result:content");
            }
        }
        if (result.isError()) {
            dropped.add("tool_result:is_error");
        }
        ObjectNode tool = Json.object().put("role", "tool").put("content", text.toString());
        if (!images.isEmpty()) {
            tool.set("images", images);
        }
        String name = toolNameById.get(result.toolCallId());
        if (name != null) {
            tool.put("tool_name", name);
        }
        return tool;
    }

    /** Thinking goes back as {@code thinking}, which Ollama passes to the template of models that use it. */
    static ObjectNode assistantMessage(Message message, Map<String, String> toolNameById, List<String> dropped) {
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        ArrayNode toolCalls = Json.array();
        for (ContentPart part : message.parts()) {
            switch (part) {
                case ContentPart.Text piece -> text.append(piece.text());
                case ContentPart.Thinking piece -> thinking.append(piece.text());
                case ContentPart.ToolCall call -> {
                    toolNameById.put(call.id(), call.name());
                    toolCalls.add(ToolCalls.encode(call.name(), call.argumentsJson()));
                }
                case ContentPart.Opaque opaque -> dropped.add("content:" + opaque.type());
                case ContentPart.Image image -> dropped.add("content:image");
                case ContentPart.ToolResult result -> dropped.add("content:tool_result");
            }
        }
        ObjectNode assistant = Json.object().put("role", "assistant").put("content", text.toString());
        if (!thinking.isEmpty()) {
            assistant.put("thinking", thinking.toString());
        }
        if (!toolCalls.isEmpty()) {
            assistant.set("tool_calls", toolCalls);
        }
        return assistant;
    }

    private static void addImage(ArrayNode images, ImageSource source, List<String> dropped) {
        switch (source) {
            case ImageSource.Base64 inline -> images.add(inline.data());
            case ImageSource.Url url -> dropped.add(DROPPED_IMAGE_URL);
        }
    }

    /** Text parts become one content string; a blank line keeps them apart as separate parts were. */
    private static void appendParagraph(StringBuilder text, String piece) {
        if (!text.isEmpty() && !piece.isEmpty()) {
            text.append("\n\n");
        }
        text.append(piece);
    }
}
