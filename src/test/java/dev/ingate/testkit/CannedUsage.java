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
    public static final Tokens OPENAI_CHAT = openAiChat();

    /** An Anthropic message, streamed or not. */
    public static final Tokens ANTHROPIC_MESSAGE =
            new Tokens(AnthropicAnswers.INPUT_TOKENS, AnthropicAnswers.OUTPUT_TOKENS, 0);

    private CannedUsage() {
    }

    private static Tokens openAiChat() {
        JsonNode usage = Wire.object(Wire.resource("openai/chat-completion.json")).get("usage");
        return new Tokens(usage.get("prompt_tokens").asLong(), usage.get("completion_tokens").asLong(),
                usage.path("prompt_tokens_details").path("cached_tokens").asLong(0));
    }
}
