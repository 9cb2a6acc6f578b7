package dev.ingate.translate.ollama;

import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalResponse;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * An Ollama {@code /api/chat} answer (stream off) → canonical response. Ollama gives neither the answer nor its
 * tool calls an id, so they are made; the tool call ids must be unique across the conversation (Anthropic rejects
 * a repeated one), so they are random, not numbered.
 */
public final class OllamaResponseDecoder {

    private final Supplier<String> ids;

    /** @param ids unique, id-safe text ({@code [A-Za-z0-9_-]}) on every call */
    public OllamaResponseDecoder(Supplier<String> ids) {
        this.ids = ids;
    }

    public CanonicalResponse decode(String json) {
        JsonNode root = Json.parseObject(json);
        JsonNode message = root.path("message");
        List<ContentPart> content = new ArrayList<>();
        Json.text(message, "thinking").filter(text -> !text.isEmpty()).ifPresent(text -> content.add(new ContentPart.Thinking(text, "")));
        String text = Json.text(message, "content", "");
        if (!text.isEmpty()) {
            content.add(new ContentPart.Text(text));
        }
        JsonNode toolCalls = Json.elements(message, "tool_calls");
        for (JsonNode call : toolCalls) {
            content.add(ToolCalls.decode(call, "call_" + ids.get()));
        }
        return new CanonicalResponse("ollama-" + ids.get(), Json.text(root, "model", ""),
                Json.text(root, "created_at").flatMap(Timestamps::epochSeconds), content,
                DoneReasons.decode(Json.text(root, "done_reason", ""), !toolCalls.isEmpty()), Optional.empty(), usage(root));
    }

    /** Ollama has no prompt cache counts: every prompt token is input. */
    static Usage usage(JsonNode root) {
        return new Usage(Json.count(root, "prompt_eval_count"), 0, 0, Json.count(root, "eval_count"));
    }
}
