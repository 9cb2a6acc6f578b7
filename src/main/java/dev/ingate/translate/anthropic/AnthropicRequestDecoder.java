package dev.ingate.translate.anthropic;

import dev.ingate.translate.Json;
import dev.ingate.translate.TranslationException;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.Message;
import dev.ingate.translate.canonical.Role;
import dev.ingate.translate.canonical.Sampling;
import dev.ingate.translate.canonical.Shape;
import dev.ingate.translate.canonical.ShapeParams;
import dev.ingate.translate.canonical.ToolChoice;
import dev.ingate.translate.canonical.ToolDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An Anthropic Messages request body → canonical request. {@code metadata.user_id} becomes the user;
 * {@code cache_control} marks on blocks are not kept (no other shape has them).
 */
public final class AnthropicRequestDecoder {

    private static final Set<String> MODELLED = Set.of("model", "system", "messages", "tools", "tool_choice",
            "temperature", "top_p", "max_tokens", "stop_sequences", "stream", "metadata", "thinking");

    private AnthropicRequestDecoder() {
    }

    public static CanonicalRequest decode(String json) {
        JsonNode root = Json.parseObject(json);
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : Json.requiredElements(root, "messages")) {
            String role = Json.text(message, "role", "");
            Role canonicalRole = switch (role) {
                case "user" -> Role.USER;
                case "assistant" -> Role.ASSISTANT;
                default -> throw new TranslationException("unsupported message role: " + role);
            };
            messages.add(new Message(canonicalRole, ContentBlocks.decode(message.get("content"))));
        }
        List<String> stop = new ArrayList<>();
        Json.elements(root, "stop_sequences").forEach(sequence -> stop.add(sequence.asString()));
        Sampling sampling = new Sampling(Json.decimal(root, "temperature"), Json.decimal(root, "top_p"),
                Json.integer(root, "max_tokens"), stop);
        JsonNode toolChoice = root.path("tool_choice");
        JsonNode thinking = root.path("thinking");
        Optional<Integer> thinkingBudget = Json.text(thinking, "type", "").equals("enabled")
                ? Json.integer(thinking, "budget_tokens") : Optional.empty();
        return new CanonicalRequest(
                Json.text(root, "model", ""),
                system(root.get("system")),
                messages,
                tools(root),
                toolChoice(toolChoice),
                Json.bool(toolChoice, "disable_parallel_tool_use").map(disabled -> !disabled),
                sampling,
                thinkingBudget,
                Json.bool(root, "stream").orElse(false),
                true,
                Json.text(root.path("metadata"), "user_id"),
                Optional.empty(),
                extras(root));
    }

    private static List<String> system(JsonNode system) {
        if (system == null || system.isNull()) {
            return List.of();
        }
        if (system.isString()) {
            return List.of(system.stringValue());
        }
        List<String> parts = new ArrayList<>();
        system.forEach(block -> parts.add(Json.text(block, "text", "")));
        return parts;
    }

    /** Tools without an {@code input_schema} are Anthropic's own (web search, bash…): kept raw. */
    private static List<ToolDefinition> tools(JsonNode root) {
        List<ToolDefinition> tools = new ArrayList<>();
        for (JsonNode tool : Json.elements(root, "tools")) {
            if (tool.has("input_schema")) {
                tools.add(new ToolDefinition.Function(Json.text(tool, "name", ""), Json.text(tool, "description"),
                        Json.write(tool.get("input_schema"))));
            } else {
                tools.add(new ToolDefinition.Opaque(Shape.ANTHROPIC_MESSAGES, Json.text(tool, "type", "tool"), Json.write(tool)));
            }
        }
        return tools;
    }

    private static Optional<ToolChoice> toolChoice(JsonNode choice) {
        return Json.text(choice, "type").map(type -> switch (type) {
            case "any" -> new ToolChoice.Required();
            case "none" -> new ToolChoice.None();
            case "tool" -> new ToolChoice.Specific(Json.text(choice, "name", ""));
            default -> new ToolChoice.Auto();
        });
    }

    private static ShapeParams extras(JsonNode root) {
        Map<String, String> extras = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!MODELLED.contains(field.getKey()) && !field.getValue().isNull()) {
                extras.put(field.getKey(), Json.write(field.getValue()));
            }
        }
        return new ShapeParams(Shape.ANTHROPIC_MESSAGES, extras);
    }
}
