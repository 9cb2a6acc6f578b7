package dev.ingate.translate.canonical;

import java.util.List;

/** A typed piece of a message or response. */
public sealed interface ContentPart {

    record Text(String text) implements ContentPart {
    }

    record Image(ImageSource source) implements ContentPart {
    }

    /** {@code argumentsJson} stays a string: OpenAI sends it so, and a partial or odd value must survive. */
    record ToolCall(String id, String name, String argumentsJson) implements ContentPart {
    }

    /** {@code content} holds only {@link Text} and {@link Image} parts. */
    record ToolResult(String toolCallId, List<ContentPart> content, boolean isError) implements ContentPart {

        public ToolResult {
            content = List.copyOf(content);
        }
    }

    /** {@code signature} is empty when the source had none (a thinking block without it cannot go back to Anthropic). */
    record Thinking(String text, String signature) implements ContentPart {
    }

    /**
     * A part the canonical model has no type for (an Anthropic document, an OpenAI audio input): kept raw
     * so the same shape can pass it on, reported as dropped by any other.
     */
    record Opaque(Shape origin, String type, String rawJson) implements ContentPart {
    }
}
