package dev.ingate.translate.anthropic;

import dev.ingate.translate.canonical.Shape;
import dev.ingate.translate.canonical.Signatures;
import dev.ingate.translate.Json;
import dev.ingate.translate.StreamDecoder;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.StreamEvent;
import dev.ingate.translate.canonical.Usage;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic Messages SSE events → canonical stream events, nearly one for one. Blocks of a type the canonical
 * model lacks (redacted thinking, server tool results) are skipped with all their deltas. The usage in
 * {@code message_delta} is merged over the one from {@code message_start}, since older API versions report only
 * output tokens at the end and newer ones repeat everything.
 */
public final class AnthropicEventDecoder implements StreamDecoder {

    private final Set<Integer> skippedBlocks = new HashSet<>();
    private Usage usage = Usage.NONE;

    @Override
    public void decode(String eventName, String data, Consumer<StreamEvent> out) {
        JsonNode event = Json.parseObject(data);
        switch (Json.text(event, "type").orElse(eventName == null ? "" : eventName)) {
            case "message_start" -> {
                JsonNode message = event.path("message");
                usage = UsageFields.decode(message.path("usage"));
                out.accept(new StreamEvent.MessageStart(Json.text(message, "id", ""), Json.text(message, "model", ""), usage));
            }
            case "content_block_start" -> blockStart(event, out);
            case "content_block_delta" -> blockDelta(event, out);
            case "content_block_stop" -> {
                int index = event.path("index").asInt(0);
                if (!skippedBlocks.contains(index)) {
                    out.accept(new StreamEvent.BlockStop(index));
                }
            }
            case "message_delta" -> {
                JsonNode delta = event.path("delta");
                usage = UsageFields.merge(usage, event.path("usage"));
                StopReason reason = Json.text(delta, "stop_reason").map(StopReasons::decode).orElse(StopReason.OTHER);
                out.accept(new StreamEvent.MessageDelta(reason, Json.text(delta, "stop_sequence"), Optional.of(usage)));
            }
            case "message_stop" -> out.accept(new StreamEvent.MessageStop());
            case "error" -> {
                JsonNode error = event.path("error");
                out.accept(new StreamEvent.Error(Json.text(error, "type", "api_error"), Json.text(error, "message", "")));
            }
            default -> {
                // ping, and event types added after this was written.
            }
        }
    }

    private void blockStart(JsonNode event, Consumer<StreamEvent> out) {
        int index = event.path("index").asInt(0);
        JsonNode block = event.path("content_block");
        StreamEvent.BlockKind kind = switch (Json.text(block, "type", "")) {
            case "text" -> new StreamEvent.TextBlock();
            case "tool_use" -> new StreamEvent.ToolCallBlock(Json.text(block, "id", ""), Json.text(block, "name", ""));
            case "thinking" -> new StreamEvent.ThinkingBlock();
            default -> null;
        };
        if (kind == null) {
            skippedBlocks.add(index);
            return;
        }
        out.accept(new StreamEvent.BlockStart(index, kind));
        // A start that already carries text (not seen in practice, allowed by the format) must not lose it.
        Json.text(block, "text").filter(text -> !text.isEmpty())
                .ifPresent(text -> out.accept(new StreamEvent.BlockDelta(index, new StreamEvent.TextDelta(text))));
    }

    private void blockDelta(JsonNode event, Consumer<StreamEvent> out) {
        int index = event.path("index").asInt(0);
        if (skippedBlocks.contains(index)) {
            return;
        }
        JsonNode delta = event.path("delta");
        StreamEvent.Delta canonical = switch (Json.text(delta, "type", "")) {
            case "text_delta" -> new StreamEvent.TextDelta(Json.text(delta, "text", ""));
            case "input_json_delta" -> new StreamEvent.ToolArgumentsDelta(Json.text(delta, "partial_json", ""));
            case "thinking_delta" -> new StreamEvent.ThinkingDelta(Json.text(delta, "thinking", ""));
            case "signature_delta" -> new StreamEvent.SignatureDelta(Signatures.fromWire(Shape.ANTHROPIC_MESSAGES, Json.text(delta, "signature", "")));
            default -> null;
        };
        if (canonical != null) {
            out.accept(new StreamEvent.BlockDelta(index, canonical));
        }
    }
}
