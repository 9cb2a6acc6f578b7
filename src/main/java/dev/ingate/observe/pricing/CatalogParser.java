package dev.ingate.observe.pricing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Builds the catalog's providers from genai-prices' {@code data.json} (see its data.schema.json). */
final class CatalogParser {

    private CatalogParser() {
    }

    static List<CatalogProvider> parse(JsonNode root, Clock clock) {
        if (!root.isArray()) {
            throw new IllegalArgumentException("genai-prices data is a list of providers");
        }
        List<CatalogProvider> providers = new ArrayList<>(root.size());
        for (JsonNode p : root) {
            String id = p.get("id").asString();
            List<ModelPrice> models = new ArrayList<>(p.path("models").size());
            for (JsonNode m : p.path("models")) {
                models.add(model(id, m, clock));
            }
            List<String> fallbacks = new ArrayList<>();
            for (JsonNode f : p.path("fallback_model_providers")) {
                fallbacks.add(f.asString());
            }
            providers.add(new CatalogProvider(id, p.path("name").asString(id),
                    MatchClause.compile(p.get("provider_match")), MatchClause.compile(p.get("model_match")),
                    models, fallbacks));
        }
        return providers;
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
