package dev.ingate.translate.responses;

import dev.ingate.translate.Json;
import dev.ingate.translate.StreamEncoder;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.StreamEvent;
import dev.ingate.translate.canonical.Usage;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical stream events → Responses SSE frames ({@code event: X\ndata: {...}\n\n}), numbered by
 * {@code sequence_number} from 0, in the full grammar the SDKs replay: every block is an output item that is
 * added, filled and done, and {@code response.completed} carries the whole response again, every function call
 * included, because clients take their final answer from it rather than from the deltas. Argument fragments go
 * out as they come, each call under its own item.
 */
public final class ResponsesEventEncoder implements StreamEncoder {

    private final CanonicalRequest request;
    private final long createdAt;
    private final Map<Integer, OpenItem> openByBlock = new HashMap<>();
    private final TreeMap<Integer, ObjectNode> doneItems = new TreeMap<>();
    private int sequence;
    private int nextOutputIndex;
    private String id = "";
    private String model = "";
    private Usage usage = Usage.NONE;
    private StopReason stopReason = StopReason.END_TURN;

    /** An output item being streamed: where it sits, and what it has said so far. */
    private record OpenItem(StreamEvent.BlockKind kind, int outputIndex, String itemId, StringBuilder text, StringBuilder signature) {

        OpenItem(StreamEvent.BlockKind kind, int outputIndex, String itemId) {
            this(kind, outputIndex, itemId, new StringBuilder(), new StringBuilder());
        }
    }

    public ResponsesEventEncoder(CanonicalRequest request, Clock clock) {
        this.request = request;
        this.createdAt = clock.instant().getEpochSecond();
    }

    @Override
    public void encode(StreamEvent event, Consumer<String> out) {
        switch (event) {
            case StreamEvent.MessageStart start -> {
                id = start.id();
                model = start.model();
                usage = start.usage();
                ObjectNode response = response("in_progress", null, Optional.empty());
                out.accept(frame("response.created", Json.object().set("response", response)));
                out.accept(frame("response.in_progress", Json.object().set("response", response)));
            }
            case StreamEvent.BlockStart start -> open(start, out);
            case StreamEvent.BlockDelta delta -> delta(delta, out);
            case StreamEvent.BlockStop stop -> close(stop.index(), out);
            case StreamEvent.MessageDelta delta -> {
                stopReason = delta.stopReason();
                delta.usage().ifPresent(known -> usage = known);
            }
            case StreamEvent.MessageStop stop -> {
                new TreeMap<>(openByBlock).keySet().forEach(index -> close(index, out));
                Optional<String> incomplete = OutputItems.incompleteReason(stopReason);
                String status = incomplete.isPresent() ? "incomplete" : "completed";
                out.accept(frame("response." + status, Json.object().set("response", response(status, usage, incomplete))));
            }
            case StreamEvent.Error error -> {
                String code = ErrorCodes.encodeCode(error.type());
                out.accept(frame("error", Json.object().put("code", code).put("message", error.message()).putNull("param")));
                ObjectNode response = response("failed", usage, Optional.empty());
                response.putObject("error").put("code", code).put("message", error.message());
                out.accept(frame("response.failed", Json.object().set("response", response)));
            }
        }
    }

    private void open(StreamEvent.BlockStart start, Consumer<String> out) {
        int outputIndex = nextOutputIndex++;
        ObjectNode item;
        OpenItem open;
        switch (start.kind()) {
            case StreamEvent.TextBlock text -> {
                open = new OpenItem(text, outputIndex, OutputItems.messageId(id, outputIndex));
                item = OutputItems.message(open.itemId(), "in_progress", null);
            }
            case StreamEvent.ToolCallBlock call -> {
                open = new OpenItem(call, outputIndex, OutputItems.functionCallId(call.id()));
                item = OutputItems.functionCall(call.id(), call.name(), "", "in_progress");
            }
            case StreamEvent.ThinkingBlock thinking -> {
                open = new OpenItem(thinking, outputIndex, OutputItems.reasoningId(id, outputIndex));
                item = OutputItems.reasoning(open.itemId(), null, null);
            }
        }
        openByBlock.put(start.index(), open);
        out.accept(frame("response.output_item.added", Json.object().put("output_index", outputIndex).set("item", item)));
        if (open.kind() instanceof StreamEvent.TextBlock) {
            out.accept(frame("response.content_part.added", part(open).set("part", OutputItems.outputText(""))));
        } else if (open.kind() instanceof StreamEvent.ThinkingBlock) {
            out.accept(frame("response.reasoning_summary_part.added", summary(open).set("part", OutputItems.summaryText(""))));
        }
    }

