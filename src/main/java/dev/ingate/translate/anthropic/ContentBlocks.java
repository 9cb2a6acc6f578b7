package dev.ingate.translate.anthropic;

import dev.ingate.translate.canonical.Signatures;
import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.ImageSource;
import dev.ingate.translate.canonical.Shape;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic content blocks ↔ canonical content parts, the same in requests and responses. */
final class ContentBlocks {

    private ContentBlocks() {
    }

    /** Content that is a string or an array of blocks. */
    static List<ContentPart> decode(JsonNode content) {
        if (content == null || content.isNull()) {
            return List.of();
        }
        if (content.isString()) {
            return List.of(new ContentPart.Text(content.stringValue()));
        }
        List<ContentPart> parts = new ArrayList<>();
        for (JsonNode block : content) {
            parts.add(decodeBlock(block));
        }
        return parts;
    }

    private static ContentPart decodeBlock(JsonNode block) {
        String type = Json.text(block, "type", "");
        return switch (type) {
            case "text" -> new ContentPart.Text(Json.text(block, "text", ""));
            case "image" -> imagePart(block);
            case "tool_use" -> new ContentPart.ToolCall(Json.text(block, "id", ""), Json.text(block, "name", ""),
                    Json.write(block.has("input") ? block.get("input") : Json.object()));
            case "tool_result" -> new ContentPart.ToolResult(Json.text(block, "tool_use_id", ""), decode(block.get("content")),
                    Json.bool(block, "is_error").orElse(false));
            case "thinking" -> new ContentPart.Thinking(Json.text(block, "thinking", ""),
                    Signatures.fromWire(Shape.ANTHROPIC_MESSAGES, Json.text(block, "signature", "")));
            default -> new ContentPart.Opaque(Shape.ANTHROPIC_MESSAGES, type, Json.write(block));
        };
    }

    private static ContentPart imagePart(JsonNode block) {
        JsonNode source = block.path("source");
        if (Json.text(source, "type", "").equals("url")) {
            return new ContentPart.Image(new ImageSource.Url(Json.text(source, "url", "")));
        }
        if (Json.text(source, "type", "").equals("base64")) {
            return new ContentPart.Image(new ImageSource.Base64(Json.text(source, "media_type", ""), Json.text(source, "data", "")));
        }
        return new ContentPart.Opaque(Shape.ANTHROPIC_MESSAGES, "image", Json.write(block));
    }

    /**
     * Blocks for the parts Anthropic can take; the rest are named in {@code dropped}. Thinking without a signature
     * (it came from another vendor) goes into a response with an empty signature, so the client sees it; in a
     * request it is left out without a word: Anthropic rejects it, and it is the model's own earlier output, not a
     * parameter the client set.
     */
    static ArrayNode encode(List<ContentPart> parts, List<String> dropped, boolean keepUnsignedThinking) {
        ArrayNode blocks = Json.array();
        for (ContentPart part : parts) {
            switch (part) {
                case ContentPart.Text text -> blocks.addObject().put("type", "text").put("text", text.text());
                case ContentPart.Image image -> blocks.add(imageBlock(image.source()));
                case ContentPart.ToolCall call -> {
                    ObjectNode block = blocks.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name());
                    block.set("input", Json.argumentsObject(call.argumentsJson()));
                }
                case ContentPart.ToolResult result -> {
                    ObjectNode block = blocks.addObject().put("type", "tool_result").put("tool_use_id", result.toolCallId());
                    if (result.content().size() == 1 && result.content().getFirst() instanceof ContentPart.Text text) {
                        block.put("content", text.text());
                    } else {
                        block.set("content", encode(result.content(), dropped, keepUnsignedThinking));
                    }
                    if (result.isError()) {
                        block.put("is_error", true);
                    }
                }
                case ContentPart.Thinking thinking -> {
                    String signature = keepUnsignedThinking ? Signatures.forClient(Shape.ANTHROPIC_MESSAGES, thinking.signature())
                            : Signatures.forUpstream(Shape.ANTHROPIC_MESSAGES, thinking.signature());
                    if (keepUnsignedThinking || !signature.isEmpty()) {   // unsigned (or another vendor's): see above
                        blocks.addObject().put("type", "thinking").put("thinking", thinking.text()).put("signature", signature);
                    }
                }
                case ContentPart.Opaque opaque when opaque.origin() == Shape.ANTHROPIC_MESSAGES -> blocks.add(Json.parse(opaque.rawJson()));
                case ContentPart.Opaque opaque -> dropped.add("content:" + opaque.type());
            }
        }
        return blocks;
    }

    private static ObjectNode imageBlock(ImageSource source) {
        ObjectNode block = Json.object().put("type", "image");
        switch (source) {
            case ImageSource.Url url -> block.putObject("source").put("type", "url").put("url", url.url());
            case ImageSource.Base64 inline -> block.putObject("source").put("type", "base64")
                    .put("media_type", inline.mediaType()).put("data", inline.data());
        }
        return block;
    }
}
