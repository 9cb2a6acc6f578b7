package dev.ingate.translate.ollama;

import dev.ingate.translate.Json;
import dev.ingate.translate.StreamEncoder;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.StreamEvent;
import dev.ingate.translate.canonical.Usage;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical stream events → Ollama NDJSON lines (each one JSON object and {@code \n}). Text and thinking go out as
 * they come. A tool call goes out whole when its block closes: Ollama clients read {@code arguments} as an object,
 * and argument fragments are not one. The last line has {@code done:true}, the reason and the counts.
 */
public final class OllamaLineEncoder implements StreamEncoder {

    private record ToolCallInProgress(String name, StringBuilder arguments) {
    }

    private final Clock clock;
    private final Map<Integer, ToolCallInProgress> toolCalls = new LinkedHashMap<>();
    private String model = "";
    private StopReason stopReason = StopReason.END_TURN;
    private Usage usage = Usage.NONE;

    public OllamaLineEncoder(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void encode(StreamEvent event, Consumer<String> out) {
        switch (event) {
            case StreamEvent.MessageStart start -> {
                model = start.model();
                usage = start.usage();
            }
            case StreamEvent.BlockStart start when start.kind() instanceof StreamEvent.ToolCallBlock call ->
                    toolCalls.put(start.index(), new ToolCallInProgress(call.name(), new StringBuilder()));
            case StreamEvent.BlockStart start -> {
                // Text and thinking need no opening line.
            }
            case StreamEvent.BlockDelta delta -> encodeDelta(delta, out);
            case StreamEvent.BlockStop stop -> {
                ToolCallInProgress call = toolCalls.remove(stop.index());
                if (call != null) {
                    out.accept(toolCallLine(call));
                }
            }
            case StreamEvent.MessageDelta delta -> {
                stopReason = delta.stopReason();
                delta.usage().ifPresent(known -> usage = known);
            }
            case StreamEvent.MessageStop stop -> {
                // A call whose block never closed (a cut-off upstream) still reaches the client.
                toolCalls.values().forEach(call -> out.accept(toolCallLine(call)));
                toolCalls.clear();
                ObjectNode line = OllamaResponseEncoder.envelope(model, clock.instant());
                line.set("message", assistantMessage());
                OllamaResponseEncoder.finish(line, DoneReasons.encode(stopReason), usage);
                out.accept(line(line));
            }
            case StreamEvent.Error error -> out.accept(line(Json.object().put("error", error.message())));
        }
    }

    private void encodeDelta(StreamEvent.BlockDelta delta, Consumer<String> out) {
        switch (delta.delta()) {
            case StreamEvent.TextDelta text -> out.accept(partial(assistantMessage().put("content", text.text())));
            case StreamEvent.ThinkingDelta thinking -> out.accept(partial(assistantMessage().put("thinking", thinking.text())));
            case StreamEvent.ToolArgumentsDelta arguments -> {
                ToolCallInProgress call = toolCalls.get(delta.index());
                if (call != null) {
                    call.arguments().append(arguments.jsonFragment());
                }
            }
            case StreamEvent.SignatureDelta signature -> {
                // Ollama has nowhere to carry a thinking signature.
            }
        }
    }

    /** {@code content} is always there (Ollama clients concatenate it), empty when the line carries something else. */
    private static ObjectNode assistantMessage() {
        return Json.object().put("role", "assistant").put("content", "");
    }

    private String toolCallLine(ToolCallInProgress call) {
        ObjectNode message = assistantMessage();
        message.putArray("tool_calls").add(ToolCalls.encode(call.name(), call.arguments().toString()));
        return partial(message);
    }

    /** A line before the last. */
    private String partial(ObjectNode message) {
        ObjectNode line = OllamaResponseEncoder.envelope(model, clock.instant());
        line.set("message", message);
        line.put("done", false);
        return line(line);
    }

    private static String line(ObjectNode body) {
        return Json.write(body) + "\n";
    }
}
