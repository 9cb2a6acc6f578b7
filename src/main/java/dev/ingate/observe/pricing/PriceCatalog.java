package dev.ingate.observe.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.ingate.config.PriceOverride;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Model prices from the bundled genai-prices data ({@code pricing/genai-prices.json}, MIT, see
 * {@code pricing/SOURCE-genai-prices}). Loaded once, then read on every request, so everything a
 * lookup needs (match clauses, regexes, prices) is compiled at load and results are cached.
 *
 * <p>{@link #find(String, String)} takes a provider the way Ingate names it (see
 * {@link ProviderLookup} for how names map to genai-prices providers; local servers such as
 * Ollama are free) and matches the model name, case-insensitively, against that provider's models
 * in the data's order. Misses also try the providers whose models it serves (Azure → OpenAI,
 * Anthropic; Google → Anthropic), and a Gemini resource name ({@code models/gemini-2.5-pro}) is
 * also tried without its {@code models/} prefix (genai-prices itself finds nothing for it). Other
 * {@code vendor/model} names are not cut: they are OpenRouter's ids, which the data lists as such,
 * and guessing would price one provider's request with another's model. Prices that change with time are picked by the clock given to
 * {@link #load(Clock)} (the system clock for {@link #load()}).
 */
public final class PriceCatalog {

    static final String RESOURCE = "/pricing/genai-prices.json";

    /** Lookups are per request; names come from clients, so the cache is bounded by clearing. */
    static final int CACHE_LIMIT = 10_000;

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // "0.135" stays 0.135, exactly
            .build();

    private static final class Shared {
        static final PriceCatalog INSTANCE = load(Clock.systemUTC());
    }

    private final ProviderLookup providers;
    private final ModelLimits limits;
    private final Clock clock;
    private final PriceOverrides overrides;
    private final ConcurrentHashMap<String, Optional<ModelPrice>> cache = new ConcurrentHashMap<>();

    private PriceCatalog(ProviderLookup providers, ModelLimits limits, Clock clock, PriceOverrides overrides) {
        this.providers = providers;
        this.limits = limits;
        this.clock = clock;
        this.overrides = overrides;
    }

    /** The bundled catalog on the system clock, parsed once per JVM and shared. */
    public static PriceCatalog load() {
        return Shared.INSTANCE;
    }

    /** A freshly parsed catalog whose time-dependent prices follow {@code clock} (tests, replays). */
    public static PriceCatalog load(Clock clock) {
        try (InputStream in = PriceCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new PriceCatalog(new ProviderLookup(CatalogParser.parse(JSON, in.readAllBytes(), clock)), ModelLimits.load(JSON), clock,
                    new PriceOverrides(List.of(), clock));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This catalog with the config file's {@code pricing:} entries in front: a model they name is priced by them at
     * every provider. The catalog itself is shared, not copied.
     */
    public PriceCatalog withOverrides(List<PriceOverride> entries) {
        return entries.isEmpty() ? this : new PriceCatalog(providers, limits, clock, new PriceOverrides(entries, clock));
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The price of {@code model} at {@code provider} (an Ingate provider name or type, or a
     * genai-prices provider id), or empty when the provider or the model is unknown.
     */
    public Optional<ModelPrice> find(String provider, String model) {
        String p = MatchClause.normalize(provider);
        String m = MatchClause.normalize(model);
        return cached(p + '\n' + m, () -> lookup(p, m));
    }

    /**
     * Like {@link #find(String, String)} with the provider's configured name first, then its type
     * ({@code openai}, {@code anthropic}, {@code gemini}, {@code bedrock}, {@code ollama}), so a
     * provider named {@code azure-gpt4} prices as Azure and one named {@code corp} of type
     * {@code openai} as OpenAI.
     */
    public Optional<ModelPrice> find(String providerName, String providerType, String model) {
        Optional<ModelPrice> byName = find(providerName, model);
        return byName.isPresent() || providerType == null ? byName : find(providerType, model);
    }

    /**
     * The price of {@code model} at whichever provider the name points to, for routing and
     * estimates: first a provider whose {@code model_match} claims the name ({@code gpt-…} →
     * OpenAI, {@code claude…} → Anthropic, {@code gemini…} → Google), else the first provider, in
     * the data's order, with a matching model.
     */
    public Optional<ModelPrice> findAnyProvider(String model) {
        String m = MatchClause.normalize(model);
        return cached("\n" + m, () -> anyProvider(m));
    }

    /**
     * The ids of the models the catalog lists for a provider known by this name (its genai-prices id or a name
     * that maps to it, such as {@code gemini} for Google), in the data's order; empty for a name it does not
     * know. Not by provider type: a self-hosted OpenAI-compatible server does not serve OpenAI's models.
     */
    public List<String> modelIds(String providerName) {
        CatalogProvider provider = providers.resolve(MatchClause.normalize(providerName));
        if (provider == null) {
            return List.of();
        }
        List<String> ids = new java.util.ArrayList<>(provider.models().size());
        for (ModelPrice model : provider.models()) {
            ids.add(model.modelId());
        }
        return ids;
    }

    /** Shortcut: the cost of a usage of {@code model} at {@code provider} at today's prices. */
    public Optional<Cost> cost(String provider, String model, Usage usage) {
        return find(provider, model).map(price -> price.cost(usage));
    }

    int cachedLookups() {
        return cache.size();
    }

    private Optional<ModelPrice> cached(String key, Supplier<Optional<ModelPrice>> compute) {
        Optional<ModelPrice> hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        Optional<ModelPrice> result = compute.get();
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear(); // crude but allocation-free on the hot path; the working set refills fast
        }
        cache.put(key, result);
        return result;
    }

    private Optional<ModelPrice> lookup(String provider, String model) {
        if (model.isEmpty()) {
            return Optional.empty();
        }
        ModelPrice overridden = overrides.find(model);
        if (overridden != null) {
            return Optional.of(withLimits(overridden, model));
        }
        if (ProviderLookup.isLocal(provider)) {
            return Optional.of(withLimits(ModelPrice.free(provider, model, clock), model));
        }
        CatalogProvider p = providers.resolve(provider);
        if (p == null) {
            return Optional.empty();
        }
        ModelPrice found = withFallbacks(p, model);
        String tail = withoutResourcePrefix(model);
        if (found == null && tail != null) {
            found = withFallbacks(p, tail);
        }
        return Optional.ofNullable(found).map(price -> withLimits(price, model));
    }

    private Optional<ModelPrice> anyProvider(String model) {
        if (model.isEmpty()) {
            return Optional.empty();
        }
        ModelPrice overridden = overrides.find(model);
        if (overridden != null) {
            return Optional.of(withLimits(overridden, model));
        }
        ModelPrice found = anyProviderExact(model);
        String tail = withoutResourcePrefix(model);
        if (found == null && tail != null) {
            found = anyProviderExact(tail);
        }
        return Optional.ofNullable(found).map(price -> withLimits(price, model));
    }

    private ModelPrice anyProviderExact(String model) {
        for (CatalogProvider p : providers.all()) {
            if (p.modelMatch().matches(model)) {
                ModelPrice m = withFallbacks(p, model);
                if (m != null) {
                    return m;
                }
            }
        }
        for (CatalogProvider p : providers.all()) {
            ModelPrice m = p.model(model);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    // One step only, as genai-prices does: a fallback provider's own fallbacks are not followed.
    private ModelPrice withFallbacks(CatalogProvider p, String model) {
        ModelPrice own = p.model(model);
        if (own != null) {
            return own;
        }
        for (String id : p.fallbackProviderIds()) {
            CatalogProvider fallback = providers.byId(id);
            ModelPrice m = fallback == null ? null : fallback.model(model);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private ModelPrice withLimits(ModelPrice price, String requestedModel) {
        int max = limits.maxOutputTokens(requestedModel);
        if (max == 0) {
            max = limits.maxOutputTokens(MatchClause.normalize(price.modelId()));
        }
        return max == 0 ? price : price.withMaxOutputTokens(max);
    }

    private static String withoutResourcePrefix(String model) {
        return model.startsWith("models/") && model.length() > "models/".length()
                ? model.substring("models/".length())
                : null;
    }
}
