package dev.ingate.translate.openai;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.FunctionTools;
import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.Message;
import dev.ingate.translate.canonical.ResponseFormat;
import dev.ingate.translate.canonical.Role;
import dev.ingate.translate.canonical.Shape;
import dev.ingate.translate.canonical.ToolChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical request → OpenAI Chat Completions request body. The output limit is written as
 * {@code max_completion_tokens}, the field OpenAI's reasoning models require ({@code max_tokens} is deprecated).
 * A streamed request always asks for usage ({@code stream_options.include_usage}): the gateway needs it to count
 * tokens, and an Anthropic client needs it for {@code message_delta}.
 */
public final class OpenAiChatRequestEncoder {

    private OpenAiChatRequestEncoder() {
    }

    public static Encoded encode(CanonicalRequest request) {
        List<String> dropped = new ArrayList<>();
        ObjectNode root = Json.object();
        root.put("model", request.model());
        ArrayNode messages = root.putArray("messages");
        if (!request.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", String.join("\n\n", request.system()));
        }
        for (Message message : request.messages()) {
            if (message.role() == Role.USER) {
                addUserTurn(messages, message, dropped);
            } else {
                messages.add(assistantMessage(message));
            }
        }
        request.sampling().temperature().ifPresent(value -> root.put("temperature", value));
        request.sampling().topP().ifPresent(value -> root.put("top_p", value));
        request.sampling().maxTokens().ifPresent(value -> root.put("max_completion_tokens", value));
        if (!request.sampling().stop().isEmpty()) {
            ArrayNode stop = root.putArray("stop");
            request.sampling().stop().forEach(stop::add);
        }
        addTools(root, request, dropped);
        request.thinkingBudget().ifPresent(budget -> root.put("reasoning_effort", ReasoningEffort.effortFor(budget)));
        if (request.stream()) {
            root.put("stream", true);
            root.putObject("stream_options").put("include_usage", true);
        }
        request.user().ifPresent(user -> root.put("user", user));
        request.responseFormat().ifPresent(format -> root.set("response_format", responseFormat(format)));
        copyOrDropExtras(root, request, dropped);
        return new Encoded(Json.write(root), dropped);
    }

    /** Tool results become {@code tool} messages, ahead of the rest of the turn, as OpenAI expects them right after the call. */
    private static void addUserTurn(ArrayNode messages, Message message, List<String> dropped) {
        ArrayNode content = Json.array();
        for (ContentPart part : message.parts()) {
            switch (part) {
                case ContentPart.ToolResult result -> messages.addObject().put("role", "tool")
                        .put("tool_call_id", result.toolCallId()).put("content", toolResultText(result, dropped));
                case ContentPart.Text text -> content.addObject().put("type", "text").put("text", text.text());
                case ContentPart.Image image -> content.addObject().put("type", "image_url")
                        .putObject("image_url").put("url", DataUrls.encode(image.source()));
                case ContentPart.Opaque opaque when opaque.origin() == Shape.OPENAI_CHAT -> content.add(Json.parse(opaque.rawJson()));
                case ContentPart.Opaque opaque -> dropped.add("content:" + opaque.type());
                case ContentPart.ToolCall call -> dropped.add("content:tool_use");
                case ContentPart.Thinking thinking -> dropped.add("content:thinking");
            }
        }
        if (content.isEmpty()) {
            return;
        }
        ObjectNode user = messages.addObject().put("role", "user");
        if (content.size() == 1 && content.get(0).path("type").asString("").equals("text")) {
            user.put("content", content.get(0).get("text").stringValue());
        } else {
            user.set("content", content);
        }
    }

    private static String toolResultText(ContentPart.ToolResult result, List<String> dropped) {
        StringBuilder text = new StringBuilder();
        for (ContentPart part : result.content()) {
            if (part instanceof ContentPart.Text piece) {
                text.append(piece.text());
            } else {
                dropped.add("tool_result:image");
            }
        }
        if (result.isError()) {
            dropped.add("tool_result:is_error");
        }
        return text.toString();
    }

    /** Thinking is left out: Chat Completions takes no reasoning back in (and the signature means nothing to it). */
    private static ObjectNode assistantMessage(Message message) {
        ObjectNode assistant = Json.object().put("role", "assistant");
        StringBuilder text = new StringBuilder();
        ArrayNode toolCalls = Json.array();
        for (ContentPart part : message.parts()) {
            if (part instanceof ContentPart.Text piece) {
                text.append(piece.text());
            } else if (part instanceof ContentPart.ToolCall call) {
                ObjectNode toolCall = toolCalls.addObject().put("id", call.id()).put("type", "function");
                toolCall.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
            }
        }
        if (text.isEmpty() && !toolCalls.isEmpty()) {
            assistant.putNull("content");
        } else {
            assistant.put("content", text.toString());
        }
        if (!toolCalls.isEmpty()) {
            assistant.set("tool_calls", toolCalls);
        }
        return assistant;
    }

    private static void addTools(ObjectNode root, CanonicalRequest request, List<String> dropped) {
        ArrayNode tools = FunctionTools.encodeNested(request.tools(), Shape.OPENAI_CHAT, dropped);
        if (!tools.isEmpty()) {
            root.set("tools", tools);
        }
        request.toolChoice().ifPresent(choice -> {
            switch (choice) {
                case ToolChoice.Auto auto -> root.put("tool_choice", "auto");
                case ToolChoice.None none -> root.put("tool_choice", "none");
                case ToolChoice.Required required -> root.put("tool_choice", "required");
                case ToolChoice.Specific specific -> root.putObject("tool_choice").put("type", "function")
                        .putObject("function").put("name", specific.name());
            }
        });
        request.parallelToolCalls().ifPresent(parallel -> root.put("parallel_tool_calls", parallel));
    }

    private static ObjectNode responseFormat(ResponseFormat format) {
        ObjectNode node = Json.object();
        switch (format) {
            case ResponseFormat.Text text -> node.put("type", "text");
            case ResponseFormat.JsonObject object -> node.put("type", "json_object");
            case ResponseFormat.JsonSchema schema -> {
                node.put("type", "json_schema");
                ObjectNode spec = node.putObject("json_schema").put("name", schema.name());
                spec.set("schema", Json.parse(schema.schemaJson()));
                schema.strict().ifPresent(strict -> spec.put("strict", strict));
            }
        }
        return node;
    }

    private static void copyOrDropExtras(ObjectNode root, CanonicalRequest request, List<String> dropped) {
        for (Map.Entry<String, String> extra : request.extras().rawJsonByName().entrySet()) {
            if (request.extras().origin() == Shape.OPENAI_CHAT) {
                root.set(extra.getKey(), Json.parse(extra.getValue()));
            } else {
                dropped.add(extra.getKey());
            }
        }
    }
}
