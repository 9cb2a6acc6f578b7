package dev.ingate.estimate;

import tools.jackson.databind.JsonNode;

/** Which API a request body to estimate was written for; it decides how the prompt is read. */
public enum RequestShape {
    /** Chat Completions: {@code messages} with string or multi-part content. */
    OPENAI_CHAT,
    /** Messages API: top-level {@code system}, {@code messages} with content blocks. */
    ANTHROPIC_MESSAGES,
    /** A bare text: {@code input} (Responses API style) or {@code prompt} (completions). */
    PLAIN_TEXT;

    /**
     * By the fields the body has. Anthropic when the caller sent {@code anthropic-version}, when there is a
     * top-level {@code system}, or when a content block has a type only Anthropic uses ({@code text} blocks
     * exist in both APIs and read the same, so they decide nothing). Else OpenAI chat when there are
     * {@code messages}, else plain text; null when the body holds nothing to count.
     */
    public static RequestShape detect(JsonNode body, boolean anthropicVersionHeader) {
        boolean hasMessages = body.path("messages").isArray();
        if (anthropicVersionHeader || body.has("system") || (hasMessages && hasAnthropicBlock(body.get("messages")))) {
            return ANTHROPIC_MESSAGES;
        }
        if (hasMessages) {
            return OPENAI_CHAT;
        }
        if (body.has("input") || body.has("prompt")) {
            return PLAIN_TEXT;
        }
        return null;
    }

    private static boolean hasAnthropicBlock(JsonNode messages) {
        for (JsonNode message : messages) {
            for (JsonNode block : message.path("content")) {
                switch (block.path("type").asString("")) {
                    case "image", "tool_use", "tool_result", "document", "thinking", "redacted_thinking" -> {
                        return true;
                    }
                    default -> {
                    }
                }
            }
        }
        return false;
    }
}
