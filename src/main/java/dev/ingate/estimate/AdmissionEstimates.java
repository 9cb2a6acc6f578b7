package dev.ingate.estimate;

import dev.ingate.observe.pricing.CostCalculator;
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
import io.vertx.core.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * The {@link AdmissionEstimate} of an exchange (rate limits and budgets both need it), worked out once, in two
 * steps. {@link #of} first: for an OpenAI model its prompt counts as its UTF-8 bytes, an upper bound of its tokens
 * that costs one pass over the text, where encoding it costs ~50 ns a character (a coding agent's 40 KB prompt is
 * some 2 ms of CPU). A check that the bound fits needs nothing more; one it does not fit asks {@link #exactOf}
 * before it refuses, so the bound never refuses a request the exact count would let through. Bodies up to
 * {@link #INLINE_PARSE_BYTES} are read on the event loop; larger ones, exact counts of more than
 * {@link Tokenizer#INLINE_BYTES}, and the first use of an encoding (which loads its tables) go to a worker.
 * Only requests that a token limit or a budget applies to pay for any of it.
 *
 * <p>Output is what the request allows ({@code max_tokens} and its kin), else the model's maximum capped at
 * {@link #DEFAULT_OUTPUT_CAP}: a model's full maximum (tens of thousands of tokens) would make every request without a
 * limit look like the most expensive one. The recorded usage corrects the estimate once the answer is in.
 */
public final class AdmissionEstimates {

    public static final int DEFAULT_OUTPUT_CAP = 4096;
    /** Parsing and walking this much JSON takes some hundred microseconds: more goes to a worker. */
    static final int INLINE_PARSE_BYTES = 64 * 1024;

    private static final AttributeKey<Future<AdmissionEstimate>> QUICK = new AttributeKey<>("admission-estimate");
    private static final AttributeKey<Future<AdmissionEstimate>> EXACT = new AttributeKey<>("admission-estimate-exact");

    private static final CharSequence ANTHROPIC_VERSION = HttpHeaders.createOptimized("anthropic-version");

    private final Estimator estimator;

    public AdmissionEstimates(PriceCatalog prices) {
        this.estimator = new Estimator(prices);
    }

    /** The estimate to check first: exact for models counted as chars/4, an upper bound for OpenAI's. On the event loop. */
    public Future<AdmissionEstimate> of(Exchange ex) {
        return once(ex, QUICK, true);
    }

    /** The exact estimate, for a check the first one did not pass. On the event loop. */
    public Future<AdmissionEstimate> exactOf(Exchange ex) {
        return once(ex, EXACT, false);
    }

    private Future<AdmissionEstimate> once(Exchange ex, AttributeKey<Future<AdmissionEstimate>> slot, boolean upperBound) {
        Future<AdmissionEstimate> known = ex.attribute(slot);
        if (known == null) {
            known = compute(ex, upperBound);
            ex.attribute(slot, known);
        }
        return known;
    }

    private Future<AdmissionEstimate> compute(Exchange ex, boolean upperBound) {
        Buffer body = ex.body();
        Provider provider = ex.provider();
        boolean anthropicHeader = ex.request().getHeader(ANTHROPIC_VERSION) != null;
        Context context = Vertx.currentContext();
        if (body == null || body.length() == 0 || context == null) {
            return Future.succeededFuture(AdmissionEstimate.NONE);
        }
        boolean inline = upperBound ? body.length() <= INLINE_PARSE_BYTES : Tokenizer.forModel(ex.model()).countsInline(body.length());
        if (inline) {
            return Future.succeededFuture(estimate(BodyTree.of(ex), body.length(), anthropicHeader, provider, upperBound));
        }
        return context.executeBlocking(() -> estimate(BodyTree.parse(body.getBytes()), body.length(), anthropicHeader, provider, upperBound), false)
                .otherwise(AdmissionEstimate.NONE);
    }

    /** CPU work. A body that cannot be estimated (no model, not a chat or text request) counts a chars/4 guess. */
    private AdmissionEstimate estimate(JsonNode json, int bodyLength, boolean anthropicHeader, Provider provider, boolean upperBound) {
        if (json == null) {
            return new AdmissionEstimate(bodyLength / 4, 0, 0);
        }
        String providerName = provider == null ? null : provider.name();
        String providerType = provider == null ? null : provider.shape().configName();
        Estimator.Prompt prompt;
        try {
            prompt = estimator.prompt(json, anthropicHeader, providerName, providerType, upperBound);
        } catch (InvalidEstimateRequest e) {
            return new AdmissionEstimate(bodyLength / 4, 0, 0);
        }
        long output = prompt.output(DEFAULT_OUTPUT_CAP);
        long cost = prompt.price().map(p -> toNanos(CostCalculator.cost(p, Usage.of(prompt.inputTokens(), output)).totalUsd())).orElse(0L);
        return new AdmissionEstimate(prompt.inputTokens(), output, cost, !upperBound || prompt.tokenizer() == Tokenizer.ESTIMATE);
    }

    private static long toNanos(java.math.BigDecimal usd) {
        return usd.movePointRight(9).setScale(0, java.math.RoundingMode.CEILING).longValue();
    }
}
