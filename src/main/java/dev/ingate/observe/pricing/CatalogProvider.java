package dev.ingate.observe.pricing;

import java.util.List;

/**
 * One genai-prices provider: its id, how Ingate names map to it ({@code provider_match}), which
 * model names point to it when no provider is given ({@code model_match}), its models in the
 * data's order (first match wins), and the providers whose models it also serves
 * ({@code fallback_model_providers}, e.g. Azure serves OpenAI's and Anthropic's models).
 */
record CatalogProvider(
        String id,
        String name,
        MatchClause providerMatch,
        MatchClause modelMatch,
        List<ModelPrice> models,
        List<String> fallbackProviderIds) {

    CatalogProvider {
        models = List.copyOf(models);
        fallbackProviderIds = List.copyOf(fallbackProviderIds);
    }

    /** First model of this provider whose match clause accepts the lower-cased name, or null. */
    ModelPrice model(String lowerModel) {
        for (ModelPrice m : models) {
            if (m.matches(lowerModel)) {
                return m;
            }
        }
        return null;
    }
}
