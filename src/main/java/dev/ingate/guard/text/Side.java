package dev.ingate.guard.text;

import java.util.Set;

/**
 * Which string values of a body are text a model reads (input) or wrote (output), for every API shape at once: those
 * under the top-level fields that carry conversation, whose nearest field name is a text field ({@code content},
 * {@code text}, {@code system}…), plus every string inside free-form tool data ({@code input} of an Anthropic tool
 * call, {@code args} and {@code response} of Gemini function parts). Model names, roles, ids, tool schemas, images,
 * thinking blocks and their signatures are not text and are never changed.
 */
public enum Side {
    INPUT(Set.of("messages", "system", "instructions", "input", "prompt", "contents", "systemInstruction", "system_instruction", "suffix"),
            Set.of("content", "text", "system", "instructions", "input", "prompt", "output", "arguments", "suffix")),
    OUTPUT(Set.of("choices", "content", "output", "candidates", "message", "response", "delta", "part", "item", "content_block", "text"),
            Set.of("content", "text", "response", "delta", "arguments", "output_text", "refusal"));

    /** Objects held by these fields are free-form tool data: every string inside counts. */
    static final Set<String> FREE_FORM = Set.of("input", "args", "response");

    final Set<String> topLevel;
    final Set<String> textFields;

    Side(Set<String> topLevel, Set<String> textFields) {
        this.topLevel = topLevel;
        this.textFields = textFields;
    }
}
