package dev.ingate.translate.gemini;

import dev.ingate.translate.canonical.Shape;
import dev.ingate.translate.canonical.Signatures;
import dev.ingate.translate.BlockSequence;
import dev.ingate.translate.Json;
import dev.ingate.translate.StreamDecoder;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.StreamEvent;
import dev.ingate.translate.canonical.Usage;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Gemini {@code streamGenerateContent?alt=sse} frames → canonical stream events. Every frame is a whole
 * {@code GenerateContentResponse} holding the next parts. Gemini has no blocks, so they are made here: text and
 * thoughts extend the open block of their kind, while a function call arrives whole and becomes a block of its own
 * (start, all its arguments in one delta, stop). A signature on a part that is not a thought becomes a thinking
 * block holding only the signature, as in {@link GeminiParts}. The frame with {@code finishReason} ends the
 * message; its {@code usageMetadata} is the whole message's.
 */
public final class GeminiStreamDecoder implements StreamDecoder {


    private boolean started;
    private boolean finished;
    private boolean calledTools;
    private final BlockSequence blocks = new BlockSequence();
    private Usage usage;
    private CallIds ids;

    @Override
    public void decode(String eventName, String data, Consumer<StreamEvent> out) {
        if (finished) {
            return;
        }
        JsonNode chunk = Json.parseObject(data);
        JsonNode error = Fields.get(chunk, "error");
        if (error != null) {
            String type = Fields.text(error, "status").map(ErrorStatuses::decode).orElse("api_error");
            out.accept(new StreamEvent.Error(type == null ? "api_error" : type, Fields.text(error, "message", "")));
            finished = true;
            return;
        }
        if (Fields.has(chunk, "usageMetadata")) {
            usage = UsageFields.decode(Fields.get(chunk, "usageMetadata"));
        }
        if (!started) {
            String responseId = Fields.text(chunk, "responseId", "");
            ids = CallIds.forResponse(responseId);
            // The prompt is counted from the first frame on; output so far is not the message's output.
            Usage known = usage == null ? Usage.NONE : new Usage(usage.inputTokens(), usage.cacheReadTokens(), 0, 0);
            out.accept(new StreamEvent.MessageStart(responseId, Fields.text(chunk, "modelVersion", ""), known));
            started = true;
        }
        JsonNode candidate = GeminiResponseDecoder.first(chunk);
        for (JsonNode part : Fields.elements(Fields.get(candidate, "content"), "parts")) {
            decodePart(part, out);
        }
        boolean blocked = Fields.text(Fields.get(chunk, "promptFeedback"), "blockReason").isPresent();
        if (candidate != null && Fields.has(candidate, "finishReason") || blocked) {
            finish(GeminiResponseDecoder.stopReason(chunk, candidate, calledTools), out);
        }
    }

    /** A stream cut off before the frame with {@code finishReason}: the message still gets its end. */
    @Override
    public void end(Consumer<StreamEvent> out) {
        if (started && !finished) {
            finish(calledTools ? StopReason.TOOL_USE : StopReason.OTHER, out);
        }
    }

    private void decodePart(JsonNode part, Consumer<StreamEvent> out) {
        String signature = Signatures.fromWire(Shape.GEMINI, Fields.text(part, "thoughtSignature", ""));
        String text = Fields.text(part, "text", "");
        if (Fields.flag(part, "thought")) {
            int index = blocks.thinking(out);
            if (!text.isEmpty()) {
                out.accept(new StreamEvent.BlockDelta(index, new StreamEvent.ThinkingDelta(text)));
            }
            if (!signature.isEmpty()) {
                out.accept(new StreamEvent.BlockDelta(index, new StreamEvent.SignatureDelta(signature)));
            }
            return;
        }
        JsonNode call = Fields.get(part, "functionCall");
        if (call == null && !Fields.has(part, "text")) {
            // Inline data, code execution: no canonical stream block carries them.
            return;
        }
        if (!signature.isEmpty()) {
            blocks.whole(new StreamEvent.ThinkingBlock(), new StreamEvent.SignatureDelta(signature), out);
        }
        if (call != null) {
            String name = Fields.text(call, "name", "");
            JsonNode args = Fields.get(call, "args");
            blocks.whole(new StreamEvent.ToolCallBlock(ids.call(Fields.text(call, "id", ""), name), name),
                    new StreamEvent.ToolArgumentsDelta(Json.write(args == null ? Json.object() : args)), out);
            calledTools = true;
        } else if (!text.isEmpty()) {
            out.accept(new StreamEvent.BlockDelta(blocks.text(out), new StreamEvent.TextDelta(text)));
        }
    }

    private void finish(StopReason stopReason, Consumer<StreamEvent> out) {
        blocks.close(out);
        out.accept(new StreamEvent.MessageDelta(stopReason, Optional.empty(), Optional.ofNullable(usage)));
        out.accept(new StreamEvent.MessageStop());
        finished = true;
    }
}
