package dev.ingate.translate.anthropic;

import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.Usage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic's {@code usage} ↔ canonical usage: the same meaning (input excludes cache reads and writes). */
final class UsageFields {

    private UsageFields() {
    }

    static Usage decode(JsonNode usage) {
        return new Usage(Json.count(usage, "input_tokens"), Json.count(usage, "cache_read_input_tokens"),
                Json.count(usage, "cache_creation_input_tokens"), Json.count(usage, "output_tokens"));
    }

    /** A later report (message_delta) over an earlier one (message_start): fields it carries win. */
    static Usage merge(Usage earlier, JsonNode later) {
        return new Usage(
                later.has("input_tokens") ? Json.count(later, "input_tokens") : earlier.inputTokens(),
                later.has("cache_read_input_tokens") ? Json.count(later, "cache_read_input_tokens") : earlier.cacheReadTokens(),
                later.has("cache_creation_input_tokens") ? Json.count(later, "cache_creation_input_tokens") : earlier.cacheWriteTokens(),
                later.has("output_tokens") ? Json.count(later, "output_tokens") : earlier.outputTokens());
    }

    static ObjectNode encode(Usage usage) {
        return Json.object()
                .put("input_tokens", usage.inputTokens())
                .put("cache_creation_input_tokens", usage.cacheWriteTokens())
                .put("cache_read_input_tokens", usage.cacheReadTokens())
                .put("output_tokens", usage.outputTokens());
    }
}
