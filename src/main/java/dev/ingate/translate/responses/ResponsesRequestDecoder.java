package dev.ingate.translate.responses;

import dev.ingate.translate.openai.ReasoningEffort;
import dev.ingate.translate.FunctionTools;
import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.Message;
import dev.ingate.translate.canonical.ResponseFormat;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI Responses request body ({@code POST /v1/responses}) → canonical request. Everything without a canonical
 * field ({@code store}, {@code include}, {@code truncation}, {@code previous_response_id}…) is kept raw, so a
 * Responses upstream gets it back and any other reports it dropped: {@code previous_response_id} points at a
 * conversation only OpenAI holds. {@code reasoning} and {@code text} are split: the effort and the format are
 * modelled, what else they hold (the summary setting, verbosity) is kept raw under the same name.
 */
public final class ResponsesRequestDecoder {

    private static final Set<String> MODELLED = Set.of("model", "instructions", "input", "tools", "tool_choice",
            "parallel_tool_calls", "temperature", "top_p", "max_output_tokens", "stream", "user", "reasoning", "text");

    private ResponsesRequestDecoder() {
    }

    public static CanonicalRequest decode(String json) {
        ObjectNode root = Json.parseObject(json);
        Map<String, String> extras = new LinkedHashMap<>();
        List<String> system = new ArrayList<>();
        Json.text(root, "instructions").filter(text -> !text.isEmpty()).ifPresent(system::add);
        List<Message> messages = InputItemDecoder.decode(root.get("input"), system);
        Sampling sampling = new Sampling(Json.decimal(root, "temperature"), Json.decimal(root, "top_p"),
                Json.integer(root, "max_output_tokens"), List.of());
        return new CanonicalRequest(
                Json.text(root, "model", ""),
                system,
                messages,
                tools(root),
                toolChoice(root.get("tool_choice"), extras),
                Json.bool(root, "parallel_tool_calls"),
                sampling,
                thinkingBudget(root.get("reasoning"), extras),
                Json.bool(root, "stream").orElse(false),
                // A Responses stream always ends with the usage, in response.completed.
                true,
                Json.text(root, "user"),
                responseFormat(root.get("text"), extras),
                extras(root, extras));
    }

    /** Tools other than functions (web_search, file_search, mcp…) run at OpenAI: kept raw. */
    private static List<ToolDefinition> tools(JsonNode root) {
        List<ToolDefinition> tools = new ArrayList<>();
        for (JsonNode tool : Json.elements(root, "tools")) {
            String type = Json.text(tool, "type", "function");
            if (type.equals("function")) {
                tools.add(FunctionTools.decode(tool));
            } else {
                tools.add(new ToolDefinition.Opaque(Shape.OPENAI_RESPONSES, type, Json.write(tool)));
            }
        }
        return tools;
    }

    /** A choice of a built-in or an allowed-tools list has no canonical form: kept raw for a Responses upstream. */
    private static Optional<ToolChoice> toolChoice(JsonNode choice, Map<String, String> extras) {
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
        if (Json.text(choice, "type", "").equals("function")) {
            return Json.text(choice, "name").map(ToolChoice.Specific::new);
        }
        extras.put("tool_choice", Json.write(choice));
        return Optional.empty();
    }

    private static Optional<Integer> thinkingBudget(JsonNode reasoning, Map<String, String> extras) {
        if (reasoning == null || !reasoning.isObject()) {
            return Optional.empty();
        }
        Optional<Integer> budget = Json.text(reasoning, "effort").flatMap(ReasoningEffort::budgetFor);
        ObjectNode rest = ((ObjectNode) reasoning).deepCopy();
        if (budget.isPresent()) {
            rest.remove("effort");
        }
        keepNonEmpty("reasoning", rest, extras);
        return budget;
    }

    private static Optional<ResponseFormat> responseFormat(JsonNode text, Map<String, String> extras) {
        if (text == null || !text.isObject()) {
            return Optional.empty();
        }
        ObjectNode rest = ((ObjectNode) text).deepCopy();
        JsonNode format = rest.remove("format");
        keepNonEmpty("text", rest, extras);
        if (format == null || format.isNull()) {
            return Optional.empty();
        }
        return switch (Json.text(format, "type", "text")) {
            case "json_object" -> Optional.of(new ResponseFormat.JsonObject());
            case "json_schema" -> Optional.of(new ResponseFormat.JsonSchema(Json.text(format, "name", "response"),
                    format.has("schema") ? Json.write(format.get("schema")) : "{}", Json.bool(format, "strict")));
            default -> Optional.of(new ResponseFormat.Text());
        };
    }

    private static void keepNonEmpty(String name, ObjectNode rest, Map<String, String> extras) {
        rest.properties().removeIf(field -> field.getValue().isNull());
        if (!rest.isEmpty()) {
            extras.put(name, Json.write(rest));
        }
    }

    /** Kept in the client's order; the pieces split off {@code tool_choice}, {@code reasoning} and {@code text} come first. */
    private static ShapeParams extras(JsonNode root, Map<String, String> extras) {
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!MODELLED.contains(field.getKey()) && !field.getValue().isNull()) {
                extras.put(field.getKey(), Json.write(field.getValue()));
            }
        }
        return new ShapeParams(Shape.OPENAI_RESPONSES, extras);
    }
}
