package dev.ingate.config;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One entry of {@code pricing:}: the price of a model (name or glob) in USD per million tokens, which wins over the
 * catalog for every provider. Negotiated rates, fine-tuned or self-hosted models the catalog does not know.
 * Cached input defaults to the input price, cache writes to the input price.
 */
public record PriceOverride(String model, BigDecimal inputPerMillion, BigDecimal outputPerMillion,
                            Optional<BigDecimal> cachedInputPerMillion, Optional<BigDecimal> cacheWritePerMillion) {
}
