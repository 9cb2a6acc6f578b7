package dev.ingate.testkit;

import tools.jackson.databind.JsonNode;

/**
 * The token counts the mocks' normal answers report, read from the same canned data the mocks send, so a test
 * outside this package can assert what Ingate recorded without copying numbers that would drift.
 */
public final class CannedUsage {

    /** Tokens as a provider reports them: input includes the cached part, as OpenAI's prompt_tokens does. */
    public record Tokens(long input, long output, long cached) {
    }

    /** An OpenAI chat completion, streamed (when usage is asked for or injected) or not. */
    public static final Tokens OPENAI_CHAT = openAiChat("openai/chat-completion.json");

    /** An Anthropic message, streamed or not. */
    public static final Tokens ANTHROPIC_MESSAGE =
            new Tokens(AnthropicAnswers.INPUT_TOKENS, AnthropicAnswers.OUTPUT_TOKENS, 0);

    /** An OpenAI chat completion that calls a tool (once or in parallel), streamed with usage or not. */
    public static final Tokens OPENAI_CHAT_TOOLS = openAiChat("openai/chat-completion-tools.json");

    /** A Gemini generateContent text answer (the last chunk of a streamed one). */
    public static final Tokens GEMINI =
            new Tokens(GeminiAnswers.PROMPT_TOKENS, GeminiAnswers.CANDIDATES_TOKENS, 0);

    private CannedUsage() {
    }

    private static Tokens openAiChat(String resource) {
        JsonNode usage = Wire.object(Wire.resource(resource)).get("usage");
        return new Tokens(usage.get("prompt_tokens").asLong(), usage.get("completion_tokens").asLong(),
                usage.path("prompt_tokens_details").path("cached_tokens").asLong(0));
    }
}
