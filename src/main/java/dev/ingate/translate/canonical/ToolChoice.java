package dev.ingate.translate.canonical;

/** How the model may use the tools. */
public sealed interface ToolChoice {

    record Auto() implements ToolChoice {
    }

    record None() implements ToolChoice {
    }

    /** Some tool must be called (OpenAI "required", Anthropic "any"). */
    record Required() implements ToolChoice {
    }

    record Specific(String name) implements ToolChoice {
    }
}
