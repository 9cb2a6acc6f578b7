package dev.ingate.translate.ollama;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalResponse;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.Usage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical response → Ollama {@code /api/chat} answer. The timings ({@code total_duration}…) are left out: the
 * gateway does not know them, and Ollama itself omits them when zero. {@code created_at} comes from the clock when
 * the source had no time (Anthropic).
 */
public final class OllamaResponseEncoder {

    private final Clock clock;

    public OllamaResponseEncoder(Clock clock) {
        this.clock = clock;
    }

    public Encoded encode(CanonicalResponse response) {
        List<String> dropped = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        ArrayNode toolCalls = Json.array();
        for (ContentPart part : response.content()) {
            switch (part) {
                case ContentPart.Text piece -> text.append(piece.text());
                case ContentPart.Thinking piece -> thinking.append(piece.text());
                case ContentPart.ToolCall call -> toolCalls.add(ToolCalls.encode(call.name(), call.argumentsJson()));
                case ContentPart.Opaque opaque -> dropped.add("content:" + opaque.type());
                case ContentPart.Image image -> dropped.add("content:image");
                case ContentPart.ToolResult result -> dropped.add("content:tool_result");
            }
        }
        ObjectNode root = envelope(response.model(), response.createdEpochSeconds().map(Instant::ofEpochSecond).orElseGet(clock::instant));
        ObjectNode message = root.putObject("message").put("role", "assistant").put("content", text.toString());
        if (!thinking.isEmpty()) {
            message.put("thinking", thinking.toString());
        }
        if (!toolCalls.isEmpty()) {
            message.set("tool_calls", toolCalls);
        }
        finish(root, DoneReasons.encode(response.stopReason()), response.usage());
        return new Encoded(Json.write(root), dropped);
    }

    static ObjectNode envelope(String model, Instant createdAt) {
        return Json.object().put("model", model).put("created_at", Timestamps.format(createdAt));
    }

    /** The closing fields, the same on an answer and on a stream's last line; the prompt count includes cached tokens. */
    static void finish(ObjectNode root, String doneReason, Usage usage) {
        root.put("done_reason", doneReason);
        root.put("done", true);
        root.put("prompt_eval_count", usage.promptTokensIncludingCache());
        root.put("eval_count", usage.outputTokens());
    }
}
