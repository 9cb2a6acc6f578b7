package dev.ingate.observe.pricing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A model as the price catalog knows it: its identity at one provider, its limits when known,
 * and its prices. Prices can change over time (a start date, or daily off-peak hours), so they
 * are read through {@link #rates()}, which picks the set in force on the catalog's clock, or
 * {@link #ratesAt(Instant)} for a given moment (e.g. the request's start).
 */
public final class ModelPrice {

    private final String providerId;
    private final String modelId;
    private final String name;
    private final int contextWindow;
    private final int maxOutputTokens;
    private final List<PriceWindow> windows;
    private final MatchClause match;
    private final Clock clock;

    ModelPrice(String providerId, String modelId, String name, int contextWindow, int maxOutputTokens,
               List<PriceWindow> windows, MatchClause match, Clock clock) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("model " + modelId + " has no prices");
        }
        this.providerId = Objects.requireNonNull(providerId);
        this.modelId = Objects.requireNonNull(modelId);
        this.name = name;
        this.contextWindow = contextWindow;
        this.maxOutputTokens = maxOutputTokens;
        this.windows = List.copyOf(windows);
        this.match = match;
        this.clock = clock;
    }

    /** A zero-priced entry for a model served locally (Ollama, LM Studio, vLLM…). */
    static ModelPrice free(String providerId, String model, Clock clock) {
        return new ModelPrice(providerId, model, null, 0, 0,
                List.of(PriceWindow.always(Rates.FREE)), MatchClause.NONE, clock);
    }

    /**
     * The genai-prices provider whose list holds this price (e.g. {@code openai}, {@code aws}); for
     * a model found through a fallback (Azure serving {@code gpt-4o}) that is the fallback's id.
     */
    public String providerId() {
        return providerId;
    }

    /** The catalog's model id (e.g. {@code claude-3-5-sonnet}), not necessarily the name asked for. */
    public String modelId() {
        return modelId;
    }

    /** Display name, or the model id when the catalog has none. */
    public String name() {
        return name != null ? name : modelId;
    }

    /** Maximum input tokens, or 0 when unknown. */
    public int contextWindow() {
        return contextWindow;
    }

    /**
     * Maximum output tokens, or 0 when unknown. genai-prices does not carry this; it comes from
     * Ingate's own small table ({@code pricing/model-limits.json}), which covers the models a
     * translated request most needs it for (Anthropic's require {@code max_tokens}).
     */
    public int maxOutputTokens() {
        return maxOutputTokens;
    }

    /** {@link #maxOutputTokens()}, or {@code fallback} when unknown (SPEC 3 uses 4096). */
    public int maxOutputTokensOr(int fallback) {
        return maxOutputTokens > 0 ? maxOutputTokens : fallback;
    }

    /** The prices in force now, by the catalog's clock. */
    public Rates rates() {
        return ratesAt(clock.instant());
    }

    /** The prices in force at {@code at}: the last window in force, else the first. */
    public Rates ratesAt(Instant at) {
        for (int i = windows.size() - 1; i >= 0; i--) {
            PriceWindow w = windows.get(i);
            if (w.activeAt(at)) {
                return w.rates();
            }
        }
        return windows.getFirst().rates();
    }

    /** Cost of a usage at today's prices; see {@link CostCalculator#cost(ModelPrice, Usage)}. */
    public Cost cost(Usage usage) {
        return CostCalculator.cost(rates(), usage);
    }

    /** True when every price set of this model is zero (local models). */
    public boolean free() {
        return windows.stream().allMatch(w -> w.rates().free());
    }

    /** True when prices depend on the date or time of day. */
    public boolean timeDependent() {
        return windows.size() > 1;
    }

    boolean matches(String lowerModel) {
        return match.matches(lowerModel);
    }

    ModelPrice withMaxOutputTokens(int max) {
        return new ModelPrice(providerId, modelId, name, contextWindow, max, windows, match, clock);
    }

    @Override
    public String toString() {
        return "ModelPrice{" + providerId + "/" + modelId + " " + rates() + "}";
    }
}
