package dev.ingate.translate.responses;

import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.ToolChoice;
import dev.ingate.translate.canonical.Usage;
import java.util.ArrayList;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pieces of a Responses {@code response} object, shared by the body and the stream (whose
 * {@code response.completed} carries the same whole object). Item ids are made from the response id and the
 * item's place, or from the call id, so the same answer always gets the same ids.
 */
final class OutputItems {

    private OutputItems() {
    }

    static String messageId(String responseId, int outputIndex) {
        return "msg_" + responseId + "_" + outputIndex;
    }

    /**
     * Reasoning made here from canonical thinking gets an id of its own kind: OpenAI does not know it, so it must
     * never be sent back to OpenAI, while its thinking (and signature) can go back to the vendor that wrote it.
     */
    static final String MADE_REASONING_PREFIX = "rs_ingate_";

    static String reasoningId(String responseId, int outputIndex) {
        return MADE_REASONING_PREFIX + responseId + "_" + outputIndex;
    }

    static String functionCallId(String callId) {
        return "fc_" + callId;
    }

    static ObjectNode message(String id, String status, String text) {
        ObjectNode item = Json.object().put("id", id).put("type", "message").put("status", status).put("role", "assistant");
        ArrayNode content = item.putArray("content");
        if (text != null) {
            content.add(outputText(text));
        }
        return item;
    }

    static ObjectNode outputText(String text) {
        ObjectNode part = Json.object().put("type", "output_text");
        part.putArray("annotations");
        part.putArray("logprobs");
        return part.put("text", text);
    }

    static ObjectNode functionCall(String callId, String name, String arguments, String status) {
        return Json.object().put("id", functionCallId(callId)).put("type", "function_call").put("status", status)
                .put("arguments", arguments).put("call_id", callId).put("name", name);
    }

    /**
     * Thinking is shown as the reasoning summary, which is what clients display. Its signature rides in
     * {@code encrypted_content}, the field Responses clients keep and send back for exactly this: Anthropic wants
     * signed thinking back when a tool-use turn continues.
     */
    static ObjectNode reasoning(String id, String text, String signature) {
        ObjectNode item = Json.object().put("id", id).put("type", "reasoning");
        ArrayNode summary = item.putArray("summary");
        if (text != null) {
            summary.add(summaryText(text));
        }
        if (signature != null && !signature.isEmpty()) {
            item.put("encrypted_content", signature);
        }
        return item;
    }

    static ObjectNode summaryText(String text) {
        return Json.object().put("type", "summary_text").put("text", text);
    }

    /** Status of an answer that stopped for this reason: only the limits leave it incomplete. */
    static Optional<String> incompleteReason(StopReason reason) {
        return switch (reason) {
            case MAX_TOKENS -> Optional.of("max_output_tokens");
            case CONTENT_FILTER -> Optional.of("content_filter");
            default -> Optional.empty();
        };
    }

    /**
     * The whole response object. The settings it echoes come from the caller's request: the upstream of another
     * shape does not report them.
     */
    static ObjectNode response(String id, long createdAt, String model, String status, ArrayNode output, Usage usage,
            Optional<String> incompleteReason, CanonicalRequest request) {
        ObjectNode root = Json.object();
        root.put("id", id).put("object", "response").put("created_at", createdAt).put("status", status);
        root.putNull("error");
        incompleteReason.ifPresentOrElse(reason -> root.putObject("incomplete_details").put("reason", reason),
                () -> root.putNull("incomplete_details"));
        if (request.system().isEmpty()) {
            root.putNull("instructions");
        } else {
            root.put("instructions", String.join("\n\n", request.system()));
        }
        request.sampling().maxTokens().ifPresentOrElse(max -> root.put("max_output_tokens", max), () -> root.putNull("max_output_tokens"));
        root.put("model", model);
        root.set("output", output);
        root.put("parallel_tool_calls", request.parallelToolCalls().orElse(true));
        request.sampling().temperature().ifPresentOrElse(value -> root.put("temperature", value), () -> root.putNull("temperature"));
        root.set("tool_choice", ResponsesRequestEncoder.toolChoice(request.toolChoice().orElse(new ToolChoice.Auto())));
        root.set("tools", ResponsesRequestEncoder.tools(request.tools(), new ArrayList<>()));
        request.sampling().topP().ifPresentOrElse(value -> root.put("top_p", value), () -> root.putNull("top_p"));
        if (usage != null) {
            root.set("usage", UsageFields.encode(usage));
        }
        request.user().ifPresent(user -> root.put("user", user));
        root.putObject("metadata");
        return root;
    }
}
