package dev.ingate.translate.ollama;

import dev.ingate.translate.BlockSequence;
import dev.ingate.translate.Json;
import dev.ingate.translate.StreamDecoder;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.StreamEvent;
import dev.ingate.translate.canonical.Usage;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Ollama NDJSON lines (one per {@link #decode} call; there are no event names) → canonical stream events. Ollama
 * has no blocks, so they are made as in the OpenAI decoder: a change from thinking to text closes one and opens
 * the next. Tool calls come whole, each in one line: each becomes a block opened, filled with all its arguments at
 * once and closed. The last line ({@code done:true}) carries the stop reason and the counts.
 */
public final class OllamaLineDecoder implements StreamDecoder {


    private final Supplier<String> ids;
    private boolean started;
    private boolean finished;
    private boolean madeToolCalls;
    private final BlockSequence blocks = new BlockSequence();

    /** @param ids unique, id-safe text on every call, for the message and the tool calls Ollama sends without ids */
    public OllamaLineDecoder(Supplier<String> ids) {
        this.ids = ids;
    }

    @Override
    public void decode(String eventName, String data, Consumer<StreamEvent> out) {
        if (finished || data.isBlank()) {
            return;
        }
        JsonNode line = Json.parseObject(data.strip());
        if (Json.present(line, "error")) {
            JsonNode error = line.get("error");
            out.accept(new StreamEvent.Error("api_error", error.isString() ? error.stringValue() : Json.text(error, "message", "")));
            finished = true;
            return;
        }
        if (!started) {
            out.accept(new StreamEvent.MessageStart("ollama-" + ids.get(), Json.text(line, "model", ""), Usage.NONE));
            started = true;
        }
        JsonNode message = line.path("message");
        Json.text(message, "thinking").filter(text -> !text.isEmpty()).ifPresent(text -> {
            out.accept(new StreamEvent.BlockDelta(blocks.thinking(out), new StreamEvent.ThinkingDelta(text)));
        });
        Json.text(message, "content").filter(text -> !text.isEmpty()).ifPresent(text -> {
            out.accept(new StreamEvent.BlockDelta(blocks.text(out), new StreamEvent.TextDelta(text)));
        });
        for (JsonNode call : Json.elements(message, "tool_calls")) {
            toolCall(call, out);
        }
        if (Json.bool(line, "done").orElse(false)) {
            finish(DoneReasons.decode(Json.text(line, "done_reason", ""), madeToolCalls), Optional.of(OllamaResponseDecoder.usage(line)), out);
        }
    }

    /** A stream cut off before {@code done} still ends as a whole message, without counts (there were none yet). */
    @Override
    public void end(Consumer<StreamEvent> out) {
        if (started && !finished) {
            finish(madeToolCalls ? StopReason.TOOL_USE : StopReason.END_TURN, Optional.empty(), out);
        }
    }

    private void toolCall(JsonNode call, Consumer<StreamEvent> out) {
        var decoded = ToolCalls.decode(call, "call_" + ids.get());
        blocks.whole(new StreamEvent.ToolCallBlock(decoded.id(), decoded.name()), new StreamEvent.ToolArgumentsDelta(decoded.argumentsJson()), out);
        madeToolCalls = true;
    }

    private void finish(StopReason reason, Optional<Usage> usage, Consumer<StreamEvent> out) {
        blocks.close(out);
        out.accept(new StreamEvent.MessageDelta(reason, Optional.empty(), usage));
        out.accept(new StreamEvent.MessageStop());
        finished = true;
    }
}
