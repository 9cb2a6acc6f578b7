package dev.ingate.translate.openai;

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

    private enum OpenKind { NONE, TEXT, THINKING, TOOL }

    private final Map<Integer, Integer> blockIndexByToolIndex = new HashMap<>();
    private final Map<Integer, String> toolIdByToolIndex = new HashMap<>();
    private boolean started;
    private boolean finished;
    private int nextBlockIndex;
    private int openBlockIndex = -1;
    private OpenKind openKind = OpenKind.NONE;
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
            ensureOpen(OpenKind.THINKING, out);
            out.accept(new StreamEvent.BlockDelta(openBlockIndex, new StreamEvent.ThinkingDelta(text)));
        });
        Json.text(delta, "content").filter(text -> !text.isEmpty()).ifPresent(text -> {
            ensureOpen(OpenKind.TEXT, out);
            out.accept(new StreamEvent.BlockDelta(openBlockIndex, new StreamEvent.TextDelta(text)));
        });
        for (JsonNode call : Json.elements(delta, "tool_calls")) {
            decodeToolCall(call, out);
        }
        Json.text(choice, "finish_reason").ifPresent(reason -> {
            closeOpen(out);
            stopReason = FinishReasons.decode(reason);
        });
    }

    /**
     * The first fragment of a tool call carries its id and name, later ones only its {@code index} and a piece of
     * the arguments; the index, not the order of arrival, says which call a fragment belongs to. Some
     * OpenAI-compatible servers send whole calls without an index: a new id at a known index is a new call.
     */
    private void decodeToolCall(JsonNode call, Consumer<StreamEvent> out) {
        int toolIndex = call.path("index").asInt(0);
        JsonNode function = call.path("function");
        String id = Json.text(call, "id", "");
        Integer blockIndex = blockIndexByToolIndex.get(toolIndex);
        if (blockIndex == null || !id.isEmpty() && !id.equals(toolIdByToolIndex.get(toolIndex))) {
            closeOpen(out);
            blockIndex = nextBlockIndex++;
            blockIndexByToolIndex.put(toolIndex, blockIndex);
            toolIdByToolIndex.put(toolIndex, id);
            openBlockIndex = blockIndex;
            openKind = OpenKind.TOOL;
            out.accept(new StreamEvent.BlockStart(blockIndex,
                    new StreamEvent.ToolCallBlock(id, Json.text(function, "name", ""))));
        }
        String fragment = Json.text(function, "arguments", "");
        if (!fragment.isEmpty()) {
            out.accept(new StreamEvent.BlockDelta(blockIndex, new StreamEvent.ToolArgumentsDelta(fragment)));
        }
    }

    private void ensureOpen(OpenKind kind, Consumer<StreamEvent> out) {
        if (openKind == kind) {
            return;
        }
        closeOpen(out);
        openBlockIndex = nextBlockIndex++;
        openKind = kind;
        out.accept(new StreamEvent.BlockStart(openBlockIndex,
                kind == OpenKind.TEXT ? new StreamEvent.TextBlock() : new StreamEvent.ThinkingBlock()));
    }

    private void closeOpen(Consumer<StreamEvent> out) {
        if (openKind != OpenKind.NONE) {
            out.accept(new StreamEvent.BlockStop(openBlockIndex));
            openKind = OpenKind.NONE;
        }
    }

    private void finish(Consumer<StreamEvent> out) {
        closeOpen(out);
        out.accept(new StreamEvent.MessageDelta(stopReason == null ? StopReason.END_TURN : stopReason, Optional.empty(),
                Optional.ofNullable(usage)));
        out.accept(new StreamEvent.MessageStop());
        finished = true;
    }
}
