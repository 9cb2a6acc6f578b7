package dev.ingate.estimate;

import dev.ingate.observe.pricing.CostCalculator;
import dev.ingate.observe.pricing.ModelPrice;
import dev.ingate.observe.pricing.PriceCatalog;
import dev.ingate.observe.pricing.Usage;
import dev.ingate.pipeline.AttributeKey;
import dev.ingate.pipeline.BodyTree;
import dev.ingate.pipeline.Exchange;
import dev.ingate.provider.Provider;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import tools.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * The {@link AdmissionEstimate} of an exchange, worked out once (rate limits and budgets both need it). A body of
 * up to {@link Tokenizer#INLINE_BYTES} whose model's encoding is already loaded is counted on its event loop (some tens of
 * microseconds, less than the hand-over to a worker costs); a larger one, or the first use of an encoding (which
 * loads its tables), goes to a worker thread. Only requests that a token limit or a budget applies to pay for it.
 *
 * <p>Output is what the request allows ({@code max_tokens} and its kin), else the model's maximum capped at
 * {@link #DEFAULT_OUTPUT_CAP}: a model's full maximum (tens of thousands of tokens) would make every request without a
 * limit look like the most expensive one. The recorded usage corrects the estimate once the answer is in.
 */
public final class AdmissionEstimates {

    public static final int DEFAULT_OUTPUT_CAP = 4096;

    private static final AttributeKey<Future<AdmissionEstimate>> ESTIMATE = new AttributeKey<>("admission-estimate");

    private final Estimator estimator;

    public AdmissionEstimates(PriceCatalog prices) {
        this.estimator = new Estimator(prices);
    }

    /** The estimate of this exchange's request; called on its event loop. */
    public Future<AdmissionEstimate> of(Exchange ex) {
        Future<AdmissionEstimate> known = ex.attribute(ESTIMATE);
        if (known == null) {
            Buffer body = ex.body();
            Provider provider = ex.provider();
            boolean anthropicHeader = ex.request().getHeader("anthropic-version") != null;
            Context context = Vertx.currentContext();
            if (body == null || body.length() == 0 || context == null) {
                known = Future.succeededFuture(AdmissionEstimate.NONE);
            } else if (Tokenizer.forModel(ex.model()).countsInline(body.length())) {
                known = Future.succeededFuture(estimate(BodyTree.of(ex), body.length(), anthropicHeader, provider));
            } else {
                known = context.executeBlocking(() -> estimate(body, anthropicHeader, provider), false)
                        .otherwise(AdmissionEstimate.NONE);
            }
            ex.attribute(ESTIMATE, known);
        }
        return known;
    }

    /** CPU work. A body that cannot be estimated (no model, not a chat or text request) counts a chars/4 guess. */
    AdmissionEstimate estimate(Buffer body, boolean anthropicHeader, Provider provider) {
        return estimate(BodyTree.parse(body.getBytes()), body.length(), anthropicHeader, provider);
    }

    private AdmissionEstimate estimate(JsonNode json, int bodyLength, boolean anthropicHeader, Provider provider) {
        if (json == null) {
            return new AdmissionEstimate(bodyLength / 4, 0, 0);
        }
        String providerName = provider == null ? null : provider.name();
        String providerType = provider == null ? null : provider.shape().configName();
        Estimate full;
        try {
            full = estimator.estimate(json, anthropicHeader, providerName, providerType);
        } catch (InvalidEstimateRequest e) {
            return new AdmissionEstimate(bodyLength / 4, 0, 0);
        }
        int requested = Estimator.requestedMaxOutput(json);
        long output = requested > 0 ? requested : Math.min(full.maxOutputTokens(), DEFAULT_OUTPUT_CAP);
        Optional<ModelPrice> price = estimator.price(providerName, providerType, full.model());
        long cost = price.map(p -> toNanos(CostCalculator.cost(p, Usage.of(full.inputTokens(), output)).totalUsd())).orElse(0L);
        return new AdmissionEstimate(full.inputTokens(), output, cost);
    }

    private static long toNanos(java.math.BigDecimal usd) {
        return usd.movePointRight(9).setScale(0, java.math.RoundingMode.CEILING).longValue();
    }
}
