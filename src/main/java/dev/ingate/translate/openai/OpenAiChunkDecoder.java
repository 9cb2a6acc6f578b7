package dev.ingate.translate.openai;

import dev.ingate.translate.BlockSequence;
import dev.ingate.translate.Json;
import dev.ingate.translate.StreamDecoder;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.StreamEvent;
import dev.ingate.translate.canonical.Usage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI {@code chat.completion.chunk} events → canonical stream events. OpenAI has no blocks, so they are made
 * here: a change from reasoning to text to a tool call closes the open block and opens the next one. The stop
 * reason is held back until {@code [DONE]} (or the end of the stream) because the usage chunk comes after the
 * chunk with {@code finish_reason}, and the canonical message delta carries both.
 */
public final class OpenAiChunkDecoder implements StreamDecoder {

    /** One streamed tool call: its block once live, its arguments' completeness, fragments kept while waiting. */
    private static final class ToolCall {
        final String id;
        final String name;
        final JsonDepth arguments = new JsonDepth();
        final StringBuilder kept = new StringBuilder();
        int blockIndex = -1;

        ToolCall(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    private final Map<Integer, ToolCall> toolsByIndex = new HashMap<>();
    private final java.util.ArrayDeque<ToolCall> waiting = new java.util.ArrayDeque<>();
    private ToolCall liveTool;
    private boolean started;
    private boolean finished;
    private final BlockSequence blocks = new BlockSequence();
    private StopReason stopReason;
    private Usage usage;

    @Override
    public void decode(String eventName, String data, Consumer<StreamEvent> out) {
        if (finished) {
            return;
        }
        if (data.strip().equals("[DONE]")) {
            finish(out);
            return;
        }
        JsonNode chunk = Json.parseObject(data);
        if (Json.present(chunk, "error")) {
            JsonNode error = chunk.get("error");
            out.accept(new StreamEvent.Error(ErrorTypes.decode(Json.text(error, "type", "")), Json.text(error, "message", "")));
            finished = true;
            return;
        }
        if (!started) {
            out.accept(new StreamEvent.MessageStart(Json.text(chunk, "id", ""), Json.text(chunk, "model", ""), Usage.NONE));
            started = true;
        }
        if (Json.present(chunk, "usage")) {
            usage = UsageFields.decode(chunk.get("usage"));
        }
        for (JsonNode choice : Json.elements(chunk, "choices")) {
            if (choice.path("index").asInt(0) == 0) {
                decodeChoice(choice, out);
            }
        }
    }

    @Override
    public void end(Consumer<StreamEvent> out) {
        if (!finished && started) {
            finish(out);
        }
    }

    private void decodeChoice(JsonNode choice, Consumer<StreamEvent> out) {
        JsonNode delta = choice.path("delta");
        Json.text(delta, "reasoning_content").filter(text -> !text.isEmpty()).ifPresent(text -> {
            liveTool = null;
            out.accept(new StreamEvent.BlockDelta(blocks.thinking(out), new StreamEvent.ThinkingDelta(text)));
        });
        Json.text(delta, "content").filter(text -> !text.isEmpty()).ifPresent(text -> {
            liveTool = null;
            out.accept(new StreamEvent.BlockDelta(blocks.text(out), new StreamEvent.TextDelta(text)));
        });
        for (JsonNode call : Json.elements(delta, "tool_calls")) {
            decodeToolCall(call, out);
        }
        Json.text(choice, "finish_reason").ifPresent(reason -> {
            flushWaiting(out);
            closeOpen(out);
            stopReason = FinishReasons.decode(reason);
        });
    }

    /**
     * The first fragment of a tool call carries its id and name, later ones only its {@code index} and a piece of
     * the arguments; the index, not the order of arrival, says which call a fragment belongs to. Some
     * OpenAI-compatible servers send whole calls without an index: a new id at a known index is a new call.
     *
     * <p>Canonical blocks come one after another, but some servers interleave the fragments of parallel calls.
     * So one call is live (its fragments pass as they come) and a call that starts meanwhile waits, its fragments
     * kept, until the live call's arguments are a complete JSON value; then it goes live with what it kept. When
     * calls come one after another, as OpenAI sends them, the live call is complete by the time the next begins,
     * and every fragment passes at once.
     */
    private void decodeToolCall(JsonNode call, Consumer<StreamEvent> out) {
        int toolIndex = call.path("index").asInt(0);
        JsonNode function = call.path("function");
        String id = Json.text(call, "id", "");
        ToolCall tool = toolsByIndex.get(toolIndex);
        if (tool == null || !id.isEmpty() && !id.equals(tool.id)) {
            tool = new ToolCall(id, Json.text(function, "name", ""));
            toolsByIndex.put(toolIndex, tool);
            if (liveTool == null) {
                goLive(tool, out);
            } else {
                waiting.add(tool);
            }
        }
        String fragment = Json.text(function, "arguments", "");
        if (!fragment.isEmpty()) {
            tool.arguments.feed(fragment);
            if (tool == liveTool) {
                out.accept(new StreamEvent.BlockDelta(tool.blockIndex, new StreamEvent.ToolArgumentsDelta(fragment)));
            } else {
                tool.kept.append(fragment);
            }
        }
        while (!waiting.isEmpty() && (liveTool == null || liveTool.arguments.complete())) {
            goLive(waiting.removeFirst(), out);
        }
    }

    /** Opens the call's block (closing whatever was open) and sends what it kept while it waited. */
    private void goLive(ToolCall tool, Consumer<StreamEvent> out) {
        tool.blockIndex = blocks.openTool(new StreamEvent.ToolCallBlock(tool.id, tool.name), out);
        liveTool = tool;
        if (!tool.kept.isEmpty()) {
            out.accept(new StreamEvent.BlockDelta(tool.blockIndex, new StreamEvent.ToolArgumentsDelta(tool.kept.toString())));
            tool.kept.setLength(0);
        }
    }

    /** Calls still waiting when the stream ends go out whole, in the order they began. */
    private void flushWaiting(Consumer<StreamEvent> out) {
        while (!waiting.isEmpty()) {
            goLive(waiting.removeFirst(), out);
        }
    }

    private void closeOpen(Consumer<StreamEvent> out) {
        blocks.close(out);
        liveTool = null;
    }

    private void finish(Consumer<StreamEvent> out) {
        flushWaiting(out);
        closeOpen(out);
        out.accept(new StreamEvent.MessageDelta(stopReason == null ? StopReason.END_TURN : stopReason, Optional.empty(),
                Optional.ofNullable(usage)));
        out.accept(new StreamEvent.MessageStop());
        finished = true;
    }
}
