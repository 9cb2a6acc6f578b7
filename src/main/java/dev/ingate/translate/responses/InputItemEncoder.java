package dev.ingate.translate.responses;

import dev.ingate.translate.openai.DataUrls;
import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.Message;
import dev.ingate.translate.canonical.Role;
import dev.ingate.translate.canonical.Shape;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical turns → Responses {@code input} items, in the order of the parts: text and images gather into a
 * message, and each tool call and tool result becomes an item of its own, as Responses lists them. A message
 * that is one piece of text is written as a plain string, the form clients most often send. Messages carry
 * {@code type: "message"} although the API does not require it: the SDKs tell input items apart by their type.
 */
final class InputItemEncoder {

    private final ArrayNode items = Json.array();
    private final List<String> dropped;
    private ObjectNode openMessage;

    private InputItemEncoder(List<String> dropped) {
        this.dropped = dropped;
    }

    static ArrayNode encode(List<Message> messages, List<String> dropped) {
        InputItemEncoder encoder = new InputItemEncoder(dropped);
        for (Message message : messages) {
            message.parts().forEach(part -> encoder.encodePart(message.role(), part));
            encoder.closeMessage();
        }
        return encoder.items;
    }

    private void encodePart(Role role, ContentPart part) {
        switch (part) {
            case ContentPart.Text text -> content(role).addObject()
                    .put("type", role == Role.USER ? "input_text" : "output_text").put("text", text.text());
            case ContentPart.Image image when role == Role.USER -> content(role).add(imagePart(image));
            case ContentPart.Image image -> dropped.add("content:image");
            case ContentPart.ToolCall call -> item().put("type", "function_call").put("call_id", call.id())
                    .put("name", call.name()).put("arguments", call.argumentsJson());
            case ContentPart.ToolResult result -> toolOutput(result);
            // Reasoning goes back to OpenAI only as its own item (an rs_ id, encrypted content); other vendors' cannot.
            case ContentPart.Thinking thinking -> {
            }
            case ContentPart.Opaque opaque when opaque.origin() == Shape.OPENAI_RESPONSES && opaque.type().startsWith("input_") ->
                    content(role).add(Json.parse(opaque.rawJson()));
            case ContentPart.Opaque opaque when opaque.origin() == Shape.OPENAI_RESPONSES -> item().setAll(Json.parseObject(opaque.rawJson()));
            case ContentPart.Opaque opaque -> dropped.add("content:" + opaque.type());
        }
    }

    private ArrayNode content(Role role) {
        if (openMessage == null) {
            openMessage = items.addObject().put("type", "message").put("role", role == Role.USER ? "user" : "assistant");
            openMessage.putArray("content");
        }
        return (ArrayNode) openMessage.get("content");
    }

    /** An item other than a message ends the message before it, so the order of the parts is kept. */
    private ObjectNode item() {
        closeMessage();
        return items.addObject();
    }

    /** Assistant text must be a plain string: an {@code output_text} part belongs to an output message, which needs an id. */
    private void closeMessage() {
        if (openMessage == null) {
            return;
        }
        ArrayNode content = (ArrayNode) openMessage.get("content");
        boolean assistant = openMessage.get("role").stringValue().equals("assistant");
        if (assistant || content.size() == 1 && content.get(0).path("type").asString("").equals("input_text")) {
            StringBuilder text = new StringBuilder();
            content.forEach(part -> text.append(part.path("text").asString("")));
            openMessage.put("content", text.toString());
        }
        openMessage = null;
    }

    private static ObjectNode imagePart(ContentPart.Image image) {
        return Json.object().put("type", "input_image").put("image_url", DataUrls.encode(image.source())).put("detail", "auto");
    }

    /** A string when the result is text only; with images, the list of parts the newer API takes. */
    private void toolOutput(ContentPart.ToolResult result) {
        ObjectNode item = item().put("type", "function_call_output").put("call_id", result.toolCallId());
        boolean textOnly = result.content().stream().allMatch(part -> part instanceof ContentPart.Text);
        if (textOnly) {
            StringBuilder text = new StringBuilder();
            result.content().forEach(part -> text.append(((ContentPart.Text) part).text()));
            item.put("output", text.toString());
        } else {
            ArrayNode output = item.putArray("output");
            for (ContentPart part : result.content()) {
                if (part instanceof ContentPart.Text text) {
                    output.addObject().put("type", "input_text").put("text", text.text());
                } else if (part instanceof ContentPart.Image image) {
                    output.add(imagePart(image));
                }
            }
        }
        if (result.isError()) {
            dropped.add("tool_result:is_error");
        }
    }
}
