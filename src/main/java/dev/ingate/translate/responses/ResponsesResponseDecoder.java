package dev.ingate.translate.responses;

import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalResponse;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.Shape;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A Responses {@code response} object → canonical response. Output items other than messages, function calls and
 * reasoning (web search calls, MCP calls…) are kept raw. Reasoning becomes thinking without a signature: its
 * encrypted content means something only to OpenAI.
 */
public final class ResponsesResponseDecoder {

    private ResponsesResponseDecoder() {
    }

    public static CanonicalResponse decode(String json) {
        JsonNode root = Json.parseObject(json);
        List<ContentPart> content = new ArrayList<>();
        for (JsonNode item : Json.elements(root, "output")) {
            decodeItem(item, content);
        }
        Usage usage = Json.present(root, "usage") ? UsageFields.decode(root.get("usage")) : Usage.NONE;
        Optional<Long> created = root.path("created_at").isNumber() ? Optional.of(root.get("created_at").longValue()) : Optional.empty();
        return new CanonicalResponse(Json.text(root, "id", ""), Json.text(root, "model", ""), created, content,
                stopReason(root, content), Optional.empty(), usage);
    }

    private static void decodeItem(JsonNode item, List<ContentPart> content) {
        String type = Json.text(item, "type", "");
        switch (type) {
            case "message" -> {
                String text = messageText(item);
                if (!text.isEmpty()) {
                    content.add(new ContentPart.Text(text));
                }
            }
            case "function_call" -> content.add(new ContentPart.ToolCall(Json.text(item, "call_id", ""),
                    Json.text(item, "name", ""), Json.text(item, "arguments", "")));
            case "reasoning" -> {
                String text = reasoningText(item);
                if (!text.isEmpty()) {
                    content.add(new ContentPart.Thinking(text, ""));
                }
            }
            default -> content.add(new ContentPart.Opaque(Shape.OPENAI_RESPONSES, type, Json.write(item)));
        }
    }

    /** The text of a message's parts; a refusal is text too, as from Chat Completions. */
    static String messageText(JsonNode item) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : Json.elements(item, "content")) {
            Json.text(part, "text").or(() -> Json.text(part, "refusal")).ifPresent(text::append);
        }
        return text.toString();
    }

    /** The summary parts, or the raw reasoning text (open-weight models) when there is no summary; parts apart by a blank line. */
    static String reasoningText(JsonNode item) {
        List<String> parts = new ArrayList<>();
        JsonNode source = Json.elements(item, "summary").isEmpty() ? Json.elements(item, "content") : Json.elements(item, "summary");
        source.forEach(part -> Json.text(part, "text").filter(text -> !text.isEmpty()).ifPresent(parts::add));
        return String.join("\n\n", parts);
    }

    /** Responses has no stop reason for tool calls: an answer that calls a function stopped to have it run. */
    private static StopReason stopReason(JsonNode root, List<ContentPart> content) {
        String status = Json.text(root, "status", "completed");
        if (status.equals("incomplete")) {
            return incompleteReason(Json.text(root.path("incomplete_details"), "reason", ""));
        }
        if (content.stream().anyMatch(ContentPart.ToolCall.class::isInstance)) {
            return StopReason.TOOL_USE;
        }
        return status.equals("completed") ? StopReason.END_TURN : StopReason.OTHER;
    }

    static StopReason incompleteReason(String reason) {
        return switch (reason) {
            case "max_output_tokens" -> StopReason.MAX_TOKENS;
            case "content_filter" -> StopReason.CONTENT_FILTER;
            default -> StopReason.OTHER;
        };
    }
}
