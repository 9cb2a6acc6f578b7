package dev.ingate.observe.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maximum output tokens by model family, from {@code pricing/model-limits.json}: genai-prices
 * has context windows but no output limits, and a request translated to Anthropic must state one.
 */
final class ModelLimits {

    static final String RESOURCE = "/pricing/model-limits.json";

    private record Entry(MatchClause match, int tokens) {
    }

    private final List<Entry> entries;

    private ModelLimits(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static ModelLimits load(JsonMapper json) {
        try (InputStream in = ModelLimits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonNode root = json.readTree(in);
            List<Entry> entries = new ArrayList<>();
            for (JsonNode e : root.path("max_output_tokens")) {
                entries.add(new Entry(MatchClause.compile(e.get("match")), e.get("tokens").asInt()));
            }
            return new ModelLimits(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param lowerModel a lower-cased model name; @return the limit, or 0 when unknown */
    int maxOutputTokens(String lowerModel) {
        for (Entry e : entries) {
            if (e.match().matches(lowerModel)) {
                return e.tokens();
            }
        }
        return 0;
    }
}
