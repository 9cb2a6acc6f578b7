package dev.ingate.translate.canonical;

import java.util.Optional;

/** A tool offered to the model. */
public sealed interface ToolDefinition {

    record Function(String name, Optional<String> description, String parametersSchemaJson) implements ToolDefinition {
    }

    /** A vendor's built-in tool (Anthropic web search, computer use…): only its own shape understands it. */
    record Opaque(Shape origin, String type, String rawJson) implements ToolDefinition {
    }
}
