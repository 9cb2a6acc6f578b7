package dev.ingate.observe;

import dev.ingate.observe.pricing.PriceCatalog;
import dev.ingate.observe.pricing.Usage;
import dev.ingate.observe.usage.UsageFacts;
import dev.ingate.pipeline.AttributeKey;
import dev.ingate.pipeline.Exchange;
import dev.ingate.provider.Provider;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The cost of a finished exchange from its usage and the price catalog, worked out once: the metrics and the
 * request record both need it, and the first to ask leaves it on the exchange for the other.
 */
public final class ExchangeCost {

    private static final AttributeKey<Optional<BigDecimal>> COST = new AttributeKey<>("cost");

    private final PriceCatalog prices;

    public ExchangeCost(PriceCatalog prices) {
        this.prices = prices;
    }

    /** USD, or null when there is no usage or the served model has no known price; 0 for an answer from the response cache. */
    public BigDecimal of(Exchange ex) {
        Optional<BigDecimal> known = ex.attribute(COST);
        if (known == null && "HIT".equals(ex.attribute(Attributes.CACHE))) {
            known = Optional.of(BigDecimal.ZERO);
            ex.attribute(COST, known);
        }
        if (known == null) {
            known = Optional.ofNullable(compute(ex.provider(), ex.model(), usage(ex)));
            ex.attribute(COST, known);
        }
        return known.orElse(null);
    }

    static UsageFacts usage(Exchange ex) {
        UsageFacts usage = ex.attribute(Attributes.USAGE);
        return usage == null ? UsageFacts.NONE : usage;
    }

    /** The served model's price at this provider (by name, then by its API shape). */
    private BigDecimal compute(Provider provider, String requestedModel, UsageFacts usage) {
        if (!usage.found() || provider == null) {
            return null;
        }
        String model = usage.model() != null ? usage.model() : requestedModel;
        if (model == null) {
            return null;
        }
        Usage billable = Usage.fromInclusive(usage.inputTokens(), usage.cachedInputTokens(), usage.cacheCreationTokens(),
                usage.outputTokens(), usage.reasoningTokens());
        return prices.find(provider.name(), provider.shape().configName(), model)
                .map(price -> price.cost(billable).totalUsd())
                .orElse(null);
    }
}
