package dev.ingate.observe.trace;

/**
 * The GenAI semantic conventions' {@code gen_ai.operation.name} of a proxied call, told by its path alone
 * (the body is long gone when the span is made). Suffixes, not whole paths, so that deployments behind a
 * prefix (Azure's {@code /openai/deployments/x/chat/completions}) are named too.
 */
final class GenAiOperation {

    static final String CHAT = "chat";
    static final String TEXT_COMPLETION = "text_completion";
    static final String EMBEDDINGS = "embeddings";
    static final String GENERATE_CONTENT = "generate_content";

    private GenAiOperation() {
    }

    /**
     * @return the operation, or null when the call generates nothing (model lists, token counts, reads of
     *         stored responses, unknown routes): such a span is named like a plain HTTP server span
     */
    static String of(String method, String path) {
        if (path == null || !"POST".equals(method)) {
            return null;
        }
        // Gemini names the method after the model in the last segment: /v1beta/models/gemini-2.5-flash:generateContent
        if (path.endsWith(":generateContent") || path.endsWith(":streamGenerateContent")) {
            return GENERATE_CONTENT;
        }
        if (path.endsWith(":embedContent") || path.endsWith(":batchEmbedContents")) {
            return EMBEDDINGS;
        }
        switch (path) {
            case "/api/chat" -> {
                return CHAT;
            }
            case "/api/generate" -> {
                return TEXT_COMPLETION;
            }
            case "/api/embed", "/api/embeddings" -> {
                return EMBEDDINGS;
            }
            default -> {
            }
        }
        if (path.endsWith("/chat/completions")) {
            return CHAT;
        }
        if (path.endsWith("/completions")) {
            return TEXT_COMPLETION;
        }
        if (path.endsWith("/embeddings")) {
            return EMBEDDINGS;
        }
        // OpenAI Responses and Anthropic Messages are chat in the conventions' sense; not Assistants threads
        if (path.endsWith("/responses") || path.endsWith("/messages") && !path.contains("/threads/")) {
            return CHAT;
        }
        if (path.endsWith("/converse") || path.endsWith("/converse-stream")) {
            return CHAT; // Bedrock
        }
        return null;
    }
}
