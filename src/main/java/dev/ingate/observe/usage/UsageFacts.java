package dev.ingate.observe.usage;

/**
 * What an upstream response said about itself: the model that served it, its id, and its token usage,
 * normalised to one meaning whatever the API shape.
 *
 * <p>Providers count differently, and the anchors that copied one number into the other bill twice. Here
 * every count means the same thing:
 * <ul>
 *   <li>{@code inputTokens}: every prompt token the upstream took in, cache reads and cache writes
 *       included (what a user calls "input tokens");</li>
 *   <li>{@code cachedInputTokens}: the part of {@code inputTokens} read from the provider's prompt cache;</li>
 *   <li>{@code cacheCreationTokens}: the part of {@code inputTokens} written into the cache;</li>
 *   <li>{@code outputTokens}: every generated token, reasoning included;</li>
 *   <li>{@code reasoningTokens}: the part of {@code outputTokens} spent thinking, where the provider says
 *       (Anthropic and Ollama do not: 0).</li>
 * </ul>
 *
 * <p>How each shape's raw fields map onto them:
 * <ul>
 *   <li>OpenAI chat completions and completions: {@code usage.prompt_tokens} already INCLUDES
 *       {@code prompt_tokens_details.cached_tokens}, so it is the input as is; {@code completion_tokens}
 *       already includes {@code completion_tokens_details.reasoning_tokens}. Embeddings: {@code prompt_tokens}.</li>
 *   <li>OpenAI Responses: {@code usage.input_tokens} includes {@code input_tokens_details.cached_tokens};
 *       {@code output_tokens} includes {@code output_tokens_details.reasoning_tokens}.</li>
 *   <li>Anthropic messages: {@code usage.input_tokens} EXCLUDES {@code cache_read_input_tokens} and
 *       {@code cache_creation_input_tokens}: the input here is the sum of the three.</li>
 *   <li>Ollama: {@code prompt_eval_count} is the input, {@code eval_count} the output; no cache figures.</li>
 *   <li>Gemini: {@code usageMetadata.promptTokenCount} includes {@code cachedContentTokenCount}, and the
 *       input adds {@code toolUsePromptTokenCount}; {@code candidatesTokenCount} EXCLUDES
 *       {@code thoughtsTokenCount}, so the output is their sum.</li>
 * </ul>
 *
 * @param found whether the response carried any usage figure at all; when false the counts are 0 and
 *              mean "unknown", not "free"
 * @param model the model the upstream reports having served (may differ from the one asked for, e.g. a
 *              dated snapshot); null when it did not say
 * @param responseId the upstream's id of the response ({@code chatcmpl-…}, {@code msg_…}, {@code resp_…},
 *                   Gemini's {@code responseId}); null when it did not say (Ollama never does)
 * @param sawFirstToken whether a stream carried generated content (text, thinking or a tool call); always
 *                      false for a non-streamed body, which has no first token to time
 */
public record UsageFacts(
        boolean found,
        String model,
        String responseId,
        long inputTokens,
        long cachedInputTokens,
        long cacheCreationTokens,
        long outputTokens,
        long reasoningTokens,
        boolean sawFirstToken) {

    /** Nothing known: an unknown shape, or a response that said nothing. */
    public static final UsageFacts NONE = new UsageFacts(false, null, null, 0, 0, 0, 0, 0, false);

    /** Input tokens billed at the full input rate: neither read from nor written to the cache. */
    public long uncachedInputTokens() {
        return Math.max(0, inputTokens - cachedInputTokens - cacheCreationTokens);
    }

    /** Output tokens the caller gets to see: the output without the reasoning. */
    public long visibleOutputTokens() {
        return Math.max(0, outputTokens - reasoningTokens);
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
