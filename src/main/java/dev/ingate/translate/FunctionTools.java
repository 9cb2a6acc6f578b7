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
}
