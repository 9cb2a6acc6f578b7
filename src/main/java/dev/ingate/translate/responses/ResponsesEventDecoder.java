package dev.ingate.translate.responses;

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
 * Responses SSE events → canonical stream events. Each text part of a message, each function call and each
 * reasoning item becomes a block, numbered 0, 1, 2… in the order they open (not by Responses' {@code output_index},
 * which also counts items that have no canonical form, like web search calls). A block is opened by its first
 * content, so a reasoning item without a summary makes none; the {@code done} events close blocks and fill in
 * anything a server sent only whole. Usage and the stop reason come with the final response object.
 */
public final class ResponsesEventDecoder implements StreamDecoder {

    private enum OpenKind { NONE, TEXT, THINKING, TOOL }

    private boolean started;
    private boolean finished;
    private boolean sawToolCall;
    private int nextBlockIndex;
    private int openBlockIndex = -1;
    private OpenKind openKind = OpenKind.NONE;
    /** Which Responses item (and part of it) the open block belongs to. */
    private String openKey = "";
    private boolean openHasContent;
    /** Items that had a block, so their done event does not send their content a second time. */
    private final Set<String> streamedItems = new HashSet<>();

    @Override
    public void decode(String eventName, String data, Consumer<StreamEvent> out) {
        if (finished) {
            return;
        }
        JsonNode event = Json.parseObject(data);
        String type = Json.text(event, "type").orElse(eventName == null ? "" : eventName);
        if (type.equals("error")) {
            fail(event.has("error") ? event.get("error") : event, out);
            return;
        }
        if (!started) {
            JsonNode response = event.path("response");
            out.accept(new StreamEvent.MessageStart(Json.text(response, "id", ""), Json.text(response, "model", ""), Usage.NONE));
            started = true;
        }
        String item = Json.text(event, "item_id", "") + "#" + event.path("output_index").asInt(0);
        switch (type) {
            case "response.output_item.added" -> itemAdded(event.path("item"), event.path("output_index").asInt(0), out);
            case "response.content_part.added" -> {
                // A reasoning item's parts (reasoning_text) come with their own deltas, into its thinking block.
                String part = Json.text(event.path("part"), "type", "");
                if (part.equals("output_text") || part.equals("refusal")) {
                    open(OpenKind.TEXT, item + "/" + event.path("content_index").asInt(0), out);
                }
            }
            case "response.output_text.delta", "response.refusal.delta" ->
                    delta(OpenKind.TEXT, item + "/" + event.path("content_index").asInt(0), new StreamEvent.TextDelta(Json.text(event, "delta", "")), out);
            case "response.content_part.done" -> close(item + "/" + event.path("content_index").asInt(0), out);
            case "response.function_call_arguments.delta" ->
                    delta(OpenKind.TOOL, item, new StreamEvent.ToolArgumentsDelta(Json.text(event, "delta", "")), out);
            case "response.function_call_arguments.done" -> {
                if (openKey.equals(item) && !openHasContent) {
                    delta(OpenKind.TOOL, item, new StreamEvent.ToolArgumentsDelta(Json.text(event, "arguments", "")), out);
                }
            }
            case "response.reasoning_summary_part.added" -> {
                // Summary parts of one reasoning item share its block, a blank line apart as in a whole response.
                if (openKey.equals(item) && openHasContent) {
                    out.accept(new StreamEvent.BlockDelta(openBlockIndex, new StreamEvent.ThinkingDelta("\n\n")));
                }
            }
            case "response.reasoning_summary_text.delta", "response.reasoning_text.delta" ->
                    delta(OpenKind.THINKING, item, new StreamEvent.ThinkingDelta(Json.text(event, "delta", "")), out);
            case "response.output_item.done" -> itemDone(event.path("item"), event.path("output_index").asInt(0), out);
            case "response.completed", "response.incomplete" -> complete(event.path("response"), out);
            case "response.failed" -> fail(event.path("response").path("error"), out);
            default -> {
                // created, in_progress, the *.done events whose content came as deltas, built-in tool progress.
            }
        }
    }

    @Override
    public void end(Consumer<StreamEvent> out) {
        if (!finished && started) {
            closeOpen(out);
            out.accept(new StreamEvent.MessageDelta(sawToolCall ? StopReason.TOOL_USE : StopReason.END_TURN, Optional.empty(), Optional.empty()));
            out.accept(new StreamEvent.MessageStop());
            finished = true;
        }
    }

