package dev.ingate.translate.openai;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalResponse;
import dev.ingate.translate.canonical.ContentPart;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical response → OpenAI {@code chat.completion} body. Chat Completions has no thinking field; thinking text
 * goes into the non-standard {@code message.reasoning_content} (as DeepSeek, vLLM and LiteLLM do) and its
 * signature is dropped. {@code created} comes from the clock when the source had none (Anthropic).
 */
public final class OpenAiChatResponseEncoder {

    private final Clock clock;

    public OpenAiChatResponseEncoder(Clock clock) {
        this.clock = clock;
    }

    public Encoded encode(CanonicalResponse response) {
        List<String> dropped = new ArrayList<>();
        ObjectNode root = Json.object();
        root.put("id", response.id());
        root.put("object", "chat.completion");
        root.put("created", response.createdEpochSeconds().orElseGet(() -> clock.instant().getEpochSecond()));
        root.put("model", response.model());
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        ArrayNode toolCalls = Json.array();
        for (ContentPart part : response.content()) {
            switch (part) {
                case ContentPart.Text piece -> text.append(piece.text());
                case ContentPart.Thinking thinking -> reasoning.append(thinking.text());
                case ContentPart.ToolCall call -> {
                    ObjectNode toolCall = toolCalls.addObject().put("id", call.id()).put("type", "function");
                    toolCall.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
                }
                case ContentPart.Opaque opaque -> dropped.add("content:" + opaque.type());
                case ContentPart.Image image -> dropped.add("content:image");
                case ContentPart.ToolResult result -> dropped.add("content:tool_result");
            }
        }
        if (text.isEmpty() && !toolCalls.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", text.toString());
        }
        if (!reasoning.isEmpty()) {
            message.put("reasoning_content", reasoning.toString());
        }
        if (!toolCalls.isEmpty()) {
            message.set("tool_calls", toolCalls);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", FinishReasons.encode(response.stopReason()));
        root.set("usage", UsageFields.encode(response.usage()));
        return new Encoded(Json.write(root), dropped);
    }
}
