package dev.ingate.observe.pricing;

/**
 * Token usage of one request, normalised so that no token is counted twice.
 *
 * <p>The three input buckets are disjoint: {@code inputTokens} (uncached, not written to the
 * cache), {@code cachedInputTokens} (cache reads) and {@code cacheWriteTokens}; their sum is
 * {@link #totalInputTokens()}. Providers disagree on what their "input" means, and getting that
 * wrong bills cached tokens twice, so build a Usage through the factory for the provider's shape:
 * <ul>
 *   <li>OpenAI (chat {@code prompt_tokens}, Responses {@code input_tokens}), and every
 *       OpenAI-compatible vendor: the prompt count <em>includes</em> the cached tokens →
 *       {@link #fromOpenAi}.</li>
 *   <li>Anthropic {@code input_tokens} <em>excludes</em> {@code cache_read_input_tokens} and
 *       {@code cache_creation_input_tokens} → {@link #fromAnthropic}; Bedrock Converse likewise →
 *       {@link #fromBedrock}.</li>
 *   <li>Gemini {@code promptTokenCount} includes {@code cachedContentTokenCount}, and thinking is
 *       reported apart from the candidates → {@link #fromGemini}.</li>
 * </ul>
 *
 * <p>The other counts are <em>parts of</em> a bucket, never extra: {@code reasoningTokens} and
 * {@code outputAudioTokens} are included in {@code outputTokens}; {@code inputAudioTokens} in
 * {@code inputTokens}; {@code cachedAudioTokens} in {@code cachedInputTokens}. Reasoning is
 * informational (billed as output); audio parts are billed at audio prices when the model has them.
 */
public record Usage(
        long inputTokens,
        long cachedInputTokens,
        long cacheWriteTokens,
        long outputTokens,
        long reasoningTokens,
        long inputAudioTokens,
        long cachedAudioTokens,
        long outputAudioTokens) {

    public static final Usage NONE = new Usage(0, 0, 0, 0, 0, 0, 0, 0);

    public Usage {
        if ((inputTokens | cachedInputTokens | cacheWriteTokens | outputTokens | reasoningTokens
                | inputAudioTokens | cachedAudioTokens | outputAudioTokens) < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    /** Plain uncached input and output, no cache, no audio. */
    public static Usage of(long inputTokens, long outputTokens) {
        return new Usage(inputTokens, 0, 0, outputTokens, 0, 0, 0, 0);
    }

    /**
     * OpenAI shape: {@code prompt_tokens} (or Responses {@code input_tokens}) includes
     * {@code prompt_tokens_details.cached_tokens}; {@code completion_tokens} includes
     * {@code completion_tokens_details.reasoning_tokens}. 1000 prompt / 800 cached is billed as
     * 200 uncached + 800 cache reads.
     */
    public static Usage fromOpenAi(long promptTokens, long cachedTokens, long completionTokens, long reasoningTokens) {
        return fromInclusive(promptTokens, cachedTokens, 0, completionTokens, reasoningTokens);
    }

    /**
     * Any usage whose input count includes its cache reads and cache writes (genai-prices' own
     * convention; OpenAI-compatible vendors that also report cache writes, such as OpenRouter).
     * Counts the provider got inconsistent (more cached than input) are clamped, not trusted.
     */
    public static Usage fromInclusive(long totalInput, long cacheRead, long cacheWrite, long output, long reasoning) {
        long read = clamp(cacheRead);
        long write = clamp(cacheWrite);
        long uncached = Math.max(0, clamp(totalInput) - read - write);
        long out = clamp(output);
        return new Usage(uncached, read, write, out, Math.min(clamp(reasoning), out), 0, 0, 0);
    }

    /**
     * Anthropic shape: {@code input_tokens} excludes {@code cache_read_input_tokens} and
     * {@code cache_creation_input_tokens}, so all three are added, never subtracted. 200 input /
     * 800 cache read is billed exactly like OpenAI's 1000 prompt / 800 cached.
     */
    public static Usage fromAnthropic(long inputTokens, long cacheReadInputTokens, long cacheCreationInputTokens,
                                      long outputTokens) {
        return new Usage(clamp(inputTokens), clamp(cacheReadInputTokens), clamp(cacheCreationInputTokens),
                clamp(outputTokens), 0, 0, 0, 0);
    }

    /** Bedrock Converse: {@code inputTokens} excludes {@code cacheReadInputTokens}/{@code cacheWriteInputTokens}. */
    public static Usage fromBedrock(long inputTokens, long cacheReadInputTokens, long cacheWriteInputTokens,
                                    long outputTokens) {
        return fromAnthropic(inputTokens, cacheReadInputTokens, cacheWriteInputTokens, outputTokens);
    }

    /**
     * Gemini {@code usageMetadata}: {@code promptTokenCount} includes {@code cachedContentTokenCount};
     * {@code toolUsePromptTokenCount} is further input; output is {@code candidatesTokenCount} plus
     * {@code thoughtsTokenCount} (thinking is billed as output but reported apart).
     */
    public static Usage fromGemini(long promptTokenCount, long cachedContentTokenCount, long candidatesTokenCount,
                                   long thoughtsTokenCount, long toolUsePromptTokenCount) {
        long thoughts = clamp(thoughtsTokenCount);
        return fromInclusive(clamp(promptTokenCount) + clamp(toolUsePromptTokenCount), cachedContentTokenCount, 0,
                clamp(candidatesTokenCount) + thoughts, thoughts);
    }

    /**
     * Adds audio parts, as providers report them: {@code inputAudio} is all audio in the prompt,
     * cached or not (OpenAI {@code prompt_tokens_details.audio_tokens}, Gemini's AUDIO modality);
     * {@code cachedAudio} the audio among the cache reads; {@code outputAudio} the audio among the
     * output. Each is capped by the bucket it belongs to.
     */
    public Usage withAudio(long inputAudio, long cachedAudio, long outputAudio) {
        long cachedA = Math.min(clamp(cachedAudio), cachedInputTokens);
        long uncachedA = Math.min(Math.max(0, clamp(inputAudio) - cachedA), inputTokens);
        return new Usage(inputTokens, cachedInputTokens, cacheWriteTokens, outputTokens, reasoningTokens,
                uncachedA, cachedA, Math.min(clamp(outputAudio), outputTokens));
    }

    /** Every input token: uncached + cache reads + cache writes. Tiers are chosen by this. */
    public long totalInputTokens() {
        return inputTokens + cachedInputTokens + cacheWriteTokens;
    }

    /** Sum of two usages (e.g. the attempts or turns of one request). */
    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, cachedInputTokens + other.cachedInputTokens,
                cacheWriteTokens + other.cacheWriteTokens, outputTokens + other.outputTokens,
                reasoningTokens + other.reasoningTokens, inputAudioTokens + other.inputAudioTokens,
                cachedAudioTokens + other.cachedAudioTokens, outputAudioTokens + other.outputAudioTokens);
    }

    private static long clamp(long n) {
        return Math.max(0, n);
    }
}
