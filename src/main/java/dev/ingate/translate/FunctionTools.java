package dev.ingate.translate;

import dev.ingate.translate.canonical.ToolDefinition;
import tools.jackson.databind.JsonNode;

/** A function tool as OpenAI-style shapes declare it: name, description, and a JSON Schema for the arguments. */
public final class FunctionTools {

    /** Anthropic requires an input schema; a function declared without parameters takes none. */
    private static final String NO_PARAMETERS = "{\"type\":\"object\",\"properties\":{}}";

    private FunctionTools() {
    }

    /** @param holder the node with {@code name}, {@code description} and {@code parameters} fields */
    public static ToolDefinition.Function decode(JsonNode holder) {
        JsonNode parameters = holder.get("parameters");
        return new ToolDefinition.Function(Json.text(holder, "name", ""), Json.text(holder, "description"),
                parameters == null || parameters.isNull() ? NO_PARAMETERS : Json.write(parameters));
    }

    /**
     * {@code tools} as OpenAI chat and Ollama list them ({@code {"type":"function","function":{…}}}); other kinds are
     * kept raw for {@code origin}'s shape only.
     */
    public static java.util.List<ToolDefinition> decodeNested(JsonNode root, dev.ingate.translate.canonical.Shape origin) {
        java.util.List<ToolDefinition> tools = new java.util.ArrayList<>();
        for (JsonNode tool : Json.elements(root, "tools")) {
            String type = Json.text(tool, "type", "function");
            JsonNode function = tool.get("function");
            if (type.equals("function") && function != null && function.isObject()) {
                tools.add(decode(function));
            } else {
                tools.add(new ToolDefinition.Opaque(origin, type, Json.write(tool)));
            }
        }
        return tools;
    }

    /** The same list written back for {@code target}'s shape; what only another shape understands is named in {@code dropped}. */
    public static tools.jackson.databind.node.ArrayNode encodeNested(java.util.List<ToolDefinition> definitions,
                                                                     dev.ingate.translate.canonical.Shape target, java.util.List<String> dropped) {
        tools.jackson.databind.node.ArrayNode tools = Json.array();
        for (ToolDefinition tool : definitions) {
            switch (tool) {
                case ToolDefinition.Function function -> {
                    tools.jackson.databind.node.ObjectNode spec = tools.addObject().put("type", "function").putObject("function")
                            .put("name", function.name());
                    function.description().ifPresent(description -> spec.put("description", description));
                    spec.set("parameters", Json.parse(function.parametersSchemaJson()));
                }
                case ToolDefinition.Opaque opaque when opaque.origin() == target -> tools.add(Json.parse(opaque.rawJson()));
                case ToolDefinition.Opaque opaque -> dropped.add("tools:" + opaque.type());
            }
        }
        return tools;
    }
}
