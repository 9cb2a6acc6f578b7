package dev.ingate.translate.anthropic;

import dev.ingate.translate.canonical.Shape;
import dev.ingate.translate.canonical.Signatures;
import dev.ingate.translate.Json;
import dev.ingate.translate.StreamEncoder;
import dev.ingate.translate.canonical.StreamEvent;
import dev.ingate.translate.canonical.Usage;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical stream events → Anthropic Messages SSE frames ({@code event: X\ndata: {...}\n\n}). The usage in
 * {@code message_delta} is the whole message's (input and cache counts too), as the current API sends it: a
 * source like OpenAI only knows the input count at the end, when {@code message_start} has long gone out with 0.
 */
public final class AnthropicEventEncoder implements StreamEncoder {

    private Usage usage = Usage.NONE;

    @Override
    public void encode(StreamEvent event, Consumer<String> out) {
        switch (event) {
            case StreamEvent.MessageStart start -> {
                usage = start.usage();
                ObjectNode body = Json.object().put("type", "message_start");
                ObjectNode message = body.putObject("message").put("id", start.id()).put("type", "message")
                        .put("role", "assistant").put("model", start.model());
                message.putArray("content");
                message.putNull("stop_reason");
                message.putNull("stop_sequence");
                message.set("usage", UsageFields.encode(start.usage()));
                out.accept(frame("message_start", body));
            }
            case StreamEvent.BlockStart start -> {
                ObjectNode body = Json.object().put("type", "content_block_start").put("index", start.index());
                body.set("content_block", switch (start.kind()) {
                    case StreamEvent.TextBlock text -> Json.object().put("type", "text").put("text", "");
                    case StreamEvent.ToolCallBlock call -> {
                        ObjectNode block = Json.object().put("type", "tool_use").put("id", call.id()).put("name", call.name());
                        block.putObject("input");
                        yield block;
                    }
                    // The signature comes later in a signature_delta; the SDKs still want the field from the start.
                    case StreamEvent.ThinkingBlock thinking -> Json.object().put("type", "thinking").put("thinking", "").put("signature", "");
                });
                out.accept(frame("content_block_start", body));
            }
            case StreamEvent.BlockDelta delta -> {
                ObjectNode body = Json.object().put("type", "content_block_delta").put("index", delta.index());
                body.set("delta", switch (delta.delta()) {
                    case StreamEvent.TextDelta text -> Json.object().put("type", "text_delta").put("text", text.text());
                    case StreamEvent.ToolArgumentsDelta arguments ->
                            Json.object().put("type", "input_json_delta").put("partial_json", arguments.jsonFragment());
                    case StreamEvent.ThinkingDelta thinking ->
                            Json.object().put("type", "thinking_delta").put("thinking", thinking.text());
                    case StreamEvent.SignatureDelta signature ->
                            Json.object().put("type", "signature_delta").put("signature", Signatures.forClient(Shape.ANTHROPIC_MESSAGES, signature.signature()));
                });
                out.accept(frame("content_block_delta", body));
            }
            case StreamEvent.BlockStop stop ->
                    out.accept(frame("content_block_stop", Json.object().put("type", "content_block_stop").put("index", stop.index())));
            case StreamEvent.MessageDelta delta -> {
                delta.usage().ifPresent(known -> usage = known);
                ObjectNode body = Json.object().put("type", "message_delta");
                ObjectNode stop = body.putObject("delta").put("stop_reason", StopReasons.encode(delta.stopReason()));
                delta.stopSequence().ifPresentOrElse(sequence -> stop.put("stop_sequence", sequence), () -> stop.putNull("stop_sequence"));
                body.set("usage", UsageFields.encode(usage));
                out.accept(frame("message_delta", body));
            }
            case StreamEvent.MessageStop stop -> out.accept(frame("message_stop", Json.object().put("type", "message_stop")));
            case StreamEvent.Error error -> {
                ObjectNode body = Json.object().put("type", "error");
                body.putObject("error").put("type", error.type()).put("message", error.message());
                out.accept(frame("error", body));
            }
        }
    }

    private static String frame(String eventName, ObjectNode body) {
        return "event: " + eventName + "\ndata: " + Json.write(body) + "\n\n";
    }
}
