package dev.ingate.translate.openai;

import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalResponse;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI {@code chat.completion} body → canonical response. Only the first choice is read (a request with
 * {@code n > 1} has no canonical form). A non-standard {@code reasoning_content} (DeepSeek, vLLM) becomes thinking.
 */
public final class OpenAiChatResponseDecoder {

    private OpenAiChatResponseDecoder() {
    }

    public static CanonicalResponse decode(String json) {
        JsonNode root = Json.parseObject(json);
        JsonNode choice = Json.elements(root, "choices").path(0);
        JsonNode message = choice.path("message");
        List<ContentPart> content = new ArrayList<>();
        Json.text(message, "reasoning_content").filter(text -> !text.isEmpty())
                .ifPresent(text -> content.add(new ContentPart.Thinking(text, "")));
        String text = OpenAiChatRequestDecoder.joinedText(message.get("content"));
        String refusal = Json.text(message, "refusal", "");
        if (!text.isEmpty() || !refusal.isEmpty()) {
            content.add(new ContentPart.Text(text + refusal));
        }
        for (JsonNode call : Json.elements(message, "tool_calls")) {
            JsonNode function = call.path("function");
            content.add(new ContentPart.ToolCall(Json.text(call, "id", ""), Json.text(function, "name", ""),
                    Json.text(function, "arguments", "")));
        }
        StopReason stopReason = Json.text(choice, "finish_reason").map(FinishReasons::decode).orElse(StopReason.OTHER);
        Usage usage = Json.present(root, "usage") ? UsageFields.decode(root.get("usage")) : Usage.NONE;
        Optional<Long> created = root.path("created").isNumber() ? Optional.of(root.get("created").longValue()) : Optional.empty();
        return new CanonicalResponse(Json.text(root, "id", ""), Json.text(root, "model", ""), created, content, stopReason,
                Optional.empty(), usage);
    }
}
