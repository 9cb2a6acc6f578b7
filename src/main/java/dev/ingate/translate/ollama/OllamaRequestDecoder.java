package dev.ingate.translate.ollama;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An Ollama {@code /api/chat} request body → canonical request. Ollama streams unless told otherwise, so an absent
 * {@code stream} is true; and its streams always carry the counts, so usage is always wanted.
 */
public final class OllamaRequestDecoder {

    private static final Set<String> MODELLED = Set.of("model", "messages", "tools", "stream", "format", "options", "think");

    private OllamaRequestDecoder() {
    }

    public static CanonicalRequest decode(String json) {
        JsonNode root = Json.parseObject(json);
        List<String> system = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        ToolResultPairing pairing = new ToolResultPairing();
        for (JsonNode message : Json.elements(root, "messages")) {
            String role = Json.text(message, "role", "");
            switch (role) {
                case "system" -> system.add(Json.text(message, "content", ""));
                case "user" -> messages.add(new Message(Role.USER, userParts(message)));
                case "assistant" -> messages.add(new Message(Role.ASSISTANT, assistantParts(message, pairing)));
                case "tool" -> addToolResult(messages, message, pairing);
                default -> throw new TranslationException("unsupported message role: " + role);
            }
        }
        // Extras in the client's field order, so the dropped-parameter list reads the way the request was written.
        Map<String, String> extras = new LinkedHashMap<>();
        Sampling sampling = null;
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            switch (field.getKey()) {
                case "options" -> sampling = OllamaOptions.decode(field.getValue(), extras);
                // think:false matters to an Ollama upstream (qwen3 thinks unless told not to); other shapes only think when asked.
                case "think" -> {
                    if (!field.getValue().isNull() && ThinkLevels.budgetFor(field.getValue()).isEmpty()) {
                        extras.put("think", Json.write(field.getValue()));
                    }
                }
                default -> {
                    if (!MODELLED.contains(field.getKey()) && !field.getValue().isNull()) {
                        extras.put(field.getKey(), Json.write(field.getValue()));
                    }
                }
            }
        }
        if (sampling == null) {
            sampling = OllamaOptions.decode(root.path("options"), extras);
        }
        return new CanonicalRequest(
                Json.text(root, "model", ""),
                system,
                messages,
                FunctionTools.decodeNested(root, Shape.OLLAMA_CHAT),
                Optional.empty(),
                Optional.empty(),
                sampling,
                ThinkLevels.budgetFor(root.get("think")),
                Json.bool(root, "stream").orElse(true),
                true,
                Optional.empty(),
                responseFormat(root.get("format")),
                new ShapeParams(Shape.OLLAMA_CHAT, extras));
    }

    private static List<ContentPart> userParts(JsonNode message) {
        List<ContentPart> parts = new ArrayList<>();
        String text = Json.text(message, "content", "");
        if (!text.isEmpty()) {
            parts.add(new ContentPart.Text(text));
        }
        addImages(message, parts);
        return parts;
    }

    private static void addImages(JsonNode message, List<ContentPart> parts) {
        for (JsonNode image : Json.elements(message, "images")) {
            if (image.isString() && !image.stringValue().isEmpty()) {
                parts.add(new ContentPart.Image(Images.decode(image.stringValue())));
            }
        }
    }

    private static List<ContentPart> assistantParts(JsonNode message, ToolResultPairing pairing) {
        List<ContentPart> parts = new ArrayList<>();
        Json.text(message, "thinking").filter(text -> !text.isEmpty()).ifPresent(text -> parts.add(new ContentPart.Thinking(text, "")));
        String text = Json.text(message, "content", "");
        if (!text.isEmpty()) {
            parts.add(new ContentPart.Text(text));
        }
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode call : Json.elements(message, "tool_calls")) {
            ContentPart.ToolCall decoded = ToolCalls.decode(call, pairing.nextGeneratedId());
            parts.add(decoded);
            ids.add(decoded.id());
            names.add(decoded.name());
        }
        pairing.assistantCalled(ids, names);
        return parts;
    }

    /** Consecutive tool messages become one user message, as the OpenAI codec does: Anthropic wants roles to alternate. */
    private static void addToolResult(List<Message> messages, JsonNode message, ToolResultPairing pairing) {
        List<ContentPart> content = new ArrayList<>();
        content.add(new ContentPart.Text(Json.text(message, "content", "")));
        addImages(message, content);
        String id = pairing.answer(Json.text(message, "tool_call_id", ""), Json.text(message, "tool_name", ""));
        ContentPart result = new ContentPart.ToolResult(id, content, false);
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

    /** {@code "json"} or a JSON schema; Ollama's schema has no name, so the one OpenAI requires is made up. */
    private static Optional<ResponseFormat> responseFormat(JsonNode format) {
        if (format == null || format.isNull()) {
            return Optional.empty();
        }
        if (format.isObject()) {
            return Optional.of(new ResponseFormat.JsonSchema("response", Json.write(format), Optional.empty()));
        }
        return format.isString() && format.stringValue().equals("json") ? Optional.of(new ResponseFormat.JsonObject()) : Optional.empty();
    }
}