    /** A function call opens at once: its id and name are known now, and arguments may be empty. */
    private void itemAdded(JsonNode item, int outputIndex, Consumer<StreamEvent> out) {
        if (!Json.text(item, "type", "").equals("function_call")) {
            return;
        }
        closeOpen(out);
        sawToolCall = true;
        openBlockIndex = nextBlockIndex++;
        openKind = OpenKind.TOOL;
        openKey = Json.text(item, "id", "") + "#" + outputIndex;
        openHasContent = false;
        streamedItems.add(openKey);
        out.accept(new StreamEvent.BlockStart(openBlockIndex,
                new StreamEvent.ToolCallBlock(Json.text(item, "call_id", ""), Json.text(item, "name", ""))));
        String arguments = Json.text(item, "arguments", "");
        if (!arguments.isEmpty()) {
            delta(OpenKind.TOOL, openKey, new StreamEvent.ToolArgumentsDelta(arguments), out);
        }
    }

    /** Closes the item's block; an item whose content never came as deltas (some servers send it only whole) is sent now. */
    private void itemDone(JsonNode item, int outputIndex, Consumer<StreamEvent> out) {
        String key = Json.text(item, "id", "") + "#" + outputIndex;
        closeOpen(out);
        if (streamedItems.contains(key)) {
            return;
        }
        switch (Json.text(item, "type", "")) {
            case "message" -> whole(OpenKind.TEXT, key, new StreamEvent.TextDelta(ResponsesResponseDecoder.messageText(item)), out);
            case "reasoning" -> whole(OpenKind.THINKING, key, new StreamEvent.ThinkingDelta(ResponsesResponseDecoder.reasoningText(item)), out);
            case "function_call" -> {
                itemAdded(item, outputIndex, out);
                closeOpen(out);
            }
            default -> {
            }
        }
    }

    private void whole(OpenKind kind, String key, StreamEvent.Delta delta, Consumer<StreamEvent> out) {
        String text = delta instanceof StreamEvent.TextDelta piece ? piece.text() : ((StreamEvent.ThinkingDelta) delta).text();
        if (!text.isEmpty()) {
            delta(kind, key, delta, out);
            closeOpen(out);
        }
    }

    private void delta(OpenKind kind, String key, StreamEvent.Delta delta, Consumer<StreamEvent> out) {
        open(kind, key, out);
        openHasContent = true;
        out.accept(new StreamEvent.BlockDelta(openBlockIndex, delta));
    }

    private void open(OpenKind kind, String key, Consumer<StreamEvent> out) {
        if (openKind == kind && openKey.equals(key)) {
            return;
        }
        closeOpen(out);
        openBlockIndex = nextBlockIndex++;
        openKind = kind;
        openKey = key;
        openHasContent = false;
        streamedItems.add(key.contains("/") ? key.substring(0, key.indexOf('/')) : key);
        out.accept(new StreamEvent.BlockStart(openBlockIndex, switch (kind) {
            case THINKING -> new StreamEvent.ThinkingBlock();
            default -> new StreamEvent.TextBlock();
        }));
    }

    private void close(String key, Consumer<StreamEvent> out) {
        if (openKey.equals(key)) {
            closeOpen(out);
        }
    }

    private void closeOpen(Consumer<StreamEvent> out) {
        if (openKind != OpenKind.NONE) {
            out.accept(new StreamEvent.BlockStop(openBlockIndex));
            openKind = OpenKind.NONE;
            openKey = "";
        }
    }

    private void complete(JsonNode response, Consumer<StreamEvent> out) {
        closeOpen(out);
        StopReason reason = Json.text(response, "status", "completed").equals("incomplete")
                ? ResponsesResponseDecoder.incompleteReason(Json.text(response.path("incomplete_details"), "reason", ""))
                : sawToolCall || Json.elements(response, "output").valueStream()
                        .anyMatch(item -> Json.text(item, "type", "").equals("function_call")) ? StopReason.TOOL_USE : StopReason.END_TURN;
        Optional<Usage> usage = Json.present(response, "usage") ? Optional.of(UsageFields.decode(response.get("usage"))) : Optional.empty();
        out.accept(new StreamEvent.MessageDelta(reason, Optional.empty(), usage));
        out.accept(new StreamEvent.MessageStop());
        finished = true;
    }

    /** The code says most ({@code rate_limit_exceeded}); a bare server error code yields to a more precise type. */
    private void fail(JsonNode error, Consumer<StreamEvent> out) {
        String fromCode = ErrorCodes.decodeCode(Json.text(error, "code", ""));
        String fromType = ErrorCodes.decodeType(Json.text(error, "type", ""));
        out.accept(new StreamEvent.Error(fromCode.equals("api_error") && fromType != null ? fromType : fromCode,
                Json.text(error, "message", "the upstream response failed")));
        finished = true;
    }
}
