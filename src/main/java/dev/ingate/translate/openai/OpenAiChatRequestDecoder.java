package dev.ingate.translate.openai;

import dev.ingate.translate.FunctionTools;
import dev.ingate.translate.Json;
import dev.ingate.translate.TranslationException;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.Message;
import dev.ingate.translate.canonical.ResponseFormat;
import dev.ingate.translate.canonical.Role;
import dev.ingate.translate.canonical.Sampling;
import dev.ingate.translate.canonical.Shape;
import dev.ingate.translate.canonical.ShapeParams;
import dev.ingate.translate.canonical.ToolChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** An OpenAI Chat Completions request body → canonical request. */
public final class OpenAiChatRequestDecoder {

    private static final Set<String> MODELLED = Set.of("model", "messages", "tools", "tool_choice", "parallel_tool_calls",
            "temperature", "top_p", "max_tokens", "max_completion_tokens", "stop", "stream", "stream_options", "user",
            "response_format", "reasoning_effort");

    private OpenAiChatRequestDecoder() {
    }

    public static CanonicalRequest decode(String json) {
        JsonNode root = Json.parseObject(json);
        List<String> system = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : Json.requiredElements(root, "messages")) {
            String role = Json.text(message, "role", "");
            switch (role) {
                case "system", "developer" -> system.add(joinedText(message.get("content")));
                case "user" -> messages.add(new Message(Role.USER, userParts(message.get("content"))));
                case "assistant" -> messages.add(new Message(Role.ASSISTANT, assistantParts(message)));
                case "tool" -> addToolResult(messages, message);
                default -> throw new TranslationException("unsupported message role: " + role);
            }
        }
        Optional<Integer> maxTokens = Json.integer(root, "max_completion_tokens").or(() -> Json.integer(root, "max_tokens"));
        Sampling sampling = new Sampling(Json.decimal(root, "temperature"), Json.decimal(root, "top_p"), maxTokens, Json.strings(root.get("stop")));
        return new CanonicalRequest(
                Json.text(root, "model", ""),
                system,
                messages,
                FunctionTools.decodeNested(root, Shape.OPENAI_CHAT),
                toolChoice(root.get("tool_choice")),
                Json.bool(root, "parallel_tool_calls"),
                sampling,
                Json.text(root, "reasoning_effort").flatMap(ReasoningEffort::budgetFor),
                Json.bool(root, "stream").orElse(false),
                Json.bool(root.path("stream_options"), "include_usage").orElse(false),
                Json.text(root, "user"),
                responseFormat(root.get("response_format")),
                extras(root));
    }

    /** Consecutive tool messages become one user message: Anthropic wants roles to alternate. */
    private static void addToolResult(List<Message> messages, JsonNode message) {
        ContentPart result = new ContentPart.ToolResult(Json.text(message, "tool_call_id", ""),
                List.of(new ContentPart.Text(joinedText(message.get("content")))), false);
        if (!messages.isEmpty()) {
            Message last = messages.getLast();
            if (last.role() == Role.USER && !last.parts().isEmpty() && last.parts().getLast() instanceof ContentPart.ToolResult) {
                List<ContentPart> merged = new ArrayList<>(last.parts());
                merged.add(result);
                messages.set(messages.size() - 1, new Message(Role.USER, merged));
                return;
            }
        }
        messages.add(new Message(Role.USER, List.of(result)));
    }

    private static List<ContentPart> userParts(JsonNode content) {
        if (content == null || !content.isArray()) {
            return List.of(new ContentPart.Text(joinedText(content)));
        }
        List<ContentPart> parts = new ArrayList<>();
        for (JsonNode part : content) {
            String type = Json.text(part, "type", "");
            switch (type) {
                case "text" -> parts.add(new ContentPart.Text(Json.text(part, "text", "")));
                case "image_url" -> parts.add(new ContentPart.Image(DataUrls.decode(imageUrl(part.get("image_url")))));
                default -> parts.add(new ContentPart.Opaque(Shape.OPENAI_CHAT, type, Json.write(part)));
            }
        }
        return parts;
    }

    /** {@code image_url} is an object {url, detail} in the spec, a bare string in some older clients. */
    private static String imageUrl(JsonNode imageUrl) {
        if (imageUrl == null) {
            return "";
        }
        return imageUrl.isString() ? imageUrl.stringValue() : Json.text(imageUrl, "url", "");
    }

    private static List<ContentPart> assistantParts(JsonNode message) {
        List<ContentPart> parts = new ArrayList<>();
        String text = joinedText(message.get("content"));
        if (!text.isEmpty()) {
            parts.add(new ContentPart.Text(text));
        }
        for (JsonNode call : Json.elements(message, "tool_calls")) {
            JsonNode function = call.path("function");
            parts.add(new ContentPart.ToolCall(Json.text(call, "id", ""), Json.text(function, "name", ""),
                    Json.text(function, "arguments", "")));
        }
        return parts;
    }

    /** Content that is a string, null, or an array of text (and refusal) parts, as one string. */
    static String joinedText(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            Json.text(part, "text").or(() -> Json.text(part, "refusal")).ifPresent(text::append);
        }
        return text.toString();
    }

    private static Optional<ToolChoice> toolChoice(JsonNode choice) {
        if (choice == null || choice.isNull()) {
            return Optional.empty();
        }
        if (choice.isString()) {
            return switch (choice.stringValue()) {
                case "none" -> Optional.of(new ToolChoice.None());
                case "required" -> Optional.of(new ToolChoice.Required());
                default -> Optional.of(new ToolChoice.Auto());
            };
        }
        return Json.text(choice.path("function"), "name").map(ToolChoice.Specific::new);
    }

    private static Optional<ResponseFormat> responseFormat(JsonNode format) {
        if (format == null || format.isNull()) {
            return Optional.empty();
        }
        return switch (Json.text(format, "type", "text")) {
            case "json_object" -> Optional.of(new ResponseFormat.JsonObject());
            case "json_schema" -> {
                JsonNode schema = format.path("json_schema");
                yield Optional.of(new ResponseFormat.JsonSchema(Json.text(schema, "name", "response"),
                        schema.has("schema") ? Json.write(schema.get("schema")) : "{}", Json.bool(schema, "strict")));
            }
            default -> Optional.of(new ResponseFormat.Text());
        };
    }

    private static ShapeParams extras(JsonNode root) {
        Map<String, String> extras = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!MODELLED.contains(field.getKey()) && !field.getValue().isNull()) {
                extras.put(field.getKey(), Json.write(field.getValue()));
            }
        }
        return new ShapeParams(Shape.OPENAI_CHAT, extras);
    }
}
