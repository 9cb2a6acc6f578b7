package dev.ingate.translate.canonical;

/**
 * Token counts with nothing counted twice: {@code inputTokens} excludes the cached tokens (Anthropic's
 * meaning), so OpenAI's {@code prompt_tokens} is {@code inputTokens + cacheReadTokens + cacheWriteTokens}.
 */
public record Usage(long inputTokens, long cacheReadTokens, long cacheWriteTokens, long outputTokens) {

    public static final Usage NONE = new Usage(0, 0, 0, 0);

    public long promptTokensIncludingCache() {
        return inputTokens + cacheReadTokens + cacheWriteTokens;
    }
}