    private void delta(StreamEvent.BlockDelta delta, Consumer<String> out) {
        OpenItem open = openByBlock.get(delta.index());
        if (open == null) {
            return;
        }
        switch (delta.delta()) {
            case StreamEvent.TextDelta text when open.kind() instanceof StreamEvent.TextBlock -> {
                open.text().append(text.text());
                ObjectNode body = part(open).put("delta", text.text());
                body.putArray("logprobs");
                out.accept(frame("response.output_text.delta", body));
            }
            case StreamEvent.ToolArgumentsDelta arguments when open.kind() instanceof StreamEvent.ToolCallBlock -> {
                open.text().append(arguments.jsonFragment());
                out.accept(frame("response.function_call_arguments.delta", item(open).put("delta", arguments.jsonFragment())));
            }
            case StreamEvent.ThinkingDelta thinking when open.kind() instanceof StreamEvent.ThinkingBlock -> {
                open.text().append(thinking.text());
                out.accept(frame("response.reasoning_summary_text.delta", summary(open).put("delta", thinking.text())));
            }
            // Sent with the finished item, in encrypted_content (see OutputItems.reasoning).
            case StreamEvent.SignatureDelta signature when open.kind() instanceof StreamEvent.ThinkingBlock ->
                    open.signature().append(signature.signature());
            default -> {
                // A delta that does not fit its block.
            }
        }
    }

    private void close(int blockIndex, Consumer<String> out) {
        OpenItem open = openByBlock.remove(blockIndex);
        if (open == null) {
            return;
        }
        String text = open.text().toString();
        ObjectNode item = switch (open.kind()) {
            case StreamEvent.TextBlock block -> {
                ObjectNode done = part(open).put("text", text);
                done.putArray("logprobs");
                out.accept(frame("response.output_text.done", done));
                out.accept(frame("response.content_part.done", part(open).set("part", OutputItems.outputText(text))));
                yield OutputItems.message(open.itemId(), "completed", text);
            }
            case StreamEvent.ToolCallBlock call -> {
                out.accept(frame("response.function_call_arguments.done", item(open).put("arguments", text)));
                yield OutputItems.functionCall(call.id(), call.name(), text, "completed");
            }
            case StreamEvent.ThinkingBlock block -> {
                out.accept(frame("response.reasoning_summary_text.done", summary(open).put("text", text)));
                out.accept(frame("response.reasoning_summary_part.done", summary(open).set("part", OutputItems.summaryText(text))));
                yield OutputItems.reasoning(open.itemId(), text, open.signature().toString());
            }
        };
        doneItems.put(open.outputIndex(), item);
        out.accept(frame("response.output_item.done", Json.object().put("output_index", open.outputIndex()).set("item", item)));
    }

    private static ObjectNode item(OpenItem open) {
        return Json.object().put("item_id", open.itemId()).put("output_index", open.outputIndex());
    }

    private static ObjectNode part(OpenItem open) {
        return item(open).put("content_index", 0);
    }

    private static ObjectNode summary(OpenItem open) {
        return item(open).put("summary_index", 0);
    }

    private ObjectNode response(String status, Usage finalUsage, Optional<String> incomplete) {
        ArrayNode output = Json.array();
        doneItems.values().forEach(output::add);
        return OutputItems.response(id, createdAt, model, status, output, finalUsage, incomplete, request);
    }

    private String frame(String type, ObjectNode fields) {
        ObjectNode body = Json.object().put("type", type).put("sequence_number", sequence++);
        body.setAll(fields);
        return "event: " + type + "\ndata: " + Json.write(body) + "\n\n";
    }
}
