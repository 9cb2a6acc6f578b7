package dev.ingate.observe.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a request cost in USD, exact (no rounding: round only when displaying).
 *
 * @param inputUsd    uncached input, cache reads and writes, input audio
 * @param outputUsd   output, reasoning and output audio
 * @param requestsUsd a per-request fee, when the model has one (kept apart, as genai-prices does)
 */
public record Cost(BigDecimal inputUsd, BigDecimal outputUsd, BigDecimal requestsUsd) {

    public static final Cost ZERO = new Cost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public Cost {
        Objects.requireNonNull(inputUsd, "inputUsd");
        Objects.requireNonNull(outputUsd, "outputUsd");
        Objects.requireNonNull(requestsUsd, "requestsUsd");
    }

    public BigDecimal totalUsd() {
        return inputUsd.add(outputUsd).add(requestsUsd);
    }

    public Cost plus(Cost other) {
        return new Cost(inputUsd.add(other.inputUsd), outputUsd.add(other.outputUsd),
                requestsUsd.add(other.requestsUsd));
    }
}
