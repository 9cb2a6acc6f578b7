package dev.ingate.translate.responses;

import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.Usage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Responses {@code usage} object ↔ canonical usage. Its {@code input_tokens} includes the cached tokens
 * ({@code input_tokens_details.cached_tokens}) and the ones written to the cache ({@code cache_write_tokens}); the
 * canonical input count includes neither, so both are subtracted on the way in and added back on the way out.
 * Reasoning tokens are part of {@code output_tokens} already and are not counted again.
 */
final class UsageFields {

    private UsageFields() {
    }

    static Usage decode(JsonNode usage) {
        JsonNode details = usage.path("input_tokens_details");
        long cached = Json.count(details, "cached_tokens");
        long written = Json.count(details, "cache_write_tokens");
        return new Usage(Math.max(0, Json.count(usage, "input_tokens") - cached - written), cached, written,
                Json.count(usage, "output_tokens"));
    }

    /** Canonical usage has no reasoning count: 0 says "not known", not "none were used". */
    static ObjectNode encode(Usage usage) {
        long input = usage.promptTokensIncludingCache();
        ObjectNode node = Json.object();
        node.put("input_tokens", input);
        node.putObject("input_tokens_details").put("cached_tokens", usage.cacheReadTokens())
                .put("cache_write_tokens", usage.cacheWriteTokens());
        node.put("output_tokens", usage.outputTokens());
        node.putObject("output_tokens_details").put("reasoning_tokens", 0);
        node.put("total_tokens", input + usage.outputTokens());
        return node;
    }
}
