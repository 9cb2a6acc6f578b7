package dev.ingate.translate.gemini;

import dev.ingate.translate.canonical.Shape;
import dev.ingate.translate.canonical.Signatures;
import dev.ingate.translate.Json;
import dev.ingate.translate.StreamEncoder;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.StreamEvent;
import dev.ingate.translate.canonical.Usage;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical stream events → Gemini SSE frames ({@code data: {GenerateContentResponse}\n\n}, no event names, no
 * end marker). Text and thought deltas go out as they come, one part per frame. Gemini never streams partial
 * function arguments, so a tool call's fragments are gathered and sent as one {@code functionCall} part when its
 * block stops. The last frame carries the finish reason and the usage. A signature with no thought text before it
 * (see {@link GeminiParts}) rides on the next part sent.
 */
public final class GeminiStreamEncoder implements StreamEncoder {

    private record OpenCall(String id, String name, StringBuilder arguments) {
    }

    private final Map<Integer, OpenCall> callsByBlock = new HashMap<>();
    private final Map<Integer, Boolean> thoughtTextByBlock = new HashMap<>();
    private String id = "";
    private String model = "";
    private Usage usage = Usage.NONE;
    private String pendingSignature;

    @Override
    public void encode(StreamEvent event, Consumer<String> out) {
        switch (event) {
            case StreamEvent.MessageStart start -> {
                id = start.id();
                model = start.model();
                usage = start.usage();
            }
            case StreamEvent.BlockStart start -> {
                switch (start.kind()) {
                    case StreamEvent.ToolCallBlock call -> callsByBlock.put(start.index(), new OpenCall(call.id(), call.name(), new StringBuilder()));
                    case StreamEvent.ThinkingBlock thinking -> thoughtTextByBlock.put(start.index(), false);
                    case StreamEvent.TextBlock text -> {
                        // Its first delta is its first part.
                    }
                }
            }
            case StreamEvent.BlockDelta delta -> encodeDelta(delta, out);
            case StreamEvent.BlockStop stop -> {
                OpenCall call = callsByBlock.remove(stop.index());
                if (call != null) {
                    out.accept(frame(part(GeminiParts.functionCall(new ContentPart.ToolCall(call.id(), call.name(), call.arguments().toString()))), null));
                }
            }
            case StreamEvent.MessageDelta delta -> {
                delta.usage().ifPresent(known -> usage = known);
                ObjectNode chunk = chunk(part(Json.object().put("text", "")), delta.stopReason());
                chunk.set("usageMetadata", UsageFields.encode(usage));
                out.accept(frame(chunk));
            }
            case StreamEvent.MessageStop stop -> {
                // The frame with finishReason was the end.
            }
            case StreamEvent.Error error -> {
                String status = ErrorStatuses.encode(error.type());
                ObjectNode body = Json.object();
                body.putObject("error").put("code", ErrorStatuses.httpCode(status)).put("message", error.message()).put("status", status);
                out.accept(frame(body));
            }
        }
    }

    private void encodeDelta(StreamEvent.BlockDelta delta, Consumer<String> out) {
        switch (delta.delta()) {
            case StreamEvent.TextDelta text -> out.accept(frame(part(Json.object().put("text", text.text())), null));
            case StreamEvent.ThinkingDelta thinking -> {
                thoughtTextByBlock.put(delta.index(), true);
                out.accept(frame(Json.object().put("text", thinking.text()).put("thought", true), null));
            }
            case StreamEvent.ToolArgumentsDelta arguments -> {
                OpenCall call = callsByBlock.get(delta.index());
                if (call != null) {
                    call.arguments().append(arguments.jsonFragment());
                }
            }
            case StreamEvent.SignatureDelta signature -> {
                String forCaller = Signatures.forClient(Shape.GEMINI, signature.signature());
                if (forCaller.isEmpty()) {
                    return;
                }
                if (thoughtTextByBlock.getOrDefault(delta.index(), false)) {
                    out.accept(frame(Json.object().put("text", "").put("thought", true).put("thoughtSignature", forCaller), null));
                } else {
                    pendingSignature = forCaller;
                }
            }
        }
    }

    /** The part with a held signature attached, if one is waiting. */
    private ObjectNode part(ObjectNode part) {
        if (pendingSignature != null) {
            part.put("thoughtSignature", pendingSignature);
            pendingSignature = null;
        }
        return part;
    }

    private String frame(ObjectNode part, StopReason stopReason) {
        return frame(chunk(part, stopReason));
    }

    private ObjectNode chunk(ObjectNode part, StopReason stopReason) {
        ObjectNode chunk = Json.object();
        ObjectNode candidate = chunk.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        ArrayNode parts = content.putArray("parts");
        parts.add(part);
        content.put("role", "model");
        if (stopReason != null) {
            candidate.put("finishReason", FinishReasons.encode(stopReason));
        }
        candidate.put("index", 0);
        chunk.put("modelVersion", model);
        chunk.put("responseId", id);
        return chunk;
    }

    private static String frame(ObjectNode body) {
        return "data: " + Json.write(body) + "\n\n";
    }
}
