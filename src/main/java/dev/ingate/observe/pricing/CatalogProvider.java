package dev.ingate.observe.pricing;

import java.util.List;
import java.util.function.Supplier;

/**
 * One genai-prices provider: its id, how Ingate names map to it ({@code provider_match}), which
 * model names point to it when no provider is given ({@code model_match}), its models in the
 * data's order (first match wins), and the providers whose models it also serves
 * ({@code fallback_model_providers}, e.g. Azure serves OpenAI's and Anthropic's models).
 *
 * <p>The models are parsed at the first lookup that needs them: the catalog has some 1,400 (690 of them
 * OpenRouter's), a gateway asks for a few providers', and parsing them all cost a cold start ~0.1 s of CPU.
 */
final class CatalogProvider {

    private final String id;
    private final String name;
    private final MatchClause providerMatch;
    private final MatchClause modelMatch;
    private final List<String> fallbackProviderIds;
    private final Supplier<List<ModelPrice>> parseModels;
    private volatile List<ModelPrice> models;

    CatalogProvider(String id, String name, MatchClause providerMatch, MatchClause modelMatch,
                    Supplier<List<ModelPrice>> parseModels, List<String> fallbackProviderIds) {
        this.id = id;
        this.name = name;
        this.providerMatch = providerMatch;
        this.modelMatch = modelMatch;
        this.parseModels = parseModels;
        this.fallbackProviderIds = List.copyOf(fallbackProviderIds);
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    MatchClause providerMatch() {
        return providerMatch;
    }

    MatchClause modelMatch() {
        return modelMatch;
    }

    List<String> fallbackProviderIds() {
        return fallbackProviderIds;
    }

    /** The models in the data's order, parsed once (by whichever thread asks first; the others wait for it). */
    List<ModelPrice> models() {
        List<ModelPrice> parsed = models;
        if (parsed == null) {
            synchronized (this) {
                if (models == null) {
                    models = List.copyOf(parseModels.get());
                }
                parsed = models;
            }
        }
        return parsed;
    }

    /** First model of this provider whose match clause accepts the lower-cased name, or null. */
    ModelPrice model(String lowerModel) {
        for (ModelPrice m : models()) {
            if (m.matches(lowerModel)) {
                return m;
            }
        }
        return null;
    }
}
