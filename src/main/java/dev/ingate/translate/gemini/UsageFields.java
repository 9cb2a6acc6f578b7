package dev.ingate.translate.gemini;

import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.Usage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gemini {@code usageMetadata} ↔ canonical usage. {@code promptTokenCount} includes {@code cachedContentTokenCount}
 * (as OpenAI's prompt_tokens includes cached_tokens), so the cached count is taken out of the input; tokens a
 * built-in tool fetched ({@code toolUsePromptTokenCount}) are input too. Thinking is billed as output, so
 * {@code thoughtsTokenCount} is added to {@code candidatesTokenCount}. Gemini reports no cache writes.
 */
final class UsageFields {

    private UsageFields() {
    }

    static Usage decode(JsonNode usage) {
        long prompt = Fields.count(usage, "promptTokenCount") + Fields.count(usage, "toolUsePromptTokenCount");
        long cached = Fields.count(usage, "cachedContentTokenCount");
        long output = Fields.count(usage, "candidatesTokenCount") + Fields.count(usage, "thoughtsTokenCount");
        return new Usage(Math.max(0, prompt - cached), cached, 0, output);
    }

    /** Cache writes are folded into the prompt count: Gemini has no field for them, and they were input. */
    static ObjectNode encode(Usage usage) {
        long prompt = usage.promptTokensIncludingCache();
        ObjectNode node = Json.object();
        node.put("promptTokenCount", prompt);
        node.put("candidatesTokenCount", usage.outputTokens());
        node.put("totalTokenCount", prompt + usage.outputTokens());
        if (usage.cacheReadTokens() > 0) {
            node.put("cachedContentTokenCount", usage.cacheReadTokens());
        }
        return node;
    }
}
