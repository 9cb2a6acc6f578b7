package dev.ingate.observe.pricing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the catalog's providers from genai-prices' {@code data.json} (see its data.schema.json). The file is read
 * as a stream: each provider's own fields become trees, its {@code models} array is only stepped over and kept as
 * the span of bytes it takes, which {@link CatalogProvider} parses at its first lookup.
 */
final class CatalogParser {

    private CatalogParser() {
    }

    static List<CatalogProvider> parse(JsonMapper json, byte[] data, Clock clock) {
        try (JsonParser p = json.createParser(data)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("genai-prices data is a list of providers");
            }
            List<CatalogProvider> providers = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                providers.add(provider(json, data, p, clock));
            }
            return providers;
        }
    }

    /** The provider whose START_OBJECT {@code p} is on; leaves {@code p} on its END_OBJECT. */
    private static CatalogProvider provider(JsonMapper json, byte[] data, JsonParser p, Clock clock) {
        String id = null;
        String name = null;
        JsonNode providerMatch = null;
        JsonNode modelMatch = null;
        List<String> fallbacks = new ArrayList<>();
        int modelsFrom = -1;
        int modelsTo = -1;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = p.getString();
                case "name" -> name = p.getString();
                case "provider_match" -> providerMatch = p.readValueAsTree();
                case "model_match" -> modelMatch = p.readValueAsTree();
                case "fallback_model_providers" -> p.<JsonNode>readValueAsTree().forEach(f -> fallbacks.add(f.asString()));
                case "models" -> {
                    modelsFrom = byteOffset(p);
                    p.skipChildren();
                    modelsTo = byteOffset(p) + 1;
                }
                default -> p.skipChildren();
            }
        }
        if (id == null) {
            throw new IllegalArgumentException("a genai-prices provider without an id");
        }
        String providerId = id;
        int from = modelsFrom;
        int to = modelsTo;
        Supplier<List<ModelPrice>> models = from < 0 ? List::of : () -> models(providerId, json.readTree(data, from, to - from), clock);
        return new CatalogProvider(id, name == null ? id : name, MatchClause.compile(providerMatch), MatchClause.compile(modelMatch),
                models, fallbacks);
    }

    private static int byteOffset(JsonParser p) {
        long offset = p.currentTokenLocation().getByteOffset();
        if (offset < 0) {
            throw new IllegalStateException("the JSON parser does not report byte offsets");
        }
        return Math.toIntExact(offset);
    }

    private static List<ModelPrice> models(String providerId, JsonNode array, Clock clock) {
        List<ModelPrice> models = new ArrayList<>(array.size());
        for (JsonNode m : array) {
            models.add(model(providerId, m, clock));
        }
        return models;
    }

    private static ModelPrice model(String providerId, JsonNode m, Clock clock) {
        String modelId = m.get("id").asString();
        JsonNode prices = m.get("prices");
        List<PriceWindow> windows = new ArrayList<>();
        if (prices.isArray()) {
            for (JsonNode conditional : prices) {
                windows.add(PriceWindow.parse(conditional));
            }
        } else {
            windows.add(PriceWindow.always(Rates.parse(prices)));
        }
        JsonNode name = m.get("name");
        return new ModelPrice(providerId, modelId, name == null ? null : name.asString(),
                m.path("context_window").asInt(0), 0, windows, MatchClause.compile(m.get("match")), clock);
    }
}
