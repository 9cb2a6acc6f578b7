package dev.ingate.translate.openai;

import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.Usage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's {@code usage} object ↔ canonical usage. OpenAI's {@code prompt_tokens} includes the cached tokens
 * ({@code prompt_tokens_details.cached_tokens}); the canonical input count does not, so they are subtracted on the
 * way in and added back on the way out. OpenAI reports no cache writes, so those are 0 coming from OpenAI and are
 * folded into {@code prompt_tokens} going to it.
 */
final class UsageFields {

    private UsageFields() {
    }

    static Usage decode(JsonNode usage) {
        long prompt = Json.count(usage, "prompt_tokens");
        long cached = Json.count(usage.path("prompt_tokens_details"), "cached_tokens");
        return new Usage(Math.max(0, prompt - cached), cached, 0, Json.count(usage, "completion_tokens"));
    }

    static ObjectNode encode(Usage usage) {
        long prompt = usage.promptTokensIncludingCache();
        ObjectNode node = Json.object();
        node.put("prompt_tokens", prompt);
        node.put("completion_tokens", usage.outputTokens());
        node.put("total_tokens", prompt + usage.outputTokens());
        node.putObject("prompt_tokens_details").put("cached_tokens", usage.cacheReadTokens());
        return node;
    }
}
