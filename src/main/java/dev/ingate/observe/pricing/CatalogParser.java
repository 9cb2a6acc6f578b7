package dev.ingate.observe.pricing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the catalog's providers from genai-prices' {@code data.json} (see its data.schema.json). Each provider's own
 * fields are parsed here; its {@code models} array, found by {@link ModelsSpans}, is kept as the span of bytes it takes
 * and parsed by {@link CatalogProvider} at its first lookup.
 */
final class CatalogParser {

    private CatalogParser() {
    }

    static List<CatalogProvider> parse(JsonMapper json, byte[] data, Clock clock) {
        ModelsSpans models = ModelsSpans.of(data);
        JsonNode root = json.readTree(models.withoutModels);
        if (!root.isArray()) {
            throw new IllegalArgumentException("genai-prices data is a list of providers");
        }
        List<CatalogProvider> providers = new ArrayList<>(root.size());
        int withModels = 0;
        for (JsonNode p : root) {
            String id = p.get("id").asString();
            int[] span = p.path("models").isArray() ? models.spans.get(withModels++) : null;
            Supplier<List<ModelPrice>> parseModels = span == null ? List::of
                    : () -> models(id, json.readTree(data, span[0], span[1] - span[0]), clock);
            List<String> fallbacks = new ArrayList<>();
            for (JsonNode f : p.path("fallback_model_providers")) {
                fallbacks.add(f.asString());
            }
            providers.add(new CatalogProvider(id, p.path("name").asString(id),
                    MatchClause.compile(p.get("provider_match")), MatchClause.compile(p.get("model_match")),
                    parseModels, fallbacks));
        }
        if (withModels != models.spans.size()) {
            throw new IllegalArgumentException("genai-prices data has models arrays outside its providers");
        }
        return providers;
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
