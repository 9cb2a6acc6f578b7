package dev.ingate.translate.responses;

import dev.ingate.translate.openai.ReasoningEffort;
import dev.ingate.translate.Encoded;
import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.ResponseFormat;
import dev.ingate.translate.canonical.Shape;
import dev.ingate.translate.canonical.ShapeParams;
import dev.ingate.translate.canonical.ToolChoice;
import dev.ingate.translate.canonical.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical request → OpenAI Responses request body. System text becomes {@code instructions}. Responses has no
 * stop sequences, so they are reported dropped. The parts of {@code reasoning}, {@code text} and
 * {@code tool_choice} that a Responses client sent and the canonical model does not hold are merged back in.
 */
public final class ResponsesRequestEncoder {

    private ResponsesRequestEncoder() {
    }

    public static Encoded encode(CanonicalRequest request) {
        List<String> dropped = new ArrayList<>();
        ObjectNode root = Json.object();
        root.put("model", request.model());
        if (!request.system().isEmpty()) {
            root.put("instructions", String.join("\n\n", request.system()));
        }
        root.set("input", InputItemEncoder.encode(request.messages(), dropped));
        request.sampling().temperature().ifPresent(value -> root.put("temperature", value));
        request.sampling().topP().ifPresent(value -> root.put("top_p", value));
        request.sampling().maxTokens().ifPresent(value -> root.put("max_output_tokens", value));
        if (!request.sampling().stop().isEmpty()) {
            dropped.add("stop");
        }
        boolean sameShape = request.extras().origin() == Shape.OPENAI_RESPONSES;
        addTools(root, request, dropped);
        ObjectNode reasoning = kept(request.extras(), "reasoning");
        request.thinkingBudget().ifPresent(budget -> reasoning.put("effort", ReasoningEffort.effortFor(budget)));
        if (!reasoning.isEmpty()) {
            root.set("reasoning", reasoning);
        }
        ObjectNode text = kept(request.extras(), "text");
        request.responseFormat().ifPresent(format -> text.set("format", format(format)));
        if (!text.isEmpty()) {
            root.set("text", text);
        }
        if (request.stream()) {
            root.put("stream", true);
        }
        request.user().ifPresent(user -> root.put("user", user));
        for (Map.Entry<String, String> extra : request.extras().rawJsonByName().entrySet()) {
            if (!sameShape) {
                dropped.add(extra.getKey());
            } else if (!root.has(extra.getKey())) {
                root.set(extra.getKey(), Json.parse(extra.getValue()));
            }
        }
        return new Encoded(Json.write(root), dropped);
    }

    /** What a Responses client sent under {@code name} besides the modelled fields; empty for other shapes. */
    private static ObjectNode kept(ShapeParams extras, String name) {
        String raw = extras.origin() == Shape.OPENAI_RESPONSES ? extras.rawJsonByName().get(name) : null;
        return raw == null ? Json.object() : Json.parseObject(raw);
    }

    private static void addTools(ObjectNode root, CanonicalRequest request, List<String> dropped) {
        ArrayNode tools = tools(request.tools(), dropped);
        if (!tools.isEmpty()) {
            root.set("tools", tools);
        }
        request.toolChoice().ifPresent(choice -> root.set("tool_choice", toolChoice(choice)));
        request.parallelToolCalls().ifPresent(parallel -> root.put("parallel_tool_calls", parallel));
    }

    static JsonNode toolChoice(ToolChoice choice) {
        return switch (choice) {
            case ToolChoice.Auto auto -> JsonNodeFactory.instance.stringNode("auto");
            case ToolChoice.None none -> JsonNodeFactory.instance.stringNode("none");
            case ToolChoice.Required required -> JsonNodeFactory.instance.stringNode("required");
            case ToolChoice.Specific specific -> Json.object().put("type", "function").put("name", specific.name());
        };
    }

    /** Function tools in Responses' flat form; built-in tools only when a Responses client sent them. */
    static ArrayNode tools(List<ToolDefinition> definitions, List<String> dropped) {
        ArrayNode tools = Json.array();
        for (ToolDefinition tool : definitions) {
            switch (tool) {
                case ToolDefinition.Function function -> {
                    ObjectNode spec = tools.addObject().put("type", "function").put("name", function.name());
                    function.description().ifPresent(description -> spec.put("description", description));
                    JsonNode parameters = Json.parse(function.parametersSchemaJson());
                    spec.set("parameters", parameters);
                    spec.put("strict", StrictSchemas.isStrict(parameters));
                }
                case ToolDefinition.Opaque opaque when opaque.origin() == Shape.OPENAI_RESPONSES -> tools.add(Json.parse(opaque.rawJson()));
                case ToolDefinition.Opaque opaque -> dropped.add("tools:" + opaque.type());
            }
        }
        return tools;
    }

    private static ObjectNode format(ResponseFormat format) {
        ObjectNode node = Json.object();
        switch (format) {
            case ResponseFormat.Text text -> node.put("type", "text");
            case ResponseFormat.JsonObject object -> node.put("type", "json_object");
            case ResponseFormat.JsonSchema schema -> {
                node.put("type", "json_schema").put("name", schema.name());
                node.set("schema", Json.parse(schema.schemaJson()));
                schema.strict().ifPresent(strict -> node.put("strict", strict));
            }
        }
        return node;
    }
}
