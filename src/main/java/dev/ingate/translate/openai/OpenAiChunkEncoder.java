package dev.ingate.translate.openai;

import dev.ingate.translate.Json;
import dev.ingate.translate.StreamEncoder;
import dev.ingate.translate.canonical.StreamEvent;
import dev.ingate.translate.canonical.Usage;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical stream events → OpenAI {@code chat.completion.chunk} SSE frames ({@code data: {...}\n\n}), ending
 * with {@code data: [DONE]}. Tool calls are numbered 0, 1, … in the order their blocks open, whatever the block
 * indexes; their argument fragments go out as they come. Thinking goes into the non-standard
 * {@code delta.reasoning_content}. The usage chunk (empty {@code choices}) is sent only when the client asked for it
 * with {@code stream_options.include_usage}, as OpenAI does.
 */
public final class OpenAiChunkEncoder implements StreamEncoder {

    private static final String DONE = "data: [DONE]\n\n";

    private final boolean includeUsage;
    private final long created;
    private final Map<Integer, Integer> toolIndexByBlockIndex = new HashMap<>();
    private String id = "";
    private String model = "";
    private Usage usage = Usage.NONE;

    public OpenAiChunkEncoder(boolean includeUsage, Clock clock) {
        this.includeUsage = includeUsage;
        this.created = clock.instant().getEpochSecond();
    }

    @Override
    public void encode(StreamEvent event, Consumer<String> out) {
        switch (event) {
            case StreamEvent.MessageStart start -> {
                id = start.id();
                model = start.model();
                usage = start.usage();
                out.accept(frame(chunk(Json.object().put("role", "assistant").put("content", ""), null)));
            }
            case StreamEvent.BlockStart start when start.kind() instanceof StreamEvent.ToolCallBlock call -> {
                int toolIndex = toolIndexByBlockIndex.size();
                toolIndexByBlockIndex.put(start.index(), toolIndex);
                ObjectNode toolCall = Json.object().put("index", toolIndex).put("id", call.id()).put("type", "function");
                toolCall.putObject("function").put("name", call.name()).put("arguments", "");
                out.accept(frame(chunk(toolCallDelta(toolCall), null)));
            }
            case StreamEvent.BlockDelta delta -> encodeDelta(delta, out);
            case StreamEvent.MessageDelta delta -> {
                delta.usage().ifPresent(known -> usage = known);
                out.accept(frame(chunk(Json.object(), FinishReasons.encode(delta.stopReason()))));
            }
            case StreamEvent.MessageStop stop -> {
                if (includeUsage) {
                    ObjectNode chunk = envelope();
                    chunk.putArray("choices");
                    chunk.set("usage", UsageFields.encode(usage));
                    out.accept(frame(chunk));
                }
                out.accept(DONE);
            }
            case StreamEvent.Error error -> {
                ObjectNode body = Json.object();
                body.putObject("error").put("message", error.message()).put("type", ErrorTypes.encode(error.type())).putNull("code");
                out.accept(frame(body));
            }
            case StreamEvent.BlockStart start -> {
                // Text and thinking need no opening chunk: their first delta says what they are.
            }
            case StreamEvent.BlockStop stop -> {
                // OpenAI chunks have no block boundaries.
            }
        }
    }

    private void encodeDelta(StreamEvent.BlockDelta delta, Consumer<String> out) {
        switch (delta.delta()) {
            case StreamEvent.TextDelta text -> out.accept(frame(chunk(Json.object().put("content", text.text()), null)));
            case StreamEvent.ThinkingDelta thinking ->
                    out.accept(frame(chunk(Json.object().put("reasoning_content", thinking.text()), null)));
            case StreamEvent.ToolArgumentsDelta arguments -> {
                Integer toolIndex = toolIndexByBlockIndex.get(delta.index());
                if (toolIndex != null) {
                    ObjectNode toolCall = Json.object().put("index", toolIndex);
                    toolCall.putObject("function").put("arguments", arguments.jsonFragment());
                    out.accept(frame(chunk(toolCallDelta(toolCall), null)));
                }
            }
            case StreamEvent.SignatureDelta signature -> {
                // Chat Completions has nowhere to carry a thinking signature.
            }
        }
    }

    private static ObjectNode toolCallDelta(ObjectNode toolCall) {
        ObjectNode delta = Json.object();
        delta.putArray("tool_calls").add(toolCall);
        return delta;
    }

    private ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = envelope();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk;
    }

    private ObjectNode envelope() {
        return Json.object().put("id", id).put("object", "chat.completion.chunk").put("created", created).put("model", model);
    }

    private static String frame(ObjectNode body) {
        return "data: " + Json.write(body) + "\n\n";
    }
}
